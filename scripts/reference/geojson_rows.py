#!/usr/bin/env python3
"""Independent reference for the rows `border` reads from a GeoJSON FeatureCollection.

Usage: geojson_rows.py FILE.geojson > rows.jsonl
       geojson_rows.py --sequence FILE > rows.jsonl
  With --sequence, FILE is a GeoJSON text sequence: RFC 8142 (texts after RS, 0x1E) when its first
  non-blank byte is RS, else newline-delimited (a text a line); blank texts are skipped and a text
  that is not JSON is left out (`border` rejects its row).
  One JSON array of strings per line: the header, then each feature's input fields, as README
  ("Inputs") defines them, read with Python's json module (standard library only; numbers keep
  the text they are written with):
  - header: `id`; `feature_id` when some feature has a top-level `id` that is not null; then the
    property keys in order of first appearance, each feature's new keys sorted;
  - `id`: properties.id when present and not null, else the top-level `id`;
  - a field's text: a string as it is, a number as written, true/false, empty for null or a
    missing key, compact JSON for an array or object (members sorted by name, strings escaped
    as RFC 8259 requires: \\" \\\\ \\n \\r \\t and \\u00XX for other control characters).
  Where `features` appears twice, the last one counts.
"""
import json
import sys


class Number(str):
    """A JSON number, kept as the text it was written with."""


def escape(text):
    out = []
    for ch in text:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def compact(value):
    if isinstance(value, Number):
        return str(value)
    if isinstance(value, str):
        return escape(value)
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, list):
        return "[" + ",".join(compact(v) for v in value) + "]"
    return "{" + ",".join(escape(k) + ":" + compact(value[k]) for k in sorted(value)) + "}"


def plain(value):
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return compact(value)
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def last_features(pairs):
    """object_pairs_hook: a dict where a repeated key keeps its last value (as json does)."""
    return dict(pairs)


def sequence(path):
    """The features of a text sequence, each parsed on its own."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    separator = "\x1e" if text.lstrip(" \t\r\n").startswith("\x1e") else "\n"
    features = []
    for part in text.split(separator):
        part = part.strip(" \t\r\n\x1e")
        if not part:
            continue
        try:
            features.append(json.loads(part, parse_float=Number, parse_int=Number, object_pairs_hook=last_features))
        except json.JSONDecodeError:
            pass
    return features


def main():
    if sys.argv[1] == "--sequence":
        features = sequence(sys.argv[2])
    else:
        with open(sys.argv[1], encoding="utf-8") as f:
            doc = json.load(f, parse_float=Number, parse_int=Number, object_pairs_hook=last_features)
        features = doc["features"]
    has_ids = any(isinstance(f, dict) and f.get("id") is not None for f in features)
    keys, seen = [], set()
    for feature in features:
        properties = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(properties, dict):
            continue
        for key in sorted(properties):
            if key != "id" and key not in seen:
                seen.add(key)
                keys.append(key)
    header = ["id"] + (["feature_id"] if has_ids else []) + [k for k in keys if not (has_ids and k == "feature_id")]
    print(json.dumps(header, ensure_ascii=False))
    for feature in features:
        properties = feature.get("properties") if isinstance(feature.get("properties"), dict) else {}
        row = []
        for key in header:
            if key == "id":
                value = properties.get("id")
                if value is None:
                    value = feature.get("id")
            elif key == "feature_id" and has_ids:
                value = feature.get("id")
            else:
                value = properties.get(key)
            row.append(plain(value))
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
