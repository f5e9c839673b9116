#!/bin/sh
# Batch throughput, scaling, isolation overhead and memory over large
# collections. Builds a collection by copying the real samples (the corpus's
# officiele-publicatie XML and KOOP HTML, and the flagship) under distinct
# names into a temporary folder, then converts it with `-t json`:
#   - documents per second at -j1 and -j2, and the scaling ratio;
#   - the same with --isolate, and its overhead as a ratio;
#   - peak memory (max RSS) at N and at 10×N inputs, which must not grow.
# Absolute times depend on the machine's load; the ratios are the result.
#
#   bench/batch/run.sh [N]      (default N = 10000; the memory run uses 10×N)
#
# With BENCH_SUMMARY=FILE the figures are also appended to FILE as one JSON
# line, for the table bench/run.sh prints.
set -eu
n=${1:-10000}
cd "$(dirname "$0")/../.."
root=$(pwd)
stukwerk=${STUKWERK:-$root/build/bin/stukwerk}
[ -x "$stukwerk" ] || { echo "build first: cmake --build build" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

samples=$(ls tests/data/corpus/oep-xml/kst-*.xml tests/data/corpus/html/*.html samples/kst-33279-36/kst-33279-36.html \
          samples/kst-33279-36/kst-33279-36.xml 2>/dev/null | grep -v metadata)
make_collection() {  # make_collection DIR COUNT
  dir=$1; count=$2; i=0
  set -- $samples
  total=$#
  while [ "$i" -lt "$count" ]; do
    for s in $samples; do
      [ "$i" -lt "$count" ] || break
      sub=$dir/$((i / 1000))
      mkdir -p "$sub"
      ext=${s##*.}
      cp "$s" "$sub/input-$i.$ext"
      i=$((i + 1))
    done
  done
}

# run LABEL ARGS...: prints "seconds max_rss_kb"
measure() {
  out=$tmp/out-$1; shift
  rm -rf "$out"
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$stukwerk" convert "$@" -t json -o "$out" -q >/dev/null 2>"$tmp/err" || {
    echo "conversion failed:" >&2; tail -5 "$tmp/err" >&2; exit 1; }
  cat "$tmp/time"
}

echo "building a collection of $n inputs from $(echo "$samples" | wc -w) real samples..."
make_collection "$tmp/in" "$n"

set -- $(measure j1 "$tmp/in" -j 1);               j1_s=$1; j1_kb=$2
set -- $(measure j2 "$tmp/in" -j 2);               j2_s=$1; j2_kb=$2
set -- $(measure i1 "$tmp/in" -j 1 --isolate);     i1_s=$1
set -- $(measure i2 "$tmp/in" -j 2 --isolate);     i2_s=$1

big=$((n * 10))
echo "building a collection of $big inputs..."
make_collection "$tmp/big" "$big"
set -- $(measure big "$tmp/big" -j 2);             big_s=$1; big_kb=$2

/usr/bin/python3 - "$n" "$big" "$j1_s" "$j2_s" "$i1_s" "$i2_s" "$j2_kb" "$big_s" "$big_kb" "$(nproc)" <<'PY'
import json, os, sys
n, big = int(sys.argv[1]), int(sys.argv[2])
j1, j2, i1, i2, kb, big_s, big_kb = map(float, sys.argv[3:10])
cores = int(sys.argv[10])
rate = lambda count, s: count / s if s > 0 else float("inf")
print(f"\nbatch benchmark: {n} inputs (real XML and HTML publications), -t json, {cores} cores")
print(f"{'run':<24}{'seconds':>9}{'docs/s':>10}")
for label, s in (("-j1", j1), ("-j2", j2), ("-j1 --isolate", i1), ("-j2 --isolate", i2)):
    print(f"{label:<24}{s:>9.2f}{rate(n, s):>10.0f}")
print(f"\nscaling -j2 / -j1:            {j1 / j2:5.2f}x   (goal >= 1.80)")
print(f"--isolate overhead at -j1:     {i1 / j1 - 1:+6.1%}   (goal < 15%)")
print(f"--isolate overhead at -j2:     {i2 / j2 - 1:+6.1%}")
print(f"docs/s per core at -j1:        {rate(n, j1):6.0f}   (goal >= 1000)")
print(f"\npeak memory at {n:>7} inputs:  {kb / 1024:6.1f} MiB")
print(f"peak memory at {big:>7} inputs:  {big_kb / 1024:6.1f} MiB   ({big_kb / kb:.2f}x for {big // n}x the inputs; {rate(big, big_s):.0f} docs/s)")
if os.environ.get("BENCH_SUMMARY"):
    with open(os.environ["BENCH_SUMMARY"], "a", encoding="utf-8") as f:
        f.write(json.dumps({"batch": {"inputs": n, "big": big, "cores": cores, "j1_s": j1, "j2_s": j2, "isolate_j1_s": i1,
                                      "isolate_j2_s": i2, "peak_kib": kb, "big_s": big_s, "big_peak_kib": big_kb}}) + "\n")
PY
