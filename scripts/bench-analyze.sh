#!/usr/bin/env bash
# Benchmarks `jobscope analyze` (release build) against the Python peer in ../shared/bench on the same input,
# in the same run, and prints postings/s, peak memory (/usr/bin/time -v) and the ratios.
#
#   scripts/bench-analyze.sh [--count N] [--jobs N] [--runs N] [--only remote|corpus|generated]
#
# Inputs: (a) the remote-jobs board folder as published (../shared/corpus/remotewlb-2024: 18,574 distinct
# Markdown postings, every file named README.md; the peer reads them too, through its plain-text branch: title
# from line 1, the whole file as text), (b) the whole shared corpus (../shared/corpus, the board included),
# (c) N generated HTML pages with JSON-LD (default 50,000; made once with ../shared/bench/make_postings.py, not
# committed; 93% of them repeat one of ~3,500 descriptions).
# Goals (issue 15): at least 5x the peer's postings/s on the board, 8x on the generated pages; peak memory under
# 150 MB on each. JOBSCOPE_BIN=path runs that binary instead of building (to time another commit's build).
# Both sides are timed by wall clock over the whole process (start-up and model loading included), each run
# --runs times (default 3, each JobScope run into a new store) with the median reported, after one untimed read of
# every input file so neither side pays for disk reads the other does not. The machines are shared and noisy:
# quote the ratio, not the absolute figures.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
COUNT=50000
JOBS=$(nproc)
RUNS=3
ONLY=""
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT=$2; shift 2 ;;
    --jobs) JOBS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done
BENCH_DIR=${BENCH_DIR:-/tmp/jobscope-bench}
GEN=${GEN:-/tmp/gen$((COUNT / 1000))k}
PEER_MODEL=$BENCH_DIR/peer-model.joblib
mkdir -p "$BENCH_DIR"

[ -d "$SHARED/corpus" ] || { echo "no shared corpus at $SHARED/corpus (set SHARED=...)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }

if [ -z "${JOBSCOPE_BIN:-}" ]; then
  echo "== building release"
  (cd "$ROOT" && swift build -c release 2>&1 | tail -1)
fi
BIN=${JOBSCOPE_BIN:-$ROOT/.build/release/jobscope}
MODELS=${JOBSCOPE_MODELS:-$ROOT/Models}
[ -f "$MODELS/role-model.json" ] || { echo "no trained model in $MODELS (run jobscope train, or set JOBSCOPE_MODELS)" >&2; exit 2; }

if [ ! -f "$PEER_MODEL" ]; then
  echo "== training the peer"
  python3 "$SHARED/bench/peer_pipeline.py" train --model "$PEER_MODEL"
fi
if { [ -z "$ONLY" ] || [ "$ONLY" = generated ]; } && [ "$(find "$GEN" -name '*.html' 2>/dev/null | wc -l)" -lt "$COUNT" ]; then
  echo "== generating $COUNT pages into $GEN"
  rm -rf "$GEN"
  python3 "$SHARED/bench/make_postings.py" "$GEN" --count "$COUNT"
fi

# Peak resident set (MB) and wall seconds from a /usr/bin/time -v report.
peak_mb() { awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$1"; }
cpu_pct() { awk -F': ' '/Percent of CPU/ { gsub("%", "", $2); print $2 }' "$1"; }
wall_s() {
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$1"
}

bench() {
  local label=$1 input=$2 store=$BENCH_DIR/$1.sqlite
  echo "== $label: reading every file of $input once (page cache), untimed"
  find "$input" -type f -exec cat {} + > /dev/null
  local ours_times=() ours_mbs=() ours_cpus=() peer_times=() peer_mbs=() peer_cpus=() ours_n="" peer_n="" run
  for run in $(seq 1 "$RUNS"); do
    rm -f "$store" "$store-wal" "$store-shm"
    echo "== $label run $run/$RUNS: jobscope analyze $input"
    /usr/bin/time -v "$BIN" analyze "$input" --store "$store" --models "$MODELS" --jobs "$JOBS" --quiet \
      > "$BENCH_DIR/$label.out" 2> "$BENCH_DIR/$label.time" || true
    [ "$run" = 1 ] && grep -v '^error:' "$BENCH_DIR/$label.out" | sed 's/^/   /'
    ours_n=$(awk '/postings\/s/ { for (i = 1; i <= NF; i++) if ($i == "postings,") { gsub(",", "", $(i-1)); print $(i-1) } }' "$BENCH_DIR/$label.out")
    ours_times+=("$(wall_s "$BENCH_DIR/$label.time")"); ours_mbs+=("$(peak_mb "$BENCH_DIR/$label.time")")
    ours_cpus+=("$(cpu_pct "$BENCH_DIR/$label.time")")
    echo "   $(wall_s "$BENCH_DIR/$label.time") s, peak $(peak_mb "$BENCH_DIR/$label.time") MB, CPU $(cpu_pct "$BENCH_DIR/$label.time")%"

    echo "== $label run $run/$RUNS: peer_pipeline.py analyze $input"
    /usr/bin/time -v python3 "$SHARED/bench/peer_pipeline.py" analyze "$input" --model "$PEER_MODEL" \
      --jobs "$JOBS" --out "$BENCH_DIR/$label.peer.jsonl" > "$BENCH_DIR/$label.peer.out" 2> "$BENCH_DIR/$label.peer.time"
    sed 's/^/   /' "$BENCH_DIR/$label.peer.out"
    peer_n=$(awk '/^peer:/ { print $2 }' "$BENCH_DIR/$label.peer.out")
    peer_times+=("$(wall_s "$BENCH_DIR/$label.peer.time")"); peer_mbs+=("$(peak_mb "$BENCH_DIR/$label.peer.time")")
    peer_cpus+=("$(cpu_pct "$BENCH_DIR/$label.peer.time")")
  done

  echo "== $label: jobscope analyze again on the last store (incremental: nothing new)"
  /usr/bin/time -v "$BIN" analyze "$input" --store "$store" --models "$MODELS" --jobs "$JOBS" --quiet \
    > "$BENCH_DIR/$label.rerun.out" 2> "$BENCH_DIR/$label.rerun.time" || true
  local rerun_s; rerun_s=$(wall_s "$BENCH_DIR/$label.rerun.time")

  python3 - "$label" "$ours_n" "$peer_n" "$rerun_s" "${ours_times[*]}" "${ours_mbs[*]}" "${peer_times[*]}" "${peer_mbs[*]}" \
    "${ours_cpus[*]}" "${peer_cpus[*]}" <<'EOF'
import statistics, sys
label, on, pn, rr = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
ot, om, pt, pm, oc, pc = ([float(x) for x in a.split()] for a in sys.argv[5:11])
os_, ps = statistics.median(ot), statistics.median(pt)
ours, peer = on / os_, pn / ps
print(f"-- {label} (median of {len(ot)} runs each; all runs: jobscope {ot} s, peer {pt} s)")
print(f"   jobscope: {on:>7,} postings in {os_:7.2f} s = {ours:8,.0f} postings/s, peak {max(om):6.1f} MB, CPU {statistics.median(oc):.0f}%")
print(f"   peer:     {pn:>7,} postings in {ps:7.2f} s = {peer:8,.0f} postings/s, peak {max(pm):6.1f} MB (parent process), CPU {statistics.median(pc):.0f}%")
print(f"   ratio:    {ours / peer:.1f}x the peer's postings/s ; memory {max(om) / max(pm):.2f}x the peer's")
print(f"   re-run on the same store (nothing new): {rr:.2f} s")
EOF
}

echo "machine: $(nproc) cores; jobs $JOBS; $(date -u +%Y-%m-%dT%H:%MZ)"
if [ -z "$ONLY" ] || [ "$ONLY" = remote ]; then bench remote-board "$SHARED/corpus/remotewlb-2024"; fi
if [ -z "$ONLY" ] || [ "$ONLY" = corpus ]; then bench corpus "$SHARED/corpus"; fi
if [ -z "$ONLY" ] || [ "$ONLY" = generated ]; then bench "generated-$COUNT" "$GEN"; fi
