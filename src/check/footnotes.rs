//! Whether a footnote marker has its note somewhere in the document.

use crate::cite::scan::superscript_number;
use crate::cite::CiteItem;
use std::collections::HashSet;

/// The notes a document holds, found in one pass so that a document with
/// thousands of markers costs no more than one with three.
#[derive(Debug, Default)]
pub struct Notes {
    numbers: HashSet<u32>,
    labels: HashSet<String>,
}

impl Notes {
    /// Finds the notes of `text`: a number standing alone before a
    /// capitalised word ("3 See Buolamwini", "3. The note", and notes that
    /// PDF extraction inlined mid-line, " 2 Quote occurs at 22:30"), and
    /// markdown definitions "[^label]:".
    pub fn new(text: &str) -> Self {
        let mut notes = Notes::default();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b == b'[' && bytes.get(i + 1) == Some(&b'^') {
                if let Some(close) = text[i + 2..].find(']') {
                    let label = &text[i + 2..i + 2 + close];
                    if text[i + 2 + close + 1..].starts_with(':') {
                        notes.labels.insert(label.to_owned());
                    }
                }
                i += 2;
                continue;
            }
            let alone = i == 0 || matches!(bytes[i - 1], b' ' | b'\n' | b'\t');
            if alone && matches!(b, 0xC2 | 0xE2) {
                if let Some((n, len)) = text.get(i..).and_then(superscript_number) {
                    let rest = text[i + len..].trim_start_matches([' ', '\t']);
                    if rest.len() < text.len() - i - len && rest.starts_with(char::is_uppercase) {
                        notes.numbers.insert(n);
                    }
                    i += len;
                    continue;
                }
            }
            if !(b.is_ascii_digit() && alone) {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            if i - start > 3 {
                continue;
            }
            let mut k = i;
            if matches!(bytes.get(k), Some(b'.' | b')')) {
                k += 1;
            }
            if !matches!(bytes.get(k), Some(b' ' | b'\t')) {
                continue;
            }
            while matches!(bytes.get(k), Some(b' ' | b'\t')) {
                k += 1;
            }
            let mut next = text[k..].chars();
            let capital = next.next().is_some_and(char::is_uppercase);
            let then_lower = next.next().is_some_and(char::is_lowercase);
            if capital && then_lower {
                if let Ok(n) = text[start..i].parse() {
                    notes.numbers.insert(n);
                }
            }
        }
        notes
    }

    /// True when the marker `item` has a note.
    pub fn has(&self, item: &CiteItem) -> bool {
        match (&item.label, item.number) {
            (Some(label), _) => self.labels.contains(label),
            (None, Some(n)) => self.numbers.contains(&n),
            (None, None) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(n: u32) -> CiteItem {
        CiteItem {
            number: Some(n),
            ..CiteItem::default()
        }
    }

    #[test]
    fn finds_notes_in_their_forms() {
        let notes = Notes::new("biased outputs,3 and more.\n\n3 See Buolamwini and Gebru.");
        assert!(notes.has(&marker(3)));
        let notes =
            Notes::new("labs [11].2 It should not. Other labs 2 Quote occurs at 22:30 here");
        assert!(notes.has(&marker(2)));
        assert!(Notes::new("text\n\n4. Though there is concern").has(&marker(4)));
        assert!(Notes::new("text³ more\n\n³ The note.").has(&marker(3)));
        assert!(!Notes::new("text³ more x³ + y³").has(&marker(3)));
    }

    #[test]
    fn a_lonely_marker_has_no_note() {
        let notes =
            Notes::new("biased outputs,3 and in automated inequality, 2023 and 3.2 and 13 Things.");
        assert!(!notes.has(&marker(3)));
    }

    #[test]
    fn markdown_labels() {
        let item = CiteItem {
            label: Some("a".into()),
            ..CiteItem::default()
        };
        assert!(Notes::new("x[^a]\n\n[^a]: note").has(&item));
        assert!(!Notes::new("x[^a]").has(&item));
    }
}
