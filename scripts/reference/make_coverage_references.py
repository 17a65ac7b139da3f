#!/usr/bin/env python3
"""Reference answers for `border coverage`, computed independently with GeographicLib.

Writes, under Tests/BorderCLITests/Inputs/coverage/:
- constructions with known geometry (placed with geographiclib on data/border.geojson):
  fence-dates.csv (chainage ranges with completion dates on, before and after a step's date, both
  sides, every status, one undated), fence-many-dates.csv (45 dates: the timeline goes per year),
  fence-offset.geojson (lines 600 m and 1.5 km beside the border and one crossing it),
  incidents-near-gaps.csv (points at chosen offsets from the border inside and beside the gaps of
  fence-dates.csv, four of them solved to lie 9.95 and 10.05 km from the nearest gap);
- reference-answers.json: for each scenario (the `border coverage` arguments), the covered
  stretches, gaps and their end points, sector coverage, timeline and incidents near gaps, from
  coverage_reference.py (method and accuracy in its docstring: boundaries to 1 mm, distances to
  ~1e-7 m, nothing shorter than 1 m missed); and the sector limits of data/sectors.csv recomputed
  as the border points nearest the landmarks their definitions name.

Nothing is taken from the Swift program. Standard library + geographiclib
(pip install geographiclib). About a minute of one core.

Regenerate after changing data/border.geojson, data/fence.geojson, data/fence.csv,
data/sectors.csv or data/incidents.csv:
    python3 scripts/reference/make_coverage_references.py
"""
import csv
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import coverage_reference as R  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
INPUTS = "Tests/BorderCLITests/Inputs/coverage"
MOST_TIMELINE_DATES = 40  # README: "per year when there are more than 40 dates"
# Inclusion in a list or a choice between two gaps must not hinge on less than this: the program
# places gap ends within 0.5 m and prints km to 1 m.
DECISION_MARGIN_M = 5.0

FENCE_DATES = [  # start_km, end_km, status, side, kind, completed, source
    (100, 120, "built", "PK", "fence", "2020-06-29", "the day before the step date"),
    (130, 150, "built", "PK", "fence", "2020-06-30", "on the step date"),
    (160, 180, "built", "IR", "wall", "2020-06-30", "on the step date, Iran"),
    (200, 210, "built", "PK", "fence", "2020-07-01", "the day after the step date"),
    (240, 243, "built", "PK", "fence", "2021-01-01", "a short piece between two gaps"),
    (260, 270, "built", "IR", "wall", "", "undated: never in the timeline"),
    (300, 320, "under_construction", "PK", "fence", "2020-06-30", "not built"),
    (330, 340, "planned", "IR", "wall", "", "planned"),
]

# id, chainage km, offset km (positive: left of the border's direction). What each tests, with the
# reference distances to the gaps of the "dates" scenario it was chosen for (the border winds, so
# they are not the offsets):
INCIDENTS = [
    ("on-border-in-first-gap", 50.0, 0.0),  # 0 km from gap 1
    ("nearest-gap-2", 125.0, 3.0),  # 2.7 km from gap 2 (121.7-128.8), 14 km from gaps 1 and 3
    ("far-from-its-gap-start", 190.0, -6.0),  # 6.0 km from gap 4, 11.5 km from that gap's start
    ("two-gaps-later-nearer", 243.5, 1.0),  # 0.9 km from gap 6, 4.7 km from gap 5
    ("within-10km", 225.0, 9.0),  # 8.5 km from gap 5
    ("within-12km-not-10", 225.0, -11.0),  # 10.6 km from gap 5
    ("beside-covered-stretch", 138.0, 5.0),  # 6.0 km from gap 3, 9.1 km from gap 2
    ("far-away", 400.0, 60.0),  # 48 km from the border
]
# Either side of the default --near of 10 km from the nearest gap of the "dates" scenario:
# id, chainage km, side (+1 left, -1 right), distance km; placed by solving for the offset.
INCIDENTS_AT_DISTANCE = [
    ("just-within-10km", 300.0, 1, 9.95),
    ("just-beyond-10km", 300.0, -1, 10.05),
]
# id, chainage km range, distance km; on the border (so within 10 km of it), inside the covered
# stretch km 159-181, at the chainage solved for that distance to the nearest gap.
INCIDENTS_ON_COVERED_BORDER = [
    ("covered-just-within-10km", (165.0, 170.0), 9.95),
    ("covered-just-beyond-10km", (165.0, 170.0), 10.05),
]


def path(relative):
    return os.path.join(ROOT, relative)


def beside(border, s_km, offset_m):
    """The point offset_m metres left (negative: right) of the border at chainage s_km."""
    lon, lat = border.point(s_km * 1000)
    ahead = border.point(s_km * 1000 + 1)
    azimuth = R.G.Inverse(lat, lon, ahead[1], ahead[0])["azi1"]
    q = R.G.Direct(lat, lon, azimuth - 90, offset_m)
    return q["lon2"], q["lat2"]


def solve(excess, lo, hi):
    """The x in [lo, hi] where excess(x) changes sign (excess(lo) < 0 < excess(hi)), to 1 cm."""
    assert excess(lo) < 0 < excess(hi)
    while hi - lo > 0.01:
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if excess(mid) < 0 else (lo, mid)
    return (lo + hi) / 2


def nearest_gap_distance(border, gaps):
    """A function of (lon, lat): metres to the nearest of `gaps` (border chainage ranges)."""
    lines = [R.GeodesicLines([border.subline(a, b)]) for a, b in gaps]
    return lambda lon, lat: min(g.distance(lon, lat) for g in lines)


def at_distance(border, gaps, s_km, side, distance_m):
    """The point beside chainage s_km (side +1 left, -1 right) distance_m from the nearest gap."""
    to_gap = nearest_gap_distance(border, gaps)
    offset = solve(lambda o: to_gap(*beside(border, s_km, side * o)) - distance_m, 0.0, 2 * distance_m)
    return beside(border, s_km, side * offset)


def on_border_at_distance(border, gaps, range_km, distance_m):
    """The border point in range_km (km, km) distance_m from the nearest gap."""
    to_gap = nearest_gap_distance(border, gaps)
    s = solve(lambda s: to_gap(*border.point(s)) - distance_m, range_km[0] * 1000, range_km[1] * 1000)
    return border.point(s)


def write_fences(border):
    os.makedirs(path(INPUTS), exist_ok=True)
    header = ["start_km", "end_km", "status", "side", "kind", "completed", "source"]
    with open(path(INPUTS + "/fence-dates.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(FENCE_DATES)
    with open(path(INPUTS + "/fence-many-dates.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for k in range(45):  # monthly from 2019-01: 12 + 12 + 12 + 9 dates
            year, month = 2019 + k // 12, 1 + k % 12
            w.writerow([10 + 20 * k, 11 + 20 * k, "built", "PK", "fence", "%d-%02d-15" % (year, month), "month %d" % k])

    def feature(coordinates, status, side, completed, source):
        properties = {"status": status, "side": side, "kind": "fence", "source": source}
        if completed:
            properties["completed"] = completed
        return {"type": "Feature", "properties": properties,
                "geometry": {"type": "LineString", "coordinates": [[round(x, 9), round(y, 9)] for x, y in coordinates]}}

    centre_lon, centre_lat = border.point(800_000)
    ahead = border.point(800_001)
    azimuth = R.G.Inverse(centre_lat, centre_lon, ahead[1], ahead[0])["azi1"]
    across = [R.G.Direct(centre_lat, centre_lon, azimuth + side, 10_000) for side in (-90, 90)]
    offset = {"type": "FeatureCollection", "features": [
        feature([beside(border, s / 2, 600) for s in range(2 * 388, 2 * 410 + 1)], "built", "PK", "2021-03-01",
                "600 m left of the border, km 388-410, vertices every 500 m"),
        feature([beside(border, s / 2, -1500) for s in range(2 * 600, 2 * 620 + 1)], "built", "IR", "2021-03-01",
                "1.5 km right of the border, km 600-620"),
        feature([(q["lon2"], q["lat2"]) for q in across], "under_construction", "PK", "2022-01-01",
                "across the border at km 800, 10 km each side"),
    ]}
    with open(path(INPUTS + "/fence-offset.geojson"), "w") as f:
        json.dump(offset, f, indent=1)
        f.write("\n")


def write_incidents(border, gaps):
    """incidents-near-gaps.csv, placed beside the border (some at a set distance from `gaps`)."""
    rows = []
    for name, s_km, offset_km in INCIDENTS:
        place = "%g km %s of border km %g" % (abs(offset_km), "left" if offset_km >= 0 else "right", s_km)
        rows.append((name, place, beside(border, s_km, offset_km * 1000)))
    for name, s_km, side, distance_km in INCIDENTS_AT_DISTANCE:
        place = "%s of border km %g, %g km from a gap" % ("left" if side > 0 else "right", s_km, distance_km)
        rows.append((name, place, at_distance(border, gaps, s_km, side, distance_km * 1000)))
    for name, range_km, distance_km in INCIDENTS_ON_COVERED_BORDER:
        place = "on the border between km %g and %g, %g km from a gap" % (*range_km, distance_km)
        rows.append((name, place, on_border_at_distance(border, gaps, range_km, distance_km * 1000)))
    with open(path(INPUTS + "/incidents-near-gaps.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "date", "place", "lat", "lon"])
        for number, (name, place, (lon, lat)) in enumerate(rows):
            w.writerow([name, "2021-01-%02d" % (number + 1), place, "%.7f" % lat, "%.7f" % lon])


def load_fence(relative, border):
    """[(status, side, completed or None, vertices)] as `border coverage` reads the file."""
    if relative.endswith(".geojson"):
        features = json.load(open(path(relative)))["features"]
        return [(f["properties"]["status"], f["properties"]["side"], f["properties"].get("completed") or None,
                 f["geometry"]["coordinates"]) for f in features]
    length_km = border.length / 1000
    return [(r["status"], r["side"], r["completed"].strip() or None,
             border.subline(float(r["start_km"]) * 1000, min(float(r["end_km"]), length_km) * 1000))
            for r in R.read_csv(path(relative))]


class Scenarios:
    def __init__(self, border, sectors):
        self.border, self.sectors = border, sectors
        self.cache = {}

    def covered(self, fence_file, segments, indices, tolerance_m):
        key = (fence_file, tuple(indices), tolerance_m)
        if key not in self.cache:
            lines = R.GeodesicLines([segments[k][3] for k in indices])
            self.cache[key] = R.covered_stretches(self.border, lines, tolerance_m)
        return self.cache[key]

    def answer(self, name, arguments):
        options = dict(zip(arguments[::2], arguments[1::2]))
        fence_file = options.get("--fence", "data/fence.geojson")
        statuses = set(options.get("--status", "built").split(","))
        side = options.get("--side", "any")
        as_of = options.get("--as-of")
        tolerance_m = float(options.get("--tolerance", "1")) * 1000
        near_m = float(options.get("--near", "10")) * 1000
        segments = load_fence(fence_file, self.border)
        used = [k for k, (status, who, completed, _) in enumerate(segments)
                if status in statuses and side in ("any", who) and (as_of is None or (completed and completed <= as_of))]
        covered = self.covered(fence_file, segments, used, tolerance_m)
        length = self.border.length
        gaps = R.gaps(covered, length)
        return {
            "name": name, "arguments": arguments, "segments_used": len(used),
            "border_m": length, "covered": covered, "covered_m": sum(b - a for a, b in covered),
            "coverage_pct": 100 * sum(b - a for a, b in covered) / length,
            "gaps": [{"start_m": a, "end_m": b, "start": self.border.point(a), "end": self.border.point(b)} for a, b in gaps],
            "sectors": [self.sector(s, covered) for s in self.sectors],
            "timeline": self.timeline(fence_file, segments, used, tolerance_m),
            "incidents_near_gaps": self.incidents(options.get("--incidents", "data/incidents.csv"), gaps, near_m, name),
        }

    def sector(self, row, covered):
        start, end = float(row["start_km"]) * 1000, float(row["end_km"]) * 1000
        metres = R.clipped_length(covered, start, end)
        inside = [x for a, b in covered for x in (a, b) if start < x < end]
        return {"name": row["name"], "start_km": float(row["start_km"]), "end_km": float(row["end_km"]),
                "covered_m": metres, "coverage_pct": 100 * metres / (end - start), "boundaries_inside": len(inside)}

    def timeline(self, fence_file, segments, used, tolerance_m):
        dates = sorted({segments[k][2] for k in used if segments[k][2]})
        if len(dates) > MOST_TIMELINE_DATES:
            dates = sorted({max(d for d in dates if d[:4] == year) for year in {d[:4] for d in dates}})
        steps = []
        for date in dates:
            standing = [k for k in used if segments[k][2] and segments[k][2] <= date]
            covered = self.covered(fence_file, segments, standing, tolerance_m)
            metres = sum(b - a for a, b in covered)
            steps.append({"date": date, "segments": len(standing), "covered": covered, "covered_m": metres,
                          "coverage_pct": 100 * metres / self.border.length})
        return steps

    def incidents(self, relative, gaps, near_m, name):
        gap_lines = [R.GeodesicLines([self.border.subline(a, b)]) for a, b in gaps]
        listed = []
        for row in R.read_csv(path(relative)):
            lon, lat = float(row["lon"]), float(row["lat"])
            distances = sorted((lines.distance(lon, lat), k) for k, lines in enumerate(gap_lines))
            for d, _ in distances:
                assert abs(d - near_m) > DECISION_MARGIN_M, "%s: %s is %.1f m from a gap, too close to --near" % (name, row["id"], d)
            within = [(d, k) for d, k in distances if d <= near_m]
            if len(within) > 1:
                assert within[1][0] - within[0][0] > DECISION_MARGIN_M, "%s: %s is as near two gaps" % (name, row["id"])
            if within:
                listed.append({"id": row["id"], "gap": within[0][1] + 1, "distance_m": within[0][0]})
        return listed


def sector_limits(border, sectors):
    """The sector limits recomputed: 0, the border's length, or the border point nearest a landmark."""
    landmarks = {}
    for row in sectors:
        for m in re.finditer(r"border point nearest (\w+) \(([\d.]+) N ([\d.]+) E", row["definition"]):
            landmarks[m.group(1)] = (float(m.group(3)), float(m.group(2)))

    def limit(label):
        if label == "tripoint":
            return 0.0
        if label.startswith("sea end"):
            return border.length
        name = label.replace("border point nearest ", "")
        return border.nearest_chainage(*landmarks[name])[0]

    return [{"name": row["name"], "from": row["from"], "to": row["to"], "start_m": limit(row["from"]), "end_m": limit(row["to"])}
            for row in sectors]


def rounded(value, digits=4):
    """Metres to 0.1 mm; the [lon, lat] of gap ends (keys start, end) to 1e-9 degree."""
    if isinstance(value, float):
        return round(value, digits)
    if isinstance(value, (list, tuple)):
        return [rounded(v, digits) for v in value]
    if isinstance(value, dict):
        return {k: rounded(v, 9 if k in ("start", "end") else digits) for k, v in value.items()}
    return value


def main():
    border = R.Border(path("data/border.geojson"))
    sectors = R.read_csv(path("data/sectors.csv"))
    write_fences(border)
    dates, many, offset = INPUTS + "/fence-dates.csv", INPUTS + "/fence-many-dates.csv", INPUTS + "/fence-offset.geojson"
    incidents = INPUTS + "/incidents-near-gaps.csv"
    scenarios = Scenarios(border, sectors)
    dates_segments = load_fence(dates, border)
    built = [k for k, segment in enumerate(dates_segments) if segment[0] == "built"]
    write_incidents(border, R.gaps(scenarios.covered(dates, dates_segments, built, 1000.0), border.length))
    runs = [
        ("bundled", []),
        ("bundled, built and under construction", ["--status", "built,under_construction"]),
        ("bundled, Iran, built and under construction", ["--side", "IR", "--status", "built,under_construction"]),
        ("bundled, Pakistan, built and under construction", ["--side", "PK", "--status", "under_construction,built"]),
        ("bundled, as of 2021-02-17, 5 km", ["--as-of", "2021-02-17", "--tolerance", "5"]),
        ("bundled, incidents within 50 km", ["--near", "50"]),
        ("bundled fence as CSV", ["--fence", "data/fence.csv"]),
        ("dates", ["--fence", dates, "--incidents", incidents]),
        ("dates, as of the step date", ["--fence", dates, "--as-of", "2020-06-30", "--incidents", incidents]),
        ("dates, Iran", ["--fence", dates, "--side", "IR", "--incidents", incidents]),
        ("dates, Pakistan, built and under construction",
         ["--fence", dates, "--side", "PK", "--status", "built,under_construction", "--incidents", incidents]),
        ("dates, planned", ["--fence", dates, "--status", "planned", "--incidents", incidents]),
        ("dates, incidents within 12 km", ["--fence", dates, "--near", "12", "--incidents", incidents]),
        ("dates, 0.3 km", ["--fence", dates, "--tolerance", "0.3", "--incidents", incidents]),
        ("many dates", ["--fence", many, "--incidents", incidents]),
        ("offset, 1 km", ["--fence", offset, "--incidents", incidents]),
        ("offset, 2 km, every status", ["--fence", offset, "--tolerance", "2", "--status", "built,under_construction,planned",
                                        "--incidents", incidents]),
        ("offset, Iran, 2 km", ["--fence", offset, "--tolerance", "2", "--side", "IR", "--incidents", incidents]),
    ]
    answers = []
    for name, arguments in runs:
        answers.append(scenarios.answer(name, arguments))
        a = answers[-1]
        print("%-50s covered %10.3f km (%6.2f %%), %d gaps, %d timeline steps, %d incidents"
              % (name, a["covered_m"] / 1000, a["coverage_pct"], len(a["gaps"]), len(a["timeline"]), len(a["incidents_near_gaps"])))
    document = {
        "about": "Reference answers for border coverage from scripts/reference/make_coverage_references.py "
                 "(GeographicLib); regenerate with that script after changing the data. Metres to 0.1 mm, degrees to 1e-9.",
        "accuracy_m": {"boundary": R.BOUNDARY_PRECISION_M, "shortest_stretch_seen": R.MIN_STEP_M, "distance": 1e-6},
        "sector_limits": sector_limits(border, sectors),
        "scenarios": answers,
    }
    with open(path(INPUTS + "/reference-answers.json"), "w") as f:
        json.dump(rounded(document), f, indent=1)
        f.write("\n")
    print("wrote", INPUTS + "/reference-answers.json")


if __name__ == "__main__":
    main()
