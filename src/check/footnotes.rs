//! Whether a footnote marker has its note somewhere in the document.

use crate::cite::CiteItem;

/// True when `text` holds a note for the marker `item` found at byte
/// `marker`: a line "3 The note", "3. The note", a markdown definition
/// "[^3]: …", or a note inlined by PDF extraction (" 3 Quote occurs …").
pub fn has_note(text: &str, item: &CiteItem, marker: usize) -> bool {
    if let Some(label) = &item.label {
        return text.contains(&format!("[^{label}]:"));
    }
    let Some(n) = item.number else { return false };
    let needle = n.to_string();
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(off) = text[from..].find(&needle) {
        let at = from + off;
        from = at + needle.len();
        if at == marker {
            continue;
        }
        // Alone as a number: not inside "2023" or "3.2".
        let before = at.checked_sub(1).map(|i| bytes[i]);
        if !matches!(before, None | Some(b' ' | b'\n' | b'\t')) {
            continue;
        }
        let mut k = at + needle.len();
        if matches!(bytes.get(k), Some(b'.' | b')')) {
            k += 1;
        }
        if !matches!(bytes.get(k), Some(b' ' | b'\t')) {
            continue;
        }
        while matches!(bytes.get(k), Some(b' ' | b'\t')) {
            k += 1;
        }
        let first = text[k..].chars().next();
        let second_lower = text[k..].chars().nth(1).is_some_and(char::is_lowercase);
        if first.is_some_and(char::is_uppercase) && second_lower {
            return true;
        }
    }
    false
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
        let t = "biased outputs,3 and more.\n\n3 See Buolamwini and Gebru.";
        assert!(has_note(t, &marker(3), t.find(",3").unwrap() + 1));
        let t = "labs [11].2 It should not. Other labs 2 Quote occurs at 22:30 here";
        assert!(has_note(t, &marker(2), t.find(".2").unwrap() + 1));
    }

    #[test]
    fn a_lonely_marker_has_no_note() {
        let t = "biased outputs,3 and in automated inequality, 2023 and 3.2 and 13 Things.";
        assert!(!has_note(t, &marker(3), t.find(",3").unwrap() + 1));
    }

    #[test]
    fn markdown_labels() {
        let item = CiteItem {
            label: Some("a".into()),
            ..CiteItem::default()
        };
        assert!(has_note("x[^a]\n\n[^a]: note", &item, 1));
        assert!(!has_note("x[^a]", &item, 1));
    }
}
