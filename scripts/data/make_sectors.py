"""data/sectors.csv: sectors of the border by chainage (km from the tripoint along data/border.geojson).

Sector limits are the border points nearest to named places (GeoNames coordinates), so they are
reproducible. Chainage = geodesic length along the line (edges are WGS84 geodesics between
vertices); the nearest point is found exactly on the edge geodesics with geographiclib
(common.nearest_on_line: candidate edges, then golden-section search to 1 mm), so the chainages
are good to well under 10 m *for this line* (the line itself is uncertain by up to ~10 km, see SOURCES.md).
"""
import csv
import os

import common as C

# name, lon, lat, coordinate source
PLACES = {
    "Taftan": (61.58661, 28.94687, "GeoNames 9969716 (PK)"),
    "Mirjaveh": (61.44959, 29.0148, "GeoNames 1160258 (IR)"),
    "Jalq": (62.7102, 27.6029, "GeoNames (IR), as cited in domain-facts §4.1"),
    "Panjgur": (64.09459, 26.97186, "GeoNames 1168446 (PK)"),
    "Pishin": (61.75403, 26.07937, "GeoNames 1159975 (IR; opposite Mand, PK)"),
}


def main():
    props, coords = C.read_border()
    chain = C.cumulative_m(coords)
    total = chain[-1] / 1000
    near = {}
    for name, (lon, lat, src) in PLACES.items():
        r = C.nearest_on_line(coords, chain, lon, lat)
        near[name] = r
        print("%-9s %.5f N %.5f E -> border km %.3f at %.5f N %.5f E, %.2f km away (%s)"
              % (name, lat, lon, r["chainage_m"] / 1000, r["lat"], r["lon"], r["dist_m"] / 1000, src))

    def lim(name):
        r = near[name]
        return r["chainage_m"] / 1000, ("border point nearest %s (%.5f N %.5f E, %s), %.1f km from it"
                                        % (name, PLACES[name][1], PLACES[name][0], PLACES[name][2], r["dist_m"] / 1000))

    t0 = (0.0, "tripoint (Koh-i-Malik Siah), first vertex of data/border.geojson")
    tend = (total, "sea end at Gwatar Bay, last vertex of data/border.geojson")
    tm = (lim("Taftan")[0], lim("Taftan")[1] + "; Mirjaveh's nearest border point is km %.3f"
          % (near["Mirjaveh"]["chainage_m"] / 1000))
    rows = [
        ("Koh-i-Malik Siah - Taftan/Mirjaveh", t0, tm),
        ("Taftan/Mirjaveh - Jalq", tm, lim("Jalq")),
        ("Jalq - Panjgur", lim("Jalq"), lim("Panjgur")),
        ("Panjgur - Mand/Pishin", lim("Panjgur"), lim("Pishin")),
        ("Mand/Pishin - Gwatar Bay", lim("Pishin"), tend),
    ]
    out = os.path.join(C.DATA, "sectors.csv")
    with open(out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "start_km", "end_km", "from", "to", "definition"])
        prev = 0.0
        for name, (s0, d0), (s1, d1) in rows:
            assert abs(s0 - prev) < 1e-9 and s1 > s0, "sectors out of order at " + name
            prev = s1
            w.writerow([name, "%.3f" % s0, "%.3f" % s1, d0.split(" (")[0], d1.split(" (")[0],
                        "from %s to %s; chainage = geodesic km along data/border.geojson from the tripoint "
                        "(make_sectors.py)" % (d0, d1)])
            print("%-36s %8.3f %8.3f  %7.3f km" % (name, s0, s1, s1 - s0))
        assert abs(prev - total) < 1e-9
    print("wrote", os.path.relpath(out, C.ROOT))


if __name__ == "__main__":
    main()
