//! The kinds of problem the check reports and how serious each is.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What is wrong. Serialised in kebab-case (`"unresolved-citation"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A citation that points at no entry.
    UnresolvedCitation,
    /// An entry no citation points at.
    UncitedEntry,
    /// A citation spells an author differently from its entry.
    NameMismatch,
    /// A citation's short title differs from its entry's title.
    TitleMismatch,
    /// A citation's year differs from its entry's.
    YearMismatch,
    /// An entry lacks a field its type needs (a book's publisher, …).
    MissingField,
    /// A URL split by a space or malformed; the suggestion is the repair.
    BrokenUrl,
    /// A DOI that is not of the form `10.NNNN/suffix`.
    InvalidDoi,
    /// Two entries for the same work.
    DuplicateEntry,
    /// No works-cited list (the document cites, or has no list at all).
    NoReferences,
    /// A footnote marker with no note.
    DanglingFootnote,
}

impl Kind {
    /// Every kind, in report order.
    pub const ALL: [Kind; 11] = [
        Kind::UnresolvedCitation,
        Kind::UncitedEntry,
        Kind::NameMismatch,
        Kind::TitleMismatch,
        Kind::YearMismatch,
        Kind::MissingField,
        Kind::BrokenUrl,
        Kind::InvalidDoi,
        Kind::DuplicateEntry,
        Kind::NoReferences,
        Kind::DanglingFootnote,
    ];

    /// The kebab-case name used in JSON, configs and flags.
    pub fn name(self) -> &'static str {
        match self {
            Kind::UnresolvedCitation => "unresolved-citation",
            Kind::UncitedEntry => "uncited-entry",
            Kind::NameMismatch => "name-mismatch",
            Kind::TitleMismatch => "title-mismatch",
            Kind::YearMismatch => "year-mismatch",
            Kind::MissingField => "missing-field",
            Kind::BrokenUrl => "broken-url",
            Kind::InvalidDoi => "invalid-doi",
            Kind::DuplicateEntry => "duplicate-entry",
            Kind::NoReferences => "no-references",
            Kind::DanglingFootnote => "dangling-footnote",
        }
    }

    /// How serious the kind is unless configured otherwise: a citation that
    /// leads nowhere and a DOI that cannot resolve are errors; everything a
    /// reader can still follow is a warning.
    pub fn default_severity(self) -> Severity {
        match self {
            Kind::UnresolvedCitation | Kind::InvalidDoi => Severity::Error,
            _ => Severity::Warning,
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A name that is no kind of problem.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown problem kind {0:?} (known: {known})", known = Kind::ALL.map(Kind::name).join(", "))]
pub struct UnknownKind(pub String);

impl FromStr for Kind {
    type Err = UnknownKind;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Kind::ALL
            .into_iter()
            .find(|k| k.name() == s.trim())
            .ok_or_else(|| UnknownKind(s.to_owned()))
    }
}

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Worth knowing; never fails a run.
    Note,
    /// Fails the run under `--deny warning`.
    Warning,
    /// Fails the run under the default `--deny error`.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// From which severity a run fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Deny {
    /// Fail on errors (the default).
    #[default]
    Error,
    /// Fail on warnings and errors.
    Warning,
    /// Never fail because of problems.
    Never,
}

impl Deny {
    /// True when a problem of `severity` fails the run.
    pub fn denies(self, severity: Severity) -> bool {
        match self {
            Deny::Error => severity >= Severity::Error,
            Deny::Warning => severity >= Severity::Warning,
            Deny::Never => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for k in Kind::ALL {
            assert_eq!(k.name().parse::<Kind>(), Ok(k));
            assert_eq!(serde_json::to_string(&k).unwrap(), format!("\"{k}\""));
        }
        assert!("nonsense".parse::<Kind>().is_err());
    }

    #[test]
    fn deny_levels() {
        assert!(Deny::Error.denies(Severity::Error));
        assert!(!Deny::Error.denies(Severity::Warning));
        assert!(Deny::Warning.denies(Severity::Warning));
        assert!(!Deny::Never.denies(Severity::Error));
    }
}
