#!/usr/bin/env bash
# Runs the same generated inputs through citemap and through the tools a
# user might pick instead, and prints the ratios as JSON lines:
#   - refextract (Python, reference extraction) vs `citemap parse`
#   - igraph's and leidenalg's Leiden vs citemap's clustering (bench --only cluster)
# The Python tools go into a throwaway virtual environment that is deleted on
# exit. Needs python3 (with venv) and network access to PyPI. Not part of CI.
#
#   benches/peers/run.sh                      # 1,000 entries (refextract parses ~10-50 a second); graph 1M nodes / 10M edges
#   ENTRIES=1000 NODES=100000 EDGES=1000000 benches/peers/run.sh
#   SKIP_GRAPH=1 benches/peers/run.sh         # parsing comparison only
#   SKIP_LEIDENALG=1 benches/peers/run.sh     # leidenalg takes ~20 min at 1M nodes
set -euo pipefail

ENTRIES=${ENTRIES:-1000}
NODES=${NODES:-1000000}
EDGES=${EDGES:-10000000}
SEED=${SEED:-7}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/citemap-peers.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

echo "peers: building citemap (release)" >&2
(cd "$ROOT" && cargo build --release --bins --quiet)
BIN="$TARGET/release"

echo "peers: installing refextract, igraph, leidenalg into $WORK/venv" >&2
python3 -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install --quiet --disable-pip-version-check refextract igraph leidenalg
PY="$WORK/venv/bin/python"

echo "peers: generating $ENTRIES entries (seed $SEED)" >&2
"$BIN/synth" --docs $(((ENTRIES + 39) / 40)) --refs 40 --seed "$SEED" --out "$WORK/corpus" 2>/dev/null
"$PY" "$ROOT/benches/peers/compare.py" refs "$WORK/corpus" "$BIN/citemap" "$ENTRIES"

if [ -z "${SKIP_GRAPH:-}" ]; then
    echo "peers: generating a graph of $NODES nodes / $EDGES edges" >&2
    "$BIN/synth" --docs 0 --graph-nodes "$NODES" --graph-edges "$EDGES" --seed "$SEED" --out "$WORK/graph" 2>/dev/null
    echo "peers: citemap clustering (bench --only cluster)" >&2
    "$BIN/bench" --docs 1 --only cluster --graph-nodes "$NODES" --graph-edges "$EDGES" --seed "$SEED" \
        > "$WORK/bench.json" 2>/dev/null || true
    echo "peers: igraph and leidenalg" >&2
    SKIP_LEIDENALG="${SKIP_LEIDENALG:-}" "$PY" "$ROOT/benches/peers/compare.py" graph "$WORK/graph" "$WORK/bench.json"
fi
