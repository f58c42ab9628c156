//! Repairing PDF damage in one entry's text: URLs split by spaces, words
//! hyphenated across lines, ligatures, doubled spaces.
//!
//! (Skeleton: the extraction work fills this in.)

use std::borrow::Cow;

/// Repairs one entry's text (already joined onto one line).
pub fn repair_entry(raw: &str) -> Cow<'_, str> {
    Cow::Borrowed(raw)
}
