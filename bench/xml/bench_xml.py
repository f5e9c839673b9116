#!/usr/bin/python3
"""XML conversion speed: stukwerk beside `xmllint --noout`, same files, same run.

Builds a set of inputs in a temporary folder -- every XML file of the corpus
(tests/data/corpus/oep-xml, the flagship sample, and tests/data/corpus/tk-opendata
when the tk-opendata plugin is built) copied many times, plus one large
generated officiele-publicatie -- then times, best of three:

  xmllint --noout FILE...                           libxml2's bare parse
  stukwerk convert --files-from LIST -t json -j 1   detection, import, shared passes, JSON out

and prints throughput and the ratio (the goal: stukwerk within 2x of
xmllint). Both run single-threaded. It also reports the peak resident memory
of stukwerk converting the large file alone, as a multiple of its size.

Usage: bench/xml/bench_xml.py [--build DIR] [--copies N] [--large-mb M]
"""
import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FLAGSHIP = ROOT / "samples" / "kst-33279-36" / "kst-33279-36.xml"


def large_publication(target: Path, megabytes: float) -> None:
    """A kamerstuk whose text is the flagship letter's text repeated, with the
    footnotes numbered on, so the file is large but shaped like a real one."""
    source = FLAGSHIP.read_text(encoding="utf-8")
    start = source.index('<tekst status="goed">') + len('<tekst status="goed">')
    end = source.index("</tekst>")
    head, body, tail = source[:start], source[start:end], source[end:]
    head = head.replace("kst-33279-36", "kst-99999-1").replace("<ondernummer kamer=\"2\">36<", "<ondernummer kamer=\"2\">1<")
    parts, size, note = [head], len(head), 0

    def renumber(match):
        nonlocal note
        note += 1
        return f"<noot.nr>{note}</noot.nr>"

    while size < megabytes * 1024 * 1024:
        chunk = re.sub(r"<noot\.nr>\d+</noot\.nr>", renumber, body)
        parts.append(chunk)
        size += len(chunk.encode("utf-8"))
    parts.append(tail)
    target.write_text("".join(parts), encoding="utf-8")


def build_inputs(folder: Path, copies: int, megabytes: float, with_tk: bool) -> list:
    sources = sorted((ROOT / "tests" / "data" / "corpus" / "oep-xml").glob("*.xml"))
    sources += [FLAGSHIP, FLAGSHIP.with_name("kst-33279-36.metadata.xml")]
    if with_tk:
        sources += sorted((ROOT / "tests" / "data" / "corpus" / "tk-opendata").glob("*.xml"))
    files = []
    for k in range(copies):
        copy = folder / f"copy-{k:03d}"
        copy.mkdir(parents=True)
        for s in sources:
            # Companion metadata files travel with their publication, under its own folder.
            target = copy / s.parent.name / s.name
            target.parent.mkdir(exist_ok=True)
            shutil.copyfile(s, target)
            files.append(target)
    large = folder / "large" / "kst-99999-1.xml"
    large.parent.mkdir()
    large_publication(large, megabytes)
    files.append(large)
    return files


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def best_of(runs: int, make_argv) -> tuple:
    """Best wall time and best CPU time (user + system) of `runs` runs. The
    machine may be shared, so CPU time is the steadier measure."""
    best_wall = best_cpu = None
    code = 0
    for _ in range(runs):
        argv = make_argv()
        cpu_before = cpu_of_children()
        started = time.perf_counter()
        done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wall = time.perf_counter() - started
        cpu = cpu_of_children() - cpu_before
        best_wall = wall if best_wall is None else min(best_wall, wall)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
        code = done.returncode
    return best_wall, best_cpu, code


def peak_rss_kib(argv: list) -> int:
    """Peak resident memory of one command, from a fresh Python child whose
    only child is that command (RUSAGE_CHILDREN covers it alone)."""
    probe = ("import resource, subprocess, sys\n"
             "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    out = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=str(ROOT / "build"), help="build folder holding bin/stukwerk")
    parser.add_argument("--copies", type=int, default=200, help="copies of the corpus XML files")
    parser.add_argument("--large-mb", type=float, default=50, help="size of the generated publication in MiB")
    parser.add_argument("--runs", type=int, default=3, help="runs per tool; the best counts")
    args = parser.parse_args()

    cli = Path(args.build) / "bin" / "stukwerk"
    if not cli.exists():
        print(f"no {cli}; build first (cmake --build {args.build})", file=sys.stderr)
        return 2
    plugins = subprocess.run([str(cli), "plugins"], capture_output=True, text=True).stdout
    with_tk = any(name in plugins for name in ("tk-vlos", "tk-syncfeed"))  # the tk-opendata plugin's XML importers

    with tempfile.TemporaryDirectory(prefix="stukwerk-bench-xml-") as tmp:
        folder = Path(tmp)
        files = build_inputs(folder / "in", args.copies, args.large_mb, with_tk)
        total = sum(f.stat().st_size for f in files)
        listing = folder / "files.txt"
        listing.write_text("".join(f"{f}\n" for f in files))
        large = files[-1]

        lint_wall, lint_cpu, lint_code = best_of(args.runs, lambda: ["xmllint", "--noout", *map(str, files)])
        out = folder / "out"

        def convert():
            shutil.rmtree(out, ignore_errors=True)
            return [str(cli), "convert", "--files-from", str(listing), "-t", "json", "-o", str(out), "-j", "1", "-q"]

        sw_wall, sw_cpu, sw_code = best_of(args.runs, convert)
        documents = len(list(out.glob("*.json")))

        mib = total / (1024 * 1024)
        print(f"inputs: {len(files)} XML files, {mib:.1f} MiB ({args.copies} copies of the corpus XML"
              f"{' incl. tk-opendata' if with_tk else ''} + one generated {large.stat().st_size / 2**20:.1f} MiB kamerstuk)")
        print(f"{'':26} {'wall':>8} {'cpu':>8} {'MiB/s (cpu)':>12}")
        print(f"{'xmllint --noout':26} {lint_wall:7.2f}s {lint_cpu:7.2f}s {mib / lint_cpu:12.1f}   (exit {lint_code})")
        print(f"{'stukwerk convert -t json':26} {sw_wall:7.2f}s {sw_cpu:7.2f}s {mib / sw_cpu:12.1f}   "
              f"(exit {sw_code}, {documents} documents)")
        print(f"ratio stukwerk / xmllint: {sw_cpu / lint_cpu:.2f}x cpu, {sw_wall / lint_wall:.2f}x wall (goal <= 2x)")

        rss = peak_rss_kib([str(cli), "convert", str(large), "-t", "json", "-o", str(folder / "large-out"), "-q"])
        size_kib = large.stat().st_size / 1024
        print(f"peak RSS converting the {size_kib / 1024:.1f} MiB file alone: {rss / 1024:.1f} MiB "
              f"= {rss / size_kib:.1f}x the input")
    return 0


if __name__ == "__main__":
    sys.exit(main())
