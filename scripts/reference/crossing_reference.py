#!/usr/bin/env python3
"""Independent answers for the nearest-crossing columns of `border distances`.

Writes Tests/BorderCLITests/Inputs/crossings/cases.csv: for every place of data/places.csv (their
published or derived positions, nothing from the Swift program) on a set of days, the crossing
the program must choose and the three figures it must give:

- the crossings are the rows of kind `crossing` and country `PK/IR` (so never Torkham);
- one is open on a day when its `opened` date is empty or on or before that day; a date known to
  the month or year counts from its first day; an empty date: every crossing counts;
- the nearest is the one at the least WGS84 geodesic distance (GeographicLib's Inverse);
- `crossing_along_km` is the difference of two chainages, each the chainage of the border point
  nearest a point, from `coverage_reference.Border.nearest_chainage` (exact geodesic edges,
  GeographicLib; see that module's docstring).

Usage: python3 scripts/reference/crossing_reference.py     (needs: pip install geographiclib)
"""
import csv
import os
import sys

from geographiclib.geodesic import Geodesic

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from coverage_reference import Border  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "BorderCLITests", "Inputs", "crossings", "cases.csv")
G = Geodesic.WGS84

# Days around the openings (Gabd-Rimdan 2020-12-19, Mand-Pishin 2021-04-21), partial dates, no date.
DATES = ["2019-06-30", "2020-12-18", "2020-12-19", "2021-04", "2021-04-20", "2021-04-21", "2021", "2022", ""]


def first_day(text):
    """yyyymmdd of the earliest day a yyyy, yyyy-mm or yyyy-mm-dd date can be."""
    parts = [int(p) for p in text.split("-")] + [1, 1]
    return parts[0] * 10000 + parts[1] * 100 + parts[2] if len(text) > 4 else parts[0] * 10000 + 101


def main():
    border = Border(os.path.join(ROOT, "data", "border.geojson"))
    places = list(csv.DictReader(open(os.path.join(ROOT, "data", "places.csv"), encoding="utf-8")))
    crossings = []
    for p in places:
        if p["kind"] == "crossing" and p["country"] == "PK/IR":
            lon, lat = float(p["lon"]), float(p["lat"])
            opened = int(p["opened"].replace("-", "")) if p["opened"] else None
            crossings.append((p["name"], lon, lat, opened, float(p["uncertainty_km"]), border.nearest_chainage(lon, lat)[0]))
    assert len(crossings) == 3 and not any(c[0].startswith("Torkham") for c in crossings)
    rows = []
    for p in places:
        lon, lat = float(p["lon"]), float(p["lat"])
        chainage = border.nearest_chainage(lon, lat)[0]
        for date in DATES:
            day = first_day(date) if date else None
            best = None
            for name, clon, clat, opened, uncertainty, cchainage in crossings:
                if day is not None and opened is not None and opened > day:
                    continue
                distance = G.Inverse(lat, lon, clat, clon, Geodesic.DISTANCE)["s12"]
                if best is None or distance < best[1]:
                    best = (name, distance, uncertainty, abs(chainage - cchainage))
            rows.append([p["id"], repr(lon), repr(lat), date, best[0], "%.6f" % (best[1] / 1000), "%g" % best[2],
                         "%.6f" % (best[3] / 1000)])
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["id", "lon", "lat", "date", "expected_crossing", "expected_crossing_km", "expected_uncertainty_km", "expected_along_km"])
        out.writerows(rows)
    print("wrote %s (%d rows)" % (OUT, len(rows)))


if __name__ == "__main__":
    main()
