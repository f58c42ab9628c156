//! In-text citations: finding them in a document's body ([`scan()`]) and
//! resolving each to an entry of the same document's works-cited list
//! ([`resolve()`]).
//!
//! ```
//! use citemap::cite::{scan_text, ScanOptions};
//! let mla = scan_text("a.md", "Bias is structural (Benjamin 183).", &ScanOptions::all());
//! assert_eq!(mla[0].text, "(Benjamin 183)");
//! assert_eq!(mla[0].items[0].locator.as_deref(), Some("183"));
//!
//! let ieee = scan_text("b.md", "As others agree [3, 5-7].", &ScanOptions::all());
//! let numbers: Vec<_> = ieee[0].items.iter().filter_map(|i| i.number).collect();
//! assert_eq!(numbers, [3, 5, 6, 7]);
//! ```

pub(crate) mod known;
pub(crate) mod missing;
pub(crate) mod notes;
pub mod resolve;
pub mod scan;
pub mod table;
pub(crate) mod text;

pub use resolve::{resolve, Match, Nearest, Quality, Resolution};
pub use scan::{body_range, scan, scan_text, Citation, CiteItem, Form, ScanOptions};
