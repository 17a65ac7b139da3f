"""data/regions.geojson: an APPROXIMATE polygon of Makran (Mekran) division, Pakistan.

No offline polygon of Makran division (Kech, Gwadar and Panjgur districts) exists. This script
builds one from the published latitude/longitude extents of the three districts (Pakistan
Almanac district profiles, pakistanalmanac.com, retrieved 2025):
    Gwadar   25°01'    - 25°45'    N, 61°37'    - 65°15'    E, area 12,637 km²
    Kech     25°24'    - 26°39'    N, 61°47'18" - 64°30'59" E, area 22,539 km²
    Panjgur  26°08'54" - 27°17'55" N, 63°04'50" - 65°20'11" E, area 16,891 km²
Makran ≈ Pakistan land (data/countries.geojson, feature PK) ∩ (union of the three boxes).
The west edge is then the border line (generalised as in countries.geojson) and the south
edge the GSHHG shoreline; the north and east edges are box edges, so they over-cover the
neighbouring districts (Washuk, Awaran, Lasbela). The over-cover is measured against the
sum of the district areas; uncertainty_km = excess area / length of the box-edge part of
the outline (a mean displacement of the inland edges). Small offshore islands are dropped
so that the result is one Polygon.
"""
import json
import os

import shapely
from shapely.geometry import box, mapping, shape
from shapely.geometry.polygon import orient
from shapely.ops import unary_union

import common as C
from make_countries import geodesic_area_km2, rounded


def dms(d, m=0, s=0):
    return d + m / 60 + s / 3600


DISTRICTS = {  # name: (lat0, lat1, lon0, lon1, area_km2)
    "Gwadar": (dms(25, 1), dms(25, 45), dms(61, 37), dms(65, 15), 12637),
    "Kech": (dms(25, 24), dms(26, 39), dms(61, 47, 18), dms(64, 30, 59), 22539),
    "Panjgur": (dms(26, 8, 54), dms(27, 17, 55), dms(63, 4, 50), dms(65, 20, 11), 16891),
}


def main():
    with open(os.path.join(C.DATA, "countries.geojson")) as f:
        pk = next(shape(ft["geometry"]) for ft in json.load(f)["features"] if ft["properties"]["iso"] == "PK")
    boxes = unary_union([box(lon0, lat0, lon1, lat1) for lat0, lat1, lon0, lon1, _ in DISTRICTS.values()])
    parts = sorted(shapely.get_parts(pk.intersection(boxes)), key=lambda p: -p.area)
    main_poly, dropped = parts[0], parts[1:]
    main_poly = orient(main_poly, 1.0)
    area = geodesic_area_km2(main_poly)
    dropped_km2 = sum(geodesic_area_km2(p) for p in dropped)
    official = sum(d[4] for d in DISTRICTS.values())
    # part of the outline that is a box edge (inland, neither border nor coast)
    inland = main_poly.exterior.intersection(boxes.boundary)
    inland_km = sum(C.geodesic_length_m(list(l.coords)) for l in shapely.get_parts(shapely.line_merge(inland))
                    if l.geom_type == "LineString") / 1000
    excess = area - official
    unc = abs(excess) / inland_km if inland_km else None
    print("area %.0f km2 vs districts %d km2 (excess %.0f km2, %+.1f %%); inland box edges %.0f km; "
          "uncertainty ~%.0f km; dropped %d islands (%.1f km2)"
          % (area, official, excess, 100 * excess / official, inland_km, unc, len(dropped), dropped_km2))
    props = {
        "name": "Makran", "alt_names": "Mekran", "country": "PK",
        "admin": "Makran division, Balochistan: Kech, Gwadar and Panjgur districts",
        "approximate": True,
        "method": ("Pakistan land from data/countries.geojson (OSM time-zone polygon clipped to the GSHHG "
                   "shoreline) intersected with the union of the published lat/lon extents of Gwadar "
                   "(25°01'-25°45' N, 61°37'-65°15' E), Kech (25°24'-26°39' N, 61°47'18\"-64°30'59\" E) and "
                   "Panjgur (26°08'54\"-27°17'55\" N, 63°04'50\"-65°20'11\" E) districts (Pakistan Almanac "
                   "district profiles, pakistanalmanac.com). West edge = border, south edge = coast; north and "
                   "east edges are box edges that over-cover Washuk, Awaran and Lasbela. %d offshore islands "
                   "(%.1f km2) dropped to keep one Polygon." % (len(dropped), dropped_km2)),
        "area_km2": round(area),
        "districts_area_km2": official,
        "districts_area_source": ("Pakistan Almanac district profiles (Gwadar 12,637; Kech 22,539; Panjgur 16,891 km2); "
                                  "the Gwadar district administration gives 15,216 km2 for Gwadar (dcgwadar.com.pk)"),
        "area_excess_pct": round(100 * excess / official, 1),
        "uncertainty_km": round(unc),
        "uncertainty_note": ("north/east (inland) edges only: excess area / length of the box-edge part of the outline "
                             "(%.0f km2 / %.0f km); the real district boundary can be further than this locally. "
                             "West and south edges inherit countries.geojson (border within ~0.15 km of "
                             "data/border.geojson; coast GSHHG full)." % (abs(excess), inland_km)),
        "source": "derived from data/countries.geojson and the district extents above",
        "licence": "ODbL-1.0",
        "attribution": "© OpenStreetMap contributors",
        "generated_by": "scripts/data/make_regions.py",
    }
    fc = {"type": "FeatureCollection", "features": [{
        "type": "Feature", "properties": props,
        "geometry": {"type": "Polygon", "coordinates": rounded(mapping(main_poly)["coordinates"])}}]}
    C.write_json(os.path.join(C.DATA, "regions.geojson"), fc)
    for name, lon, lat in [("Turbat", 63.04849, 26.00122), ("Panjgur", 64.09459, 26.97186),
                           ("Gwadar", 62.32541, 25.12163), ("Jiwani", 61.74573, 25.04852),
                           ("Ormara", 64.63626, 25.21018), ("Taftan", 61.58661, 28.94687)]:
        print("  %-8s inside Makran: %s" % (name, main_poly.contains(shapely.Point(lon, lat))))


if __name__ == "__main__":
    main()
