//! The main job's results: the corpus analysed end to end, the figures of
//! its networks, and the report a scholar reads (report.md) with its
//! machine-readable twin (report.json).
//!
//! [`analyse`] runs resolution and clustering on extracted documents;
//! [`figures::all`] turns the result into figures; [`markdown::render`]
//! writes the summary; [`output::Batch`] writes everything atomically.

pub mod clusters;
pub mod figures;
pub mod markdown;
pub mod output;
pub mod projection;

use crate::model::{Document, Outcome};
use crate::resolve::{self, Resolution};
use serde::Serialize;
use std::collections::BTreeSet;

/// Settings of a whole analysis.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Clustering settings.
    pub clusters: clusters::Options,
    /// Resolution settings.
    pub resolve: resolve::Options,
}

/// A source shared by more than one document: a work, a person or
/// organisation, or a venue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shared {
    /// "work", "person", "organisation" or "venue".
    pub level: &'static str,
    /// Index into the resolution's works, agents or venues.
    pub index: usize,
    /// Its label.
    pub label: String,
    /// The document nodes that cite it (indices into
    /// [`Resolution::documents`]).
    pub documents: Vec<usize>,
}

/// Counts for the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Counts {
    /// Files read.
    pub files: usize,
    /// Distinct documents (files that are the same article count once).
    pub documents: usize,
    /// Documents with a works-cited list.
    pub documents_citing: usize,
    /// Works-cited entries found.
    pub entries: usize,
    /// Entries parsed into fields.
    pub parsed: usize,
    /// Distinct works.
    pub works: usize,
    /// Works cited by more than one document.
    pub shared_works: usize,
}

/// Everything the main job found.
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    /// The documents after extraction.
    #[serde(skip)]
    pub docs: Vec<Document>,
    /// Works, people, venues and documents resolved.
    #[serde(skip)]
    pub resolution: Resolution,
    /// Counts.
    pub counts: Counts,
    /// Sources shared between documents, works first.
    pub shared: Vec<Shared>,
    /// The clusters.
    pub clusters: clusters::Clusters,
    /// Problems found: documents without a works-cited list, entries that
    /// could not be parsed, resolution notes, completeness findings.
    pub problems: Vec<String>,
}

/// Analyses extracted documents. `texts` holds each document's full text
/// (same order), used to find documents that are the same article and to
/// place documents that cite nothing.
pub fn analyse(docs: Vec<Document>, texts: &[&str], options: &Options) -> Analysis {
    let heads: Vec<&str> = texts.iter().map(|t| resolve::documents::head(t)).collect();
    let resolution = resolve::resolve(&docs, &heads, &options.resolve);
    let clusters = clusters::cluster_corpus(&docs, texts, &resolution, &options.clusters);
    let shared = shared_sources(&resolution);
    let times = clusters::times_cited(&resolution);
    let citing = projection::citations(&resolution);
    let counts = Counts {
        files: docs.len(),
        documents: resolution.documents.len(),
        documents_citing: citing.iter().filter(|s| !s.is_empty()).count(),
        entries: docs.iter().map(|d| d.entries.len()).sum(),
        parsed: docs
            .iter()
            .flat_map(|d| &d.entries)
            .filter(|e| matches!(e.outcome, Outcome::Parsed { .. }))
            .count(),
        works: resolution.works.len(),
        shared_works: times.iter().filter(|&&t| t > 1).count(),
    };
    let mut problems = Vec::new();
    for d in &docs {
        for note in &d.notes {
            problems.push(format!("{}: {note}", d.path));
        }
        for e in &d.entries {
            if let Outcome::Unparsed { reason } = &e.outcome {
                problems.push(format!(
                    "{}:{}: entry not parsed ({reason}): {}",
                    e.span.path, e.span.line, e.raw
                ));
            }
        }
    }
    problems.extend(resolution.notes.iter().cloned());
    Analysis {
        docs,
        resolution,
        counts,
        shared,
        clusters,
        problems,
    }
}

/// Works, people, organisations and venues cited by more than one document
/// node, most widely shared first.
pub fn shared_sources(res: &Resolution) -> Vec<Shared> {
    let cited = projection::citations(res);
    let mut citers_of_work: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); res.works.len()];
    for (d, set) in cited.iter().enumerate() {
        for &w in set {
            citers_of_work[w].insert(d);
        }
    }
    let union = |works: &[u32]| -> Vec<usize> {
        let mut all = BTreeSet::new();
        for &w in works {
            if let Some(s) = citers_of_work.get(w as usize) {
                all.extend(s.iter().copied());
            }
        }
        all.into_iter().collect()
    };
    let mut out = Vec::new();
    for (i, w) in res.works.iter().enumerate() {
        if citers_of_work[i].len() > 1 {
            out.push(Shared {
                level: "work",
                index: i,
                label: w.label.clone(),
                documents: citers_of_work[i].iter().copied().collect(),
            });
        }
    }
    for (i, a) in res.agents.iter().enumerate() {
        let documents = union(&a.works);
        if documents.len() > 1 {
            out.push(Shared {
                level: match a.kind {
                    resolve::AgentKind::Person => "person",
                    resolve::AgentKind::Organisation => "organisation",
                },
                index: i,
                label: a.label.clone(),
                documents,
            });
        }
    }
    for (i, v) in res.venues.iter().enumerate() {
        let documents = union(&v.works);
        if documents.len() > 1 {
            out.push(Shared {
                level: "venue",
                index: i,
                label: v.label.clone(),
                documents,
            });
        }
    }
    let rank = |level: &str| match level {
        "work" => 0,
        "person" | "organisation" => 1,
        _ => 2,
    };
    out.sort_by(|a, b| {
        rank(a.level)
            .cmp(&rank(b.level))
            .then(b.documents.len().cmp(&a.documents.len()))
            .then(a.label.cmp(&b.label))
    });
    out
}
