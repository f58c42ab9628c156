//! IEEE and Vancouver (numeric styles):
//! `[n] A. B. Family, C. Family, and D. Family, "Title," Container, vol. 1,
//! no. 2, pp. 1-9, Mon. Year, doi: 10….` and
//! `Family AB, Family C. Title. Journal. Year;Vol(Issue):Pages.`

/// Evidence for IEEE: a "[n]" label, initials before the family name, a
/// title in quotes ending in a comma, "vol." and "no." labels.
pub fn score(raw: &str) -> u32 {
    let mut n = 0;
    let t = raw.trim_start();
    if t.starts_with('[') && t[1..].starts_with(|c: char| c.is_ascii_digit()) {
        n += 2;
    }
    if super::text::contains(raw, ",” ")
        || super::text::contains(raw, ",\" ")
        || super::text::contains(raw, "’, ")
        || super::text::contains(raw, "', ")
    {
        n += 2;
    }
    if super::text::contains(raw, "vol. ") || super::text::contains(raw, "[Online]") {
        n += 1;
    }
    let b = t.as_bytes();
    if b.len() > 3 && b[0].is_ascii_uppercase() && b[1] == b'.' && b[2] == b' ' {
        n += 1;
    }
    n
}

/// Evidence for Vancouver: "Family AB," names and "Year;Vol(Issue):Pages".
pub fn vancouver_score(raw: &str) -> u32 {
    let mut n = 0;
    let b = raw.as_bytes();
    // Four digits then ';', the ';' not the last byte: found from the
    // (few) semicolons rather than tried at every byte.
    let year_semicolon = b.len() >= 5
        && memchr::memchr_iter(b';', &b[..b.len() - 1])
            .any(|j| j >= 4 && b[j - 4..j].iter().all(u8::is_ascii_digit));
    if year_semicolon {
        n += 2;
    }
    // "Smith JM," – a capitalised word and up to three capitals then a comma.
    let first: Vec<&str> = raw
        .split(',')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    if let [.., fam, ini] = first.as_slice() {
        if fam.chars().next().is_some_and(char::is_uppercase)
            && fam.chars().skip(1).any(char::is_lowercase)
            && (1..=3).contains(&ini.len())
            && ini.chars().all(|c| c.is_ascii_uppercase())
        {
            n += 2;
        }
    }
    n
}
