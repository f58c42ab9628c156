//! RIS libraries (Zotero, EndNote, Mendeley, most publishers' "export
//! citation"), read as a list of entries.
//!
//! RIS is one tagged line per field (`AU  - Benjamin, Ruha`) from `TY  -`
//! to `ER  -`; a line without a tag continues the field before it. No
//! crate reads it better than these few lines, which also know each
//! record's line.

use super::library::{self, clean_doi, clean_pages, nonempty, person_from_flat, Record};
use crate::model::{Reference, WorkType};

/// A record that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// The tag and value of a RIS line (`"AU  - Benjamin, Ruha"`), if it is one.
fn tagged(line: &str) -> Option<(&str, &str)> {
    let b = line.as_bytes();
    if b.len() < 5 || !b[0].is_ascii_uppercase() || !b[1].is_ascii_alphanumeric() {
        return None;
    }
    let rest = &line[2..];
    let value = rest
        .strip_prefix("  - ")
        .or_else(|| rest.strip_prefix("  -"))
        .or_else(|| rest.strip_prefix(" - "))?;
    Some((&line[..2], value.trim()))
}

/// True when the first non-blank line of `text` is a RIS `TY  -` line.
pub fn looks_like(text: &str) -> bool {
    text.lines()
        .map(|l| l.trim_start_matches('\u{feff}').trim_end())
        .find(|l| !l.trim().is_empty())
        .and_then(tagged)
        .is_some_and(|(tag, _)| tag == "TY")
}

/// A record being read: its first line, its fields, its source lines.
type Open<'t> = (usize, Vec<(String, String)>, Vec<&'t str>);

/// The work type of a RIS `TY` code.
pub fn work_type(ty: &str) -> WorkType {
    match ty {
        "JOUR" | "JFULL" | "EJOUR" | "ABST" | "INPR" => WorkType::ArticleJournal,
        "MGZN" => WorkType::ArticleMagazine,
        "NEWS" => WorkType::ArticleNewspaper,
        "BOOK" | "EBOOK" | "EDBOOK" | "ENCYC" => WorkType::Book,
        "CHAP" | "ECHAP" => WorkType::Chapter,
        "CONF" | "CPAPER" => WorkType::PaperConference,
        "RPRT" | "GOVDOC" | "STAND" => WorkType::Report,
        "THES" => WorkType::Thesis,
        "ELEC" | "WEB" | "BLOG" => WorkType::Webpage,
        "COMP" => WorkType::Software,
        "DATA" | "DBASE" => WorkType::Dataset,
        "VIDEO" | "MPCT" => WorkType::Video,
        _ => WorkType::Other,
    }
}

/// Reads the records of a RIS text; a record cut short (no `ER  -`) is
/// kept and noted. Never panics.
///
/// ```
/// let ris = "TY  - JOUR\nAU  - Benjamin, Ruha\nTI  - A title\nT2  - A Journal\nPY  - 2019\nVL  - 3\nER  - \n";
/// let (records, _) = citemap::input::ris::records(ris);
/// assert_eq!(records[0].reference.container_title.as_deref(), Some("A Journal"));
/// ```
pub fn records(text: &str) -> (Vec<Record>, Vec<Problem>) {
    let mut records = Vec::new();
    let mut problems = Vec::new();
    // The record being read: its first line, its fields, its lines.
    let mut current: Option<Open> = None;
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let line = line.trim_start_matches('\u{feff}').trim_end();
        match tagged(line) {
            Some(("TY", ty)) => {
                if let Some((start, fields, lines)) = current.take() {
                    problems.push(Problem {
                        line: start,
                        message: "record has no end (ER  -); kept up to the next TY".into(),
                    });
                    records.push(record(start, n - 1, &fields, &lines));
                }
                current = Some((n, vec![("TY".into(), ty.to_owned())], vec![line]));
            }
            Some(("ER", _)) => match current.take() {
                Some((start, fields, mut lines)) => {
                    lines.push(line);
                    records.push(record(start, n, &fields, &lines));
                }
                None => problems.push(Problem {
                    line: n,
                    message: "ER  - without a record (no TY  - before it)".into(),
                }),
            },
            Some((tag, value)) => match current.as_mut() {
                Some((_, fields, lines)) => {
                    fields.push((tag.to_owned(), value.to_owned()));
                    lines.push(line);
                }
                None => problems.push(Problem {
                    line: n,
                    message: format!("{tag} line outside a record (no TY  - before it)"),
                }),
            },
            None if line.trim().is_empty() => {}
            None => {
                // A continuation of the field before it (a long abstract).
                if let Some((_, fields, lines)) = current.as_mut() {
                    if let Some(last) = fields.last_mut() {
                        last.1.push(' ');
                        last.1.push_str(line.trim());
                    }
                    lines.push(line);
                }
            }
        }
    }
    if let Some((start, fields, lines)) = current {
        problems.push(Problem {
            line: start,
            message: "record has no end (ER  -); the file may be cut short".into(),
        });
        let end = start + lines.len().saturating_sub(1);
        records.push(record(start, end, &fields, &lines));
    }
    (records, problems)
}

fn record(line: usize, end_line: usize, fields: &[(String, String)], lines: &[&str]) -> Record {
    let get = |tags: &[&str]| {
        tags.iter().find_map(|t| {
            fields
                .iter()
                .find(|(k, v)| k == t && !v.is_empty())
                .map(|(_, v)| v.clone())
        })
    };
    let all = |tags: &[&str]| -> Vec<&str> {
        fields
            .iter()
            .filter(|(k, _)| tags.contains(&k.as_str()))
            .map(|(_, v)| v.as_str())
            .collect()
    };
    let ty = get(&["TY"]).unwrap_or_default();
    let kind = work_type(&ty);
    let pages = match (get(&["SP"]), get(&["EP"])) {
        (Some(s), Some(e)) if !s.contains('-') => Some(format!("{s}-{e}")),
        (s, _) => s,
    };
    // A2 is the secondary author: the editors of a chapter's book.
    let editors_tags: &[&str] = if kind == WorkType::Chapter {
        &["ED", "A2"]
    } else {
        &["ED"]
    };
    let container_tags: &[&str] = &["T2", "JO", "JF", "JA", "J2", "BT"];
    let date = get(&["PY", "Y1", "DA"]).and_then(|d| library::parse_date(&d));
    let reference = Reference {
        kind,
        authors: all(&["AU", "A1"])
            .into_iter()
            .filter_map(person_from_flat)
            .collect(),
        et_al: false,
        editors: all(editors_tags)
            .into_iter()
            .filter_map(person_from_flat)
            .collect(),
        title: get(&["TI", "T1", "CT"])
            .or_else(|| (kind == WorkType::Book).then(|| get(&["BT"])).flatten()),
        container_title: get(container_tags).filter(|_| kind != WorkType::Book),
        publisher: get(&["PB"]),
        publisher_place: get(&["CY", "PP"]),
        issued: date,
        volume: get(&["VL"]),
        issue: get(&["IS", "CP"]),
        pages: pages.and_then(|p| clean_pages(&p)),
        edition: get(&["ET"]),
        version: None,
        genre: get(&["M3"]),
        doi: get(&["DO", "DI"]).and_then(|d| clean_doi(&d)),
        url: get(&["UR", "L2"]).and_then(|u| nonempty(u.split_whitespace().next().unwrap_or(""))),
        arxiv: None,
        accessed: get(&["Y2"]).and_then(|d| library::parse_date(&d)),
        note: get(&["N1"]),
    };
    Record {
        key: get(&["ID"]),
        line,
        end_line,
        raw: library::collapse(&lines.join("\n")),
        reference,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ZOTERO: &str = "TY  - BOOK\nTI  - Algorithms of Oppression\nAU  - Noble, Safiya Umoja\nCY  - New York\nPB  - NYU Press\nPY  - 2018\nSN  - 978-1-4798-3724-3\nER  - \n\nTY  - CHAP\nTI  - A chapter\nAU  - Doe, Jane\nA2  - Roe, Rich\nT2  - The Book\nPY  - 2020/05/01/\nSP  - 10\nEP  - 25\nDO  - https://doi.org/10.1000/ch.1\nER  - \n";

    #[test]
    fn zotero_ris_maps_field_by_field() {
        let (records, problems) = records(ZOTERO);
        assert!(problems.is_empty());
        assert_eq!(records.len(), 2);
        let b = &records[0].reference;
        assert_eq!(b.kind, WorkType::Book);
        assert_eq!(b.publisher.as_deref(), Some("NYU Press"));
        assert_eq!(b.authors[0].given.as_deref(), Some("Safiya Umoja"));
        let c = &records[1];
        assert_eq!((c.line, c.end_line), (10, 19));
        assert_eq!(c.reference.editors[0].family, "Roe");
        assert_eq!(c.reference.container_title.as_deref(), Some("The Book"));
        assert_eq!(c.reference.pages.as_deref(), Some("10-25"));
        assert_eq!(c.reference.doi.as_deref(), Some("10.1000/ch.1"));
        assert_eq!(c.reference.issued.unwrap().month, Some(5));
    }

    #[test]
    fn unterminated_records_are_kept_and_noted() {
        let (records, problems) = records("TY  - JOUR\nTI  - One\nTY  - JOUR\nTI  - Two\n");
        assert_eq!(records.len(), 2);
        assert_eq!(problems.len(), 2);
    }

    #[test]
    fn sniffing() {
        assert!(looks_like("\n\u{feff}TY  - JOUR\n"));
        assert!(!looks_like("TYPE - a heading\n"));
    }
}
