#!/usr/bin/env bash
# Field accuracy of the parser across sources and folds, every figure from one command:
#
#   scripts/cross-source.sh [extra train-tagger args, e.g. --no-words] 
#
# Experiments (each writes target/cross-source/<name>/gold.jsonl and pred-<policy>.json):
#   g2a      tagger trained on all of dev-refs.jsonl (GROBID), scored on dev-refs-anystyle.jsonl
#   a2g      trained on dev-refs-anystyle.jsonl (AnyStyle), scored on dev-refs.jsonl
#   cv-g     5-fold cross-validation within GROBID (fold = line number mod 5)
#   cv-a     5-fold cross-validation within AnyStyle
#   cv-both  5-fold cross-validation over both sets together
# Policies: grammar (no tagger), tagger (every field from the tagger), default (the shipped
# combination), authors (default + tagger authors), unmarked (default, quoted titles not kept).
# The grammar itself was written studying GROBID strings, so "a2g" is not blind for it.
# Deterministic: training shuffles with a fixed seed; the same inputs give the same figures.
# Prints a markdown summary, also written to target/cross-source/summary.md.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$here/../shared}"
target="${CARGO_TARGET_DIR:-$here/target}"
out="$target/cross-source"
mkdir -p "$out"
g="$shared/gold/dev-refs.jsonl"
a="$shared/gold/dev-refs-anystyle.jsonl"
(cd "$here" && cargo build --release --quiet --bin train-tagger)
tt="$target/release/train-tagger"
"$tt" "$g" --eval "$a" --dir "$out/g2a" "$@"
"$tt" "$a" --eval "$g" --dir "$out/a2g" "$@"
"$tt" "$g" --cv 5 --dir "$out/cv-g" "$@"
"$tt" "$a" --cv 5 --dir "$out/cv-a" "$@"
"$tt" "$g" "$a" --cv 5 --dir "$out/cv-both" "$@"
python3 - "$shared/tools/score-refs" "$out" <<'PY' | tee "$out/summary.md"
import re, subprocess, sys
scorer, out = sys.argv[1], sys.argv[2]
exps = [("g2a", "GROBID → AnyStyle"), ("a2g", "AnyStyle → GROBID"), ("cv-g", "5-fold CV, GROBID"),
        ("cv-a", "5-fold CV, AnyStyle"), ("cv-both", "5-fold CV, both together")]
pols = ["grammar", "tagger", "default", "authors", "unmarked"]
fields = ["author", "title", "container-title", "year", "volume", "issue", "pages",
          "publisher", "publisher-place", "editor", "doi", "url"]
res = {}
for e, _ in exps:
    for p in pols:
        text = subprocess.run(["python3", scorer, f"{out}/{e}/gold.jsonl", f"{out}/{e}/pred-{p}.json"],
                              capture_output=True, text=True, check=True).stdout
        micro = float(re.search(r"micro F1 ([0-9.]+)", text).group(1))
        per = {}
        for line in text.splitlines():
            parts = line.split()
            if parts and parts[0] in fields:
                per[parts[0]] = parts[3]
        res[e, p] = (micro, per)
print("| experiment | " + " | ".join(pols) + " |")
print("| --- |" + " ---: |" * len(pols))
for e, name in exps:
    print(f"| {name} | " + " | ".join(f"{res[e, p][0]:.3f}" for p in pols) + " |")
print()
print("Per field, F1 of the default policy ('-': not annotated in that gold set):")
print()
print("| field | " + " | ".join(name for _, name in exps) + " |")
print("| --- |" + " ---: |" * len(exps))
for f in fields:
    print(f"| {f} | " + " | ".join(res[e, "default"][1].get(f, "-") for e, _ in exps) + " |")
print(f"| **micro F1** | " + " | ".join(f"**{res[e, 'default'][0]:.3f}**" for e, _ in exps) + " |")
PY
