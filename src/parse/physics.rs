//! Physics and chemistry short forms, where the title is left out:
//! "Phys. Rev. D 65, 094516 (2002)", "J. Am. Chem. Soc. 103, 2450 (1981)",
//! "1997, ApJ, 475, 163".

use super::lexicon;

/// True when the words before the first number (`head`) are an abbreviated
/// journal, so the reference has no title. `boundary` is where a sentence
/// would end in the text after the names.
pub fn no_title(head: &str, boundary: Option<usize>) -> bool {
    let h = head.trim().trim_end_matches([',', ';', ':']).trim();
    if h.is_empty() {
        return false;
    }
    if !lexicon::looks_like_abbreviated_journal(h) {
        return false;
    }
    // A full word ending a sentence before the numbers ("Cancer. N Engl J
    // Med") is a title.
    match boundary {
        Some(b) if b < head.len() => {
            let word = head[..b].rsplit(' ').next().unwrap_or("");
            word.chars().filter(|c| c.is_alphabetic()).count() <= 5
                || word.contains('.')
                || lexicon::is_journal_word(word)
        }
        _ => true,
    }
}

/// Evidence that a reference is in a physics short form.
pub fn score(raw: &str) -> u32 {
    let mut n = 0;
    // "65, 094516 (2002)" / "(2002) 167"
    let b = raw.as_bytes();
    if let Some(k) = raw.rfind('(') {
        if b.len() > k + 5
            && b[k + 1..k + 5].iter().all(u8::is_ascii_digit)
            && !raw[..k].contains('"')
        {
            n += 1;
        }
    }
    if raw.contains("Phys.") || raw.contains("Rev.") || raw.contains("Lett.") {
        n += 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviated_journal_heads() {
        assert!(no_title("Acc. Chem. Res. ", Some(3)));
        assert!(no_title("Phys. Rev. B ", None));
        assert!(!no_title(
            "Macrophages in rheumatoid arthritis. Arthritis Res ",
            Some(35)
        ));
    }
}
