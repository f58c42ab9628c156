//! Reading documents: files, folders and stdin into text.
//!
//! (Skeleton: the extraction work fills in decoding, binary detection and
//! front matter.)

use crate::error::{Error, Result};
use crate::model::DocumentMeta;
use std::path::Path;

/// A document's text as read from disk, before extraction.
#[derive(Debug, Clone, Default)]
pub struct Source {
    /// The path as the user named it.
    pub path: String,
    /// The text, decoded to UTF-8. Line numbers in it match the file's.
    pub text: String,
    /// Metadata from a front-matter header, if the file has one.
    pub meta: DocumentMeta,
}

/// Reads one file into a [`Source`].
pub fn load(path: &Path) -> Result<Source> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    Ok(Source {
        path: path.display().to_string(),
        text: String::from_utf8_lossy(&bytes).into_owned(),
        meta: DocumentMeta::default(),
    })
}
