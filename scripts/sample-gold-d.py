#!/usr/bin/env python3
"""Draw the postings of the fourth blind gold sets (Corpus/gold/roles-gold-d.yaml, skills-gold-2024-d.yaml).

The third blind sets (roles-gold-c.yaml, skills-gold-2024-c.yaml) became development sets at the end of session 5
once their errors had been read; these fourth sets are drawn for the figures of session 6. The procedure is the one
of sample-gold-b.py (same loaders, eligibility, per-set shares and keyword extras) with its own seed, and every
posting of every earlier gold set, the third sets included, and every repost of one is left out.
Deterministic; prints identifiers only (`set<TAB>file<TAB>row<TAB>group`), never posting text.

Usage: python3 scripts/sample-gold-d.py roles|skills|roles-extra [CORPUS_DIR]   (default ../shared/corpus)

`roles-extra` is a second round of keyword draws, appended to the role set after the first round had been read
(it leaves the first round unchanged): the first round held only 9 Generative AI Engineers and 5 Machine Learning
Engineers by reading, too few to score. It draws among postings in neither first-round list.
"""
import importlib.util
import os
import random
import re
import sys

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
goldb.DRAW = "d"

ROLE_EXTRA_2 = [
    ("generative-ai-2", r"generative|\bgen ?ai\b|\bllms?\b|large language|\bai engineer|\bagents?\b|\brag\b", 16),
    ("ml-engineer-2", r"machine learning engineer|\bml engineer|\bmlops\b|ml platform|ml infrastructure", 10),
    ("data-scientist-2", r"data scientist", 6),
    ("data-analyst-2", r"data analyst|analytics engineer|business intelligence", 5),
]


def draw_keyword_round(candidates, taken, seed):
    """The second keyword round (ROLE_EXTRA_2) among candidates not in `taken` (which it extends), with `seed`."""
    drawn = []
    for k, (group, pattern, n) in enumerate(ROLE_EXTRA_2, start=700):
        rx = re.compile(pattern, re.I)
        found = [p for p in candidates if rx.search(p["title"]) and goldb.ident(p) not in taken]
        for p in random.Random(seed + k).sample(found, min(n, len(found))):
            drawn.append((group, p))
            taken.add(goldb.ident(p))
    return drawn


def draw_roles_extra(corpus):
    candidates = goldb.pool(corpus)
    roles = goldb.draw_roles(candidates)
    skills = goldb.draw_skills(candidates, roles)
    taken = {goldb.ident(p) for _, p in roles + skills}
    return draw_keyword_round(candidates, taken, goldb.SEED)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "roles-extra":
        corpus = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "..", "..", "shared", "corpus")
        for group, p in draw_roles_extra(corpus):
            print(f"{p['set']}\t{p['file']}\t{p['row'] if p['row'] is not None else ''}\t{group}")
    else:
        goldb.main()
