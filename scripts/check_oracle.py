#!/usr/bin/env python3
"""Compares `border distances --format csv` output with the exact GeographicLib oracle.

Usage: check_oracle.py ORACLE.csv OURS.csv BORDER.geojson [--max-error-m 0.001] [--max-chainage-error-m 1]

The oracle (../shared/bench/oracle.py) gives id, distance_m, near_lon, near_lat. The reference
chainage of each oracle foot is computed here independently: cumulative geodesic length of the
border up to the edge holding the foot, plus the geodesic distance from that edge's start.
Exits 1 when any point is outside the tolerances.
"""
import argparse
import csv
import json
import sys

import numpy as np
from geographiclib.geodesic import Geodesic

G = Geodesic.WGS84


def load_border(path):
    data = json.load(open(path))
    feature = data["features"][0] if data.get("type") == "FeatureCollection" else data
    coords = feature["geometry"]["coordinates"]
    cumulative = [0.0]
    for (x1, y1), (x2, y2) in zip(coords, coords[1:]):
        cumulative.append(cumulative[-1] + G.Inverse(y1, x1, y2, x2)["s12"])
    return np.array(coords), cumulative


def reference_chainage(foot_lon, foot_lat, coords, cumulative):
    """Chainage of a point on the border: the adjacent edge that holds it best."""
    # The foot may sit mid-way along a long edge, far from both its vertices: try the edges
    # around the twenty nearest vertices and keep the one the foot lies on.
    order = np.argsort((coords[:, 0] - foot_lon) ** 2 + (coords[:, 1] - foot_lat) ** 2)[:20]
    best = None
    for edge in sorted({int(e) for v in order for e in (v - 1, v)}):
        if edge < 0 or edge + 1 >= len(coords):
            continue
        (x1, y1), (x2, y2) = coords[edge], coords[edge + 1]
        along = G.Inverse(y1, x1, foot_lat, foot_lon)["s12"]
        rest = G.Inverse(foot_lat, foot_lon, y2, x2)["s12"]
        length = cumulative[edge + 1] - cumulative[edge]
        slack = along + rest - length  # 0 when the foot lies on this edge
        if best is None or slack < best[0]:
            best = (slack, cumulative[edge] + along)
    return best[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("oracle")
    parser.add_argument("ours")
    parser.add_argument("border")
    parser.add_argument("--max-error-m", type=float, default=0.001)
    parser.add_argument("--max-chainage-error-m", type=float, default=1.0)
    args = parser.parse_args()

    oracle = {row["id"]: row for row in csv.DictReader(open(args.oracle))}
    ours = {row["id"]: row for row in csv.DictReader(open(args.ours))}
    coords, cumulative = load_border(args.border)
    missing = [k for k in oracle if k not in ours]
    errors, separations, chainage_errors = [], [], []
    for key, o in oracle.items():
        if key not in ours:
            continue
        p = ours[key]
        errors.append(abs(float(p["distance_m"]) - float(o["distance_m"])))
        olon, olat = float(o["near_lon"]), float(o["near_lat"])
        separations.append(G.Inverse(olat, olon, float(p["nearest_lat"]), float(p["nearest_lon"]))["s12"])
        chainage_errors.append(abs(float(p["chainage_km"]) * 1000 - reference_chainage(olon, olat, coords, cumulative)))
    errors, separations, chainage_errors = map(np.array, (errors, separations, chainage_errors))
    print(f"points={len(errors)} missing={len(missing)} "
          f"max_err_m={errors.max():.3e} p99_err_m={np.percentile(errors, 99):.3e} "
          f"max_near_sep_m={separations.max():.3e} max_chainage_err_m={chainage_errors.max():.3e}")
    worst = np.argsort(-errors)[:3]
    keys = [k for k in oracle if k in ours]
    print("worst ids:", ", ".join(f"{keys[i]} ({errors[i]:.2e} m)" for i in worst))
    ok = not missing and errors.max() <= args.max_error_m and chainage_errors.max() <= args.max_chainage_error_m
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
