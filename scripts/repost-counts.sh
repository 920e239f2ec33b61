#!/usr/bin/env bash
# Counts exact duplicates and near-duplicate reposts in each data set of the shared corpus: each folder of
# ../shared/corpus is analyzed on its own into a scratch store, and the run's summary is tabulated.
#
#   scripts/repost-counts.sh [--build debug|release]     (default: the release build, built if missing)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
CONFIG=release
[ "${1:-}" = "--build" ] && CONFIG=$2
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
echo "reposts = distinct postings within 3 of 64 SimHash bits of an earlier one at the same company;"
echo "counted = what trend reports count (distinct minus reposts)."
