#!/usr/bin/env bash
# Ingestion throughput: MB/s and postings/s of `jobscope extract --format none` (release build) on the shared
# corpus and on generated HTML pages, beside the time `xmllint --html --noout` takes on the same pages.
# Wall time and CPU time (user+sys) are both shown: on a shared machine the CPU time is the steadier figure.
# Then each format on its own (Markdown, Excel, CSV, JSON lines, JSON, HTML, Hacker News posts), on one core.
# usage: scripts/bench-ingest.sh [PAGES (default 2000)]
#   FORMATS_ONLY=1 scripts/bench-ingest.sh   only the per-format part (what one core reads of each format)
#   BASELINE_BIN=path scripts/bench-ingest.sh  each per-format figure also for that binary, measured right before
#                                             (before/after in the same run, on the same inputs)
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-2000}
shared=../shared
[[ -d $shared/corpus ]] || { echo "no $shared/corpus beside the repo; nothing to measure" >&2; exit 1; }
gen=${TMPDIR:-/tmp}/jobscope-bench-pages-$pages

# JOBSCOPE_BIN=path measures that binary instead of building (to time another commit's build).
if [[ -z ${JOBSCOPE_BIN:-} ]]; then
  echo "== release build"
  swift build -c release --product jobscope 2>&1 | tail -1
fi
bin=${JOBSCOPE_BIN:-$(swift build -c release --show-bin-path)/jobscope}

if [[ ! -d $gen ]] || [[ $(find "$gen" -name '*.html' | wc -l) -ne $pages ]]; then
  rm -rf "$gen"
  python3 "$shared/bench/make_postings.py" "$gen" --count "$pages" >/dev/null
fi
megabytes() { du -sb --apparent-size "$1" | awk '{printf "%.1f", $1 / 1e6}'; }

# A command's output, then "CPU user sys" in seconds to the microsecond (from getrusage; /usr/bin/time's
# hundredths made a set read in 0.03 s jump between 43 and 65 MB/s).
timed() {
  python3 -c 'import resource, subprocess, sys
before = resource.getrusage(resource.RUSAGE_CHILDREN)  # not zero: what the shell ran before is carried over
out = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.decode()
after = resource.getrusage(resource.RUSAGE_CHILDREN)
print(out, end="" if out.endswith("\n") or not out else "\n")
print("CPU %.6f %.6f" % (after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime))' "$@"
}

# Best of three runs (the least disturbed), as: wall s, cpu s, postings, MB. With STARTUP_CPU set (the
# start-up probe's cpu s for the same binary), also MB per cpu-second net of start-up: what the reading costs.
measure() {
  local best="" best_cpu=999999
  for _ in 1 2 3; do
    local out cpu
    out=$(timed "$@" --format none)
    cpu=$(awk '/^CPU/{print $2+$3}' <<<"$out")
    if awk -v a="$cpu" -v b="$best_cpu" 'BEGIN{exit !(a<b)}'; then best_cpu=$cpu; best=$out; fi
  done
  local line; line=$(grep '^read' <<<"$best")
  local wall postings mb
  wall=$(sed -E 's/.* in ([0-9.]+) s.*/\1/' <<<"$line")
  postings=$(sed -E 's/^read ([0-9]+) posting.*/\1/' <<<"$line")
  mb=$(sed -E 's/.*, ([0-9.]+) MB in.*/\1/' <<<"$line")
  awk -v w="$wall" -v c="$best_cpu" -v p="$postings" -v m="$mb" -v s="${STARTUP_CPU:-}" 'BEGIN{
    printf "%d postings, %.1f MB: wall %.2f s (%.1f MB/s, %.0f postings/s); cpu %.3f s (%.1f MB/cpu-s, %.0f postings/cpu-s)",
      p, m, w, m/w, p/w, c, m/c, p/c
    if (s != "" && c > s) printf "; net of start-up %.1f MB/cpu-s", m/(c-s)
    printf "\n" }'
}

cores=$(nproc)
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $cores cores"
if [[ -z ${FORMATS_ONLY:-} ]]; then
  echo
  echo "== shared corpus ($(megabytes $shared/corpus) MB on disk)"
  echo "jobscope, $cores jobs: $(measure "$bin" extract "$shared/corpus")"
  echo "jobscope, 1 job:  $(measure "$bin" extract "$shared/corpus" --jobs 1)"

  echo
  echo "== $pages generated HTML pages ($(megabytes "$gen") MB)"
  echo "jobscope, $cores jobs: $(measure "$bin" extract "$gen")"
  echo "jobscope, 1 job:  $(measure "$bin" extract "$gen" --jobs 1)"
fi

# Per format, one job (what one core reads): a set of the shared corpus in that format, or for the small
# workbook 40 copies of it. JSON is the AI lab's jobs.json; its MB count the description files it joins (4.1 MB
# of HTML beside its 0.1 MB), since reading them is most of the work (before 15's reader rewrite they did not).
# JSON lines: the 1.3 MB export ten times over in one file (13 MB; `extract` reads every copy, nothing is
# dropped): read once, it took about as long as starting the process, so its figure measured start-up.
# Every line also gives the figure net of start-up (the probe's cpu subtracted), the reading's own cost.
echo
echo "== per format, 1 job"
work=${TMPDIR:-/tmp}/jobscope-bench-formats
rm -rf "$work" && mkdir -p "$work/xlsx"
for i in $(seq 1 40); do cp "$shared/corpus/prompt-engineer-2024/Job_Ad_Data.xlsx" "$work/xlsx/ads-$i.xlsx"; done
# Hacker News posts: no such set is in the shared corpus, so 5,000 made-up ones (all ASCII, the fast case).
python3 scripts/make-hn-posts.py "$work/hn.jsonl" 5000
for _ in $(seq 1 10); do cat "$shared/corpus/linkedin-ml-2020/job_data.jsonl"; done >"$work/jsonl-10x.jsonl"
declare -A inputs=(
  [markdown]="$shared/corpus/remotewlb-2024"
  [xlsx]="$work/xlsx"
  [csv]="$shared/corpus/linkedin-2024/postings.csv $shared/corpus/glassdoor-2020/glassdoor_jobs.csv"
  [jsonl]="$work/jsonl-10x.jsonl"
  [json]="$shared/corpus/anthropic-2026/jobs.json"
  [html]="$gen"
  [hn]="$work/hn.jsonl"
)
# What every figure below includes besides the reading: starting the process and reading one tiny posting.
echo '{"title": "Start-up probe", "description": "One line."}' >"$work/one.jsonl"
startup() {
  local best=999999
  for _ in 1 2 3; do
    local cpu
    cpu=$(timed "$1" extract "$work/one.jsonl" --jobs 1 --format none | awk '/^CPU/{print $2+$3}')
    if awk -v a="$cpu" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$cpu; fi
  done
  echo "$best"
}
baseline_startup=""
if [[ -n ${BASELINE_BIN:-} ]]; then
  baseline_startup=$(startup "$BASELINE_BIN")
  echo "start-up, one posting (baseline): cpu $baseline_startup s"
fi
own_startup=$(startup "$bin")
echo "start-up, one posting: cpu $own_startup s (inside every figure below; subtracted in the net figure)"
for format in markdown xlsx csv jsonl json html hn; do
  if [[ -n ${BASELINE_BIN:-} ]]; then
    # shellcheck disable=SC2086
    echo "$format (baseline): $(STARTUP_CPU=$baseline_startup measure "$BASELINE_BIN" extract ${inputs[$format]} --jobs 1)"
  fi
  # shellcheck disable=SC2086
  echo "$format: $(STARTUP_CPU=$own_startup measure "$bin" extract ${inputs[$format]} --jobs 1)"
done
rm -rf "$work"
[[ -n ${FORMATS_ONLY:-} ]] && exit 0

if ! command -v xmllint >/dev/null; then
  echo "xmllint missing (apt-get install -y libxml2-utils); skipping the comparison"
  exit 0
fi
out=$( { /usr/bin/time -f "CPU %e %U %S" sh -c "find '$gen' -name '*.html' -print0 | xargs -0 xmllint --html --noout 2>/dev/null || true" ; } 2>&1 | grep '^CPU')
awk -v n="$pages" -v m="$(megabytes "$gen")" '{w=$2; c=$3+$4;
  printf "xmllint --html --noout (parse only, no text/JSON-LD): wall %.2f s (%.0f pages/s); cpu %.2f s (%.1f MB/cpu-s, %.0f pages/cpu-s)\n", w, n/w, c, m/c, n/c}' <<<"$out"
