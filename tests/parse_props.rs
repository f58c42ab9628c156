//! Property tests: whatever the input, the parser returns (no panic, no
//! hang) and what it returns is consistent with the input.

use citemap::parse::{guess_style, parse_reference};
use citemap::{Outcome, Style};
use proptest::prelude::*;

fn styles() -> impl Strategy<Value = Style> {
    prop_oneof![
        Just(Style::Unknown),
        Just(Style::Mla),
        Just(Style::Apa),
        Just(Style::Chicago),
        Just(Style::Harvard),
        Just(Style::Ieee),
        Just(Style::Vancouver),
    ]
}

/// Pieces references are made of, so random strings reach deep into the
/// grammars instead of failing at the first character.
fn reference_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Smith, J. ".to_string()),
        Just("J. P. Smith, ".to_string()),
        Just("Smith JP, ".to_string()),
        Just("van der Berg, Anna and ".to_string()),
        Just("et al. ".to_string()),
        Just("(2019). ".to_string()),
        Just("“Title,” ".to_string()),
        Just("‘Let’s go’ ".to_string()),
        Just("*Italic* ".to_string()),
        Just("In: ".to_string()),
        Just("edited by ".to_string()),
        Just("Phys. Rev. D 65, 094516 (2002) ".to_string()),
        Just("2019;266(3):1-9. ".to_string()),
        Just("vol. 4, no. 3, pp. 12–19, ".to_string()),
        Just("Sep. 26, 2016. ".to_string()),
        Just("23.09.-27.09.2019 ".to_string()),
        Just("doi: 10.1038/abc ".to_string()),
        Just("https://example.org/a b ".to_string()),
        Just("arXiv:1234.5678 ".to_string()),
        Just("New York: Wiley, ".to_string()),
        Just("(Ed.) ".to_string()),
        "[ -~]{0,12}",
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..14).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,300}", style in styles()) {
        let _ = guess_style(&s);
        let _ = parse_reference(&s, style);
    }

    #[test]
    fn reference_like_text_never_panics(s in reference_like(), style in styles()) {
        let p = parse_reference(&s, style);
        if let Outcome::Parsed { reference, confidence } = p.outcome {
            prop_assert!((0.0..=1.0).contains(&confidence));
            // Pages never keep an en dash.
            prop_assert!(!reference.pages.clone().unwrap_or_default().contains('–'));
            // A DOI is bare.
            if let Some(doi) = &reference.doi {
                prop_assert!(doi.starts_with("10."), "doi {doi:?}");
            }
        }
    }

    #[test]
    fn a_given_style_is_kept(s in reference_like(), style in styles()) {
        let p = parse_reference(&s, style);
        if style != Style::Unknown {
            prop_assert_eq!(p.style, style);
        }
    }
}

#[test]
fn huge_input_without_spaces_comes_back() {
    let long = "a".repeat(100_000);
    let _ = parse_reference(&long, Style::Unknown);
    let digits = "1,".repeat(50_000);
    let _ = parse_reference(&digits, Style::Vancouver);
    let names = "Smith J, ".repeat(12_000);
    let p = parse_reference(&names, Style::Unknown);
    assert!(matches!(
        p.outcome,
        Outcome::Parsed { .. } | Outcome::Unparsed { .. }
    ));
}
