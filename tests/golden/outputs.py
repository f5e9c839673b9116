#!/usr/bin/env python3
"""outputs.py STUKWERK [--update]

A regression lock on everything stukwerk writes: converts every document in
tests/data and samples/ in one run, to every built-in format, and compares
the SHA-256 of each output file, and of each input's report line without
its timing, with outputs.sha256. It proves that a refactoring changed no
byte; it does not prove the bytes are right: the format tests (the JSON
Schema, rapper, rdflib, sqlite3) check the same files for that.

A change of output on purpose: run with --update, commit the new list with
the change, and say in the commit message which inputs changed and why.
"""
import hashlib, json, os, subprocess, sys, tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TOP = HERE.parent.parent
LOCK = HERE / "outputs.sha256"
FORMATS = "json,jsonl,csv,rdf,ntriples,jsonld"
INCLUDE = ["*.xml", "*.html", "*.pdf", "*.json", "*.jsonl"]


def snapshot(cli: str, work: Path) -> list[str]:
    out, report = work / "out", work / "report.jsonl"
    cmd = [cli, "convert", "tests/data", "samples", "-q", "-j", "2",
           "-t", FORMATS, "-o", str(out), "--report", str(report)]
    for glob in INCLUDE:
        cmd += ["--include", glob]
    # Exit status 1 is expected: the corpus holds inputs that must fail (an
    # image-only PDF, a password-protected one); their causes are in the report.
    run = subprocess.run(cmd, cwd=TOP, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if run.returncode not in (0, 1):
        sys.exit(f"golden: the conversion itself failed (exit {run.returncode}):\n{run.stderr.decode()}")
    lines = []
    for path in sorted(p for p in out.rglob("*") if p.is_file() and not p.name.startswith(".stukwerk")):
        lines.append(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.relative_to(out)}")
    for line in report.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        entry.pop("seconds", None)
        canonical = json.dumps(entry, sort_keys=True, ensure_ascii=False).encode()
        lines.append(f"{hashlib.sha256(canonical).hexdigest()}  report:{entry['path']}:{entry['status']}")
    return sorted(lines, key=lambda l: l.split("  ", 1)[1])


def main() -> int:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    with tempfile.TemporaryDirectory() as tmp:
        actual = snapshot(sys.argv[1], Path(tmp))
    if sys.argv[2:] == ["--update"]:
        LOCK.write_text("\n".join(actual) + "\n")
        print(f"golden: {len(actual)} entries recorded in {LOCK.relative_to(TOP)}")
        return 0
    expected = LOCK.read_text().splitlines()
    if expected == actual:
        print(f"golden: {len(actual)} outputs and report lines unchanged")
        return 0
    old, new = dict(l.split("  ", 1)[::-1] for l in expected), dict(l.split("  ", 1)[::-1] for l in actual)
    for name in sorted(set(old) | set(new)):
        if old.get(name) != new.get(name):
            what = "new" if name not in old else "gone" if name not in new else "changed"
            print(f"golden: {what}: {name}", file=sys.stderr)
    print("golden: if the change is on purpose, run tests/golden/outputs.py STUKWERK --update "
          "and say in the commit which inputs changed and why", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
