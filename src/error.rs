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
