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
        // "Int. J. Chem. Kinet. 5": the full stop closes the journal.
        Some(b) if head[b + 1..].trim().is_empty() => true,
        Some(b) if b < head.len() => {
            let word = head[..b].rsplit(' ').next().unwrap_or("");
            word.chars().filter(|c| c.is_alphabetic()).count() <= 4
                || word.contains('.')
                || lexicon::is_journal_word(word)
                || dotted_chain(&head[..b], head.get(b + 1..).unwrap_or(""))
                || abbreviations_after(head.get(b + 1..).unwrap_or(""))
        }
        _ => true,
    }
}

/// "Prog. Energy Combust. Sci.": what follows the apparent sentence end is
/// one to three abbreviated journal words, each cut with a full stop.
fn abbreviations_after(after: &str) -> bool {
    let words: Vec<&str> = after
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', ';', ':']))
        .filter(|w| !w.is_empty())
        .collect();
    (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                && w.ends_with('.')
                && lexicon::is_journal_word(w.trim_end_matches('.'))
        })
}

/// "Astropart. Phys.", "Gen. Relativ. Gravit.": a few capitalised words,
/// each cut short with a full stop, on both sides of the apparent sentence
/// end — one abbreviated journal rather than a one-word title and a journal
/// ("Cancer. N Engl J Med" keeps its title: the journal there is undotted).
fn dotted_chain(before: &str, after: &str) -> bool {
    let words: Vec<&str> = before.split_whitespace().collect();
    let after: Vec<&str> = after
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', ';', ':']))
        .filter(|w| !w.is_empty())
        .collect();
    let capital = |w: &&str| w.starts_with(|c: char| c.is_uppercase());
    (1..=3).contains(&words.len())
        && words.iter().all(capital)
        && words[..words.len() - 1].iter().all(|w| w.ends_with('.'))
        && (1..=3).contains(&after.len())
        && after.iter().all(|w| w.ends_with('.') && capital(w))
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
        assert!(no_title("Astropart. Phys. ", Some(9)));
        assert!(!no_title("Cancer. N Engl J Med ", Some(6)));
    }
}
