//! Accuracy of extraction and parsing on a generated corpus, scored against
//! the generator's truth (`citemap::synth`). Each test prints its figures
//! (`cargo test --release --test synth_accuracy -- --nocapture`) and fails
//! when a figure drops below the floor recorded here, so progress is kept.

use citemap::model::{Document, Style};
use citemap::synth::score::{FieldScores, FIELDS};
use citemap::synth::{generate, Config, Corpus, DamageRates};

fn corpus(damage: DamageRates) -> Corpus {
    generate(&Config {
        docs: 120,
        refs_per_doc: 30,
        seed: 2026,
        damage,
        ..Config::default()
    })
}

fn extracted(c: &Corpus) -> Vec<Document> {
    c.documents
        .iter()
        .map(|d| citemap::extract::extract_text(&d.name, &d.text))
        .collect()
}

/// Share of true entries whose line span the extractor found exactly, and
/// share of documents whose list heading it found.
fn extraction_scores(c: &Corpus, docs: &[Document]) -> (f64, f64, usize, usize) {
    let (mut exact, mut total, mut headings, mut found) = (0, 0, 0, 0);
    for (truth, doc) in c.truth.documents.iter().zip(docs) {
        if doc
            .section
            .as_ref()
            .is_some_and(|s| s.heading.trim() == truth.heading)
        {
            headings += 1;
        }
        found += doc.entries.len();
        for e in &truth.entries {
            total += 1;
            if doc
                .entries
                .iter()
                .any(|x| x.span.line == e.line && x.span.end_line == e.end_line)
            {
                exact += 1;
            }
        }
    }
    (
        exact as f64 / total as f64,
        headings as f64 / docs.len() as f64,
        found,
        total,
    )
}

#[test]
fn extraction_finds_generated_lists_and_entry_boundaries() {
    // Floors sit just under the figures measured on main at 12:15 UTC
    // (clean 0.999, damaged 0.998, headings 1.000; at the first extraction
    // merge they were 0.830, 0.794, 0.967); raise them as it improves.
    for (name, damage, floor) in [
        ("clean", DamageRates::none(), 0.97),
        ("damaged", DamageRates::default(), 0.97),
    ] {
        let c = corpus(damage);
        let docs = extracted(&c);
        let (spans, headings, found, total) = extraction_scores(&c, &docs);
        println!(
            "extraction ({name}): headings {headings:.3}, exact entry spans {spans:.3}, entries found {found} of {total}"
        );
        assert!(headings >= 0.98, "{name}: headings found {headings:.3}");
        assert!(
            spans >= floor,
            "{name}: exact entry spans {spans:.3} < {floor}"
        );
    }
}

fn parse_scores(c: &Corpus, hinted: bool) -> FieldScores {
    let mut scores = FieldScores::default();
    for d in &c.truth.documents {
        let hint = if hinted { d.style } else { Style::Unknown };
        for e in &d.entries {
            let parsed = citemap::parse::parse_reference(&e.text, hint);
            let reference = match &parsed.outcome {
                citemap::Outcome::Parsed { reference, .. } => Some(reference.as_ref()),
                citemap::Outcome::Unparsed { .. } => None,
            };
            scores.add(&e.reference, reference);
        }
    }
    scores
}

fn report(label: &str, s: &FieldScores) {
    let fields: Vec<String> = FIELDS
        .iter()
        .filter_map(|f| s.accuracy(f).map(|a| format!("{f} {a:.3}")))
        .collect();
    println!(
        "parsing ({label}): field accuracy {:.3}, exact entries {:.3}; {}",
        s.overall(),
        s.exact as f64 / s.entries.max(1) as f64,
        fields.join(", ")
    );
}

#[test]
fn parsing_field_accuracy_on_generated_entries() {
    let c = corpus(DamageRates::none());
    let hinted = parse_scores(&c, true);
    let unhinted = parse_scores(&c, false);
    report("style hinted", &hinted);
    report("style unknown", &unhinted);
    // Floors just under the figures on main at 12:15 UTC (hinted 0.953,
    // unknown 0.951; at the first parser merge 0.861 and 0.858, when page
    // ranges lost digits: "372–388" → "372-88").
    assert!(hinted.overall() >= 0.93, "hinted {:.3}", hinted.overall());
    assert!(
        unhinted.overall() >= 0.93,
        "unhinted {:.3}",
        unhinted.overall()
    );
}
