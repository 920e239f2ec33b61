#!/usr/bin/env python3
"""Draw the postings of the eighth blind gold sets (Corpus/gold/roles-gold-h.yaml, skills-gold-2024-h.yaml).

The seventh blind sets (roles-gold-g.yaml, skills-gold-2024-g.yaml) became development sets at the end of session 9
once their errors had been read; these eighth sets are drawn for the figures of session 10, before any tuning of the
session began. The procedure is the fifth draw's, run by sample-gold-e.py itself (the loaders, eligibility, per-set
shares and keyword extras of sample-gold-b.py, then sample-gold-d.py's second keyword round), with its own seed and
draw letter, so every posting of every earlier gold set (draws a to g) and every repost of one is left out.
Deterministic; prints identifiers only (`set<TAB>file<TAB>row<TAB>group`), never posting text.

Usage: python3 scripts/sample-gold-h.py roles|skills|roles-genai [CORPUS_DIR]   (default ../shared/corpus)

roles-genai: a supplementary draw for the roles set. The first two labelled halves of the roles draw held only two
postings whose primary role a reader judged Generative AI Engineer, too few to score that role (the issue scores
roles with >= 10 postings), so this third keyword round draws GENAI_EXTRA more postings whose title names generative
AI, LLMs, prompts, AI agents or an "AI engineer", among candidates in neither the roles nor the skills draw. It was
added and committed after the roles draw was labelled and before any classifier was run on either.
"""
import importlib.util
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

spec = importlib.util.spec_from_file_location("golde", os.path.join(HERE, "sample-gold-e.py"))
golde = importlib.util.module_from_spec(spec)
spec.loader.exec_module(golde)

golde.goldb.SEED = 20261202
golde.goldb.DRAW = "h"

GENAI_PATTERN = (r"generative|\bgen ?ai\b|genai|\bllms?\b|large language|prompt|\bai engineer|\bai agents?\b"
                 r"|\bagentic\b|\brag\b|\bapplied ai\b")
GENAI_EXTRA = 40


def draw_genai(corpus):
    """The supplementary generative-AI round: GENAI_EXTRA titles matching GENAI_PATTERN outside both h draws."""
    goldb = golde.goldb
    candidates = goldb.pool(corpus)
    roles = golde.draw_roles(candidates)
    skills = goldb.draw_skills(candidates, roles)
    taken = {goldb.ident(p) for _, p in roles + skills}
    rx = re.compile(GENAI_PATTERN, re.I)
    found = [p for p in candidates if rx.search(p["title"]) and goldb.ident(p) not in taken]
    print(f"# roles-genai: {min(GENAI_EXTRA, len(found))} of {len(found)} matching titles", file=sys.stderr)
    return random.Random(goldb.SEED + 900).sample(found, min(GENAI_EXTRA, len(found)))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "roles-genai":
        corpus = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "..", "..", "shared", "corpus")
        for p in draw_genai(corpus):
            print(f"{p['set']}\t{p['file']}\t{p['row'] if p['row'] is not None else ''}\tgenerative-ai-3")
    else:
        golde.main()
