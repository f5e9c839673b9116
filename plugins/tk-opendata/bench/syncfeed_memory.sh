#!/bin/sh
# Converts a 200 MB SyncFeed dump and reports peak memory as a multiple of
# the input, and time as a ratio against libxml2's xmllint parsing the same
# file in the same run: streaming (--stream, the least a parser can do) and
# as a tree (what reading the feed as one DOM would cost).
#
#   plugins/tk-opendata/bench/syncfeed_memory.sh [BUILD-DIR] [MEGABYTES]
#
# The dump is generated into a temporary folder and removed afterwards.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../../build}
megabytes=${2:-200}
stukwerk=$build/bin/stukwerk
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

documents=$($py "$here/make_big_feed.py" "$tmp/dump.xml" "$megabytes")
size=$(stat -c %s "$tmp/dump.xml")

# "seconds peak-KiB" of one command, from the kernel's accounting of the child.
measure() {
    $py -c '
import resource, subprocess, sys, time
t = time.monotonic()
r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
if r.returncode:
    sys.exit(r.stderr.decode()[-2000:])
print("%.3f %d" % (time.monotonic() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
' "$@"
}

set -- $(measure "$stukwerk" convert "$tmp/dump.xml" -t jsonl -o "$tmp/out" -q); sw_s=$1; sw_kb=$2
converted=$(wc -l < "$tmp/out/documents.jsonl")
set -- $(measure xmllint --stream --noout "$tmp/dump.xml"); xs_s=$1; xs_kb=$2
set -- $(measure xmllint --noout --huge "$tmp/dump.xml"); xd_s=$1; xd_kb=$2

$py - "$size" "$documents" "$converted" "$sw_s" "$sw_kb" "$xs_s" "$xs_kb" "$xd_s" "$xd_kb" <<'EOF'
import sys
size, documents, converted = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
sw_s, sw_kb, xs_s, xs_kb, xd_s, xd_kb = (float(x) for x in sys.argv[4:])
mb = size / 2**20
print(f"SyncFeed dump: {mb:.0f} MB, {documents} Document entities, {converted} documents converted")
print(f"peak memory / input size:  stukwerk convert {sw_kb * 1024 / size:.2f}x   "
      f"xmllint --stream {xs_kb * 1024 / size:.2f}x   xmllint (tree) {xd_kb * 1024 / size:.2f}x")
print(f"time / xmllint --stream:   stukwerk convert {sw_s / xs_s:.2f}x   xmllint (tree) {xd_s / xs_s:.2f}x")
if converted != documents:
    sys.exit("not every Document entity was converted")
EOF
