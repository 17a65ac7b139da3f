#!/usr/bin/env python3
"""Constructed points with known side and nearest place, for Tests/BorderCLITests/DistanceCasesTests.swift.

Writes Tests/BorderCLITests/Inputs/distances/cases.csv:
- `side-*`: points 300 m, 1 km and 3 km square off the middle of the border's long edges (each
  edge the WGS84 geodesic between its vertices), on the left (Pakistan: the border runs from the
  tripoint to the sea with Pakistan on its left) and on the right (Iran). Only cases whose foot is
  provably on that edge are kept (see side_cases).
- `outline-*`: points 100 m off the line where the simplified country outlines name the other
  country, so only the rule "within 5 km the border line decides" gets them right.
- `bearing-*`: points 3 km from Mand at chosen azimuths, including azimuths either side of a
  16-point compass boundary (11.25 degrees + k x 22.5), with the nearest place, its geodesic km and
  the 16-point name of the azimuth from the place to the point, all from GeographicLib here.
Nothing comes from the Swift program. Usage: python3 scripts/reference/make_distance_cases.py
Needs: pip install geographiclib
"""
import csv
import json
import math
import os

from geographiclib.geodesic import Geodesic

G = Geodesic.WGS84
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
POINTS = ["N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"]


def compass(azimuth):
    sector = math.floor(((azimuth % 360) + 11.25) / 22.5) % 16
    return POINTS[sector]


def border():
    data = json.load(open(os.path.join(ROOT, "data", "border.geojson")))
    return data["features"][0]["geometry"]["coordinates"]


def places():
    with open(os.path.join(ROOT, "data", "places.csv"), newline="") as f:
        return [(r["name"], float(r["lat"]), float(r["lon"])) for r in csv.DictReader(f)]


def nearest_place(lat, lon, known):
    best = min(known, key=lambda p: G.Inverse(p[1], p[2], lat, lon)["s12"])
    inverse = G.Inverse(best[1], best[2], lat, lon)
    return best[0], inverse["s12"] / 1000, inverse["azi1"]


def side_cases(coords):
    """Offsets square to the middle of long edges, kept only where the foot is provably on that edge."""
    lengths = [G.Inverse(y1, x1, y2, x2)["s12"] for (x1, y1), (x2, y2) in zip(coords, coords[1:])]
    candidates = sorted(range(len(lengths)), key=lambda i: -lengths[i])[:200]
    rows, used = [], []
    for i in candidates:
        if len(used) == 8:
            break
        (x1, y1), (x2, y2) = coords[i], coords[i + 1]
        line = G.InverseLine(y1, x1, y2, x2)
        middle = line.Position(line.s13 / 2)
        lat, lon, azimuth = middle["lat2"], middle["lon2"], middle["azi2"]
        if any(G.Inverse(lat, lon, u[0], u[1])["s12"] < 30_000 for u in used):
            continue
        cases = []
        for metres in (300, 1000, 3000):
            for name, turn, country in (("left", -90, "PK"), ("right", 90, "IR")):
                point = G.Direct(lat, lon, azimuth + turn, metres)
                cases.append((metres, name, country, point["lat2"], point["lon2"]))
        if not all(provable(coords, lengths, i, m, plat, plon) for m, _, _, plat, plon in cases):
            continue
        used.append((lat, lon))
        for metres, name, country, plat, plon in cases:
            rows.append({"id": f"side-edge{i}-{name}-{metres}m", "lat": f"{plat:.9f}", "lon": f"{plon:.9f}", "side": country})
    return rows


def country_rings():
    data = json.load(open(os.path.join(ROOT, "data", "countries.geojson")))
    rings = {}
    for feature in data["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        rings[feature["properties"]["iso"]] = [ring for polygon in polygons for ring in polygon]
    return rings


def outline_country(lon, lat, rings):
    """The country whose simplified outline holds the point (even-odd rule in lon/lat, as GEOS does)."""
    for iso, country in rings.items():
        inside = False
        for ring in country:
            for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
                if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                    inside = not inside
        if inside:
            return iso
    return "other"


def crosses_nothing(coords, i, start, end):
    """The 100 m path from the middle of edge i to the case crosses no other edge and keeps 2 m clear
    of them, in a local plane (over 100 m its error is under a millimetre). The border is one simple
    line between Pakistan and Iran, so a case reached from the left of edge i without crossing it lies
    on Pakistan's side, wherever its nearest border point is."""
    scale = math.cos(math.radians(start[0])) * 111_320.0
    def local(lat, lon):
        return ((lon - start[1]) * scale, (lat - start[0]) * 110_574.0)
    a, b = local(*start), local(*end)
    def distance_to_segment(p, q, r):
        dx, dy = r[0] - q[0], r[1] - q[1]
        t = max(0.0, min(1.0, ((p[0] - q[0]) * dx + (p[1] - q[1]) * dy) / (dx * dx + dy * dy or 1)))
        return math.hypot(p[0] - q[0] - t * dx, p[1] - q[1] - t * dy)
    def cross(o, p, q):
        return (p[0] - o[0]) * (q[1] - o[1]) - (p[1] - o[1]) * (q[0] - o[0])
    for j in range(len(coords) - 1):
        (x1, y1), (x2, y2) = coords[j], coords[j + 1]
        if j == i or min(abs(y1 - start[0]), abs(y2 - start[0])) > 0.01 or min(abs(x1 - start[1]), abs(x2 - start[1])) > 0.01:
            continue
        c, d = local(y1, x1), local(y2, x2)
        if cross(a, b, c) * cross(a, b, d) < 0 and cross(c, d, a) * cross(c, d, b) < 0:
            return False
        if min(distance_to_segment(c, a, b), distance_to_segment(d, a, b), distance_to_segment(a, c, d), distance_to_segment(b, c, d)) < 2:
            return False
    return True


def outline_disagreement_cases(coords):
    """Points 100 m off the middle of an edge, on either side, where the simplified country outline
    (up to 351 m from the line) names the other country: only the border line gets these right.
    The expected side is the line's (left PK, right IR; see crosses_nothing); the outline only
    chooses hard cases."""
    rings = country_rings()
    lengths = [G.Inverse(y1, x1, y2, x2)["s12"] for (x1, y1), (x2, y2) in zip(coords, coords[1:])]
    rows = []
    for i in range(0, len(lengths), 7):
        if len(rows) == 12:
            break
        if lengths[i] < 10 or (rows and abs(int(rows[-1]["id"].split("edge")[1].split("-")[0]) - i) < 400):
            continue
        (x1, y1), (x2, y2) = coords[i], coords[i + 1]
        line = G.InverseLine(y1, x1, y2, x2)
        middle = line.Position(line.s13 / 2)
        for name, turn, country in (("left", -90, "PK"), ("right", 90, "IR")):
            point = G.Direct(middle["lat2"], middle["lon2"], middle["azi2"] + turn, 100)
            plat, plon = point["lat2"], point["lon2"]
            outline = outline_country(plon, plat, rings)
            if outline not in ("PK", "IR") or outline == country \
                    or not crosses_nothing(coords, i, (middle["lat2"], middle["lon2"]), (plat, plon)):
                continue
            rows.append({"id": f"outline-edge{i}-{name}-100m", "lat": f"{plat:.9f}", "lon": f"{plon:.9f}", "side": country})
            break
    return rows


def provable(coords, lengths, i, metres, plat, plon):
    """The nearest border point of (plat, plon) lies on edge i: every point X of another edge AB is
    within |AB|/2 of A or B, so d(P, X) >= min(d(P, A), d(P, B)) - |AB|/2 must exceed `metres` + 100."""
    for j, length in enumerate(lengths):
        (ax, ay), (bx, by) = coords[j], coords[j + 1]
        if j == i or min(abs(ay - plat), abs(by - plat)) > 0.15 or min(abs(ax - plon), abs(bx - plon)) > 0.15:
            continue
        near = min(G.Inverse(plat, plon, ay, ax)["s12"], G.Inverse(plat, plon, by, bx)["s12"])
        if near - length / 2 < metres + 100:
            return False
    return True


def bearing_cases(known):
    mand = next(p for p in known if p[0] == "Mand")
    rows = []
    for azimuth in (0, 10, 12.5, 20, 34, 45, 100, 168, 191, 250, 280, 349, 350.5):
        point = G.Direct(mand[1], mand[2], azimuth, 3000)
        name, km, azi = nearest_place(point["lat2"], point["lon2"], known)
        rows.append({"id": f"bearing-{azimuth:g}", "lat": f"{point['lat2']:.9f}", "lon": f"{point['lon2']:.9f}",
                     "nearest_place": name, "nearest_place_km": f"{km:.3f}", "nearest_place_bearing": compass(azi)})
    return rows


def main():
    known = places()
    coords = border()
    rows = side_cases(coords) + outline_disagreement_cases(coords) + bearing_cases(known)
    columns = ["id", "lat", "lon", "side", "nearest_place", "nearest_place_km", "nearest_place_bearing"]
    out = os.path.join(ROOT, "Tests", "BorderCLITests", "Inputs", "distances", "cases.csv")
    with open(out, "w", newline="") as f:
        writer = csv.DictWriter(f, columns, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in columns})
    print(f"wrote {len(rows)} cases to {out}")


if __name__ == "__main__":
    main()
