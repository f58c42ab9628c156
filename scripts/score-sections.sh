#!/usr/bin/env bash
# Cross-validates the works-cited line models by document and scores the
# held-out predictions with the gold sets' scorers; with --in-sample, scores
# `citemap extract` with the committed models on the same data instead.
#   scripts/score-sections.sh [--folds 5] [--in-sample]
set -euo pipefail
cd "$(dirname "$0")/.."
gold=${GOLD:-../shared/gold}
tools=${TOOLS:-../shared/tools}
folds=5
mode=cv
while [ $# -gt 0 ]; do
  case "$1" in
    --folds) folds=$2; shift 2 ;;
    --in-sample) mode=in; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export CARGO_INCREMENTAL=1
if [ "$mode" = cv ]; then
  cargo build --release --bin train-sections -q
  target/release/train-sections --folds "$folds" --out-dir "$out" \
    --sections "$gold/sections-dev" --refseg "$gold/refseg-dev"
  echo "== $folds-fold cross-validation by document (held-out papers)"
else
  cargo build --release --bin citemap -q
  target/release/citemap extract "$gold/sections-dev/docs" --format json > "$out/sections.json"
  target/release/citemap extract "$gold/refseg-dev/docs" --format csl-json > "$out/split.json"
  echo "== in-sample (committed models, trained on these papers)"
fi
python3 "$tools/extract-to-sections" "$out/sections.json" "$out/sections-pred.json" --by entries >/dev/null
echo "-- sections-dev (--by entries)"
"$tools/score-sections" "$gold/sections-dev/truth.jsonl" "$out/sections-pred.json"
python3 "$tools/extract-to-split" "$out/split.json" "$out/split-pred.json"
echo "-- refseg-dev"
"$tools/score-split" "$gold/refseg-dev/truth.jsonl" "$out/split-pred.json"
# The grouped figure per style (the scorer prints its style lines strict).
python3 - "$tools/score-split" "$gold/refseg-dev/truth.jsonl" "$out/split-pred.json" <<'PY'
import importlib.machinery, importlib.util, json, sys
loader = importlib.machinery.SourceFileLoader("ss", sys.argv[1])
spec = importlib.util.spec_from_loader("ss", loader)
ss = importlib.util.module_from_spec(spec)
loader.exec_module(ss)
truth = [json.loads(l) for l in open(sys.argv[2])]
preds = json.load(open(sys.argv[3]))
for name, numbered in (("numbered", True), ("unnumbered", False)):
    s, _ = ss.score([r for r in truth if ss.is_numbered(r) == numbered], preds, ss.grouped_entries)
    print(ss.fmt("grouped " + name, s))
PY
if [ -f "$out/split-bare.json" ]; then
  python3 "$tools/extract-to-split" "$out/split-bare.json" "$out/split-bare-pred.json"
  echo "-- refseg-dev, each entry's printed label left out (the text the parser reads)"
  "$tools/score-split" "$gold/refseg-dev/truth.jsonl" "$out/split-bare-pred.json"
fi
