//! What the reference-library readers (BibTeX, CSL-JSON, RIS) share: turning
//! a record mapped field by field into a [`model::Entry`](crate::model::Entry)
//! that points at its line, and the small field cleanups every format needs
//! (DOIs with a resolver prefix, page ranges with en dashes, dates as text).

use super::{Format, Source};
use crate::model::{Date, Entry, Outcome, Person, Reference, Span, Style};
use std::path::Path;

/// One record of a library, read and mapped, before it becomes an
/// [`Entry`].
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The record's key or id in the library (a BibTeX key, a CSL-JSON `id`,
    /// a RIS `ID`), if it has one.
    pub key: Option<String>,
    /// 1-based line where the record starts.
    pub line: usize,
    /// 1-based line where it ends (inclusive).
    pub end_line: usize,
    /// The record's own text, white space collapsed (what the user wrote).
    pub raw: String,
    /// The fields, mapped.
    pub reference: Reference,
}

/// Longest raw text kept for one record: abstracts and attached notes make
/// library records long, and the raw text is shown, not parsed.
const MAX_RAW: usize = 2_000;

impl Record {
    /// The record as a works-cited entry of `path`, labelled by its key.
    pub fn into_entry(self, path: &str) -> Entry {
        Entry {
            span: Span {
                path: path.into(),
                line: self.line,
                end_line: self.end_line.max(self.line),
                column: 1,
            },
            label: self.key,
            marker: None,
            raw: self.raw.into(),
            style: Style::Unknown,
            outcome: Outcome::Parsed {
                reference: self.reference.into(),
                confidence: 1.0,
            },
        }
    }
}

/// `text` with runs of white space collapsed to one space, cut to
/// [`MAX_RAW`] bytes at a character boundary.
pub fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(MAX_RAW));
    for word in text.split_whitespace() {
        if out.len() + word.len() + 1 > MAX_RAW {
            out.push('…');
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A [`Source`] for a library file: its text (for showing problems in
/// context) and its records as the stated works-cited list.
pub fn source(path: &Path, text: String, format: Format, records: Vec<Record>) -> Source {
    let name = path.display().to_string();
    let entries = records.into_iter().map(|r| r.into_entry(&name)).collect();
    Source {
        path: name,
        text,
        entries: Some(entries),
        format,
        ..Source::default()
    }
}

/// A bare DOI from what libraries write: `https://doi.org/10.…`, `doi:10.…`,
/// or the DOI itself. `None` when no `10.` prefix is found.
pub fn clean_doi(value: &str) -> Option<String> {
    let v = value.trim();
    let start = v.find("10.")?;
    let doi = v[start..].trim_end_matches(['.', ',', ';']).trim();
    (doi.contains('/')).then(|| doi.to_owned())
}

/// A page range with its dash normalised to `-` (`1--20`, `1–20` → `1-20`).
pub fn clean_pages(value: &str) -> Option<String> {
    let v = value.trim().replace(['–', '—'], "-");
    let mut out = String::with_capacity(v.len());
    for c in v.chars() {
        if c == '-' && out.ends_with('-') {
            continue;
        }
        out.push(c);
    }
    nonempty(&out)
}

/// `Some(trimmed)` unless empty.
pub fn nonempty(value: &str) -> Option<String> {
    let v = value.trim();
    (!v.is_empty()).then(|| v.to_owned())
}

/// A date from text as libraries write it: `2019`, `2019-03-05`,
/// `2019/03/05/`, `2019/03//` (RIS), `March 2019`. `None` without a year.
pub fn parse_date(value: &str) -> Option<Date> {
    let parts: Vec<&str> = value
        .split(|c: char| c == '-' || c == '/' || c.is_whitespace() || c == ',')
        .filter(|p| !p.is_empty())
        .collect();
    let year_at = parts
        .iter()
        .position(|p| p.len() == 4 && p.chars().all(|c| c.is_ascii_digit()))?;
    let year: i32 = parts[year_at].parse().ok()?;
    let mut date = Date::year(year);
    if year_at == 0 {
        date.month = parts
            .get(1)
            .and_then(|m| m.parse::<u8>().ok())
            .filter(|m| (1..=12).contains(m));
        if date.month.is_some() {
            date.day = parts
                .get(2)
                .and_then(|d| d.parse::<u8>().ok())
                .filter(|d| (1..=31).contains(d));
        }
    } else {
        date.month = parts[..year_at].iter().find_map(|p| month_number(p));
    }
    Some(date)
}

/// 1–12 for an English month name or its abbreviation.
pub fn month_number(word: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let w = word.trim().trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| w.starts_with(m))
        .map(|i| i as u8 + 1)
}

/// A name as RIS and other flat formats write it: `Family, Given` or
/// `Family, Given, Suffix`; a name without a comma is kept whole as a
/// literal (an organisation).
pub fn person_from_flat(name: &str) -> Option<Person> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    let mut parts = name.splitn(3, ',').map(str::trim);
    let family = parts.next().unwrap_or_default();
    match (parts.next(), parts.next()) {
        (Some(given), suffix) if !family.is_empty() => {
            let mut p = Person::new(family, nonempty(given).as_deref());
            p.suffix = suffix.and_then(nonempty);
            Some(p)
        }
        _ => Some(Person::literal(name)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_library_forms() {
        assert_eq!(parse_date("2019"), Some(Date::year(2019)));
        let d = parse_date("2019/03/05/").unwrap();
        assert_eq!((d.year, d.month, d.day), (2019, Some(3), Some(5)));
        let d = parse_date("2019/03//").unwrap();
        assert_eq!((d.month, d.day), (Some(3), None));
        assert_eq!(parse_date("March 2019").unwrap().month, Some(3));
        assert_eq!(parse_date("n.d."), None);
    }

    #[test]
    fn dois_and_pages_are_cleaned() {
        assert_eq!(
            clean_doi("https://doi.org/10.1000/xyz.1.").as_deref(),
            Some("10.1000/xyz.1")
        );
        assert_eq!(clean_doi("none"), None);
        assert_eq!(clean_pages("1--20").as_deref(), Some("1-20"));
        assert_eq!(clean_pages("1–20").as_deref(), Some("1-20"));
    }

    #[test]
    fn flat_names() {
        let p = person_from_flat("van Dijck, José").unwrap();
        assert_eq!(
            (p.family.as_str(), p.given.as_deref()),
            ("van Dijck", Some("José"))
        );
        assert!(
            person_from_flat("World Health Organization")
                .unwrap()
                .literal
        );
    }

    #[test]
    fn raw_text_is_bounded() {
        let long = "word ".repeat(2_000);
        assert!(collapse(&long).len() <= MAX_RAW + 4);
    }
}
