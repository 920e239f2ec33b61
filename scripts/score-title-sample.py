#!/usr/bin/env python3
"""Score the title parser on the blind hand-labelled LinkedIn title sample (Corpus/gold/linkedin-titles-b.yaml).

Usage: python3 scripts/score-title-sample.py [JOBSCOPE_BINARY]   (default .build/release/jobscope)

Writes the sample's titles to a temporary CSV (outside the repository), runs `jobscope titles` on all of them,
and compares each parse with the label read by hand from the title alone: a labelled title is right when the
parser gives that role (or Other); an `unclear` title is right when the parser gives one of its candidates or
stays undecided. Prints accuracy over the decided titles, the confusions, and the undecided count.
"""
import collections, csv, json, os, subprocess, sys, tempfile
import yaml

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, ".build", "release", "jobscope")
gold = yaml.safe_load(open(os.path.join(root, "Corpus", "gold", "linkedin-titles-b.yaml"), encoding="utf-8"))["titles"]
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "titles.csv")
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["title"])
        for t in gold:
            w.writerow([t["title"]])
    out = os.path.join(tmp, "parses.jsonl")
    subprocess.run([binary, "titles", path, "--models", os.path.join(root, "Models"), "--sample", str(len(gold)),
                    "--sample-output", out], check=True, stdout=subprocess.DEVNULL)
    parses = {}
    for line in open(out, encoding="utf-8"):
        p = json.loads(line)
        parses[p["title"]] = p.get("roleID") if p["outcome"] == "role" else p["outcome"]

right = wrong = undecided = unclear_right = unclear_total = 0
confusions = collections.Counter()
for t in gold:
    got = parses.get(t["title"], "missing")
    if "unclear" in t:
        unclear_total += 1
        unclear_right += got in t["unclear"] or got == "undecided"
        continue
    if got == "undecided":
        undecided += 1
        confusions[(t["label"], "undecided")] += 1
    elif got == t["label"]:
        right += 1
    else:
        wrong += 1
        confusions[(t["label"], got)] += 1
decided = right + wrong
print(f"{len(gold)} titles: {len(gold) - unclear_total} labelled by hand, {unclear_total} unclear from the title alone")
print(f"labelled titles: {right} of {decided} decided right ({100 * right / max(decided, 1):.1f}%), {undecided} undecided")
print(f"unclear titles: {unclear_right} of {unclear_total} answered with a candidate or left undecided")
for (g, p), n in confusions.most_common():
    print(f"  gold {g} -> parser {p}: {n}")
