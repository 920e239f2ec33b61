#!/usr/bin/env bash
# Benchmark of the streaming filter: peak memory (RSS, /usr/bin/time -v) and throughput of `jobscope stream`
# on streams of 20,000 and 200,000 JSON lines (the shared corpus's CSV/JSONL sets, repeated; generated on the
# fly, never stored). Flat memory means the two peaks are about the same.
#
#   scripts/bench-stream.sh [JOBSCOPE]     (default: .build/release/jobscope, else .build/debug/jobscope)
#   LINES="20000 200000" JOBS=2 scripts/bench-stream.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jobscope="${1:-}"
if [ -z "$jobscope" ]; then
    for candidate in .build/release/jobscope .build/debug/jobscope; do
        if [ -x "$candidate" ]; then jobscope="$candidate"; break; fi
    done
fi
[ -n "$jobscope" ] || { echo "no jobscope executable: swift build -c release --product jobscope" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install -y time" >&2; exit 2; }
corpus="${JOBSCOPE_CORPUS:-../shared/corpus}"
jobs="${JOBS:-$(nproc)}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 scripts/corpus-to-jsonl.py "$work/one" --corpus "$corpus" 2>/dev/null
echo "jobscope: $jobscope ($(file -b "$jobscope" | cut -d, -f1)); $jobs threads; $(nproc) cores"
for lines in ${LINES:-20000 200000}; do
    # The corpus repeated up to `lines` lines, piped in as it is made (the stream is never stored whole);
    # /usr/bin/time measures jobscope alone.
    python3 -c "import sys
src = open(sys.argv[1], encoding='utf-8').readlines()
write = sys.stdout.write
for i in range(int(sys.argv[2])): write(src[i % len(src)])" "$work/one/postings-00.jsonl" "$lines" \
        | /usr/bin/time -v -o "$work/time.txt" "$jobscope" stream --models Models --jobs "$jobs" > "$work/out.jsonl"
    rss_kb="$(grep 'Maximum resident set size' "$work/time.txt" | awk '{print $NF}')"
    wall="$(grep 'Elapsed (wall clock)' "$work/time.txt" | awk '{print $NF}')"
    records="$(wc -l < "$work/out.jsonl")"
    errors="$(grep -c '^{"error"' "$work/out.jsonl" || true)"
    python3 -c "
w = '$wall'.split(':'); s = sum(float(x) * 60 ** i for i, x in enumerate(reversed(w)))
print(f'{$lines:>8,} lines: {$records:,} records ({$errors} errors) in {s:.1f} s = {$lines / s:,.0f} lines/s; peak RSS {$rss_kb / 1024:.0f} MB')"
done
