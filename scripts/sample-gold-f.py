#!/usr/bin/env python3
"""Draw the postings of the sixth blind gold sets (Corpus/gold/roles-gold-f.yaml, skills-gold-2024-f.yaml).

The fifth blind sets (roles-gold-e.yaml, skills-gold-2024-e.yaml) became development sets at the end of session 7
once their errors had been read; these sixth sets are drawn for the figures of session 8, before any tuning of the
session began. The procedure is the fifth draw's (sample-gold-e.py: the loaders, eligibility, per-set shares and
keyword extras of sample-gold-b.py, then sample-gold-d.py's second keyword round) with its own seed; every posting
of every earlier gold set (draws a to e) and every repost of one is left out. Deterministic; prints identifiers
only (`set<TAB>file<TAB>row<TAB>group`), never posting text.

Usage: python3 scripts/sample-gold-f.py roles|skills [CORPUS_DIR]   (default ../shared/corpus)
"""
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name, file):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, file))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


goldb = load("goldb", "sample-gold-b.py")
goldd = load("goldd", "sample-gold-d.py")

goldb.SEED = 20261212
goldb.SHARE = 110
goldb.SKILL_COUNTS = dict(goldd.goldb.SKILL_COUNTS)
goldb.DRAW = "f"


def draw_roles(candidates):
    drawn = goldb.draw_roles(candidates)
    taken = {goldb.ident(p) for _, p in drawn}
    return drawn + goldd.draw_keyword_round(candidates, taken, goldb.SEED)


def main():
    which = sys.argv[1] if len(sys.argv) > 1 else "roles"
    corpus = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "..", "..", "shared", "corpus")
    candidates = goldb.pool(corpus)
    roles = draw_roles(candidates)
    drawn = roles if which == "roles" else goldb.draw_skills(candidates, roles)
    for group, p in drawn:
        print(f"{p['set']}\t{p['file']}\t{p['row'] if p['row'] is not None else ''}\t{group}")
    print(f"# {which}: {len(drawn)} postings from {len(candidates)} candidates", file=sys.stderr)


if __name__ == "__main__":
    main()
