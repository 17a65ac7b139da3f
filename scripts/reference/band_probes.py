#!/usr/bin/env python3
"""Independent probes of the distance bands that `border geojson` writes (test-time script).

Reads the `band` features of a map made by `border geojson`, the border (data/border.geojson,
each edge the WGS84 geodesic between its vertices) and the country outlines
(data/countries.geojson), and prints one JSON object of measurements on stdout; the Swift test
(Tests/BorderCLITests/BandProbeTests.swift) decides what passes. Nothing here comes from the
program: every distance is GeographicLib's (Karney's own Python port, ~15 nm).

Probes, for every band, every ring of every polygon:
 * every vertex, and the geodesic midpoint of every edge (GeographicLib Direct half-way along
   the Inverse between the two vertices). The GeoJSON edge is drawn straight in lon/lat and the
   program measures its own error at the ¼, ½, ¾ points of those straight edges; the midpoint on
   the ellipsoid is a different point from any it measured, and on buffer edges (≤ 250 m before
   refinement) it lies within a millimetre of the lon/lat midpoint, so it probes the same edge.
 * A probe lies on the land boundary when it is within BOUNDARY_DEGREES (planar, lon/lat, as
   GEOS clipped) of an edge of a country outline; for a midpoint this is asked of the lon/lat
   midpoint, since the clip follows the outline's straight edges. Those probes are where the band
   was cut by the coast or the outer limit of the land: they must only lie within the band
   (inner km ≤ distance ≤ outer km). Every other probe is on the buffer's edge: its distance
   must be the band's outer or inner km (the nearer of the two; bands are ≥ 10 km apart, so
   the choice is unambiguous); a hole (a ring after the first) must be the inner km, while an
   exterior ring holds both where the coast opened the inner band's hole. Per band and distance
   the largest and the median error are reported, for vertices and midpoints apart.
 * A probe not on the land boundary must be on land: inside one of the three outlines
   (even-odd ray casting in lon/lat), else the band spills into the sea.
 * Membership: points on the normal of the border every 20 km of chainage, both sides, at
   3–70 km; each must lie in exactly the band its exact distance and land test say (none beyond
   the last band or off land); points within MEMBERSHIP_MARGIN_M of a band distance or within
   a metre of the coast are skipped.

Distance to the border, per probe P (method of ../shared/bench/oracle.py, copied here without
numpy/scipy so that it runs at test time with the standard library + geographiclib):
 1. Lower bounds with no projection: for an edge AB, the 3-D (ECEF) distance from P to the
    chord segment AB minus a bound on how far the geodesic arc bows away from its chord
    (2 L²/(8 ρmin) + 1 mm, ρmin = b²/a the smallest radius of curvature on WGS84) is a lower
    bound on the geodesic distance from P to any point of the edge, since a geodesic is never
    shorter than the 3-D chord. Edges are grouped in a binary tree of ECEF balls over runs of
    consecutive edges (centre, radius to the farthest vertex plus the largest bow in the run):
    |P − centre| − radius bounds every edge inside. The tree is searched best first and stops
    when the smallest bound left exceeds the best exact distance found.
 2. For an edge reached: exact distances to its vertices (Inverse), the triangle bound
    (dA + dB − L)/2, and the derivative of the distance along the edge, cos(α_edge − azi2_PX)
    (first variation of arc length): when it is negative at A and positive at B the minimum is
    interior and is the root of that derivative, found by the Illinois method to 1 mm along the
    edge (the distance is then within about (1 mm)²/(2 d) of the minimum: < 1 µm beyond 1 m).
    Checked against oracle.py itself: 400 points 0.5 m to 77 km from the border agree to 5e-9 m.

Usage: python3 scripts/reference/band_probes.py MAP.geojson [--border data/border.geojson]
       [--countries data/countries.geojson]
Needs: python3 with geographiclib (pip install geographiclib). The default map (47,000 outline
vertices, 68,000 distinct probes) takes 20–60 s on one core; beyond MAX_VERTICES only every
k-th vertex is probed and `stride` = k says so (the test then fails).
"""
import argparse
import heapq
import json
import math
import os
import sys
import time

from geographiclib.geodesic import Geodesic

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GEOD = Geodesic.WGS84
A_AXIS = GEOD.a
E2 = GEOD.f * (2 - GEOD.f)
RHO_MIN = (A_AXIS * (1 - GEOD.f)) ** 2 / A_AXIS
INVERSE = Geodesic.DISTANCE | Geodesic.AZIMUTH
POSITION = Geodesic.LATITUDE | Geodesic.LONGITUDE | Geodesic.AZIMUTH
# A clipped vertex is a GEOS intersection point written with 9 decimals: within ~1e-9° of the
# outline edge. 1e-8° is about a millimetre, far below any buffer vertex's chance distance.
BOUNDARY_DEGREES = 1e-8
MEMBERSHIP_MARGIN_M = 20.0
LEAF_EDGES = 4
# A test-time budget (the default map has ~47,000 outline vertices): beyond it every k-th vertex
# and edge is probed and `stride` says k, so a map with runaway vertices fails fast, not by timeout.
MAX_VERTICES = 100_000


def ecef(lon, lat):
    lam, phi = math.radians(lon), math.radians(lat)
    s = math.sin(phi)
    n = A_AXIS / math.sqrt(1 - E2 * s * s)
    return (n * math.cos(phi) * math.cos(lam), n * math.cos(phi) * math.sin(lam), n * (1 - E2) * s)


def chord_distance(p, a, b):
    """3-D distance from p to the segment ab."""
    ab = (b[0] - a[0], b[1] - a[1], b[2] - a[2])
    ap = (p[0] - a[0], p[1] - a[1], p[2] - a[2])
    length2 = ab[0] * ab[0] + ab[1] * ab[1] + ab[2] * ab[2]
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, (ap[0] * ab[0] + ap[1] * ab[1] + ap[2] * ab[2]) / length2))
    dx, dy, dz = ap[0] - t * ab[0], ap[1] - t * ab[1], ap[2] - t * ab[2]
    return math.sqrt(dx * dx + dy * dy + dz * dz)


class BorderDistance:
    """Exact WGS84 geodesic distance from a point to the border polyline (geodesic edges)."""

    def __init__(self, coordinates):
        self.lon = [c[0] for c in coordinates]
        self.lat = [c[1] for c in coordinates]
        self.xyz = [ecef(x, y) for x, y in coordinates]
        self.length, self.azimuth_a, self.azimuth_b, self.bow = [], [], [], []
        for i in range(len(coordinates) - 1):
            r = GEOD.Inverse(self.lat[i], self.lon[i], self.lat[i + 1], self.lon[i + 1], INVERSE)
            self.length.append(r["s12"])
            self.azimuth_a.append(r["azi1"])
            self.azimuth_b.append(r["azi2"])
            self.bow.append(2 * r["s12"] ** 2 / (8 * RHO_MIN) + 1e-3)
        if max(self.length) > 0.45 * math.pi * RHO_MIN:
            raise ValueError("edge too long for the one-minimum argument")
        self.lines = {}
        self.nodes = []  # (centre, radius, first edge, end edge, left child, right child)
        self.root = self._build(0, len(self.length))

    def _build(self, first, end):
        points = self.xyz[first:end + 1]
        centre = tuple(sum(p[k] for p in points) / len(points) for k in range(3))
        radius = max(math.dist(centre, p) for p in points) + max(self.bow[first:end])
        left = right = None
        if end - first > LEAF_EDGES:
            middle = (first + end) // 2
            left, right = self._build(first, middle), self._build(middle, end)
        self.nodes.append((centre, radius, first, end, left, right))
        return len(self.nodes) - 1

    def line(self, i):
        if i not in self.lines:
            self.lines[i] = GEOD.InverseLine(self.lat[i], self.lon[i], self.lat[i + 1], self.lon[i + 1])
        return self.lines[i]

    def distance(self, lon, lat):
        p = ecef(lon, lat)
        vertex = {}

        def to_vertex(k):
            if k not in vertex:
                r = GEOD.Inverse(lat, lon, self.lat[k], self.lon[k], INVERSE)
                vertex[k] = (r["s12"], r["azi2"])
            return vertex[k]

        best = math.inf
        centre, radius = self.nodes[self.root][:2]
        heap = [(math.dist(p, centre) - radius, 0, self.root)]  # (bound, 0 node / 1 edge, index)
        while heap:
            bound, kind, index = heapq.heappop(heap)
            if bound > best:
                break
            if kind == 0:
                _, _, first, end, left, right = self.nodes[index]
                if left is None:
                    for i in range(first, end):
                        b = chord_distance(p, self.xyz[i], self.xyz[i + 1]) - self.bow[i]
                        if b <= best:
                            heapq.heappush(heap, (b, 1, i))
                else:
                    for child in (left, right):
                        c, r = self.nodes[child][:2]
                        b = math.dist(p, c) - r
                        if b <= best:
                            heapq.heappush(heap, (b, 0, child))
                continue
            best = min(best, self._edge(index, lon, lat, to_vertex, best))
        return best

    def _edge(self, i, lon, lat, to_vertex, best):
        (da, aza), (db, azb) = to_vertex(i), to_vertex(i + 1)
        best = min(best, da, db)
        if (da + db - self.length[i]) / 2 > best or da == 0 or db == 0:
            return best
        ga = math.cos(math.radians(self.azimuth_a[i] - aza))
        gb = math.cos(math.radians(self.azimuth_b[i] - azb))
        if not (ga < 0 < gb):
            return best  # monotone along the edge: the minimum is a vertex
        line = self.line(i)

        def slope(s):
            q = line.Position(s, POSITION)
            r = GEOD.Inverse(lat, lon, q["lat2"], q["lon2"], INVERSE)
            return r["s12"], math.cos(math.radians(q["azi2"] - r["azi2"]))

        lo, hi, glo, ghi, side = 0.0, self.length[i], ga, gb, 0
        for _ in range(100):  # Illinois: regula falsi that halves a stuck end's value
            s = (lo * ghi - hi * glo) / (ghi - glo)
            d, g = slope(s)
            best = min(best, d)
            if g == 0 or hi - lo < 1e-3:
                break
            if g < 0:
                lo, glo = s, g
                if side == -1:
                    ghi /= 2
                side = -1
            else:
                hi, ghi = s, g
                if side == 1:
                    glo /= 2
                side = 1
        return best


class Rings:
    """Rings of lon/lat polygons, straight edges, with an index for boundary and inside tests."""

    def __init__(self, polygons, cell=0.02):
        self.cell = cell
        self.edges = []  # (x1, y1, x2, y2, polygon)
        for number, polygon in enumerate(polygons):
            for ring in polygon:
                for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
                    self.edges.append((x1, y1, x2, y2, number))
        self.grid, self.strips = {}, {}
        pad = 2 * BOUNDARY_DEGREES
        for k, (x1, y1, x2, y2, _) in enumerate(self.edges):
            for j in range(self._key(min(y1, y2) - pad), self._key(max(y1, y2) + pad) + 1):
                self.strips.setdefault(j, []).append(k)
                for i in range(self._key(min(x1, x2) - pad), self._key(max(x1, x2) + pad) + 1):
                    self.grid.setdefault((i, j), []).append(k)

    def _key(self, value):
        return math.floor(value / self.cell)

    def on_boundary(self, x, y, tolerance=BOUNDARY_DEGREES):
        """Within `tolerance` degrees (planar) of an edge; neighbouring cells too for a wide tolerance."""
        i, j = self._key(x), self._key(y)
        cells = [(i, j)] if tolerance <= BOUNDARY_DEGREES else [(i + a, j + b) for a in (-1, 0, 1) for b in (-1, 0, 1)]
        for cell in cells:
            for k in self.grid.get(cell, ()):
                x1, y1, x2, y2, _ = self.edges[k]
                dx, dy = x2 - x1, y2 - y1
                length2 = dx * dx + dy * dy
                t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / length2))
                if math.hypot(x - x1 - t * dx, y - y1 - t * dy) <= tolerance:
                    return True
        return False

    def containing(self, x, y):
        """The polygons holding (x, y): odd crossings of a ray to the east."""
        crossings = {}
        for k in self.strips.get(self._key(y), ()):
            x1, y1, x2, y2, number = self.edges[k]
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                crossings[number] = crossings.get(number, 0) + 1
        return {number for number, count in crossings.items() if count % 2}


def polygons_of(geometry):
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]


def read_features(path):
    text = open(path, encoding="utf-8").read()
    if text.lstrip().startswith("\x1e") or "\n\x1e" in text:
        return [json.loads(part) for part in text.split("\x1e") if part.strip()]
    return json.loads(text)["features"]


def geodesic_midpoint(a, b):
    line = GEOD.InverseLine(a[1], a[0], b[1], b[0])
    q = line.Position(line.s13 / 2, Geodesic.LATITUDE | Geodesic.LONGITUDE)
    return q["lon2"], q["lat2"]


class Measure:
    """|distance − band distance| over buffer probes: the largest (and where), and the median."""

    def __init__(self):
        self.errors, self.max_error_m, self.at = [], 0.0, None

    def add(self, error, where):
        self.errors.append(error)
        if error > self.max_error_m:
            self.max_error_m, self.at = error, where

    def json(self):
        ordered = sorted(self.errors)
        median = ordered[len(ordered) // 2] if ordered else None
        return {"probes": len(ordered), "max_error_m": round(self.max_error_m, 4), "at": self.at,
                "median_error_m": None if median is None else round(median, 6)}


def probe_band(band, border, land, cache, stride):
    properties = band["properties"]
    inner, outer = properties["inner_km"] * 1000, properties["outer_km"] * 1000
    levels = [outer] + ([inner] if inner > 0 else [])
    measures = {level: {"vertex": Measure(), "midpoint": Measure()} for level in levels}
    clipped = {"vertex": 0, "midpoint": 0, "max_beyond_outer_m": None, "max_below_inner_m": None}
    off_land, unmatched_holes = [], 0

    def distance(point):
        key = (point[0], point[1])
        if key not in cache:
            cache[key] = border.distance(*key)
        return cache[key]

    def check(kind, drawn, measured, hole):
        """drawn: the point as GeoJSON draws it (lon/lat); measured: where the distance is taken."""
        nonlocal unmatched_holes
        d = distance(measured)
        if land.on_boundary(*drawn):
            clipped[kind] += 1
            for name, excess in (("max_beyond_outer_m", d - outer), ("max_below_inner_m", inner - d)):
                clipped[name] = excess if clipped[name] is None else max(clipped[name], excess)
            return
        if not land.containing(*drawn):
            off_land.append([round(drawn[0], 9), round(drawn[1], 9)])
        level = min(levels, key=lambda level: abs(d - level))
        if hole and level != inner:
            unmatched_holes += 1
        measures[level][kind].add(abs(d - level), [round(measured[0], 9), round(measured[1], 9)])

    vertices = 0
    for polygon in band["geometry"]["coordinates"]:
        for ring_number, ring in enumerate(polygon):
            points = ring[:-1] if ring[0] == ring[-1] else ring
            vertices += len(points)
            for k, a in enumerate(points):
                if (vertices - len(points) + k) % stride:
                    continue
                b = points[(k + 1) % len(points)]
                check("vertex", a, a, ring_number > 0)
                check("midpoint", ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2), geodesic_midpoint(a, b), ring_number > 0)
    return {
        "inner_km": properties["inner_km"], "outer_km": properties["outer_km"],
        "claimed_max_error_m": properties["max_error_m"], "vertices": vertices,
        "buffer": {f"{level / 1000:g}": {kind: m.json() for kind, m in kinds.items()} for level, kinds in measures.items()},
        "clipped": {k: (round(v, 4) if isinstance(v, float) else v) for k, v in clipped.items()},
        "off_land": len(off_land), "off_land_examples": off_land[:5], "holes_not_at_inner_km": unmatched_holes,
    }


def membership(bands, border_coordinates, border, land):
    """Points on the border's normals: which band holds each, against its exact distance."""
    shapes = [(band["properties"]["inner_km"] * 1000, band["properties"]["outer_km"] * 1000,
               Rings(band["geometry"]["coordinates"])) for band in bands]
    levels = sorted({level for inner, outer, _ in shapes for level in (inner, outer) if level > 0})
    checked, skipped, inside, mismatches = 0, 0, {f"{outer / 1000:g}": 0 for _, outer, _ in shapes}, []
    chainage, station = 0.0, 10_000.0
    for (x1, y1), (x2, y2) in zip(border_coordinates, border_coordinates[1:]):
        line = GEOD.InverseLine(y1, x1, y2, x2)
        while station <= chainage + line.s13:
            foot = line.Position(station - chainage, POSITION)
            station += 20_000
            for turn in (90, -90):
                for km in (3, 8, 13, 20, 30, 40, 48, 55, 70):
                    q = GEOD.Direct(foot["lat2"], foot["lon2"], foot["azi2"] + turn, km * 1000)
                    x, y = q["lon2"], q["lat2"]
                    d = border.distance(x, y)
                    if min(abs(d - level) for level in levels) < MEMBERSHIP_MARGIN_M or land.on_boundary(x, y, tolerance=1e-5):
                        skipped += 1
                        continue
                    checked += 1
                    on_land = bool(land.containing(x, y))
                    expected = [f"{outer / 1000:g}" for inner, outer, _ in shapes if on_land and inner < d <= outer]
                    found = [f"{outer / 1000:g}" for _, outer, rings in shapes if rings.containing(x, y)]
                    for name in found:
                        inside[name] += 1
                    if expected != found:
                        mismatches.append({"lon": round(x, 9), "lat": round(y, 9), "distance_m": round(d, 3),
                                           "on_land": on_land, "expected": expected, "found": found})
        chainage += line.s13
    return {"checked": checked, "skipped": skipped, "inside": inside, "mismatches": mismatches[:20],
            "mismatch_count": len(mismatches)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("map")
    parser.add_argument("--border", default=os.path.join(ROOT, "data", "border.geojson"))
    parser.add_argument("--countries", default=os.path.join(ROOT, "data", "countries.geojson"))
    args = parser.parse_args()
    started = time.time()
    border_coordinates = [c[:2] for c in read_features(args.border)[0]["geometry"]["coordinates"]]
    border = BorderDistance(border_coordinates)
    land = Rings([polygon for feature in read_features(args.countries) for polygon in polygons_of(feature["geometry"])])
    bands = [f for f in read_features(args.map) if f["properties"].get("layer") == "band"]
    cache = {}
    vertices = sum(len(ring) - 1 for band in bands for polygon in band["geometry"]["coordinates"] for ring in polygon)
    stride = -(-vertices // MAX_VERTICES)
    result = {"stride": stride, "bands": [probe_band(band, border, land, cache, stride) for band in bands]}
    result["distinct_probes"] = len(cache)
    result["membership"] = membership(bands, border_coordinates, border, land)
    result["seconds"] = round(time.time() - started, 1)
    json.dump(result, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
