#!/usr/bin/env python3
"""Writes the fuzz seed corpus: byte 0 selects the reader and its options (see Sources/FuzzReaders:
below 0x80 the input readers of RecordSourceTarget.swift, 0x80-0x83 the JSON parser, GeoJSON and
CSV fences and map layers of DataFileTarget.swift). Run: python3 Tests/Fuzz/make_seeds.py
The regression-* files are inputs that once failed (kept by hand, not written here)."""
import json
import os
here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "corpus")
os.makedirs(out, exist_ok=True)
inputs = os.path.join(here, "..", "BorderCLITests", "Inputs")
seeds = {
    "csv": (0, b"id,lat,lon\na,29.85,60.87\nb,95,200\nc,NaN,inf\nd,1e309,-1e309\ne,,\n"),
    "csv-dms": (0, "id,lat,lon\na,29°51′N,60°52′E\nb,29 51 30 N,\"60°52'15.5\"\"E\"\nc,S 10d5m,W 3:4:5\n".encode()),
    "csv-crlf-bom": (0, b"\xef\xbb\xbfid,lat,lon\r\n\"x,\r\ny\",28,62\r\nshort\r\n"),
    "csv-invalid-utf8": (1, b"id,lat,lon\n\xff\xfe,28,62\n\xc3\x28,29,\xe2\x82\n\xf0\x9f\x98\x80,1,2"),
    "csv-crs": (0x08, b"id,x,y\nt,362619.044,3205480.741\nu,1e20,-1e20\n"),
    "csv-filters": (0x30, b"id,date,lat,lon,geo_precision\na,2020-05-08,26,63,3\nb,16 May 2025,26,63,1\nc,31-02-2020,26,63,x\n"),
    "wkt": (0x45, b"id,wkt\na,POINT(61.59 28.97)\nb,\"POLYGON((0 0,1 0,1 1,0 0))\"\nc,POINT EMPTY\nd,POINT(1\ne,POINT Z (1 2 3)\n"),
    "wkt-crs": (0x4d, b"id,wkt\na,POINT(362619.044 3205480.741)\n"),
    "geojson": (4, b'{"type":"FeatureCollection","features":[{"type":"Feature","id":1,"properties":{"date":"2020-01-01","geo_precision":1},"geometry":{"type":"Point","coordinates":[61.5,28.9]}},{"type":"Feature","properties":null,"geometry":null},{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}'),
    "geojson-bad": (0, b'{"type":"FeatureCollection","features":[{"geometry":{"type":"Point","coordinates":[1e400, "x"]}}'),
    "dates-read": (0x06, b"id,date,lat,lon\na,2020-03,26,63\nb,,26,63\nc,soon,26,63\nd,0000-13-40,1,1\n"),
    "gtd-dates-read": (0x06, b"eventid,iyear,imonth,iday,latitude,longitude\n1,2017,0,0,26,63\n2,,1,1,26,63\n3,2017,13,1,26,63\n"),
    "geojson-ndjson": (0x04, b'{"type":"Feature","properties":{"id":"a","date":"2021-04"},"geometry":{"type":"Point","coordinates":[61.5,28.9]}}\n\n{not json\n[1,2]\n{"type":"Feature","geometry":null}'),
    "geojson-rfc8142": (0x06, b'\x1e{"type":"Feature",\n"properties":{"id":"a"},"geometry":{"type":"Point","coordinates":[61.5,28.9]}}\n\x1e\x1e\n\x1e{"type":'),
    "dates": (0x30, b"event_id_cnty,event_date,latitude,longitude,geo_precision,timestamp\nA1,16 May 2025,26,63,1,5\nA1,2019-02-29,26,63,1,6\nA2,1-1-2020,1,1,2,x\n"),
}
data = os.path.join(here, "..", "..", "data")


def shortened(name, features, positions):
    """A data file cut to its first `features` features of at most `positions` positions per line."""
    with open(os.path.join(data, name), encoding="utf-8") as f:
        document = json.load(f)
    def cut(coordinates):
        if coordinates and isinstance(coordinates[0], (int, float)):
            return coordinates
        if coordinates and isinstance(coordinates[0][0], (int, float)):
            return coordinates[:positions] + coordinates[-1:] if len(coordinates) > positions else coordinates
        return [cut(part) for part in coordinates]
    document["features"] = document["features"][:features]
    for feature in document["features"]:
        feature["geometry"]["coordinates"] = cut(feature["geometry"]["coordinates"])
    return json.dumps(document, ensure_ascii=False).encode()


JSON, FENCE_GEOJSON, FENCE_CSV, MAP_LAYER = 0x80, 0x81, 0x82, 0x83
seeds.update({
    "json": (JSON, '\ufeff{"a": "x\\"y\\\\z\\n\\u00e9\\ud83d\\ude00\\ud800", "b": [1, -2.5, 3e2, 0.1, -0, 1E-400],'
                   ' "c": [true, false, null], "e": [[1,2],[3,4]], "f": [[1,2],[3]], "g": {}, "h": []}'.encode()),
    "json-deep-arrays": (JSON, b"[" * 510 + b"[[1,2]]" + b"]" * 510),
    "json-deep-objects": (JSON, b'{"a":' * 513 + b"1" + b"}" * 513),
    # Overflowed the stack before the parser's depth limit (an ASan stack-overflow report).
    "json-60000-brackets": (JSON, b"[" * 60000),
    "fence-geojson": (FENCE_GEOJSON, shortened("fence.geojson", 3, 6)),
    "fence-geojson-bad": (FENCE_GEOJSON, b'{"type":"FeatureCollection","features":[{"type":"Feature","id":7,'
                          b'"properties":{"status":"planned","side":"IR","kind":"wall","completed":"2024-02-30"},'
                          b'"geometry":{"type":"LineString","coordinates":[[61,28],[61.1,28.1,5],[200,95]]}},'
                          b'{"type":"Feature","properties":{"status":"built","side":"PK"},'
                          b'"geometry":{"type":"LineString","coordinates":[[61,28]]}}]}'),
    "fence-csv": (FENCE_CSV, open(os.path.join(data, "fence.csv"), "rb").read()),
    "fence-csv-bad": (FENCE_CSV, b"start_km,end_km,status,side,kind,completed,source,id,placement,placement_note\n"
                      b"0,0.0005,built,PK,fence,,s,,assumed,\n5,4,planned,IR,wall,2020-01-01,s,x,,\n"
                      b"-1,1e400,built,PK,fence,,s\n0,959.9999,built,IR,trench,,\"q,\"\"\",a,b,c\n"),
    "map-layer": (MAP_LAYER, shortened("regions.geojson", 1, 40)),
    "map-layer-shapes": (MAP_LAYER, b'{"type":"FeatureCollection","features":['
                         b'{"type":"Feature","properties":{"b":true,"n":1.5,"s":"x","o":{"k":[1]},"z":null},'
                         b'"geometry":{"type":"MultiPolygon","coordinates":[[[[61,28],[62,28],[62,29],[61,28]]]]}},'
                         b'{"type":"Feature","geometry":{"type":"MultiLineString","coordinates":[[[61,28],[62,29]]]}},'
                         b'{"type":"Feature","geometry":{"type":"Point","coordinates":[61]}}]}'),
    "geojson-crs": (0x0c, b'{"type":"FeatureCollection","features":[{"type":"Feature","id":"u",'
                    b'"properties":{"nested":{"a":[1,{"b":null}]},"flag":false},'
                    b'"geometry":{"type":"Point","coordinates":[362619.044,3205480.741]}}]}'),
})

for name in ["acled-export.csv", "gtd-export.csv"]:
    with open(os.path.join(inputs, name), "rb") as f:
        data = f.read()
    seeds[name.replace(".csv", "")] = (0, data)
    seeds[name.replace(".csv", "") + "-filtered"] = (0x30, data)
for name, (selector, data) in seeds.items():
    with open(os.path.join(out, name), "wb") as f:
        f.write(bytes([selector]) + data)
print(len(seeds), "seeds")
