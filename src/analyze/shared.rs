//! Sources that several documents share, at the level of the work, the
//! author or organisation, and the venue, with how each document wrote it.
//!
//! ```
//! use citemap::analyze::shared::{shared_sources, Level};
//! use citemap::resolve::{resolve, Options};
//! let res = resolve(&[], &[], &Options::default());
//! assert!(shared_sources(&[], &res, 2, &Level::ALL).is_empty());
//! ```

use crate::model::Document;
use crate::resolve::{AgentKind, EntryRef, Evidence, Resolution, WorkId};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

/// The level a source is shared at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// The same work.
    Work,
    /// The same person.
    Author,
    /// The same organisation (family).
    Organisation,
    /// The same venue.
    Venue,
}

impl Level {
    /// Every level.
    pub const ALL: [Level; 4] = [
        Level::Work,
        Level::Author,
        Level::Organisation,
        Level::Venue,
    ];

    /// The kebab-case name.
    pub fn name(self) -> &'static str {
        match self {
            Level::Work => "work",
            Level::Author => "author",
            Level::Organisation => "organisation",
            Level::Venue => "venue",
        }
    }
}

/// One citing entry: the file and the entry as written there.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Citing {
    /// The file.
    pub path: String,
    /// The entry text.
    pub entry: String,
}

/// A merge behind a shared work, in user terms.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MergeNote {
    /// One entry ("PATH#N").
    pub a: String,
    /// The other.
    pub b: String,
    /// Why they were joined.
    #[serde(flatten)]
    pub evidence: Evidence,
}

/// A source shared by at least `min_docs` documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SharedSource {
    /// Work, author, organisation or venue.
    pub level: Level,
    /// A human label.
    pub label: String,
    /// The resolution key.
    pub key: String,
    /// Every entry that cites it, by file.
    pub documents: Vec<Citing>,
    /// For works: the merges that made the entries one work.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<MergeNote>,
}

/// The sources shared by at least `min_docs` distinct documents (files that
/// are the same document count once), at the given levels; sorted by level,
/// then most documents first, then label.
pub fn shared_sources(
    docs: &[Document],
    res: &Resolution,
    min_docs: usize,
    levels: &[Level],
) -> Vec<SharedSource> {
    let min_docs = min_docs.max(1);
    let mut out = Vec::new();
    let citing = |entries: &mut dyn Iterator<Item = EntryRef>| -> (usize, Vec<Citing>) {
        let mut nodes = BTreeSet::new();
        let mut list: Vec<Citing> = entries
            .map(|r| {
                nodes.insert(res.doc_node[r.doc as usize]);
                Citing {
                    path: docs[r.doc as usize].path.clone(),
                    entry: r.raw(docs).trim().to_owned(),
                }
            })
            .collect();
        list.sort();
        list.dedup();
        (nodes.len(), list)
    };
    let works_entries = |works: &[WorkId]| -> Vec<EntryRef> {
        works
            .iter()
            .flat_map(|&w| res.works[w as usize].entries.iter().copied())
            .collect()
    };
    if levels.contains(&Level::Work) {
        let mut merges_of: HashMap<WorkId, Vec<MergeNote>> = HashMap::new();
        for m in &res.merges {
            merges_of
                .entry(res.work_of[m.a.doc as usize][m.a.entry as usize])
                .or_default()
                .push(MergeNote {
                    a: m.a.locator(docs),
                    b: m.b.locator(docs),
                    evidence: m.evidence,
                });
        }
        for (w, work) in res.works.iter().enumerate() {
            let (n, documents) = citing(&mut work.entries.iter().copied());
            if n >= min_docs {
                out.push(SharedSource {
                    level: Level::Work,
                    label: work.label.clone(),
                    key: work.key.clone(),
                    documents,
                    evidence: merges_of.remove(&(w as WorkId)).unwrap_or_default(),
                });
            }
        }
    }
    for agent in &res.agents {
        let level = match agent.kind {
            AgentKind::Person => Level::Author,
            AgentKind::Organisation => Level::Organisation,
        };
        if !levels.contains(&level) {
            continue;
        }
        let (n, documents) = citing(&mut works_entries(&agent.works).into_iter());
        if n >= min_docs {
            out.push(SharedSource {
                level,
                label: agent.label.clone(),
                key: agent.key.clone(),
                documents,
                evidence: Vec::new(),
            });
        }
    }
    if levels.contains(&Level::Venue) {
        for venue in &res.venues {
            let (n, documents) = citing(&mut works_entries(&venue.works).into_iter());
            if n >= min_docs {
                out.push(SharedSource {
                    level: Level::Venue,
                    label: venue.label.clone(),
                    key: format!("venue:{}", venue.key),
                    documents,
                    evidence: Vec::new(),
                });
            }
        }
    }
    // Counted once per source: a comparison that counted would build a set
    // of paths each time, and popular sources have thousands.
    let mut counted: Vec<(usize, SharedSource)> = out
        .into_iter()
        .map(|s| {
            let files = s
                .documents
                .iter()
                .map(|c| c.path.as_str())
                .collect::<BTreeSet<_>>()
                .len();
            (files, s)
        })
        .collect();
    counted.sort_by(|(na, a), (nb, b)| {
        a.level
            .cmp(&b.level)
            .then(nb.cmp(na))
            .then(a.label.cmp(&b.label))
    });
    let out: Vec<SharedSource> = counted.into_iter().map(|(_, s)| s).collect();
    out
}
