//! Recognising what a file is (by content first, extension second) and
//! handing it to the reader for its format.
//!
//! Every reader yields the same model: one or more [`Source`]s. Text-like
//! formats (plain text, Markdown, PDF, Word, OpenDocument, LaTeX) yield text
//! for the section finder; structured formats (BibTeX, CSL-JSON, RIS,
//! citation-database exports) also carry their entries, which extraction
//! takes as the works-cited list. An export yields one `Source` per record.

use super::{from_bytes, is_stdin, Source, MAX_FILE_BYTES, MAX_STREAMED_BYTES, STDIN_NAME};
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
    /// A BibTeX or BibLaTeX library (`.bib`).
    BibTex,
    /// A CSL-JSON library (Zotero, pandoc).
    CslJson,
    /// A RIS library.
    Ris,
    /// A LaTeX draft, read with the `.bib` files it names.
    Latex,
    /// A Word document (`.docx`).
    Docx,
    /// An OpenDocument text (`.odt`).
    Odt,
    /// A PDF file, read into lines with their page positions.
    Pdf,
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
            Format::BibTex => "BibTeX",
            Format::CslJson => "CSL-JSON",
            Format::Ris => "RIS",
            Format::Latex => "LaTeX",
            Format::Docx => "Word (.docx)",
            Format::Odt => "OpenDocument (.odt)",
            Format::Pdf => "PDF",
        }
    }

    /// Whether this is a citation-database export, whose records' text is
    /// a title and abstract rather than a paper's body.
    pub fn is_export(self) -> bool {
        matches!(
            self,
            Format::WosText
                | Format::WosTabbed
                | Format::ExportBibtex
                | Format::ScopusCsv
                | Format::OpenAlexJsonl
                | Format::OpenAlexCsv
                | Format::LensCsv
        )
    }

    /// True for reference libraries: files that are nothing but a list of
    /// entries, with no text that cites them.
    pub fn is_library(self) -> bool {
        matches!(self, Format::BibTex | Format::CslJson | Format::Ris)
    }
}

/// How much of a file's start the content sniffers look at.
const SNIFF_LEN: usize = 64 * 1024;

/// Recognises the format of `bytes`, named `path` (the extension breaks
/// ties the content leaves open).
///
/// ```
/// use citemap::input::{format::sniff, Format};
/// use std::path::Path;
/// assert_eq!(sniff(Path::new("refs.txt"), b"@book{x, title={T}}"), Format::BibTex);
/// assert_eq!(sniff(Path::new("x"), b"TY  - JOUR\nER  - \n"), Format::Ris);
/// assert_eq!(sniff(Path::new("notes.txt"), b"Works cited\n"), Format::Text);
/// ```
pub fn sniff(path: &Path, bytes: &[u8]) -> Format {
    // Export flavours first: a Scopus BibTeX export is BibTeX too, but its
    // records cite references that only the export reader understands.
    if let Some(f) = super::export::sniff(bytes) {
        return f;
    }
    if super::pdf::looks_like_pdf(bytes) {
        return Format::Pdf;
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if bytes.starts_with(b"PK\x03\x04") {
        if let Some(f) = super::office::sniff_zip(bytes) {
            return f;
        }
    }
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    let text = String::from_utf8_lossy(head);
    if super::bibtex::looks_like(&text) {
        return Format::BibTex;
    }
    if super::ris::looks_like(&text) {
        return Format::Ris;
    }
    if super::csl_json::looks_like(&text) {
        return Format::CslJson;
    }
    if super::latex::looks_like(&text) {
        return Format::Latex;
    }
    match ext.as_str() {
        "bib" => Format::BibTex,
        "ris" => Format::Ris,
        "json" if !text.trim().is_empty() => Format::CslJson,
        "tex" | "ltx" => Format::Latex,
        _ => Format::Text,
    }
}

/// Reads one file in whatever format it is, into one or more [`Source`]s.
///
/// # Errors
///
/// [`Error::Io`] when the file cannot be read, [`Error::TooLarge`] past
/// [`MAX_FILE_BYTES`] (past [`MAX_STREAMED_BYTES`] for a Web of Science
/// plain-text export, read as a stream), or the reader's error for its
/// format (a binary file, a bad front matter, a library with no readable
/// entry, a broken zip…).
pub fn read(path: &Path) -> Result<Vec<Source>> {
    let io = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    let mut file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    let mut head = Vec::new();
    (&mut file)
        .take(SNIFF_LEN as u64)
        .read_to_end(&mut head)
        .map_err(io)?;
    if streams(&head) {
        super::decode::sniff_binary(path, &head)?;
        if size > MAX_STREAMED_BYTES {
            return Err(Error::TooLarge {
                path: path.to_owned(),
                size,
                limit: MAX_STREAMED_BYTES,
            });
        }
        // The head already read goes first: no seeking, so a pipe works too.
        let rest = std::io::Cursor::new(head).chain(file);
        let reader = std::io::BufReader::with_capacity(1 << 20, rest.take(MAX_STREAMED_BYTES));
        return super::export::wos::read_plain_stream(path, reader);
    }
    if size > MAX_FILE_BYTES {
        return Err(Error::TooLarge {
            path: path.to_owned(),
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let mut bytes = head;
    bytes.extend(read_capped(file, path)?);
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Error::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    read_bytes(path, &bytes)
}

/// Whether a file whose first bytes are `head` is read as a stream: a Web
/// of Science plain-text export, unless it is UTF-16 (decoded whole).
fn streams(head: &[u8]) -> bool {
    let utf16 = encoding_rs::Encoding::for_bom(head).is_some_and(|(e, _)| e != encoding_rs::UTF_8);
    !utf16 && super::export::sniff(head) == Some(Format::WosText)
}

/// Reads to the end, refusing more than [`MAX_FILE_BYTES`] (a file can grow
/// after its size was taken; standard input has none).
fn read_capped(reader: impl Read, path: &Path) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Error::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(bytes)
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
        f @ (Format::BibTex | Format::CslJson | Format::Ris) => {
            Ok(vec![read_library(path, bytes, f)?])
        }
        Format::Latex => Ok(vec![super::latex::read(path, bytes)?]),
        f @ (Format::Docx | Format::Odt) => Ok(vec![super::office::read(path, bytes, f)?]),
        Format::Pdf => Ok(vec![super::pdf::read(path, bytes)?]),
    }
}

/// Reads a BibTeX, CSL-JSON or RIS library into one [`Source`] whose
/// entries are its records. Records that cannot be read become notes; a
/// file where none can is an error.
///
/// # Errors
///
/// [`Error::Binary`] for non-text bytes, [`Error::Malformed`] when the file
/// has problems and no readable record.
pub fn read_library(path: &Path, bytes: &[u8], format: Format) -> Result<Source> {
    let decoded = super::decode::decode(path, bytes)?;
    let text = decoded.text.replace("\r\n", "\n");
    let mut faults: Vec<String> = Vec::new();
    let (records, problems): (Vec<_>, Vec<(usize, String)>) = match format {
        Format::BibTex => {
            let (r, p) = super::bibtex::records(&text);
            let (skipped, kept): (Vec<_>, Vec<_>) = p.into_iter().partition(|p| p.skipped);
            faults.extend(
                kept.into_iter()
                    .map(|p| format!("line {}: {}", p.line, p.message)),
            );
            (
                r,
                skipped.into_iter().map(|p| (p.line, p.message)).collect(),
            )
        }
        Format::CslJson => {
            let (r, p) = super::csl_json::records(&text);
            (r, p.into_iter().map(|p| (p.line, p.message)).collect())
        }
        _ => {
            let (r, p) = super::ris::records(&text);
            (r, p.into_iter().map(|p| (p.line, p.message)).collect())
        }
    };
    if records.is_empty() {
        if let Some((line, message)) = problems.first().cloned() {
            return Err(Error::Malformed {
                path: path.to_owned(),
                format: format.name(),
                line,
                message,
            });
        }
    }
    let mut source = super::library::source(path, text, format, records);
    source.notes.extend(decoded.note);
    if source.entries.as_ref().is_some_and(Vec::is_empty) {
        source
            .notes
            .push(format!("no {} entries in the file", format.name()));
    }
    source.notes.extend(
        problems
            .into_iter()
            .map(|(line, message)| format!("line {line}: skipped: {message}")),
    );
    source.notes.extend(faults);
    Ok(source)
}

/// Reads a path from [`super::collect()`] in whatever format it is: `-`
/// means standard input.
///
/// # Errors
///
/// As [`read`].
pub fn read_path(path: &Path) -> Result<Vec<Source>> {
    if is_stdin(path) {
        let bytes = read_capped(std::io::stdin().lock(), Path::new(STDIN_NAME))?;
        read_bytes(Path::new(STDIN_NAME), &bytes)
    } else {
        read(path)
    }
}
