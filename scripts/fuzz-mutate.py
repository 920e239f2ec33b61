#!/usr/bin/env python3
"""Writes mutated posting files for scripts/fuzz.sh: seeds of each format, changed the ways hostile or broken
exports change (bytes flipped, cut short, spliced, tokens of the format inserted, nesting deepened, entities,
encodings broken). Deterministic for a given --seed. Only the bytes of seed files written for this repository's
tests and examples are used.

  fuzz-mutate.py --out DIR --count N --seed S --format FMT:SEEDFILE [--format FMT:SEEDFILE ...]
"""
import argparse
import os
import random

TOKENS = {
    "html": [b"<", b">", b"</div>", b"<script type=\"application/ld+json\">", b"</script>", b"<!--", b"-->",
             b"<![CDATA[", b"]]>", b"&amp;", b"&#x0;", b"&#99999999;", b"&nbsp;", b"<!DOCTYPE x [<!ENTITY a \"aaaa\">]>",
             b"&a;", b"<meta charset=\"utf-16\">", b"<meta charset=\"x-bogus\">", b"itemprop=\"title\"",
             b"itemscope itemtype=\"http://schema.org/JobPosting\"", b"\"@type\":\"JobPosting\"", b"<table><tr><td>",
             b"<?xml version=\"1.0\"?>", b"\x00", b"\xef\xbb\xbf"],
    "json": [b"{", b"}", b"[", b"]", b"\"", b"\\", b"\\u0000", b"\\ud800", b":", b",", b"null", b"1e999",
             b"-0", b"\"title\":", b"\"description\":", b"\"@graph\":[", b"\xff\xfe", b"\x00"],
    "csv": [b",", b"\"", b"\"\"", b"\r\n", b"\n", b"\r", b"\t", b"=HYPERLINK(\"x\")", b"\xff", b"\x00",
            b"title,description\n", b"\xef\xbb\xbf"],
    "text": [b"\n", b"\r", b"\r\n", b"#", b"## Requirements\n", b"- ", b"* ", b"```", b"\x1b[2J", b"\x00",
             b"\xc3", b"\xe2\x80", b"Title: ", b"Company: ", b"\xf0\x9f\x98"],
}
TOKENS["jsonl"] = TOKENS["json"] + [b"\n", b"\r\n"]
TOKENS["tsv"] = TOKENS["csv"] + [b"\t\t"]
TOKENS["md"] = TOKENS["text"] + [b"<div>", b"[link](", b"|", b"---\n", b"title: "]
TOKENS["txt"] = TOKENS["text"]
TOKENS["xlsx"] = [b"PK\x03\x04", b"<row>", b"<c t=\"s\">", b"<v>", b"\x00", b"</sheetData>"]


def mutate(data, tokens, rng, others):
    data = bytearray(data)
    for _ in range(rng.choice([1, 1, 2, 3, 5, 8])):
        op = rng.randrange(10)
        if not data:
            data += rng.choice(tokens)
            continue
        at = rng.randrange(len(data) + 1)
        if op == 0:  # flip bits
            for _ in range(rng.randint(1, 8)):
                i = rng.randrange(len(data))
                data[i] ^= 1 << rng.randrange(8)
        elif op == 1:  # random bytes
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        elif op == 2:  # a token of the format
            data[at:at] = rng.choice(tokens)
        elif op == 3:  # cut short
            del data[at:]
        elif op == 4:  # delete a span
            del data[at:at + rng.randint(1, 64)]
        elif op == 5:  # repeat a span (long lines, many records)
            span = data[at:at + rng.randint(1, 200)]
            data[at:at] = span * rng.randint(2, 50)
        elif op == 6:  # splice with another seed
            other = rng.choice(others)
            j = rng.randrange(len(other) + 1)
            data[at:] = other[j:]
        elif op == 7:  # deep nesting
            opener, closer = rng.choice([(b"[", b"]"), (b"{\"a\":", b"}"), (b"<div>", b"</div>"), (b"> ", b"")])
            depth = rng.choice([10, 100, 1000, 5000])
            data[at:at] = opener * depth + closer * rng.choice([0, depth])
        elif op == 8:  # a huge token
            data[at:at] = rng.choice(tokens) * rng.randint(100, 3000)
        else:  # swap two spans
            j = rng.randrange(len(data))
            a, b = sorted((at, j))
            if b - a > 2:
                mid = (a + b) // 2
                data[a:b] = data[mid:b] + data[a:mid]
    return bytes(data)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=int, default=0, help="number of the first file")
    parser.add_argument("--format", action="append", required=True, help="FMT:SEEDFILE")
    args = parser.parse_args()
    seeds = {}
    for spec in args.format:
        fmt, path = spec.split(":", 1)
        with open(path, "rb") as f:
            seeds.setdefault(fmt, []).append(f.read())
    formats = sorted(seeds)
    everything = [s for fmt in formats for s in seeds[fmt]]
    os.makedirs(args.out, exist_ok=True)
    for n in range(args.start, args.start + args.count):
        rng = random.Random(args.seed * 1_000_003 + n)
        fmt = formats[n % len(formats)]
        seed = rng.choice(seeds[fmt])
        data = mutate(seed, TOKENS.get(fmt, TOKENS["text"]), rng, everything)
        with open(os.path.join(args.out, f"fuzz-{n:06d}.{fmt}"), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
