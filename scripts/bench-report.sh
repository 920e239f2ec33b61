#!/usr/bin/env bash
# Times `jobscope report` (release build) on a store built from the whole shared corpus.
#
#   scripts/bench-report.sh [STORE]     # default STORE: out/corpus.sqlite, built with `jobscope analyze ../shared/corpus` if missing
#
# Needs hyperfine (falls back to a plain loop). The target is under 2 seconds per report on ~4,800 postings.
set -euo pipefail
cd "$(dirname "$0")/.."

store="${1:-out/corpus.sqlite}"
swift build -c release --product jobscope >/dev/null
bin=".build/release/jobscope"

if [[ ! -f "$store" ]]; then
  [[ -d ../shared/corpus ]] || { echo "bench-report: ../shared/corpus is absent; pass a store built elsewhere" >&2; exit 1; }
  mkdir -p "$(dirname "$store")"
  echo "building $store from ../shared/corpus (once) ..."
  "$bin" analyze ../shared/corpus --store "$store" --quiet || true
fi

echo "store: $store ($(du -h "$store" | cut -f1))"
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 1 --runs 10 -N \
    "$bin report --store $store" \
    "$bin report --store $store --format json" \
    "$bin report --store $store --format html" \
    "$bin report --store $store --period month --role data-scientist --format markdown"
else
  for format in terminal json html; do
    start=$(date +%s.%N)
    "$bin" report --store "$store" --format "$format" >/dev/null
    end=$(date +%s.%N)
    echo "$format: $(echo "$end - $start" | bc) s"
  done
fi
