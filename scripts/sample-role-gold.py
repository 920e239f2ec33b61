#!/usr/bin/env python3
"""Draw the postings of the blind role gold set (Corpus/gold/roles-gold.yaml).

Deterministic (fixed seed): the same corpus gives the same draw. Prints identifiers only
(`file<TAB>row`, row empty where the file is one posting), never posting text, so the draw can be
reproduced and checked without copying anything out of ../shared/corpus.

Usage: python3 scripts/sample-role-gold.py [CORPUS_DIR]   (default ../shared/corpus)

Procedure:
  1. Load every posting of the 2023-2026 sets (remotewlb-2024, anthropic-2026, prompt-engineer-2024,
     linkedin-2024/postings.csv, linkedin-teaching-2025, ai-education), in a fixed order (sorted paths,
     file row order).
  2. Skip postings whose description is under 200 characters, and exact duplicates (same title and
     same description, compared as lower-cased words with links and Markdown markup dropped, so a
     repost under a new slug with its own apply link counts as the same; the first in load order is kept).
  3. Proportional-but-capped draw of 170: each set gets 15 plus a share of the other 80 proportional
     to the square root of its size (remotewlb the most), capped at the set's size.
  4. Extra draws among rarer roles: for each title-keyword group (below), draw up to its count among
     postings not yet drawn, from all sets together.
  5. A second, third and fourth round of extra draws (EXTRA_GROUPS_ROUND2, _ROUND3, _ROUND4) for the roles
     still short of examples, each appended after the earlier ones (earlier draws unchanged).
Each step uses its own random.Random(SEED + k), so changing one quota does not reshuffle the others.
"""
import csv
import hashlib
import html.parser
import json
import math
import os
import random
import re
import sys
import xml.etree.ElementTree as ET
import zipfile

SEED = 20261201
BASE_PER_SET = 15
PROPORTIONAL_POOL = 80
MIN_DESCRIPTION_CHARS = 200

# (group name, title regex, how many to draw)
EXTRA_GROUPS = [
    ("generative-ai", r"generative|\bgen ?ai\b|\bllms?\b|prompt|large language", 7),
    ("ai-trainer", r"\bai (trainer|tutor)|model trainer|data trainer|human data|annotat|label(l)?er|rlhf|\brater\b", 7),
    ("ethics-policy-safety", r"ethic|ai policy|policy (manager|analyst|lead)|public policy|safeguard|trust ?(and|&) ?safety"
                             r"|responsible ai|ai governance|\bai safety|safety research", 8),
    ("content", r"content (curator|review|moderat|quality|specialist|annotat|writer|strateg)|curator|moderat|data quality", 4),
    ("nlp", r"\bnlp\b|natural language|linguist|conversational|\bspeech\b", 6),
    ("ai-product-manager", r"(research|\bai\b|\bml\b|genai|generative|llm|model).*product (manager|owner|lead)"
                           r"|product (manager|owner|lead).*(\bai\b|\bml\b|machine learning|genai|generative|llm|model)", 4),
    ("product-manager", r"product (manager|owner)", 3),
    ("design", r"\bux\b|user experience|(product|ux|ui|interaction|visual|conversation|ai) designer|user research|design lead", 6),
    ("research-scientist", r"research (scientist|engineer)|researcher|applied scientist", 6),
]

# Second round (drawn after everything above, so the first draw is unchanged): roles that had fewer than
# about ten postings after the first round. (group name, title regex, how many, sets or None for all)
EXTRA_GROUPS_ROUND2 = [
    ("ai-policy", r"policy manager|ai governance|societal impact|responsible ai|ethic", 6, None),
    ("ai-design", r"designer|design engineer|user research|\bux\b", 3, ["anthropic-2026"]),
    ("nlp-2", r"\bnlp\b|natural language|linguist|conversational ai|\bspeech\b", 4, None),
    ("data-scientist", r"data scien", 6, None),
    ("data-analyst", r"data analyst|business analyst|bi analyst|analytics analyst|product analyst", 4, None),
    ("ml-engineer", r"machine learning engineer|\bml engineer|mlops|ai/ml engineer|deep learning engineer", 5, None),
    ("research-scientist-2", r"research (scientist|engineer)", 4, ["anthropic-2026"]),
    ("product-manager-2", r"product (manager|owner)", 4, None),
    ("designer-2", r"designer|\bux\b|user research", 3, None),
]

# Third round, same rule, after the first 259 were labelled: roles still under about ten primary postings.
EXTRA_GROUPS_ROUND3 = [
    ("ai-trainer-3", r"\bai (trainer|tutor)|model trainer|data trainer|training ai data|human data|annotat|label(l)?er|rlhf|\brater\b", 4, None),
    ("ai-product-manager-3", r"product (manager|owner|lead)", 4, ["anthropic-2026"]),
    ("ai-policy-3", r"policy manager|societal|threat investigator|responsible scaling|security policy", 4, ["anthropic-2026"]),
    ("nlp-3", r"\bnlp\b|natural language|linguist|conversational ai|\bspeech\b", 5, None),
    ("data-engineer", r"data engineer|analytics engineer|\betl\b|data platform|data architect", 6, None),
    ("data-analyst-3", r"data analyst|business analyst|bi analyst|analytics analyst|product analyst", 3, None),
    ("designer-3", r"designer|\bux\b|user research", 3, None),
    ("product-manager-3", r"product (manager|owner)", 3, None),
    ("research-scientist-3", r"research (scientist|engineer)|applied scientist|researcher", 3, None),
    ("data-scientist-3", r"data scien", 2, None),
    ("content-3", r"content (creator|writer|designer|strateg)|prompt.*content|content.*prompt", 3,
     ["anthropic-2026", "prompt-engineer-2024", "ai-education"]),
]

# Fourth round, same rule: roles at 7-9 primary postings after the third round.
EXTRA_GROUPS_ROUND4 = [
    ("data-engineer-4", r"data engineer|analytics engineer|\betl\b|data platform|data architect", 2, None),
    ("data-analyst-4", r"data analyst|business analyst|bi analyst|analytics analyst|product analyst", 2, None),
    ("designer-4", r"(product|ux|ui|visual|interaction|graphic|web) designer|\bux\b|user research", 3, None),
    ("nlp-4", r"\bnlp\b|natural language|linguist|conversational ai", 4, None),
    ("ai-policy-4", r"polic|responsible scaling|threat|societal", 4, ["anthropic-2026"]),
]

SETS = ["remotewlb-2024", "anthropic-2026", "prompt-engineer-2024", "linkedin-2024",
        "linkedin-teaching-2025", "ai-education"]

csv.field_size_limit(1 << 30)


class _TextExtractor(html.parser.HTMLParser):
    BLOCK = {"p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "ul", "ol", "tr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCK:
            self.parts.append("\n- " if tag == "li" else "\n")

    def handle_data(self, data):
        self.parts.append(data)


def html_text(fragment):
    extractor = _TextExtractor()
    extractor.feed(fragment)
    text = "".join(extractor.parts)
    return re.sub(r"\n\s*\n+", "\n", text).strip()


def _posting(set_name, file, row, title, text):
    return {"set": set_name, "file": file, "row": row, "title": (title or "").strip(), "text": text or ""}


def load_remotewlb(corpus):
    root = os.path.join(corpus, "remotewlb-2024", "jobs")
    paths = []
    for dirpath, _, files in os.walk(root):
        if "README.md" in files:
            paths.append(os.path.join(dirpath, "README.md"))
    for path in sorted(paths):
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.read().split("\n")
        m = re.match(r"#\s*\[(.*)\]\(", lines[0]) if lines else None
        title = m.group(1) if m else (lines[0].lstrip("# ") if lines else "")
        body = "\n".join(lines[3:]) if len(lines) > 3 else ""
        yield _posting("remotewlb-2024", os.path.relpath(path, corpus), None, title, body)


def load_anthropic(corpus):
    with open(os.path.join(corpus, "anthropic-2026", "jobs.json"), encoding="utf-8") as f:
        jobs = json.load(f)
    for job in jobs:
        rel = os.path.join("anthropic-2026", "descriptions", f"{job['id']}.html")
        path = os.path.join(corpus, rel)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            text = html_text(f.read())
        yield _posting("anthropic-2026", rel, None, job["title"], text)


def xlsx_rows(path):
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns):
                shared.append("".join(t.text or "" for t in si.iter(f"{{{ns['m']}}}t")))
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    rows = []
    for r in sheet.iter(f"{{{ns['m']}}}row"):
        cells = {}
        for c in r.findall("m:c", ns):
            col = re.match(r"[A-Z]+", c.get("r")).group(0)
            v = c.find("m:v", ns)
            if c.get("t") == "s" and v is not None:
                value = shared[int(v.text)]
            elif c.get("t") == "inlineStr":
                value = "".join(t.text or "" for t in c.iter(f"{{{ns['m']}}}t"))
            else:
                value = v.text if v is not None else ""
            cells[col] = value
        rows.append(cells)
    header = rows[0]
    names = {col: name for col, name in header.items()}
    return [{names.get(col, col): value for col, value in row.items()} for row in rows[1:]]


def load_prompt_engineer(corpus):
    rel = os.path.join("prompt-engineer-2024", "Job_Ad_Data.xlsx")
    for i, row in enumerate(xlsx_rows(os.path.join(corpus, rel)), start=1):
        text = "\n".join(row.get(k, "") or "" for k in ("Responsibilities", "Qualifications", "Description"))
        yield _posting("prompt-engineer-2024", rel, i, row.get("Job_Title", ""), text)


def load_csv(corpus, set_name, rel, title_col, text_cols):
    with open(os.path.join(corpus, rel), newline="", encoding="utf-8", errors="replace") as f:
        for i, row in enumerate(csv.DictReader(f), start=1):
            text = "\n".join(row.get(k, "") or "" for k in text_cols)
            yield _posting(set_name, rel, i, row.get(title_col, ""), text)


def load_all(corpus):
    yield from load_remotewlb(corpus)
    yield from load_anthropic(corpus)
    yield from load_prompt_engineer(corpus)
    yield from load_csv(corpus, "linkedin-2024", "linkedin-2024/postings.csv", "title", ["description"])
    yield from load_csv(corpus, "linkedin-teaching-2025", "linkedin-teaching-2025/linkedin_jobs.csv",
                        "title", ["description"])
    yield from load_csv(corpus, "ai-education", "ai-education/extracted_job_postings.csv", "job_title",
                        ["job_description", "job_qualification"])


def normalized(text):
    """Words only: a repost that differs in its apply link or Markdown markup is the same posting."""
    text = re.sub(r"https?://\S+", " ", text.lower())
    return " ".join(re.findall(r"[^\W_]+", text))


def eligible(corpus):
    seen = set()
    out = []
    for p in load_all(corpus):
        if len(p["text"].strip()) < MIN_DESCRIPTION_CHARS:
            continue
        key = hashlib.sha1((normalized(p["title"]) + "\0" + normalized(p["text"])).encode("utf-8")).hexdigest()
        if key in seen:
            continue
        seen.add(key)
        out.append(p)
    return out


def ident(p):
    return (p["file"], p["row"])


def draw(corpus):
    pool = eligible(corpus)
    by_set = {s: [p for p in pool if p["set"] == s] for s in SETS}
    roots = {s: math.sqrt(len(by_set[s])) for s in SETS}
    total_root = sum(roots.values())
    drawn, taken = [], set()
    counts = {}
    for k, s in enumerate(SETS):
        quota = BASE_PER_SET + round(PROPORTIONAL_POOL * roots[s] / total_root)
        quota = min(quota, len(by_set[s]))
        picks = random.Random(SEED + k).sample(by_set[s], quota)
        for p in picks:
            drawn.append(("proportional", p))
            taken.add(ident(p))
        counts[s] = {"eligible": len(by_set[s]), "proportional": quota, "extra": 0}
    for k, (group, pattern, n) in enumerate(EXTRA_GROUPS, start=100):
        rx = re.compile(pattern, re.I)
        candidates = [p for p in pool if rx.search(p["title"]) and ident(p) not in taken]
        picks = random.Random(SEED + k).sample(candidates, min(n, len(candidates)))
        for p in picks:
            drawn.append((group, p))
            taken.add(ident(p))
            counts[p["set"]]["extra"] += 1
    rounds = list(enumerate(EXTRA_GROUPS_ROUND2, start=200)) + list(enumerate(EXTRA_GROUPS_ROUND3, start=300)) \
        + list(enumerate(EXTRA_GROUPS_ROUND4, start=400))
    for k, (group, pattern, n, sets) in rounds:
        rx = re.compile(pattern, re.I)
        candidates = [p for p in pool if rx.search(p["title"]) and ident(p) not in taken
                      and (sets is None or p["set"] in sets)]
        picks = random.Random(SEED + k).sample(candidates, min(n, len(candidates)))
        for p in picks:
            drawn.append((group, p))
            taken.add(ident(p))
            counts[p["set"]]["extra"] += 1
    return drawn, counts


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus")
    drawn, counts = draw(corpus)
    for group, p in drawn:
        print(f"{p['file']}\t{p['row'] if p['row'] is not None else ''}\t{group}")
    for s, c in counts.items():
        print(f"# {s}: eligible {c['eligible']}, proportional {c['proportional']}, extra {c['extra']}",
              file=sys.stderr)


if __name__ == "__main__":
    main()
