#!/usr/bin/env bash
# Wall time of `jobscope classify` on one generated HTML posting: process start, loading the taxonomy and the
# role model, reading the page, skills, attributes, classification and printing. Target: < 100 ms (release).
#
#   scripts/bench_classify.sh            # builds release if needed, 3 warm-ups, 30 runs with hyperfine
#
# The page comes from ../shared/bench/make_postings.py (a real description in job-board chrome) and is
# written to a temporary folder, never into the repository.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="$root/../shared"
[ -d "$shared/bench" ] || { echo "bench_classify: $shared/bench not found (the shared folder must sit beside the repo)" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "bench_classify: hyperfine is not installed" >&2; exit 2; }
bin="$root/.build/release/jobscope"
[ -x "$bin" ] || (cd "$root" && swift build -c release >/dev/null)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$shared/bench/make_postings.py" "$work/pages" --count 5 --seed 7 >/dev/null
page="$(ls "$work/pages"/*.html | head -1)"
echo "page: $(basename "$page") ($(wc -c <"$page") bytes); model: $(wc -c <"$root/Models/role-model.json") bytes"
cd "$root"
hyperfine --warmup 3 --runs 30 --export-json "$work/result.json" "$bin classify '$page'" "$bin classify --format json '$page'"
python3 - "$work/result.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"{r['command'].split('/')[-1][:60]}: mean {r['mean']*1000:.1f} ms, median {r['median']*1000:.1f} ms, max {r['max']*1000:.1f} ms")
PY
