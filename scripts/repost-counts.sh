#!/usr/bin/env bash
# Counts exact duplicates and near-duplicate reposts in each data set of the shared corpus: each folder of
# ../shared/corpus is analyzed on its own into a scratch store, and the run's summary is tabulated.
#
#   scripts/repost-counts.sh [--build debug|release] [--histogram]   (default: the release build, built if missing)
#
# --histogram: also analyze the whole corpus into one store and print the evidence for the repost rule
# (scripts/near-duplicate-histogram.py: SimHash distances of same-company pairs by same or other title, and
# the links stored); Documentation/near-duplicates.md quotes it.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
CONFIG=release
HISTOGRAM=0
while [ $# -gt 0 ]; do
  case "$1" in
    --build) CONFIG=$2; shift 2 ;;
    --histogram) HISTOGRAM=1; shift ;;
    *) echo "usage: $0 [--build debug|release] [--histogram]" >&2; exit 64 ;;
  esac
done
BIN=$ROOT/.build/$CONFIG/jobscope
[ -x "$BIN" ] || (cd "$ROOT" && swift build -c "$CONFIG" 2>&1 | tail -1)
MODELS=${JOBSCOPE_MODELS:-$ROOT/Models}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

printf "%-22s %9s %9s %11s %8s %9s\n" "data set" "postings" "distinct" "duplicates" "reposts" "counted"
for dir in "$SHARED"/corpus/*/; do
  name=$(basename "$dir")
  [ "$name" = onet ] && continue  # reference tables, not postings
  "$BIN" analyze "$dir" --store "$WORK/$name.sqlite" --models "$MODELS" --quiet > "$WORK/$name.out" 2>/dev/null || true
  awk -v name="$name" '
    /postings\/s/ { for (i = 1; i <= NF; i++) if ($i == "postings,") { seen = $(i-1); gsub(",", "", seen) } }
    $1 == "new" { gsub(",", "", $2); new = $2 }
    $1 == "reposts" { gsub(",", "", $2); reposts = $2 }
    $1 == "duplicates" { gsub(",", "", $2); dups = $2 }
    END { printf "%-22s %9d %9d %11d %8d %9d\n", name, seen, new + reposts, dups, reposts, new }
  ' "$WORK/$name.out"
done
echo "distinct = stored postings; duplicates = exact copies (same title, company and body) seen again;"
echo "reposts = distinct postings within 3 of 64 SimHash bits of an earlier one at the same company, with a"
echo "          near-same title (TitleKey: Jaccard >= 0.75 once seniority, workplace and location words are left out);"
echo "counted = what trend reports count (distinct minus reposts)."

if [ "$HISTOGRAM" = 1 ]; then
  "$BIN" analyze "$SHARED/corpus" --store "$WORK/corpus.sqlite" --models "$MODELS" --quiet > /dev/null 2>&1 || true
  python3 "$ROOT/scripts/near-duplicate-histogram.py" "$WORK/corpus.sqlite"
fi
