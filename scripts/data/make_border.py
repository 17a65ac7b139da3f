"""data/border.geojson: the Pakistan-Iran land border from OpenStreetMap-derived time-zone polygons.

The border is the shared edge of the Asia/Karachi and Asia/Tehran polygons in PyPI
timezonefinder-data (unsimplified timezone-boundary-builder polygons, from OSM). Those polygons
include territorial waters, so the shared edge runs on offshore; it is cut where it first crosses
the GSHHG 2.3.7 full-resolution level-1 shoreline (walking from the tripoint). Ordered from the
Afghanistan-Iran-Pakistan tripoint (Koh-i-Malik Siah) to Gwatar (Gwadar) Bay.
Coordinates keep the source precision (the tz data store 1e-6 degree); only the interpolated
shoreline cut point is rounded to 6 decimals.
"""
import os

import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString, Point
from shapely.ops import linemerge

import common as C

BBOX = (58.0, 24.0, 66.0, 31.0)  # lon0, lat0, lon1, lat1: where to look for the shared edge
TOL = 1e-7                        # degrees; the two polygons share identical vertices


def shared_edge(a, b):
    """Segments of a's boundary whose ends and midpoint lie on b's boundary (within TOL)."""
    bb = b.boundary
    shapely.prepare(bb)
    keep = []
    for ring in shapely.get_parts(a.boundary):
        cs = np.asarray(ring.coords)
        p, q = cs[:-1], cs[1:]
        inbox = (p[:, 0] >= BBOX[0]) & (p[:, 0] <= BBOX[2]) & (p[:, 1] >= BBOX[1]) & (p[:, 1] <= BBOX[3])
        p, q = p[inbox], q[inbox]
        ok = np.ones(len(p), bool)
        for arr in (p, q, (p + q) / 2):
            ok &= shapely.distance(shapely.points(arr), bb) <= TOL
        keep += [LineString([tuple(u), tuple(v)]) for u, v in zip(p[ok], q[ok])]
    merged = linemerge(MultiLineString(keep))
    parts = list(shapely.get_parts(merged))
    assert len(parts) == 1, "shared edge is not one line: %d pieces" % len(parts)
    return [tuple(c) for c in parts[0].coords]


def main():
    pk, ir = C.tz_geom("Asia/Karachi"), C.tz_geom("Asia/Tehran")
    coords = shared_edge(pk, ir)
    d0 = C.GEOD.Inverse(coords[0][1], coords[0][0], C.TRIPOINT_NOMINAL[1], C.TRIPOINT_NOMINAL[0])["s12"]
    d1 = C.GEOD.Inverse(coords[-1][1], coords[-1][0], C.TRIPOINT_NOMINAL[1], C.TRIPOINT_NOMINAL[0])["s12"]
    if d1 < d0:
        coords = coords[::-1]
    full = LineString(coords)

    shore = [l for _, l in C.gshhg_lines((BBOX[0], BBOX[2], BBOX[1], BBOX[3]), levels=(1,))]
    hits = list(shapely.get_parts(full.intersection(MultiLineString(shore))))
    assert hits, "the shared edge never reaches the shoreline"
    first = min(hits, key=lambda h: full.project(h))
    s_cut = full.project(first)
    land, acc = [coords[0]], 0.0
    for a, b in zip(coords[:-1], coords[1:]):
        seg = Point(a).distance(Point(b))
        if acc + seg >= s_cut:
            cut = full.interpolate(s_cut)
            land.append((round(cut.x, 6), round(cut.y, 6)))
            break
        land.append(b)
        acc += seg
    # the tz data hold 1e-6 degree values in binary floats: print them at that precision
    land = [(round(x, 6), round(y, 6)) for x, y in land]

    # check: the first vertex is where the Kabul zone meets both others
    af = C.tz_geom("Asia/Kabul")
    tri_gap_m = af.boundary.distance(Point(land[0])) * 111e3

    tzf, tzd, dv = C.tz_versions()
    length_km = C.geodesic_length_m(land) / 1000.0
    props = {
        "name": "Pakistan-Iran international border (land), Koh-i-Malik Siah tripoint to Gwatar (Gwadar) Bay",
        "source": ("PyPI timezonefinder-data %s (timezone-boundary-builder data %s, from OpenStreetMap; "
                   "read with timezonefinder %s): shared edge of Asia/Karachi and Asia/Tehran, cut at its "
                   "first crossing of the GSHHG %s full-resolution shoreline (Debian gmt-gshhg-full)"
                   % (tzd, dv, tzf, C.gshhg_version().split("-")[0])),
        "licence": "ODbL-1.0",
        "attribution": "© OpenStreetMap contributors",
        "vertices": len(land),
        "length_km": round(length_km, 3),
        "length_method": "sum of WGS84 geodesic edge lengths (geographiclib)",
        "start": "Afghanistan-Iran-Pakistan tripoint (Koh-i-Malik Siah): junction of Asia/Karachi, "
                 "Asia/Tehran and Asia/Kabul in the source, %.6f E %.6f N" % land[0],
        "end": "Gwatar (Gwadar) Bay: first crossing of the GSHHG full shoreline, %.6f E %.6f N "
               "(interpolated, rounded to 6 decimals)" % land[-1],
        "shoreline_crossings_of_full_edge": len(hits),
        "generated_by": "scripts/data/make_border.py",
    }
    print({k: props[k] for k in ("vertices", "length_km", "start", "end")},
          "tripoint->Kabul boundary ~%.1f m" % tri_gap_m)
    fc = {"type": "FeatureCollection", "features": [{
        "type": "Feature", "properties": props,
        "geometry": {"type": "LineString", "coordinates": [list(c) for c in land]}}]}
    C.write_json(os.path.join(C.DATA, "border.geojson"), fc)


if __name__ == "__main__":
    main()
