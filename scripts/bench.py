#!/usr/bin/env python3
"""Side-by-side benchmark: `border distances` against the peers of ../shared/bench.

Usage: python3 scripts/bench.py [--sizes 10000,100000,1000000] [--runs 3]
                                [--peers shapely_utm,shapely_utm+geod] [--venv /tmp/benchvenv]
                                [--baseline /tmp/border-before]

`--baseline BIN` runs an earlier build's `border` beside this one, interleaved, for a before/after
comparison of a refactor (compare the user CPU column: wall time depends more on the machine's load).

For every size: seeded points from ../shared/bench/gen_points.py (the first 10,000 rows of every
size are the public accuracy sample), each tool run as a whole process under /usr/bin/time -v
(wall, peak RSS), and the max / p99 |distance error| on those 10,000 rows against the exact
GeographicLib oracle (../shared/bench/sample/oracle-10k.csv). Also: the time to the first output
row on the bundled incidents and `border coverage` of a 10,000-segment fence.
Prints a Markdown table (paste it into BENCHMARKS.md).
"""
import argparse
import csv
import os
import re
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.abspath(os.path.join(ROOT, "..", "shared", "bench"))
BORDER_BIN = os.path.join(ROOT, ".build", "release", "border")
BORDER = os.path.join(ROOT, "data", "border.geojson")
# The issue's job (distance, nearest point, chainage, side) and the default, every computed column.
ISSUE_COLUMNS = "distance_m,nearest_lon,nearest_lat,chainage_km,side"
# (name, options, input): "plain" is the generator's file; "precision" the same points with a
# geo_precision column cycling 1, 2, 3 by row (radii 2, 25, 100 km), for the uncertainty columns;
# the other inputs are the same points in other formats (see `write_inputs`), read with the same
# ten columns as "all columns", so only the reading differs.
ALL_COLUMNS = "border: all columns (+ beyond_end, nearest place)"
UNCERTAIN = "border: all columns + uncertainty and line spread (geo_precision 1-3)"
TEN_COLUMNS = ("distance_m,nearest_lon,nearest_lat,chainage_km,side,beyond_end,"
               "nearest_place,nearest_place_km,nearest_place_bearing,nearest_place_desc")
# The ten and every column issue 14 added (not the fence's and crossing's of issue 15, which an
# undated input leaves empty but `--columns all` would still compute the crossing for).
UNCERTAIN_COLUMNS = TEN_COLUMNS + (",uncertainty_km,uncertainty_source,distance_min_m,distance_max_m,side_certain,"
                                   "distance_spread_m,distance_by_source")
BORDER_VARIANTS = [
    ("border: distance, nearest point, chainage, side", ["--columns", ISSUE_COLUMNS], "plain"),
    (ALL_COLUMNS, [], "plain"),
    (UNCERTAIN, ["--columns", UNCERTAIN_COLUMNS], "precision"),
    ("border: all columns, standard input (the same CSV piped)", ["--columns", TEN_COLUMNS], "stdin"),
    ("border: all columns, ACLED export", ["--columns", TEN_COLUMNS], "acled"),
    ("border: all columns, GTD export", ["--columns", TEN_COLUMNS], "gtd"),
    ("border: all columns, GeoJSON FeatureCollection", ["--columns", TEN_COLUMNS], "geojson"),
    ("border: all columns, GeoJSON sequence (newline-delimited)", ["--columns", TEN_COLUMNS], "geojsonl"),
]
PEERS = {
    "shapely_utm": (["peers/shapely_strtree.py"], "Shapely 2 + pyproj, UTM 41N"),
    "shapely_utm+geod": (["peers/shapely_strtree.py", "--dist", "geod"], "Shapely 2 + pyproj, geodesic distance to the UTM nearest point"),
    "geopandas_sjoin": (["peers/geopandas_sjoin.py"], "GeoPandas sjoin_nearest, UTM 41N"),
    "geod_vertex": (["peers/geod_naive.py"], "pyproj Geod, nearest vertex"),
}


def timed(cmd, cwd=ROOT, stdin=None):
    log = "/tmp/border-bench-time.txt"
    started = time.perf_counter()
    with open(stdin, "rb") if stdin else open(os.devnull, "rb") as source:
        done = subprocess.run(["/usr/bin/time", "-v", "-o", log] + cmd, cwd=cwd, capture_output=True, text=True, stdin=source)
    wall = time.perf_counter() - started
    text = open(log).read()
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    user = re.search(r"User time \(seconds\): ([0-9.]+)", text)
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(cmd)}\n{done.stderr[-2000:]}")
    return wall, int(rss.group(1)) / 1024 if rss else float("nan"), float(user.group(1)) if user else float("nan")


def errors(oracle, result_csv):
    got = {}
    with open(result_csv) as f:
        for row in csv.DictReader(f):
            if row["id"] in oracle and row["distance_m"]:
                got[row["id"]] = float(row["distance_m"])
    diffs = sorted(abs(got[k] - v) for k, v in oracle.items() if k in got)
    missing = len(oracle) - len(diffs)
    return diffs[-1], diffs[int(0.99 * (len(diffs) - 1))], missing


def first_row_latency():
    """Seconds from start to the first CSV data row on stdout, bundled incidents (median of 5)."""
    samples = []
    for _ in range(5):
        started = time.perf_counter()
        process = subprocess.Popen([BORDER_BIN, "distances", "--format", "csv"], stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL)
        process.stdout.readline()                     # header
        process.stdout.readline()                     # first row
        samples.append(time.perf_counter() - started)
        process.communicate()
    return statistics.median(samples)


def fence_with(segments, path):
    """A deterministic fence of `segments` chainage ranges covering about 70 % of the border."""
    length = 1022.981
    step = length / segments
    with open(path, "w") as f:
        f.write("start_km,end_km,status,side,kind,completed,source\n")
        for i in range(segments):
            start = i * step
            f.write(f"{start:.4f},{start + 0.7 * step:.4f},built,PK,fence,2024-01-01,benchmark\n")


def write_inputs(points, data, size):
    """The generator's points (id, lon, lat) in every input format of the benchmark, made once:
    with a geo_precision column (1, 2, 3, 1, … by row); as an ACLED export (unique event ids, so
    nothing is superseded) and a GTD export, each keeping `id`; as a GeoJSON FeatureCollection
    whose properties are `id`, and the same features as newline-delimited GeoJSON."""
    paths = {kind: os.path.join(data, f"points_{size}_{kind}.{kind if kind.startswith('geojson') else 'csv'}")
             for kind in ("precision", "acled", "gtd", "geojson", "geojsonl")}
    if all(os.path.exists(p) for p in paths.values()):
        return paths
    outs = {kind: open(path + ".part", "w", newline="") for kind, path in paths.items()}
    writers = {kind: csv.writer(outs[kind], lineterminator="\n") for kind in ("precision", "acled", "gtd")}
    with open(points, newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        writers["precision"].writerow(header + ["geo_precision"])
        writers["acled"].writerow(["id", "event_id_cnty", "event_date", "latitude", "longitude", "geo_precision", "fatalities", "timestamp"])
        writers["gtd"].writerow(["id", "eventid", "iyear", "imonth", "iday", "latitude", "longitude", "specificity", "nkill"])
        outs["geojson"].write('{"type":"FeatureCollection","features":[\n')
        for n, (pid, lon, lat) in enumerate(reader):
            writers["precision"].writerow([pid, lon, lat, str(n % 3 + 1)])
            writers["acled"].writerow([pid, f"PAK{n}", "2020-05-08", lat, lon, str(n % 3 + 1), str(n % 4), str(1_700_000_000 + n)])
            writers["gtd"].writerow([pid, str(202_000_000_000 + n), "2020", "5", "8", lat, lon, str(n % 3 + 1), str(n % 4)])
            feature = '{"type":"Feature","properties":{"id":"%s"},"geometry":{"type":"Point","coordinates":[%s,%s]}}' % (pid, lon, lat)
            outs["geojson"].write((",\n" if n else "") + feature)
            outs["geojsonl"].write(feature + "\n")
        outs["geojson"].write("\n]}\n")
    for kind, path in paths.items():
        outs[kind].close()
        os.replace(path + ".part", path)
    return paths


def peers_geojson(args):
    """Peers that read the GeoJSON file (named in --peers)."""
    return [p for p in args.peers.split(",") if p == "geopandas_read_file"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--peers", default="shapely_utm,shapely_utm+geod")
    parser.add_argument("--venv", default="/tmp/benchvenv")
    parser.add_argument("--data", default="/tmp/border-bench")
    parser.add_argument("--baseline", help="an earlier build of border to run beside this one")
    args = parser.parse_args()
    os.makedirs(args.data, exist_ok=True)
    python = os.path.join(args.venv, "bin", "python")
    peers = [p for p in args.peers.split(",") if p and p in PEERS]
    if (peers or peers_geojson(args)) and not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", args.venv], check=True)
        subprocess.run([python, "-m", "pip", "install", "-q", "numpy==2.4.6", "pandas==3.1.1", "shapely==2.2.0",
                        "pyproj==3.7.2", "geopandas==1.2.0", "pyogrio==0.13.0", "geographiclib==2.1", "scipy==1.17.1"], check=True)

    with open(os.path.join(BENCH, "sample", "oracle-10k.csv")) as f:
        oracle = {row["id"]: float(row["distance_m"]) for row in csv.DictReader(f) if row["distance_m"]}

    rows = []
    for size in [int(s) for s in args.sizes.split(",")]:
        points = os.path.join(args.data, f"points_{size}.csv")
        if not os.path.exists(points):
            subprocess.run([python if os.path.exists(python) else sys.executable,
                            os.path.join(BENCH, "gen_points.py"), str(size), points], check=True)
        inputs = {"plain": points, "stdin": "-", **write_inputs(points, args.data, size)}
        out_of = lambda name: os.path.join(args.data, f"out_{abs(hash(name))}_{size}.csv")
        builds = [("border", BORDER_BIN)] + ([("baseline", os.path.abspath(args.baseline))] if args.baseline else [])
        # (name, command, cwd, file fed to standard input)
        tools = [(name.replace("border", label, 1), [binary, "distances", inputs[kind], "--format", "csv"] + extra + ["-o"], ROOT,
                  points if kind == "stdin" else None)
                 for name, extra, kind in BORDER_VARIANTS for label, binary in builds]
        tools += [(PEERS[p][1], [python] + PEERS[p][0] + ["--border", BORDER, "--points", points, "--out"], BENCH, None)
                  for p in peers]
        if "geopandas_read_file" in peers_geojson(args):
            tools.append(("GeoPandas read_file + sjoin_nearest (UTM 41N), the same GeoJSON",
                          [python, os.path.join(ROOT, "scripts", "bench_geopandas_geojson.py"), "--border", BORDER,
                           "--points", inputs["geojson"], "--out"], ROOT, None))
        # Runs are interleaved (tool A, B, C, then A, B, C again) so a noisy spell hits every tool alike.
        timings = {name: [] for name, _, _, _ in tools}
        for run in range(args.runs):
            for name, command, cwd, stdin in tools:
                if run > 0 and size >= 1_000_000 and not name.startswith(("border", "baseline")):
                    continue                              # a 1M peer run takes 20 s or more: once
                timings[name].append(timed(command + [out_of(name)], cwd, stdin))
        for name, _, _, _ in tools:
            wall = statistics.median(r[0] for r in timings[name])
            rss = max(r[1] for r in timings[name])
            user = statistics.median(r[2] for r in timings[name])
            worst, p99, missing = errors(oracle, out_of(name))
            rows.append((name, size, wall, size / wall, rss, worst, p99, missing, user))
            print(f"{name:60s} {size:>9,} {wall:8.2f} s {user:8.2f} s user {size / wall:>10,.0f}/s {rss:7.1f} MB "
                  f"max {worst:.3g} m p99 {p99:.3g} m", file=sys.stderr)

    fence = os.path.join(args.data, "fence-10000.csv")
    fence_with(10_000, fence)
    coverage = statistics.median(timed([BORDER_BIN, "coverage", "--fence", fence, "--format", "json", "-o",
                                        os.path.join(args.data, "coverage.json")])[0] for _ in range(3))
    latency = first_row_latency()

    print("| tool | N | wall s | user CPU s | points/s | peak RSS MB | max err m | p99 err m |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, size, wall, rate, rss, worst, p99, missing, user in rows:
        print(f"| {name} | {size:,} | {wall:.2f} | {user:.2f} | {rate:,.0f} | {rss:.0f} | {worst:.2g} | {p99:.2g} |"
              + (f" ({missing} missing)" if missing else ""))
    print()
    by = {(name, size): (wall, user) for name, size, wall, _, _, _, _, _, user in rows}
    for size in sorted({size for _, size, *_ in rows}):
        if (ALL_COLUMNS, size) not in by:
            continue
        wall0, user0 = by[(ALL_COLUMNS, size)]
        for name, _, kind in BORDER_VARIANTS[2:]:
            if (name, size) in by:
                wall, user = by[(name, size)]
                print(f"- {name.removeprefix('border: ')}, {size:,} points: {wall / wall0:.2f}x the all-columns wall time "
                      f"({user / user0:.2f}x user CPU; {(user - user0) / size * 1e6:+.1f} us of CPU a row)")
    print(f"- first output row, bundled incidents: {latency * 1000:.0f} ms (median of 5)")
    print(f"- `border coverage` of a 10,000-segment fence: {coverage:.2f} s (median of 3)")
    print(f"- machine: {os.cpu_count()} cores; load average before the run: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
