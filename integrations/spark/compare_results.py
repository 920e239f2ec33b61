#!/usr/bin/env python3
"""Checks that Spark's result lines equal a single-process `jobscope stream` run, record for record and in
order: every field alike except `sources` (Spark's pipe numbers lines within a partition and names the source
"spark"), and error records alike except their line number.

    compare_results.py SINGLE.jsonl SPARK_OUTPUT_DIR
"""

import json
import os
import sys


def spark_lines(folder):
    names = sorted(n for n in os.listdir(folder) if n.startswith("part-") and not n.endswith(".crc"))
    for name in names:
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for line in f:
                yield line.rstrip("\n")


def comparable(line):
    record = json.loads(line)
    record.pop("sources", None)
    record.pop("line", None)
    if "error" in record:
        # The message names the stream and line ("-:12: ..."); keep only the reason.
        record["error"] = record["error"].split(": ", 1)[-1]
    return record


def main(single_path, folder):
    with open(single_path, encoding="utf-8") as f:
        single = [line.rstrip("\n") for line in f]
    spark = list(spark_lines(folder))
    if len(single) != len(spark):
        print(f"FAIL: {len(single)} single-process records, {len(spark)} Spark records")
        return 1
    differing = [i for i, (a, b) in enumerate(zip(single, spark)) if comparable(a) != comparable(b)]
    errors = sum(1 for line in single if '"error"' in line[:10])
    if differing:
        i = differing[0]
        print(f"FAIL: {len(differing)} of {len(single)} records differ; first at record {i + 1}:\n"
              f"  single: {single[i][:300]}\n  spark:  {spark[i][:300]}")
        return 1
    print(f"ok: {len(single)} records equal, in order ({errors} error records among them)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
