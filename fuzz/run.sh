#!/bin/sh
# Builds the fuzz targets with clang (libFuzzer + AddressSanitizer +
# UndefinedBehaviorSanitizer) and runs each for SECONDS (default 60),
# seeded from the real corpus, the test fixtures, the samples and the kept
# regression inputs. A crash is written to fuzz/findings/<target>/ and makes
# this script exit 1; once fixed, move the input to fuzz/regressions/<target>/
# so the test suite replays it for ever.
#
#   fuzz/run.sh 1800        # half an hour per target, while developing
#   fuzz/run.sh 60          # the short pass CI runs
set -eu
seconds=${1:-60}
cd "$(dirname "$0")/.."
root=$(pwd)
build=$root/build-fuzz
work=$root/fuzz/corpus-work
findings=$root/fuzz/findings
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B "$build" -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTUKWERK_FUZZ=ON -DSTUKWERK_BUILD_TESTS=OFF -DSTUKWERK_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" -j "$jobs"

importers=$("$build/bin/stukwerk" plugins --json | /usr/bin/python3 -c \
  'import json,sys; print(" ".join(p["name"] for p in json.load(sys.stdin) if p["kind"] == "importer"))')

seed() {  # seed DIR SOURCES...: fresh seed folder with copies of the sources
  dir=$1; shift
  mkdir -p "$dir"
  for src in "$@"; do
    [ -e "$src" ] || continue
    find "$src" -type f ! -name '*.md' -size -2M -exec cp {} "$dir/" \; 2>/dev/null || true
  done
}

status=0
fuzz() {  # fuzz NAME BINARY SEEDS [env...]
  name=$1; binary=$2; seeds=$3; shift 3
  mkdir -p "$findings/$name"
  echo "== fuzzing $name for $seconds s"
  if ! env "$@" ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      "$binary" -max_total_time="$seconds" -max_len=262144 -timeout=30 -rss_limit_mb=4096 \
      -artifact_prefix="$findings/$name/" -print_final_stats=1 "$seeds" 2>"$findings/$name.log"; then
    echo "!! $name: a finding; see $findings/$name.log and $findings/$name/"
    tail -n 40 "$findings/$name.log"
    status=1
  else
    grep -E "stat::number_of_executed_units|cov:" "$findings/$name.log" | tail -n 2
  fi
}

for importer in $importers; do
  seeds=$work/importer-$importer
  seed "$seeds" tests/data samples/kst-33279-36 "fuzz/regressions/importer-$importer"
  fuzz "importer-$importer" "$build/bin/fuzz_importer" "$seeds" STUKWERK_FUZZ_IMPORTER="$importer"
done

# Exporter seeds: the corpus as stukwerk JSON, one document a file.
seeds=$work/exporters
mkdir -p "$seeds"
"$build/bin/stukwerk" convert tests/data/corpus samples/kst-33279-36 -t json -o "$seeds" -q -j "$jobs" || true
seed "$seeds" fuzz/regressions/exporters
fuzz exporters "$build/bin/fuzz_exporters" "$seeds"

seeds=$work/citations
seed "$seeds" tests/data/oep-html fuzz/regressions/citations
fuzz citations "$build/bin/fuzz_citations" "$seeds"

exit $status
