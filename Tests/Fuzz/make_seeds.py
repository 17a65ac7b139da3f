#!/usr/bin/env python3
"""Writes the fuzz seed corpus: byte 0 selects format/options (see Sources/FuzzReaders/main.swift).
The regression-* files are inputs that once failed (kept by hand, not written here)."""
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
    "dates": (0x30, b"event_id_cnty,event_date,latitude,longitude,geo_precision,timestamp\nA1,16 May 2025,26,63,1,5\nA1,2019-02-29,26,63,1,6\nA2,1-1-2020,1,1,2,x\n"),
}
for name in ["acled-export.csv", "gtd-export.csv"]:
    with open(os.path.join(inputs, name), "rb") as f:
        data = f.read()
    seeds[name.replace(".csv", "")] = (0, data)
    seeds[name.replace(".csv", "") + "-filtered"] = (0x30, data)
for name, (selector, data) in seeds.items():
    with open(os.path.join(out, name), "wb") as f:
        f.write(bytes([selector]) + data)
print(len(seeds), "seeds")
