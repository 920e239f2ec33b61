#!/usr/bin/env bash
# Fuzzes the readers (and through the HTML reader, the C page parser) with mutated posting files of every
# format, and checks that JobScope never crashes, never hangs, and names the file in every error line.
#
#   scripts/fuzz.sh                       FUZZ_COUNT=3000 inputs (default), batches of FUZZ_BATCH=100
#   FUZZ_COUNT=300 scripts/fuzz.sh        the smaller run .ci/run makes
#
# Settings (environment): FUZZ_COUNT, FUZZ_BATCH, FUZZ_SEED (default 1), FUZZ_TIMEOUT (seconds per input when a
# batch is rerun one file at a time, default 20), FUZZ_FORMATS (default "html txt md csv tsv json jsonl xlsx":
# a format is fuzzed when seed files of it exist), FUZZ_ANALYZE (1: also run `analyze` on every batch into a
# scratch store, default 1), FUZZ_HOSTILE (1: each batch folder also holds a FIFO, a ../sub link loop, two
# links back to the folder and a link out of it, default 1), JOBSCOPE_BIN (default .build/debug/jobscope, built when missing),
# FUZZ_KEEP (a folder where failing inputs are copied; default: a temporary folder, printed).
#
# Each batch is one `jobscope extract DIR --format jsonl` (and one `analyze DIR`), with a time limit of
# 2 s per input (at least 60 s). A batch that crashes, hangs or exits with a status other than 0 or 1 is
# run again one input at a time (each with FUZZ_TIMEOUT) to name the input. Every line on stderr must be an
# error or warning naming an input of the batch, or the run's summary line. Exit 1 when anything failed.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
COUNT=${FUZZ_COUNT:-3000}
BATCH=${FUZZ_BATCH:-100}
SEED=${FUZZ_SEED:-1}
PER_INPUT=${FUZZ_TIMEOUT:-20}
FORMATS=${FUZZ_FORMATS:-"html txt md csv tsv json jsonl xlsx"}
ANALYZE=${FUZZ_ANALYZE:-1}
HOSTILE=${FUZZ_HOSTILE:-1}
BIN=${JOBSCOPE_BIN:-$ROOT/.build/debug/jobscope}
MODELS=${JOBSCOPE_MODELS:-$ROOT/Models}
[ -x "$BIN" ] || (cd "$ROOT" && swift build 2>&1 | tail -1)
WORK=$(mktemp -d)
KEEP=${FUZZ_KEEP:-$(mktemp -d)}
trap 'rm -rf "$WORK"' EXIT

# Seeds: the repository's own fixtures and examples (written for it), by extension.
SPECS=()
USED=()
for fmt in $FORMATS; do
  n=0
  while IFS= read -r -d '' file; do
    SPECS+=(--format "$fmt:$file"); n=$((n + 1))
  done < <(find "$ROOT/Tests/JobScopeTests/Fixtures" "$ROOT/Examples" -type f -name "*.$fmt" -size -200k -print0 2>/dev/null)
  if [ "$n" -gt 0 ]; then USED+=("$fmt($n seeds)"); else echo "fuzz: no seed files for .$fmt: not fuzzed"; fi
done
echo "fuzz: $COUNT inputs in batches of $BATCH, seed $SEED, formats: ${USED[*]}"

crashes=0; hangs=0; unnamed=0; badstatus=0; inputs=0; batches=0
declare -A STATUS
start=$(date +%s)

# Checks one command's stderr: every line names a file of the batch, or is a summary line.
check_lines() {  # $1 stderr file, $2 batch dir, $3 label
  local bad
  bad=$(grep -v -e "^\(error\|warning\): $2/" -e "^jobscope: $2/" -e "^read [0-9]* posting" -e "^note: read [0-9]* posting" \
                -e "^\(error\|warning\): .*[0-9]* postings left the store" "$1" | head -3)
  if [ -n "$bad" ]; then
    unnamed=$((unnamed + 1))
    echo "fuzz: UNNAMED error line in $3:"; echo "$bad" | sed 's/^/    /' | cut -c1-300
    mkdir -p "$KEEP/unnamed"; cp -r "$2" "$KEEP/unnamed/" 2>/dev/null
  fi
}

# Runs each input of a failed batch alone to name the one that crashes or hangs.
bisect() {  # $1 batch dir, $2 command label
  for file in "$1"/* "$1"/sub/*; do
    if [ "$2" = extract ]; then
      timeout -k 5 "$PER_INPUT" "$BIN" extract "$file" --format jsonl > /dev/null 2> "$WORK/one.err"
    else
      rm -f "$WORK/one.sqlite"*
      timeout -k 5 "$PER_INPUT" "$BIN" analyze "$file" --store "$WORK/one.sqlite" --models "$MODELS" --quiet \
        > /dev/null 2> "$WORK/one.err"
    fi
    status=$?
    if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
      hangs=$((hangs + 1)); echo "fuzz: HANG ($2, over ${PER_INPUT} s): $file"; cp "$file" "$KEEP/"
    elif [ "$status" -gt 1 ]; then
      crashes=$((crashes + 1)); echo "fuzz: CRASH ($2, status $status): $file"; tail -2 "$WORK/one.err" | cut -c1-300
      cp "$file" "$KEEP/"
    fi
  done
}

n=0
while [ "$n" -lt "$COUNT" ]; do
  size=$(( COUNT - n < BATCH ? COUNT - n : BATCH ))
  dir="$WORK/batch-$n"
  python3 "$ROOT/scripts/fuzz-mutate.py" --out "$dir" --count "$size" --seed "$SEED" --start "$n" "${SPECS[@]}" || exit 2
  if [ "$HOSTILE" = 1 ]; then
    # What a hostile folder holds besides bad bytes: a FIFO, a link loop, two links to the root, a link out.
    mkfifo "$dir/pipe-$n.jsonl"; mkdir "$dir/sub"; ln -s ../sub "$dir/sub/again"; ln -s .. "$dir/sub/up"
    ln -s "$dir" "$dir/sub/root"; ln -s /etc/hostname "$dir/outside-$n.txt"
  fi
  limit=$(( size * 2 > 60 ? size * 2 : 60 ))
  timeout -k 5 "$limit" "$BIN" extract "$dir" --format jsonl > "$WORK/out.jsonl" 2> "$WORK/extract.err"
  status=$?
  STATUS["extract $status"]=$(( ${STATUS["extract $status"]:-0} + 1 ))
  if [ "$status" -gt 1 ]; then
    badstatus=$((badstatus + 1)); echo "fuzz: extract on batch $n ended with status $status; rerunning its inputs one by one"
    bisect "$dir" extract
  else
    check_lines "$WORK/extract.err" "$dir" "extract batch $n"
    # What was printed is JSON Lines, one posting a line.
    python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]' "$WORK/out.jsonl" \
      || { unnamed=$((unnamed + 1)); echo "fuzz: extract batch $n printed a line that is not JSON"; }
  fi
  if [ "$ANALYZE" = 1 ]; then
    rm -f "$WORK/store.sqlite"*
    timeout -k 5 "$((limit * 2))" "$BIN" analyze "$dir" --store "$WORK/store.sqlite" --models "$MODELS" --quiet \
      > /dev/null 2> "$WORK/analyze.err"
    status=$?
    STATUS["analyze $status"]=$(( ${STATUS["analyze $status"]:-0} + 1 ))
    if [ "$status" -gt 1 ]; then
      badstatus=$((badstatus + 1)); echo "fuzz: analyze on batch $n ended with status $status; rerunning its inputs one by one"
      bisect "$dir" analyze
    else
      check_lines "$WORK/analyze.err" "$dir" "analyze batch $n"
      ok=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])' \
             "$WORK/store.sqlite" 2>&1)
      [ "$ok" = ok ] || { crashes=$((crashes + 1)); echo "fuzz: store after analyze batch $n: $ok"; }
    fi
  fi
  rm -rf "$dir"
  n=$((n + size)); inputs=$((inputs + size)); batches=$((batches + 1))
done

elapsed=$(( $(date +%s) - start ))
echo "fuzz: $inputs inputs in $batches batches, $elapsed s: $crashes crashes, $hangs hangs, $unnamed unnamed error lines," \
     "$badstatus batches with a bad exit status"
for key in "${!STATUS[@]}"; do echo "  $key: ${STATUS[$key]} batches"; done | sort
if [ $((crashes + hangs + unnamed + badstatus)) -gt 0 ]; then
  echo "fuzz: failing inputs kept in $KEEP"
  exit 1
fi
rmdir "$KEEP" 2>/dev/null || true
