//! Extraction on the real seed documents and on the built-in corpus
//! `references/` that copies their works-cited lists: entry counts, spans,
//! the page-broken entry and the one-line IEEE run.

mod common;

use citemap::extract::{extract, NO_SECTION};
use citemap::input;
use citemap::Document;
use std::path::{Path, PathBuf};

fn seed_doc(prefix: &str) -> Option<(String, Document)> {
    let (path, text) = common::seed(prefix)?;
    let src = input::load(&path).expect("seed loads");
    Some((text, extract(&src)))
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("references")
}

/// Removes blanks, so text can be compared across URL and line-break repairs.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn seeds_give_the_documented_entry_counts() {
    let expected = [("000", 43), ("001", 0), ("002", 0), ("003", 0), ("004", 70)];
    for (prefix, count) in expected {
        let Some((_, doc)) = seed_doc(prefix) else {
            return;
        };
        assert_eq!(doc.entries.len(), count, "{prefix}: {:?}", doc.notes);
        if count == 0 {
            assert!(doc.notes.iter().any(|n| n == NO_SECTION), "{prefix}");
            assert!(doc.section.is_none(), "{prefix}");
        } else {
            assert!(doc.section.is_some(), "{prefix}");
        }
    }
}

#[test]
fn sections_are_found_under_their_headings() {
    let Some((_, doc)) = seed_doc("000") else {
        return;
    };
    let section = doc.section.expect("000 has a section");
    assert_eq!(
        (section.heading.as_str(), section.line),
        ("Works cited", 149)
    );
    let Some((_, doc)) = seed_doc("004") else {
        return;
    };
    let section = doc.section.expect("004 has a section");
    assert_eq!((section.heading.as_str(), section.line), ("REFERENCES", 55));
}

#[test]
fn spans_point_at_the_entries_in_the_file() {
    for prefix in ["000", "004"] {
        let Some((text, doc)) = seed_doc(prefix) else {
            return;
        };
        let lines: Vec<&str> = text.lines().collect();
        for e in &doc.entries {
            let first: String = lines[e.span.line - 1]
                .chars()
                .skip(e.span.column - 1)
                .collect();
            let marker = match &e.label {
                Some(n) => format!("[{n}]"),
                None => "-".to_owned(),
            };
            assert!(
                first.starts_with(&marker),
                "{prefix} {:?}: {first:.40}",
                e.span
            );
            let head: String = squeeze(&e.raw).chars().take(12).collect();
            assert!(
                squeeze(&first).starts_with(&format!("{marker}{head}")),
                "{prefix} {:?} does not start with {head:?}",
                e.span
            );
            let tail: String = {
                let s = squeeze(&e.raw);
                let n = s.chars().count();
                s.chars().skip(n.saturating_sub(12)).collect()
            };
            assert!(
                squeeze(lines[e.span.end_line - 1]).contains(&tail),
                "{prefix} {:?} does not end with {tail:?}",
                e.span
            );
        }
    }
}

#[test]
fn page_broken_entry_of_000_is_rejoined() {
    let Some((_, doc)) = seed_doc("000") else {
        return;
    };
    let srnicek = doc
        .entries
        .iter()
        .find(|e| e.raw.contains("Data, Compute, Labor"))
        .expect("the Srnicek entry");
    assert_eq!((srnicek.span.line, srnicek.span.end_line), (182, 184));
    assert!(srnicek
        .raw
        .ends_with("edited by Mark Graham and Fabian Ferrari. The MIT Press, 2022, pp. 241-262."));
    assert!(!doc.entries.iter().any(|e| e.raw.starts_with("Graham and")));
    assert!(doc.notes.iter().any(|n| n.contains("line 184")));
    // The indented bullets at the end are entries like the others.
    let steyerl = doc.entries.iter().find(|e| e.raw.starts_with("Steyerl"));
    assert_eq!(
        steyerl.map(|e| (e.span.line, e.span.column)),
        Some((186, 2))
    );
}

#[test]
fn one_line_ieee_run_of_004_is_cut_in_sequence_and_urls_mended() {
    let Some((_, doc)) = seed_doc("004") else {
        return;
    };
    let labels: Vec<String> = doc.entries.iter().filter_map(|e| e.label.clone()).collect();
    let expected: Vec<String> = (1..=70).map(|n| n.to_string()).collect();
    assert_eq!(labels, expected);
    assert!(doc.entries.iter().all(|e| e.span.line == 55));
    let by_label = |n: &str| {
        doc.entries
            .iter()
            .find(|e| e.label.as_deref() == Some(n))
            .map(|e| &*e.raw)
            .unwrap_or_default()
    };
    assert!(by_label("1").contains("[Online]. Available: https://exchange.scale.com/"));
    assert!(by_label("3").contains(
        "https://news.microsoft.com/features/democratizing-ai/ (accessed Mar. 09, 2023)"
    ));
    assert!(by_label("4").contains("https://huggingface.co/about (accessed"));
    assert!(by_label("17").ends_with(
        "https://www.propublica.org/article/machine-bias-risk-assessments-in-criminal-sentencing"
    ));
    assert!(by_label("31").ends_with("/inside-a-radical-new-project-to-democratize-ai/"));
    assert!(by_label("58").contains("/uploads/2023/02/PAI_synthetic_media_framework.pdf"));
    for e in &doc.entries {
        for url in e.raw.split(' ').filter(|t| t.starts_with("http")) {
            let next = e.raw.split(url).nth(1).unwrap_or("");
            assert!(
                next.is_empty() || next.starts_with(" (accessed") || next.starts_with(". "),
                "[{}] URL followed by {next:.20}",
                e.label.as_deref().unwrap_or("")
            );
        }
    }
}

#[test]
fn built_in_corpus_matches_the_seeds() {
    let found = input::collect(&[corpus_dir()]);
    assert!(found.errors.is_empty(), "{:?}", found.errors);
    assert_eq!(found.files.len(), 5);
    let docs: Vec<Document> = found
        .files
        .iter()
        .map(|p| extract(&input::load(p).expect("corpus file loads")))
        .collect();
    let counts: Vec<usize> = docs.iter().map(|d| d.entries.len()).collect();
    assert_eq!(counts, [43, 0, 0, 0, 70]);
    for d in &docs {
        assert!(d.meta.title.is_some(), "{}: no title", d.path);
        assert!(d.meta.source.is_some(), "{}: no source", d.path);
        assert!(!d.meta.authors.is_empty(), "{}: no authors", d.path);
        if d.entries.is_empty() {
            assert!(d.notes.iter().any(|n| n == NO_SECTION), "{}", d.path);
        }
    }
    // 001 is the same article as 000.
    assert_eq!(docs[0].meta.doi, docs[1].meta.doi);
    assert_eq!(docs[0].meta.title, docs[1].meta.title);

    for (i, prefix) in [(0, "000"), (4, "004")] {
        let Some((_, seed)) = seed_doc(prefix) else {
            return;
        };
        let corpus = &docs[i];
        assert_eq!(corpus.meta.source.as_deref().map(|s| &s[..3]), Some(prefix));
        let shift = seed.entries[0].span.line - corpus.entries[0].span.line;
        for (a, b) in seed.entries.iter().zip(&corpus.entries) {
            assert_eq!(a.raw, b.raw, "{prefix}: entry differs from the seed");
            assert_eq!(a.span.line - shift, b.span.line);
            assert_eq!(a.span.end_line - shift, b.span.end_line);
            assert_eq!(a.span.column, b.span.column);
        }
    }
}

#[test]
fn flattened_004_still_gives_its_seventy_entries() {
    // PDF tools that lose every line break leave the heading and the whole
    // list inside one line of running text.
    let Some((text, seed)) = seed_doc("004") else {
        return;
    };
    let flat = text.lines().collect::<Vec<_>>().join(" ");
    let doc = citemap::extract::extract_text("flat.txt", &flat);
    assert_eq!(doc.entries.len(), 70, "{:?}", doc.notes);
    assert_eq!(
        doc.section.map(|s| s.heading),
        Some("REFERENCES".to_owned())
    );
    for (a, b) in seed.entries.iter().zip(&doc.entries) {
        assert_eq!(a.raw, b.raw);
        assert_eq!(b.span.line, 1);
    }
}
