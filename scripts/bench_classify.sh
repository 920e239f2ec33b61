#!/usr/bin/env bash
# Wall time of `jobscope classify` on one generated HTML posting: process start, loading the taxonomy and the
# role model, reading the page, skills, attributes, classification and printing. Target: < 100 ms (release).
# Run twice: with Models/ as committed (the compact role-model.bin) and with a copy of Models/ without it (the
# JSON and YAML sources decoded on every start, as before the archive existed), so both figures come from one run.
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
page="$(find "$work/pages" -name "*.html" | sort | head -1)"
mkdir "$work/sources-only"
cp "$root/Models/taxonomy.yaml" "$root/Models/role-model.json" "$work/sources-only/"
echo "page: $(basename "$page") ($(wc -c <"$page") bytes); role-model.json $(wc -c <"$root/Models/role-model.json") bytes, role-model.bin $(wc -c <"$root/Models/role-model.bin" 2>/dev/null || echo 0) bytes"
cd "$root"
hyperfine -N --warmup 3 --runs 30 --export-json "$work/result.json" \
  -n "archive: classify" "$bin classify '$page'" \
  -n "archive: classify --format json" "$bin classify --format json '$page'" \
  -n "sources only: classify" "$bin classify --models '$work/sources-only' '$page'"
python3 - "$work/result.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"{r['command'][:40]}: mean {r['mean']*1000:.1f} ms, median {r['median']*1000:.1f} ms, max {r['max']*1000:.1f} ms")
PY
