#!/usr/bin/env bash
# Per-style figures of in-text citation recognition on the pandoc-rendered
# test papers (tests/fixtures/rendered/, made by scripts/render-papers.sh):
# items found and resolved to the right entry, false citations, false
# alarms on clean papers, planted defects reported at their line.
#   scripts/score-citations.sh          # the table
#   CITEMAP_SHOW=30 scripts/score-citations.sh   # and what was missed
#   scripts/score-citations.sh held-out # the held-out papers, per paper
#                                       # (tests/fixtures/heldout21/)
#   scripts/score-citations.sh formerly-held-out
#                                       # tests/fixtures/heldout/ to heldout20/
set -uo pipefail
cd "$(dirname "$0")/.."
test=rendered_papers_in_every_style
[ "${1:-}" = held-out ] && test=held_out_papers_in_every_style
[ "${1:-}" = formerly-held-out ] && test=formerly_held_out_paper
[ "${1:-}" = formerly-held-out ] && exact= || exact=--exact
cargo test --release --test cite_rendered -- --nocapture $exact "$test" 2>&1 \
  | sed -n '/^[0-9][0-9]-/p;/^all held-out/p;/^all papers of/p;/^style/,/^all /p;/^    /p'
