#!/usr/bin/env python3
"""Independent reference values for the comparison-sphere bound of the disc maximum (HingeWitnessTests.swift).

Writes Tests/BorderAnalysisTests/Resources/hinges.csv: seeded random hinges at a disc centre P, a point
X at distance s and azimuth azi_x from P (a border point's role) and a point Q at distance rho and
azimuth azi_q (a point of the disc), both placed with GeographicLib's Direct, and the exact WGS84
distance between Q and X from GeographicLib's Inverse. Centres in the border region (24-31 N, 60-66 E)
and anywhere between 80 S and 80 N; s from 1 km to 1,000 km, rho up to 100 km.

Columns: lat, lon, s_m, azi_x, rho_m, azi_q, qx_m. Numbers are repr() (shortest round-trip).

Usage: python3 scripts/reference/hinges.py
Needs: geographiclib (pip install geographiclib; written with geographiclib 2.x)
"""
import csv
import os
import random

from geographiclib.geodesic import Geodesic

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUTPUT = os.path.join(ROOT, "Tests", "BorderAnalysisTests", "Resources", "hinges.csv")


def main():
    wgs84 = Geodesic.WGS84
    rng = random.Random(14)
    with open(OUTPUT, "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["lat", "lon", "s_m", "azi_x", "rho_m", "azi_q", "qx_m"])
        for n in range(2000):
            if n % 2 == 0:
                lat, lon = rng.uniform(24, 31), rng.uniform(60, 66)
            else:
                lat, lon = rng.uniform(-80, 80), rng.uniform(-180, 180)
            s = 10 ** rng.uniform(3, 6)
            azi_x, azi_q = rng.uniform(-180, 180), rng.uniform(-180, 180)
            rho = rng.uniform(0, 1e5)
            x = wgs84.Direct(lat, lon, azi_x, s)
            q = wgs84.Direct(lat, lon, azi_q, rho)
            qx = wgs84.Inverse(q["lat2"], q["lon2"], x["lat2"], x["lon2"])["s12"]
            writer.writerow([repr(lat), repr(lon), repr(s), repr(azi_x), repr(rho), repr(azi_q), repr(qx)])


if __name__ == "__main__":
    main()
