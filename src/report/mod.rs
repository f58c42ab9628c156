//! The main job's results: the corpus analysed end to end, the figures of
//! its networks, and the report a scholar reads (report.md) with its
//! machine-readable twin (report.json).
//!
//! [`analyse`] runs resolution and clustering on extracted documents;
//! [`figures::all`] turns the result into figures; [`markdown::render`]
//! writes the summary; [`output::Batch`] writes everything atomically.

pub mod clusters;
pub mod figures;
pub mod interactive;
pub mod markdown;
pub mod output;
pub mod projection;
pub mod tables;

use crate::model::{Document, Outcome};
use crate::resolve::{self, Resolution};
use serde::Serialize;

/// Settings of a whole analysis.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Clustering settings.
    pub clusters: clusters::Options,
    /// Resolution settings.
    pub resolve: resolve::Options,
    /// For each file (same order as the documents), whether its text is a
    /// database record's title and abstract rather than a paper's body: it
    /// is used to place and identify the document but holds no in-text
    /// citations to check (and checking 100,000 records would cost more
    /// than the rest of the summary). Empty: every text is checked.
    pub record_texts: Vec<bool>,
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

/// The completeness check of one document with body text: its in-text
/// citations against its works-cited list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Completeness {
    /// The file.
    pub path: String,
    /// Works-cited entries.
    pub entries: usize,
    /// In-text citations found.
    pub citations: usize,
    /// Citations that resolved to an entry.
    pub resolved: usize,
    /// Problems found, as "line: kind: message".
    pub problems: Vec<String>,
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
    /// The completeness check of each document that has body text (in-text
    /// citations); lists alone (as in `references/`) are not checked.
    pub completeness: Vec<Completeness>,
    /// Problems found: documents without a works-cited list, entries that
    /// could not be parsed, resolution notes, completeness findings.
    pub problems: Vec<String>,
}

/// A stage of [`analyse_with`], announced as it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Stage {
    /// Joining entries into works, people, venues and documents.
    Resolving,
    /// Finding and labelling clusters.
    Clustering,
    /// Shared sources, completeness and the summary counts.
    Summarising,
}

/// Analyses extracted documents. `texts` holds each document's full text
/// (same order), used to find documents that are the same article and to
/// place documents that cite nothing.
pub fn analyse(docs: Vec<Document>, texts: &[&str], options: &Options) -> Analysis {
    analyse_with(docs, texts, options, &mut |_| {})
}

/// [`analyse`], calling `stage` as each stage starts (for progress display;
/// the result does not depend on it).
pub fn analyse_with(
    docs: Vec<Document>,
    texts: &[&str],
    options: &Options,
    stage: &mut dyn FnMut(Stage),
) -> Analysis {
    stage(Stage::Resolving);
    let heads: Vec<&str> = texts.iter().map(|t| resolve::documents::head(t)).collect();
    let resolution = resolve::resolve(&docs, &heads, &options.resolve);
    stage(Stage::Clustering);
    // The shared sources need only the resolution: they are found on the
    // other core while the clustering (mostly one thread) runs.
    let (clusters, shared) = rayon::join(
        || clusters::cluster_corpus(&docs, texts, &resolution, &options.clusters),
        || shared_sources(&docs, &resolution),
    );
    stage(Stage::Summarising);
    let completeness = completeness(&docs, texts, &options.record_texts);
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
    for c in &completeness {
        problems.extend(c.problems.iter().map(|p| format!("{}:{p}", c.path)));
    }
    Analysis {
        docs,
        resolution,
        counts,
        shared,
        clusters,
        completeness,
        problems,
    }
}

/// Runs `citemap check` on each document that has a works-cited list and
/// in-text citations; a document whose text is only its list has nothing
/// to check against.
fn completeness(docs: &[Document], texts: &[&str], record_texts: &[bool]) -> Vec<Completeness> {
    use rayon::prelude::*;
    let config = crate::check::Config::default();
    docs.par_iter()
        .zip(texts.par_iter())
        .enumerate()
        // Without text there are no in-text citations to check.
        .filter(|(i, (doc, text))| {
            !doc.entries.is_empty()
                && !text.is_empty()
                && !record_texts.get(*i).copied().unwrap_or(false)
        })
        .filter_map(|(_, (doc, text))| {
            let report = crate::check::check_document(text, doc, &config);
            (report.citations > 0).then(|| Completeness {
                path: report.path.clone(),
                entries: report.entries,
                citations: report.citations,
                resolved: report.resolved,
                problems: report
                    .problems
                    .iter()
                    .filter(|p| p.severity >= crate::check::Severity::Warning)
                    .map(|p| format!("{}: {}: {}", p.line, p.kind, p.message))
                    .collect(),
            })
        })
        .collect()
}

/// Works, people, organisations and venues cited by more than one document,
/// as [`crate::analyze::shared::shared_entries`] finds them (so `citemap
/// shared` and the map agree), with the indices the figures need.
pub fn shared_sources(docs: &[Document], res: &Resolution) -> Vec<Shared> {
    use crate::analyze::shared::{self, Level};
    use rayon::prelude::*;
    let cited = projection::citations(res);
    // Documents are visited in order and cite each work once, so each
    // list comes out sorted without repeats.
    let mut citers_of_work: Vec<Vec<usize>> = vec![Vec::new(); res.works.len()];
    for (d, list) in cited.iter().enumerate() {
        for &w in list {
            citers_of_work[w].push(d);
        }
    }
    let union = |works: &[u32]| -> Vec<usize> {
        let mut all: Vec<usize> = works
            .iter()
            .filter_map(|&w| citers_of_work.get(w as usize))
            .flatten()
            .copied()
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    };
    shared::shared_entries(docs, res, 2, &Level::ALL)
        .into_par_iter()
        .map(|s| {
            let (level, documents) = match s.level {
                Level::Work => ("work", citers_of_work[s.index].clone()),
                Level::Author => ("person", union(&res.agents[s.index].works)),
                Level::Organisation => ("organisation", union(&res.agents[s.index].works)),
                Level::Venue => ("venue", union(&res.venues[s.index].works)),
            };
            Shared {
                level,
                index: s.index,
                label: s.label,
                documents,
            }
        })
        .collect()
}
