#!/usr/bin/env python3
"""Scores a PDF reader's text the way `bench --only pdf` does: recall of the
words, and of adjacent word pairs, of the works-cited list in pdftotext's
text layer (from its last "References" line on).

    pdf_recall.py LAYER.txt CANDIDATE.txt  ->  prints "words pairs"
"""
import re
import sys
from collections import Counter


def words(s):
    return [w.lower() for w in re.split(r"[^\w]|_", s) if w]


def main():
    layer = open(sys.argv[1], encoding="utf-8", errors="replace").read().split("\n")
    start = 0
    for i, l in enumerate(layer):
        if l.strip().lower() in ("references", "bibliography", "works cited"):
            start = i
    want = words("\n".join(layer[start:]))
    got = words(open(sys.argv[2], encoding="utf-8", errors="replace").read())
    bag = Counter(got)
    hit = 0
    for w in want:
        if bag[w] > 0:
            bag[w] -= 1
            hit += 1
    pairs = Counter(zip(got, got[1:]))
    pair_hit = 0
    for p in zip(want, want[1:]):
        if pairs[p] > 0:
            pairs[p] -= 1
            pair_hit += 1
    n = max(len(want), 1)
    print(f"{hit / n:.3f} {pair_hit / max(n - 1, 1):.3f}")


if __name__ == "__main__":
    main()
