#!/usr/bin/env python3
"""Plants one-line (or few-line) bugs in the core, one at a time, and checks that the named tests turn red.

    scripts/mutation.py [--list] [--only ID ...] [--keep-going]

The mutants are data: scripts/mutants.yaml (id, what the bug is, file, the exact text replaced, its replacement,
the `swift test --filter` that must fail). Each mutant is applied to the working tree, the package and tests are
built, the filter is run, and the file is restored whatever happens. A mutant whose tests stay green is a
behaviour the suite does not protect. Exit 0 when every mutant was caught, 1 when one survived, 2 on set-up
errors (a mutant's text not found exactly once, a file with uncommitted changes, a build that fails on the
unmutated tree). Run it before a release (it takes a few minutes per mutant: each one rebuilds the package).
"""
import argparse
import os
import subprocess
import sys

try:
    import yaml
except ImportError:
    sys.exit("scripts/mutation.py needs PyYAML (pip install pyyaml)")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(cmd, log):
    with open(log, "w") as out:
        return subprocess.run(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT).returncode


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="list the mutants and exit")
    parser.add_argument("--only", nargs="*", default=[], help="run only these mutant ids")
    parser.add_argument("--logs", default="/tmp/jobscope-mutation", help="folder for build and test logs")
    args = parser.parse_args()

    with open(os.path.join(ROOT, "scripts", "mutants.yaml")) as f:
        mutants = yaml.safe_load(f)["mutants"]
    if args.only:
        mutants = [m for m in mutants if m["id"] in args.only]
    if args.list:
        for m in mutants:
            print(f"{m['id']}: {m['bug']}  [{m['file']}] -> {m['test']}")
        return 0

    # Every mutant must apply exactly once, to a file without uncommitted changes (it is restored from memory,
    # but a clean file makes any accident visible to git).
    for m in mutants:
        path = os.path.join(ROOT, m["file"])
        text = open(path, encoding="utf-8").read()
        if text.count(m["from"]) != 1:
            print(f"set-up error: mutant {m['id']}: its text is found {text.count(m['from'])} times in {m['file']}, not once")
            return 2
        dirty = subprocess.run(["git", "status", "--porcelain", "--", m["file"]], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        if dirty:
            print(f"set-up error: {m['file']} has uncommitted changes; commit or stash them first")
            return 2

    os.makedirs(args.logs, exist_ok=True)
    if run(["swift", "build", "--build-tests"], os.path.join(args.logs, "baseline-build.log")) != 0:
        print(f"set-up error: the unmutated tree does not build (see {args.logs}/baseline-build.log)")
        return 2

    survived = 0
    for m in mutants:
        path = os.path.join(ROOT, m["file"])
        original = open(path, encoding="utf-8").read()
        try:
            with open(path, "w", encoding="utf-8") as f:
                f.write(original.replace(m["from"], m["to"], 1))
            build_log = os.path.join(args.logs, f"{m['id']}-build.log")
            if run(["swift", "build", "--build-tests"], build_log) != 0:
                verdict = "NOT BUILT (a mutant must compile; fix its text)"
                survived += 1
            else:
                test_log = os.path.join(args.logs, f"{m['id']}-test.log")
                red = run(["swift", "test", "--skip-build", "--filter", m["test"]], test_log) != 0
                verdict = "caught" if red else "SURVIVED"
                survived += 0 if red else 1
        finally:
            with open(path, "w", encoding="utf-8") as f:
                f.write(original)
        print(f"{verdict:>9}  {m['id']}: {m['bug']}  (tests: {m['test']})", flush=True)

    print(f"{len(mutants) - survived} of {len(mutants)} mutants caught")
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main())
