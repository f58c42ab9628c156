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
use std::collections::HashMap;

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

/// A shared source before its citing entries are written out: what
/// [`shared_sources`] finds, with the entries as positions, cheap enough to
/// compute for a large corpus when only the sources are wanted.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedEntries {
    /// The level.
    pub level: Level,
    /// Its index in the resolution's works, agents or venues (by level).
    pub index: usize,
    /// A human label.
    pub label: String,
    /// The resolution key.
    pub key: String,
    /// The entries that cite it, in the resolution's order.
    pub entries: Vec<EntryRef>,
}

/// The sources shared by at least `min_docs` distinct documents (files that
/// are the same document count once), at the given levels, as
/// [`shared_sources`] orders them, without writing out who cites them.
pub fn shared_entries(
    docs: &[Document],
    res: &Resolution,
    min_docs: usize,
    levels: &[Level],
) -> Vec<SharedEntries> {
    use rayon::prelude::*;
    let min_docs = min_docs.max(1);
    // Distinct counts by sorting small vectors of ids: a large export has
    // hundreds of thousands of candidate sources and millions of entries,
    // too many for a tree set each.
    let distinct = |mut ids: Vec<u32>| -> usize {
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    };
    let nodes = |entries: &[EntryRef]| -> usize {
        distinct(
            entries
                .iter()
                .map(|r| res.doc_node[r.doc as usize])
                .collect(),
        )
    };
    let works_entries = |works: &[WorkId]| -> Vec<EntryRef> {
        works
            .iter()
            .flat_map(|&w| res.works[w as usize].entries.iter().copied())
            .collect()
    };
    let shared = |level: Level, index: usize, label: &str, key: String, entries: Vec<EntryRef>| {
        SharedEntries {
            level,
            index,
            label: label.to_owned(),
            key,
            entries,
        }
    };
    let mut out: Vec<SharedEntries> = Vec::new();
    if levels.contains(&Level::Work) {
        out.par_extend(
            res.works
                .par_iter()
                .enumerate()
                .filter(|(_, work)| nodes(&work.entries) >= min_docs)
                .map(|(w, work)| {
                    shared(
                        Level::Work,
                        w,
                        &work.label,
                        work.key.clone(),
                        work.entries.clone(),
                    )
                }),
        );
    }
    out.par_extend(res.agents.par_iter().enumerate().filter_map(|(a, agent)| {
        let level = match agent.kind {
            AgentKind::Person => Level::Author,
            AgentKind::Organisation => Level::Organisation,
        };
        if !levels.contains(&level) {
            return None;
        }
        let entries = works_entries(&agent.works);
        (nodes(&entries) >= min_docs)
            .then(|| shared(level, a, &agent.label, agent.key.clone(), entries))
    }));
    if levels.contains(&Level::Venue) {
        out.par_extend(res.venues.par_iter().enumerate().filter_map(|(v, venue)| {
            let entries = works_entries(&venue.works);
            (nodes(&entries) >= min_docs).then(|| {
                shared(
                    Level::Venue,
                    v,
                    &venue.label,
                    format!("venue:{}", venue.key),
                    entries,
                )
            })
        }));
    }
    // Files that are the same path count once: each path gets one id.
    let mut path_ids: HashMap<&str, u32> = HashMap::new();
    let path_id: Vec<u32> = docs
        .iter()
        .map(|d| {
            let next = path_ids.len() as u32;
            *path_ids.entry(d.path.as_str()).or_insert(next)
        })
        .collect();
    // Ranked by the files citing each source, counted once per source: a
    // comparison that counted would build a set each time, and popular
    // sources have thousands.
    let mut counted: Vec<(usize, SharedEntries)> = out
        .into_par_iter()
        .map(|s| {
            let files = distinct(s.entries.iter().map(|r| path_id[r.doc as usize]).collect());
            (files, s)
        })
        .collect();
    counted.par_sort_by(|(na, a), (nb, b)| {
        a.level
            .cmp(&b.level)
            .then(nb.cmp(na))
            .then(a.label.cmp(&b.label))
    });
    counted.into_iter().map(|(_, s)| s).collect()
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
    shared_entries(docs, res, min_docs, levels)
        .into_iter()
        .map(|s| {
            let mut documents: Vec<Citing> = s
                .entries
                .iter()
                .map(|r| Citing {
                    path: docs[r.doc as usize].path.clone(),
                    entry: r.raw(docs).trim().to_owned(),
                })
                .collect();
            documents.sort();
            documents.dedup();
            let evidence = match s.level {
                Level::Work => merges_of.remove(&(s.index as WorkId)).unwrap_or_default(),
                _ => Vec::new(),
            };
            SharedSource {
                level: s.level,
                label: s.label,
                key: s.key,
                documents,
                evidence,
            }
        })
        .collect()
}
