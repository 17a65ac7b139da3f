#!/usr/bin/env python3
"""Independent maxima of the distance to the border over each bundled incident's uncertainty disc,
for the report tests (Tests/BorderCLITests/ReportCommandTests.swift, ReportClaimsTests.swift).

For each distinct (lat, lon, radius) of data/incidents.csv, with the radius of its geo_precision code
under README's defaults (1 -> 2 km, 2 -> 25 km, 3 -> 100 km), writes the maximum of the exact
distance to data/border.geojson over the disc found by `disc_search` of
scripts/reference/disc_reference.py (GeographicLib only; a search of the disc's edge and interior,
never d + r), and the distance at the centre.

Usage: python3 Tests/BorderCLITests/Inputs/report/make_disc_max.py > Tests/BorderCLITests/Inputs/report/disc-max.csv
"""
import csv
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))))
sys.path.insert(0, os.path.join(ROOT, "scripts", "reference"))
from disc_reference import Border, disc_search  # noqa: E402

RADII_KM = {"1": 2.0, "2": 25.0, "3": 100.0}

def main():
    border = Border(os.path.join(ROOT, "data", "border.geojson"))
    seen = {}
    for row in csv.DictReader(open(os.path.join(ROOT, "data", "incidents.csv"), encoding="utf-8")):
        key = (row["lat"], row["lon"], RADII_KM.get(row["geo_precision"].strip(), 0.0))
        seen.setdefault(key, []).append(row["id"])
    w = csv.writer(sys.stdout, lineterminator="\n")
    print("# made by make_disc_max.py (disc_search of scripts/reference/disc_reference.py); do not edit")
    w.writerow(["lat", "lon", "radius_km", "distance_m", "distance_max_m", "ids"])
    for (lat, lon, r), ids in seen.items():
        if r == 0:
            continue
        found = disc_search(border, float(lat), float(lon), r * 1000)
        w.writerow([lat, lon, "%g" % r, "%.4f" % found["distance_m"], "%.4f" % found["distance_max_m"], " ".join(ids)])
        sys.stdout.flush()

if __name__ == "__main__":
    main()
