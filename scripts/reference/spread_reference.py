#!/usr/bin/env python3
"""Independent reference for the spread between border sources at a point.

Reads a CSV of points (header with columns id,lat,lon; other columns ignored) on stdin and writes

    id,bundled_m,dcw_m,wdbii_m,ne10m_m,spread_m

on stdout: the exact WGS84 geodesic distance (metres, 4 decimals) from the point to the bundled border
(data/border.geojson) and to each line of data/border-alternatives.geojson (Feature property `source`
dcw, wdbii, ne10m), where a line's edges are the geodesics between its consecutive vertices;
spread_m = max - min of the four distances (computed before rounding). A row whose lat/lon is not a
finite number with |lat| <= 90, |lon| <= 180 keeps its id and gets empty fields.

Only the Python standard library and geographiclib (pip install geographiclib) are used: the distance
is `Border.distance` of scripts/reference/disc_reference.py (imported unchanged; GeographicLib
Inverse/InverseLine, rigorous 3-D chord lower bounds for pruning, the foot of the perpendicular on an
edge as the root of the first variation of arc length, Brent's method to 1e-9 m). `Border` reads every
LineString of a GeoJSON file as one polyline set, so each alternative Feature is written to its own
temporary GeoJSON file first.

Usage:
  python3 scripts/reference/spread_reference.py [--bundled data/border.geojson]
      [--alternatives data/border-alternatives.geojson] < points.csv > spread.csv
Timing goes to stderr.
"""
import argparse
import csv
import json
import math
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from disc_reference import Border  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SOURCES = ("dcw", "wdbii", "ne10m")


def load_borders(bundled, alternatives):
    with open(alternatives) as f:
        fc = json.load(f)
    by_source = {ft["properties"]["source"]: ft for ft in fc["features"]}
    missing = [s for s in SOURCES if s not in by_source]
    if missing:
        raise SystemExit("%s: no Feature with source %s" % (alternatives, ", ".join(missing)))
    borders = [Border(bundled)]
    with tempfile.TemporaryDirectory() as tmp:
        for s in SOURCES:
            path = os.path.join(tmp, s + ".geojson")
            with open(path, "w") as f:
                json.dump({"type": "FeatureCollection", "features": [by_source[s]]}, f)
            borders.append(Border(path))
    return borders


def parse(row):
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except (KeyError, TypeError, ValueError):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon) and abs(lat) <= 90 and abs(lon) <= 180):
        return None
    return lat, lon


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bundled", default=os.path.join(ROOT, "data", "border.geojson"))
    ap.add_argument("--alternatives", default=os.path.join(ROOT, "data", "border-alternatives.geojson"))
    a = ap.parse_args()
    t0 = time.perf_counter()
    borders = load_borders(a.bundled, a.alternatives)
    t1 = time.perf_counter()
    reader = csv.DictReader(sys.stdin)
    if reader.fieldnames is None or not {"id", "lat", "lon"} <= {c.strip() for c in reader.fieldnames}:
        raise SystemExit("input needs a header with columns id,lat,lon")
    reader.fieldnames = [c.strip() for c in reader.fieldnames]
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["id", "bundled_m"] + ["%s_m" % s for s in SOURCES] + ["spread_m"])
    n = 0
    for row in reader:
        p = parse(row)
        if p is None:
            w.writerow([row.get("id", "")] + [""] * 5)
            continue
        d = [b.distance(*p) for b in borders]
        w.writerow([row["id"]] + ["%.4f" % v for v in d] + ["%.4f" % (max(d) - min(d))])
        n += 1
    t2 = time.perf_counter()
    print("spread_reference: %d points, load %.2f s, %.2f ms/point" % (n, t1 - t0, 1e3 * (t2 - t1) / max(n, 1)),
          file=sys.stderr)


if __name__ == "__main__":
    main()
