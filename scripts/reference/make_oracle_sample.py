#!/usr/bin/env python3
"""The public 10,000-point accuracy sample and its exact answers, committed for the CLI tests.

Writes, under Tests/BorderCLITests/Inputs/oracle/:
- points-10k.csv: `id,lon,lat`, the first 10,000 rows of the public generator
  (../shared/bench/gen_points.py, seed 42), byte for byte; when ../shared/bench/sample/points-10k.csv
  exists it must be the same bytes (it is the generator's first 10k rows).
- answers-10k.csv: `id,distance_m,near_lon,near_lat,chainage_m,at_end` from the exact GeographicLib
  oracle (../shared/bench/oracle.py): distance to 1e-7 m, nearest point to 1e-9 deg (0.1 mm), chainage
  to 0.1 mm, at_end true when the nearest point is the first or last vertex of the border (within 1 µm).

The chainage is geographiclib's cumulative edge lengths up to the edge holding the oracle's foot, plus
the geodesic distance from that edge's start vertex to the foot. The edge is found here, not taken from
the Swift program: among the edges whose box (plus a margin far wider than any geodesic's bow) holds
the foot, the one with the least slack |AF| + |FB| - |AB|, which is zero only on the geodesic AB; the
script stops if that slack exceeds a micrometre.

Usage: python3 scripts/reference/make_oracle_sample.py [--bench ../shared/bench] [--workers 2]
Needs: pip install geographiclib numpy scipy pandas (the oracle's and generator's own needs). ~10 s.
"""
import argparse
import csv
import io
import json
import os
import sys

import numpy as np
from geographiclib.geodesic import Geodesic

G = Geodesic.WGS84
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TARGET = os.path.join(ROOT, "Tests", "BorderCLITests", "Inputs", "oracle")
BORDER = os.path.join(ROOT, "data", "border.geojson")
COUNT, SEED = 10_000, 42
BOX_MARGIN_DEG = 0.01     # ~1 km; a 17 km geodesic bows off its lon/lat chord by metres
MAX_SLACK_M = 1e-6


def fixed(value, decimals):
    """`value` to `decimals` places, trailing zeros dropped (most feet are vertices: short numbers)."""
    return f"{value:.{decimals}f}".rstrip("0").rstrip(".")


def points_csv(gen_points):
    """The generator's first COUNT rows, written by the generator itself."""
    lon, lat = gen_points.gen(COUNT, SEED)
    path = os.path.join(TARGET, "points-10k.csv")
    gen_points.write(path, lon, lat)
    with open(path, "rb") as f:
        text = f.read()
    return path, text, lon, lat


class Chainage:
    def __init__(self):
        coords = json.load(open(BORDER))["features"][0]["geometry"]["coordinates"]
        self.coords = np.array(coords, dtype=float)
        self.lengths = np.array([G.Inverse(y1, x1, y2, x2)["s12"]
                                 for (x1, y1), (x2, y2) in zip(coords, coords[1:])])
        self.cumulative = np.concatenate([[0.0], np.cumsum(self.lengths)])
        a, b = self.coords[:-1], self.coords[1:]
        self.low = np.minimum(a, b) - BOX_MARGIN_DEG
        self.high = np.maximum(a, b) + BOX_MARGIN_DEG

    def of(self, lon, lat):
        """(chainage_m, slack_m) of a point on the border."""
        inside = np.nonzero((self.low[:, 0] <= lon) & (lon <= self.high[:, 0])
                            & (self.low[:, 1] <= lat) & (lat <= self.high[:, 1]))[0]
        best = None
        for edge in inside:
            (x1, y1), (x2, y2) = self.coords[edge], self.coords[edge + 1]
            along = G.Inverse(y1, x1, lat, lon)["s12"]
            slack = along + G.Inverse(lat, lon, y2, x2)["s12"] - self.lengths[edge]
            if best is None or slack < best[1]:
                best = (self.cumulative[edge] + along, slack)
        if best is None or best[1] > MAX_SLACK_M:
            raise SystemExit(f"no edge holds the foot {lon}, {lat} (slack {best and best[1]})")
        return best


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bench", default=os.path.join(ROOT, "..", "shared", "bench"))
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    sys.path.insert(0, os.path.abspath(args.bench))
    import gen_points  # the public generator
    import oracle      # the exact GeographicLib oracle (independent of this project)

    os.makedirs(TARGET, exist_ok=True)
    path, text, lon, lat = points_csv(gen_points)
    sample = os.path.join(args.bench, "sample", "points-10k.csv")
    if os.path.exists(sample) and open(sample, "rb").read() != text:
        raise SystemExit(f"{sample} is not the generator's first {COUNT} rows")
    # The oracle reads the points as written (9 decimals), as `border` will.
    rows = list(csv.DictReader(io.StringIO(text.decode())))
    lon = np.array([float(r["lon"]) for r in rows])
    lat = np.array([float(r["lat"]) for r in rows])
    results = oracle.run(BORDER, lon, lat, workers=args.workers)

    chainage = Chainage()
    first, last = chainage.coords[0], chainage.coords[-1]
    worst_slack, ends = 0.0, 0
    with open(os.path.join(TARGET, "answers-10k.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "distance_m", "near_lon", "near_lat", "chainage_m", "at_end"])
        for row, (distance, near_lon, near_lat) in zip(rows, results[:, :3]):
            along, slack = chainage.of(near_lon, near_lat)
            worst_slack = max(worst_slack, slack)
            at_end = min(G.Inverse(near_lat, near_lon, y, x)["s12"] for x, y in (first, last)) < 1e-6
            ends += at_end
            w.writerow([row["id"], fixed(distance, 7), fixed(near_lon, 9), fixed(near_lat, 9), fixed(along, 4),
                        "true" if at_end else "false"])
    print(f"wrote {path} and answers-10k.csv: {len(rows)} points, {ends} nearest at an end, "
          f"largest foot slack {worst_slack:.1e} m")


if __name__ == "__main__":
    main()
