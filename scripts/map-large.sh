#!/bin/sh
# Runs the main job on a generated corpus of 2,000 documents (release build)
# and checks its figures stay legible. Prints how long the map took.
# Usage: scripts/map-large.sh
set -eu
cd "$(dirname "$0")/.."
exec cargo test --release --test map_large -- --ignored --nocapture
