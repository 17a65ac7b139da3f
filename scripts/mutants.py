#!/usr/bin/env python3
"""Helper of scripts/mutants (standard library only).

  names LIST [ONLY]        the mutants to run ("name<TAB>path<TAB>suites" lines); ONLY = comma-separated names.
                           Fails on a malformed list, a duplicate name or an unknown ONLY name.
  count LIST NAME ROOT     how many times the mutant's original text occurs in ROOT/path
  apply LIST NAME ROOT     replaces the original text in ROOT/path (it must occur exactly once)
  sync SOURCE COPY         makes COPY hold SOURCE's files (without .build*, .git); files whose bytes
                           and times already match are left alone, so the copy's builds stay incremental
  failures LOG [XUNIT]     what failed in a `swift test` run, on one line
  table RESULTS            the closing table from the results file (tab-separated rows)

List format (scripts/mutants.list): one mutant a line,
  name | path | original text | replacement text | what it breaks [| suites]
where the optional last field is a `swift test --filter` pattern naming the suites that should catch
it (a run with --filter, or of a mutant without suites, runs the whole suite); fields trimmed, `\\|` for a literal pipe, whole-line `#` comments and blank lines ignored.
"""
import os
import re
import shutil
import sys
from xml.etree import ElementTree

SEPARATOR = "; "          # between test names in a results row
SHOWN = 3                 # test names per row of the table; the rest are counted
FIELDS = ("name", "path", "original", "replacement", "breaks", "suites")


def fail(message):
    print(f"mutants: {message}", file=sys.stderr)
    sys.exit(2)


def read_list(list_path):
    mutants, seen = [], set()
    with open(list_path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            fields = [f.strip().replace("\\|", "|") for f in re.split(r"(?<!\\)\|", line.rstrip("\n"))]
            where = f"{list_path}:{number}"
            if len(fields) == len(FIELDS) - 1:
                fields.append("")
            if len(fields) != len(FIELDS):
                fail(f"{where}: {len(fields)} fields, want {len(FIELDS) - 1} or {len(FIELDS)} ({' | '.join(FIELDS)})")
            mutant = dict(zip(FIELDS, fields), line=number)
            if not re.fullmatch(r"[A-Za-z0-9_.-]+", mutant["name"]):
                fail(f"{where}: name \"{mutant['name']}\" must be letters, digits, . _ -")
            if mutant["name"] in seen:
                fail(f"{where}: duplicate name {mutant['name']}")
            if os.path.isabs(mutant["path"]) or ".." in mutant["path"].split("/"):
                fail(f"{where}: path must be inside the package: {mutant['path']}")
            if not mutant["original"] or mutant["original"] == mutant["replacement"]:
                fail(f"{where}: the original text must be non-empty and differ from the replacement")
            seen.add(mutant["name"])
            mutants.append(mutant)
    return mutants


def find(list_path, name):
    for mutant in read_list(list_path):
        if mutant["name"] == name:
            return mutant
    fail(f"no mutant {name} in {list_path}")


def occurrences(text, original):
    """Occurrences of `original`, overlapping ones included (exactly once must mean one place)."""
    count, start = 0, text.find(original)
    while start >= 0:
        count, start = count + 1, text.find(original, start + 1)
    return count


def file_text(root, mutant):
    path = os.path.join(root, mutant["path"])
    if not os.path.isfile(path):
        return None
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def names(list_path, only=""):
    mutants = read_list(list_path)
    if only:
        wanted = [n.strip() for n in only.split(",") if n.strip()]
        unknown = sorted(set(wanted) - {m["name"] for m in mutants})
        if unknown:
            fail(f"--only: no such mutant in {list_path}: {', '.join(unknown)}")
        mutants = [m for m in mutants if m["name"] in wanted]
    for mutant in mutants:
        print(f"{mutant['name']}\t{mutant['path']}\t{mutant['suites']}")


def count(list_path, name, root):
    text = file_text(root, find(list_path, name))
    print(-1 if text is None else occurrences(text, find(list_path, name)["original"]))


def apply(list_path, name, root):
    mutant = find(list_path, name)
    text = file_text(root, mutant)
    found = -1 if text is None else occurrences(text, mutant["original"])
    if found != 1:
        fail(f"{name}: original text found {found} times in {mutant['path']} (want exactly once)")
    with open(os.path.join(root, mutant["path"]), "w", encoding="utf-8", newline="") as handle:
        handle.write(text.replace(mutant["original"], mutant["replacement"], 1))


def excluded(name):
    return name.startswith(".build") or name == ".git"


def sync(source, copy):
    """A small rsync -a --delete: copies what differs (bytes, size or time), removes what is gone."""
    for directory, subdirs, files in os.walk(source):
        subdirs[:] = [d for d in subdirs if not (directory == source and excluded(d))]
        if directory == source:
            files = [f for f in files if not excluded(f)]
        target_dir = os.path.join(copy, os.path.relpath(directory, source))
        os.makedirs(target_dir, exist_ok=True)
        wanted = set(subdirs) | set(files)
        for entry in os.listdir(target_dir):
            if entry in wanted or (directory == source and excluded(entry)):
                continue
            path = os.path.join(target_dir, entry)
            shutil.rmtree(path) if os.path.isdir(path) and not os.path.islink(path) else os.remove(path)
        for name in files:
            src, dst = os.path.join(directory, name), os.path.join(target_dir, name)
            if os.path.islink(src):
                if not (os.path.islink(dst) and os.readlink(dst) == os.readlink(src)):
                    if os.path.lexists(dst):
                        os.remove(dst)
                    os.symlink(os.readlink(src), dst)
                continue
            if os.path.isfile(dst) and not os.path.islink(dst):
                a, b = os.stat(src), os.stat(dst)
                if a.st_size == b.st_size and a.st_mtime_ns == b.st_mtime_ns:
                    with open(src, "rb") as x, open(dst, "rb") as y:
                        if x.read() == y.read():
                            continue
            if os.path.lexists(dst):
                os.remove(dst)
            shutil.copy2(src, dst)


def failures(log_path, xunit_path=""):
    """Failed tests as Suite.test() from the xUnit file Swift Testing writes, else from the log;
    when the run crashed, the tests still running then."""
    failed = []
    if xunit_path and os.path.isfile(xunit_path):
        try:
            for case in ElementTree.parse(xunit_path).iter("testcase"):
                if case.find("failure") is not None or case.find("error") is not None:
                    suite = case.get("classname", "").split(".", 1)[-1]
                    failed.append(f"{suite}.{case.get('name')}" if suite else case.get("name"))
        except ElementTree.ParseError:
            failed = []
    started, finished, crash = [], set(), None
    with open(log_path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if m := re.search(r"✘ Test (?!run with )(.+?) failed after ", line):
                if not xunit_path or not os.path.isfile(xunit_path):
                    failed.append(m.group(1))
            elif m := re.search(r"Test Case '(.+?)' failed", line):
                failed.append(m.group(1))
            elif m := re.search(r"◇ Test (?!run started)(.+?) started\.", line):
                started.append(m.group(1))
            elif m := re.search(r"[✔✘] Test (.+?) (passed|failed) after ", line):
                finished.add(m.group(1))
            elif crash is None and (m := re.search(r"(Fatal error.*|exited with signal.*|signal code.*|Segmentation fault.*)", line)):
                crash = m.group(1).strip()
    failed = list(dict.fromkeys(failed))
    if crash and not failed:
        running = [t for t in dict.fromkeys(started) if t not in finished]
        shown = ", ".join(running[:SHOWN]) + (f" (+{len(running) - SHOWN} more)" if len(running) > SHOWN else "")
        failed = [f"crash: {crash[:80]}, while running {shown or 'no test'}"]
    print(SEPARATOR.join(failed))


def table(results_path):
    rows = []
    with open(results_path, encoding="utf-8") as handle:
        for line in handle:
            name, path, verdict, detail, seconds = line.rstrip("\n").split("\t")
            rows.append((name, path, verdict, detail, seconds))
    def tests(detail):
        names = detail.split(SEPARATOR)
        return ", ".join(names[:SHOWN]) + (f" (+{len(names) - SHOWN} more)" if len(names) > SHOWN else "")
    labels = {"tests": tests, "build": lambda d: f"build failure (flagged): {d}",
              "timeout": lambda d: f"timeout (flagged): {d}", "SURVIVED": lambda d: "SURVIVED",
              "STALE": lambda d: f"STALE: {d}"}
    print("| Mutant | File | Caught by | s |")
    print("|---|---|---|---:|")
    for name, path, verdict, detail, seconds in rows:
        caught_by = labels[verdict](detail).replace("|", "\\|")
        print(f"| {name} | {path} | {caught_by} | {seconds} |")
    tally = {v: sum(1 for r in rows if r[2] == v) for v in labels}
    print(f"\n{len(rows)} mutants: {tally['tests']} caught by tests, {tally['build']} by the build, "
          f"{tally['timeout']} by a timeout, {tally['SURVIVED']} SURVIVED, {tally['STALE']} stale.")


if __name__ == "__main__":
    commands = {"names": names, "count": count, "apply": apply, "sync": sync, "failures": failures, "table": table}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        fail(f"usage: mutants.py {'|'.join(commands)} ...")
    commands[sys.argv[1]](*sys.argv[2:])
