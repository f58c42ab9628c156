//! Cheap tests on single lines that the section finder and the splitter
//! share: does a line look like (the start of) a reference?
//!
//! A reference line needs more than a year: the "Recently viewed" list of a
//! publisher page is numbered like a bibliography but its lines are bare
//! titles, and prose mentions years too. So a line counts only with a year
//! *and* a second cue (an author-like start, a numbered label, a quoted
//! title, a venue or locator word).

use regex::Regex;
use std::sync::LazyLock;

/// Longest line that still counts as one reference when it does not open a
/// numbered run: longer lines are prose paragraphs.
pub const MAX_REFERENCE_LINE: usize = 600;

static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d])(1[6-9]\d\d|20\d\d)[a-z]?(?:[^\d]|$)|\bn\.\s?d\.|(?i)\bforthcoming\b")
        .expect("valid regex")
});

/// "Family, Given", "Family, G.", "FAMILY, G." or "G. Family" at the start.
static AUTHOR_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:van|von|de|der|den|da|di|du|la|le|del|dos|das)\s+)*(?:(?:(?:al|el|an|ar|as|ash|at|ad|az)-|d['’])?\p{Lu}[\p{L}\p{M}'’\-]+(?:\s(?:(?:van|von|de|der|den|da|di|du|la|le|del|dos|das|y)\s)*\p{Lu}[\p{L}\p{M}'’\-]+)?|\p{Lu}\s\p{Lu}[\p{L}\p{M}'’\-]+),\s*[ʿʾ]?\p{Lu}(?:\p{Ll}|\.)|^\p{Lu}\.(?:\s?-?\p{Lu}\.)*\s+\p{Lu}[\p{L}'’\-]+",
    )
    .expect("valid regex")
});

/// An organisation's first word: capitalised, or a lower-case name that a
/// hyphen, digit or inner capital marks ("e-codices", "arXiv").
const ORG_FIRST: &str = r"(?:\p{Lu}|\p{Ll}[\p{L}\d]*[\-\p{Lu}\d])[\p{L}\d&'’\-]*";

/// A later word of an organisation's name: a capitalised word or a small
/// joining one ("of", "for", "and", "the", "on", "&").
const ORG_NEXT: &str = r"(?:of|for|and|the|on|&|\p{Lu}[\p{L}\d&'’\-]*)";

/// An organisation as author: capitalised words, then a full stop and the
/// title ("Pew Research Center. \"Infrastructure…", "Google AI. *Tools*").
/// A name may list its parts with commas ("National Academies of Sciences,
/// Engineering, and Medicine."); a lower-case name a hyphen, digit or
/// inner capital marks ("e-codices.", "arXiv.") too.
// Up to ten words: "Food and Agriculture Organization of the United
// Nations." is eight, and an undated web page of such an author opens with
// nothing else that marks a new entry.
static ORG_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"^{ORG_FIRST}(?:,?\s+{ORG_NEXT}){{0,9}}\.\s+["“‘*(\p{{Lu}}]"#
    ))
    .expect("valid regex")
});

/// A place of publication at a line start ("Vienna, Austria: Curran",
/// "Montréal, QC, Canada: ACM"), which looks like "Family, Given".
static PLACE_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\p{Lu}[\p{L}'’\-]+(?:\s\p{Lu}[\p{L}'’\-]+)?(?:,\s*\p{Lu}[\p{L}.'’\-]*(?:\s\p{Lu}[\p{L}'’\-]*)?){1,2}:\s",
    )
    .expect("valid regex")
});

/// An author start that cannot be a wrapped title line: initials
/// ("Moore, B.") or a given name closed by a full stop ("Apprich, Clemens.",
/// "Iyer, Sarah L.").
static CLOSED_AUTHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:van|von|de|der|den|da|di|du|la|le|del|dos|das)\s+)*(?:(?:(?:al|el|an|ar|as|ash|at|ad|az)-|d['’])?\p{Lu}[\p{L}\p{M}'’\-]+(?:\s\p{Lu}[\p{L}\p{M}'’\-]+)?|\p{Lu}\s\p{Lu}[\p{L}\p{M}'’\-]+),\s*(?:\p{Lu}\.(?:\s?-?\p{Lu}\.)*[\s,]|\p{Lu}\p{Ll}+(?:\s\p{Lu}\.)?\.\s)",
    )
    .expect("valid regex")
});

/// An organisation followed by an APA date: "World Health Organization. (2022",
/// or a name written in lower case that a hyphen, digit or inner capital
/// marks as a name ("e-codices. (n.d.", "arXiv. (2020"); Chicago's
/// undated "e-codices. n.d." too.
static DATED_ORG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^{ORG_FIRST}(?:\s+{ORG_NEXT}){{0,6}}\.\s+(?:\((?:\d{{4}}|n\.\s?d\.)|n\.\s?d\.)"
    ))
    .expect("valid regex")
});

/// Any short head of a few words, then an author-date style's year or a
/// quoted title: "wwPDB consortium. 2019. “…", "wwPDB consortium.
/// “Protein …" (the names the other cues read stricter).
static DATED_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^\s\d.()](?:[^\d.()]|-\d+){0,80}?\.\s+(?:(?:\(\d{4}[a-z]?\)|\d{4}[a-z]?)\.\s|“)")
        .expect("valid regex")
});

static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:\[\d{1,4}\]|\d{1,4}[.)]\s)").expect("valid regex"));

static VENUE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)\bpp?\.\s?\d|\bvol\.|\bno\.\s?\d|\bdoi\b|https?://|\bwww\.|\bpress\b|\bjournal\b|\bproceedings\b|\bin:|\beds?\.|\bedited by\b|\buniversity\b|\barxiv\b|\bretrieved\b|\baccessed\b|[“”"‘’]|\*[^*]+\*"#,
    )
    .expect("valid regex")
});

/// True when a line holds a year, "n.d." or "forthcoming".
pub fn has_year(line: &str) -> bool {
    match scan_year(line.as_bytes()) {
        Some(found) => found,
        None => YEAR.is_match(line),
    }
}

/// [`YEAR`] on bytes, for the common case: `Some(found)`, or `None` when a
/// decision hangs on a non-ASCII character next to a candidate (it may be a
/// Unicode digit, space or letter), which the regex then settles. The regex
/// alone is slow here: its Unicode word boundaries keep it off its fast
/// engines.
fn scan_year(b: &[u8]) -> Option<bool> {
    /// Whether the byte at `i` is no digit (`true` past the end); `None`
    /// for a non-ASCII byte.
    fn no_digit(b: &[u8], i: Option<usize>) -> Option<bool> {
        match i.and_then(|i| b.get(i)) {
            None => Some(true),
            Some(x) if !x.is_ascii() => None,
            Some(x) => Some(!x.is_ascii_digit()),
        }
    }
    /// Whether the byte at `i` is no word character (`true` past the end).
    fn no_word(b: &[u8], i: Option<usize>) -> Option<bool> {
        match i.and_then(|i| b.get(i)) {
            None => Some(true),
            Some(x) if !x.is_ascii() => None,
            Some(&x) => Some(!(x.is_ascii_alphanumeric() || x == b'_')),
        }
    }
    /// A decided `true`; an undecided answer is noted.
    fn settle(v: Option<bool>, undecided: &mut bool) -> bool {
        *undecided |= v.is_none();
        v == Some(true)
    }
    let mut undecided = false;
    for (i, &c) in b.iter().enumerate() {
        let next = |k: usize| b.get(i + k).copied();
        // "1[6-9]\d\d" or "20\d\d", not inside a longer number; "[a-z]?"
        // after it changes nothing (a letter is no digit).
        let century = c == b'1' && next(1).is_some_and(|d| (b'6'..=b'9').contains(&d))
            || c == b'2' && next(1) == Some(b'0');
        if century {
            let decade = [next(2), next(3)];
            if decade.iter().any(|d| d.is_some_and(|x| !x.is_ascii())) {
                undecided = true;
            } else if decade.iter().all(|d| d.is_some_and(|x| x.is_ascii_digit()))
                && settle(no_digit(b, i.checked_sub(1)), &mut undecided)
                && settle(no_digit(b, Some(i + 4)), &mut undecided)
            {
                return Some(true);
            }
        }
        // "\bn\.\s?d\." and "(?i)\bforthcoming\b".
        if matches!(c, b'n' | b'f' | b'F') && settle(no_word(b, i.checked_sub(1)), &mut undecided) {
            if c == b'n' && next(1) == Some(b'.') {
                match next(2) {
                    Some(b'd') if next(3) == Some(b'.') => return Some(true),
                    Some(x)
                        if (x.is_ascii_whitespace() || x == 0x0b)
                            && next(3) == Some(b'd')
                            && next(4) == Some(b'.') =>
                    {
                        return Some(true)
                    }
                    Some(x) if !x.is_ascii() => undecided = true,
                    _ => {}
                }
            }
            if b.len() >= i + 11
                && b[i..i + 11].eq_ignore_ascii_case(b"forthcoming")
                && settle(no_word(b, Some(i + 11)), &mut undecided)
            {
                return Some(true);
            }
        }
    }
    (!undecided).then_some(false)
}

/// True when a line opens with a numbered label ("\[3\]", "3.", "3)").
pub fn is_numbered(line: &str) -> bool {
    NUMBERED.is_match(line)
}

/// True when the text opens like an author name in a bibliography.
pub fn starts_like_author(text: &str) -> bool {
    let t = text.trim_start();
    AUTHOR_START.is_match(t) && !PLACE_START.is_match(t)
}

/// True when the text opens with an author name that is closed off the way
/// only a bibliography writes it ("Moore, B.", "Apprich, Clemens.").
pub fn starts_like_closed_author(text: &str) -> bool {
    CLOSED_AUTHOR.is_match(text.trim_start())
}

/// True when the text opens with the dashes that repeat the previous
/// entry's author ("———. *Title*.", "---, ed.").
pub fn starts_like_ditto(text: &str) -> bool {
    let t = text.trim_start();
    let dashes = t
        .chars()
        .take_while(|c| matches!(c, '—' | '–' | '-' | '_'))
        .count();
    dashes >= 2
        && t.chars()
            .nth(dashes)
            .is_some_and(|c| matches!(c, '.' | ','))
}

/// True when a line reads as the middle of a reference, not a running
/// head: it opens in lower case or breaks off after a comma or a word
/// that needs another after it ("seventeenth-century Dutch culture, D.
/// Freedberg and J. de Vries, Eds., Santa" repeats in every chapter of one
/// edited volume, a long title's "… Condition and Management of Lights,
/// Buoys, and" in every note that cites it; no running head reads so).
pub fn continues_a_reference(text: &str) -> bool {
    let t = text.trim();
    let last = t.rsplit(' ').next().unwrap_or("");
    t.starts_with(char::is_lowercase)
        || t.ends_with(',')
        || t.contains(' ') && NEEDS_A_NEXT_WORD.contains(&last)
}

/// Words a line cannot end on unless the text goes on: conjunctions,
/// prepositions, articles and particles ("… Lights, Buoys, and").
const NEEDS_A_NEXT_WORD: &[&str] = &[
    "and", "of", "the", "for", "to", "in", "on", "at", "by", "an", "a", "with", "from", "de",
    "des", "du", "la", "le", "et", "und", "der", "die", "van", "von", "y", "di", "da", "del",
];

/// True when the text opens with a place of publication ("Vienna, Austria:").
pub fn starts_like_place(text: &str) -> bool {
    PLACE_START.is_match(text.trim_start())
}

/// True when the text opens with an organisation and an APA date.
pub fn starts_like_dated_org(text: &str) -> bool {
    DATED_ORG.is_match(text.trim_start())
}

/// True when the text opens with a short head and then a year or a quoted
/// title, as entries open ("wwPDB consortium. 2019. “Protein …",
/// "wwPDB consortium. “Protein …", "ns-3 Consortium. 2023. ns-3 …").
pub fn starts_like_dated_head(text: &str) -> bool {
    DATED_HEAD.is_match(text.trim_start())
}

/// True when the text opens like an organisation's name used as author.
pub fn starts_like_org(text: &str) -> bool {
    ORG_START.is_match(text.trim_start())
}

/// True when a whole line looks like a reference (or the first line of one).
pub fn is_reference_like(line: &str) -> bool {
    let line = line.trim();
    if line.chars().count() > MAX_REFERENCE_LINE && !is_numbered(line) {
        return false;
    }
    if !has_year(line) {
        return false;
    }
    let body = strip_list_marker(line);
    is_numbered(line) || starts_like_author(body) || VENUE_CUE.is_match(line)
}

/// The text after a bullet or numbered label, if any.
pub fn strip_list_marker(line: &str) -> &str {
    let t = line.trim_start();
    for bullet in ["- ", "• ", "* ", "· ", "▪ ", "◦ "] {
        if let Some(rest) = t.strip_prefix(bullet) {
            return rest.trim_start();
        }
    }
    if let Some(m) = NUMBERED.find(t) {
        return t[m.end()..].trim_start();
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_a_shared_volume_are_no_running_heads() {
        assert!(continues_a_reference(
            "seventeenth-century Dutch culture, D. Freedberg and J. de Vries, Eds., Santa"
        ));
        assert!(continues_a_reference("Studies in Art History,"));
        assert!(!continues_a_reference(
            "Journal of Applied Ecology 12 (2003)"
        ));
        assert!(!continues_a_reference("REFERENCES"));
        assert!(continues_a_reference(
            "Appointed to Inquire into the Condition and Management of Lights, Buoys, and"
        ));
        assert!(!continues_a_reference("Journal of the History of Ideas"));
    }

    #[test]
    fn references_are_recognised() {
        for line in [
            "- Apprich, Clemens. *Technotopia*. Rowman & Littlefield, 2017.",
            "[7] F. Urbina, F. Lentzos, ‘Dual use’, Nat Mach Intell, vol. 4, 2022.",
            "Crunchbase. \"Hugging Face.\" 2023. <https://www.crunchbase.com/x>.",
            "van Dijck, José. The Culture of Connectivity. Oxford University Press, 2013.",
        ] {
            assert!(is_reference_like(line), "{line}");
        }
    }

    #[test]
    fn title_lists_and_prose_are_not_references() {
        for line in [
            "  1. Gutes Leben vor Ort",
            "  14. Round, just-below, or precise prices? Cultural differences in E-commerce",
            "Publication statusPublished - 07.09.2023",
            "Sign In",
        ] {
            assert!(!is_reference_like(line), "{line}");
        }
    }

    #[test]
    fn year_scan_agrees_with_the_regex() {
        let fixed = [
            "Press, 2019.",
            "(2019a)",
            "12019",
            "20190",
            "1599",
            "n.d.",
            "n. d.",
            "(n.d.)",
            "and.d.",
            "Forthcoming.",
            "forthcomings",
            "xforthcoming",
            "٣2019",
            "2019٣",
            "20١٩",
            "in.\u{a0}d.",
            "é2019",
            "2019é",
            "vol. 1987b,",
            "n.\u{0b}d.",
            "",
        ];
        for t in fixed {
            assert_eq!(has_year(t), YEAR.is_match(t), "{t:?}");
        }
        // Random strings over the characters that matter.
        let alphabet: Vec<char> = "0112269 .nd_fFORTHCOMINGorthcoming(a)é٣\u{a0}x"
            .chars()
            .collect();
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..20_000 {
            let mut t = String::new();
            for _ in 0..(state % 14) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                t.push(alphabet[(state % alphabet.len() as u64) as usize]);
            }
            assert_eq!(has_year(&t), YEAR.is_match(&t), "{t:?}");
            state = state.wrapping_add(0x632b_e59b_d9b4_e019);
        }
    }

    #[test]
    fn author_starts() {
        assert!(starts_like_author("Dyer-Witheford, Nick, Kjösen"));
        assert!(starts_like_author("E. M. Bender, T. Gebru"));
        assert!(starts_like_author("D'Ignazio, Catherine"));
        // An Arabic article before the family name, a transliteration's
        // ʿayn before the given name.
        assert!(starts_like_author(
            "al-Shayzarī, ʿAbd. al-R. ibn N. (1999)."
        ));
        // A combining accent (as PDFs and some fonts write "García"), and a
        // one-letter first word of a family name.
        assert!(starts_like_author(
            "Garc\u{131}\u{301}a, Ofelia, and Li Wei."
        ));
        assert!(starts_like_author("Ó Súilleabháin, Aoife, and Máire"));
        assert!(starts_like_closed_author("Ó Súilleabháin, Aoife. Irish"));
        assert!(!starts_like_author("A, the first"));
        assert!(!starts_like_author(
            "Graham and Fabian Ferrari. The MIT Press"
        ));
    }

    #[test]
    fn short_heads_before_a_year() {
        assert!(starts_like_dated_head(
            "wwPDB consortium. 2019. “Protein Data Bank: The"
        ));
        assert!(starts_like_dated_head(
            "Protein Structure Prediction Center. (2020). Casp14"
        ));
        // A version after a hyphen inside the name, in lower case.
        assert!(starts_like_dated_head(
            "ns-3 Consortium. 2023. ns-3 Network Simulator. Version 3.39."
        ));
        assert!(!starts_like_dated_head(
            "volume 3 of the series. 2023. Then"
        ));
        assert!(!starts_like_dated_head(
            "Structure Data.” Nucleic Acids Research 47 (D1): D520"
        ));
        assert!(!starts_like_dated_head(
            "systems. In Proceedings of the 2019 conference."
        ));
        assert!(!starts_like_dated_head("Press. 12 (2019): 4–5."));
    }

    #[test]
    fn organisation_starts() {
        assert!(starts_like_org("Pew Research Center. \"Infrastructure"));
        assert!(starts_like_org(
            "National Academies of Sciences, Engineering, and Medicine. Reproducibility"
        ));
        // A sentence of prose is no organisation's name.
        assert!(!starts_like_org("the rest of a title, and more. Press"));
        assert!(!starts_like_org("Replicability in Science, a report"));
    }

    #[test]
    fn long_organisations_open_entries() {
        assert!(starts_like_org(
            "Board and Council of the Upper Hill Districts. Hill Paths. https://x.org/paths."
        ));
        assert!(starts_like_org("Dask Development Team. Dask. 2016."));
        assert!(!starts_like_org("and Methods for the Study. 2001."));
    }
}
