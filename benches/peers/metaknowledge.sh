#!/usr/bin/env bash
# Compares citemap with metaknowledge (a Python library that reads Web of
# Science exports and builds citation networks) on the same export: time,
# and how many distinct works each finds among the cited references, with
# the pairs one joins and the other keeps apart.
#
#   benches/peers/metaknowledge.sh [EXPORT.txt]      (default: the shared WoS sample)
#
# metaknowledge is installed from PyPI into a throwaway virtual environment
# under $TMPDIR (removed at exit). Needs python3 with venv and network access.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
export_file="${1:-$root/../shared/exports/wos-bibliometrics-management.txt}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet metaknowledge==3.4.1
citemap="$root/target/release/citemap"
[ -x "$citemap" ] || (cd "$root" && cargo build --release --bin citemap)

start=$(date +%s.%N)
"$citemap" graph "$export_file" --kind citation --format json > "$work/graph.json" 2>/dev/null
end=$(date +%s.%N)
"$citemap" extract "$export_file" --format json > "$work/extract.json"
echo "citemap: read, resolved and built the citation network in $(echo "$end - $start" | bc) s"
"$work/venv/bin/python" "$here/metaknowledge_groups.py" "$export_file" "$work/mk.json"
"$work/venv/bin/python" "$here/export_compare.py" "$work/extract.json" "$work/graph.json" "$work/mk.json" 8
