#!/bin/sh
# Builds the fuzz targets with clang (libFuzzer + AddressSanitizer +
# UndefinedBehaviorSanitizer) and runs each for SECONDS (default 60),
# seeded from the real corpus, the test fixtures, the samples and the kept
# regression inputs. A crash is written to fuzz/findings/<target>/ and makes
# this script exit 1; once fixed, move the input to fuzz/regressions/<target>/
# so the test suite replays it for ever.
#
#   fuzz/run.sh [-j N] [SECONDS [TARGET...]]
#
#   fuzz/run.sh 1800                       # half an hour per target, while developing
#   fuzz/run.sh -j 2 60                    # the short pass CI runs: two targets at a time
#   fuzz/run.sh 600 importer-oep-xml exporters
#
# Targets: importer-<name> for every importer of the build, exporters,
# citations. Each target's corpus grows in fuzz/corpus-work/<target>/
# (git-ignored) and is kept between runs, so a second run goes on where the
# first stopped. The figures of each run (executions, coverage) end up in
# fuzz/findings/<target>.log and are printed at the end.
set -eu
parallel=1
if [ "${1:-}" = "-j" ]; then parallel=$2; shift 2; fi
seconds=${1:-60}
[ $# -gt 0 ] && shift
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
all_targets=""
for importer in $importers; do all_targets="$all_targets importer-$importer"; done
all_targets="$all_targets exporters citations"
targets=${*:-$all_targets}
for t in $targets; do
  case " $all_targets " in *" $t "*) ;; *) echo "fuzz/run.sh: no target $t (targets:$all_targets)" >&2; exit 2 ;; esac
done

seed() {  # seed DIR SOURCES...: copies of the sources into the target's corpus folder
  dir=$1; shift
  mkdir -p "$dir"
  for src in "$@"; do
    [ -e "$src" ] || continue
    find "$src" -type f ! -name '*.md' -size -2M -exec cp {} "$dir/" \; 2>/dev/null || true
  done
}

prepare() {  # prepare TARGET: seeds its corpus folder, prints "BINARY [ENV]"
  t=$1; seeds=$work/$t
  case $t in
    importer-*)
      # fuzz/seeds/<target>: small well-formed excerpts of real files that
      # are larger than -max_len (cut, they would only teach truncation).
      seed "$seeds" tests/data samples/kst-33279-36 "fuzz/regressions/$t" "fuzz/seeds/$t"
      echo "$build/bin/fuzz_importer STUKWERK_FUZZ_IMPORTER=${t#importer-}" ;;
    exporters)
      # The corpus as stukwerk JSON, one document a file.
      if [ ! -d "$seeds" ]; then
        mkdir -p "$seeds"
        "$build/bin/stukwerk" convert tests/data/corpus samples/kst-33279-36 -t json -o "$seeds" -q -j "$jobs" \
          >/dev/null 2>&1 || true
      fi
      seed "$seeds" fuzz/regressions/exporters
      echo "$build/bin/fuzz_exporters" ;;
    citations)
      seed "$seeds" tests/data/oep-html fuzz/regressions/citations
      echo "$build/bin/fuzz_citations" ;;
  esac
}

fuzz() {  # fuzz TARGET: one run; its exit status goes to fuzz/findings/TARGET.status
  t=$1
  rm -f "$findings/$t.status"
  set -- $(prepare "$t")
  binary=$1; shift
  mkdir -p "$findings/$t"
  echo "== fuzzing $t for $seconds s"
  if env "$@" ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      nice "$binary" -max_total_time="$seconds" -max_len=262144 -timeout=30 -rss_limit_mb=4096 \
      -artifact_prefix="$findings/$t/" -print_final_stats=1 "$work/$t" >"$findings/$t.log" 2>&1; then
    echo 0 >"$findings/$t.status"
  else
    echo $? >"$findings/$t.status"
  fi
}

summary() {  # summary TARGET: the figures of its last run
  t=$1; log=$findings/$t.log
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
  printf '%-24s %8s s  %12s execs  cov %6s  ' "$t" "$seconds" "${execs:-?}" "${cov:-?}"
  if [ "$(cat "$findings/$t.status" 2>/dev/null)" = 0 ]; then
    echo "no finding"
  else
    echo "FINDING (exit $(cat "$findings/$t.status" 2>/dev/null || echo '?')): see $log and $findings/$t/"
    status=1
  fi
}

# At most $parallel targets at a time, started in batches.
running=0
for t in $targets; do
  fuzz "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$parallel" ]; then wait; running=0; fi
done
wait

echo "== fuzz summary"
status=0
for t in $targets; do summary "$t"; done
[ $status -eq 0 ] || echo "!! a target found a crash, a leak or a sanitizer report: see the logs above"
exit $status
