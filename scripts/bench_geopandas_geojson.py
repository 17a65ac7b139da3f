#!/usr/bin/env python3
"""The GeoJSON peer of scripts/bench: GeoPandas reads the same FeatureCollection that `border`
reads (`read_file`), then ../shared/bench/peers/geopandas_sjoin.py's method: sjoin_nearest to the
border's 2-vertex segments in EPSG:32641 (planar UTM 41N distance, hundreds of metres off).

Usage: bench_geopandas_geojson.py --border B.geojson --points P.geojson --out O.csv (id,distance_m)
"""
import argparse
import os
import sys

import geopandas as gpd
import numpy as np
import shapely

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "bench"))
from common import load_border_parts  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--border", required=True)
ap.add_argument("--points", required=True)
ap.add_argument("--out", required=True)
a = ap.parse_args()

parts = load_border_parts(a.border)
seg = np.concatenate([np.stack([p[:-1], p[1:]], axis=1) for p in parts])
segs = gpd.GeoDataFrame(geometry=shapely.linestrings(seg), crs="EPSG:4326").to_crs("EPSG:32641")
pts = gpd.read_file(a.points).to_crs("EPSG:32641")
j = gpd.sjoin_nearest(pts, segs, how="left", distance_col="dist")
j = j[~j.index.duplicated(keep="first")].sort_index()          # equidistant ties
with open(a.out, "w") as out:
    out.write("id,distance_m\n")
    for pid, dist in zip(j["id"].to_numpy(), j["dist"].to_numpy()):
        out.write(f"{pid},{dist:.3f}\n")
