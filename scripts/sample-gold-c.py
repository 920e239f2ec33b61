#!/usr/bin/env python3
"""Draw the postings of the third blind gold sets (Corpus/gold/roles-gold-c.yaml, skills-gold-2024-c.yaml).

The second blind sets (roles-gold-b.yaml, skills-gold-2024-b.yaml) became development sets in session 5 once their
errors had been read; these third sets are drawn for the final figures of session 5. The procedure is the one of
sample-gold-b.py (same loaders, eligibility, per-set shares and keyword extras) with its own seed, and every
posting of every earlier gold set, the second sets included, and every repost of one is left out.
Deterministic; prints identifiers only (`set<TAB>file<TAB>row<TAB>group`), never posting text.

Usage: python3 scripts/sample-gold-c.py roles|skills [CORPUS_DIR]   (default ../shared/corpus)
"""
import importlib.util
import os

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("goldb", os.path.join(HERE, "sample-gold-b.py"))
goldb = importlib.util.module_from_spec(spec)
spec.loader.exec_module(goldb)

goldb.SEED = 20261203
# The earlier draws took most of the small sets (1 ai-education and 14 prompt-engineer postings are left), so the
# proportional share is larger and the skill draw takes more of the large sets to keep >= 200 and >= 120 postings.
goldb.SHARE = 100
goldb.SKILL_COUNTS = {"remotewlb-2024": 76, "anthropic-2026": 20, "linkedin-2024": 16, "linkedin-teaching-2025": 12,
                      "prompt-engineer-2024": 4, "ai-education": 1}
goldb.DRAW = "c"

if __name__ == "__main__":
    goldb.main()
