//! Citation finding and resolution against a synthetic corpus with known
//! truth (MLA, APA, IEEE; Chicago notes are footnotes, not resolved here).
//! Damage is on: misspelt names, line breaks inside citations.

use citemap::cite::Form;
use citemap::synth::{generate, CitationKind, Config};
use std::collections::BTreeMap;

#[derive(Default, Debug)]
struct Tally {
    truth: usize,
    found: usize,
    invented: usize,
    items: usize,
    right: usize,
}

#[test]
fn synthetic_citations_are_found_and_resolved() {
    let config = Config {
        docs: 24,
        refs_per_doc: 25,
        seed: 23,
        ..Config::default()
    };
    let corpus = generate(&config);
    let mut by_style: BTreeMap<String, Tally> = BTreeMap::new();
    for (doc, truth) in corpus.documents.iter().zip(&corpus.truth.documents) {
        let extracted = citemap::extract::extract_text(&doc.name, &doc.text);
        let found = citemap::check::citations(&doc.text, &extracted, None);
        let t = by_style.entry(format!("{:?}", truth.style)).or_default();
        let overlaps = |s: usize, e: usize| {
            found
                .iter()
                .filter(move |r| r.citation.range.start < e && s < r.citation.range.end)
        };
        for tc in truth
            .citations
            .iter()
            .filter(|c| c.kind != CitationKind::Note)
        {
            t.truth += 1;
            if overlaps(tc.start, tc.end).next().is_none() {
                eprintln!("{:?} missed {:?}", truth.style, tc.text);
                continue;
            }
            t.found += 1;
            // Entries are compared by the line they start on.
            let got: Vec<usize> = overlaps(tc.start, tc.end)
                .flat_map(|r| r.targets.iter().flatten())
                .map(|m| extracted.entries[m.entry].span.line)
                .collect();
            for &e in &tc.entries {
                t.items += 1;
                if got.contains(&truth.entries[e].line) {
                    t.right += 1;
                }
            }
        }
        t.invented += found
            .iter()
            .filter(|r| r.citation.form != Form::Footnote)
            .filter(|r| {
                !truth
                    .citations
                    .iter()
                    .any(|tc| r.citation.range.start < tc.end && tc.start < r.citation.range.end)
            })
            .count();
    }
    for (style, t) in &by_style {
        if t.truth == 0 {
            continue;
        }
        eprintln!("{style}: {t:?}");
        assert!(t.found * 100 >= t.truth * 97, "{style}: found {t:?}");
        assert_eq!(t.invented, 0, "{style}: invented {t:?}");
        assert!(t.right * 100 >= t.items * 95, "{style}: resolved {t:?}");
    }
    assert!(by_style.values().filter(|t| t.truth > 0).count() >= 3);
}
