"""Compare data/border.geojson with reference copies of the same line (coordinate by coordinate).

    python3 scripts/data/check_border.py [other.geojson ...]
Default references: the bench sample and the border-sources recommended line, when present."""
import json
import os
import sys

import common as C

SHARED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared")
refs = sys.argv[1:] or [os.path.join(SHARED, "bench/sample/border.geojson"),
                        os.path.join(SHARED, "reference/border-sources/pakistan-iran-border.geojson")]
_, ours = C.read_border()
for path in refs:
    try:
        other = json.load(open(path))["features"][0]["geometry"]["coordinates"]
    except FileNotFoundError:
        print("skip (missing):", path)
        continue
    other = [tuple(c) for c in other]
    same = other == ours
    ndiff = sum(a != b for a, b in zip(ours, other)) + abs(len(ours) - len(other))
    print("%s: %d vs %d vertices, %s" % (path, len(ours), len(other),
                                         "IDENTICAL coordinates" if same else "%d differing vertices" % ndiff))
