//! Parsing one reference string into fields.
//!
//! (Skeleton: the parser work fills this in with nom grammars.)

use crate::model::{Outcome, Style};

/// What parsing one reference string gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The style the string was read as.
    pub style: Style,
    /// The fields, or why there are none.
    pub outcome: Outcome,
}

/// Parses one reference string. `hint` is the style of the list it came from
/// (`Style::Unknown` to detect it from the string alone).
pub fn parse_reference(raw: &str, hint: Style) -> Parsed {
    let _ = raw;
    Parsed {
        style: hint,
        outcome: Outcome::Unparsed {
            reason: "parser not implemented yet".into(),
        },
    }
}

/// A cheap guess at the style of one reference string, used to vote on the
/// style of a whole list before each entry is parsed with that hint.
pub fn guess_style(raw: &str) -> Style {
    let _ = raw;
    Style::Unknown
}
