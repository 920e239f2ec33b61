#!/usr/bin/env python3
"""Draw the postings of the second blind gold sets (Corpus/gold/roles-gold-b.yaml, skills-gold-2024-b.yaml).

The first blind sets (roles-gold.yaml, skills-gold-2024.yaml) were used as development sets after their first
measurement; these second sets are drawn for the final figures. Deterministic (fixed seed); prints identifiers
only (`set<TAB>file<TAB>row<TAB>group`), never posting text.

Usage: python3 scripts/sample-gold-b.py roles|skills [CORPUS_DIR]   (default ../shared/corpus)

Procedure (both sets):
  1. Load every posting of the 2023-2026 sets with the loaders of sample-role-gold.py (same order, same
     eligibility: description >= 200 characters, exact duplicates by normalized title + description dropped).
  2. Drop every posting of the earlier gold sets (every Corpus/gold/*.yaml with `file:`/`row:` entries) and
     every posting whose normalized title + description equals one of them (a repost is the same posting).
  3. roles: each set 11 + a share of 80 proportional to sqrt(set size), then extra draws by title keyword for the
     rarer roles among postings not yet drawn; skills: fixed per-set counts. The skills draw excludes the
     roles draw, so the two second sets share no posting.
Each step uses its own random.Random(SEED + k).
"""
import hashlib
import importlib.util
import math
import os
import random
import re
import sys

import yaml

SEED = 20261202
# Each set draws BASE + a share of SHARE proportional to sqrt(set size); sample-gold-c.py raises SHARE.
BASE, SHARE = 11, 80
HERE = os.path.dirname(os.path.abspath(__file__))

spec = importlib.util.spec_from_file_location("rolegold", os.path.join(HERE, "sample-role-gold.py"))
rolegold = importlib.util.module_from_spec(spec)
spec.loader.exec_module(rolegold)

ROLE_EXTRA = [
    ("generative-ai", r"generative|\bgen ?ai\b|\bllms?\b|prompt|large language|\bai engineer", 12),
    ("ai-trainer", r"\bai (trainer|tutor)|model trainer|data trainer|human data|annotat|rlhf|\brater\b|training ai", 8),
    ("ethics-policy", r"ethic|policy|safeguard|responsible ai|governance|\bsafety", 8),
    ("nlp", r"\bnlp\b|natural language|linguist|conversational|\bspeech\b", 6),
    ("product-manager", r"product (manager|owner|lead)", 6),
    ("design", r"\bux\b|user experience|designer|user research", 6),
    ("data", r"data (scientist|analyst|engineer)|analytics engineer", 8),
    ("ml-research", r"machine learning|\bml\b|research (scientist|engineer)|applied scientist", 6),
]
SKILL_COUNTS = {"remotewlb-2024": 66, "anthropic-2026": 18, "linkedin-2024": 14, "linkedin-teaching-2025": 10,
                "prompt-engineer-2024": 10, "ai-education": 8}


def key(p):
    text = rolegold.normalized(p["title"]) + "\0" + rolegold.normalized(p["text"])
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def ident(p):
    return (p["file"], p["row"])


# The letter of this draw (sample-gold-c.py and later set their own). Gold files of this draw and of later ones
# are not "earlier": they were made after it, so reading them would change this draw and it could not be reproduced.
DRAW = "b"


def draw_letter(name):
    """The draw a gold file belongs to: "roles-gold-c.yaml" -> "c"; the first sets, which carry no letter -> "a"."""
    found = re.match(r"(?:roles-gold|skills-gold-2024)-([a-z])\.yaml$", name)
    return found.group(1) if found else "a"


def earlier_gold(gold_dir):
    taken = set()
    for name in sorted(os.listdir(gold_dir)):
        if not name.endswith(".yaml") or draw_letter(name) >= DRAW:
            continue
        data = yaml.safe_load(open(os.path.join(gold_dir, name), encoding="utf-8")) or {}
        for entry in data.get("postings") or []:
            if isinstance(entry, dict) and "file" in entry:
                taken.add((entry["file"], entry.get("row")))
    return taken


def pool(corpus):
    gold = earlier_gold(os.path.join(HERE, "..", "Corpus", "gold"))
    everything = rolegold.eligible(corpus)
    gold_keys = {key(p) for p in everything if ident(p) in gold}
    return [p for p in everything if ident(p) not in gold and key(p) not in gold_keys]


def draw_roles(candidates):
    by_set = {s: [p for p in candidates if p["set"] == s] for s in rolegold.SETS}
    roots = {s: math.sqrt(len(by_set[s])) for s in rolegold.SETS}
    total = sum(roots.values())
    drawn, taken = [], set()
    for k, s in enumerate(rolegold.SETS):
        quota = min(len(by_set[s]), BASE + round(SHARE * roots[s] / total))
        for p in random.Random(SEED + k).sample(by_set[s], quota):
            drawn.append(("proportional", p))
            taken.add(ident(p))
    for k, (group, pattern, n) in enumerate(ROLE_EXTRA, start=100):
        rx = re.compile(pattern, re.I)
        found = [p for p in candidates if rx.search(p["title"]) and ident(p) not in taken]
        for p in random.Random(SEED + k).sample(found, min(n, len(found))):
            drawn.append((group, p))
            taken.add(ident(p))
    return drawn


def draw_skills(candidates, roles_drawn):
    exclude = {ident(p) for _, p in roles_drawn}
    drawn = []
    for k, s in enumerate(rolegold.SETS, start=500):
        members = [p for p in candidates if p["set"] == s and ident(p) not in exclude]
        for p in random.Random(SEED + k).sample(members, min(SKILL_COUNTS[s], len(members))):
            drawn.append(("random", p))
    return drawn


def main():
    which = sys.argv[1] if len(sys.argv) > 1 else "roles"
    corpus = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "..", "..", "shared", "corpus")
    candidates = pool(corpus)
    roles = draw_roles(candidates)
    drawn = roles if which == "roles" else draw_skills(candidates, roles)
    for group, p in drawn:
        print(f"{p['set']}\t{p['file']}\t{p['row'] if p['row'] is not None else ''}\t{group}")
    print(f"# {which}: {len(drawn)} postings from {len(candidates)} candidates", file=sys.stderr)


if __name__ == "__main__":
    main()
