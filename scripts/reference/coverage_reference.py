"""An independent reference for `border coverage`, from GeographicLib (Karney's Python port).

Nothing here comes from the Swift program. Standard library + geographiclib only.

Geometry: a border edge and a fence edge are each the WGS84 geodesic between two vertices.
- `Border.point(s)`: the border point at chainage s (metres along the border from its first
  vertex), on the geodesic of the edge that holds s.
- `GeodesicLines.nearest(lon, lat)`: the exact geodesic distance from a point to a set of geodesic
  polylines, and where on them it is. Edges are pruned with a rigorous lower bound (a geodesic is
  never shorter than the 3-D chord between its ends, and an edge of length L bows at most
  L^2/(4 rho_min) + 1 mm from its chord); on a candidate edge the distance has at most one interior
  minimum (edges are far shorter than half a meridian), where the first variation of arc length
  g(t) = cos(edge azimuth - azimuth of the geodesic from the point) changes sign; that root is found
  by regula falsi (Illinois) to 1e-7 m along the edge, so the distance is exact to ~1e-7 m.
  Checked against the exact oracle of ../shared/bench (oracle.py, oracle-10k.csv) on
  data/border.geojson: 200 sample points agree to 2e-9 m, 300 points 0-5 km from the border
  (some on it) to 4e-8 m in distance and chainage.
- `covered_stretches`: d(s), the distance from border point s to the fence, changes by at most 1 m
  per metre of s (1-Lipschitz), so where |d(s) - tolerance| = m the status (d <= tolerance, covered)
  is the same over [s - m, s + m]. The walk steps by max(m, MIN_STEP_M); where two successive points
  differ it bisects to BOUNDARY_PRECISION_M. Hence every boundary is within 1 mm of the true one,
  and only a covered stretch or gap shorter than MIN_STEP_M (1 m) could be missed.
"""
import csv
import json
import math

from geographiclib.geodesic import Geodesic

G = Geodesic.WGS84
MIN_STEP_M = 1.0
BOUNDARY_PRECISION_M = 1e-3
FOOT_PRECISION_M = 1e-7
_E2 = G.f * (2 - G.f)
_RHO_MIN = G.a * (1 - G.f) ** 2  # smallest radius of curvature of the ellipsoid, b^2 / a
_INVERSE = Geodesic.DISTANCE | Geodesic.AZIMUTH
_POSITION = Geodesic.LATITUDE | Geodesic.LONGITUDE | Geodesic.AZIMUTH | Geodesic.LONG_UNROLL
_CHUNK_EDGES = 32


def ecef(lon, lat):
    """Earth-centred 3-D position in metres of a point on the ellipsoid."""
    phi, lam = math.radians(lat), math.radians(lon)
    n = G.a / math.sqrt(1 - _E2 * math.sin(phi) ** 2)
    return (n * math.cos(phi) * math.cos(lam), n * math.cos(phi) * math.sin(lam), n * (1 - _E2) * math.sin(phi))


def _sub(a, b):
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def _dot(a, b):
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


class _Edge:
    def __init__(self, line, index, a, b):
        self.line, self.index = line, index
        self.a, self.b = a, b  # (lon, lat)
        self.geodesic = G.InverseLine(a[1], a[0], b[1], b[0])
        self.length = self.geodesic.s13
        self.azimuth_at_a = self.geodesic.azi1
        self.azimuth_at_b = self.geodesic.Position(self.length, _POSITION)["azi2"]
        self.pa, self.pb = ecef(*a), ecef(*b)
        self.chord = _sub(self.pb, self.pa)
        self.chord2 = _dot(self.chord, self.chord)
        self.bow = self.length ** 2 / (4 * _RHO_MIN) + 1e-3

    def lower_bound(self, p):
        """A proven lower bound on the geodesic distance from 3-D point p to this edge."""
        ap = _sub(p, self.pa)
        t = 0.0 if self.chord2 == 0 else min(1.0, max(0.0, _dot(ap, self.chord) / self.chord2))
        d = _sub(ap, (t * self.chord[0], t * self.chord[1], t * self.chord[2]))
        return math.sqrt(_dot(d, d)) - self.bow


class GeodesicLines:
    """A set of polylines whose edges are geodesics; exact distances to them."""

    def __init__(self, lines):
        edges = []
        for number, vertices in enumerate(lines):
            kept = [v for k, v in enumerate(vertices) if k == 0 or tuple(v) != tuple(vertices[k - 1])]
            edges += [_Edge(number, k, tuple(a), tuple(b)) for k, (a, b) in enumerate(zip(kept, kept[1:]))]
        self.edges = edges
        # Bounding spheres over runs of edges: every point of an edge lies within its bow of its chord.
        self.chunks = []
        for start in range(0, len(edges), _CHUNK_EDGES):
            run = edges[start:start + _CHUNK_EDGES]
            points = [e.pa for e in run] + [e.pb for e in run]
            centre = tuple(sum(p[k] for p in points) / len(points) for k in range(3))
            radius = max(math.sqrt(_dot(_sub(p, centre), _sub(p, centre))) for p in points) + max(e.bow for e in run)
            self.chunks.append((centre, radius, run))

    def nearest(self, lon, lat):
        """(distance_m, edge, metres along that edge) of the nearest point; (inf, None, 0) if empty."""
        p = ecef(lon, lat)
        vertex_cache = {}

        def to_vertex(v):
            r = vertex_cache.get(v)
            if r is None:
                q = G.Inverse(lat, lon, v[1], v[0], _INVERSE)
                r = vertex_cache[v] = (q["s12"], q["azi2"])
            return r

        bounds = sorted(((math.sqrt(_dot(_sub(p, c), _sub(p, c))) - r, k) for k, (c, r, _) in enumerate(self.chunks)))
        best = (math.inf, None, 0.0)
        for chunk_bound, k in bounds:
            if chunk_bound > best[0]:
                break
            for bound, n, edge in sorted((e.lower_bound(p), n, e) for n, e in enumerate(self.chunks[k][2])):
                if bound > best[0]:
                    break
                candidate = self._edge_nearest(edge, lat, lon, to_vertex)
                if candidate[0] < best[0]:
                    best = (candidate[0], edge, candidate[1])
        return best

    def distance(self, lon, lat):
        return self.nearest(lon, lat)[0]

    @staticmethod
    def _edge_nearest(edge, lat, lon, to_vertex):
        """(distance, metres along edge) of the point of `edge` nearest (lat, lon)."""
        (da, az_a), (db, az_b) = to_vertex(edge.a), to_vertex(edge.b)
        ends = min((da, 0.0), (db, edge.length))
        if da == 0 or db == 0 or edge.length == 0:
            return ends
        g_a = math.cos(math.radians(edge.azimuth_at_a - az_a))
        g_b = math.cos(math.radians(edge.azimuth_at_b - az_b))
        if not (g_a < 0 < g_b):
            return ends  # the distance is monotone along this edge

        def at(t):
            q = edge.geodesic.Position(t, _POSITION)
            r = G.Inverse(lat, lon, q["lat2"], q["lon2"], _INVERSE)
            return r["s12"], math.cos(math.radians(q["azi2"] - r["azi2"]))

        # Regula falsi with the Illinois rule (halve the value kept at an end retained twice), g(lo) < 0 < g(hi).
        lo, hi, g_lo, g_hi, kept = 0.0, edge.length, g_a, g_b, 0
        best = ends
        for _ in range(200):
            if hi - lo <= FOOT_PRECISION_M:
                break
            t = (lo * g_hi - hi * g_lo) / (g_hi - g_lo)
            if not lo < t < hi:
                t = (lo + hi) / 2
            d, g = at(t)
            best = min(best, (d, t))
            if g < 0:
                lo, g_lo = t, g
                if kept == 1:
                    g_hi /= 2
                kept = 1
            elif g > 0:
                hi, g_hi = t, g
                if kept == -1:
                    g_lo /= 2
                kept = -1
            else:
                break
        return best


class Border:
    """The border line: its vertices and chainage (geodesic metres from the first vertex)."""

    def __init__(self, path):
        data = json.load(open(path))
        self.vertices = [tuple(v[:2]) for v in data["features"][0]["geometry"]["coordinates"]]
        self.chainage = [0.0]
        for a, b in zip(self.vertices, self.vertices[1:]):
            self.chainage.append(self.chainage[-1] + G.Inverse(a[1], a[0], b[1], b[0], Geodesic.DISTANCE)["s12"])
        self.length = self.chainage[-1]
        self.lines = GeodesicLines([self.vertices])
        self._edge_lines = {}

    def _edge(self, s):
        lo, hi = 0, len(self.chainage) - 2
        while lo < hi:  # the last edge whose start is at or before s
            mid = (lo + hi + 1) // 2
            if self.chainage[mid] <= s:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def point(self, s):
        """(lon, lat) of the border point at chainage s, metres."""
        s = min(max(s, 0.0), self.length)
        i = self._edge(s)
        line = self._edge_lines.get(i)
        if line is None:
            (x1, y1), (x2, y2) = self.vertices[i], self.vertices[i + 1]
            line = self._edge_lines[i] = G.InverseLine(y1, x1, y2, x2)
        q = line.Position(s - self.chainage[i], _POSITION)
        return q["lon2"], q["lat2"]

    def subline(self, start, end):
        """The border between two chainages: its end points and the vertices strictly between."""
        inner = [v for v, s in zip(self.vertices, self.chainage) if start < s < end]
        return [self.point(start)] + inner + [self.point(end)]

    def nearest_chainage(self, lon, lat):
        """(chainage_m, distance_m) of the border point nearest (lon, lat)."""
        distance, edge, along = self.lines.nearest(lon, lat)
        return self.chainage[edge.index] + along, distance


def covered_stretches(border, fence, tolerance_m):
    """[(start_m, end_m)] of the border within tolerance_m of `fence` (a GeodesicLines), in order."""
    if not fence.edges:
        return []

    def margin(s):
        d = fence.distance(*border.point(s))
        return d <= tolerance_m, abs(d - tolerance_m)

    def boundary(lo, hi, inside_lo):
        while hi - lo > BOUNDARY_PRECISION_M:
            mid = (lo + hi) / 2
            if margin(mid)[0] == inside_lo:
                lo = mid
            else:
                hi = mid
        return (lo + hi) / 2

    stretches, s = [], 0.0
    inside, m = margin(s)
    start = 0.0 if inside else None
    while s < border.length:
        following = min(s + max(m, MIN_STEP_M), border.length)
        inside_next, m_next = margin(following)
        if inside_next != inside:
            change = boundary(s, following, inside)
            if inside_next:
                start = change
            else:
                stretches.append((start, change))
                start = None
        s, inside, m = following, inside_next, m_next
    if start is not None:
        stretches.append((start, border.length))
    return stretches


def gaps(stretches, length):
    """The stretches of [0, length] not covered."""
    out, position = [], 0.0
    for start, end in stretches:
        if start > position:
            out.append((position, start))
        position = max(position, end)
    if position < length:
        out.append((position, length))
    return out


def clipped_length(stretches, start, end):
    return sum(max(0.0, min(b, end) - max(a, start)) for a, b in stretches)


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))
