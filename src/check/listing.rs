//! The per-citation listing of `check --format json`: every citation found,
//! where it is, how it is written, and each cited item with the entry it
//! resolved to or why it did not, so a reader can audit the check.

use super::{describe, entry_label, unresolved_reason};
use crate::cite::{Form, Resolution};
use crate::model::Entry;
use serde::Serialize;

/// One in-text citation as the check read it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cited {
    /// The citation as written.
    pub text: String,
    /// 1-based line and column where it starts.
    pub line: usize,
    /// 1-based column (in characters).
    pub column: usize,
    /// Parenthetical, narrative, numeric or note.
    pub form: Form,
    /// The works it cites, in order.
    pub items: Vec<CitedItem>,
}

/// One cited work of a citation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CitedItem {
    /// The item as the check describes it: names, title, year or number.
    pub cites: String,
    /// The page or other locator given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    /// The entry it resolved to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry: Option<CitedEntry>,
    /// Why it resolved to no entry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unresolved: Option<String>,
}

/// The works-cited entry an item resolved to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CitedEntry {
    /// 1-based line of the entry.
    pub line: usize,
    /// Its short label ("Noble 2018").
    pub label: String,
}

/// The listing of `resolved` (footnote markers, which point at notes rather
/// than works, are left out).
pub(crate) fn listing(resolved: &[Resolution], entries: &[Entry]) -> Vec<Cited> {
    resolved
        .iter()
        .filter(|r| r.citation.form != Form::Footnote)
        .map(|r| {
            let c = &r.citation;
            let items = c
                .items
                .iter()
                .zip(&r.targets)
                .map(|(item, target)| {
                    let cites = match item.number {
                        Some(n) if item.names.is_empty() => format!("[{n}]"),
                        _ if item.ibid => "ibid.".to_owned(),
                        _ => describe(item),
                    };
                    let entry = target.as_ref().and_then(|m| entries.get(m.entry));
                    let unresolved = entry.is_none().then(|| {
                        if entries.is_empty() {
                            "the document has no works-cited list".to_owned()
                        } else if let Some(n) =
                            item.number.filter(|_| item.names.is_empty() && !item.ibid)
                        {
                            format!("no entry numbered {n}")
                        } else {
                            unresolved_reason(item)
                        }
                    });
                    CitedItem {
                        cites,
                        locator: item.locator.clone(),
                        entry: entry.map(|e| CitedEntry {
                            line: e.span.line,
                            label: entry_label(e),
                        }),
                        unresolved,
                    }
                })
                .collect();
            Cited {
                text: c.text.clone(),
                line: c.span.line,
                column: c.span.column,
                form: c.form,
                items,
            }
        })
        .collect()
}
