//! APA 7: `Family, G. M., & Family, G. (Year). Title. Container, 12(3),
//! 1-9. https://doi.org/…`
//!
//! The shared grammar reads APA (a date right after the names); this module
//! gives the evidence used to recognise it.

/// Evidence that `raw` is APA: "(2018)." after the names, "&" before the
/// last author, "Family, F." names.
pub fn score(raw: &str) -> u32 {
    let mut n = 0;
    // The first 400 characters, borrowed; a string of at most 400 bytes
    // has no more characters than that.
    let head = if raw.len() <= 400 {
        raw
    } else {
        raw.char_indices().nth(400).map_or(raw, |(k, _)| &raw[..k])
    };
    if let Some(k) = super::text::find(head, " (") {
        let after = &head[k + 2..];
        let is_year = after.len() >= 5
            && after.as_bytes()[..4].iter().all(u8::is_ascii_digit)
            && matches!(after.as_bytes()[4], b')' | b'a'..=b'z' | b',');
        if is_year || after.starts_with("n.d.") {
            n += 3;
        }
    }
    if super::text::contains(head, ", & ") {
        n += 1;
    }
    n
}
