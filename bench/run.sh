#!/bin/sh
# Runs every benchmark of the project and prints one table (bench/README.md):
# per input kind, stukwerk against its peer measured in the same run --
# pandoc for HTML, xmllint for XML, pdftotext for PDF, xmllint --stream for
# a SyncFeed dump -- then the batch figures, then callgrind instruction
# counts per document for each importer.
#
#   bench/run.sh [BUILD-DIR]     (default: build; it is configured and built first)
#
# The sizes are each benchmark's defaults but for the batch (5000 inputs,
# 50000 for memory); the whole run takes about a quarter of an hour on 2 cores. The detailed
# output of each goes to $BENCH_LOG (default: a temporary folder, printed).
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
build=${1:-$root/build}
case $build in /*) ;; *) build=$root/$build ;; esac
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B "$build" -G Ninja -DSTUKWERK_BUILD_BENCH=ON >/dev/null
cmake --build "$build" -j "$jobs" >/dev/null

log=${BENCH_LOG:-$(mktemp -d)}
mkdir -p "$log"
summary=$log/summary.jsonl
: >"$summary"
step() {  # step NAME COMMAND...: runs one benchmark, its output to $log/NAME.txt
  name=$1; shift
  echo "== $name" >&2
  if ! "$@" >"$log/$name.txt" 2>&1; then
    echo "!! $name failed:" >&2
    tail -n 20 "$log/$name.txt" >&2
    exit 1
  fi
}

step html /usr/bin/python3 bench/html/bench_html.py --build "$build" --copies 60 --large-mb 8 --runs 3 --summary "$summary"
step xml /usr/bin/python3 bench/xml/bench_xml.py --build "$build" --copies 100 --large-mb 50 --runs 3 --summary "$summary"
step pdf /usr/bin/python3 bench/pdf/bench_pdf.py --build "$build" --copies 40 --summary "$summary"
step tk-opendata sh bench/tk-opendata/syncfeed_memory.sh "$build" 200 "$summary"
step batch env BENCH_SUMMARY="$summary" STUKWERK="$build/bin/stukwerk" sh bench/batch/run.sh 5000
step callgrind sh bench/callgrind/instructions.sh "$build" "$summary"

echo "$("$build/bin/stukwerk" --version | head -n 1); $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores," \
     "$(lscpu | sed -n 's/^Model name: *//p' | head -n 1); Linux $(uname -r)"
echo
/usr/bin/python3 bench/report.py "$summary"
echo
echo "(each benchmark's own output: $log)"
