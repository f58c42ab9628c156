//! Recognising what a file is (by content first, extension second) and
//! handing it to the reader for its format.
//!
//! Every reader yields the same model: one or more [`Source`]s. Text-like
//! formats (plain text, Markdown, PDF, Word, OpenDocument, LaTeX) yield text
//! for the section finder; structured formats (BibTeX, CSL-JSON, RIS,
//! citation-database exports) also carry their entries, which extraction
//! takes as the works-cited list. An export yields one `Source` per record.

use super::{from_bytes, is_stdin, Source, STDIN_NAME};
use crate::error::{Error, Result};
use std::io::Read;
use std::path::Path;

/// The formats citemap reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Format {
    /// Plain text or Markdown.
    #[default]
    Text,
    /// Web of Science plain-text export (field tags, `CR` cited references).
    WosText,
    /// Web of Science tab-delimited export.
    WosTabbed,
    /// Scopus or Web of Science BibTeX export (cited references in a field).
    ExportBibtex,
    /// Scopus CSV export (`References` column).
    ScopusCsv,
    /// OpenAlex works as JSON lines (its API).
    OpenAlexJsonl,
    /// OpenAlex web export CSV.
    OpenAlexCsv,
    /// Lens.org scholarly CSV export.
    LensCsv,
}

impl Format {
    /// A short name for messages ("PDF", "BibTeX").
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::WosText => "Web of Science plain text",
            Format::WosTabbed => "Web of Science tab-delimited",
            Format::ExportBibtex => "Scopus/Web of Science BibTeX",
            Format::ScopusCsv => "Scopus CSV",
            Format::OpenAlexJsonl => "OpenAlex JSON lines",
            Format::OpenAlexCsv => "OpenAlex CSV",
            Format::LensCsv => "Lens.org CSV",
        }
    }
}

/// Recognises the format of `bytes`, named `path` (the extension breaks
/// ties the content leaves open).
pub fn sniff(_path: &Path, bytes: &[u8]) -> Format {
    if let Some(f) = super::export::sniff(bytes) {
        return f;
    }
    Format::Text
}

/// Reads one file in whatever format it is, into one or more [`Source`]s.
///
/// # Errors
///
/// [`Error::Io`] when the file cannot be read, or the reader's error for its
/// format (a binary file, a bad front matter, …).
pub fn read(path: &Path) -> Result<Vec<Source>> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    read_bytes(path, &bytes)
}

/// As [`read`], for bytes already in memory; `path` names them.
///
/// # Errors
///
/// As [`read`].
pub fn read_bytes(path: &Path, bytes: &[u8]) -> Result<Vec<Source>> {
    match sniff(path, bytes) {
        Format::Text => Ok(vec![from_bytes(path, bytes)?]),
        f @ (Format::WosText
        | Format::WosTabbed
        | Format::ExportBibtex
        | Format::ScopusCsv
        | Format::OpenAlexJsonl
        | Format::OpenAlexCsv
        | Format::LensCsv) => super::export::read(path, bytes, f),
    }
}

/// Reads a path from [`super::collect()`] in whatever format it is: `-`
/// means standard input.
///
/// # Errors
///
/// As [`read`].
pub fn read_path(path: &Path) -> Result<Vec<Source>> {
    if is_stdin(path) {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|source| Error::Io {
                path: STDIN_NAME.into(),
                source,
            })?;
        read_bytes(Path::new(STDIN_NAME), &bytes)
    } else {
        read(path)
    }
}
