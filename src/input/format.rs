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
    /// A PDF file, read into lines with their page positions.
    Pdf,
}

impl Format {
    /// A short name for messages ("PDF", "BibTeX").
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Pdf => "PDF",
        }
    }
}

/// Recognises the format of `bytes`, named `path` (the extension breaks
/// ties the content leaves open).
pub fn sniff(_path: &Path, bytes: &[u8]) -> Format {
    if super::pdf::looks_like_pdf(bytes) {
        return Format::Pdf;
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
    refuse_huge_pdf(path)?;
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
        Format::Pdf => Ok(vec![super::pdf::read(path, bytes)?]),
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

/// Refuses a PDF larger than the PDF reader's limit before reading it into
/// memory (its first kilobyte is enough to know it is a PDF).
fn refuse_huge_pdf(path: &Path) -> Result<()> {
    let io = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    let max = super::pdf::Limits::default().max_file_bytes;
    let len = std::fs::metadata(path).map_err(io)?.len();
    if len <= max {
        return Ok(());
    }
    let mut head = Vec::with_capacity(1024);
    std::fs::File::open(path)
        .and_then(|f| f.take(1024).read_to_end(&mut head))
        .map_err(io)?;
    if super::pdf::looks_like_pdf(&head) {
        return Err(Error::PdfLimit {
            path: path.to_owned(),
            detail: format!("{} MB, more than the {} MB read", len >> 20, max >> 20),
        });
    }
    Ok(())
}
