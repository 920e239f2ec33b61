#!/usr/bin/env bash
# The main job on the bundled examples: set up, build, analyze Examples/ into a store, print the trend report.
# Extra arguments go to `jobscope report` (e.g. --format html --output report.html).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
store="${JOBSCOPE_STORE:-jobscope.sqlite}"
swift build --product jobscope
.build/debug/jobscope analyze Examples --store "$store"
.build/debug/jobscope report --store "$store" "$@"
