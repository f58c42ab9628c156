#!/usr/bin/env bash
# Runs Leiden on one edge list with citemap (`citemap clusters --edges`) and
# with python-igraph (`Graph.Read_Ncol` + `community_leiden`), and prints
# load time, run time, CPU time, modularity and cluster count side by side,
# then the same as one JSON line. igraph also scores citemap's partition, so
# both modularities are computed by one program.
#
#   benches/peers/leiden-igraph.sh                            # 1M nodes / 10M edges (needs ~3 GB RAM)
#   NODES=100000 EDGES=1000000 benches/peers/leiden-igraph.sh  # smaller
#   EDGE_FILE=my-graph.tsv benches/peers/leiden-igraph.sh     # any "a b [weight]" edge list
#   SKIP_IGRAPH=1 benches/peers/leiden-igraph.sh              # citemap only (no pip)
#   SEEDS="1 2 3 4 5 7" benches/peers/leiden-igraph.sh         # + modularity of both per seed, and the mean
#
# The graph is a planted partition written by the `synth` binary
# ("u<TAB>v<TAB>weight" lines, shuffled node ids, NODES/1000 communities).
# igraph goes into a throwaway virtual environment (deleted on exit; PyPI
# must be reachable); if it cannot be installed, citemap's figures are
# printed alone. Not part of CI.
set -euo pipefail

NODES=${NODES:-1000000}
EDGES=${EDGES:-10000000}
SEED=${SEED:-7}
RESOLUTION=${RESOLUTION:-1}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/citemap-leiden.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

echo "leiden-igraph: building citemap (release)" >&2
(cd "$ROOT" && cargo build --release --bin citemap --bin synth --quiet)
BIN="$TARGET/release"

if [ -n "${EDGE_FILE:-}" ]; then
    GRAPH=$EDGE_FILE
else
    echo "leiden-igraph: generating $NODES nodes / $EDGES edges (seed $SEED)" >&2
    "$BIN/synth" --docs 0 --graph-nodes "$NODES" --graph-edges "$EDGES" --seed "$SEED" \
        --out "$WORK/graph" >/dev/null 2>&1
    GRAPH=$WORK/graph/graph.tsv
fi

PY=python3
if [ -z "${SKIP_IGRAPH:-}" ]; then
    echo "leiden-igraph: installing python-igraph into $WORK/venv" >&2
    if python3 -m venv "$WORK/venv" &&
        "$WORK/venv/bin/pip" install --quiet --disable-pip-version-check igraph >&2; then
        PY=$WORK/venv/bin/python
    else
        echo "leiden-igraph: igraph could not be installed; citemap only" >&2
    fi
fi

"$PY" "$ROOT/benches/peers/leiden_igraph.py" "$BIN/citemap" "$GRAPH" "$SEED" "$RESOLUTION" "$WORK"
