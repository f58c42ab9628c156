#!/bin/sh
# Times the Leiden clustering on 1M nodes / 10M edges (release build).
# Usage: scripts/bench-cluster.sh
set -eu
cd "$(dirname "$0")/.."
exec cargo test --release --test cluster_scale -- --ignored --nocapture
