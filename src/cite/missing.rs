//! Name-only parentheticals that resolve to no entry but are citations all
//! the same: the entry is missing from the list.
//!
//! MLA cites a work by its author's name alone, "(Birhane)", "(Kingma and
//! Ba)", which looks like an aside, "(Pure)", "(AWS)". The scanner marks
//! such parentheses weak and the resolver drops those that match no entry,
//! so a citation whose entry was left out of the list went unreported. In
//! a paper that cites this way, a parenthesis of the same shape is taken
//! for a citation though it resolves to nothing, when:
//!
//! - it stands after the text's first citation (before it are the cover
//!   page and its asides: "research database (Pure)");
//! - it opens on the name, with no lower-case word before ("(e.g.
//!   Backspace, Centre)" lists examples);
//! - every name is one capitalised word with lower-case letters, as family
//!   names are (acronyms and products in several words are asides);
//! - a single name ends a clause: a full stop, comma, semicolon or colon
//!   follows, or the paragraph ends ("fornorsking (Norwegianisation)
//!   ended", "Aanaar (Inari) Sámi" gloss a word; a citation closes what it
//!   supports, and two names, "(Kingma and Ba)", are no gloss);
//! - the paper has at least [`MIN_RESOLVED`] parenthetical items of
//!   names alone ("et al." allowed) that do resolve, so that this is how
//!   it cites.

use super::resolve::Resolution;
use super::scan::{Citation, CiteItem, Form};
use crate::model::Entry;
use std::ops::Range;

/// Resolved name-only parenthetical items a paper must have before an
/// unresolved parenthesis of names counts as a citation.
pub const MIN_RESOLVED: usize = 3;

/// The citations among `found` (the scanner's, in text order) that name
/// only authors, resolved to nothing in `resolved`, and are still
/// citations by the rules above; each with no target.
pub fn unresolved_name_citations(
    text: &str,
    found: &[Citation],
    resolved: &[Resolution],
    entries: &[Entry],
) -> Vec<Resolution> {
    let first = crate::cite::scan::first_citation_start(found);
    let is_resolved = |r: &Range<usize>| {
        resolved
            .iter()
            .any(|x| x.citation.range == *r && x.targets.iter().any(Option::is_some))
    };
    let resolving = resolved
        .iter()
        .filter(|r| r.citation.form == Form::Parenthetical)
        .flat_map(|r| r.citation.items.iter().zip(&r.targets))
        .filter(|(i, t)| t.is_some() && names_alone(i))
        .count();
    if resolving < MIN_RESOLVED {
        return Vec::new();
    }
    found
        .iter()
        .filter(|c| c.weak && c.form == Form::Parenthetical && family_names_only(c))
        .filter(|c| {
            !c.items
                .iter()
                .flat_map(|i| &i.names)
                .any(|n| in_a_title(n, entries))
        })
        .filter(|c| c.range.start >= first && !is_resolved(&c.range))
        .filter(|c| {
            let one_name = c.items.len() == 1 && c.items[0].names.len() == 1;
            !one_name
                || ends_a_clause(text, c.range.end)
                    && !abbreviates_word_before(text, c.range.start, &c.items[0].names[0])
                    && !spells_words_before(text, c.range.start, &c.items[0].names[0])
        })
        .map(|c| Resolution {
            citation: c.clone(),
            targets: vec![None; c.items.len()],
        })
        .collect()
}

/// "gigatonnes (Gt)": a short name in parentheses whose letters, in order,
/// are those of the word in lower case before it, which it abbreviates.
fn abbreviates_word_before(text: &str, open: usize, name: &str) -> bool {
    let head = text[..open].trim_end();
    let word = head.rsplit(char::is_whitespace).next().unwrap_or("");
    if name.chars().count() > 4 || !word.chars().all(char::is_lowercase) {
        return false;
    }
    let mut letters = word.chars();
    name.to_lowercase()
        .chars()
        .all(|c| letters.by_ref().any(|w| w == c))
        && word.starts_with(|c: char| name.to_lowercase().starts_with(c))
}

/// "Hungarian-made Automated Telescope Network (HATNet)": a name whose
/// capitals, in order, are the initials of the words just before it
/// ("of", "and" and "the" aside) is their acronym, not an author. Written
/// in capitals alone, with at most a plural's "s" ("homing endonuclease
/// genes (HEGs)"), it may spell words in lower case too; a mixed name
/// ("made decisions (McDonald)") may not.
fn spells_words_before(text: &str, open: usize, name: &str) -> bool {
    let caps: Vec<char> = name.chars().filter(|c| c.is_uppercase()).collect();
    if caps.len() < 2 {
        return false;
    }
    let acronym = name
        .strip_suffix('s')
        .unwrap_or(name)
        .chars()
        .all(|c| c.is_uppercase());
    let words: Vec<&str> = text[..open]
        .split_whitespace()
        .rev()
        .filter(|w| !matches!(*w, "of" | "and" | "for" | "the" | "on" | "&"))
        .take(caps.len())
        .collect();
    words.len() == caps.len()
        && words.iter().rev().zip(&caps).all(|(w, c)| {
            let w = w.trim_start_matches(['(', '“', '"']);
            w.starts_with(*c)
                || acronym && w.chars().next().is_some_and(|f| f.to_uppercase().eq([*c]))
        })
}

/// Whether what follows `at` closes a clause: punctuation, a closing
/// bracket or quote, or a blank line (the paragraph's end).
fn ends_a_clause(text: &str, at: usize) -> bool {
    let rest = text.get(at..).unwrap_or("");
    let after = rest.trim_start_matches([' ', '\u{a0}']);
    after.is_empty()
        || after.starts_with(['.', ',', ';', ':', '?', '!', ')', ']', '”', '"', '’'])
        || after.starts_with("\n\n")
        || after.starts_with("\r\n\r\n")
}

/// Whether `name` is a word of some entry past its names ("Artists and
/// Artisans in Delft"): "(Delft)" is then the prose's aside about what the
/// listed works are about, not an author whose entry is missing.
fn in_a_title(name: &str, entries: &[Entry]) -> bool {
    entries.iter().any(|e| {
        let raw: &str = &e.raw;
        let lead = raw.find(['.', '(']).map_or(raw.len(), |k| k + 1);
        raw[lead..].match_indices(name).any(|(k, _)| {
            let at = lead + k;
            let end = at + name.len();
            !raw[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && !raw[end..].chars().next().is_some_and(char::is_alphanumeric)
        })
    })
}

/// "(Birhane)", "(Kingma and Ba)", "(Piketty; Sen)": every item names
/// authors only, each a family name of one word, and the parenthesis
/// opens on the first of them.
fn family_names_only(c: &Citation) -> bool {
    c.text
        .strip_prefix('(')
        .is_some_and(|t| t.starts_with(char::is_uppercase))
        && c.items
            .iter()
            .all(|i| names_alone(i) && !i.et_al && i.names.len() <= 3)
        && c.items
            .iter()
            .flat_map(|i| &i.names)
            .all(|n| family_name(n))
}

/// Names and nothing else ("et al." aside): no title, year or page.
fn names_alone(i: &CiteItem) -> bool {
    !i.names.is_empty()
        && !i.ibid
        && i.title.is_none()
        && i.year.is_none()
        && i.locator.is_none()
        && i.number.is_none()
}

/// One word, capitalised, with lower-case letters after: "Birhane", "Ba",
/// "O’Neil", "Costanza-Chock"; not "AWS", "Hugging Face".
fn family_name(n: &str) -> bool {
    let mut chars = n.chars();
    chars.next().is_some_and(char::is_uppercase)
        && n.chars().any(char::is_lowercase)
        && n.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        // "E-ZPass": each part of a hyphenated family name is a word.
        && n.split('-').all(|part| part.chars().count() >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::resolve::resolve;
    use crate::cite::scan::{scan_text, ScanOptions};
    use crate::model::{Entry, Span, Style};

    fn entry(raw: &str) -> Entry {
        Entry {
            span: Span::default(),
            label: None,
            marker: None,
            raw: raw.into(),
            style: Style::Mla,
            outcome: crate::model::Outcome::Unparsed {
                reason: "test".into(),
            },
        }
    }

    fn missing(text: &str) -> Vec<String> {
        let entries = [
            entry("Noble, Safiya. Algorithms of Oppression. NYU Press, 2018."),
            entry("Eubanks, Virginia. Automating Inequality. St. Martin's, 2018."),
            entry("Benjamin, Ruha. Race after Technology. Polity, 2019."),
        ];
        let found = scan_text("t", text, &ScanOptions::for_style(Style::Mla));
        let resolved = resolve(found.clone(), &entries);
        unresolved_name_citations(text, &found, &resolved, &entries)
            .into_iter()
            .map(|r| r.citation.text)
            .collect()
    }

    #[test]
    fn asides_about_a_listed_title_or_a_product_are_no_citations() {
        // Three name-only citations make this a paper that cites so.
        let base = "Bias (Noble 4). It is old (Noble; Benjamin). Also (Eubanks et al.). ";
        assert_eq!(missing(&format!("{base}D (Hoffmann).")), ["(Hoffmann)"]);
        // "Race" is a word of Benjamin's title; "E-ZPass" no family name.
        assert!(missing(&format!("{base}D (Race).")).is_empty());
        assert!(missing(&format!("{base}D (E-ZPass).")).is_empty());
        // A gloss of the word before: the clause goes on after it.
        assert!(missing(&format!("{base}fornorsking (Norwegianisation) ended.")).is_empty());
        assert_eq!(
            missing(&format!("{base}it ended (Hoffmann), and then\n\n")),
            ["(Hoffmann)"]
        );
        // A unit's abbreviation of the word before it.
        assert!(missing(&format!("{base}a mass in gigatonnes (Gt), and so.")).is_empty());
        assert_eq!(
            missing(&format!("{base}as in glaciers (Gu), and so.")),
            ["(Gu)"]
        );
    }

    #[test]
    fn an_acronym_of_the_words_before_is_no_citation() {
        assert!(spells_words_before(
            "the Hungarian-made Automated Telescope Network (HATNet)",
            "the Hungarian-made Automated Telescope Network ".len(),
            "HATNet"
        ));
        let t = "as argued by Ruha Benjamin (Birhane)";
        assert!(!spells_words_before(t, t.find('(').unwrap(), "Birhane"));
        let t = "the Wide Angle Search for Planets (WASP)";
        assert!(spells_words_before(t, t.find('(').unwrap(), "WASP"));
        let t = "a survey of Planets (WASP)";
        assert!(!spells_words_before(t, t.find('(').unwrap(), "WASP"));
        // Capitals alone, and a plural, may spell words in lower case.
        let t = "site-specific homing endonuclease genes (HEGs)";
        assert!(spells_words_before(t, t.find('(').unwrap(), "HEGs"));
        // A name in mixed case may not.
        let t = "the committee made decisions (McDonald)";
        assert!(!spells_words_before(t, t.find('(').unwrap(), "McDonald"));
    }

    #[test]
    fn a_citation_of_a_missing_entry_is_kept() {
        let text = "A database (Pure). Bias (Noble 4). It is old (Noble; Benjamin). Also \
                    (Eubanks et al.). Ethics starts there (Birhane). Adam (Kingma and Ba) \
                    on (AWS) and (e.g. Backspace, Centre) or (Hugging Face).";
        assert_eq!(missing(text), ["(Birhane)", "(Kingma and Ba)"]);
    }

    #[test]
    fn not_in_a_paper_that_does_not_cite_by_names_alone() {
        let text = "Bias (Noble 4). It is old (Noble). Ethics starts there (Birhane).";
        assert!(missing(text).is_empty());
    }
}
