#!/usr/bin/env bash
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 scripts/data/make_places.py
python3 scripts/data/make_incidents.py
