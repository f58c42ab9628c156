//! The scanner, resolver and check never panic and always give spans that
//! point into the text, whatever the input.

use citemap::check::{check_text, Config};
use citemap::cite::{scan_text, ScanOptions};
use proptest::prelude::*;

/// Text built from the pieces citations are made of, so that the generator
/// reaches the scanner's branches rather than only plain prose.
fn citation_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("(".to_owned()),
        Just(")".to_owned()),
        Just("[".to_owned()),
        Just("]".to_owned()),
        Just("[^".to_owned()),
        Just("–".to_owned()),
        Just("ibid. ".to_owned()),
        Just("et al. ".to_owned()),
        Just("“".to_owned()),
        Just("*".to_owned()),
        Just(", ".to_owned()),
        Just("; ".to_owned()),
        Just(",3 ".to_owned()),
        Just("\n\n".to_owned()),
        Just("https://a.org/x-y z/ ".to_owned()),
        Just("doi: 10.1145/ 3 ".to_owned()),
        Just("As Kjösen argues ".to_owned()),
        "[A-Z][a-zé]{0,8}".prop_map(|s| s),
        "[0-9]{1,5}".prop_map(|s| s),
        "\\PC{0,3}".prop_map(|s| s),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn scanning_never_panics_and_spans_fit(text in citation_soup()) {
        for c in scan_text("p", &text, &ScanOptions::all()) {
            prop_assert!(c.range.end <= text.len());
            prop_assert!(text.is_char_boundary(c.range.start) && text.is_char_boundary(c.range.end));
            prop_assert_eq!(&text[c.range.clone()], c.text.as_str());
            prop_assert!(c.span.line >= 1 && c.span.column >= 1);
            for item in &c.items {
                prop_assert!(item.range.end <= text.len());
            }
        }
    }

    #[test]
    fn checking_never_panics(text in citation_soup()) {
        let doc = format!("{text}\n\nWorks cited\n\n- Kjösen, Atle. *Title*. Press, 2019.\n- {text}\n");
        let report = check_text("p", &doc, &Config::default());
        for p in &report.problems {
            if let Some(r) = &p.range {
                prop_assert!(r.end <= doc.len());
            }
        }
        let mut out = Vec::new();
        citemap::check::write_json(&mut out, &citemap::check::Report::new(vec![report.clone()])).unwrap();
        let mut human = termcolor::NoColor::new(Vec::new());
        citemap::check::write_human(&mut human, &citemap::check::Report::new(vec![report])).unwrap();
    }
}

#[test]
fn long_lines_and_many_markers_stay_linear() {
    // A works-cited list on one line and thousands of markers: this must
    // finish quickly (the test would hang otherwise), not be timed.
    let body = "a claim,3 and (Smith 4) [12] ".repeat(5_000);
    let refs = "[1] A. Author, ‘Title’, 2020. https://example.org/a-b c/ ".repeat(500);
    let text = format!("{body}\n\nREFERENCES\n\n{refs}\n");
    let report = check_text("big", &text, &Config::default());
    assert!(report.citations > 0);
}
