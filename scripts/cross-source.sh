#!/usr/bin/env bash
# Field accuracy of the parser across sources and folds, every figure from one command:
#
#   scripts/cross-source.sh [extra train-tagger args, e.g. --no-words]
#   EXPS="g2a a2g" OUT=target/xs-nowords scripts/cross-source.sh --no-words
#                                          # some experiments (default: all five), elsewhere
#
# Experiments (each writes target/cross-source/<name>/gold.jsonl and pred-<policy>.json):
#   g2a      tagger trained on all of dev-refs.jsonl (GROBID), scored on dev-refs-anystyle.jsonl
#   a2g      trained on dev-refs-anystyle.jsonl (AnyStyle), scored on dev-refs.jsonl
#   cv-g     5-fold cross-validation within GROBID (fold = line number mod 5)
#   cv-a     5-fold cross-validation within AnyStyle
#   cv-both  5-fold cross-validation over both sets together, scored on each source's lines
#            apart (a field one source never annotates is not judged on its lines)
# Policies (src/bin/train-tagger.rs): grammar (no tagger), tagger (every field from the tagger),
# default (Policy::DEFAULT, issue #7's, shipped), cross (Policy::CROSS_SOURCE: the tagger reads
# quoted titles too and cuts the grammar's author list where its own ends), untrimmed (cross
# without the cut), t-authors (untrimmed, authors from the tagger where it found some).
# The grammar itself was written studying GROBID strings, so "a2g" is not blind for it.
# Deterministic: training shuffles with a fixed seed; the same inputs give the same figures.
# Prints a markdown summary, also written to target/cross-source/summary.md.
set -euo pipefail
# The builds here must match the rest of the worktree, or cargo rebuilds from scratch.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-1}"
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$here/../shared}"
target="${CARGO_TARGET_DIR:-$here/target}"
out="${OUT:-$target/cross-source}"
mkdir -p "$out"
g="$shared/gold/dev-refs.jsonl"
a="$shared/gold/dev-refs-anystyle.jsonl"
(cd "$here" && cargo build --release --quiet --bin train-tagger)
tt="$target/release/train-tagger"
exps="${EXPS:-g2a a2g cv-g cv-a cv-both}"
for e in $exps; do
    case "$e" in
    g2a) "$tt" "$g" --eval "$a" --dir "$out/g2a" "$@" ;;
    a2g) "$tt" "$a" --eval "$g" --dir "$out/a2g" "$@" ;;
    cv-g) "$tt" "$g" --cv 5 --dir "$out/cv-g" "$@" ;;
    cv-a) "$tt" "$a" --cv 5 --dir "$out/cv-a" "$@" ;;
    cv-both) "$tt" "$g" "$a" --cv 5 --dir "$out/cv-both" "$@" ;;
    *) echo "unknown experiment $e" >&2; exit 2 ;;
    esac
done
python3 "$here/scripts/cross-source-summary.py" "$shared/tools/score-refs" "$out" "$exps" | tee "$out/summary.md"
