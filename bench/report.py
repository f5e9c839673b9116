#!/usr/bin/python3
"""Prints bench/run.sh's one table from the JSON lines the benchmarks wrote
(bench/summary.py): per input kind, stukwerk against its peer in the same
run -- documents and MB per CPU second, peak memory on the set's largest
input, and the ratios -- then the batch figures and the callgrind
instruction counts per document.

Usage: bench/report.py SUMMARY.jsonl
"""
import json
import sys


def main() -> int:
    lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
    kinds = [l for l in lines if "kind" in l]
    batch = [l["batch"] for l in lines if "batch" in l]
    callgrind = [l["callgrind"] for l in lines if "callgrind" in l]

    print("Per input kind: stukwerk convert -t json -j 1 against its peer, same inputs, same run.")
    print("docs/s and MB/s per CPU second (user + system); peak = peak RSS of one process on the set's largest input;")
    print("speed ratio = stukwerk's throughput / the peer's (above 1: stukwerk is faster).\n")
    head = (f"| {'input kind':27} | {'tool':42} | {'docs':>6} | {'MB':>7} | {'docs/s':>8} | {'MB/s':>7} | "
            f"{'peak MiB':>8} | {'speed ratio':>11} | {'memory ratio':>12} |")
    print(head)
    print("|" + "|".join("-" * (len(c)) for c in head.split("|")[1:-1]) + "|")
    for k in kinds:
        mb = k["bytes"] / 1e6
        ours, theirs = k["stukwerk"], k["peer_run"]
        for label, run in (("stukwerk", ours), (k["peer"], theirs)):
            docs_s = k["documents"] / run["cpu"] if run["cpu"] else float("nan")
            mb_s = mb / run["cpu"] if run["cpu"] else float("nan")
            ratio = theirs["cpu"] / ours["cpu"] if run is ours else 1.0
            memory = ours["peak_kib"] / theirs["peak_kib"] if run is ours else 1.0
            print(f"| {k['kind'] if run is ours else '':27} | {label:42} | {k['documents']:6d} | {mb:7.1f} | "
                  f"{docs_s:8.1f} | {mb_s:7.2f} | {run['peak_kib'] / 1024:8.1f} | "
                  f"{(f'{ratio:.2f}x' if run is ours else ''):>11} | {(f'{memory:.2f}x' if run is ours else ''):>12} |")
    for k in kinds:
        if k.get("note"):
            print(f"  {k['kind']}: {k['note']}")

    for b in batch:
        n = b["inputs"]
        print(f"\nBatch: {n} real XML and HTML publications, -t json, {b['cores']} cores (wall time)")
        print(f"| {'run':18} | {'seconds':>8} | {'docs/s':>8} |")
        print(f"|{'-' * 20}|{'-' * 10}|{'-' * 10}|")
        for label, key in (("-j1", "j1_s"), ("-j2", "j2_s"), ("-j1 --isolate", "isolate_j1_s"),
                           ("-j2 --isolate", "isolate_j2_s")):
            print(f"| {label:18} | {b[key]:8.2f} | {n / b[key]:8.0f} |")
        print(f"scaling -j2 / -j1: {b['j1_s'] / b['j2_s']:.2f}x; --isolate overhead at -j1: "
              f"{b['isolate_j1_s'] / b['j1_s'] - 1:+.1%}, at -j2: {b['isolate_j2_s'] / b['j2_s'] - 1:+.1%}")
        print(f"peak memory: {b['peak_kib'] / 1024:.1f} MiB at {n} inputs, {b['big_peak_kib'] / 1024:.1f} MiB at "
              f"{b['big']} inputs ({b['big_peak_kib'] / b['peak_kib']:.2f}x for {b['big'] // n}x the inputs)")

    if callgrind:
        print("\nInstructions per document (valgrind --tool=callgrind; the CLI on a fixed set of real inputs per importer,")
        print("-t json -j 1, minus the same command on zero inputs, divided by the documents converted):")
        print(f"| {'importer':12} | {'inputs':>6} | {'documents':>9} | {'instructions/document':>21} |")
        print(f"|{'-' * 14}|{'-' * 8}|{'-' * 11}|{'-' * 23}|")
        for c in callgrind:
            print(f"| {c['importer']:12} | {c['inputs']:6d} | {c['documents']:9d} | {c['per_document']:21,d} |")
        print(f"(zero inputs: {callgrind[0]['baseline']:,d} instructions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
