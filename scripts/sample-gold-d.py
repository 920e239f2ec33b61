#!/usr/bin/env python3
"""Draw the postings of the fourth blind gold sets (Corpus/gold/roles-gold-d.yaml, skills-gold-2024-d.yaml).

The third blind sets (roles-gold-c.yaml, skills-gold-2024-c.yaml) became development sets at the end of session 5
once their errors had been read; these fourth sets are drawn for the figures of session 6. The procedure is the one
of sample-gold-b.py (same loaders, eligibility, per-set shares and keyword extras) with its own seed, and every
posting of every earlier gold set, the third sets included, and every repost of one is left out.
Deterministic; prints identifiers only (`set<TAB>file<TAB>row<TAB>group`), never posting text.

Usage: python3 scripts/sample-gold-d.py roles|skills [CORPUS_DIR]   (default ../shared/corpus)
"""
import importlib.util
import os

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("goldb", os.path.join(HERE, "sample-gold-b.py"))
goldb = importlib.util.module_from_spec(spec)
spec.loader.exec_module(goldb)

goldb.SEED = 20261204
# Three earlier draws took nearly all of the small sets (ai-education and prompt-engineer-2024 are almost used up),
# so the proportional share stays large and the skill draw takes its postings from the large sets.
goldb.SHARE = 110
goldb.SKILL_COUNTS = {"remotewlb-2024": 78, "anthropic-2026": 20, "linkedin-2024": 16, "linkedin-teaching-2025": 12,
                      "prompt-engineer-2024": 2, "ai-education": 1}
goldb.NOT_EARLIER = ("roles-gold-d", "skills-gold-2024-d")

if __name__ == "__main__":
    goldb.main()
