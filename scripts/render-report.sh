#!/usr/bin/env bash
# Renders an HTML report to a PNG screenshot with headless Chromium, to check it as a reader sees it.
#
#   scripts/render-report.sh                      # jobscope report --format html on ./jobscope.sqlite → out/report.png
#   scripts/render-report.sh report.html out.png  # screenshot an existing page
#
# WIDTH and HEIGHT set the window (default 1100×7000: tall enough for a whole report; the rest stays blank).
# Needs `chromium` (Debian's package) or `chromium-browser`/`google-chrome` on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

html="${1:-}"
png="${2:-out/report.png}"
width="${WIDTH:-1100}"
height="${HEIGHT:-7000}"

if [[ -z "$html" ]]; then
  mkdir -p out
  html="out/report.html"
  swift run -c "${CONFIGURATION:-debug}" jobscope report --format html --output "$html" "${@:3}"
fi
[[ -f "$html" ]] || { echo "render-report: no such file: $html" >&2; exit 1; }

browser=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then browser="$candidate"; break; fi
done
[[ -n "$browser" ]] || { echo "render-report: no Chromium found; install Debian's 'chromium' package" >&2; exit 1; }

mkdir -p "$(dirname "$png")"
abs_html="$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
abs_png="$(cd "$(dirname "$png")" && pwd)/$(basename "$png")"
# A throwaway profile keeps the run from touching (or waiting on) the user's browser profile.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
  --window-size="$width,$height" --screenshot="$abs_png" "file://$abs_html" >/dev/null 2>&1
echo "wrote $png ($width×$height) from $html"
