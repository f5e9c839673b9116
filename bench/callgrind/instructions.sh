#!/bin/sh
# Instructions per document for each importer, counted by
# `valgrind --tool=callgrind`: a figure that does not move with the
# machine's load, so two commits can be compared on any machine.
#
# For each importer, the CLI converts a fixed set of real inputs (below)
# with that importer forced, `-t json -j 1`; the same command on zero
# inputs (`--files-from /dev/null`: start-up, plugin loading, exit) is
# subtracted, and the rest divided by the documents converted:
#
#   per document = (Ir(convert the set) - Ir(convert nothing)) / documents
#
#   bench/callgrind/instructions.sh [BUILD-DIR] [SUMMARY]
#
# Prints one line per importer; with SUMMARY, appends them there as JSON
# lines for bench/run.sh's table.
set -eu
cd "$(dirname "$0")/../.."
root=$(pwd)
build=${1:-$root/build}
summary=${2:-}
stukwerk=$build/bin/stukwerk
[ -x "$stukwerk" ] || { echo "build first: cmake --build $build" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "valgrind is not installed" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
corpus=tests/data/corpus

# The fixed sets: every real file of each kind in the repository.
set_for() {
  case $1 in
    oep-html) ls $corpus/html/*.html tests/data/oep-html/*.html samples/kst-33279-36/kst-33279-36.html ;;
    oep-xml) ls $corpus/oep-xml/kst-*.xml $corpus/oep-xml/h-tk-*.xml samples/kst-33279-36/kst-33279-36.xml | grep -v metadata ;;
    pdf-text) ls $corpus/pdf/*.pdf samples/kst-33279-36/kst-33279-36.pdf ;;
    tk-syncfeed) ls tests/data/tk-opendata/syncfeed-*.xml ;;
    tk-odata) ls $corpus/tk-opendata/*.json ;;
    tk-vlos) ls $corpus/tk-opendata/vlos-*.xml ;;
    json) ls "$tmp"/json-set/*.json ;;
  esac
}

# Ir (instructions executed) of one CLI run under callgrind.
instructions() {
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" "$stukwerk" "$@" >/dev/null 2>"$tmp/cg.err" || true
  sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$tmp/cg.out" | head -n 1
}

# The json importer reads stukwerk's own JSON: the oep-xml set converted once.
"$stukwerk" convert $(set_for oep-xml) -t json -o "$tmp/json-set" -q

baseline=$(instructions convert --files-from /dev/null -t json -o "$tmp/zero" -j 1 -q)
printf '%-12s %6s %9s %16s %14s\n' importer inputs documents "instructions" "per document"
for importer in oep-html oep-xml pdf-text tk-syncfeed tk-odata tk-vlos json; do
  files=$(set_for "$importer")
  rm -rf "$tmp/out"
  total=$(instructions convert $files -f "$importer" -t json -o "$tmp/out" -j 1 -q --report "$tmp/report.jsonl")
  documents=$(/usr/bin/python3 -c 'import json,sys; print(sum(len(json.loads(l)["documents"]) for l in open(sys.argv[1])))' \
              "$tmp/report.jsonl")
  inputs=$(echo "$files" | wc -w)
  per=$(( (total - baseline) / documents ))
  printf '%-12s %6d %9d %16d %14d\n' "$importer" "$inputs" "$documents" "$total" "$per"
  if [ -n "$summary" ]; then
    printf '{"callgrind": {"importer": "%s", "inputs": %d, "documents": %d, "instructions": %d, "baseline": %d, "per_document": %d}}\n' \
      "$importer" "$inputs" "$documents" "$total" "$baseline" "$per" >> "$summary"
  fi
done
echo "baseline (convert on zero inputs): $baseline instructions"
