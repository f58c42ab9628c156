//! Finding the works-cited section of a document and splitting it into entries.
//!
//! (Skeleton: the extraction work fills this in.)

pub mod repair;

use crate::input::Source;
use crate::model::{Document, Style};

/// Extracts the works-cited entries of a loaded document.
pub fn extract(source: &Source) -> Document {
    let mut doc = extract_text(&source.path, &source.text);
    doc.meta = source.meta.clone();
    doc
}

/// Extracts the works-cited entries of a text; `path` is used in spans.
pub fn extract_text(path: &str, _text: &str) -> Document {
    Document {
        path: path.to_owned(),
        meta: Default::default(),
        section: None,
        style: Style::Unknown,
        entries: Vec::new(),
        notes: vec!["extraction not implemented yet".into()],
    }
}
