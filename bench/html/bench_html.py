#!/usr/bin/python3
"""HTML conversion speed: stukwerk beside pandoc and beside libxml2's bare
HTML parse, same files, same run.

Builds a set of inputs in a temporary folder -- the real repository XHTML of
kst-32545-143, its page form (tests/data/oep-html), and the flagship page
(samples/kst-33279-36), each copied many times, plus one large generated page
(the flagship's letter repeated) -- then times, best of N:

  html-bare-parse --files-from LIST                 libxml2's HTML parse alone, same options as the importer
  stukwerk convert --files-from LIST -t json -j 1   detection, import, shared passes, JSON files out
  ... the same with -o - (JSON to standard output): the same work without creating 2 files per input
  pandoc -f html -t json FILE -o OUT                once per file, as a user would convert each
  pandoc -f html -t json FILE...                    one process over all files (pandoc concatenates them)

and prints throughput and the ratios. Goals (issue 3): at least 20x pandoc's
throughput, and within 3x of libxml2's bare parse. Everything runs on one
thread; CPU time (user + system) is the measure, since the machine may be
shared, with wall time beside it. It also reports the peak resident memory of
stukwerk converting the large page alone, as a multiple of its size.

The inputs and outputs live in a temporary folder under $TMPDIR: creating
the output files costs far more on a journaling disk than on tmpfs
(TMPDIR=/dev/shm), so say which was used when quoting the figures.

Usage: bench/html/bench_html.py [--build DIR] [--copies N] [--large-mb M] [--runs N]
"""
import argparse
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
FLAGSHIP = ROOT / "samples" / "kst-33279-36" / "kst-33279-36.html"
SOURCES = [ROOT / "tests" / "data" / "corpus" / "html" / "kst-32545-143.html",
           ROOT / "tests" / "data" / "oep-html" / "kst-32545-143.page.html",
           FLAGSHIP]


def large_page(target: Path, megabytes: float) -> None:
    """The flagship page with its letter repeated until the page has the size
    asked for: large, but shaped like a real one (13 footnotes, linked)."""
    page = FLAGSHIP.read_text(encoding="utf-8")
    start = page.index('<div class="algemeen">') + len('<div class="algemeen">')
    end = page.index('<p class="ondertekening">')
    letter = page[start:end]
    parts, size = [page[:start]], start
    while size < megabytes * 1024 * 1024:
        parts.append(letter)
        size += len(letter.encode("utf-8"))
    parts.append(page[start:])
    target.write_text("".join(parts).replace("kst-33279-36", "kst-99999-1"), encoding="utf-8")


def build_inputs(folder: Path, copies: int, megabytes: float) -> list:
    files = []
    for k in range(copies):
        copy = folder / f"copy-{k:03d}"
        copy.mkdir(parents=True)
        for s in SOURCES:
            target = copy / s.name
            shutil.copyfile(s, target)
            files.append(target)
    large = folder / "large" / "kst-99999-1.html"
    large.parent.mkdir()
    large_page(large, megabytes)
    files.append(large)
    return files


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def best_of(runs: int, commands) -> tuple:
    """Best wall and best CPU time of `runs` runs; each run is the list of
    commands `commands()` returns, run one after the other."""
    best_wall = best_cpu = None
    failures = 0
    for _ in range(runs):
        cpu_before = cpu_of_children()
        started = time.perf_counter()
        failures = 0
        for argv in commands():
            done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            failures += done.returncode != 0
        wall = time.perf_counter() - started
        cpu = cpu_of_children() - cpu_before
        best_wall = wall if best_wall is None else min(best_wall, wall)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
    return best_wall, best_cpu, failures


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
    parser.add_argument("--copies", type=int, default=60, help="copies of each of the three pages")
    parser.add_argument("--large-mb", type=float, default=8, help="size of the generated page in MiB")
    parser.add_argument("--runs", type=int, default=3, help="runs of stukwerk and the bare parse; the best counts")
    parser.add_argument("--pandoc-runs", type=int, default=1, help="runs of pandoc (slow); the best counts")
    parser.add_argument("--summary", help="append the figures for bench/run.sh's table to this JSON Lines file")
    args = parser.parse_args()

    cli = Path(args.build) / "bin" / "stukwerk"
    bare = Path(args.build) / "bin" / "html-bare-parse"
    for tool in (cli, bare):
        if not tool.exists():
            print(f"no {tool}; build first (cmake --build {args.build})", file=sys.stderr)
            return 2
    if not shutil.which("pandoc"):
        print("pandoc is not installed", file=sys.stderr)
        return 2
    pandoc_version = subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout.split("\n")[0]

    with tempfile.TemporaryDirectory(prefix="stukwerk-bench-html-") as tmp:
        folder = Path(tmp)
        files = build_inputs(folder / "in", args.copies, args.large_mb)
        total = sum(f.stat().st_size for f in files)
        mib = total / (1024 * 1024)
        listing = folder / "files.txt"
        listing.write_text("".join(f"{f}\n" for f in files))
        large = files[-1]
        out = folder / "out"

        def convert():
            shutil.rmtree(out, ignore_errors=True)
            return [[str(cli), "convert", "--files-from", str(listing), "-t", "json", "-o", str(out), "-j", "1", "-q"]]

        bare_wall, bare_cpu, bare_fail = best_of(args.runs, lambda: [[str(bare), "--files-from", str(listing)]])
        sw_wall, sw_cpu, sw_fail = best_of(args.runs, convert)
        documents = len(list(out.glob("*.json")))
        so_wall, so_cpu, so_fail = best_of(args.runs, lambda: [
            [str(cli), "convert", "--files-from", str(listing), "-t", "json", "-o", "-", "-j", "1", "-q"]])
        pandoc_out = folder / "pandoc"
        pandoc_out.mkdir()
        pd_wall, pd_cpu, pd_fail = best_of(args.pandoc_runs, lambda: [
            ["pandoc", "-f", "html", "-t", "json", str(f), "-o", str(pandoc_out / f"{i}.json")]
            for i, f in enumerate(files)])
        pd1_wall, pd1_cpu, pd1_fail = best_of(args.pandoc_runs, lambda: [
            ["pandoc", "-f", "html", "-t", "json", "-o", str(folder / "all.json"), *map(str, files)]])

        print(f"inputs: {len(files)} HTML files, {mib:.1f} MiB ({args.copies} copies each of kst-32545-143.html, "
              f"kst-32545-143.page.html and the flagship page, + one generated {large.stat().st_size / 2**20:.1f} MiB page)")
        print(f"{'':44} {'wall':>8} {'cpu':>8} {'MiB/s (cpu)':>12}")
        rows = [("libxml2 HTML parse alone (html-bare-parse)", bare_wall, bare_cpu, f"{bare_fail} failed"),
                ("stukwerk convert -t json -o DIR", sw_wall, sw_cpu, f"{sw_fail} failed, {documents} documents"),
                ("stukwerk convert -t json -o - (stdout)", so_wall, so_cpu, f"{so_fail} failed"),
                ("pandoc -f html -t json, one run per file", pd_wall, pd_cpu, f"{pd_fail} failed; {pandoc_version}"),
                ("pandoc -f html -t json, all files at once", pd1_wall, pd1_cpu, f"{pd1_fail} failed")]
        for name, wall, cpu, note in rows:
            print(f"{name:44} {wall:7.2f}s {cpu:7.2f}s {mib / cpu:12.1f}   ({note})")
        print(f"throughput stukwerk / pandoc: {pd_cpu / sw_cpu:.1f}x per file, {pd1_cpu / sw_cpu:.1f}x against one "
              f"pandoc process (goal >= 20x)")
        print(f"stukwerk / libxml2 bare parse: {sw_cpu / bare_cpu:.2f}x cpu, {sw_wall / bare_wall:.2f}x wall writing files; "
              f"{so_cpu / bare_cpu:.2f}x cpu, {so_wall / bare_wall:.2f}x wall to standard output (goal <= 3x)")

        rss = peak_rss_kib([str(cli), "convert", str(large), "-t", "json", "-o", str(folder / "large-out"), "-q"])
        size_kib = large.stat().st_size / 1024
        print(f"peak RSS converting the {size_kib / 1024:.1f} MiB page alone: {rss / 1024:.1f} MiB "
              f"= {rss / size_kib:.1f}x the input")
        peer_rss = summary.peak_rss_kib(["pandoc", "-f", "html", "-t", "json", str(large), "-o", str(folder / "large.json")])
        summary.write(args.summary, kind="HTML (oep-html)", peer="pandoc -f html -t json, a process per file",
                      inputs=len(files), documents=documents, size=total, ours=(sw_wall, sw_cpu, rss),
                      theirs=(pd_wall, pd_cpu, peer_rss), note=f"{args.copies} copies of 3 real pages + one "
                      f"{large.stat().st_size / 2**20:.0f} MiB page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
