//! The check on the sample corpus: what the issue says it must show.

mod common;

use citemap::check::{check_source, citations, Config, DocReport, Kind};
use citemap::cite::Form;

fn load(prefix: &str) -> Option<(citemap::input::Source, citemap::Document)> {
    let (path, _) = common::seed(prefix)?;
    let source = citemap::input::load(&path).expect("seed loads");
    let doc = citemap::extract::extract(&source);
    Some((source, doc))
}

fn report(prefix: &str) -> Option<DocReport> {
    let (path, _) = common::seed(prefix)?;
    let source = citemap::input::load(&path).expect("seed loads");
    Some(check_source(&source, &Config::default()))
}

fn of_kind(r: &DocReport, kind: Kind) -> Vec<&citemap::check::Problem> {
    r.problems.iter().filter(|p| p.kind == kind).collect()
}

#[test]
fn seed_000_misspellings_are_reported_with_the_entry_spelling() {
    let Some(r) = report("000") else { return };
    assert!(
        of_kind(&r, Kind::UnresolvedCitation).is_empty(),
        "{:#?}",
        r.problems
    );
    assert!(
        r.resolved * 100 >= r.citations * 95,
        "{}/{}",
        r.resolved,
        r.citations
    );
    let names = of_kind(&r, Kind::NameMismatch);
    let said = |cited: &str, entry: &str| {
        names.iter().any(|p| {
            p.text.contains(cited) && p.suggestion.as_deref().is_some_and(|s| s.contains(entry))
        })
    };
    assert!(said("Dyer-Witthof", "Dyer-Witheford"), "{names:#?}");
    assert!(said("Kjosen", "Kjösen"), "{names:#?}");
    assert!(said("Ohnsman", "Ohsman"), "{names:#?}");
    assert!(said("Costanza Chock", "Costanza-Chock"), "{names:#?}");
    // Nothing spelt right is flagged.
    assert_eq!(
        names.len(),
        5,
        "Dyer-Witthof ×2, Ohnsman ×2, Costanza Chock: {names:#?}"
    );
    let titles = of_kind(&r, Kind::TitleMismatch);
    assert_eq!(titles.len(), 1, "{titles:#?}");
    assert_eq!(titles[0].text, "Cultures of Connectivity");
    assert_eq!(
        titles[0].suggestion.as_deref(),
        Some("The Culture of Connectivity")
    );
    assert_eq!(titles[0].line, 124);
}

#[test]
fn seed_000_cover_page_and_asides_are_not_citations() {
    let Some((source, doc)) = load("000") else {
        return;
    };
    let found = citations(&source.text, &doc, None);
    for r in &found {
        let t = r.citation.text.as_str();
        assert!(
            !matches!(
                t,
                "(AI)"
                    | "(ML)"
                    | "(AWS)"
                    | "(APRJA)"
                    | "(APA)"
                    | "(Pure)"
                    | "(2006)"
                    | "(2001)"
                    | "(2023)"
            ),
            "{t} at line {}",
            r.citation.span.line
        );
        assert!(!t.starts_with("(see") && !t.starts_with("(such"), "{t}");
        assert!(r.citation.span.line >= 40, "cover page: {t}");
    }
}

#[test]
fn seed_004_all_bracketed_citations_found_and_every_entry_cited() {
    let Some((source, doc)) = load("004") else {
        return;
    };
    assert_eq!(doc.entries.len(), 70);
    let found = citations(&source.text, &doc, None);
    let numeric: Vec<_> = found
        .iter()
        .filter(|r| r.citation.form == Form::Numeric)
        .collect();
    let brackets: usize = numeric
        .iter()
        .map(|r| r.citation.text.matches('[').count())
        .sum();
    assert_eq!(brackets, 95);
    assert!(numeric.iter().all(|r| r.is_resolved()));
    let range = numeric
        .iter()
        .find(|r| r.citation.text == "[15]–[18]")
        .expect("the range [15]–[18]");
    let numbers: Vec<u32> = range
        .citation
        .items
        .iter()
        .filter_map(|i| i.number)
        .collect();
    assert_eq!(numbers, [15, 16, 17, 18]);
    let mut cited: Vec<usize> = numeric
        .iter()
        .flat_map(|r| r.targets.iter().flatten().map(|m| m.entry))
        .collect();
    cited.sort_unstable();
    cited.dedup();
    assert_eq!(cited.len(), 70);
}

#[test]
fn seed_004_broken_urls_reported_with_repairs() {
    let Some(r) = report("004") else { return };
    assert!(of_kind(&r, Kind::UncitedEntry).is_empty());
    assert!(of_kind(&r, Kind::UnresolvedCitation).is_empty());
    let urls = of_kind(&r, Kind::BrokenUrl);
    assert_eq!(urls.len(), 36, "{urls:#?}");
    for p in &urls {
        let s = p.suggestion.as_deref().expect("a repair");
        assert!(!s.contains(' ') && s.starts_with("http"), "{s}");
        assert!(p.text.contains(' '), "{}", p.text);
    }
    for want in [
        "https://news.microsoft.com/features/democratizing-ai/",
        "https://exchange.scale.com/public/videos/emad-mostaque-stability-ai-stable-diffusion-open-source",
        "https://www.lesswrong.com/posts/uFNgRumrDTpBfQGrs/let-s-think-about-slowing-down-ai",
        "https://www.technologyreview.com/2022/07/12/1055817/inside-a-radical-new-project-to-democratize-ai/",
    ] {
        assert!(urls.iter().any(|p| p.suggestion.as_deref() == Some(want)), "{want}");
    }
}

#[test]
fn seed_004_inlined_footnotes_have_their_notes() {
    let Some(r) = report("004") else { return };
    assert!(
        of_kind(&r, Kind::DanglingFootnote).is_empty(),
        "{:#?}",
        r.problems
    );
}

#[test]
fn seed_003_dangling_footnote() {
    let Some(r) = report("003") else { return };
    let d = of_kind(&r, Kind::DanglingFootnote);
    assert_eq!(d.len(), 1, "{:#?}", r.problems);
    assert_eq!((d[0].line, d[0].text.as_str()), (9, "3"));
    assert_eq!(of_kind(&r, Kind::NoReferences).len(), 1);
}

#[test]
fn seeds_001_and_002_have_no_references() {
    for prefix in ["001", "002"] {
        let Some(r) = report(prefix) else { return };
        let kinds: Vec<Kind> = r.problems.iter().map(|p| p.kind).collect();
        assert_eq!(kinds, [Kind::NoReferences], "{prefix}: {:#?}", r.problems);
        assert_eq!(r.citations, 0);
    }
}
