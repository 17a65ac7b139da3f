"""Write data/incidents.csv: dated incidents on or near the Pakistan-Iran border, 2013-2024,
plus the incidents named in the seed article (Al-Monitor, 21 May 2020).

Deterministic: the incident list below is hand-curated from press reports (outlets and dates in
each row; compiled in the project's research notes, domain-facts.md sections 1-2). lat/lon are
copied from data/places.csv (the row named in `place`), never an event's own coordinates, which no
source publishes. Run make_places.py first.

    python3 scripts/data/make_incidents.py

Conventions
- date: ISO YYYY-MM-DD; YYYY-MM when only the month is reported (said in notes).
- geo_precision: ACLED 1-3. 1 = the named town is the event site and its coordinates are used;
  2 = event in a named small area / near a town, coded to that town; 3 = only a larger area
  (district, "sector", "border area") is known, coded to a district or county seat.
- killed / injured: victims (security forces, civilians) only; attackers killed are given in notes.
  Lowest figure when reports conflict (ACLED convention); 0 when no figure is reported.
- reported_distance_km: distance from the border as reported by a source; empty when none.
- side: country in which the event took place.
- claimed_by: the group or state that claimed or acknowledged it, as reported; "" if none.
  Attributions by the other side (not claims) are in notes.
"""
import csv
import os

import common

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
PLACES = os.path.join(ROOT, "data", "places.csv")
OUT = os.path.join(ROOT, "data", "incidents.csv")
HEADER = ["id", "date", "place", "lat", "lon", "geo_precision", "killed", "injured", "claimed_by",
          "reported_distance_km", "event", "side", "source", "notes"]

# id, date, place id, geo_precision, killed, injured, claimed_by, reported_distance_km, event, side, source, notes
INCIDENTS = [
    ("2013-10-25-saravan-border-post", "2013-10-25", "saravan", 2, 14, 0, "Jaish al-Adl", "",
     "Ambush on an Iranian border post", "IR",
     "Dawn 9 Feb 2014; Khabar Online",
     "Border area near Saravan, coded to Saravan town. First attack claimed by Jaish al-Adl. "
     "Context, before 2014. No injury figure found."),
    ("2014-02-06-jakigur-abduction", "2014-02-06", "saravan", 2, 0, 0, "Jaish al-Adl", "",
     "Five Iranian border guards abducted and taken into Pakistan", "IR",
     "Dawn 9 Feb 2014; Mehr/The Iran Project 24 Mar 2014; Khabar Online",
     "Jakigur (Jakigour) area, Saravan county; no coordinates for Jakigur, coded to Saravan. "
     "5 abducted; 4 released April 2014; the group said it executed 1 (Jamshid Danaeifar), "
     "not confirmed by Iran, so not counted as killed."),
    ("2014-10-16-mand-fc-vehicle", "2014-10-16", "mand", 2, 1, 3, "", "",
     "Iranian border guards fired on a Frontier Corps vehicle inside Pakistan", "PK",
     "Dawn 17 Oct 2014; Express Tribune 17, 18 and 25 Oct 2014; The Nation 18 Oct 2014",
     "Thursday night 16 to Friday 17 Oct. Mand tehsil, Kech (Tribune says Gwadar district; Kech is "
     "correct). Mand's position is itself derived (places.csv, 15 km). 1 FC JCO killed, 3-4 wounded "
     "(lowest used). Attributed to Iranian guards by the FC; Iran (ISNA) said 2 of its guards and "
     "several rebels were killed. Same days: ~30 Iranian guards crossed 2 km near Nokundi "
     "(Lashkar-e-Ahb village, Chagai); 18 and 24 Oct: Iranian mortar shells hit Mashkel (Washuk). "
     "Pakistan summoned Iran's ambassador."),
    ("2015-04-06-negur-clash", "2015-04-06", "negur", 2, 8, 0, "Jaish al-Adl", "",
     "Militants who crossed from Pakistan clashed with Iranian border guards and fled back", "IR",
     "Dawn 7 Apr 2015; Daily Pakistan (APP); The Iran Project/Press TV 7 Apr 2015",
     "Negur area, Dashtiari district, Chabahar county. 8 guards killed; Press TV: 3 attackers killed."),
    ("2017-04-26-mirjaveh-guards", "2017-04-26", "mirjaveh", 2, 10, 2, "Jaish al-Adl", "",
     "Iranian border guards on patrol shot with long-range weapons from Pakistani soil", "IR",
     "Tehran Times 26 Apr 2017; Press TV (French) 26 Apr 2017; Express Tribune 22 Jun 2017",
     "Near Mirjaveh. 10 killed (later reports 11; lowest used), 2-3 wounded (lowest used)."),
    ("2017-05-27-panjgur-mortar", "2017-05-27", "panjgur", 3, 1, 0, "", "",
     "Iranian mortar shell landed in Panjgur district", "PK",
     "Pakistan Observer (in its report on the 19 Jun 2017 drone)",
     "Single source; place within Panjgur district not given, coded to Panjgur town."),
    ("2017-06-19-panjgur-uav", "2017-06-19", "panjgur", 3, 0, 0, "", "3.5",
     "Pakistan Air Force JF-17 shot down an unmarked Iranian drone over Pakistani territory", "PK",
     "Pakistan Foreign Office via Dawn 22 Jun 2017 and Express Tribune 22 Jun 2017",
     "Panjgur sector, coded to Panjgur town. Foreign Office: 3-4 km inside Pakistan (3.5 = midpoint); "
     "Pakistan Observer: 45 km [conflict]. Drone attributed to Iran by Pakistan; no claim."),
    ("2018-10-16-lulakdan-abduction", "2018-10-16", "mirjaveh", 2, 0, 0, "Jaish al-Adl", "",
     "Iranian IRGC, Basij and border-guard members seized at a border post and taken into Pakistan",
     "IR", "Dawn 22 Oct 2018; AP 16 Oct 2018; Iran Press 16 Oct 2018; ThreatRate (VOA) 15 Nov 2018",
     "04:00-05:00. Lulakdan (Loulakdan), reported about 50 km from Mirjaveh and 150 km SE of Zahedan; "
     "no coordinates for Lulakdan, coded to Mirjaveh. 12 abducted (first reports 14); 5 freed 15 Nov 2018."),
    ("2018-12-14-buleda-wakai-convoy", "2018-12-14", "turbat", 3, 6, 14, "BLA", "",
     "Roadside bomb and gunfire against a Frontier Corps convoy", "PK",
     "The Nation 15 Dec 2018; Samaa 14 Dec 2018; Asharq Al-Awsat",
     "Wakai area near Buleda, Kech, described as near Iran's border. Buleda's coordinates are unknown "
     "(places.csv buleda is a 40-km guess), so coded to the district seat Turbat. ISPR: 4 attackers "
     "killed. BLA claim per Asharq Al-Awsat. Pakistan summoned Iran's envoy."),
    ("2019-02-13-khash-zahedan-bus", "2019-02-13", "khash", 2, 27, 13, "Jaish al-Adl", "",
     "Suicide car bomb against an IRGC bus returning from border duty", "IR",
     "The Defense Post 13 Feb 2019; Irish Times; Express Tribune 13 Feb 2019",
     "Khash-Zahedan road (Road 95), Kurin district; coded to Khash. IRGC said the bomber was Pakistani."),
    ("2019-04-18-ormara-buzi-top", "2019-04-18", "ormara", 2, 14, 0, "BRAS", "",
     "Gunmen stopped buses on the coastal highway, checked identities and shot passengers", "PK",
     "Dawn 18 Apr 2019; The News 18 Apr 2019; The Nation 19 Apr 2019; Pakistan Today 18 and 20 Apr 2019; "
     "Dawn 20 Apr 2019",
     "About 00:30-01:00. Buzi Top (Buzi Pass), Makran Coastal Highway, Ormara area, Gwadar district "
     "(one report: near Hangol); Buzi Top not found, coded to Ormara. 16 offloaded, 2 escaped, 14 killed "
     "(FM Qureshi: 10 Navy, 3 PAF, 1 Coast Guard). BRAS = Baloch Raaji Aajoi Sangar. Pakistan's MoFA said "
     "the attackers came from and returned to the border region; Ormara is ~215 km from the border. "
     "No injury figure reported. Seed article incident C."),
    ("2020-03-mand-fence-team", "2020-03", "mand", 2, 2, 4, "", "",
     "Gunmen fired on a Frontier Corps team inspecting border-fence work", "PK",
     "IRNA 8 May 2020; irannewsgazette.com",
     "Day not found: date is month only (YYYY-MM). Mand area, Kech; Mand's position is derived "
     "(places.csv, 15 km). Injured include a senior officer. Unidentified attackers. Shows the seed "
     "article's Ormara-was-last statement is inaccurate."),
    ("2020-05-08-buleda-ied", "2020-05-08", "turbat", 3, 6, 1, "BLA", "14",
     "Roadside bomb hit a Frontier Corps vehicle returning from patrol", "PK",
     "ISPR via Pakistan Today 8 May 2020; UrduPoint 8 May 2020; IRNA English 8 May 2020; "
     "PTI/Devdiscourse 9 May 2020; Hindustan Times 9 May 2020; Business Standard (PTI) 12 May 2020",
     "Buleda area, Kech (Makran). ISPR: 14 km from the Pakistan-Iran border (the seed's 'about nine "
     "miles' = 14.5 km is a conversion). Buleda's coordinates are unknown, so coded to Turbat, the "
     "district seat (geo_precision 3); the Turbat point is ~69 km from the border and is NOT the event "
     "site. 1 officer (Maj. Nadeem Abbas Bhatti) + 5 soldiers killed, 1 injured (ISPR); one local report "
     "adds 2 labourers killed [single], not counted. No claim at first (PTI 9 May); BLA later (PTI 12 May). "
     "Seed article incident A."),
    ("2020-05-18-mach-pir-ghaib-ied", "2020-05-18", "mach", 2, 6, 4, "United Baloch Army", "",
     "Roadside bomb hit a Frontier Corps convoy guarding an oil and gas facility", "PK",
     "UrduPoint/Sputnik 19 May 2020; Islam Times 20 May 2020; Hindustan Times 19 May 2020; "
     "The News 20 May 2020; EurAsian Times",
     "Night of 18 May; ISPR statement 19 May. Pir Ghaib area, Mach, Kachhi (Bolan) district, coded to Mach. "
     "Killed: 5 FC incl. Naib Subedar Ihsan Ullah Khan + civilian driver Abdul Jabbar (ISPR); 4 wounded "
     "(The News). Claim by UBA spokesman per The News/AP [single]. ~480 km from the Iran border; the "
     "seed calls it 'near Quetta' (Mach is 48 km from Quetta). Seed article incident D."),
    ("2020-05-18-mand-exchange-of-fire", "2020-05-18", "mand", 2, 1, 0, "", "",
     "Exchange of fire with militants in a border area", "PK",
     "UrduPoint/Sputnik 19 May 2020; Hindustan Times 19 May 2020; The News 20 May 2020; EurAsian Times",
     "Same ISPR statement of 19 May 2020; Islam Times puts it on Monday night 18 May; exact time not found. "
     "Mand area, Kech; Mand's position is derived (places.csv, 15 km). Sepoy Imdad Ali killed. Seed article "
     "incident E; with D the seed's 'seven soldiers' (ISPR: 6 security personnel + 1 civilian driver)."),
    ("2023-01-18-panjgur-chukab-patrol", "2023-01-18", "panjgur", 3, 4, 0, "", "",
     "Attack on a Pakistani border-patrol convoy, said by ISPR to come from Iranian soil", "PK",
     "The News 18 Jan 2023; Dawn",
     "Chukab area/sector, Panjgur district; no coordinates, coded to Panjgur town (~77 km from the border). "
     "4 security personnel killed. No claim."),
    ("2023-04-01-kech-jalgai-patrol", "2023-04-01", "turbat", 3, 4, 0, "", "",
     "Attack on a Pakistani border patrol from the Iranian side (per ISPR)", "PK",
     "Dawn 1 Apr 2023; Geo 1 Apr 2023; Business Recorder/Reuters 2 Apr 2023",
     "Jalgai sector, Kech; no coordinates, coded to the district seat Turbat. 4 soldiers killed. "
     "No claim (Reuters)."),
    ("2023-05-20-saravan-maze-sar-clash", "2023-05-20", "saravan", 3, 5, 2, "", "",
     "Clash between Iranian border guards and an armed group that then withdrew to Pakistan", "IR",
     "The News 22 May 2023; Dawn; Business Recorder/AFP 22 May 2023; The Iran Project/Press TV 21 May 2023",
     "Night of 20-21 May. Maze-Sar area, Saravan border region; coded to Saravan town (~45 km from the "
     "border). 5 guards killed (first reports 6; lowest used), 2 wounded. Iran's prosecutor blamed "
     "'Jaish al-Zulm' (Iran's name for Jaish al-Adl); an attribution, not a claim."),
    ("2023-06-01-kech-singwan-checkpost", "2023-06-01", "turbat", 3, 2, 0, "", "",
     "Armed attack on a Pakistani check-post on the border", "PK",
     "Dawn 2 Jun 2023",
     "Singwan area, Kech; no coordinates, coded to the district seat Turbat. 2 soldiers killed."),
    ("2023-12-15-rask-police-hq", "2023-12-15", "rask", 1, 11, 7, "Jaish al-Adl", "",
     "Armed assault on the Rask police headquarters", "IR",
     "The Independent 15 Dec 2023; The News (AFP) 16 Dec 2023; Islam Times 15 Dec 2023",
     "About 02:00, in Rask town. 11 police killed, 7-8 wounded (lowest used); 2 attackers killed, 1 arrested."),
    ("2024-01-16-panjgur-iranian-strike", "2024-01-16", "panjgur", 2, 2, 3, "Iran (IRGC)", "",
     "Iranian missile and drone strike on a village, which Iran said hit Jaish al-Adl bases", "PK",
     "Express Tribune; NBC News 17 Jan 2024; Dawn-derived paktribune",
     "Before sunset. Koh-i-Sabz (Sabz Koh) village, Panjgur district; coded to Panjgur town. "
     "2 children killed, 3-4 injured (Makran commissioner; lowest used)."),
    ("2024-01-18-saravan-pakistani-strikes", "2024-01-18", "saravan", 2, 9, 0, "Pakistan (ISPR/FO)", "",
     "Pakistani strikes ('Marg Bar Sarmachar') on BLA/BLF hideouts in Iranian border villages", "IR",
     "Daily Pakistan 18 Jan 2024; IRNA via AMU TV; OpIndia (IRNA quotes)",
     "04:05 IRST. Border village(s) near Saravan, coded to Saravan. 9 killed (4 children, 3 women, 2 men), "
     "all non-Iranian per Iran's interior minister. BLF confirmed members killed. No injury figure found."),
    ("2024-01-27-saravan-sirkan-workers", "2024-01-27", "saravan", 2, 9, 3, "", "",
     "Gunmen killed Pakistani workers at a house by a car-repair shop", "IR",
     "ARY 27 Jan 2024; Business Recorder 1 Feb 2024; The Quint 28 Jan 2024",
     "Sirkan, Saravan county; Sirkan not in GeoNames cities500, coded to Saravan. 9 Pakistanis killed, "
     "3 wounded. No claim."),
    ("2024-04-03-rask-sarbaz-chabahar-assaults", "2024-04-03", "rask", 2, 10, 0, "Jaish al-Adl", "",
     "Simultaneous assaults on IRGC, police and coast-guard posts in several towns", "IR",
     "Dawn (AFP) 4 Apr 2024; 10mehr/IRGC statement; Siasat 4 Apr 2024",
     "Night of 3-4 Apr 2024 (reports dated 4 Apr). Sites in Rask, Sarbaz and Chabahar (places.csv has all "
     "three); one row coded to Rask. IRGC: 10 security forces and 18 attackers killed; other counts 11 and "
     "16 [conflict; lowest used]. No injury figure found."),
    ("2024-10-26-taftan-county-police", "2024-10-26", "khash", 3, 10, 0, "Jaish al-Adl", "",
     "Ambush on two Iranian police vehicles", "IR",
     "IRNA 26 and 27 Oct 2024; Geo 27 Oct 2024; AP",
     "Gohar Kuh, Taftan county, IRAN (not Taftan, Pakistan: name collision). Neither Gohar Kuh nor the "
     "county seat Nukabad is in GeoNames cities500; coded to Khash, the neighbouring county seat, so the "
     "site may be tens of km away. 10 police killed. No injury figure found."),
]


def main():
    with open(PLACES, encoding="utf-8") as f:
        places = {r["id"]: r for r in csv.DictReader(f)}
    rows = []
    for t in INCIDENTS:
        iid, date, place, prec, killed, injured, claimed, dist, event, side, source, notes = t
        p = places[place]
        assert prec in (1, 2, 3) and side in ("PK", "IR")
        assert len(date) in (7, 10)
        rows.append([iid, date, place, p["lat"], p["lon"], prec, killed, injured, claimed,
                     dist, event, side, source, notes])
    common.write_table(OUT, HEADER, rows)


if __name__ == "__main__":
    main()
