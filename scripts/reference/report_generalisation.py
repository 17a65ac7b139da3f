#!/usr/bin/env python3
"""Reference lengths of the border generalised by Douglas-Peucker in UTM 41N, for the report's
"600 miles / 970 km" claim and its generalisation table.

Writes Tests/BorderCLITests/Inputs/report/generalisation.csv: per tolerance, the vertices kept and
the WGS84 geodesic length (geographiclib) of the simplified line. The simplification is GEOS's
Douglas-Peucker through shapely (not the Swift code's own), in UTM 41N through pyproj (EPSG:32641).
The lengths are also checked here against the figures quoted in
../shared/reference/border-sources/REPORT.md ("Length depends on detail", pyproj/shapely there too),
copied below with that source, so the committed file says where its numbers agree with.

Usage: python3 scripts/reference/report_generalisation.py
Needs (generator only, never at test time): pip install geographiclib pyproj shapely
"""
import csv
import json
import os

from geographiclib.geodesic import Geodesic
from pyproj import Transformer
from shapely.geometry import LineString

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "BorderCLITests", "Inputs", "report", "generalisation.csv")
TOLERANCES_M = [0, 25, 50, 100, 250, 500, 1000]
# ../shared/reference/border-sources/REPORT.md, "Length depends on detail": km (vertices where given).
REPORT_MD = {0: (1023.0, 16865), 25: (992.8, 3132), 50: (978.2, None), 100: (960.6, 976),
             250: (930.3, None), 500: (905.6, 241), 1000: (871.2, None)}


def main():
    coords = json.load(open(os.path.join(ROOT, "data", "border.geojson")))["features"][0]["geometry"]["coordinates"]
    utm = Transformer.from_crs("EPSG:4326", "EPSG:32641", always_xy=True)
    projected = [utm.transform(lon, lat) for lon, lat in coords]
    index = {p: i for i, p in enumerate(projected)}
    rows = []
    for tolerance in TOLERANCES_M:
        kept = LineString(projected).simplify(tolerance, preserve_topology=False).coords if tolerance else projected
        lonlat = [coords[index[tuple(p)]] for p in kept]   # the original vertices, not a round trip
        metres = sum(Geodesic.WGS84.Inverse(a[1], a[0], b[1], b[0])["s12"] for a, b in zip(lonlat, lonlat[1:]))
        km, vertices = metres / 1000, len(lonlat)
        stated_km, stated_vertices = REPORT_MD[tolerance]
        assert round(km, 1) == stated_km and stated_vertices in (None, vertices), (tolerance, km, vertices)
        rows.append([tolerance, vertices, "%.6f" % km])
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", newline="") as f:
        f.write("# Douglas-Peucker in UTM 41N (shapely/GEOS, pyproj), geodesic length (geographiclib);\n"
                "# made by scripts/reference/report_generalisation.py; agrees to 0.1 km (and the vertex counts given)\n"
                "# with ../shared/reference/border-sources/REPORT.md, 'Length depends on detail'.\n")
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["tolerance_m", "vertices", "length_km"])
        writer.writerows(rows)
    print("wrote", os.path.relpath(OUT, ROOT))
    for row in rows:
        print(*row)


if __name__ == "__main__":
    main()
