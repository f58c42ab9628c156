#!/usr/bin/env bash
# Per-style figures of in-text citation recognition on the pandoc-rendered
# test papers (tests/fixtures/rendered/, made by scripts/render-papers.sh):
# items found and resolved to the right entry, false citations, false
# alarms on clean papers, planted defects reported at their line.
#   scripts/score-citations.sh          # the table
#   CITEMAP_SHOW=30 scripts/score-citations.sh   # and what was missed
set -uo pipefail
cd "$(dirname "$0")/.."
cargo test --release --test cite_rendered -- --nocapture rendered_papers_in_every_style 2>&1 \
  | sed -n '/^style/,/^all/p;/^    /p'
