"""The one line each benchmark adds to the report `bench/run.sh` prints:
stukwerk and its peer on the same inputs in the same run. `bench/report.py`
reads these lines (JSON Lines) and prints the table.

Fields: kind (input kind), peer (the peer's command), inputs (files),
documents (documents in them), bytes (their size), and for "stukwerk" and
"peer" each: cpu and wall seconds for the whole set, and peak_kib, the
peak resident memory of one process on the set's largest input.
"""
import json
import resource
import subprocess
import sys


def peak_rss_kib(argv: list) -> int:
    """Peak resident memory of one command, from a fresh Python child whose
    only child is that command (RUSAGE_CHILDREN covers it alone)."""
    probe = ("import resource, subprocess, sys\n"
             "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    out = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def write(path, *, kind, peer, inputs, documents, size, ours, theirs, note=""):
    """ours, theirs: (wall seconds, cpu seconds, peak KiB)."""
    if not path:
        return
    line = {"kind": kind, "peer": peer, "inputs": inputs, "documents": documents, "bytes": size, "note": note,
            "stukwerk": dict(zip(("wall", "cpu", "peak_kib"), ours)),
            "peer_run": dict(zip(("wall", "cpu", "peak_kib"), theirs))}
    with open(path, "a", encoding="utf-8") as f:
        f.write(json.dumps(line) + "\n")
