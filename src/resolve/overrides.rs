//! The user's corrections to resolution: a small TOML file of pairs of
//! entries that are the same work or different works.
//!
//! ```toml
//! # Entries are "PATH#N": the document's path (or just its file name, when
//! # that is unique) and the entry's 1-based position in its list.
//! [[same]]
//! a = "000_0ec77c7fb2aeeec9.txt#25"
//! b = "004_623c6ea9a2a02abb.txt#3"
//!
//! [[different]]
//! a = "000_0ec77c7fb2aeeec9.txt#9"
//! b = "000_0ec77c7fb2aeeec9.txt#27"
//! ```
//!
//! "same" pairs are joined before any rule runs; a "different" pair is never
//! joined, directly or through other entries.

use super::EntryRef;
use crate::model::Document;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// Why an overrides file could not be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OverridesError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid TOML of the expected shape.
    #[error("{path}: {message}")]
    Toml {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

/// Two entries an override names.
pub type EntryPair = (EntryRef, EntryRef);

/// A pair of entry locators ("PATH#N").
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Pair {
    /// One entry.
    pub a: String,
    /// The other.
    pub b: String,
}

/// The user's "same" and "different" pairs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overrides {
    /// Entries that name the same work.
    #[serde(default)]
    pub same: Vec<Pair>,
    /// Entries that name different works.
    #[serde(default)]
    pub different: Vec<Pair>,
}

impl Overrides {
    /// Parses overrides from TOML text; `path` is used in errors.
    ///
    /// ```
    /// let o = citemap::resolve::Overrides::from_toml("[[same]]\na = \"x.txt#1\"\nb = \"y.txt#2\"\n", "o.toml".as_ref()).unwrap();
    /// assert_eq!(o.same.len(), 1);
    /// ```
    pub fn from_toml(text: &str, path: &Path) -> Result<Overrides, OverridesError> {
        toml::from_str(text).map_err(|e| OverridesError::Toml {
            path: path.to_owned(),
            message: e.to_string(),
        })
    }

    /// Reads an overrides file.
    pub fn load(path: &Path) -> Result<Overrides, OverridesError> {
        let text = std::fs::read_to_string(path).map_err(|source| OverridesError::Io {
            path: path.to_owned(),
            source,
        })?;
        Overrides::from_toml(&text, path)
    }

    /// The pairs as entries of `docs`: (same, different). Locators that name
    /// no entry, or more than one document, are reported in `notes` and
    /// skipped.
    pub fn resolve_pairs(
        &self,
        docs: &[Document],
        notes: &mut Vec<String>,
    ) -> (Vec<EntryPair>, Vec<EntryPair>) {
        let mut convert = |pairs: &[Pair]| -> Vec<EntryPair> {
            pairs
                .iter()
                .filter_map(|p| {
                    let a = locate(&p.a, docs, notes)?;
                    let b = locate(&p.b, docs, notes)?;
                    Some((a, b))
                })
                .collect()
        };
        let same = convert(&self.same);
        let different = convert(&self.different);
        (same, different)
    }
}

/// Finds the entry a "PATH#N" locator names.
fn locate(locator: &str, docs: &[Document], notes: &mut Vec<String>) -> Option<EntryRef> {
    let Some((path, n)) = locator.rsplit_once('#') else {
        notes.push(format!("override {locator:?}: expected PATH#N"));
        return None;
    };
    let Ok(n) = n.trim().parse::<usize>() else {
        notes.push(format!(
            "override {locator:?}: {n:?} is not an entry number"
        ));
        return None;
    };
    let exact: Vec<usize> = (0..docs.len()).filter(|&i| docs[i].path == path).collect();
    let found = if exact.is_empty() {
        (0..docs.len())
            .filter(|&i| {
                let p = Path::new(&docs[i].path);
                p.ends_with(path) || p.file_name().is_some_and(|f| f == path)
            })
            .collect()
    } else {
        exact
    };
    match found.as_slice() {
        [d] if n >= 1 && n <= docs[*d].entries.len() => Some(EntryRef {
            doc: *d as u32,
            entry: (n - 1) as u32,
        }),
        [d] => {
            notes.push(format!(
                "override {locator:?}: {} has {} entries",
                docs[*d].path,
                docs[*d].entries.len()
            ));
            None
        }
        [] => {
            notes.push(format!("override {locator:?}: no such document"));
            None
        }
        _ => {
            notes.push(format!(
                "override {locator:?}: names more than one document; give more of the path"
            ));
            None
        }
    }
}
