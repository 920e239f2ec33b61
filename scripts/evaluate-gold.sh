#!/usr/bin/env bash
# Every person-read figure in one run: the role gold sets (development and blind test), the skill gold sets
# (development, blind test, and the 2018-2020 held-out set), and the blind LinkedIn title sample.
#   scripts/evaluate-gold.sh            # release build; needs ../shared/corpus beside the repository
# The blind test sets of session 10 (roles-gold-h.yaml, skills-gold-2024-h.yaml) were annotated while the changes
# were tuned on the development sets (roles-gold.yaml, -b to -g, skills-gold-2024.yaml, -b to -g; the -b to -g sets
# were the test sets of sessions 4 to 9) and out of their sight; see their headers.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d ../shared/corpus ] || { echo "evaluate-gold: ../shared/corpus not found (the shared folder must sit beside the repo)" >&2; exit 2; }
swift build -c release --product jobscope >&2
BIN=.build/release/jobscope
for set in roles-gold roles-gold-b roles-gold-c roles-gold-d roles-gold-e roles-gold-f roles-gold-g roles-gold-h; do
  echo "### roles: Corpus/gold/$set.yaml"
  $BIN evaluate --gold "Corpus/gold/$set.yaml"
  echo
done
for set in skills-gold-2024 skills-gold-2024-b skills-gold-2024-c skills-gold-2024-d skills-gold-2024-e skills-gold-2024-f skills-gold-2024-g skills-gold-2024-h; do
  echo "### skills: Corpus/gold/$set.yaml"
  $BIN evaluate-skills --gold "Corpus/gold/$set.yaml" | sed -n '1,/^micro (all skills)/p;/^Strict/,/^micro (all skills)/p' | awk '!seen[$0]++'
  echo
done
echo "### skills: the 2018-2020 held-out set, judged with the taxonomy it was annotated against"
$BIN evaluate-skills --gold Corpus/gold/skills-heldout.yaml --judge-with Corpus/gold/annotation-taxonomy-2026.11.1.yaml | sed -n '1,/^micro (all skills)/p'
echo
echo "### titles: Corpus/gold/linkedin-titles-b.yaml"
python3 scripts/score-title-sample.py "$BIN"
