#!/usr/bin/env bash
# Runs integrations/spark/jobscope_spark.py in Spark local mode on a few thousand postings (the shared corpus's
# CSV/JSONL sets as JSON lines, in a temporary folder, plus two bad lines) and checks its results equal one
# `jobscope stream` process's, record for record. Prints both runs' wall time and throughput.
#
#   integrations/spark/test_spark.sh            (JOBSCOPE=path/to/jobscope, SPARK_MASTER=local[2] to override)
# Exit: 0 equal; 1 different or failed; 0 with "SKIP:" when Java, PySpark or the shared corpus is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"

if ! command -v java >/dev/null 2>&1; then echo "SKIP: Spark test: no Java on this machine (Spark needs Java 17)"; exit 0; fi
if ! python3 -c "import pyspark" 2>/dev/null; then echo "SKIP: Spark test: PySpark is not installed (pip install pyspark)"; exit 0; fi
corpus="${JOBSCOPE_CORPUS:-$root/../shared/corpus}"
if [ ! -d "$corpus" ]; then echo "SKIP: Spark test: no shared corpus at $corpus"; exit 0; fi

jobscope="${JOBSCOPE:-}"
if [ -z "$jobscope" ]; then
    for candidate in .build/release/jobscope .build/debug/jobscope; do
        if [ -x "$candidate" ]; then jobscope="$root/$candidate"; break; fi
    done
fi
if [ -z "$jobscope" ]; then swift build --product jobscope 2>&1 | tail -1; jobscope="$root/.build/debug/jobscope"; fi
master="${SPARK_MASTER:-local[2]}"
cores="$(nproc)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 scripts/corpus-to-jsonl.py "$work/in" --corpus "$corpus" --files 4
# Two bad lines: a broken object and a line with neither title nor description; each must give an error record.
printf '%s\n' '{"title": "Data Scientist", ' '{"salary": "$120K"}' >> "$work/in/postings-01.jsonl"
lines="$(cat "$work"/in/*.jsonl | wc -l)"

seconds() { python3 -c 'import time; print(time.monotonic())'; }
start="$(seconds)"
cat "$work"/in/postings-*.jsonl | "$jobscope" stream --models "$root/Models" --jobs "$cores" > "$work/single.jsonl"
single_elapsed="$(python3 -c "print(round($(seconds) - $start, 1))")"

start="$(seconds)"
python3 integrations/spark/jobscope_spark.py "$work/in" "$work/out" --master "$master" \
    --jobscope "$jobscope" --models "$root/Models" --partitions 4 2> "$work/spark.log" || { tail -30 "$work/spark.log"; exit 1; }
spark_elapsed="$(python3 -c "print(round($(seconds) - $start, 1))")"
grep '^jobscope_spark:' "$work/spark.log" || true

python3 -c "
l = $lines
print(f'single process ({\"$cores\"} threads): {l} lines in $single_elapsed s ({l / $single_elapsed:.0f} lines/s)')
print(f'Spark $master, 4 partitions (with JVM start-up): {l} lines in $spark_elapsed s ({l / $spark_elapsed:.0f} lines/s)')"
python3 integrations/spark/compare_results.py "$work/single.jsonl" "$work/out"
