//! Parsing one reference string into fields.
//!
//! Language-neutral recognisers ([`tokens`]: dates, page ranges, volume and
//! issue forms, quoted titles) and the name-list grammar (`names`) are
//! written once with nom; the shared grammar (`generic`) reads names, an
//! optional date, the title and the tail, and the style modules (`mla`,
//! `apa`, `chicago`, `ieee`, `physics`) supply the evidence for
//! [`guess_style`] and their particular decisions (organisation authors,
//! titles left out, comma-separated tails).
//!
//! ```
//! use citemap::parse::parse_reference;
//! use citemap::{Outcome, Style};
//!
//! let p = parse_reference("Noble, S. U. (2018). Algorithms of oppression. NYU Press.", Style::Unknown);
//! let Outcome::Parsed { reference, .. } = p.outcome else { panic!() };
//! assert_eq!(reference.authors[0].family, "Noble");
//! assert_eq!(reference.year(), Some(2018));
//! assert_eq!(reference.publisher.as_deref(), Some("NYU Press"));
//! ```

mod apa;
mod chicago;
mod generic;
mod ids;
mod ieee;
mod lexicon;
mod mla;
mod names;
mod physics;
mod tail;
pub mod tokens;

use crate::model::{Outcome, Style};

/// Longest reference string the grammar reads; longer input is cut (no
/// reference is this long, and the cut keeps parsing linear).
const MAX_LEN: usize = 4000;

/// What parsing one reference string gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The style the string was read as.
    pub style: Style,
    /// The fields, or why there are none.
    pub outcome: Outcome,
}

fn cut(raw: &str) -> &str {
    if raw.len() <= MAX_LEN {
        return raw;
    }
    let mut k = MAX_LEN;
    while !raw.is_char_boundary(k) {
        k -= 1;
    }
    &raw[..k]
}

/// Parses one reference string. `hint` is the style of the list it came from
/// (`Style::Unknown` to detect it from the string alone).
///
/// Never panics; input longer than a few thousand bytes is read only in
/// part. The confidence is the share of the string the grammar placed in
/// fields.
pub fn parse_reference(raw: &str, hint: Style) -> Parsed {
    let raw = cut(raw);
    let style = if hint == Style::Unknown {
        guess_style(raw)
    } else {
        hint
    };
    if !raw.chars().any(char::is_alphanumeric) {
        return Parsed {
            style,
            outcome: Outcome::Unparsed {
                reason: "the entry has no letters or digits".into(),
            },
        };
    }
    let prepared = generic::prepare(raw);
    let (reference, used) = generic::parse(&prepared, style);
    let empty = reference.title.is_none()
        && reference.authors.is_empty()
        && reference.container_title.is_none()
        && reference.issued.is_none()
        && reference.doi.is_none()
        && reference.url.is_none();
    if empty {
        return Parsed {
            style,
            outcome: Outcome::Unparsed {
                reason: "no author, title, date or identifier found".into(),
            },
        };
    }
    let total = prepared.text.len().max(1);
    let mut confidence = (used as f32 / total as f32).clamp(0.0, 1.0);
    if reference.title.is_none() && reference.container_title.is_none() {
        confidence *= 0.5;
    }
    Parsed {
        style,
        outcome: Outcome::Parsed {
            reference,
            confidence,
        },
    }
}

/// A cheap guess at the style of one reference string, used to vote on the
/// style of a whole list before each entry is parsed with that hint.
///
/// ```
/// use citemap::parse::guess_style;
/// use citemap::Style;
/// assert_eq!(guess_style("Noble, S. U. (2018). Algorithms of oppression. NYU Press."), Style::Apa);
/// assert_eq!(guess_style("Sekijima Y, Smith J. Title. J Neurol. 2019;266(3):1-9."), Style::Vancouver);
/// ```
pub fn guess_style(raw: &str) -> Style {
    let raw = cut(raw);
    let scores = [
        (Style::Apa, apa::score(raw)),
        (Style::Ieee, ieee::score(raw)),
        (Style::Vancouver, ieee::vancouver_score(raw)),
        (Style::Mla, mla::score(raw)),
        (Style::Harvard, chicago::harvard_score(raw)),
        (Style::Chicago, chicago::score(raw)),
    ];
    let best = scores.iter().max_by_key(|(_, n)| *n).copied();
    match best {
        Some((style, n)) if n >= 2 => style,
        _ => Style::Unknown,
    }
}
