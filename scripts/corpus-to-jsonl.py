#!/usr/bin/env python3
"""Writes the shared corpus's CSV and JSONL posting sets as JSON lines (one posting object a line, the CSV
header names as keys), for the streaming filter's benchmark and the Spark test. The output goes where it is
told (a temporary folder): posting text never enters the repository.

    scripts/corpus-to-jsonl.py OUT_DIR [--corpus ../shared/corpus] [--files 4] [--lines N]

--files splits the postings over that many files (postings-00.jsonl, ...), in corpus order; --lines repeats
the corpus (in the same order) until that many lines are written.
"""

import argparse
import csv
import json
import os
import sys

SETS = [
    "glassdoor-2020/glassdoor_jobs.csv",
    "linkedin-indeed-2018/DataScientist.csv",
    "linkedin-indeed-2018/DataAnalyst.csv",
    "linkedin-2024/postings.csv",
    "linkedin-ml-2020/job_data.jsonl",
]


def postings(corpus):
    for name in SETS:
        path = os.path.join(corpus, name)
        if not os.path.exists(path):
            continue
        if name.endswith(".jsonl"):
            with open(path, encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        yield json.loads(line)
        else:
            csv.field_size_limit(1 << 24)
            with open(path, encoding="utf-8", newline="") as f:
                for row in csv.DictReader(f):
                    yield {k: v for k, v in row.items() if k is not None}


def main(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--corpus", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus"))
    parser.add_argument("--files", type=int, default=1)
    parser.add_argument("--lines", type=int, default=0)
    args = parser.parse_args(argv)
    lines = [json.dumps(p, ensure_ascii=False, sort_keys=True) for p in postings(args.corpus)]
    if not lines:
        print(f"no corpus postings under {args.corpus}", file=sys.stderr)
        return 2
    total = args.lines or len(lines)
    os.makedirs(args.out, exist_ok=True)
    per_file = -(-total // args.files)
    written = 0
    for n in range(args.files):
        with open(os.path.join(args.out, f"postings-{n:02d}.jsonl"), "w", encoding="utf-8") as f:
            for _ in range(min(per_file, total - written)):
                f.write(lines[written % len(lines)] + "\n")
                written += 1
    print(f"{written} postings in {args.files} file(s) under {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
