#!/usr/bin/env python3
"""Points inside and on the edge of each uncertainty disc, for UncertaintyTests.

Usage: disc_samples.py < discs.csv > samples.csv
  discs.csv: id,lat,lon,r_m; samples.csv: id,disc,lat,lon. Each disc gets its centre, 48 points on
  its edge and 4 rings of 24 inside, all by GeographicLib's Direct problem on WGS84 (exact
  geodesic distance r or a fraction of it from the centre). Standard library + geographiclib.
"""
import csv
import sys

from geographiclib.geodesic import Geodesic


def main():
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["id", "disc", "lat", "lon"])
    for row in csv.DictReader(sys.stdin):
        lat, lon, r = float(row["lat"]), float(row["lon"]), float(row["r_m"])
        points = [(lat, lon)]
        for fraction, count in [(1.0, 48), (0.8, 24), (0.6, 24), (0.4, 24), (0.2, 24)]:
            for k in range(count):
                g = Geodesic.WGS84.Direct(lat, lon, 360.0 * k / count + 3.7 * fraction, r * fraction)
                points.append((g["lat2"], g["lon2"]))
        for n, (plat, plon) in enumerate(points):
            out.writerow([f"{row['id']}-{n}", row["id"], f"{plat:.12f}", f"{plon:.12f}"])


if __name__ == "__main__":
    main()
