#!/bin/sh
# Times `citemap map` on a generated Web of Science export (issue 13's
# large case: 100,000 records, about 5,000,000 cited references) and prints
# wall time, CPU seconds, peak memory and the load average around the run.
# Run it at a terminal to also see each stage's time.
# Usage: scripts/map-export.sh [RECORDS] (default 100000; the export is
# generated into /tmp/exp-RECORDS once and kept)
set -eu
cd "$(dirname "$0")/.."
records="${1:-100000}"
dir="/tmp/exp-$records"
cargo build --release --quiet --bin citemap --bin synth
if [ ! -f "$dir/export-wos.txt" ]; then
    target/release/synth --docs 0 --wos-export "$records" --refs 50 --seed 7 --out "$dir" >/dev/null
fi
out="$(mktemp -d)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "wall %e s, CPU %U s user + %S s system, peak RSS %M KB" \
    target/release/citemap map "$dir/export-wos.txt" -o "$out/map"
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$out"
