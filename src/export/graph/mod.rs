//! Writing a graph projection: DOT (through graphviz-rust's DOT model),
//! GraphML and GEXF (both open in Gephi), JSON with the evidence of
//! every merge, and node and edge tables as CSV ([`tables`]).
//!
//! Every label is untrusted text: DOT strings are quoted and escaped, XML is
//! written through quick-xml, which escapes text and attributes, after
//! characters XML 1.0 cannot hold are dropped.

pub mod dot;
pub mod gexf;
pub mod graphml;
pub mod json;
pub mod tables;

use std::borrow::Cow;

/// Drops characters XML 1.0 cannot hold, even escaped (most C0 controls,
/// surrogates, U+FFFE/U+FFFF).
pub(crate) fn xml_safe(text: &str) -> Cow<'_, str> {
    let ok = |c: char| {
        matches!(c, '\t' | '\n' | '\r')
            || ('\u{20}'..='\u{D7FF}').contains(&c)
            || ('\u{E000}'..='\u{FFFD}').contains(&c)
            || c >= '\u{10000}'
    };
    if text.chars().all(ok) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|&c| ok(c)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_safe_drops_controls() {
        assert_eq!(xml_safe("a\u{0}b\u{1b}c\td"), "abc\td");
        assert!(matches!(xml_safe("plain"), Cow::Borrowed(_)));
    }
}
