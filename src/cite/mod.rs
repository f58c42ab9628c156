//! In-text citations: finding them in a document's body ([`scan`]) and
//! resolving each to an entry of the same document's works-cited list
//! ([`resolve`]).
//!
//! ```
//! use citemap::cite::{scan_text, ScanOptions};
//! let text = "Bias is structural (Benjamin 183), as others agree [3, 5-7].";
//! let cites = scan_text("paper.md", text, &ScanOptions::all());
//! assert_eq!(cites[0].text, "(Benjamin 183)");
//! assert_eq!(cites[1].items.len(), 4);
//! ```

pub mod resolve;
pub mod scan;
pub(crate) mod text;

pub use resolve::{resolve, Match, Quality, Resolution};
pub use scan::{body_range, scan, scan_text, Citation, CiteItem, Form, ScanOptions};
