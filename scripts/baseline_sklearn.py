#!/usr/bin/env python3
"""The scikit-learn baseline for `jobscope evaluate`: TfidfVectorizer + LinearSVC on the very same folds.

  swift run -c release jobscope evaluate --export-splits /tmp/jobscope-splits.jsonl
  python3 scripts/baseline_sklearn.py /tmp/jobscope-splits.jsonl [--min-support 10] [--class-weight balanced]

The splits file (written by `evaluate --export-splits`, kept outside the repository because it holds posting
text) has one JSON object per labelled posting: fold (-1 = a role profile, always training only), label, employer
group, title, body. For each setting (full posting = title + body; body only = title hidden) and each fold, the
baseline trains on every other fold plus the profiles and predicts the held-out fold; the pooled predictions are
scored exactly as JobScope scores its own: accuracy over all postings, macro-F1 over the classes with at least
--min-support labelled postings. The vectorizer and SVM settings are the peer pipeline's
(../shared/bench/peer_pipeline.py): sublinear TF, unigrams+bigrams, min_df=2, English stop words, LinearSVC().
"""
import argparse
import json
import sys

try:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics import accuracy_score, precision_recall_fscore_support
    from sklearn.svm import LinearSVC
except ImportError:  # install on first use, as the issue allows
    import subprocess
    subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", "scikit-learn"])
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics import accuracy_score, precision_recall_fscore_support
    from sklearn.svm import LinearSVC


def evaluate(rows, setting, min_support, class_weight):
    def text(r):
        return r["body"] if setting == "body-only" or not r["title"] else r["title"] + "\n" + r["body"]

    folds = sorted({r["fold"] for r in rows if r["fold"] >= 0})
    truth, predicted = [], []
    for fold in folds:
        train = [r for r in rows if r["fold"] != fold]
        test = [r for r in rows if r["fold"] == fold]
        vectorizer = TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), min_df=2, stop_words="english")
        x_train = vectorizer.fit_transform([text(r) for r in train])
        model = LinearSVC(class_weight=class_weight)
        model.fit(x_train, [r["label"] for r in train])
        predicted += list(model.predict(vectorizer.transform([text(r) for r in test])))
        truth += [r["label"] for r in test]
    support = {}
    for label in truth:
        support[label] = support.get(label, 0) + 1
    evaluated = sorted(c for c, n in support.items() if n >= min_support)
    p, r, f, s = precision_recall_fscore_support(truth, predicted, labels=evaluated, zero_division=0)
    return {
        "setting": setting,
        "postings": len(truth),
        "folds": len(folds),
        "accuracy": accuracy_score(truth, predicted),
        "macroF1": float(sum(f) / len(f)) if len(f) else 0.0,
        "evaluatedClasses": evaluated,
        "perClass": [{"name": c, "precision": float(pi), "recall": float(ri), "f1": float(fi), "support": int(si)}
                     for c, pi, ri, fi, si in zip(evaluated, p, r, f, s)],
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("splits", help="JSONL written by `jobscope evaluate --export-splits FILE`")
    ap.add_argument("--min-support", type=int, default=10)
    ap.add_argument("--class-weight", choices=["none", "balanced"], default="none")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    a = ap.parse_args()
    try:
        with open(a.splits, encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
    except (OSError, ValueError) as e:
        sys.exit(f"{a.splits}: cannot read the splits file: {e}")
    weight = None if a.class_weight == "none" else "balanced"
    results = [evaluate(rows, s, a.min_support, weight) for s in ("full", "body-only")]
    if a.json:
        print(json.dumps(results, indent=2))
        return
    for res in results:
        print(f"== scikit-learn TfidfVectorizer + LinearSVC (class_weight={a.class_weight}) · {res['setting']} · "
              f"{res['postings']} postings, {res['folds']} folds")
        print(f"accuracy {res['accuracy'] * 100:.1f}%   macro-F1 {res['macroF1'] * 100:.1f}% "
              f"({len(res['evaluatedClasses'])} classes)")
        for c in res["perClass"]:
            print(f"  {c['name']:<27}{c['precision'] * 100:>9.1f}%{c['recall'] * 100:>7.1f}%{c['f1'] * 100:>7.1f}%"
                  f"{c['support']:>8}")


if __name__ == "__main__":
    main()
