#!/usr/bin/env python3
"""Draw the postings of the 2024 skills gold set (Corpus/gold/skills-gold-2024.yaml).

Deterministic: one fixed seed; each set's candidates are listed in a fixed order (path or row order) and
shuffled by its own generator, random.Random("<SEED>:<set>"), so the reserves (--extra) never change the draw. Prints identifiers only
(file, row) in the gold file's terms, never posting text. Candidates: descriptions of at least 200 characters,
exact duplicates (same whitespace-normalized description within a set) kept once (the first in path/row order);
in remotewlb-2024, a repost of an already drawn posting under a new slug (same text but the apply links) is
skipped during the draw, as are an ai-education page saved twice or saved without its posting text, and a
posting of the role gold set (ROLE_GOLD_EXCLUDE).

usage: scripts/sample-skill-gold.py [--corpus ../shared/corpus] [--extra N]
  --extra N  also print the next N postings of each set's draw (reserves, marked "reserve").
"""
import argparse
import csv
import html
import json
import os
import random
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

SEED = 20261201
# Per-set draw sizes: remotewlb-2024 is the main 2024-25 source (about half); the rest share the other half.
DRAW = [
    ("remotewlb-2024", 66),
    ("anthropic-2026", 20),
    ("linkedin-2024", 16),
    ("linkedin-teaching-2025", 12),
    ("prompt-engineer-2024", 10),
    ("ai-education", 8),
]
MIN_CHARS = 200
# The role gold set (Corpus/gold/roles-gold.yaml, drawn separately; frozen at its commit c580eb6): its
# postings among the first 40 of each set's order below, skipped so that the two blind sets do not overlap.
ROLE_GOLD_EXCLUDE = frozenset([
    ("anthropic-2026/descriptions/4858247008.html", None),
    ("anthropic-2026/descriptions/4802076008.html", None),
    ("anthropic-2026/descriptions/4613599008.html", None),
    ("anthropic-2026/descriptions/4985920008.html", None),
    ("anthropic-2026/descriptions/4943668008.html", None),
    ("anthropic-2026/descriptions/4778843008.html", None),
    ("anthropic-2026/descriptions/5074815008.html", None),
    ("anthropic-2026/descriptions/4989228008.html", None),
    ("anthropic-2026/descriptions/4936029008.html", None),
    ("anthropic-2026/descriptions/5070908008.html", None),
    ("anthropic-2026/descriptions/5074933008.html", None),
    ("linkedin-2024/postings.csv", 905),
    ("linkedin-teaching-2025/linkedin_jobs.csv", 424),
    ("linkedin-teaching-2025/linkedin_jobs.csv", 78),
    ("linkedin-teaching-2025/linkedin_jobs.csv", 298),
    ("prompt-engineer-2024/Job_Ad_Data.xlsx", 38),
    ("prompt-engineer-2024/Job_Ad_Data.xlsx", 8),
    ("prompt-engineer-2024/Job_Ad_Data.xlsx", 17),
    ("prompt-engineer-2024/Job_Ad_Data.xlsx", 69),
    ("prompt-engineer-2024/Job_Ad_Data.xlsx", 56),
    ("prompt-engineer-2024/Job_Ad_Data.xlsx", 6),
    ("prompt-engineer-2024/Job_Ad_Data.xlsx", 26),
    ("prompt-engineer-2024/Job_Ad_Data.xlsx", 45),
    ("prompt-engineer-2024/Job_Ad_Data.xlsx", 64),
    ("prompt-engineer-2024/Job_Ad_Data.xlsx", 24),
    ("prompt-engineer-2024/Job_Ad_Data.xlsx", 72),
    ("prompt-engineer-2024/Job_Ad_Data.xlsx", 70),
    ("prompt-engineer-2024/Job_Ad_Data.xlsx", 11),
    ("prompt-engineer-2024/Job_Ad_Data.xlsx", 47),
    ("ai-education/extracted_job_postings.csv", 34),
    ("ai-education/extracted_job_postings.csv", 23),
    ("ai-education/extracted_job_postings.csv", 18),
    ("ai-education/extracted_job_postings.csv", 33),
    ("ai-education/extracted_job_postings.csv", 35),
    ("ai-education/extracted_job_postings.csv", 39),
    ("ai-education/extracted_job_postings.csv", 31),
    ("ai-education/extracted_job_postings.csv", 30),
    ("ai-education/extracted_job_postings.csv", 25),
    ("ai-education/extracted_job_postings.csv", 16),
    ("ai-education/extracted_job_postings.csv", 10),
    ("ai-education/extracted_job_postings.csv", 21),
    ("ai-education/extracted_job_postings.csv", 28),
    ("ai-education/extracted_job_postings.csv", 27),
    ("ai-education/extracted_job_postings.csv", 38),
    ("ai-education/extracted_job_postings.csv", 2),
])

csv.field_size_limit(sys.maxsize)


def norm(text):
    return " ".join(text.split())


def strip_html(fragment):
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def dedupe(candidates):
    """(identifier, description) pairs -> identifiers, short and repeated descriptions dropped."""
    seen, kept = set(), []
    for ident, text in candidates:
        body = norm(text)
        if len(body) < MIN_CHARS or body in seen:
            continue
        seen.add(body)
        kept.append(ident)
    return kept


def remotewlb(root):
    base = os.path.join(root, "remotewlb-2024")
    paths = []
    for dirpath, _, files in os.walk(os.path.join(base, "jobs")):
        if "README.md" in files:
            paths.append(os.path.relpath(os.path.join(dirpath, "README.md"), root))
    paths.sort()
    out = []
    for rel in paths:
        with open(os.path.join(root, rel), encoding="utf-8", errors="replace") as f:
            lines = f.read().split("\n")
        out.append(((rel, None), "\n".join(lines[3:])))  # lines 1-3: title, company, salary/location
    return dedupe(out)


PAGE_FURNITURE = re.compile(r"^\s*(\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d{2}.*|\d+ of \d+\b.*|.*https?://\S+.*)$")


def repost_key(root, ident):
    """A key equal for reposts of one posting, checked during the draw (None: no check).

    remotewlb-2024: the text without the board's own apply links, which carry the slug (a repost under a new
    slug has the same key). ai-education: the saved page's text without its print furniture (capture date
    and time headers, "n of m" page counters, lines with a URL, the board's trailing "Similar jobs" list), so two captures of one posting meet; a
    capture with under 200 characters left has no posting text and is skipped ("")."""
    rel, row = ident
    if rel.startswith("ai-education/"):
        with open(os.path.join(root, rel), newline="", encoding="utf-8", errors="replace") as f:
            rows = list(csv.DictReader(f))
        text = rows[row - 1].get("job_description") or ""
        text = re.split(r"\n\s*Similar jobs\s*\n", text)[0]  # the job board's list of other postings
        lines = text.split("\n")
        body = norm("\n".join(l for l in lines if not PAGE_FURNITURE.match(l)))
        return body if len(body) >= MIN_CHARS else ""
    if not rel.startswith("remotewlb-2024/"):
        return None
    with open(os.path.join(root, rel), encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    return norm("\n".join(l for l in lines[3:] if "remotewlb.com/apply/" not in l))


def anthropic(root):
    base = os.path.join(root, "anthropic-2026")
    with open(os.path.join(base, "jobs.json"), encoding="utf-8") as f:
        jobs = json.load(f)
    out = []
    for job in sorted(jobs, key=lambda j: str(j["id"])):
        rel = "anthropic-2026/descriptions/%s.html" % job["id"]
        path = os.path.join(root, rel)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            out.append(((rel, None), strip_html(f.read())))
    return dedupe(out)


def csv_set(root, rel, column):
    with open(os.path.join(root, rel), newline="", encoding="utf-8", errors="replace") as f:
        reader = csv.DictReader(f)
        out = [((rel, i), row.get(column) or "") for i, row in enumerate(reader, start=1)]
    return dedupe(out)


def xlsx_rows(path):
    """Data rows (header excluded) of the first sheet as {column letter: text}, with 1-based data row numbers."""
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns):
                shared.append("".join(t.text or "" for t in si.iter("{%s}t" % ns["m"])))
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.iter("{%s}row" % ns["m"]):
        cells = {}
        for c in row.findall("m:c", ns):
            col = re.match(r"[A-Z]+", c.get("r")).group(0)
            v = c.find("m:v", ns)
            inline = c.find("m:is", ns)
            if c.get("t") == "s" and v is not None:
                cells[col] = shared[int(v.text)]
            elif inline is not None:
                cells[col] = "".join(t.text or "" for t in inline.iter("{%s}t" % ns["m"]))
            elif v is not None:
                cells[col] = v.text or ""
        rows.append((int(row.get("r")), cells))
    header = rows[0][1]
    names = {col: name for col, name in header.items()}
    return [(r - 1, {names.get(col, col): text for col, text in cells.items()}) for r, cells in rows[1:]]


def prompt_engineer(root):
    rel = "prompt-engineer-2024/Job_Ad_Data.xlsx"
    out = []
    for n, row in xlsx_rows(os.path.join(root, rel)):
        text = "\n".join(row.get(k, "") for k in ("Responsibilities", "Qualifications", "Description"))
        out.append(((rel, n), text))
    return dedupe(out)


def candidates(root, name):
    if name == "remotewlb-2024":
        return remotewlb(root)
    if name == "anthropic-2026":
        return anthropic(root)
    if name == "linkedin-2024":
        return csv_set(root, "linkedin-2024/postings.csv", "description")
    if name == "linkedin-teaching-2025":
        return csv_set(root, "linkedin-teaching-2025/linkedin_jobs.csv", "description")
    if name == "prompt-engineer-2024":
        return prompt_engineer(root)
    if name == "ai-education":
        return csv_set(root, "ai-education/extracted_job_postings.csv", "job_description")
    raise ValueError(name)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=os.path.join(here, "..", "..", "shared", "corpus"))
    parser.add_argument("--extra", type=int, default=0)
    args = parser.parse_args()
    for name, size in DRAW:
        pool = candidates(args.corpus, name)
        order = list(pool)
        random.Random("%d:%s" % (SEED, name)).shuffle(order)
        # Reposts under a new slug differ only in the apply links; skip one when its original was drawn.
        seen, picked = set(), []
        for ident in order:
            if ident in ROLE_GOLD_EXCLUDE:
                print("# %s: skipped (in the role gold set) %s %s" % (name, ident[0], ident[1] or ""), file=sys.stderr)
                continue
            key = repost_key(args.corpus, ident)
            if key == "":
                print("# %s: skipped (no posting text) %s %s" % (name, ident[0], ident[1] or ""), file=sys.stderr)
                continue
            if key is not None and key in seen:
                print("# %s: skipped repost %s %s" % (name, ident[0], ident[1] or ""), file=sys.stderr)
                continue
            if key is not None:
                seen.add(key)
            picked.append(ident)
            if len(picked) == size + args.extra:
                break
        order = picked
        print("# %s: %d candidates, %d drawn" % (name, len(pool), size), file=sys.stderr)
        for k, (rel, row) in enumerate(order):
            tag = "" if k < size else "\treserve"
            print(rel if row is None else "%s\t%d" % (rel, row), end=tag + "\n")


if __name__ == "__main__":
    main()
