//! `check --format json` lists every citation with the entry each item
//! resolved to, or why not: read on a rendered paper with planted defects
//! (tests/fixtures/rendered/, made by scripts/render-papers.sh).

use citemap::check::{check_text, Config};
use std::path::PathBuf;

fn paper(name: &str) -> (String, String) {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests/fixtures/rendered", name]
        .iter()
        .collect();
    let text = std::fs::read_to_string(&path).expect("rendered paper");
    (path.display().to_string(), text)
}

#[test]
fn every_citation_is_listed_with_its_entry_or_why_not() {
    let (path, text) = paper("04-transformers-defects.apa.txt");
    let report = check_text(&path, &text, &Config::default());
    let list = &report.citation_list;
    assert!(list.len() >= 10, "{list:#?}");
    // Counts are per item and agree with the listing.
    let items: usize = list.iter().map(|c| c.items.len()).sum();
    assert_eq!(items, report.items);
    assert!(
        report.items > report.citations,
        "several works in one citation"
    );
    // Each citation sits where its text is.
    let lines: Vec<&str> = text.lines().collect();
    for c in list {
        let first = c.text.lines().next().unwrap_or_default();
        let line = lines[c.line - 1];
        let col: String = line.chars().skip(c.column - 1).collect();
        assert!(
            col.starts_with(first),
            "{c:?} not at {}:{}",
            c.line,
            c.column
        );
    }
    // The citation whose entry was deleted says so; the others resolve.
    let kingma: Vec<_> = list
        .iter()
        .flat_map(|c| &c.items)
        .filter(|i| i.cites.starts_with("Kingma"))
        .collect();
    assert!(!kingma.is_empty());
    for i in &kingma {
        assert!(i.entry.is_none());
        let why = i.unresolved.as_deref().unwrap_or_default();
        assert!(why.contains("no entry matches Kingma"), "{why}");
    }
    let resolved = list
        .iter()
        .flat_map(|c| &c.items)
        .filter(|i| i.entry.is_some())
        .count();
    assert_eq!(resolved, report.items_resolved);
    assert_eq!(resolved + kingma.len(), report.items);
    // A locator is kept with its item.
    assert!(list
        .iter()
        .flat_map(|c| &c.items)
        .any(|i| i.cites.starts_with("Goodfellow") && i.locator.as_deref() == Some("6")));
}

#[test]
fn numeric_citations_list_one_item_per_number() {
    let (path, text) = paper("01-climate-tools.ieee.txt");
    let report = check_text(&path, &text, &Config::default());
    let numeric: Vec<_> = report
        .citation_list
        .iter()
        .filter(|c| c.items.iter().all(|i| i.cites.starts_with('[')))
        .collect();
    assert!(!numeric.is_empty());
    for c in &numeric {
        for i in &c.items {
            let e = i.entry.as_ref().expect("every number resolves");
            assert!(e.line > c.line, "the entry lies in the list below");
        }
    }
    let json = serde_json::to_value(&report).expect("serialises");
    assert_eq!(json["citation_list"][0]["form"], "numeric");
}

#[test]
fn an_mla_page_of_four_digits_is_no_year() {
    let (path, text) = paper("05-health-equity.mla.txt");
    let report = check_text(&path, &text, &Config::default());
    let chetty = report
        .citation_list
        .iter()
        .flat_map(|c| &c.items)
        .find(|i| i.cites.starts_with("Chetty"))
        .expect("Chetty is cited");
    assert_eq!(chetty.locator.as_deref(), Some("1752"));
    assert!(chetty.entry.is_some());
    assert!(
        !report
            .problems
            .iter()
            .any(|p| p.kind == citemap::check::Kind::YearMismatch),
        "{:#?}",
        report.problems
    );
}

/// An MLA paper in small: a name alone cites only a work its author wrote
/// alone ("Goodenough" is no citation of Goodenough and Kim); a name
/// before a page ("Clemens argues … (84)") is one citation, not two; "———,
/// et al." repeats the entry before's first author; "World Bank." is an
/// organisation, not a person called World.
#[test]
fn mla_bare_names_dittos_and_organisations() {
    let text = "\
Goodenough had moved to Oxford in 1976, and the group later cited the
chemistry (Goodenough and Kim 596). Clemens argues that the gains are large
(84). Models are easier to compare (Sulzer et al., PyBaMM; Sulzer et al.,
Python Battery Mathematical Modelling (PyBaMM), sec. 2.1), and the data
(World Bank, Remittance Prices Worldwide) are public.

Works Cited

Clemens, Michael A. “Economics and Emigration.” Journal of Economic
Perspectives, vol. 25, no. 3, 2011, pp. 83–106.

Goodenough, John B., and Youngsik Kim. “Challenges for Rechargeable Li
Batteries.” Chemistry of Materials, vol. 22, no. 3, 2010, pp. 587–603.

Sulzer, Valentin, et al. PyBaMM: Python Battery Mathematical Modelling.
Version 23.5, 2023, https://github.com/pybamm-team/PyBaMM.

———, et al. Python Battery Mathematical Modelling (PyBaMM). 2019,
https://arxiv.org/abs/1910.03584.

World Bank. Remittance Prices Worldwide. https://remittanceprices.worldbank.org.
Accessed 3 Feb. 2024.
";
    let report = check_text("mla.txt", text, &Config::default());
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    let cites: Vec<&str> = report
        .citation_list
        .iter()
        .flat_map(|c| &c.items)
        .map(|i| i.cites.as_str())
        .collect();
    // Goodenough and Kim, Clemens's page, two Sulzer works, the World Bank.
    assert_eq!(cites.len(), 5, "{cites:?}");
    assert!(report
        .citation_list
        .iter()
        .flat_map(|c| &c.items)
        .all(|i| i.entry.is_some()));
}

/// Chicago notes in small, as pandoc lays them out: the bibliography with
/// each DOI on a line of its own (lines alike but for their digits, which
/// are no running head), then the notes, one a remark that cites along
/// the way ("The phrase “new economics” seems to have been Stark’s own;
/// compare …").
#[test]
fn chicago_notes_with_doi_lines_and_a_remark() {
    let text = "\
Migrants remit to insure their families.[1] The theory has a history.[2]

Bibliography

Lucas, Robert E. B., and Oded Stark. “Motivations to Remit: Evidence from
Botswana.” Journal of Political Economy 93, no. 5 (1985): 901–918.
https://doi.org/10.1086/261341.

Massey, Douglas S., Joaquín Arango, Graeme Hugo, Ali Kouaouci, Adela
Pellegrino, and J. Edward Taylor. “Theories of International Migration: A
Review and Appraisal.” Population and Development Review 19, no. 3 (1993):
431–466.
https://doi.org/10.2307/2938462.

Stark, Oded, and David E. Bloom. “The New Economics of Labor Migration.”
American Economic Review 75, no. 2 (1985): 173–178.
https://doi.org/10.2307/1805591.

[1] Robert E. B. Lucas and Oded Stark, “Motivations to Remit: Evidence from
Botswana,” Journal of Political Economy 93, no. 5 (1985): 915,
https://doi.org/10.1086/261341.

[2] The phrase “new economics” seems to have been Stark’s own; compare Stark and Bloom, “The New Economics of Labor Migration,” 174 with
the review by Massey et al., “Theories of International Migration,” 436n2.
";
    let doc = citemap::extract::extract_text("notes.txt", text);
    let dois: Vec<_> = doc
        .entries
        .iter()
        .filter_map(|e| e.reference().and_then(|r| r.doi.clone()))
        .collect();
    assert!(dois.len() >= 3, "every DOI line kept: {dois:?}");
    let report = check_text("notes.txt", text, &Config::default());
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    let resolved: Vec<_> = report
        .citation_list
        .iter()
        .flat_map(|c| &c.items)
        .filter_map(|i| i.entry.as_ref().map(|e| e.line))
        .collect();
    // Lucas and Stark in note 1, Stark and Bloom and Massey inside the remark.
    assert_eq!(resolved.len(), 3, "{:#?}", report.citation_list);
}
