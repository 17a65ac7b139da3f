#!/usr/bin/env python3
"""Independent reference values for the disc maximum's circle-curvature bound (DiscMaximumTests.swift).

Writes Tests/BorderAnalysisTests/Resources/circle-curvatures.csv: the geodesic curvature of
geodesic circles on WGS84, computed with GeographicLib alone. A geodesic circle of radius rho about
a centre has, where the radial geodesic of azimuth azi reaches it, geodesic curvature m'/m, m the
reduced length of that geodesic; dm/ds is its geodesic scale M21, so the curvature is M21/m12
(Karney 2013, eqs. 21-26, Geodesic.Direct with REDUCEDLENGTH | GEODESICSCALE).

Centres at latitudes 0 (the largest Gaussian curvature, 1/b^2) to 89.9 (the least, b^2/a^4),
azimuths 0-180 every 15 degrees, radii 1 km to 3,000 km.

Columns: lat, azi, rho_m, curvature (1/m). Numbers are repr() (shortest round-trip).

Usage: python3 scripts/reference/circle_curvatures.py
Needs: geographiclib (pip install geographiclib; written with geographiclib 2.x)
"""
import csv
import os

from geographiclib.geodesic import Geodesic

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUTPUT = os.path.join(ROOT, "Tests", "BorderAnalysisTests", "Resources", "circle-curvatures.csv")


def main():
    wgs84 = Geodesic.WGS84
    with open(OUTPUT, "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["lat", "azi", "rho_m", "curvature"])
        for lat in (0, 15, 30, 45, 60, 75, 89.9):
            for azi in range(0, 181, 15):
                for rho in (1e3, 1e4, 1e5, 3e5, 1e6, 3e6):
                    line = wgs84.Direct(lat, 0, azi, rho, Geodesic.STANDARD | Geodesic.REDUCEDLENGTH | Geodesic.GEODESICSCALE)
                    writer.writerow([lat, azi, repr(rho), repr(line["M21"] / line["m12"])])


if __name__ == "__main__":
    main()
