#!/usr/bin/env python3
"""The evidence for near-duplicate (repost) linking, from stores `jobscope analyze` wrote: a histogram of the
SimHash distances between the bodies of postings of the same company, split by whether their titles are the
same (lowercased, spaces collapsed), and the repost links each store holds, with how many join different titles.

  near-duplicate-histogram.py STORE [STORE ...]      (e.g. a store by the old rule, then one by the new rule)

Postings without a company are one group, as the store compares them (company key "").
"""
import sqlite3
import sys
from collections import Counter, defaultdict

BUCKETS = [(0, 0), (1, 1), (2, 2), (3, 3), (4, 6), (7, 10), (11, 15), (16, 20), (21, 32), (33, 64)]


def title_key(title):
    return " ".join((title or "").lower().split())


def histogram(path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    groups = defaultdict(list)
    for company, simhash, title in db.execute(
            "SELECT company_key, simhash, title FROM postings WHERE simhash IS NOT NULL"):
        groups[company].append((simhash & 0xFFFFFFFFFFFFFFFF, title_key(title)))
    same, different = Counter(), Counter()
    pairs = 0
    for company, members in groups.items():
        for i in range(len(members)):
            a, ta = members[i]
            for j in range(i + 1, len(members)):
                b, tb = members[j]
                d = bin(a ^ b).count("1")
                (same if ta == tb else different)[d] += 1
                pairs += 1
    links = db.execute("""
        SELECT COUNT(*), COALESCE(SUM(lower(trim(p.title)) != lower(trim(o.title))), 0)
        FROM postings p JOIN postings o ON o.id = p.repost_of""").fetchone()
    postings = db.execute("SELECT COUNT(*) FROM postings").fetchone()[0]
    return pairs, same, different, links, postings, len(groups)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for path in sys.argv[1:]:
        pairs, same, different, (linked, linked_different), postings, groups = histogram(path)
        print(f"{path}: {postings} postings, {groups} companies, {pairs} same-company pairs")
        print(f"  {'distance':>10} {'same title':>11} {'other title':>12}")
        for lo, hi in BUCKETS:
            label = str(lo) if lo == hi else f"{lo}-{hi}"
            s = sum(same[d] for d in range(lo, hi + 1))
            o = sum(different[d] for d in range(lo, hi + 1))
            print(f"  {label:>10} {s:>11} {o:>12}")
        near = sum(different[d] for d in range(0, 4))
        print(f"  pairs within 3 bits with other titles: {near}")
        print(f"  repost links stored: {linked}, of which between different titles: {linked_different}")


if __name__ == "__main__":
    main()
