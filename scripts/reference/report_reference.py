#!/usr/bin/env python3
"""Independent answers for the tests of `border report` (Tests/BorderCLITests/Report*.swift).

Run at test time; imports only the standard library and geographiclib (Karney's own Python port),
nothing from the Swift program.

  report_reference.py expect DATA_DIR CLAIMS_JSON BANDS_KM [GENERALISATION_CSV]
      JSON on stdout: each incident's distance to the border, the incidents by band (count,
      killed, injured), each claim's verdict with the figures its "measured" cell must show,
      the coverage of the built fence (stretches, gaps, timeline) and the map's points in UTM 41N.
  report_reference.py probes OUT_DIR
      A data folder (the bundled files linked, plus probe places and incidents) and OUT_DIR/claims.json
      with claims placed either side of every verdict threshold, and an incident on a border vertex.

Geometry: the border is the WGS84 geodesic polyline of data/border.geojson. A point's distance to
it is found by brute force over every edge with a safe pruning bound (a spherical distance is within
1 % of the geodesic one), then exactly per candidate edge (the foot found by iterating on the
geodesic through the edge). Coverage: the built fence lies on the border (scripts/data/make_fence.py),
so each run of built segments covers its own chainage interval plus, at each open end, the border
beyond it up to where the geodesic distance to the run's vertices reaches the 1 km tolerance
(bisection to 1 cm). That is an upper bound on the distance to the fence, so a stretch end may sit
a few metres short of the exact one: tests allow 0.1 km.

The verdict rules (the spec the tests hold the report to):
  on_border: consistent when the place is within 10 km of the border.
  distance_to_border: with a stated value: unverifiable when geo_precision is 3, else consistent
    when |distance - stated| <= max(2 km, 20 % of stated); without one: consistent within 25 km.
  endpoint: consistent when both end vertices are within 10 km of the named places.
  in_region: consistent when the coded point lies in the region polygon (the first of regions.geojson).
  count: consistent when the subjects' killed add up to the stated value.
  border_length: approximate when the stated km lies between the shortest and longest generalised
    lengths, else inconsistent.
  distance_to_place: always consistent (the figures are given, not judged).
  any other kind, or a subject not in the data: "not checked", with the seed's own finding.
"""
import bisect
import csv
import json
import math
import os
import sys

from geographiclib.geodesic import Geodesic

G = Geodesic.WGS84
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SPHERE_M = 6371008.8
TOLERANCE_M = 1000.0          # `border coverage` default, used by the report
SIDE_FROM_LINE_WITHIN_M = 5000.0


def km(metres, decimals):
    return "%.*f" % (decimals, metres / 1000)


def plain(value):
    """A number as the report writes limits and tolerances: no trailing zeros."""
    return ("%.6f" % value).rstrip("0").rstrip(".")


class Border:
    def __init__(self, path):
        self.coords = json.load(open(path))["features"][0]["geometry"]["coordinates"]
        self.lat = [math.radians(c[1]) for c in self.coords]
        self.lon = [math.radians(c[0]) for c in self.coords]
        self.cos = [math.cos(v) for v in self.lat]
        self.cumulative = [0.0]
        for (x1, y1), (x2, y2) in zip(self.coords, self.coords[1:]):
            self.cumulative.append(self.cumulative[-1] + G.Inverse(y1, x1, y2, x2)["s12"])
        self.length = self.cumulative[-1]

    CHUNK = 32

    def spherical(self, lat, lon, indices):
        """Haversine metres from (lat, lon) degrees to the vertices at `indices`."""
        p, l, c = math.radians(lat), math.radians(lon), math.cos(math.radians(lat))
        out = {}
        for k in indices:
            h = math.sin((self.lat[k] - p) / 2) ** 2 + c * self.cos[k] * math.sin((self.lon[k] - l) / 2) ** 2
            out[k] = 2 * SPHERE_M * math.asin(min(1.0, math.sqrt(h)))
        return out

    def edge_foot(self, i, lat, lon):
        """(distance, metres along edge i, edge azimuth at the foot, azimuth foot->point)."""
        (x1, y1), (x2, y2) = self.coords[i], self.coords[i + 1]
        line = G.InverseLine(y1, x1, y2, x2)
        length = line.s13
        s = 0.0
        for _ in range(60):
            at = line.Position(s)
            to = G.Inverse(at["lat2"], at["lon2"], lat, lon)
            theta = math.radians(to["azi1"] - at["azi2"])
            d = to["s12"]
            step = SPHERE_M * math.atan2(math.sin(d / SPHERE_M) * math.cos(theta), math.cos(d / SPHERE_M))
            new = min(max(s + step, 0.0), length)
            if abs(new - s) < 1e-7:
                break
            s = new
        at = line.Position(s)
        to = G.Inverse(at["lat2"], at["lon2"], lat, lon)
        return to["s12"], s, at["azi2"], to["azi1"]

    def nearest(self, lat, lon):
        """Exact nearest point of the border: distance m, chainage m, side of the line (PK/IR)."""
        # Geodesic d and spherical h: 0.99 h <= d <= 1.01 h. A chunk of edges starting at vertex k
        # is no nearer than d(vertex k) minus its length along the line.
        last = len(self.coords) - 1
        starts = list(range(0, last, self.CHUNK))
        h0 = self.spherical(lat, lon, starts)
        upper = 1.01 * min(h0.values())
        edges = []
        for k in starts:
            end = min(k + self.CHUNK, last)
            if 0.99 * h0[k] - (self.cumulative[end] - self.cumulative[k]) > upper:
                continue
            h = self.spherical(lat, lon, range(k, end + 1))
            upper = min(upper, 1.01 * min(h.values()))
            for i in range(k, end):
                lower = (0.99 * (h[i] + h[i + 1]) - (self.cumulative[i + 1] - self.cumulative[i])) / 2
                if lower <= upper:
                    edges.append((lower, i))
        edges.sort()
        best = None
        for lower, i in edges:
            if best is not None and lower > best[0]:
                break
            d, s, azimuth, towards = self.edge_foot(i, lat, lon)
            if best is None or d < best[0]:
                best = (d, self.cumulative[i] + s, azimuth, towards)
        d, chainage, azimuth, towards = best
        # The border runs from the tripoint south to the sea; Pakistan lies on its left.
        left = math.sin(math.radians(towards - azimuth)) < 0
        return {"distance_m": d, "chainage_m": chainage, "line_side": "PK" if left else "IR"}

    def point_at(self, chainage):
        i = min(max(bisect.bisect_right(self.cumulative, chainage) - 1, 0), len(self.coords) - 2)
        (x1, y1), (x2, y2) = self.coords[i], self.coords[i + 1]
        at = G.InverseLine(y1, x1, y2, x2).Position(chainage - self.cumulative[i])
        return at["lat2"], at["lon2"]


def inside(rings, lon, lat):
    """Even-odd rule over a polygon's rings, in lon/lat (as GEOS does for these files)."""
    crossings = 0
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                crossings += 1
    return crossings % 2 == 1


def polygons(geometry):
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]


class Atlas:
    def __init__(self, data):
        self.data = data
        self.border = Border(os.path.join(data, "border.geojson"))
        self.places = list(csv.DictReader(open(os.path.join(data, "places.csv"), encoding="utf-8")))
        self.place = {p["id"]: p for p in self.places}
        self.countries = [(f["properties"]["iso"], polygons(f["geometry"]))
                          for f in json.load(open(os.path.join(data, "countries.geojson")))["features"]]
        self.incidents = list(csv.DictReader(open(os.path.join(data, "incidents.csv"), encoding="utf-8")))
        self.incident = {r["id"]: r for r in self.incidents}
        regions = os.path.join(data, "regions.geojson")
        self.regions = json.load(open(regions))["features"] if os.path.exists(regions) else []
        self._measured = {}

    def country(self, lat, lon):
        for iso, parts in self.countries:
            if any(inside(rings, lon, lat) for rings in parts):
                return iso
        return "other"

    def measure(self, lat, lon):
        key = (lat, lon)
        if key not in self._measured:
            m = self.border.nearest(lat, lon)
            country = self.country(lat, lon)
            # A point on the line has no side of it: the country outline that holds it decides.
            near = country in ("PK", "IR") and 0 < m["distance_m"] < SIDE_FROM_LINE_WITHIN_M
            m["side"] = m["line_side"] if near else country
            m["nearest_place"] = min(self.places, key=lambda p: G.Inverse(lat, lon, float(p["lat"]), float(p["lon"]))["s12"])["name"]
            self._measured[key] = m
        return self._measured[key]

    def incident_point(self, row):
        return float(row["lat"]), float(row["lon"])

    def place_point(self, place):
        return float(place["lat"]), float(place["lon"])


def band_rows(atlas, limits_km):
    limits = sorted(limits_km)
    rows, lower = [], 0.0
    for limit in limits + [math.inf]:
        chosen = []
        for row in atlas.incidents:
            d = atlas.measure(*atlas.incident_point(row))["distance_m"] / 1000
            if lower < d <= limit or (lower == 0 and d == 0):
                chosen.append(row)
        label = "%s–%s km" % (plain(lower), plain(limit)) if limit != math.inf else "> %s km" % plain(lower)
        total = lambda name: sum(int(r[name]) for r in chosen if r[name].strip().lstrip("-").isdigit())
        rows.append([label, str(len(chosen)), str(total("killed")), str(total("injured"))])
        lower = limit
    return rows


def generalised(path):
    rows = [r for r in csv.reader(line for line in open(path) if not line.startswith("#"))][1:]
    return [(float(t), int(v), float(k)) for t, v, k in rows]


def check_claim(atlas, claim, lengths):
    """(verdict, figures: the numbers of the measured cell in order, words it must contain)."""
    kind, subject = claim.get("kind"), claim.get("subject")
    value = claim.get("stated_value")
    number = value if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    if kind == "border_length" and lengths:
        stated = number if number is not None else 970
        figures = [km(atlas.border.length, 1), "41"]
        for tolerance, _, length in lengths:
            figures += [plain(tolerance), "%.1f" % length]
        figures += ["600", "%.1f" % (600 * 1.609344), "970", "%.1f" % (970 / 1.609344)]
        low, high = min(l for _, _, l in lengths), max(l for _, _, l in lengths)
        return ("approximate" if low <= stated <= high else "inconsistent"), figures, []
    if kind == "distance_to_border" and subject in atlas.incident:
        row = atlas.incident[subject]
        m = atlas.measure(*atlas.incident_point(row))
        precision, reported = row.get("geo_precision", ""), row.get("reported_distance_km", "")
        figures = [km(m["distance_m"], 2)] + ([precision] if precision else []) + ([reported] if reported else [])
        words = ["%s side" % m["side"], "near %s" % m["nearest_place"]]
        if number is not None:
            d = m["distance_m"] / 1000
            verdict = "unverifiable" if precision == "3" else "consistent" if abs(d - number) <= max(2, number * 0.2) else "inconsistent"
            if reported:
                figures += ["%.1f" % (float(reported) / 1.609344), "%.2f" % number]
        else:
            verdict = "consistent" if m["distance_m"] <= 25_000 else "inconsistent"
        return verdict, figures, words
    if kind == "on_border" and subject in atlas.place:
        place = atlas.place[subject]
        m = atlas.measure(*atlas.place_point(place))
        words = [place["name"], "side %s" % m["side"]] + (["lies in %s" % place["country"]] if m["distance_m"] > 100_000 else [])
        return ("consistent" if m["distance_m"] <= 10_000 else "inconsistent"), [km(m["distance_m"], 1)], words
    if kind == "endpoint":
        ends = [atlas.place[p] for p in claim.get("endpoints", []) if p in atlas.place]
        if len(ends) == 2:
            (y1, x1), (y2, x2) = atlas.place_point(ends[0]), atlas.place_point(ends[1])
            first, last = atlas.border.coords[0], atlas.border.coords[-1]
            a = G.Inverse(first[1], first[0], y1, x1)["s12"]
            b = G.Inverse(last[1], last[0], y2, x2)["s12"]
            return ("consistent" if max(a, b) <= 10_000 else "inconsistent"), [km(a, 2), km(b, 2)], [ends[0]["name"], ends[1]["name"]]
    if kind == "in_region" and subject in atlas.incident and atlas.regions:
        row = atlas.incident[subject]
        lat, lon = atlas.incident_point(row)
        within = any(inside(rings, lon, lat) for rings in polygons(atlas.regions[0]["geometry"]))
        return ("consistent" if within else "inconsistent"), [], ["(%s)" % row["place"], "inside" if within else "outside"]
    if kind == "distance_to_place":
        related = atlas.place.get(claim.get("related", ""))
        start = atlas.place_point(atlas.place[subject]) if subject in atlas.place else \
            atlas.incident_point(atlas.incident[subject]) if subject in atlas.incident else None
        if related and start:
            d = G.Inverse(*start, *atlas.place_point(related))["s12"]
            return "consistent", [km(d, 1), km(atlas.measure(*start)["distance_m"], 1)], [related["name"]]
    if kind == "count" and number is not None:
        subjects = subject if isinstance(subject, list) else [subject]
        if all(s in atlas.incident for s in subjects):
            killed = sum(int(atlas.incident[s]["killed"]) for s in subjects if atlas.incident[s]["killed"].strip().isdigit())
            return ("consistent" if killed == number else "inconsistent"), [str(killed)], ["killed"]
    return "not checked", None, ["not geometric; seed's finding: " + claim.get("reference_finding", "")[:200]]


def stated(claim):
    if "stated_text" in claim:
        return claim["stated_text"]
    return str(claim.get("stated_value", ""))


# Coverage of the built fence ------------------------------------------------------------------

def fence_interval(atlas, feature):
    """The chainage interval (m) of a fence segment that lies on the border."""
    line = feature["geometry"]["coordinates"]
    ends = [atlas.measure(lat, lon) for lon, lat in (line[0], line[-1])]
    if max(e["distance_m"] for e in ends) > 1.0:
        raise SystemExit("fence segment %s is not on the border line: this reference assumes it is"
                         % feature["properties"].get("id"))
    return sorted(e["chainage_m"] for e in ends)


def fence_runs(atlas, segments):
    """Chainage intervals (m) of the segments, merged where they touch."""
    intervals = [fence_interval(atlas, feature) for feature in segments]
    runs = []
    for a, b in sorted(intervals):
        if runs and a <= runs[-1][1] + 1.0:
            runs[-1][1] = max(runs[-1][1], b)
        else:
            runs.append([a, b])
    return runs


def reach(atlas, run, end, direction, cache):
    """Chainage where the border beyond a run's end gets 1 km from the run's vertices."""
    key = (round(end, 3), direction)
    if key in cache:
        return cache[key]
    border = atlas.border
    lat0, lon0 = border.point_at(end)
    lo = bisect.bisect_left(border.cumulative, max(run[0], end - 3000))
    hi = bisect.bisect_right(border.cumulative, min(run[1], end + 3000))
    near = [(lat0, lon0)] + [(c[1], c[0]) for c in border.coords[lo:hi]]

    def distance(s):
        lat, lon = border.point_at(s)
        p, c = math.radians(lat), math.cos(math.radians(lat))
        h = [2 * SPHERE_M * math.asin(min(1.0, math.sqrt(math.sin((math.radians(y) - p) / 2) ** 2 + c * math.cos(math.radians(y))
                                                         * math.sin(math.radians(x - lon) / 2) ** 2))) for y, x in near]
        bound = 1.01 * min(h)   # only vertices that can be the nearest get an exact geodesic
        return min(G.Inverse(lat, lon, y, x)["s12"] for (y, x), hk in zip(near, h) if 0.99 * hk <= bound)

    limit = border.length if direction > 0 else 0.0
    inner, step = end, 25.0
    while True:
        outer = end + direction * step
        if (outer - limit) * direction >= 0:
            if distance(limit) <= TOLERANCE_M:
                cache[key] = limit
                return limit
            outer = limit
        if distance(outer) > TOLERANCE_M:
            break
        inner, step = outer, step + 25.0
    while abs(outer - inner) > 0.01:
        middle = (inner + outer) / 2
        inner, outer = (middle, outer) if distance(middle) <= TOLERANCE_M else (inner, middle)
    cache[key] = (inner + outer) / 2
    return cache[key]


def covered(atlas, segments, cache):
    stretches = []
    for run in fence_runs(atlas, segments):
        a = reach(atlas, run, run[0], -1, cache) if run[0] > 0 else 0.0
        b = reach(atlas, run, run[1], +1, cache) if run[1] < atlas.border.length else atlas.border.length
        if stretches and a <= stretches[-1][1]:
            stretches[-1][1] = max(stretches[-1][1], b)
        else:
            stretches.append([a, b])
    return stretches


def coverage(atlas):
    path = os.path.join(atlas.data, "fence.geojson")
    if not os.path.exists(path):
        return None
    built = [f for f in json.load(open(path))["features"] if f["properties"].get("status") == "built"]
    cache = {}
    stretches = covered(atlas, built, cache)
    gaps, at = [], 0.0
    for a, b in stretches:
        if a > at:
            gaps.append([at, a])
        at = b
    if at < atlas.border.length:
        gaps.append([at, atlas.border.length])
    dates = sorted({f["properties"]["completed"] for f in built if f["properties"].get("completed")})
    if len(dates) > 40:
        raise SystemExit("more than 40 completion dates: the report then shows one per year, not modelled here")
    timeline = []
    for date in dates:
        standing = [f for f in built if f["properties"].get("completed", "9999") <= date]
        timeline.append({"date": date, "covered_km": sum(b - a for a, b in covered(atlas, standing, cache)) / 1000})
    sectors = []
    sectors_file = os.path.join(atlas.data, "sectors.csv")
    for row in csv.DictReader(open(sectors_file, encoding="utf-8")) if os.path.exists(sectors_file) else []:
        a, b = float(row["start_km"]) * 1000, float(row["end_km"]) * 1000
        inside_m = sum(max(0.0, min(b, y) - max(a, x)) for x, y in stretches)
        sectors.append({"name": row["name"], "length_km": (b - a) / 1000, "covered_km": inside_m / 1000})
    return {"border_km": atlas.border.length / 1000, "covered": [[a / 1000, b / 1000] for a, b in stretches], "sectors": sectors,
            "gaps": [[a / 1000, b / 1000] for a, b in gaps], "timeline": timeline,
            "fence": [{"status": f["properties"].get("status"),
                       "first": f["geometry"]["coordinates"][0], "last": f["geometry"]["coordinates"][-1]}
                      for f in json.load(open(path))["features"]]}


# UTM 41N (Krüger series to n^4, Karney 2011): sub-millimetre here, independent of PROJ --------

def utm41n(lon, lat):
    a, f, k0 = 6378137.0, 1 / 298.257223563, 0.9996
    n = f / (2 - f)
    e = math.sqrt(f * (2 - f))
    big_a = a / (1 + n) * (1 + n ** 2 / 4 + n ** 4 / 64)
    alpha = [n / 2 - 2 * n ** 2 / 3 + 5 * n ** 3 / 16 + 41 * n ** 4 / 180,
             13 * n ** 2 / 48 - 3 * n ** 3 / 5 + 557 * n ** 4 / 1440,
             61 * n ** 3 / 240 - 103 * n ** 4 / 140,
             49561 * n ** 4 / 161280]
    phi, lam = math.radians(lat), math.radians(lon - 63.0)
    t = math.sinh(math.atanh(math.sin(phi)) - e * math.atanh(e * math.sin(phi)))
    xi, eta = math.atan2(t, math.cos(lam)), math.atanh(math.sin(lam) / math.sqrt(1 + t * t))
    x = xi + sum(al * math.sin(2 * j * xi) * math.cosh(2 * j * eta) for j, al in enumerate(alpha, 1))
    y = eta + sum(al * math.cos(2 * j * xi) * math.sinh(2 * j * eta) for j, al in enumerate(alpha, 1))
    return [500000.0 + k0 * big_a * y, k0 * big_a * x]


def map_points(atlas, cov):
    def at(chainage_km):
        lat, lon = atlas.border.point_at(chainage_km * 1000)
        return utm41n(lon, lat)
    out = {"places": {p["name"]: utm41n(float(p["lon"]), float(p["lat"])) for p in atlas.places},
           "incidents": []}
    for row in atlas.incidents:
        lat, lon = atlas.incident_point(row)
        m = atlas.measure(lat, lon)
        casualties = sum(int(row[k]) for k in ("killed", "injured") if row[k].strip().isdigit())
        out["incidents"].append({"id": row["id"], "utm": utm41n(lon, lat), "casualties": casualties,
                                 "km": km(m["distance_m"], 1), "side": m["side"]})
    if cov:
        out["covered"] = [[at(a), at(b)] for a, b in cov["covered"]]
        out["gaps"] = [[at(a), at(b)] for a, b in cov["gaps"]]
        out["fence"] = [{"status": f["status"], "first": utm41n(*f["first"]), "last": utm41n(*f["last"])} for f in cov["fence"]]
    return out


def expect(data, claims_path, bands, generalisation=None):
    atlas = Atlas(data)
    lengths = generalised(generalisation) if generalisation else []
    incidents = []
    for row in atlas.incidents:
        m = atlas.measure(*atlas.incident_point(row))
        incidents.append({"id": row["id"], "km": km(m["distance_m"], 2), "chainage_km": "%.1f" % (m["chainage_m"] / 1000),
                          "side": m["side"], "distance_m": m["distance_m"]})
    claims = []
    for claim in json.load(open(claims_path, encoding="utf-8")):
        verdict, figures, words = check_claim(atlas, claim, lengths)
        claims.append({"id": claim.get("id"), "statement": claim.get("statement", ""), "stated": stated(claim),
                       "verdict": verdict, "figures": figures, "words": words, "probe_expects": claim.get("probe_expects")})
    cov = coverage(atlas)
    return {"border_km": atlas.border.length / 1000, "incidents": incidents,
            "bands": band_rows(atlas, [float(b) for b in bands.split(",")]),
            "claims": claims, "coverage": cov, "map": map_points(atlas, cov),
            "generalisation": [[plain(t), str(v), "%.1f" % k] for t, v, k in lengths]}


# Probes: claims either side of each threshold ------------------------------------------------

def probes(out):
    bundled = os.path.join(ROOT, "data")
    os.makedirs(out, exist_ok=True)
    for name in ("border.geojson", "countries.geojson", "regions.geojson", "fence.geojson", "sectors.csv"):
        target = os.path.join(out, name)
        if not os.path.exists(target):
            os.symlink(os.path.join(bundled, name), target)
    atlas = Atlas(bundled)
    border = atlas.border

    # A point `metres` from the border on `side`, perpendicular to the middle of a long edge; the
    # first edge (longest first) where the measured distance is the intended one within 1 m.
    longest = sorted(range(len(border.coords) - 1), key=lambda i: border.cumulative[i] - border.cumulative[i + 1])

    def beside(metres, side):
        for i in longest[:40]:
            (x1, y1), (x2, y2) = border.coords[i], border.coords[i + 1]
            line = G.InverseLine(y1, x1, y2, x2)
            mid = line.Position(line.s13 / 2)
            point = G.Direct(mid["lat2"], mid["lon2"], mid["azi2"] + (-90 if side == "PK" else 90), metres)
            lat, lon = round(point["lat2"], 7), round(point["lon2"], 7)
            m = atlas.measure(lat, lon)
            if abs(m["distance_m"] - metres) < 1 and m["side"] == side:
                return lat, lon
        raise SystemExit("no edge for a probe %s m from the border on the %s side" % (metres, side))

    def away(vertex, azimuth, metres):
        p = G.Direct(vertex[1], vertex[0], azimuth, metres)
        return p["lat2"], p["lon2"]

    places = list(csv.DictReader(open(os.path.join(bundled, "places.csv"), encoding="utf-8")))
    header = list(places[0].keys())
    first, last = border.coords[0], border.coords[-1]

    def place(pid, name, lat, lon):
        row = {k: "" for k in header}
        row.update(id=pid, name=name, kind="town", country="PK", lat="%.7f" % lat, lon="%.7f" % lon,
                   approximate="false", uncertainty_km="0", source="probe", note="probe for the report's claim thresholds")
        return row

    # Away from the line's ends: north-west of the tripoint, south-west into the sea at the coast.
    # Names without digits, so that the numbers of a claim's cell are its figures only.
    probe_places = [place("probe-inside-10km", "Probe just inside", *beside(9_900, "PK")),
                    place("probe-outside-10km", "Probe just outside", *beside(10_100, "IR")),
                    place("probe-start-9900m", "Probe near the start", *away(first, 300.0, 9_900)),
                    place("probe-start-10100m", "Probe off the start", *away(first, 300.0, 10_100)),
                    place("probe-end-9900m", "Probe near the end", *away(last, 200.0, 9_900)),
                    place("probe-end-10100m", "Probe off the end", *away(last, 200.0, 10_100))]
    with open(os.path.join(out, "places.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(places + probe_places)

    incident_header = next(csv.reader(open(os.path.join(bundled, "incidents.csv"), encoding="utf-8")))
    vertex = border.coords[8000]
    # Killed and injured are distinct powers of two, so every band's sums say which incidents it holds.
    specs = [("probe-on-vertex", (vertex[1], vertex[0]), "1", 1, 2, ""),
             ("probe-24900m", beside(24_900, "PK"), "2", 4, 8, ""),
             ("probe-25100m", beside(25_100, "IR"), "2", 16, 32, ""),
             ("probe-3km", beside(3_000, "PK"), "2", 64, 128, "5"),
             ("probe-30km", beside(30_000, "PK"), "1", 256, 512, ""),
             ("probe-30km-coded", beside(30_000, "PK"), "3", 1024, 2048, "30"),
             ("probe-turbat", (26.00122, 63.04849), "2", 3, 0, ""),
             ("probe-zahedan", (29.4963, 60.8629), "2", 0, 7, "")]
    rows = []
    for pid, (lat, lon), precision, killed, injured, reported in specs:
        row = {k: "" for k in incident_header}
        row.update(id=pid, date="2024-01-01", place=pid, lat=repr(lat), lon=repr(lon), geo_precision=precision,
                   killed=str(killed), injured=str(injured), reported_distance_km=reported, event="probe", side="")
        rows.append(row)
    with open(os.path.join(out, "incidents.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=incident_header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)

    probe_atlas = Atlas(out)
    d3 = probe_atlas.measure(*probe_atlas.incident_point(probe_atlas.incident["probe-3km"]))["distance_m"] / 1000
    d30 = probe_atlas.measure(*probe_atlas.incident_point(probe_atlas.incident["probe-30km"]))["distance_m"] / 1000
    # |d - v| against max(2 km, 20 % of v): 1 % inside and outside each branch of the max.
    over_inside, over_outside = d30 / (1 - 0.2 * 0.99), d30 / (1 - 0.2 * 1.01)
    under_inside, under_outside = d30 / (1 + 0.2 * 0.99), d30 / (1 + 0.2 * 1.01)
    # (kind, fields, the verdict the probe is built to get)
    claims = [
        ("border_length", {"stated_value": 871.3}, "approximate"), ("border_length", {"stated_value": 871.1}, "inconsistent"),
        ("border_length", {"stated_value": 1022.9}, "approximate"), ("border_length", {"stated_value": 1023.1}, "inconsistent"),
        ("on_border", {"subject": "probe-inside-10km"}, "consistent"), ("on_border", {"subject": "probe-outside-10km"}, "inconsistent"),
        ("endpoint", {"endpoints": ["probe-start-9900m", "probe-end-9900m"]}, "consistent"),
        ("endpoint", {"endpoints": ["probe-start-10100m", "probe-end-9900m"]}, "inconsistent"),
        ("endpoint", {"endpoints": ["probe-start-9900m", "probe-end-10100m"]}, "inconsistent"),
        ("distance_to_border", {"subject": "probe-24900m"}, "consistent"),
        ("distance_to_border", {"subject": "probe-25100m"}, "inconsistent"),
        ("distance_to_border", {"subject": "probe-on-vertex"}, "consistent"),
        ("distance_to_border", {"subject": "probe-3km", "stated_value": d3 + 1.98}, "consistent"),
        ("distance_to_border", {"subject": "probe-3km", "stated_value": d3 + 2.02}, "inconsistent"),
        ("distance_to_border", {"subject": "probe-3km", "stated_value": d3 - 1.98}, "consistent"),
        ("distance_to_border", {"subject": "probe-3km", "stated_value": d3 - 2.02}, "inconsistent"),
        ("distance_to_border", {"subject": "probe-30km", "stated_value": over_inside}, "consistent"),
        ("distance_to_border", {"subject": "probe-30km", "stated_value": over_outside}, "inconsistent"),
        ("distance_to_border", {"subject": "probe-30km", "stated_value": under_inside}, "consistent"),
        ("distance_to_border", {"subject": "probe-30km", "stated_value": under_outside}, "inconsistent"),
        ("distance_to_border", {"subject": "probe-30km-coded", "stated_value": d30 + 0.5}, "unverifiable"),
        ("in_region", {"subject": "probe-turbat"}, "consistent"), ("in_region", {"subject": "probe-zahedan"}, "inconsistent"),
        ("count", {"subject": "probe-turbat", "stated_value": 3}, "consistent"),
        ("count", {"subject": "probe-zahedan", "stated_value": 7}, "inconsistent"),
        ("count", {"subject": ["probe-turbat", "probe-3km"], "stated_value": 67}, "consistent"),
        ("count", {"subject": ["probe-turbat", "probe-missing"], "stated_value": 3}, "not checked"),
        ("distance_to_place", {"subject": "probe-30km", "related": "turbat"}, "consistent"),
        ("date", {"subject": "a phone call", "stated_value": "2020-05-13", "reference_finding": "probe: " + "x" * 300}, "not checked"),
    ]
    out_claims = []
    for n, (kind, fields, verdict) in enumerate(claims, 1):
        claim = {"id": "probe-%02d" % n, "kind": kind, "subject": "PK-IR", "probe_expects": verdict,
                 "statement": "Probe %02d (%s)." % (n, kind), "reference_finding": "probe finding %02d" % n}
        claim.update(fields)
        if isinstance(claim.get("stated_value"), float):
            claim["stated_value"] = round(claim["stated_value"], 3)
        out_claims.append(claim)
    with open(os.path.join(out, "claims.json"), "w", encoding="utf-8") as f:
        json.dump(out_claims, f, indent=1)
    # The probes must be where they were meant to be, or the thresholds are not bracketed.
    for pid, target in [("probe-24900m", 24_900), ("probe-25100m", 25_100), ("probe-30km", 30_000), ("probe-3km", 3_000)]:
        d = probe_atlas.measure(*probe_atlas.incident_point(probe_atlas.incident[pid]))["distance_m"]
        assert abs(d - target) < 20, (pid, d)
    for pid, target in [("probe-inside-10km", 9_900), ("probe-outside-10km", 10_100)]:
        d = probe_atlas.measure(*probe_atlas.place_point(probe_atlas.place[pid]))["distance_m"]
        assert abs(d - target) < 20, (pid, d)
    assert probe_atlas.measure(vertex[1], vertex[0])["distance_m"] == 0
    print(json.dumps({"data": out, "claims": os.path.join(out, "claims.json")}))


def main(argv):
    if len(argv) >= 4 and argv[0] == "expect":
        json.dump(expect(*argv[1:5]), sys.stdout, ensure_ascii=False)
    elif len(argv) == 2 and argv[0] == "probes":
        probes(argv[1])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
