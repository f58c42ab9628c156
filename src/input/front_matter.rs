//! A leading `---` … `---` block of `key: value` lines describing the
//! document itself (the built-in corpus in `references/` carries one).
//!
//! ```text
//! ---
//! title: AI for All? Challenging the Democratization of Machine Learning
//! authors: Luchs, Inga
//! year: 2023
//! venue: A Peer-reviewed Journal About (APRJA)
//! doi: 10.7146/aprja.v12i1.140445
//! field: critical media studies
//! source: 000_0ec77c7fb2aeeec9.txt
//! ---
//! ```
//!
//! `authors` holds people separated by `; `, each as `Family, Given`; a name
//! without a comma is kept whole (an organisation).

use crate::error::{Error, Result};
use crate::model::{DocumentMeta, Person};
use std::path::Path;

/// Front matter split off a document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    /// The metadata read from the block.
    pub meta: DocumentMeta,
    /// How many lines the block takes, fences included (0 when absent).
    pub lines: usize,
    /// Remarks such as ignored keys.
    pub notes: Vec<String>,
}

/// Reads the front matter at the top of `text`, if there is one.
///
/// A first line of `---` without a closing fence is not front matter (it may
/// be a Markdown rule); the text is then left alone.
///
/// # Errors
///
/// [`Error::FrontMatter`] for a line without `key: value` or a year that is
/// not a number.
pub fn parse(path: &Path, text: &str) -> Result<FrontMatter> {
    let mut lines = text.split('\n');
    if lines.next().map(str::trim_end) != Some("---") {
        return Ok(FrontMatter::default());
    }
    let Some(close) = text
        .split('\n')
        .skip(1)
        .position(|l| matches!(l.trim_end(), "---" | "..."))
    else {
        return Ok(FrontMatter::default());
    };
    let mut fm = FrontMatter {
        lines: close + 2,
        ..FrontMatter::default()
    };
    for (i, line) in lines.take(close).enumerate() {
        let line_no = i + 2;
        let bad = |message: String| Error::FrontMatter {
            path: path.to_owned(),
            line: line_no,
            message,
        };
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = line
            .split_once(':')
            .ok_or_else(|| bad(format!("expected `key: value`, found {line:?}")))?;
        let key = key.trim().to_ascii_lowercase();
        let value = unquote(value.trim());
        if value.is_empty() {
            continue;
        }
        let meta = &mut fm.meta;
        match key.as_str() {
            "title" => meta.title = Some(value.to_owned()),
            "authors" | "author" => meta.authors = parse_authors(value),
            "year" => {
                meta.year = Some(
                    value
                        .parse()
                        .map_err(|_| bad(format!("year {value:?} is not a number")))?,
                )
            }
            "venue" => meta.venue = Some(value.to_owned()),
            "doi" => meta.doi = Some(bare_doi(value).to_owned()),
            "url" => meta.url = Some(value.to_owned()),
            "field" => meta.field = Some(value.to_owned()),
            "source" => meta.source = Some(value.to_owned()),
            _ => fm.notes.push(format!(
                "front matter line {line_no}: unknown key `{key}` ignored"
            )),
        }
    }
    Ok(fm)
}

/// Removes one pair of matching quotes around a YAML-style value.
fn unquote(value: &str) -> &str {
    for q in ['"', '\''] {
        if value.len() >= 2 && value.starts_with(q) && value.ends_with(q) {
            return &value[1..value.len() - 1];
        }
    }
    value
}

/// `https://doi.org/10.1/x` and `doi:10.1/x` → `10.1/x`.
fn bare_doi(value: &str) -> &str {
    let lower = value.to_ascii_lowercase();
    for prefix in [
        "https://doi.org/",
        "http://doi.org/",
        "https://dx.doi.org/",
        "http://dx.doi.org/",
        "doi:",
    ] {
        if lower.starts_with(prefix) {
            return value[prefix.len()..].trim();
        }
    }
    value
}

/// `Seger, Elizabeth; Coding Rights` → a person and an organisation.
fn parse_authors(value: &str) -> Vec<Person> {
    value
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|name| match name.split_once(',') {
            Some((family, given)) if !given.trim().is_empty() => {
                Person::new(family.trim(), Some(given.trim()))
            }
            Some((family, _)) => Person::literal(family.trim()),
            None => Person::literal(name),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fm(text: &str) -> Result<FrontMatter> {
        parse(Path::new("t.md"), text)
    }

    #[test]
    fn reads_every_key() {
        let f = fm("---\ntitle: \"A: B\"\nauthors: Seger, Elizabeth; Coding Rights\nyear: 2023\nvenue: V\ndoi: https://doi.org/10.1/X\nurl: https://x.org\nfield: AI governance\nsource: 004.txt\n---\nbody\n").unwrap();
        assert_eq!(f.lines, 10);
        assert_eq!(f.meta.title.as_deref(), Some("A: B"));
        assert_eq!(f.meta.authors[0], Person::new("Seger", Some("Elizabeth")));
        assert_eq!(f.meta.authors[1], Person::literal("Coding Rights"));
        assert_eq!(f.meta.year, Some(2023));
        assert_eq!(f.meta.doi.as_deref(), Some("10.1/X"));
        assert_eq!(f.meta.source.as_deref(), Some("004.txt"));
        assert!(f.notes.is_empty());
    }

    #[test]
    fn absent_or_unclosed_is_no_front_matter() {
        assert_eq!(fm("title: x\n").unwrap().lines, 0);
        assert_eq!(fm("---\ntitle: x\n").unwrap().lines, 0);
    }

    #[test]
    fn bad_lines_are_errors_with_line_numbers() {
        let err = fm("---\ntitle: x\nnonsense\n---\n").unwrap_err();
        assert!(matches!(err, Error::FrontMatter { line: 3, .. }), "{err}");
        assert!(fm("---\nyear: soon\n---\n").is_err());
    }

    #[test]
    fn unknown_keys_are_noted() {
        let f = fm("---\nlicence: CC\n---\n").unwrap();
        assert_eq!(f.notes.len(), 1);
    }
}
