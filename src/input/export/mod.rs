//! Citation-database exports: Web of Science (plain text, tab-delimited,
//! BibTeX), Scopus (CSV, BibTeX), OpenAlex (JSON lines, CSV) and Lens.org
//! (scholarly CSV).
//!
//! Each record of an export becomes one [`Source`]: its metadata (title,
//! authors, year, venue and the venue's abbreviations, volume, pages, DOI)
//! and its cited references as a stated `entries` list, each parsed by the
//! grammar for its database's form ([`crate::parse::terse`]). A record is
//! named `FILE:N` (N its 1-based position), its entries point at the line of
//! the file they were read from.
//!
//! Readers go record by record over the bytes and keep only the records'
//! sources, never a second copy of the file.

mod batch;
pub mod bibtex;
pub mod lens;
pub mod openalex;
pub mod scopus;
pub mod wos;

use super::Source;
use crate::model::{DocumentMeta, Person};

/// How much of a file sniffing looks at.
const SNIFF_BYTES: usize = 64 * 1024;

/// The longest cited reference kept whole; a longer one (a broken export
/// that ran references together) is cut so one record cannot cost much.
const MAX_REFERENCE: usize = 4000;

/// The export format `bytes` are in, if they are one.
pub fn sniff(bytes: &[u8]) -> Option<super::Format> {
    use super::Format;
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    // UTF-16 (Web of Science's "Tab-delimited (Win)") is sniffed decoded.
    let decoded;
    let text: &str = match encoding_rs::Encoding::for_bom(head) {
        Some((enc, _)) if enc != encoding_rs::UTF_8 => {
            decoded = enc.decode(head).0.into_owned();
            &decoded
        }
        _ => {
            let valid = match std::str::from_utf8(head) {
                Ok(s) => s,
                Err(e) => std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or(""),
            };
            valid
        }
    };
    let text = text.trim_start_matches('\u{feff}').trim_start();
    let first_line = text.lines().next().unwrap_or("");
    if wos::is_plain_text(text) {
        return Some(Format::WosText);
    }
    if first_line.starts_with("PT\t")
        && (first_line.contains("\tCR\t") || first_line.contains("\tUT"))
    {
        return Some(Format::WosTabbed);
    }
    if first_line.starts_with("\"Lens ID\"") || first_line.starts_with("Lens ID,") {
        return Some(Format::LensCsv);
    }
    if (first_line.contains("Authors") || first_line.contains("Author full names"))
        && first_line.contains("Source title")
        && (first_line.contains("EID") || first_line.contains("References"))
    {
        return Some(Format::ScopusCsv);
    }
    if (first_line.starts_with("\"id\"") || first_line.starts_with("id,"))
        && (first_line.contains("display_name") || text.contains("https://openalex.org/W"))
    {
        return Some(Format::OpenAlexCsv);
    }
    if first_line.starts_with('{')
        && (first_line.contains("\"referenced_works\"") || first_line.contains("openalex.org/W"))
    {
        return Some(Format::OpenAlexJsonl);
    }
    if bibtex::is_export(text) {
        return Some(Format::ExportBibtex);
    }
    None
}

/// Reads an export already sniffed as `format` into one [`Source`] per
/// record.
///
/// # Errors
///
/// [`crate::Error::Binary`] when the bytes are not text,
/// [`crate::Error::Export`] when a CSV row or JSON line cannot be read.
pub fn read(
    path: &std::path::Path,
    bytes: &[u8],
    format: super::Format,
) -> crate::Result<Vec<Source>> {
    use super::Format;
    let text = super::decode::decode(path, bytes)?.text;
    let text = text.trim_start_matches('\u{feff}');
    let name = path.display().to_string();
    match format {
        Format::WosText => wos::read_plain(&name, text),
        Format::WosTabbed => wos::read_tabbed(&name, text),
        Format::ExportBibtex => bibtex::read(&name, text),
        Format::ScopusCsv => scopus::read(&name, text),
        Format::OpenAlexJsonl => openalex::read_jsonl(&name, text),
        Format::OpenAlexCsv => openalex::read_csv(&name, text),
        Format::LensCsv => lens::read(&name, text),
        _ => Ok(Vec::new()),
    }
}

/// What one record gives: metadata and cited references with their lines.
#[derive(Debug, Default)]
pub(crate) struct Record {
    pub meta: DocumentMeta,
    /// Title and abstract, the record's text for text similarity.
    pub text: String,
    /// Cited references as written, with the 1-based file line each starts on.
    pub cited: Vec<(String, usize)>,
    /// How many references the record says it cites (WoS `NR`).
    pub stated: Option<usize>,
    /// What the user should know about the record (an entry that could not
    /// be read), after the note on `stated`.
    pub notes: Vec<String>,
}

/// How a database writes its cited references.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Form {
    /// `Vargo SL, 2004, J MARKETING, V68, P1, DOI …`
    Wos,
    /// `Vargo, S.L., Lusch, R.F., Title (2004) Journal, 68 (1), pp. 1-17`
    Scopus,
    /// A bare identifier: an OpenAlex work id or a Lens ID, as a URL.
    Id,
}

/// `Family, Given` (WoS `AU`/`AF`, Scopus old layout) or `Family I.`
/// (Scopus since 2023, no comma) as a person.
pub(crate) fn person(s: &str) -> Option<Person> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    match s.split_once(',') {
        Some((family, given)) => {
            let given = given.trim();
            Some(Person::new(
                family.trim(),
                (!given.is_empty()).then_some(given),
            ))
        }
        None => crate::parse::terse::wos_person(s),
    }
}

/// `Given Family` (Lens, OpenAlex display names) as a person.
pub(crate) fn person_given_first(s: &str) -> Option<Person> {
    let s = s.trim();
    let (given, family) = match s.rsplit_once(' ') {
        Some((g, f)) => (Some(g.trim()), f),
        None => (None, s),
    };
    (!family.is_empty()).then(|| Person::new(family, given))
}

/// A non-empty trimmed string.
pub(crate) fn nonempty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

/// A DOI without its resolver prefix.
pub(crate) fn bare_doi(s: &str) -> Option<String> {
    let s = s.trim();
    let s = s
        .strip_prefix("https://doi.org/")
        .or_else(|| s.strip_prefix("http://dx.doi.org/"))
        .or_else(|| s.strip_prefix("doi:"))
        .unwrap_or(s);
    s.starts_with("10.").then(|| s.to_owned())
}

/// `first-last` pages, or the first alone.
pub(crate) fn pages(first: &str, last: &str) -> Option<String> {
    match (nonempty(first), nonempty(last)) {
        (Some(f), Some(l)) if f != l => Some(format!("{f}-{l}")),
        (Some(f), _) => Some(f),
        _ => None,
    }
}

/// The year at the start of a field ("2017", "2017-09-12").
pub(crate) fn year(s: &str) -> Option<i32> {
    let s = s.trim();
    s.get(..4)
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|y| y.parse().ok())
}

/// A CSV reader over text, flexible about ragged rows (exports have them).
pub(crate) fn csv_reader(text: &str, delimiter: u8, quoting: bool) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .quoting(quoting)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes())
}

/// Column positions by header name.
pub(crate) struct Columns(Vec<String>);

impl Columns {
    pub(crate) fn new(headers: &csv::StringRecord) -> Self {
        Columns(
            headers
                .iter()
                .map(|h| h.trim().trim_start_matches('\u{feff}').to_owned())
                .collect(),
        )
    }

    /// The value of column `name` in `row`, trimmed ("" when absent).
    pub(crate) fn get<'r>(&self, row: &'r csv::StringRecord, name: &str) -> &'r str {
        self.0
            .iter()
            .position(|h| h == name)
            .and_then(|i| row.get(i))
            .map_or("", str::trim)
    }
}

/// The error for a CSV row that cannot be read.
pub(crate) fn csv_error(path: &str, format: &'static str, err: &csv::Error) -> crate::Error {
    crate::Error::Export {
        path: path.into(),
        line: err
            .position()
            .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0)),
        format,
        message: err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        let p = person("Adams, WC").unwrap();
        assert_eq!(
            (p.family.as_str(), p.given.as_deref()),
            ("Adams", Some("WC"))
        );
        let p = person("Liu F.").unwrap();
        assert_eq!(p.family, "Liu");
        let p = person_given_first("Massimo Aria").unwrap();
        assert_eq!(p.family, "Aria");
        assert_eq!(
            bare_doi("https://doi.org/10.1/x").as_deref(),
            Some("10.1/x")
        );
        assert_eq!(year("2017-09-12"), Some(2017));
    }
}
