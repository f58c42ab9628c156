//! Typed errors of the library. The binary wraps them with `anyhow`.

use std::path::PathBuf;

/// Everything the library can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or folder could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A file looks binary (NUL bytes or mostly control characters), so it is
    /// not a text document.
    #[error("{path}: not a text document (looks binary{detail})")]
    Binary {
        /// The path.
        path: PathBuf,
        /// Extra detail such as "; a PDF: extract its text first".
        detail: String,
    },
    /// A path given by the user does not exist.
    #[error("{path}: no such file or folder")]
    NotFound {
        /// The path.
        path: PathBuf,
    },
    /// A front-matter header could not be read.
    #[error("{path}:{line}: bad front matter: {message}")]
    FrontMatter {
        /// The file.
        path: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A citation-database export (Web of Science, Scopus, OpenAlex, Lens)
    /// could not be read.
    #[error("{path}:{line}: bad {format} export: {message}")]
    Export {
        /// The file.
        path: PathBuf,
        /// 1-based line of the problem (0 when unknown).
        line: usize,
        /// The export format ("Scopus CSV").
        format: &'static str,
        /// What is wrong.
        message: String,
    },
    /// A file of a structured format (BibTeX, CSL-JSON, RIS, LaTeX) held
    /// nothing that could be read as that format.
    #[error("{path}:{line}: not valid {format}: {message}")]
    Malformed {
        /// The file.
        path: PathBuf,
        /// The format it was read as ("BibTeX").
        format: &'static str,
        /// 1-based line of the first problem (0 for the whole file).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A file is larger than citemap reads (see
    /// [`crate::input::MAX_FILE_BYTES`]).
    #[error("{path}: too large to read ({size} bytes; the limit is {limit})")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes (at least; standard input is not read past the limit).
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// A Word or OpenDocument file whose zip container cannot be read:
    /// truncated, encrypted, missing its main part, or one that would expand
    /// past the size limit (a decompression bomb).
    #[error("{path}: cannot read this {format} file: {message}")]
    Archive {
        /// The file.
        path: PathBuf,
        /// The format ("Word (.docx)").
        format: &'static str,
        /// What is wrong.
        message: String,
    },
    /// A PDF without a text layer (a scan): there is no text to read.
    #[error("{path}: no text layer: run OCR first (e.g. `ocrmypdf in.pdf out.pdf`)")]
    PdfNoText {
        /// The file.
        path: PathBuf,
    },
    /// A PDF encrypted with a password.
    #[error("{path}: the PDF is encrypted with a password: save an unprotected copy first")]
    PdfEncrypted {
        /// The file.
        path: PathBuf,
    },
    /// A PDF whose structure cannot be read (truncated, a reference loop).
    #[error("{path}: damaged PDF: {detail}")]
    PdfDamaged {
        /// The file.
        path: PathBuf,
        /// What is wrong, as far as known.
        detail: String,
    },
    /// A PDF past one of the reader's limits (size, inflated streams,
    /// pages, glyphs, nesting): refused rather than read without bound.
    #[error("{path}: PDF refused: {detail}")]
    PdfLimit {
        /// The file.
        path: PathBuf,
        /// Which limit, and by how much.
        detail: String,
    },
}

/// A `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
