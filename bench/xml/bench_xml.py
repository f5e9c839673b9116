#!/usr/bin/python3
"""XML conversion speed: stukwerk beside `xmllint --noout`, same files, same run.

Builds a set of inputs in a temporary folder -- every XML file of the corpus
(tests/data/corpus/oep-xml with the flagship sample, and the XML of
tests/data/corpus/tk-opendata when the tk-opendata plugin is built) copied
many times, plus one large generated officiele-publicatie -- then times, per
group of inputs and for all of them together, best of three:

  xmllint --noout FILE...                           libxml2's bare parse
  stukwerk convert --files-from LIST -t json -j 1   detection, import, shared passes, JSON out

and prints CPU and wall time, throughput and the ratio (the goal: stukwerk
within 2x of xmllint). When bench_oep_xml_import is built (bench/xml/CMakeLists.txt)
it also prints the oep-xml importer's own share: the same files through the
importer alone, without the host's passes, exporters and file writing. Both run single-threaded; the machine may be shared,
so CPU time (user + system) is the steadier figure. It also reports the peak
resident memory of stukwerk converting the large file alone, as a multiple of
its size.

Usage: bench/xml/bench_xml.py [--build DIR] [--copies N] [--large-mb M] [--runs R]
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
sys.path.insert(0, str(ROOT / "bench"))
import summary  # noqa: E402
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


def build_inputs(folder: Path, copies: int, megabytes: float, with_tk: bool) -> dict:
    """The input files by group: the oep-xml corpus (with the flagship), the
    tk-opendata XML of the corpus, and the generated large kamerstuk."""
    groups = {"oep-xml corpus": sorted((ROOT / "tests" / "data" / "corpus" / "oep-xml").glob("*.xml"))
              + [FLAGSHIP, FLAGSHIP.with_name("kst-33279-36.metadata.xml")]}
    if with_tk:
        groups["tk-opendata XML"] = sorted((ROOT / "tests" / "data" / "corpus" / "tk-opendata").glob("*.xml"))
    files = {name: [] for name in groups}
    for k in range(copies):
        for name, sources in groups.items():
            for s in sources:
                # Companion metadata files travel with their publication, under its own folder.
                target = folder / f"copy-{k:03d}" / s.parent.name / s.name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(s, target)
                files[name].append(target)
    large = folder / "large" / "kst-99999-1.xml"
    large.parent.mkdir(parents=True)
    large_publication(large, megabytes)
    files["generated kamerstuk"] = [large]
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
    parser.add_argument("--copies", type=int, default=100, help="copies of the corpus XML files")
    parser.add_argument("--large-mb", type=float, default=50, help="size of the generated publication in MiB")
    parser.add_argument("--runs", type=int, default=3, help="runs per tool; the best counts")
    parser.add_argument("--summary", help="append the figures for bench/run.sh's table to this JSON Lines file")
    args = parser.parse_args()

    cli = Path(args.build) / "bin" / "stukwerk"
    if not cli.exists():
        print(f"no {cli}; build first (cmake --build {args.build})", file=sys.stderr)
        return 2
    plugins = subprocess.run([str(cli), "plugins"], capture_output=True, text=True).stdout
    with_tk = any(name in plugins for name in ("tk-vlos", "tk-syncfeed"))  # the tk-opendata plugin's XML importers

    with tempfile.TemporaryDirectory(prefix="stukwerk-bench-xml-") as tmp:
        folder = Path(tmp)
        groups = build_inputs(folder / "in", args.copies, args.large_mb, with_tk)
        groups["all of the above"] = [f for files in groups.values() for f in files]
        large = groups["generated kamerstuk"][0]
        print(f"{args.copies} copies of the corpus XML, one generated {large.stat().st_size / 2**20:.1f} MiB kamerstuk; "
              f"best of {args.runs}; both tools single-threaded")
        importer = Path(args.build) / "bin" / "bench_oep_xml_import"
        print(f"{'inputs':22} {'files':>6} {'MiB':>7}   {'xmllint cpu':>11} {'stukwerk cpu':>12} {'MiB/s':>7}   "
              f"{'ratio cpu':>9} {'ratio wall':>10}   {'oep-xml alone':>13}")
        for name, files in groups.items():
            total = sum(f.stat().st_size for f in files) / 2**20
            listing = folder / "files.txt"
            listing.write_text("".join(f"{f}\n" for f in files))
            out = folder / "out"

            def convert():
                shutil.rmtree(out, ignore_errors=True)
                return [str(cli), "convert", "--files-from", str(listing), "-t", "json", "-o", str(out), "-j", "1", "-q"]

            lint_wall, lint_cpu, lint_code = best_of(args.runs, lambda: ["xmllint", "--noout", *map(str, files)])
            sw_wall, sw_cpu, sw_code = best_of(args.runs, convert)
            note = "" if sw_code == 0 else f"  (stukwerk exit {sw_code})"
            alone = "-"
            if importer.exists() and name in ("oep-xml corpus", "generated kamerstuk"):
                done = subprocess.run([str(importer), *map(str, files)], capture_output=True, text=True)
                alone = f"{float(done.stdout) / lint_cpu:12.2f}x"
            if name == "all of the above":
                all_figures = (len(files), len(list(out.glob("*.json"))), total * 2**20, (sw_wall, sw_cpu),
                               (lint_wall, lint_cpu))
            print(f"{name:22} {len(files):6d} {total:7.1f}   {lint_cpu:10.2f}s {sw_cpu:11.2f}s {total / sw_cpu:7.1f}   "
                  f"{sw_cpu / lint_cpu:8.2f}x {sw_wall / lint_wall:9.2f}x   {alone:>13}{note}")
        print("goal: stukwerk within 2x of xmllint's bare parse (xmllint exits 1 on the 2018 Handelingen, whose XML "
              "declaration does not open the file)")
        print("oep-xml alone: the importer's own CPU time (bench_oep_xml_import: parse and mapping, no shared passes, "
              "no JSON, no files written) over xmllint's")

        rss = peak_rss_kib([str(cli), "convert", str(large), "-t", "json", "-o", str(folder / "large-out"), "-q"])
        size_kib = large.stat().st_size / 1024
        print(f"peak RSS converting the {size_kib / 1024:.1f} MiB file alone: {rss / 1024:.1f} MiB "
              f"= {rss / size_kib:.1f}x the input")
        lint_rss = summary.peak_rss_kib(["xmllint", "--noout", "--huge", str(large)])
        n, docs, size, ours, theirs = all_figures
        summary.write(args.summary, kind="XML (oep-xml, tk-*)", peer="xmllint --noout", inputs=n, documents=docs,
                      size=size, ours=(*ours, rss), theirs=(*theirs, lint_rss),
                      note=f"{args.copies} copies of the corpus XML + one {size_kib / 1024:.0f} MiB kamerstuk")
    return 0


if __name__ == "__main__":
    sys.exit(main())
