#!/usr/bin/env python3
"""Draw the postings of the eighth blind gold sets (Corpus/gold/roles-gold-h.yaml, skills-gold-2024-h.yaml).

The seventh blind sets (roles-gold-g.yaml, skills-gold-2024-g.yaml) became development sets at the end of session 9
once their errors had been read; these eighth sets are drawn for the figures of session 10, before any tuning of the
session began. The procedure is the fifth draw's, run by sample-gold-e.py itself (the loaders, eligibility, per-set
shares and keyword extras of sample-gold-b.py, then sample-gold-d.py's second keyword round), with its own seed and
draw letter, so every posting of every earlier gold set (draws a to g) and every repost of one is left out.
Deterministic; prints identifiers only (`set<TAB>file<TAB>row<TAB>group`), never posting text.

Usage: python3 scripts/sample-gold-h.py roles|skills [CORPUS_DIR]   (default ../shared/corpus)
"""
import importlib.util
import os

HERE = os.path.dirname(os.path.abspath(__file__))

spec = importlib.util.spec_from_file_location("golde", os.path.join(HERE, "sample-gold-e.py"))
golde = importlib.util.module_from_spec(spec)
spec.loader.exec_module(golde)

golde.goldb.SEED = 20261202
golde.goldb.DRAW = "h"

if __name__ == "__main__":
    golde.main()
