#!/bin/sh
# Converts a 200 MB SyncFeed dump and reports peak memory as a multiple of
# the input, and time as a ratio against libxml2's xmllint parsing the same
# file in the same run: streaming (--stream, the least a parser can do) and
# as a tree (what reading the feed as one DOM would cost).
#
#   bench/tk-opendata/syncfeed_memory.sh [BUILD-DIR] [MEGABYTES] [SUMMARY]
#
# The dump is generated into a temporary folder and removed afterwards.
# With SUMMARY, the figures for bench/run.sh's table are appended there
# (bench/summary.py), against xmllint --stream.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}
megabytes=${2:-200}
summary=${3:-}
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

# "wall cpu" of one command, the CPU time of the child (user + system).
cpu() {
    $py -c '
import resource, subprocess, sys, time
t = time.monotonic()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%.3f %.3f" % (time.monotonic() - t, u.ru_utime + u.ru_stime))
' "$@"
}

set -- $(measure "$stukwerk" convert "$tmp/dump.xml" -t jsonl -o "$tmp/out" -q); sw_s=$1; sw_kb=$2
converted=$(wc -l < "$tmp/out/documents.jsonl")
set -- $(measure xmllint --stream --noout "$tmp/dump.xml"); xs_s=$1; xs_kb=$2
set -- $(measure xmllint --noout --huge "$tmp/dump.xml"); xd_s=$1; xd_kb=$2

if [ -n "$summary" ]; then
    rm -rf "$tmp/out"
    sw_cpu=$(cpu "$stukwerk" convert "$tmp/dump.xml" -t jsonl -o "$tmp/out" -q -j 1)
    xs_cpu=$(cpu xmllint --stream --noout "$tmp/dump.xml")
else
    sw_cpu="0 0"; xs_cpu="0 0"
fi

$py - "$size" "$documents" "$converted" "$sw_s" "$sw_kb" "$xs_s" "$xs_kb" "$xd_s" "$xd_kb" $sw_cpu $xs_cpu "$summary" "$here/.." <<'EOF'
import sys
size, documents, converted = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
sw_s, sw_kb, xs_s, xs_kb, xd_s, xd_kb, sw_wall, sw_cpu, xs_wall, xs_cpu = (float(x) for x in sys.argv[4:14])
summary_file = sys.argv[14]
sys.path.insert(0, sys.argv[15])
import summary
summary.write(summary_file, kind="SyncFeed XML (tk-syncfeed)", peer="xmllint --stream --noout", inputs=1,
              documents=converted, size=size, ours=(sw_wall, sw_cpu, sw_kb), theirs=(xs_wall, xs_cpu, xs_kb),
              note=f"one {size / 2**20:.0f} MB dump of {documents} Document entities")
mb = size / 2**20
print(f"SyncFeed dump: {mb:.0f} MB, {documents} Document entities, {converted} documents converted")
print(f"peak memory / input size:  stukwerk convert {sw_kb * 1024 / size:.2f}x   "
      f"xmllint --stream {xs_kb * 1024 / size:.2f}x   xmllint (tree) {xd_kb * 1024 / size:.2f}x")
print(f"time / xmllint --stream:   stukwerk convert {sw_s / xs_s:.2f}x   xmllint (tree) {xd_s / xs_s:.2f}x")
if converted != documents:
    sys.exit("not every Document entity was converted")
EOF
