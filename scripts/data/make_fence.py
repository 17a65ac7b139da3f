"""data/fence.geojson + data/fence.csv: a SAMPLE border-barrier dataset.

The lengths and dates come from public reporting (docs: ../shared/reference/domain-facts.md §3);
no public map places any segment, so the PLACEMENT IS ASSUMED, by this rule:
- Pakistan: denominator = 830.60 km "to be fenced" (Business Recorder 2022). Work grows from two
  fronts, seeded at the border points nearest Taftan and nearest Pishin/Mand (data/sectors.csv;
  the reported priority areas, and a fence team was attacked in Mand in March 2020). Each front
  holds half the cumulative total, centred on its seed, clamped to [tripoint, midpoint between the
  seeds] and [midpoint, coast]; each report date adds the new pieces. So the cumulative built
  length at every report date equals the reported total. The part beyond the last report (91 %)
  is "under_construction"; the 1,023 - 830.6 km never planned is left without a feature.
- Iran: the 2007- concrete wall "from Taftan to Mand", 700 km (Vahidi via IRNA/Press TV,
  14 Apr 2011), placed between the same two seeds (693.7 km on this line); reported "under
  construction" in May 2011 and never reported finished, so status under_construction.
  The 2024 90 km "blockade" is placed on the 90 km south of the Mand seed, a stretch the
  2011 wall did not cover (assumption).
Segments lie ON the border line (no offset): border vertices between the two chainages plus
geodesically interpolated end points. Chainage km are along data/border.geojson (1,022.981 km),
so a reported "km of fence" is laid out as that many km of this line.
"""
import csv
import os

import common as C

PLANNED_KM = 830.60
# (completion date used, cumulative PK km built, source, note on the date)
PK_REPORTS = [
    ("2019-09-30", 30.0, "irannewsgazette.com (Lt Gen Asim Saleem Bajwa), Sep 2019",
     "reported Sep 2019 without a day; month end used"),
    ("2020-07-20", 100.0, "Daily NHT / IRNA, 20 Jul 2020 (Asim Bajwa to Senate CPEC committee)",
     "100 km 'would be completed soon': counted as built on the report date"),
    ("2020-12-07", 0.30 * PLANNED_KM, "Arab News, 7 Dec 2020 (DG ISPR: 30 %)", "30 % of 830.60 km"),
    ("2021-02-17", 0.38 * PLANNED_KM, "Arab News, 17 Feb 2021 (Interior Minister: 38 %)", "38 % of 830.60 km"),
    ("2021-07-02", 0.46 * PLANNED_KM, "LRIP 2 Jul 2021 / leadpakistan.com.pk (Interior Minister: 46 %)",
     "46 % of 830.60 km; statement c. Apr-Jul 2021, latest dated copy used"),
    ("2022-01-21", PLANNED_KM - 200.0, "UrduPoint, 21 Jan 2022 (Interior Minister to Senate: 200 km remaining)",
     "830.60 - 200 km"),
    ("2022-06-30", 658.751, "Business Recorder 2022 (news/40159289, Defence Ministry: 658.751 of 830.60 km)",
     "report undated; it precedes end-June 2022 (projects 83.39 km more by then): no-later-than date"),
    ("2024-12-28", 0.91 * PLANNED_KM, "Daily Excelsior (UNI, citing Samaa TV), 28 Dec [2024] (91 %)",
     "91 % of 830.60 km; year not printed, 2024 inferred from context"),
]


def front(total_km, seed, lo, hi):
    """Interval of length total_km centred on seed, shifted/clamped into [lo, hi]."""
    a, b = seed - total_km / 2, seed + total_km / 2
    if a < lo:
        a, b = lo, b + (lo - a)
    if b > hi:
        a, b = a - (b - hi), hi
    return max(a, lo), min(b, hi)


def minus(new, old):
    """Parts of interval new not in interval old (old inside new)."""
    if old is None or old[1] <= old[0]:
        return [new]
    return [p for p in ((new[0], old[0]), (old[1], new[1])) if p[1] - p[0] > 1e-9]


def subline(coords, chain, s0, s1):
    (p0, i0), (p1, i1) = C.point_at_chainage(coords, chain, s0 * 1000), C.point_at_chainage(coords, chain, s1 * 1000)
    pts = [p0] + [coords[k] for k in range(i0 + 1, i1 + 1) if s0 * 1000 < chain[k] < s1 * 1000] + [p1]
    return [[round(x, 6), round(y, 6)] for x, y in pts]


def main():
    _, coords = C.read_border()
    chain = C.cumulative_m(coords)
    total = chain[-1] / 1000
    seeds = {n: C.nearest_on_line(coords, chain, lon, lat)["chainage_m"] / 1000
             for n, lon, lat in [("Taftan", 61.58661, 28.94687), ("Mand", 61.75403, 26.07937)]}
    mid = (seeds["Taftan"] + seeds["Mand"]) / 2
    limits = {"Taftan": (0.0, mid), "Mand": (mid, total)}
    print("seeds km: Taftan %.3f, Mand/Pishin %.3f; split at %.3f" % (seeds["Taftan"], seeds["Mand"], mid))

    segs = []  # (start, end, status, side, kind, completed, source, note, extra)
    prev = {"Taftan": None, "Mand": None}
    stages = PK_REPORTS + [(None, PLANNED_KM, "Business Recorder 2022 (830.60 km to be fenced); Daily Excelsior 28 Dec 2024 (91 % done)",
                            "remaining 9 % of 830.60 km: not reported complete")]
    for date, cum, src, note in stages:
        for n in ("Taftan", "Mand"):
            iv = front(cum / 2, seeds[n], *limits[n])
            for a, b in minus(iv, prev[n]):
                segs.append((a, b, "built" if date else "under_construction", "PK", "fence", date, src,
                             "front from the border point nearest %s; %s" % ("Taftan" if n == "Taftan" else "Pishin (opposite Mand)", note)))
            prev[n] = iv
    segs.append((seeds["Taftan"], seeds["Mand"], "under_construction", "IR", "wall", None,
                 "IRNA via Press TV, 14 Apr 2011 (Defence Minister Vahidi: 700 km 'from Taftan to Mand'); begun 2007 (Wikipedia)",
                 "between the border points nearest Taftan and nearest Pishin/Mand; reported under construction May 2011, no completion reported"))
    segs.append((seeds["Mand"], seeds["Mand"] + 90.0, "under_construction", "IR", "wall", None,
                 "Iran Press / Khabar Fouri, ~Oct 2024 (Interior Minister Momeni: 90 km blockade, started ~Jun 2024)",
                 "assumed on the 90 km south of the Pishin/Mand point, a stretch the 2011 'Taftan to Mand' wall did not cover"))

    feats, rows = [], []
    for k, (a, b, status, side, kind, date, src, note) in enumerate(segs, 1):
        p = {"id": "%s-%02d" % (side, k), "status": status, "side": side, "kind": kind}
        if date:
            p["completed"] = date
        p.update({"source": src, "placement": "assumed", "placement_note": note,
                  "start_km": round(a, 3), "end_km": round(b, 3), "length_km": round(b - a, 3)})
        feats.append({"type": "Feature", "properties": p,
                      "geometry": {"type": "LineString", "coordinates": subline(coords, chain, a, b)}})
        rows.append(["%.3f" % a, "%.3f" % b, status, side, kind, date or "", src])

    fc = {"type": "FeatureCollection",
          "caveat": ("SAMPLE data. Lengths and dates follow public reporting; the placement of every segment "
                     "is ASSUMED (no public map exists): see each feature's placement_note and data/SOURCES.md. "
                     "Chainages are km along data/border.geojson from the Koh-i-Malik Siah tripoint."),
          "features": feats}
    C.write_json(os.path.join(C.DATA, "fence.geojson"), fc)
    out = os.path.join(C.DATA, "fence.csv")
    with open(out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["start_km", "end_km", "status", "side", "kind", "completed", "source"])
        w.writerows(rows)
    print("wrote", os.path.relpath(out, C.ROOT))

    # check: cumulative PK built at each report date
    for date, cum, src, _ in PK_REPORTS:
        built = sum(b - a for a, b, st, side, _, d, _, _ in segs if side == "PK" and st == "built" and d <= date)
        print("PK built by %s: %.3f km (reported %.3f, %.1f %% of %.2f)" % (date, built, cum, 100 * built / PLANNED_KM, PLANNED_KM))
        assert abs(built - cum) < 1e-6
    for side, st in [("PK", "under_construction"), ("IR", "under_construction")]:
        print(side, st, "%.3f km" % sum(b - a for a, b, s, sd, *_ in segs if sd == side and s == st))


if __name__ == "__main__":
    main()
