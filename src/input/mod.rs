//! Reading documents: files, folders and stdin into text.
//!
//! Bytes are decoded ([`decode`]), cleaned of PDF character damage
//! ([`normalize`]) and stripped of a front-matter header ([`front_matter`]),
//! always keeping the line numbers of the file: a front-matter block is
//! blanked, not removed, so line 40 of [`Source::text`] is line 40 of the file.

pub mod bibtex;
pub mod collect;
pub mod csl_json;
pub mod decode;
pub mod export;
pub mod format;
pub mod front_matter;
pub mod latex;
pub mod library;
pub mod normalize;
pub mod office;
pub mod pdf;
pub mod ris;

pub use collect::{collect, is_stdin, Collected};
pub use format::{read, read_path, Format};

use crate::error::{Error, Result};
use crate::model::{DocumentMeta, Entry};
use std::io::Read;
use std::path::Path;

/// The largest file citemap reads (256 MiB). A larger one is refused with
/// [`Error::TooLarge`] before it is read, so a stray disk image or a 500 MB
/// log cannot exhaust memory.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// The largest Web of Science plain-text export citemap reads (4 GiB,
/// about 1.2 million records). Such an export is read a line at a time
/// ([`export::wos::read_plain_stream`]): memory holds its records, never
/// its text, so it may be larger than [`MAX_FILE_BYTES`].
pub const MAX_STREAMED_BYTES: u64 = 4 * 1024 * 1024 * 1024;

/// The name [`load_stdin`] gives standard input in spans and messages.
pub const STDIN_NAME: &str = "<stdin>";

/// A document's text as read from disk, before extraction.
#[derive(Debug, Clone, Default)]
pub struct Source {
    /// The path as the user named it.
    pub path: String,
    /// The text, decoded to UTF-8. Line numbers in it match the file's.
    pub text: String,
    /// Metadata from a front-matter header, if the file has one.
    pub meta: DocumentMeta,
    /// What the user should know about reading it (a guessed encoding, an
    /// empty file, ignored front-matter keys).
    pub notes: Vec<String>,
    /// Where each line of `text` stood on its page, for documents read from
    /// a layout (PDF): `layout[i]` describes line `i` (0-based). `None` for
    /// plain text. The section finder and splitter may use it; they must
    /// also work without it.
    pub layout: Option<Vec<LineLayout>>,
    /// The works-cited list when the format states it outright (a BibTeX,
    /// CSL-JSON or RIS library, a database export record, a LaTeX draft's
    /// .bib): extraction takes these entries as the list instead of looking
    /// for one in `text`. Their spans point into the file they came from.
    pub entries: Option<Vec<Entry>>,
    /// The format the document was read as.
    pub format: Format,
}

/// The position of one text line on its page, in PDF points (1/72 inch),
/// origin at the page's top left.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct LineLayout {
    /// Page number, 1-based.
    pub page: u32,
    /// Left edge of the line's first glyph.
    pub x: f32,
    /// Baseline, from the top of the page.
    pub y: f32,
    /// Width of the line.
    pub width: f32,
    /// The most common font size on the line.
    pub font_size: f32,
    /// Width of the page (for columns and centring).
    pub page_width: f32,
    /// Height of the page (for running heads and page numbers).
    pub page_height: f32,
}

/// Reads one file into a [`Source`].
///
/// # Errors
///
/// [`Error::Io`] when the file cannot be read, [`Error::Binary`] when it is
/// not text (a PDF gets a hint on what to do), [`Error::FrontMatter`] when its
/// header is malformed. An empty file is not an error: its `Source` carries a
/// note.
///
/// ```no_run
/// let src = citemap::input::load(std::path::Path::new("references/000-luchs-2023-ai-for-all.md"))?;
/// assert!(src.meta.title.is_some());
/// # Ok::<(), citemap::Error>(())
/// ```
pub fn load(path: &Path) -> Result<Source> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    from_bytes(path, &bytes)
}

/// Reads standard input to its end into a [`Source`] named `<stdin>`.
///
/// # Errors
///
/// As [`load`].
pub fn load_stdin() -> Result<Source> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Io {
            path: STDIN_NAME.into(),
            source,
        })?;
    from_bytes(Path::new(STDIN_NAME), &bytes)
}

/// Reads a path from [`collect()`]: `-` means standard input.
///
/// # Errors
///
/// As [`load`].
pub fn load_path(path: &Path) -> Result<Source> {
    if is_stdin(path) {
        load_stdin()
    } else {
        load(path)
    }
}

/// Builds a [`Source`] from bytes already in memory; `path` names them in
/// messages and spans.
///
/// # Errors
///
/// As [`load`], except that nothing is read from disk.
///
/// ```
/// use std::path::Path;
/// let src = citemap::input::from_bytes(Path::new("x.md"), b"---\nyear: 2019\n---\nWorks cited\n")?;
/// assert_eq!(src.meta.year, Some(2019));
/// assert_eq!(src.text.lines().nth(3), Some("Works cited")); // line 4 stays line 4
/// # Ok::<(), citemap::Error>(())
/// ```
pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Source> {
    let mut notes = Vec::new();
    if bytes.is_empty() {
        notes.push("the file is empty".to_owned());
    }
    let decoded = decode::decode(path, bytes)?;
    notes.extend(decoded.note);
    let text = match normalize::normalize(&decoded.text) {
        std::borrow::Cow::Borrowed(_) => decoded.text,
        std::borrow::Cow::Owned(t) => t,
    };
    if !text.is_empty() && text.trim().is_empty() {
        notes.push("the file holds only white space".to_owned());
    }
    let fm = front_matter::parse(path, &text)?;
    notes.extend(fm.notes);
    let text = if fm.lines > 0 {
        blank_lines(&text, fm.lines)
    } else {
        text
    };
    Ok(Source {
        path: path.display().to_string(),
        text,
        meta: fm.meta,
        notes,
        ..Source::default()
    })
}

/// Empties the first `n` lines, keeping their line breaks.
fn blank_lines(text: &str, n: usize) -> String {
    let mut offset = 0;
    for _ in 0..n {
        match text[offset..].find('\n') {
            Some(i) => offset += i + 1,
            None => {
                offset = text.len();
                break;
            }
        }
    }
    let breaks = text[..offset].matches('\n').count();
    let mut out = "\n".repeat(breaks);
    out.push_str(&text[offset..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_blanked_keeping_lines() {
        let src = from_bytes(Path::new("a.md"), b"---\ntitle: T\n---\nbody on line 4\n").unwrap();
        assert_eq!(src.text, "\n\n\nbody on line 4\n");
        assert_eq!(src.meta.title.as_deref(), Some("T"));
    }

    #[test]
    fn empty_file_is_a_source_with_a_note() {
        let src = from_bytes(Path::new("e.txt"), b"").unwrap();
        assert!(src.text.is_empty());
        assert_eq!(src.notes, ["the file is empty"]);
    }

    #[test]
    fn crlf_and_ligatures_are_normalised() {
        let src = from_bytes(Path::new("w.txt"), "ﬁne\r\nline\r\n".as_bytes()).unwrap();
        assert_eq!(src.text, "fine\nline\n");
    }
}
