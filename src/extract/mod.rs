//! Finding the works-cited section of a document and splitting it into entries.
//!
//! [`extract`] runs the stages in order: [`section`] finds the list,
//! [`split`] cuts it into entries with their line spans, [`repair`] mends
//! each entry's PDF damage, then the list's style is voted over the entries
//! ([`crate::parse::guess_style`]) and every entry is parsed with that hint.
//! Every entry that was cut appears in the result, parsed or not.

pub mod cues;
pub mod repair;
pub mod section;
pub mod split;

use crate::input::{normalize::normalize, Source};
use crate::model::{Document, Entry, Outcome, Section, Span, Style};
use crate::parse;
use rayon::prelude::*;
use std::collections::HashMap;

/// The note a document gets when it has no works-cited list.
pub const NO_SECTION: &str = "no works-cited section found";

/// Entries longer than this (in bytes) are not handed to the parser: no
/// reference is that long, so the list was probably not split.
pub const MAX_ENTRY_LEN: usize = 10_000;

/// Extracts the works-cited entries of a loaded document.
///
/// A source whose format states its list ([`Source::entries`]: a reference
/// library, a database export record) keeps that list as it is; only text
/// is searched for one.
pub fn extract(source: &Source) -> Document {
    let mut doc = match &source.entries {
        Some(entries) => Document {
            path: source.path.clone(),
            meta: Default::default(),
            section: None,
            style: Style::Unknown,
            entries: entries.clone(),
            notes: Vec::new(),
        },
        None => extract_text(&source.path, &source.text),
    };
    doc.meta = source.meta.clone();
    let mut notes = source.notes.clone();
    notes.append(&mut doc.notes);
    doc.notes = notes;
    doc
}

/// Extracts many documents, in parallel, in the order given.
pub fn extract_all(sources: &[Source]) -> Vec<Document> {
    sources.par_iter().map(extract).collect()
}

/// Extracts the works-cited entries of a text; `path` is used in spans.
///
/// ```
/// let text = "Intro.\n\nWorks cited\n\n- Benjamin, Ruha. *Race after Technology*. Polity Press, 2019.\n";
/// let doc = citemap::extract::extract_text("paper.md", text);
/// assert_eq!(doc.entries.len(), 1);
/// assert_eq!(doc.entries[0].span.line, 5);
/// ```
pub fn extract_text(path: &str, text: &str) -> Document {
    let text = normalize(text);
    let lines: Vec<&str> = text.split('\n').collect();
    let mut doc = Document {
        path: path.to_owned(),
        meta: Default::default(),
        section: None,
        style: Style::Unknown,
        entries: Vec::new(),
        notes: Vec::new(),
    };
    let Some(found) = section::find(&lines) else {
        doc.notes.push(NO_SECTION.to_owned());
        return doc;
    };
    doc.section = Some(Section {
        heading: found.heading.clone(),
        line: found.first + 1,
        end_line: found.last + 1,
    });
    if found.heading_line.is_none() {
        doc.notes.push(format!(
            "no works-cited heading; took lines {}-{} as the list",
            found.first + 1,
            found.last + 1
        ));
    }
    let cut = split::split_from(&lines, found.first, found.start, found.last);
    doc.notes.extend(cut.notes);
    if cut.entries.is_empty() {
        doc.notes
            .push(format!("the section \"{}\" has no entries", found.heading));
        return doc;
    }
    let repaired: Vec<String> = cut
        .entries
        .iter()
        .map(|e| repair::repair_entry(&e.text).into_owned())
        .collect();
    doc.style = vote_style(&repaired);
    doc.entries = cut
        .entries
        .into_iter()
        .zip(repaired)
        .map(|(raw, text)| {
            let (style, outcome) = parse_entry(&text, doc.style);
            Entry {
                span: Span {
                    path: path.to_owned(),
                    line: raw.line,
                    end_line: raw.end_line,
                    column: raw.column,
                },
                label: raw.label,
                raw: text,
                style,
                outcome,
            }
        })
        .collect();
    doc
}

/// The most common style guessed over the entries (ties go to the style
/// seen first); `Unknown` when no entry gives a guess.
fn vote_style(entries: &[String]) -> Style {
    let mut votes: HashMap<Style, (usize, usize)> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        if e.len() > MAX_ENTRY_LEN {
            continue;
        }
        let style = parse::guess_style(e);
        if style != Style::Unknown {
            let v = votes.entry(style).or_insert((0, i));
            v.0 += 1;
        }
    }
    votes
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
        .map_or(Style::Unknown, |(s, _)| s)
}

fn parse_entry(text: &str, hint: Style) -> (Style, Outcome) {
    if text.len() > MAX_ENTRY_LEN {
        return (
            hint,
            Outcome::Unparsed {
                reason: format!(
                    "too long for a reference ({} characters); the list may not have been split",
                    text.chars().count()
                ),
            },
        );
    }
    let parsed = parse::parse_reference(text, hint);
    (parsed.style, parsed.outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_section_is_noted() {
        let doc = extract_text("x.txt", "Just prose, written in 2019 by someone.\n");
        assert!(doc.entries.is_empty());
        assert_eq!(doc.notes, [NO_SECTION]);
    }

    #[test]
    fn spans_point_at_the_entry_lines() {
        let doc = extract_text(
            "p.md",
            "Text.\r\n\r\nReferences\r\n\r\n[1] A. Author, ‘T’, J, 2020. [2] B. Author, ‘U’, K, 2021.\r\n",
        );
        assert_eq!(doc.entries.len(), 2);
        assert_eq!(doc.entries[1].span.line, 5);
        assert_eq!(doc.entries[1].span.column, 30);
        assert_eq!(doc.entries[1].label.as_deref(), Some("2"));
        assert_eq!(doc.section.as_ref().map(|s| s.line), Some(4));
    }

    #[test]
    fn overlong_entries_are_unparsed_not_dropped() {
        let text = format!(
            "References\n\n[1] Author, A. {} 2020.\n",
            "x".repeat(20_000)
        );
        let doc = extract_text("big.txt", &text);
        assert_eq!(doc.entries.len(), 1);
        assert!(matches!(doc.entries[0].outcome, Outcome::Unparsed { .. }));
    }
}
