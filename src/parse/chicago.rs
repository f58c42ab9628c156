//! Chicago (notes-bibliography and author-date) and Harvard:
//! `Family, Given. Year. Title. Place: Publisher.` (author-date),
//! `Family, Given. Title. Place: Publisher, Year.` (bibliography),
//! `Family, G. (Year) Title. Place: Publisher.` (Harvard).

/// Evidence for Chicago: "Place: Publisher, Year" and "Year." after names.
pub fn score(raw: &str) -> u32 {
    let mut n = 0;
    let mut prev = ' ';
    for (i, c) in raw.char_indices() {
        // "Place: Publisher, Year." – a colon after a capitalised word.
        if c == ':' && prev.is_alphabetic() && raw[i + 1..].starts_with(' ') {
            let after = &raw[i + 2..];
            if after.starts_with(|c: char| c.is_uppercase()) && super::text::contains(after, ", ") {
                n += 1;
                break;
            }
        }
        prev = c;
    }
    if super::text::contains(raw, ". In ")
        || super::text::contains(raw, ", edited by")
        || super::text::contains(raw, ". Edited by")
    {
        n += 1;
    }
    n
}

/// Evidence for Harvard: "(Year)" without the period APA puts after it, or
/// "Family, G. Year." with a bare year.
pub fn harvard_score(raw: &str) -> u32 {
    let mut n = 0;
    if let Some(k) = super::text::find(raw, ") ") {
        if k >= 5
            && raw.as_bytes()[k - 5] == b'('
            && raw.as_bytes()[k - 4..k].iter().all(u8::is_ascii_digit)
        {
            n += 2;
        }
    }
    if super::text::contains(raw, "Available at:") {
        n += 2;
    }
    n
}
