#!/usr/bin/env python3
"""Independent reference answers for the Swift tests of the border distance engine.

Writes Tests/BorderAnalysisTests/Resources/border-references.csv with hard cases:
points within centimetres of the border, beyond its two ends, beside its longest edges
(up to 17 km, where straight-in-lon/lat edges are off by metres), and far away.

Each answer comes from the exact GeographicLib oracle in ../shared/bench/oracle.py
(WGS84 geodesic edges, distances to ~15 nm), and the chainage from geographiclib's
cumulative edge lengths here; nothing comes from the Swift program.

Usage: python3 scripts/reference/make_border_references.py [--bench ../shared/bench]
Needs: pip install geographiclib numpy scipy
"""
import argparse
import csv
import json
import os
import sys

from geographiclib.geodesic import Geodesic

G = Geodesic.WGS84
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def border():
    data = json.load(open(os.path.join(ROOT, "data", "border.geojson")))
    coords = data["features"][0]["geometry"]["coordinates"]
    cumulative = [0.0]
    for (x1, y1), (x2, y2) in zip(coords, coords[1:]):
        cumulative.append(cumulative[-1] + G.Inverse(y1, x1, y2, x2)["s12"])
    return coords, cumulative


def offset(lon, lat, azimuth, metres):
    r = G.Direct(lat, lon, azimuth, metres)
    return r["lon2"], r["lat2"]


def cases(coords, cumulative):
    """(kind, lon, lat, edge-hint) for the hard cases."""
    lengths = [b - a for a, b in zip(cumulative, cumulative[1:])]
    longest = sorted(range(len(lengths)), key=lambda i: -lengths[i])[:3]
    out = []
    # Beside the longest edges: from the geodesic midpoint, perpendicular, both sides.
    for edge in longest:
        (x1, y1), (x2, y2) = coords[edge], coords[edge + 1]
        line = G.InverseLine(y1, x1, y2, x2)
        for fraction in (0.25, 0.5, 0.8):
            mid = line.Position(line.s13 * fraction)
            for side in (90, -90):
                for metres in (0.02, 30, 2000):
                    out.append((f"long-edge-{edge}-{fraction}-{side}-{metres}m",
                                *offset(mid["lon2"], mid["lat2"], mid["azi2"] + side, metres)))
    # Within centimetres of ordinary short edges, spread along the line.
    for edge in range(500, len(coords) - 1, 1700):
        (x1, y1), (x2, y2) = coords[edge], coords[edge + 1]
        line = G.InverseLine(y1, x1, y2, x2)
        mid = line.Position(line.s13 / 2)
        for metres in (0.01, 0.05):
            out.append((f"near-{edge}-{metres}m", *offset(mid["lon2"], mid["lat2"], mid["azi2"] + 90, metres)))
    # On a vertex exactly.
    out.append(("on-vertex-8000", coords[8000][0], coords[8000][1]))
    # Beyond the two ends: north of the tripoint, in the sea south of the coast end.
    (sx, sy), (ex, ey) = coords[0], coords[-1]
    out += [("beyond-tripoint-1km", *offset(sx, sy, 0, 1000)),
            ("beyond-tripoint-50km", *offset(sx, sy, 330, 50000)),
            ("beyond-coast-500m", *offset(ex, ey, 200, 500)),
            ("beyond-coast-30km", *offset(ex, ey, 180, 30000))]
    # Far away.
    out += [("far-quetta", 67.00141, 30.18414), ("far-torkham", 71.0847, 34.1147),
            ("far-sukkur", 68.85889, 27.70323), ("far-tehran", 51.389, 35.6892)]
    return out


def chainage(lon, lat, coords, cumulative):
    best = None
    for edge in range(len(coords) - 1):
        (x1, y1), (x2, y2) = coords[edge], coords[edge + 1]
        if abs(x1 - lon) > 0.3 or abs(y1 - lat) > 0.3:
            continue
        along = G.Inverse(y1, x1, lat, lon)["s12"]
        slack = along + G.Inverse(lat, lon, y2, x2)["s12"] - (cumulative[edge + 1] - cumulative[edge])
        if best is None or slack < best[0]:
            best = (slack, cumulative[edge] + along)
    return best[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bench", default=os.path.join(ROOT, "..", "shared", "bench"))
    args = parser.parse_args()
    sys.path.insert(0, os.path.abspath(args.bench))
    import oracle  # the exact GeographicLib oracle (independent of this project)

    coords, cumulative = border()
    rows = cases(coords, cumulative)
    path = os.path.join(ROOT, "data", "border.geojson")
    oracle._init(path)
    target = os.path.join(ROOT, "Tests", "BorderAnalysisTests", "Resources", "border-references.csv")
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "lon", "lat", "distance_m", "near_lon", "near_lat", "chainage_m"])
        for kind, lon, lat in rows:
            d, nlon, nlat = oracle.solve_point(lon, lat)[:3]
            w.writerow([kind, f"{lon:.12f}", f"{lat:.12f}", f"{d:.9f}", f"{nlon:.12f}", f"{nlat:.12f}",
                        f"{chainage(nlon, nlat, coords, cumulative):.4f}"])
    print(f"wrote {len(rows)} references to {target}")


if __name__ == "__main__":
    main()
