#!/usr/bin/env bash
# Skill and attribute extraction over the whole shared corpus, release build.
# Prints postings per second for extraction alone (SkillMatcher + AttributeExtractor, one core), and the
# wall time of the whole command (reading included) measured with hyperfine when it is installed.
#   scripts/bench-extract.sh [CORPUS_DIR]     (default: ../shared/corpus beside the repository)
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS="${1:-../shared/corpus}"
if [ ! -d "$CORPUS" ]; then
  echo "bench-extract: corpus folder $CORPUS not found (clone the repo with shared/ beside it)" >&2
  exit 1
fi
swift build -c release --product jobscope >&2
BIN=.build/release/jobscope
FILES=$(find "$CORPUS" -type f \( -name '*.csv' -o -name '*.jsonl' \) -not -path '*/onet/*' | sort)
echo "files:"; echo "$FILES" | sed 's/^/  /'
for run in 1 2 3; do
  # shellcheck disable=SC2086
  $BIN skills $FILES --format none 2>/dev/null
done
if command -v hyperfine >/dev/null; then
  # shellcheck disable=SC2086
  hyperfine --warmup 1 --runs 5 "$BIN skills $FILES --format none"
fi
