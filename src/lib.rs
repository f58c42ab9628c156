//! citemap turns scholarly documents into citation maps.
//!
//! Data flows one way: documents ([`input`]) → works-cited entries
//! ([`extract`]) → parsed references ([`parse`]) → output ([`export`]).
//!
//! ```
//! let text = "Intro.\n\nWorks cited\n\n- Benjamin, Ruha. *Race after Technology*. Polity Press, 2019.\n";
//! let doc = citemap::extract::extract_text("paper.md", text);
//! assert_eq!(doc.entries.len(), 1);
//! ```
#![deny(missing_docs)]

pub mod analyze;
pub mod check;
pub mod cite;
pub mod error;
pub mod export;
pub mod extract;
pub mod graph;
pub mod input;
pub mod model;
pub mod parse;
pub mod render;
pub mod report;
pub mod resolve;
pub mod synth;

pub use error::{Error, Result};
pub use model::{
    Date, Document, DocumentMeta, Entry, Outcome, Person, Reference, Section, Span, Style, WorkType,
};
