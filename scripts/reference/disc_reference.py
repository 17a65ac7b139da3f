#!/usr/bin/env python3
"""Independent reference for the distance interval of an uncertain point.

STATE: complete. `Border.distance` (the exact point-to-border distance, checked against
../shared/bench/oracle.py to 3e-9 m; with want_foot=True also the nearest border point) is used by
scripts/reference/spread_reference.py; the disc search, --certify and --make-cases below are written
and made Tests/BorderCLITests/Inputs/uncertainty/cases.csv (13 rows, every maximum proven to 0.5 m;
--make-cases takes about 1.5 min on one core, the search dominating: --certify adds under a second
even at r = 100 km).

A row is a point P (lat, lon) and a radius r (metres); the disc is every point Q with WGS84 geodesic
distance PQ <= r. d(Q) is the exact geodesic distance from Q to the border (data/border.geojson, a
polyline whose edges are the WGS84 geodesics between consecutive vertices). For each row:

  distance_m      d(P)
  distance_min_m  min over the disc of d, = max(0, d(P) - r) (checked numerically, see below)
  distance_max_m  max over the disc of d, found by search (never by a formula such as d(P) + r)
  max_at_lat/lon  where that maximum is
  max_inside      true when the maximum is strictly inside the disc (P to it < r - 1 m)
  touches_border  d(P) <= r (the disc reaches the border); when false the whole disc is on one side

Only the Python standard library and geographiclib (pip install geographiclib) are used, so that CI
can run it without ../shared.

d(Q), exact (GeographicLib, ~15 nm; adapted from ../shared/bench/oracle.py):
  Edges are grouped in blocks of 16 and blocks in groups of 32. A node (group, block or edge) gets a
  rigorous lower bound on the geodesic distance from Q to any point of its edges: the 3-D (ECEF)
  distance to the node's bounding sphere (group/block) or to the edge's chord segment (edge), minus
  the largest bow of a geodesic arc away from its chord (L^2/(4 rho_min) + 1 mm, rho_min = b^2/a),
  because a geodesic is never shorter than the 3-D chord. Nodes are opened best-first; the search
  stops when the smallest open bound exceeds the best exact distance. For an edge AB: exact
  distances to A and B (Inverse); skipped if (dA + dB - L)/2 exceeds the best (triangle inequality);
  the derivative of the distance along the edge is g(s) = cos(alpha_edge(s) - azi2_QX(s)) (first
  variation of arc length); on an edge much shorter than half a meridian the distance has at most one
  interior minimum, so it is at A if g(0) >= 0, at B if g(L) <= 0, else at the root of g, found by
  Brent's method to 1e-9 m along the edge.

The disc search (no bound on the answer is assumed anywhere):
  * edge of the disc: d(Direct(P, az, r)) sampled at NB azimuths (spacing <= 2 pi r / NB), and every
    local maximum of the samples within STEP of the best refined by golden-section search on
    azimuth to 1e-10 rad (< 10 micrometres along the circle at r = 50 km);
  * interior: a polar grid of rings s = k r / NR (k = 0..NR-1) with azimuth spacing about r / NR
    along each ring; every grid point that is a local maximum of the grid (not below any
    neighbour on its ring or the two adjacent rings) within one grid step of the best is refined by
    Nelder-Mead in local (east, north) coordinates (Q = Direct(P, atan2(x, y), hypot(x, y)),
    clamped to the disc), restarted until it stops improving by 1 mm;
  * the answer is the best of all refined candidates (edge and interior).
  * the minimum: the geodesic from P to its nearest border point X; if r >= d(P), X is in the disc and
    the minimum is 0; else Q = Direct(P, az(P->X), r) has d(Q) = d(P) - r, which is also a lower bound
    (d is 1-Lipschitz). The script checks d(Q) against d(P) - r and that no grid point is lower.
  --certify (slow, used when the committed answers were made) also proves the maximum: branch and
  bound over polar cells [az1, az2] x [s1, s2] of the disc, with the upper bound
  d(centre) + (s2 - s1)/2 + s2 (az2 - az1)/2 for a cell (any point of the cell is reached from the
  centre by a radial geodesic and an arc of the geodesic circle, whose length is at most
  s * d(az) because the reduced length m(s) <= s on a surface of positive curvature), and
  d(centre) + s2 for the central cell; cells whose bound is below best + TOL are dropped. It prints
  the proven upper bound (and does the same on the circle alone, so that max_inside is proven when
  the interior maximum beats the proven bound on the circle). A better point found by the branch and
  bound than by the search replaces the search's, with a warning on stderr.

An interior maximum is a local maximum of d in the plane, and the maximum over a disc beats its circle
by at most that maximum's prominence. The bundled border has few: a scan (a 0.25 km grid within 8 km
of the border, 0.5 km to 60 km, each 3 x 3 local maximum refined and tried as a disc centre) found
the deepest pocket, in the meander at 25.896 N 61.845 E, with a prominence of about 28 m; the case
wrap_inside uses it (interior maximum above the proven maximum on the circle by 27.7 m).

Usage:
  python3 scripts/reference/disc_reference.py IN.csv OUT.csv [--border data/border.geojson] [--certify]
      IN.csv: header with id,lat,lon and radius_m (or radius_km). OUT.csv: id,lat,lon,radius_m,
      distance_m,distance_min_m,distance_max_m,max_at_lat,max_at_lon,max_inside,touches_border, and
      with --certify max_upper_m,circle_upper_m (the proven bounds over the disc and over its circle).
      Progress and timing go to stderr.
  python3 scripts/reference/disc_reference.py --make-cases     (writes
      Tests/BorderCLITests/Inputs/uncertainty/cases.csv, see the README there)
"""
import argparse
import csv
import heapq
import json
import math
import os
import sys
import time

from geographiclib.geodesic import Geodesic

G = Geodesic.WGS84
A_AX = G.a
F = G.f
E2 = F * (2 - F)
B_AX = A_AX * (1 - F)
RHO_MIN = B_AX * B_AX / A_AX
INV = Geodesic.DISTANCE | Geodesic.AZIMUTH
POS = Geodesic.LATITUDE | Geodesic.LONGITUDE | Geodesic.AZIMUTH | Geodesic.LONG_UNROLL
LL = Geodesic.LATITUDE | Geodesic.LONGITUDE
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BORDER = os.path.join(ROOT, "data", "border.geojson")
BLOCK = 16
GROUP = 32


def ecef(lat, lon):
    la, lo = math.radians(lat), math.radians(lon)
    s = math.sin(la)
    n = A_AX / math.sqrt(1 - E2 * s * s)
    c = n * math.cos(la)
    return (c * math.cos(lo), c * math.sin(lo), n * (1 - E2) * s)


def load_parts(path):
    with open(path) as f:
        g = json.load(f)
    lines = []

    def walk(o):
        t = o.get("type")
        if t == "FeatureCollection":
            for ft in o["features"]:
                walk(ft)
        elif t == "Feature":
            walk(o["geometry"])
        elif t == "LineString":
            lines.append(o["coordinates"])
        elif t == "MultiLineString":
            lines.extend(o["coordinates"])
        else:
            raise ValueError(f"unsupported geometry {t!r}")

    walk(g)
    parts = []
    for c in lines:
        pts = []
        for p in c:
            q = (float(p[0]), float(p[1]))
            if not pts or pts[-1] != q:
                pts.append(q)
        if len(pts) >= 2:
            parts.append(pts)
    return parts


def brent(f, a, b, fa, fb, xtol=1e-9, maxiter=200):
    """Root of f in [a, b] with fa, fb of opposite signs (Brent 1973, zeroin)."""
    c, fc = a, fa
    d = e = b - a
    for _ in range(maxiter):
        if (fb > 0) == (fc > 0):
            c, fc = a, fa
            d = e = b - a
        if abs(fc) < abs(fb):
            a, b, c = b, c, b
            fa, fb, fc = fb, fc, fb
        tol = 2e-16 * abs(b) + 0.5 * xtol
        m = 0.5 * (c - b)
        if abs(m) <= tol or fb == 0:
            return b
        if abs(e) >= tol and abs(fa) > abs(fb):
            s = fb / fa
            if a == c:
                p, q = 2 * m * s, 1 - s
            else:
                q, r = fa / fc, fb / fc
                p = s * (2 * m * q * (q - r) - (b - a) * (r - 1))
                q = (q - 1) * (r - 1) * (s - 1)
            if p > 0:
                q = -q
            else:
                p = -p
            if 2 * p < min(3 * m * q - abs(tol * q), abs(e * q)):
                e, d = d, p / q
            else:
                d = e = m
        else:
            d = e = m
        a, fa = b, fb
        b += d if abs(d) > tol else (tol if m > 0 else -tol)
        fb = f(b)
    return b


class Border:
    def __init__(self, path=BORDER):
        self.vlat, self.vlon, self.vx = [], [], []
        self.ea, self.eb = [], []  # vertex indices of each edge
        for part in load_parts(path):
            base = len(self.vlat)
            for lon, lat in part:
                self.vlat.append(lat)
                self.vlon.append(lon)
                self.vx.append(ecef(lat, lon))
            for k in range(len(part) - 1):
                self.ea.append(base + k)
                self.eb.append(base + k + 1)
        n = len(self.ea)
        self.L, self.az_a, self.az_b, self.sag = [0.0] * n, [0.0] * n, [0.0] * n, [0.0] * n
        self.ab, self.ab2 = [None] * n, [0.0] * n
        for i in range(n):
            a, b = self.ea[i], self.eb[i]
            r = G.Inverse(self.vlat[a], self.vlon[a], self.vlat[b], self.vlon[b], INV)
            self.L[i], self.az_a[i], self.az_b[i] = r["s12"], r["azi1"], r["azi2"]
            if r["s12"] > 0.45 * math.pi * RHO_MIN:
                raise ValueError("edge too long for the unimodality argument")
            self.sag[i] = r["s12"] ** 2 / (4 * RHO_MIN) + 1e-3
            pa, pb = self.vx[a], self.vx[b]
            ab = (pb[0] - pa[0], pb[1] - pa[1], pb[2] - pa[2])
            self.ab[i] = ab
            self.ab2[i] = ab[0] * ab[0] + ab[1] * ab[1] + ab[2] * ab[2]
        self.lines = {}
        # blocks of edges and groups of blocks: bounding spheres
        self.blocks = []  # (cx, cy, cz, R, first, last)
        for i0 in range(0, n, BLOCK):
            self.blocks.append(self._sphere(range(i0, min(n, i0 + BLOCK))))
        self.groups = []
        for j0 in range(0, len(self.blocks), GROUP):
            js = range(j0, min(len(self.blocks), j0 + GROUP))
            es = range(self.blocks[js[0]][4], self.blocks[js[-1]][5])
            self.groups.append(self._sphere(es, js))

    def _sphere(self, edges, sub=None):
        vs = set()
        sag = 0.0
        for i in edges:
            vs.add(self.ea[i])
            vs.add(self.eb[i])
            sag = max(sag, self.sag[i])
        pts = [self.vx[v] for v in vs]
        c = tuple((min(p[k] for p in pts) + max(p[k] for p in pts)) / 2 for k in range(3))
        R = max(math.dist(c, p) for p in pts) + sag + 1e-3
        first, last = edges[0], edges[-1] + 1
        return (c[0], c[1], c[2], R, first, last, sub)

    def line(self, i):
        ln = self.lines.get(i)
        if ln is None:
            a, b = self.ea[i], self.eb[i]
            ln = G.InverseLine(self.vlat[a], self.vlon[a], self.vlat[b], self.vlon[b])
            self.lines[i] = ln
        return ln

    def distance(self, lat, lon, want_foot=False):
        """Exact geodesic distance from (lat, lon) to the border; with want_foot also
        (distance, foot_lat, foot_lon)."""
        px, py, pz = ecef(lat, lon)
        best = math.inf
        foot = None
        cache = {}
        vlat, vlon = self.vlat, self.vlon

        def vd(v):
            r = cache.get(v)
            if r is None:
                q = G.Inverse(lat, lon, vlat[v], vlon[v], INV)
                r = (q["s12"], q["azi2"])
                cache[v] = r
            return r

        heap = []
        for gi, g in enumerate(self.groups):
            lb = math.sqrt((px - g[0]) ** 2 + (py - g[1]) ** 2 + (pz - g[2]) ** 2) - g[3]
            heap.append((lb, 0, gi))
        heapq.heapify(heap)
        blocks, vx, ab, ab2, sag = self.blocks, self.vx, self.ab, self.ab2, self.sag
        while heap:
            lb, kind, idx = heapq.heappop(heap)
            if lb > best:
                break
            if kind == 0:
                for bj in self.groups[idx][6]:
                    b = blocks[bj]
                    lbb = math.sqrt((px - b[0]) ** 2 + (py - b[1]) ** 2 + (pz - b[2]) ** 2) - b[3]
                    if lbb <= best:
                        heapq.heappush(heap, (lbb, 1, bj))
                continue
            if kind == 1:
                b = blocks[idx]
                for i in range(b[4], b[5]):
                    pa = vx[self.ea[i]]
                    e = ab[i]
                    apx, apy, apz = px - pa[0], py - pa[1], pz - pa[2]
                    t = (apx * e[0] + apy * e[1] + apz * e[2]) / ab2[i]
                    t = 0.0 if t < 0 else (1.0 if t > 1 else t)
                    dx, dy, dz = apx - t * e[0], apy - t * e[1], apz - t * e[2]
                    lbe = math.sqrt(dx * dx + dy * dy + dz * dz) - sag[i]
                    if lbe <= best:
                        heapq.heappush(heap, (lbe, 2, i))
                continue
            # an edge
            i = idx
            a, bv = self.ea[i], self.eb[i]
            dA, azA = vd(a)
            dB, azB = vd(bv)
            if dA < best:
                best, foot = dA, (vlat[a], vlon[a])
            if dB < best:
                best, foot = dB, (vlat[bv], vlon[bv])
            if best == 0.0:
                break
            if (dA + dB - self.L[i]) / 2.0 > best or dA == 0.0 or dB == 0.0:
                continue
            gA = math.cos(math.radians(self.az_a[i] - azA))
            gB = math.cos(math.radians(self.az_b[i] - azB))
            if not (gA < 0.0 < gB):
                continue
            ln = self.line(i)
            last = {}

            def g(s):
                q = ln.Position(s, POS)
                r = G.Inverse(lat, lon, q["lat2"], q["lon2"], INV)
                last[s] = (r["s12"], q["lat2"], q["lon2"])
                return math.cos(math.radians(q["azi2"] - r["azi2"]))

            s_star = brent(g, 0.0, self.L[i], gA, gB)
            if s_star not in last:
                g(s_star)
            d, qlat, qlon = last[s_star]
            if d < best:
                best, foot = d, (qlat, qlon)
        if want_foot:
            return best, foot[0], ((foot[1] + 180.0) % 360.0) - 180.0
        return best


# ---------------------------------------------------------------------------------------------
# the disc

NB_SPACING = 50.0  # metres between samples on the circle (at most)
NB_MIN = 720
NR_MIN, NR_MAX, NR_STEP = 24, 100, 250.0  # rings of the interior grid: about r / 250 m, in [24, 100]
GOLD_TOL = 1e-10  # radians of azimuth
NM_IMPROVE = 1e-3  # Nelder-Mead restarts until the gain is below 1 mm
CERT_TOL = 0.5  # branch and bound stops when the proven bound is within this of the best found
CERT_PAD = 1e-3  # added to every cell bound (geodesic round-off, far above GeographicLib's 15 nm)
INSIDE_MARGIN = 1.0  # max_inside: P to the maximum < r - 1 m


def direct(lat, lon, az_deg, s):
    q = G.Direct(lat, lon, az_deg, s, LL)
    return q["lat2"], ((q["lon2"] + 180.0) % 360.0) - 180.0


class Disc:
    """d over the disc of radius r about P, in geodesic polar coordinates (azimuth in radians,
    distance s from P), counting evaluations."""

    def __init__(self, border, lat, lon, r):
        self.B, self.lat, self.lon, self.r = border, lat, lon, r
        self.n = 0

    def at(self, az, s):
        self.n += 1
        if s <= 0.0:
            return self.B.distance(self.lat, self.lon), (self.lat, self.lon)
        q = direct(self.lat, self.lon, math.degrees(az), s)
        return self.B.distance(q[0], q[1]), q

    def at_xy(self, x, y):
        """(x east, y north) metres in the local polar chart, clamped to the disc."""
        s = math.hypot(x, y)
        return self.at(math.atan2(x, y), min(s, self.r))


def golden_max(f, a, b, tol):
    """Maximum of f on [a, b] by golden-section search; returns (x, f(x))."""
    g = (math.sqrt(5.0) - 1.0) / 2.0
    c, d = b - g * (b - a), a + g * (b - a)
    fc, fd = f(c), f(d)
    while b - a > tol:
        if fc >= fd:
            b, d, fd = d, c, fc
            c = b - g * (b - a)
            fc = f(c)
        else:
            a, c, fc = c, d, fd
            d = a + g * (b - a)
            fd = f(d)
    return (c, fc) if fc >= fd else (d, fd)


def nelder_mead_max(f, x0, step, xtol=1e-4, maxiter=2000):
    """Maximise f(x, y) from x0 with an initial simplex of size step; returns (point, value)."""
    pts = [x0, (x0[0] + step, x0[1]), (x0[0], x0[1] + step)]
    vals = [f(*p) for p in pts]
    for _ in range(maxiter):
        order = sorted(range(3), key=lambda i: -vals[i])
        pts = [pts[i] for i in order]
        vals = [vals[i] for i in order]
        size = max(math.dist(pts[0], pts[1]), math.dist(pts[0], pts[2]))
        if size < xtol:
            break
        cx = ((pts[0][0] + pts[1][0]) / 2, (pts[0][1] + pts[1][1]) / 2)
        w = pts[2]
        xr = (cx[0] + (cx[0] - w[0]), cx[1] + (cx[1] - w[1]))
        fr = f(*xr)
        if fr > vals[0]:
            xe = (cx[0] + 2 * (cx[0] - w[0]), cx[1] + 2 * (cx[1] - w[1]))
            fe = f(*xe)
            pts[2], vals[2] = (xe, fe) if fe > fr else (xr, fr)
        elif fr > vals[1]:
            pts[2], vals[2] = xr, fr
        else:
            if fr > vals[2]:
                xc = (cx[0] + 0.5 * (xr[0] - cx[0]), cx[1] + 0.5 * (xr[1] - cx[1]))
            else:
                xc = (cx[0] + 0.5 * (w[0] - cx[0]), cx[1] + 0.5 * (w[1] - cx[1]))
            fcn = f(*xc)
            if fcn > max(fr, vals[2]):
                pts[2], vals[2] = xc, fcn
            else:  # shrink towards the best
                for i in (1, 2):
                    pts[i] = ((pts[0][0] + pts[i][0]) / 2, (pts[0][1] + pts[i][1]) / 2)
                    vals[i] = f(*pts[i])
    i = max(range(3), key=lambda k: vals[k])
    return pts[i], vals[i]


def disc_search(B, lat, lon, r):
    """The maximum of d over the disc by search (edge and interior); returns a dict."""
    D = Disc(B, lat, lon, r)
    dP, flat, flon = B.distance(lat, lon, want_foot=True)
    if r <= 0.0:
        return {
            "distance_m": dP, "distance_min_m": dP, "distance_max_m": dP,
            "max_at_lat": lat, "max_at_lon": lon, "max_from_centre_m": 0.0,
            "max_inside": False, "touches_border": dP <= 0.0,
            "edge_max_m": dP, "evaluations": 1, "min_check": 0.0,
        }
    best = (dP, (lat, lon))
    # -- the edge of the disc
    nb = max(NB_MIN, math.ceil(2 * math.pi * r / NB_SPACING))
    daz = 2 * math.pi / nb
    edge = [D.at(k * daz, r) for k in range(nb)]
    ev = [e[0] for e in edge]
    top = max(ev)
    step = r * daz  # >= the arc between samples (m(s) <= s)
    edge_best = max(((v, q) for v, q in edge), key=lambda t: t[0])
    for k in range(nb):
        v = ev[k]
        if v >= ev[k - 1] and v >= ev[(k + 1) % nb] and v >= top - step:
            az, fv = golden_max(lambda a: D.at(a, r)[0], (k - 1) * daz, (k + 1) * daz, GOLD_TOL)
            if fv > edge_best[0]:
                edge_best = (fv, D.at(az, r)[1])
    if edge_best[0] > best[0]:
        best = edge_best
    # -- the interior: polar grid
    nr = min(NR_MAX, max(NR_MIN, math.ceil(r / NR_STEP)))
    h = r / nr
    rings = [[(0.0, dP)]]
    grid_min = dP
    for k in range(1, nr):
        n = math.ceil(2 * math.pi * k)
        ring = []
        for j in range(n):
            az = 2 * math.pi * j / n
            v, q = D.at(az, k * h)
            ring.append((az, v))
            grid_min = min(grid_min, v)
            if v > best[0]:
                best = (v, q)
        rings.append(ring)
    rings.append([(k * daz, ev[k]) for k in range(nb)])

    def bracket(ring, az):
        n = len(ring)
        j = int(az / (2 * math.pi) * n) % n
        return [ring[j][1], ring[(j + 1) % n][1]]

    cands = []
    for k in range(0, nr):
        ring = rings[k]
        n = len(ring)
        for j, (az, v) in enumerate(ring):
            if v < best[0] - h:
                continue
            if k == 0:
                nbv = [w for _, w in rings[1]]
            else:
                nbv = [ring[j - 1][1], ring[(j + 1) % n][1]] + bracket(rings[k + 1], az)
                nbv += bracket(rings[k - 1], az) if k > 1 else [rings[0][0][1]]
            if all(v >= w for w in nbv):
                cands.append((v, k * h * math.sin(az), k * h * math.cos(az)))
    f = lambda x, y: D.at_xy(x, y)[0]
    interior_best = None
    for v, x, y in sorted(cands, reverse=True):
        p, fv = (x, y), v
        while True:
            p2, f2 = nelder_mead_max(f, p, h / 2)
            if f2 <= fv + NM_IMPROVE:
                if f2 > fv:
                    p, fv = p2, f2
                break
            p, fv = p2, f2
        if interior_best is None or fv > interior_best[0]:
            interior_best = (fv, D.at_xy(*p)[1])
    if interior_best is not None and interior_best[0] > best[0]:
        best = interior_best
    # -- the minimum
    if r >= dP:
        dmin = 0.0
        min_check = None
    else:
        az = G.Inverse(lat, lon, flat, flon, INV)["azi1"]
        q = direct(lat, lon, az, r)
        dq = B.distance(*q)
        dmin = dP - r
        min_check = dq - dmin
        if abs(min_check) > 1e-6 or grid_min < dmin - 1e-6 or min(ev) < dmin - 1e-6:
            raise AssertionError(f"minimum check failed at {lat},{lon}: {dq} vs {dmin}, grid {grid_min}")
    sP = G.Inverse(lat, lon, best[1][0], best[1][1], INV)["s12"]
    return {
        "distance_m": dP, "distance_min_m": dmin, "distance_max_m": best[0],
        "max_at_lat": best[1][0], "max_at_lon": best[1][1], "max_from_centre_m": sP,
        "max_inside": sP < r - INSIDE_MARGIN, "touches_border": dP <= r,
        "edge_max_m": edge_best[0], "evaluations": D.n, "min_check": min_check,
    }


def certify(B, lat, lon, r, best, tol=CERT_TOL, circle_only=False, max_cells=2_000_000):
    """Branch and bound over polar cells of the disc (or of the circle s = r alone): returns
    (proven upper bound, best value found, its point, evaluations). `best` seeds the lower bound."""
    D = Disc(B, lat, lon, r)
    lo, lo_pt = best, None
    heap = []  # (-bound, az1, az2, s1, s2)
    dropped = -math.inf  # the largest bound of a cell dropped (never subdivided)

    def push(az1, az2, s1, s2):
        nonlocal lo, lo_pt, dropped
        azc, sc = (az1 + az2) / 2, (s1 + s2) / 2
        v, q = D.at(azc, sc)
        if v > lo:
            lo, lo_pt = v, q
        ub = v + (s2 - s1) / 2 + s2 * (az2 - az1) / 2 + CERT_PAD
        if ub > lo + tol:
            heapq.heappush(heap, (-ub, az1, az2, s1, s2))
        else:
            dropped = max(dropped, ub)
        return ub

    if circle_only:
        n0 = 64
        for k in range(n0):
            push(2 * math.pi * k / n0, 2 * math.pi * (k + 1) / n0, r, r)
    else:
        dP = B.distance(lat, lon)
        if dP > lo:
            lo, lo_pt = dP, (lat, lon)
        nr0 = 8
        c0 = r / nr0
        central = dP + c0 + CERT_PAD  # the central cell [0, c0]: any point is within c0 of P
        if central > lo + tol:
            heapq.heappush(heap, (-central, 0.0, 2 * math.pi, 0.0, c0))
        else:
            dropped = max(dropped, central)
        for k in range(1, nr0):
            n = 8 * k
            for j in range(n):
                push(2 * math.pi * j / n, 2 * math.pi * (j + 1) / n, k * c0, (k + 1) * c0)
    cells = 0
    while heap:
        nub, az1, az2, s1, s2 = heap[0]
        ub = -nub
        if ub <= lo + tol:
            break
        heapq.heappop(heap)
        cells += 1
        if cells > max_cells:
            raise RuntimeError("certify: too many cells")
        if s1 == 0.0:  # central cell: a smaller central cell and a ring of 8
            half = s2 / 2
            cub = B.distance(lat, lon) + half + CERT_PAD
            if cub > lo + tol:
                heapq.heappush(heap, (-cub, 0.0, 2 * math.pi, 0.0, half))
            else:
                dropped = max(dropped, cub)
            for j in range(8):
                push(2 * math.pi * j / 8, 2 * math.pi * (j + 1) / 8, half, s2)
        elif (s2 - s1) > s2 * (az2 - az1):
            sm = (s1 + s2) / 2
            push(az1, az2, s1, sm)
            push(az1, az2, sm, s2)
        else:
            am = (az1 + az2) / 2
            push(az1, am, s1, s2)
            push(am, az2, s1, s2)
    proven = max(lo, dropped, -heap[0][0] if heap else -math.inf)
    return proven, lo, lo_pt, D.n


# ---------------------------------------------------------------------------------------------
# rows, certification and the committed cases

OUT_FIELDS = ["id", "lat", "lon", "radius_m", "distance_m", "distance_min_m", "distance_max_m",
              "max_at_lat", "max_at_lon", "max_inside", "touches_border"]
CASE_FIELDS = ["id", "lat", "lon", "radius_km", "distance_m", "distance_min_m", "distance_max_m",
               "max_at_lat", "max_at_lon", "max_inside", "touches_border", "max_upper_m", "circle_upper_m"]
CASES_DIR = os.path.join(ROOT, "Tests", "BorderCLITests", "Inputs", "uncertainty")


def measure(B, lat, lon, r, prove=False, tol=CERT_TOL):
    """disc_search, and with prove also the proven upper bounds of the maximum over the disc
    (max_upper_m) and over its circle alone (circle_upper_m). A better point found by the branch and
    bound replaces the search's (with a warning): the answer is always the best point evaluated."""
    res = disc_search(B, lat, lon, r)
    if not prove:
        return res
    if r <= 0.0:
        res["max_upper_m"] = res["circle_upper_m"] = res["distance_m"]
        return res
    upper, lo, lo_pt, n = certify(B, lat, lon, r, res["distance_max_m"], tol)
    if lo_pt is not None and lo > res["distance_max_m"]:
        print("warning: %.6f,%.6f r=%g: certify found %.4f above the search's %.4f"
              % (lat, lon, r, lo, res["distance_max_m"]), file=sys.stderr)
        sP = G.Inverse(lat, lon, lo_pt[0], lo_pt[1], INV)["s12"]
        res.update(distance_max_m=lo, max_at_lat=lo_pt[0], max_at_lon=lo_pt[1], max_from_centre_m=sP,
                   max_inside=sP < r - INSIDE_MARGIN)
    cupper, clo, clo_pt, cn = certify(B, lat, lon, r, res["edge_max_m"], tol, circle_only=True)
    if clo_pt is not None and clo > res["edge_max_m"]:
        res["edge_max_m"] = clo
    res.update(max_upper_m=upper, circle_upper_m=cupper, evaluations=res["evaluations"] + n + cn)
    return res


def fmt_row(res):
    return {"distance_m": "%.4f" % res["distance_m"], "distance_min_m": "%.4f" % res["distance_min_m"],
            "distance_max_m": "%.4f" % res["distance_max_m"], "max_at_lat": "%.9f" % res["max_at_lat"],
            "max_at_lon": "%.9f" % res["max_at_lon"], "max_inside": "true" if res["max_inside"] else "false",
            "touches_border": "true" if res["touches_border"] else "false"}


def run_csv(B, src, dst, prove):
    """IN.csv (id,lat,lon and radius_m or radius_km) to OUT.csv."""
    with open(src, newline="") as f:
        rows = list(csv.DictReader(f))
    fields = OUT_FIELDS + (["max_upper_m", "circle_upper_m"] if prove else [])
    with open(dst, "w", newline="") as f:
        w = csv.DictWriter(f, fields, lineterminator="\n")
        w.writeheader()
        for row in rows:
            lat, lon = float(row["lat"]), float(row["lon"])
            r = float(row["radius_m"]) if row.get("radius_m") not in (None, "") else 1000.0 * float(row["radius_km"])
            t = time.perf_counter()
            res = measure(B, lat, lon, r, prove)
            out = {"id": row.get("id", ""), "lat": row["lat"], "lon": row["lon"], "radius_m": "%g" % r}
            out.update(fmt_row(res))
            if prove:
                out["max_upper_m"] = "%.4f" % res["max_upper_m"]
                out["circle_upper_m"] = "%.4f" % res["circle_upper_m"]
            w.writerow(out)
            f.flush()
            print("%s: max %.4f%s, %d evaluations, %.1f s"
                  % (out["id"], res["distance_max_m"],
                     " (proven <= %.4f)" % res["max_upper_m"] if prove else "",
                     res["evaluations"], time.perf_counter() - t), file=sys.stderr)


# (id, lat, lon, radius_km, what the row is for); the points were chosen with this script (distances
# from Border.distance, sides from the border's orientation: Pakistan is on the left going south)
CASES = [
    ("ten_km_r3", 28.86119, 61.72552, 3, "Pakistan side, 10 km from the border, r = 3 km: minimum d - r"),
    ("r_gt_d", 26.85811, 63.22192, 5, "Iran side, 2 km from the border, r = 5 km: the disc touches, minimum 0"),
    ("r_zero", 27.37089, 62.33096, 0, "Saravan (Iran), r = 0: minimum = maximum = distance"),
    ("wrap_inside", 25.897758, 61.862972, 2.4,
     "Iran side, 0.64 km from the border, r = 2.4 km: the border's meander to the west wraps round a local "
     "maximum of d 1.8 km from the point, so the maximum is strictly inside the disc, above the circle's"),
    ("ir_r2", 27.17253, 63.00782, 2, "Iran side, 5 km from the border, r = 2 km"),
    ("pk_r2_touch", 26.46422, 62.31724, 2, "Pakistan side, 1 km from the border, r = 2 km: touches"),
    ("pk_r25", 26.84532, 63.39834, 25, "Pakistan side, 15 km from the border, r = 25 km: touches"),
    ("ir_r25", 27.37089, 62.33096, 25, "Saravan (Iran), 46 km from the border, r = 25 km"),
    ("ir_r100", 28.22, 61.21, 100, "Khash (Iran), 76 km from the border, r = 100 km: touches"),
    ("pk_r100", 26.0, 63.05, 100, "near Turbat (Pakistan), 70 km from the border, r = 100 km: touches"),
    ("tripoint_r25", 29.8, 60.95, 25,
     "Pakistan side, 2 km from the border near the Afghanistan tripoint, r = 25 km: the disc passes the line's end"),
    ("gwatar_r25", 25.15, 61.65, 25, "Gwatar Bay, 4.5 km from the line's southern end, r = 25 km"),
    ("far_r25", 27.2, 60.68, 25, "Iranshahr (Iran), 160 km from the border, r = 25 km"),
]

README = """# Uncertainty cases

`cases.csv` is the independent reference for the distance interval of an uncertain point: for a
point P (`lat`, `lon`) and a radius (`radius_km`), the exact WGS84 geodesic distance to
`data/border.geojson` at P (`distance_m`) and its minimum and maximum over every point within
`radius_km` of P (`distance_min_m`, `distance_max_m`, metres), where the maximum is
(`max_at_lat`, `max_at_lon`), whether it lies strictly inside the disc (`max_inside`: P to it
< radius - 1 m) and whether the disc reaches the border (`touches_border`: distance <= radius).
`max_upper_m` is a proven upper bound of the maximum over the disc (branch and bound with the
Lipschitz bound of the distance); every row has `max_upper_m - distance_max_m <= 0.5 m`.
`circle_upper_m` is the same proven bound over the disc's edge alone: where `distance_max_m` exceeds
it, no method that searches only the edge can find the maximum.

It was made by `scripts/reference/disc_reference.py` (Python standard library and geographiclib
only; it shares no code with Sources/): the maximum is found by a search of the disc's edge and
interior, never by a formula such as distance + radius, then certified with `--certify`; the minimum
is max(0, distance - radius), checked numerically. See that script's docstring for the method.

Rows:

%s

`wrap_inside` beats its circle by only 27.7 m because no deeper pocket was found on this border
(see the script's docstring).

Regenerate (about 1.5 minutes on one core; it checks each named row is the case it is meant to be):

    python3 scripts/reference/disc_reference.py --make-cases
"""


def make_cases(B):
    os.makedirs(CASES_DIR, exist_ok=True)
    t0 = time.perf_counter()
    lines = []
    path = os.path.join(CASES_DIR, "cases.csv")
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, CASE_FIELDS, lineterminator="\n")
        w.writeheader()
        for cid, lat, lon, rkm, what in CASES:
            t = time.perf_counter()
            r = 1000.0 * rkm
            res = measure(B, lat, lon, r, prove=True)
            gap = res["max_upper_m"] - res["distance_max_m"]
            if gap > CERT_TOL + 1e-9:
                raise AssertionError(f"{cid}: not certified, gap {gap} m")
            row = {"id": cid, "lat": "%.6f" % lat, "lon": "%.6f" % lon, "radius_km": "%g" % rkm,
                   "max_upper_m": "%.4f" % res["max_upper_m"], "circle_upper_m": "%.4f" % res["circle_upper_m"]}
            row.update(fmt_row(res))
            check_case(cid, res, r)
            w.writerow(row)
            f.flush()
            note = what
            if res["max_inside"]:
                note += " (proven maximum on the circle %.4f m)" % res["circle_upper_m"]
            lines.append("- `%s`: %s" % (cid, note))
            print("%s: d %.4f, min %.4f, max %.4f <= %.4f, circle <= %.4f, inside %s, %d evaluations, %.1f s"
                  % (cid, res["distance_m"], res["distance_min_m"], res["distance_max_m"], res["max_upper_m"],
                     res["circle_upper_m"], res["max_inside"], res["evaluations"], time.perf_counter() - t),
                  file=sys.stderr)
    with open(os.path.join(CASES_DIR, "README.md"), "w") as f:
        f.write(README % "\n".join(lines))
    print("wrote %s (%d rows) in %.1f s" % (path, len(CASES), time.perf_counter() - t0), file=sys.stderr)


# the interior maximum of wrap_inside beats the proven maximum on its circle by this much (m); the
# deepest pocket of the bundled border found (a scan of local maxima of d, 0.25 km grid within 8 km of
# the border, 0.5 km grid to 60 km) has a prominence of only about 28 m
WRAP_MARGIN = 25.0


def check_case(cid, res, r):
    """What each named case is for (see CASES)."""
    d, lo, hi = res["distance_m"], res["distance_min_m"], res["distance_max_m"]
    ok = True
    if cid == "ten_km_r3":
        ok = abs(d - 10000.0) <= 50.0 and abs(lo - (d - 3000.0)) < 1e-6 and not res["touches_border"]
    elif cid == "r_gt_d":
        ok = abs(d - 2000.0) <= 50.0 and lo == 0.0 and res["touches_border"]
    elif cid == "r_zero":
        ok = lo == d == hi
    elif cid == "wrap_inside":
        ok = res["max_inside"] and hi - res["circle_upper_m"] > WRAP_MARGIN
    if not ok:
        raise AssertionError(f"{cid} is not the case it is meant to be: {res}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", nargs="?", help="CSV with id,lat,lon and radius_m (or radius_km)")
    ap.add_argument("output", nargs="?")
    ap.add_argument("--border", default=BORDER)
    ap.add_argument("--certify", action="store_true", help="also prove the maximum (max_upper_m, circle_upper_m)")
    ap.add_argument("--make-cases", action="store_true", help="write " + os.path.relpath(CASES_DIR, ROOT))
    a = ap.parse_args()
    B = Border(a.border)
    if a.make_cases:
        make_cases(B)
    elif a.input and a.output:
        run_csv(B, a.input, a.output, a.certify)
    else:
        ap.error("give IN.csv OUT.csv, or --make-cases")


if __name__ == "__main__":
    main()
