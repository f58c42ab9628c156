#!/usr/bin/env bash
# Renders the test papers of tests/fixtures/rendered/src/ (Markdown + BibTeX)
# in the five CSL styles of ../shared/csl/ to plain text, with pandoc's
# citeproc, and writes beside each rendering the truth its Lua filter
# records (which keys each citation cites, the entries, the planted
# defects). Tests read only the committed outputs; run this after editing
# a source. Deterministic: the same pandoc gives the same bytes.
#
#   scripts/render-papers.sh            # CSL_DIR=../shared/csl by default
#   RENDER_DIR=tests/fixtures/heldout scripts/render-papers.sh
#                                       # the held-out papers (see README)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
csl_dir="$(cd "${CSL_DIR:-$root/../shared/csl}" && pwd)"
dir="$(cd "${RENDER_DIR:-$root/tests/fixtures/rendered}" && pwd)"
filter="$root/tests/fixtures/rendered/truth.lua"
command -v pandoc >/dev/null || { echo "pandoc is needed (apt-get install pandoc)" >&2; exit 2; }
declare -A styles=(
  [apa]=apa
  [mla]=modern-language-association
  [chicago-ad]=chicago-author-date
  [ieee]=ieee
  [chicago-notes]=chicago-notes-bibliography
)
cd "$dir/src"
for md in *.md; do
  name="${md%.md}"
  for short in apa mla chicago-ad ieee chicago-notes; do
    out="$dir/$name.$short"
    pandoc "$md" --citeproc --csl "$csl_dir/${styles[$short]}.csl" \
      --lua-filter "$filter" -M truth-file="$out.json" \
      -t plain --wrap=auto --columns=80 -o "$out.txt"
  done
done
echo "rendered $(ls "$dir"/*.txt | wc -l) files with $(pandoc --version | head -1)"
