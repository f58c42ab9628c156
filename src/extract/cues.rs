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
        r"^(?:(?:van|von|de|der|den|da|di|du|la|le|del|dos|das)\s+)*\p{Lu}[\p{L}'’\-]+(?:\s\p{Lu}[\p{L}'’\-]+)?,\s*\p{Lu}(?:\p{Ll}|\.)|^\p{Lu}\.(?:\s?-?\p{Lu}\.)*\s+\p{Lu}[\p{L}'’\-]+",
    )
    .expect("valid regex")
});

/// An organisation as author: capitalised words, then a full stop and the
/// title ("Pew Research Center. \"Infrastructure…", "Google AI. *Tools*").
static ORG_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"^\p{Lu}[\p{L}\d&'’\-]*(?:\s+(?:of|for|and|the|on|&|\p{Lu}[\p{L}\d&'’\-]*)){0,6}\.\s+["“‘*(\p{Lu}]"#,
    )
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
        r"^(?:(?:van|von|de|der|den|da|di|du|la|le|del|dos|das)\s+)*\p{Lu}[\p{L}'’\-]+(?:\s\p{Lu}[\p{L}'’\-]+)?,\s*(?:\p{Lu}\.(?:\s?-?\p{Lu}\.)*[\s,]|\p{Lu}\p{Ll}+(?:\s\p{Lu}\.)?\.\s)",
    )
    .expect("valid regex")
});

/// An organisation followed by an APA date: "World Health Organization. (2022".
static DATED_ORG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\p{Lu}[\p{L}\d&'’\-]*(?:\s+(?:of|for|and|the|on|&|\p{Lu}[\p{L}\d&'’\-]*)){0,6}\.\s+\((?:\d{4}|n\.\s?d\.)",
    )
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
    YEAR.is_match(line)
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

/// True when the text opens with a place of publication ("Vienna, Austria:").
pub fn starts_like_place(text: &str) -> bool {
    PLACE_START.is_match(text.trim_start())
}

/// True when the text opens with an organisation and an APA date.
pub fn starts_like_dated_org(text: &str) -> bool {
    DATED_ORG.is_match(text.trim_start())
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
    fn author_starts() {
        assert!(starts_like_author("Dyer-Witheford, Nick, Kjösen"));
        assert!(starts_like_author("E. M. Bender, T. Gebru"));
        assert!(starts_like_author("D'Ignazio, Catherine"));
        assert!(!starts_like_author(
            "Graham and Fabian Ferrari. The MIT Press"
        ));
    }
}
