#!/usr/bin/env bash
# Scores `citemap parse` on the gold set with ../shared/tools/score-refs.
#
#   scripts/score-gold.sh [all|even|odd|anystyle] [extra score-refs args, e.g. --show 20]
#
# all/even/odd: dev-refs.jsonl (GROBID), or its lines numbered from 1 as an editor shows them;
# anystyle: dev-refs-anystyle.jsonl. The shipped tagger is trained on both sets, so these are
# in-sample figures; scripts/cross-source.sh gives the ones measured on unseen strings.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$here/../shared}"
part="${1:-all}"
shift || true
target="${CARGO_TARGET_DIR:-$here/target}"
tmp="$target/score-gold"
mkdir -p "$tmp"
gold="$shared/gold/dev-refs.jsonl"
case "$part" in
all) cp "$gold" "$tmp/gold.jsonl" ;;
even) awk 'NR % 2 == 0' "$gold" >"$tmp/gold.jsonl" ;;
odd) awk 'NR % 2 == 1' "$gold" >"$tmp/gold.jsonl" ;;
anystyle) cp "$shared/gold/dev-refs-anystyle.jsonl" "$tmp/gold.jsonl" ;;
*) echo "usage: $0 [all|even|odd|anystyle] [score-refs args]" >&2; exit 2 ;;
esac
(cd "$here" && cargo build --release --quiet --bin citemap)
python3 "$shared/tools/score-refs" --raw "$tmp/gold.jsonl" >"$tmp/raw.txt"
"$target/release/citemap" parse "$tmp/raw.txt" --format csl-json >"$tmp/pred.json"
python3 "$shared/tools/score-refs" "$tmp/gold.jsonl" "$tmp/pred.json" "$@"
