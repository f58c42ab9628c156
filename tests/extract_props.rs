//! Properties of extraction on random text: it never panics, every entry the
//! splitter cuts reaches the document (parsed or unparsed), and spans stay
//! inside the section they came from.

use citemap::extract::{extract_text, repair::repair_entry, section, split};
use citemap::input::normalize::normalize;
use citemap::Outcome;
use proptest::prelude::*;

/// Lines that exercise the extractor: headings, list markers, references,
/// broken URLs, page furniture and noise.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("References".to_owned()),
        Just("Works cited".to_owned()),
        Just("## Bibliography".to_owned()),
        Just("12".to_owned()),
        Just("- Apprich, Clemens. *Technotopia*. Rowman & Littlefield, 2017.".to_owned()),
        Just(" - Srnicek, Nick. \"Data.\" *Work*, edited by Mark".to_owned()),
        Just("- Graham and Fabian Ferrari. The MIT Press, 2022, pp. 241-262.".to_owned()),
        (1u32..6).prop_map(|n| format!(
            "[{n}] A. Author, ‘Title’, J, 2020. https://x.org/a-b c/d (accessed 2021). [{}] B. C, ‘U’, 2019.",
            n + 1
        )),
        (1u32..6).prop_map(|n| format!("{n}. Family, G. Title. Press, 199{n}.")),
        "\\PC{0,80}",
        "[ \\-\\[\\]0-9a-z./:]{0,60}",
    ]
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(line(), 0..40).prop_map(|lines| lines.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_text_never_panics(text in "\\PC{0,400}") {
        let doc = extract_text("random.txt", &text);
        for e in &doc.entries {
            prop_assert!(e.span.line >= 1 && e.span.line <= e.span.end_line);
        }
    }

    #[test]
    fn split_entries_are_conserved(text in document()) {
        // The rules alone (no line models): every entry the splitter cut
        // is reported, parsed or not.
        let doc = citemap::extract::extract_with("doc.md", &text, None, None);
        let normal = normalize(&text);
        let lines: Vec<&str> = normal.split('\n').collect();
        let cut = match section::find(&lines) {
            Some(found) => split::split(&lines, found.first, found.last).entries.len(),
            None => 0,
        };
        let parsed = doc.entries.iter().filter(|e| matches!(e.outcome, Outcome::Parsed { .. })).count();
        let unparsed = doc.entries.iter().filter(|e| matches!(e.outcome, Outcome::Unparsed { .. })).count();
        prop_assert_eq!(parsed + unparsed, doc.entries.len());
        // The last section is the one the rules cut; sections the rules
        // were as sure of before it (a second heading above) add theirs.
        // Entries cut off the end as a trailer or notes are reported so.
        let noted = doc.notes.iter().any(|n| n.contains("off the end of the list"));
        if doc.sections.is_empty() && noted {
            prop_assert!(doc.entries.len() < cut);
        } else if doc.sections.is_empty() {
            prop_assert_eq!(doc.entries.len(), cut);
        } else {
            prop_assert!(doc.entries.len() > cut);
        }
        let sections: Vec<_> = if doc.sections.is_empty() {
            doc.section.iter().cloned().collect()
        } else {
            doc.sections.clone()
        };
        for e in &doc.entries {
            prop_assert!(sections.iter().any(|s| e.span.line >= s.line && e.span.end_line <= s.end_line),
                "entry {:?} outside every section {:?}", e.span, sections);
        }
    }

    #[test]
    fn learned_entries_lie_in_their_sections_in_order(text in document()) {
        let doc = extract_text("doc.md", &text);
        let sections: Vec<_> = if doc.sections.is_empty() {
            doc.section.iter().cloned().collect()
        } else {
            doc.sections.clone()
        };
        prop_assert!(doc.entries.is_empty() || !sections.is_empty());
        let mut last = (0, 0);
        for e in &doc.entries {
            prop_assert!(sections.iter().any(|s| e.span.line >= s.line.saturating_sub(1) && e.span.end_line <= s.end_line),
                "entry {:?} outside sections {:?}", e.span, sections);
            prop_assert!((e.span.line, e.span.column) > last, "entries out of order");
            last = (e.span.line, e.span.column);
        }
    }

    #[test]
    fn repaired_entries_are_single_spaced_lines(text in "\\PC{0,200}") {
        let fixed = repair_entry(&text);
        prop_assert!(!fixed.contains('\n'));
        prop_assert!(!fixed.contains("  "));
        prop_assert_eq!(fixed.trim(), &*fixed);
    }
}
