#!/usr/bin/env python3
"""Scores the predictions scripts/cross-source.sh wrote and prints the markdown summary.

Usage: cross-source-summary.py SCORE_REFS OUT_DIR "g2a a2g cv-g cv-a cv-both"
"""
import json, os, re, subprocess, sys
from concurrent.futures import ThreadPoolExecutor
scorer, out, wanted = sys.argv[1], sys.argv[2], sys.argv[3].split()
pols = [p for p in ["grammar", "tagger", "default", "cross", "untrimmed", "t-authors",
                  "unmarked", "u-authors", "u-tauthors", "u-trim"]
        if os.path.exists(f"{out}/{wanted[0]}/pred-{p}.json")]
# cv-both is scored on each source's lines apart: split its files by the id prefix.
if "cv-both" in wanted:
    gold = [l for l in open(f"{out}/cv-both/gold.jsonl", encoding="utf-8")]
    side = ["a" if json.loads(l)["id"].startswith("anystyle") else "g" for l in gold]
    for s in "ga":
        d = f"{out}/cv-both-{s}"
        subprocess.run(["mkdir", "-p", d], check=True)
        with open(f"{d}/gold.jsonl", "w", encoding="utf-8") as f:
            f.writelines(l for l, x in zip(gold, side) if x == s)
        for p in pols:
            pred = json.load(open(f"{out}/cv-both/pred-{p}.json", encoding="utf-8"))
            json.dump([q for q, x in zip(pred, side) if x == s], open(f"{d}/pred-{p}.json", "w"))
names = {"g2a": "GROBID → AnyStyle", "a2g": "AnyStyle → GROBID", "cv-g": "5-fold CV, GROBID",
         "cv-a": "5-fold CV, AnyStyle", "cv-both-g": "5-fold CV on both, GROBID lines",
         "cv-both-a": "5-fold CV on both, AnyStyle lines"}
exps = [(e, names[e]) for e in ["g2a", "a2g", "cv-g", "cv-a", "cv-both-g", "cv-both-a"]
        if e in wanted or (e.startswith("cv-both") and "cv-both" in wanted)]
fields = ["author", "title", "container-title", "year", "volume", "issue", "pages",
          "publisher", "publisher-place", "editor", "doi", "url"]
res = {}
def score(job):
    e, p = job
    return job, subprocess.run(["python3", scorer, f"{out}/{e}/gold.jsonl", f"{out}/{e}/pred-{p}.json"],
                               capture_output=True, text=True, check=True).stdout
with ThreadPoolExecutor(2) as pool:
    done = list(pool.map(score, [(e, p) for e, _ in exps for p in pols]))
for (e, p), text in done:
    per = {}
    for line in text.splitlines():
        parts = line.split()
        if parts and parts[0] in fields:
            per[parts[0]] = parts[3]
    res[e, p] = (float(re.search(r"micro F1 ([0-9.]+)", text).group(1)), per)
print("| experiment | " + " | ".join(pols) + " |")
print("| --- |" + " ---: |" * len(pols))
for e, name in exps:
    print(f"| {name} | " + " | ".join(f"{res[e, p][0]:.3f}" for p in pols) + " |")
print()
fp = os.environ.get("FIELD_POLICY", "default")
print(f"Per field, F1 of the {fp} policy ('-': not annotated in that gold set):")
print()
print("| field | " + " | ".join(name for _, name in exps) + " |")
print("| --- |" + " ---: |" * len(exps))
for f in fields:
    print(f"| {f} | " + " | ".join(res[e, fp][1].get(f, "-") for e, _ in exps) + " |")
print(f"| **micro F1** | " + " | ".join(f"**{res[e, fp][0]:.3f}**" for e, _ in exps) + " |")
