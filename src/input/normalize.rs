//! Cleaning the characters PDF extraction leaves behind, without ever adding
//! or removing a line: every reported line number must still point into the
//! user's file.

use std::borrow::Cow;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Normalises a document's text while keeping its line numbers.
///
/// * CRLF becomes LF; a stray CR becomes a space (unless the whole file uses
///   old Mac CR line ends, then each CR becomes LF);
/// * ligatures (ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ) are spelled out;
/// * no-break and other fixed-width spaces become plain spaces;
/// * soft hyphens, zero-width characters, byte-order marks and form feeds
///   are removed;
/// * the result is in Unicode NFC, so "é" is one character whatever the
///   PDF tool emitted.
///
/// ```
/// use citemap::input::normalize::normalize;
/// let t = normalize("ﬁrst\u{a0}line\r\nsoft\u{ad}ware\n");
/// assert_eq!(t, "first line\nsoftware\n");
/// ```
pub fn normalize(text: &str) -> Cow<'_, str> {
    let clean = !text.chars().any(needs_mapping);
    let nfc = is_nfc_quick(text.chars()) == IsNormalized::Yes;
    if clean && nfc {
        return Cow::Borrowed(text);
    }
    let mac_line_ends = !text.contains('\n') && text.contains('\r');
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' if mac_line_ends => out.push('\n'),
            '\r' => out.push(' '),
            _ => map_char(c, &mut out),
        }
    }
    if is_nfc_quick(out.chars()) == IsNormalized::Yes {
        Cow::Owned(out)
    } else {
        Cow::Owned(out.nfc().collect())
    }
}

fn needs_mapping(c: char) -> bool {
    matches!(
        c,
        '\r' | '\u{0c}'
            | '\u{a0}'
            | '\u{ad}'
            | '\u{2000}'..='\u{200b}'
            | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
            | '\u{feff}'
            | '\u{fb00}'..='\u{fb06}'
    )
}

/// Pushes the replacement for one character (itself when it needs none).
fn map_char(c: char, out: &mut String) {
    match c {
        '\u{fb00}' => out.push_str("ff"),
        '\u{fb01}' => out.push_str("fi"),
        '\u{fb02}' => out.push_str("fl"),
        '\u{fb03}' => out.push_str("ffi"),
        '\u{fb04}' => out.push_str("ffl"),
        '\u{fb05}' | '\u{fb06}' => out.push_str("st"),
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => out.push(' '),
        '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{0c}' => {}
        _ => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_count_is_kept() {
        let raw = "a\r\nb\rc\r\n\r\nﬁ\u{feff}\u{0c}d\n";
        let n = normalize(raw);
        assert_eq!(n.matches('\n').count(), raw.matches('\n').count());
        assert_eq!(n, "a\nb c\n\nfid\n");
    }

    #[test]
    fn old_mac_line_ends_become_newlines() {
        assert_eq!(normalize("a\rb\r"), "a\nb\n");
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(normalize("plain\ntext"), Cow::Borrowed(_)));
    }

    #[test]
    fn decomposed_accents_are_composed() {
        assert_eq!(normalize("Sa\u{300}etra"), "Sàetra");
    }
}
