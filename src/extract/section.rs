//! Finding the works-cited section of a document.
//!
//! The section starts after the *last* heading that names a bibliography
//! ("Works cited", "REFERENCES", "## Literatur", "7 References" …) and is
//! followed by reference-like lines; a table of contents or a running text
//! that mentions "References" earlier is thereby passed over. Without such a
//! heading, a trailing run of reference-like lines is taken, and nothing at
//! all when there is none: a list of titles is not a bibliography.

use super::cues;
use regex::Regex;
use std::sync::LazyLock;

/// Headings that open a works-cited list, lower-cased, without numbering,
/// Markdown markers or a final colon.
pub const HEADINGS: &[&str] = &[
    "works cited",
    "work cited",
    "works consulted",
    "cited works",
    "references",
    "reference",
    "reference list",
    "list of references",
    "references cited",
    "literature cited",
    "cited literature",
    "references and notes",
    "notes and references",
    "sources and references",
    "bibliography",
    "select bibliography",
    "selected bibliography",
    "literature",
    "literatur",
    "literaturverzeichnis",
    "quellen",
    "quellenverzeichnis",
    "literatur und quellen",
    "bibliographie",
    "références",
    "références bibliographiques",
    "referencias",
    "referencias bibliográficas",
    "bibliografía",
    "bibliografia",
    "riferimenti bibliografici",
    "sources",
    "sources cited",
];

/// Headings that end a works-cited list when they follow it.
const STOP_HEADINGS: &[&str] = &[
    "appendix",
    "appendices",
    "acknowledgements",
    "acknowledgments",
    "about the author",
    "about the authors",
    "author biography",
    "author biographies",
    "biographies",
    "notes",
    "endnotes",
    "footnotes",
    "supplementary material",
    "supplementary materials",
    "supplementary information",
    "index",
];

/// Longest line taken as a heading; longer lines are sentences.
const MAX_HEADING_LEN: usize = 60;

/// How many non-empty lines after a heading are inspected for references.
const LOOKAHEAD: usize = 5;

/// Fewest reference-like lines that make a trailing run a bibliography.
const MIN_TRAILING_RUN: usize = 3;

/// Leading section numbers: "7", "7.", "7.1", "VII.", "A.".
static NUMBERING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.|[A-Z]\.)\s+").expect("valid regex")
});

/// Where the works-cited list of a document is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The heading as written, or how the list was found without one.
    pub heading: String,
    /// 0-based index of the heading line, when there is a heading.
    pub heading_line: Option<usize>,
    /// 0-based index of the first line of the list body.
    pub first: usize,
    /// 0-based index of the last line of the list body (inclusive).
    pub last: usize,
    /// Byte offset in line `first` where the list begins: 0, unless the
    /// heading shares its line with the first entry ("REFERENCES \[1\] …").
    pub start: usize,
}

/// A heading followed on the same line by the first numbered entry, as PDF
/// extraction that loses line breaks leaves it: "… REFERENCES \[1\] E. …".
/// Only Title Case or UPPER CASE headings count, and only before "\[1\]" or
/// "1.", so prose that mentions "references \[1\]" is not taken.
static INLINE_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    let mut names: Vec<String> = HEADINGS
        .iter()
        .flat_map(|h| {
            let title: String = h
                .split(' ')
                .map(|w| {
                    let mut c = w.chars();
                    c.next()
                        .map(|f| f.to_uppercase().chain(c).collect::<String>())
                        .unwrap_or_default()
                })
                .collect::<Vec<_>>()
                .join(" ");
            let sentence = {
                let mut c = h.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect::<String>())
                    .unwrap_or_default()
            };
            [h.to_uppercase(), title, sentence]
        })
        .map(|n| regex::escape(&n))
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.dedup();
    Regex::new(&format!(
        r"(?:^|[\s.:;)])((?:{}):?)\s+(?:\[1\]|1\.)\s",
        names.join("|")
    ))
    .expect("valid regex")
});

/// Finds the works-cited section among a document's lines.
pub fn find(lines: &[&str]) -> Option<Found> {
    by_heading(lines)
        .or_else(|| trailing_run(lines))
        .or_else(|| inline_run(lines))
}

/// The bibliography name a line announces, if it is such a heading.
///
/// ```
/// use citemap::extract::section::heading_name;
/// assert_eq!(heading_name("## 7 References:"), Some("references".to_owned()));
/// assert_eq!(heading_name("**Works Cited**"), Some("works cited".to_owned()));
/// assert_eq!(heading_name("References are listed below."), None);
/// ```
pub fn heading_name(line: &str) -> Option<String> {
    let name = normalise_heading(line)?;
    HEADINGS.contains(&name.as_str()).then_some(name)
}

fn normalise_heading(line: &str) -> Option<String> {
    let t = line.trim();
    if t.is_empty() || t.chars().count() > MAX_HEADING_LEN {
        return None;
    }
    let t = t.trim_start_matches('#').trim();
    let t = t.trim_matches(|c| c == '*' || c == '_').trim();
    let t = match NUMBERING.find(t) {
        Some(m) => &t[m.end()..],
        None => t,
    };
    let t = t.trim_end_matches([':', '.']).trim();
    let t = t.trim_matches(|c| c == '*' || c == '_').trim();
    if t.is_empty() {
        return None;
    }
    Some(
        t.to_lowercase()
            .replace('&', "and")
            .replace('-', " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// True when a line is a heading that ends a works-cited list ("Appendix A",
/// "Acknowledgements").
pub fn is_stop_heading(line: &str) -> bool {
    normalise_heading(line).is_some_and(|n| {
        STOP_HEADINGS.contains(&n.as_str())
            || n.strip_prefix("appendix ").is_some_and(|r| r.len() <= 3)
    })
}

/// The last works-cited section under a heading, as [`find`] finds it
/// first, without looking for a list that has none.
pub(crate) fn by_heading(lines: &[&str]) -> Option<Found> {
    let (index, heading, start) = lines.iter().enumerate().rev().find_map(|(i, line)| {
        if heading_name(line).is_some() {
            let next: Vec<&str> = lines[i + 1..]
                .iter()
                .copied()
                .filter(|l| !l.trim().is_empty())
                .take(LOOKAHEAD)
                .collect();
            // Wrapped entries may hold their year a line or two down.
            let opens_like_entry = next.first().is_some_and(|l| {
                let l = cues::strip_list_marker(l);
                cues::starts_like_author(l) || cues::starts_like_org(l)
            });
            let followed_by_references = next.iter().any(|l| cues::is_reference_like(l))
                || opens_like_entry && next.iter().any(|l| cues::has_year(l));
            return followed_by_references.then(|| (i, line.trim().to_owned(), None));
        }
        inline_heading(line).map(|(heading, start)| (i, heading, Some(start)))
    })?;
    let first = if start.is_some() { index } else { index + 1 };
    let mut last = lines.len().saturating_sub(1).max(first);
    let stop_from = index + 1;
    if let Some(stop) = lines
        .get(stop_from..)
        .and_then(|rest| rest.iter().position(|l| is_stop_heading(l)))
    {
        last = (stop_from + stop).saturating_sub(1).max(first);
    }
    while last > first && lines[last].trim().is_empty() {
        last -= 1;
    }
    Some(Found {
        heading,
        heading_line: Some(index),
        first,
        last: last.min(lines.len().saturating_sub(1)),
        start: start.unwrap_or(0),
    })
}

/// The last inline heading of a line whose following text is a reference:
/// the heading as written and the byte offset where the list starts.
fn inline_heading(line: &str) -> Option<(String, usize)> {
    if !line.contains("[1]") && !line.contains(" 1. ") {
        return None;
    }
    INLINE_HEADING
        .captures_iter(line)
        .filter_map(|caps| {
            let name = caps.get(1)?;
            let after = &line[name.end()..];
            let start = name.end() + after.len() - after.trim_start().len();
            cues::is_reference_like(&line[start..])
                .then(|| (name.as_str().trim_end_matches(':').to_owned(), start))
        })
        .last()
}

/// A numbered list run on inside one line without a heading, as text that
/// lost its line breaks leaves it: from a "\[1\]" after a blank, the line
/// holds "\[2\]", "\[3\]" … in sequence, and most pieces between them
/// are dated and no longer than a reference. The last such line wins.
/// Linear in the text: each line is searched once, label after label.
fn inline_run(lines: &[&str]) -> Option<Found> {
    lines.iter().enumerate().rev().find_map(|(i, line)| {
        let start = line
            .match_indices("[1] ")
            .map(|(p, _)| p)
            .find(|&p| p == 0 || line[..p].ends_with(char::is_whitespace))?;
        let run = &line[start..];
        let dated = |piece: &str| {
            let mut end = piece.len().min(cues::MAX_REFERENCE_LINE);
            while !piece.is_char_boundary(end) {
                end -= 1;
            }
            cues::has_year(&piece[..end])
        };
        let (mut pieces, mut with_year) = (0, 0);
        let (mut piece_start, mut from, mut n) = (0, 3, 1u32);
        while let Some(p) = run[from..].find(&format!("[{}]", n + 1)).map(|p| from + p) {
            from = p + 3;
            if !run[..p].ends_with(char::is_whitespace) {
                continue;
            }
            let piece = &run[piece_start..p];
            pieces += 1;
            with_year += usize::from(piece.len() <= cues::MAX_REFERENCE_LINE && dated(piece));
            piece_start = p;
            n += 1;
        }
        pieces += 1;
        with_year += usize::from(dated(&run[piece_start..]));
        (pieces >= MIN_TRAILING_RUN && with_year * 10 >= pieces * 8).then(|| Found {
            heading: format!("(no heading: a numbered run of {pieces} entries inside one line)"),
            heading_line: None,
            first: i,
            last: i,
            start,
        })
    })
}

fn trailing_run(lines: &[&str]) -> Option<Found> {
    // Page furniture or a sign-off may follow the list; tolerate a little.
    const TRAILING_MISC: usize = 2;
    let mut refs = 0;
    let mut first = None;
    let mut last = None;
    let mut misc_run = 0;
    for (i, line) in lines.iter().enumerate().rev() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if cues::is_reference_like(t) {
            refs += 1;
            first = Some(i);
            last.get_or_insert(i);
            misc_run = 0;
        } else if refs == 0 && misc_run < TRAILING_MISC {
            misc_run += 1;
        } else if refs > 0 && misc_run == 0 && t.chars().count() < 200 {
            // A wrapped continuation line of the entry above.
            misc_run += 1;
        } else {
            break;
        }
    }
    if refs < MIN_TRAILING_RUN {
        return None;
    }
    let first = first?;
    let mut last = last?;
    // Continuation lines after the last reference-like line belong to it.
    while last + 1 < lines.len() && {
        let t = lines[last + 1].trim();
        !t.is_empty() && t.chars().count() < 200
    } {
        last += 1;
    }
    Some(Found {
        heading: format!("(no heading: a trailing run of {refs} reference-like lines)"),
        heading_line: None,
        first,
        last,
        start: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<&str> {
        text.split('\n').collect()
    }

    #[test]
    fn last_heading_with_references_wins() {
        let text = "Contents\nReferences\nIntro\nBody text.\n\nReferences\n\n- Benjamin, Ruha. *Race after Technology*. Polity Press, 2019.\n";
        let found = find(&lines(text)).unwrap();
        assert_eq!(found.heading_line, Some(5));
        assert_eq!(found.first, 6);
    }

    #[test]
    fn headings_in_many_forms() {
        for h in [
            "Works cited",
            "REFERENCES",
            "## References",
            "7 References",
            "7. Literaturverzeichnis",
            "Références",
            "Notes and References",
            "**Bibliography**",
            "Referencias:",
        ] {
            assert!(heading_name(h).is_some(), "{h}");
        }
        assert!(heading_name("Reference frames in physics").is_none());
    }

    #[test]
    fn heading_sharing_a_line_with_the_first_entry() {
        let text = "Body. ACKNOWLEDGEMENTS We thank all. REFERENCES [1] E. Mostaque, ‘Title’, Oct. 23, 2022. [2] ‘Other’, 2021.";
        let found = find(&lines(text)).unwrap();
        assert_eq!(found.heading, "REFERENCES");
        assert_eq!((found.first, found.last), (0, 0));
        assert!(text[found.start..].starts_with("[1] E. Mostaque"));
        assert!(find(&lines(
            "As references [1] and [2] show, in 2020 the vol. 3 …"
        ))
        .is_none());
    }

    #[test]
    fn stop_heading_ends_the_section() {
        let text = "References\n[1] A. B. Author, ‘T’, J, 2020.\nAppendix A\nMore text\n";
        let found = find(&lines(text)).unwrap();
        assert_eq!((found.first, found.last), (1, 1));
    }

    #[test]
    fn a_heading_without_references_is_not_taken() {
        let text = "Sources\nThe sources of power are many.\nNothing here is a reference.\n";
        assert!(find(&lines(text)).is_none());
    }

    #[test]
    fn numbered_run_inside_a_line_without_heading() {
        let text = "Intro text. We thank all. [1] A. Author, ‘T’, J, 2020. [2] B. Author, ‘U’, K, 2021. [3] C. Author, ‘V’, 2019.";
        let found = find(&lines(text)).unwrap();
        assert!(found.heading_line.is_none());
        assert!(text[found.start..].starts_with("[1] A. Author"));
        // Numbered citations in prose are no list: the pieces carry no year.
        assert!(find(&lines("As [1] and [2] show, and [3] too, in 2020 …")).is_none());
    }

    #[test]
    fn trailing_run_without_heading() {
        let text = "Some prose.\n\nApprich, Clemens. Technotopia. Rowman, 2017.\nBenjamin, Ruha. Race after Technology. Polity Press, 2019.\nEubanks, Virginia. Automating Inequality. St. Martin's Press, 2017.\n";
        let found = find(&lines(text)).unwrap();
        assert_eq!((found.first, found.last), (2, 4));
        assert!(found.heading_line.is_none());
    }
}
