//! Writing entries out: CSL-JSON, citemap's own JSON, BibTeX, TSV and a
//! readable table.
//!
//! Every writer takes entries in order and writes one record per entry,
//! unparsed ones included (with their raw text and the reason), so output
//! always lines up with input and nothing is lost.

pub mod bibtex;
pub mod csl;
pub mod graph;
pub mod table;
pub mod tsv;

use crate::model::Entry;
use std::collections::HashMap;

/// The output formats for entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// A readable table, one line per entry.
    #[default]
    Table,
    /// citemap's own JSON: documents with their entries, notes and spans.
    Json,
    /// A standard CSL-JSON array, extra data under a `citemap` key.
    CslJson,
    /// BibTeX.
    Bibtex,
    /// Tab-separated values with a header line.
    Tsv,
}

/// Citation keys for a list of entries ("benjamin2019", "benjamin2019a", …),
/// unique within the list and stable for a given order.
///
/// ```
/// use citemap::{Entry, Outcome, Person, Reference, Span, Style};
/// let entry = |family: &str| Entry {
///     span: Span::default(),
///     label: None,
///     marker: None,
///     raw: "".into(),
///     style: Style::Mla,
///     outcome: Outcome::Parsed {
///         reference: Reference {
///             authors: vec![Person::new(family, None)],
///             issued: Some(citemap::Date::year(2019)),
///             ..Reference::default()
///         }
///         .into(),
///         confidence: 1.0,
///     },
/// };
/// let keys = citemap::export::citation_keys(&[entry("Benjamin"), entry("Benjamin")]);
/// assert_eq!(keys, ["benjamin2019a", "benjamin2019b"]);
/// ```
pub fn citation_keys(entries: &[Entry]) -> Vec<String> {
    let bases: Vec<String> = entries.iter().map(key_base).collect();
    keys_from_bases(&bases)
}

/// [`citation_keys`] from each entry's [`key_base`], for writers that do
/// not hold every entry at once.
pub fn keys_from_bases(bases: &[String]) -> Vec<String> {
    let mut total: HashMap<&str, usize> = HashMap::new();
    for b in bases {
        *total.entry(b.as_str()).or_default() += 1;
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    bases
        .iter()
        .map(|b| {
            if total[b.as_str()] == 1 {
                return b.clone();
            }
            let n = seen.entry(b.as_str()).or_default();
            *n += 1;
            format!("{b}{}", suffix(*n))
        })
        .collect()
}

/// "a" … "z", then "aa", "ab", … for the n-th (1-based) duplicate.
fn suffix(mut n: usize) -> String {
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push(b'a' + (n % 26) as u8);
        n /= 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// An entry's citation key before duplicates are told apart ("benjamin2019").
pub fn key_base(entry: &Entry) -> String {
    let Some(r) = entry.reference() else {
        return format!("unparsed{}", entry.span.line);
    };
    let name = r
        .authors
        .first()
        .map(|p| p.family.as_str())
        .or(r.title.as_deref())
        .unwrap_or("anon");
    let word: String = name
        .split_whitespace()
        .next()
        .unwrap_or("anon")
        .chars()
        .flat_map(fold_char)
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    let word = if word.is_empty() { "anon".into() } else { word };
    match r.year() {
        Some(y) => format!("{word}{y}"),
        None => format!("{word}nd"),
    }
}

/// ASCII folding of one character for keys ("ö" → "o", "ß" → "ss").
pub(crate) fn fold_char(c: char) -> impl Iterator<Item = char> {
    use unicode_normalization::UnicodeNormalization;
    let special = match c {
        'ß' => Some("ss"),
        'æ' | 'Æ' => Some("ae"),
        'ø' | 'Ø' => Some("o"),
        'œ' | 'Œ' => Some("oe"),
        'ł' | 'Ł' => Some("l"),
        'đ' | 'Đ' => Some("d"),
        'þ' | 'Þ' => Some("th"),
        _ => None,
    };
    let chars: Vec<char> = match special {
        Some(s) => s.chars().collect(),
        None => std::iter::once(c)
            .nfkd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .collect(),
    };
    chars.into_iter()
}

/// One line of text from a field: tabs, newlines and runs of spaces folded.
pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
