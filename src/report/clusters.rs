//! Clustering a resolved corpus: Leiden on the chosen projection, labels
//! from the works' titles and venues, and documents without a works-cited
//! list placed by the similarity of their text.
//!
//! Nothing here reads [`crate::DocumentMeta::field`]: the field of study is
//! kept for checking clusters, never for making them.

use super::projection::{self, Item, Kind};
use crate::analyze::cluster::{self, Config};
use crate::analyze::labels;
use crate::model::Document;
use crate::resolve::{AgentKind, Resolution};
use rayon::prelude::*;
use serde::Serialize;

/// Settings of a corpus clustering.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// The network clustered.
    pub kind: Kind,
    /// Leiden's resolution γ.
    pub resolution: f64,
    /// Leiden's seed.
    pub seed: u64,
    /// How many terms to keep per cluster.
    pub terms: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            kind: Kind::Citation,
            resolution: 1.0,
            seed: 42,
            terms: 8,
        }
    }
}

/// How a document came to be in its cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlacedBy {
    /// By its citations (it was a node of the clustered network, or most of
    /// its works are in the cluster).
    Citations,
    /// It cites nothing; its text and title are most similar to the
    /// cluster's works.
    TextSimilarity,
}

/// A document in a cluster.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClusterDocument {
    /// The file, as the user named it.
    pub path: String,
    /// Its title, or the file name.
    pub title: String,
    /// How it was placed.
    pub placed_by: PlacedBy,
    /// For text placement, the cosine similarity with the cluster (0–1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
}

/// A work in a cluster.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClusterWork {
    /// Index in [`Resolution::works`].
    pub work: usize,
    /// Short label ("Benjamin 2019").
    pub label: String,
    /// Its title, if an entry gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// How many documents cite it.
    pub times_cited: usize,
}

/// One cluster.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cluster {
    /// 1-based, in order of size.
    pub id: usize,
    /// A readable label from its most distinctive terms.
    pub label: String,
    /// The distinctive terms, best first.
    pub terms: Vec<String>,
    /// The evidence for the label: the cluster's works whose title (or
    /// venue, after the full stop) carries one of its phrases, most cited
    /// first.
    pub evidence: Vec<String>,
    /// Its documents.
    pub documents: Vec<ClusterDocument>,
    /// Its works, most cited first.
    pub works: Vec<ClusterWork>,
    /// Number of nodes of the clustered network in it.
    pub size: usize,
}

/// The result of clustering a corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Clusters {
    /// The network clustered.
    pub kind: Kind,
    /// The resolution used.
    pub resolution: f64,
    /// The seed used.
    pub seed: u64,
    /// Modularity (γ = 1) of the partition.
    pub modularity: f64,
    /// The clusters, largest first.
    pub clusters: Vec<Cluster>,
    /// Documents that cite nothing and share no term with any cluster.
    pub unplaced: Vec<String>,
    /// The cluster (0-based index into `clusters`) of each work, when known.
    #[serde(skip)]
    pub work_cluster: Vec<Option<usize>>,
    /// The cluster of each document node, when known.
    #[serde(skip)]
    pub doc_cluster: Vec<Option<usize>>,
}

/// The title of a work, from the first of its entries that has one.
pub fn work_title(res: &Resolution, docs: &[Document], work: usize) -> Option<String> {
    res.works
        .get(work)?
        .entries
        .iter()
        .find_map(|e| e.reference(docs).and_then(|r| r.title.clone()))
}

/// A short label for a work ("Benjamin 2019"), from its first parsed entry,
/// else the resolution's label, at most 30 characters.
pub fn work_short_label(res: &Resolution, docs: &[Document], work: usize) -> String {
    let Some(w) = res.works.get(work) else {
        return String::new();
    };
    let label = w
        .entries
        .iter()
        .find_map(|e| e.reference(docs))
        .map(|r| r.short_label())
        .unwrap_or_else(|| w.label.clone());
    super::figures::shorten(&label, 30)
}

/// Whether a venue name is written abbreviated ("Nat Mach Intell",
/// "Ark. L. Rev."): most of its words end in a dot or are short strict
/// prefixes of longer words the titles use. Abbreviations would make
/// labels no reader outside the field can read.
fn abbreviated_venue(venue: &str, vocabulary: &std::collections::BTreeSet<String>) -> bool {
    let words: Vec<&str> = venue.split_whitespace().collect();
    if words.len() < 2 {
        return false;
    }
    let short = words
        .iter()
        .filter(|w| {
            if w.ends_with('.') {
                return true;
            }
            let lower = w.to_lowercase();
            let n = lower.chars().count();
            (2..=6).contains(&n)
                && vocabulary
                    .range(lower.clone()..)
                    .next()
                    .is_some_and(|v| v.len() > lower.len() && v.starts_with(&lower))
        })
        .count();
    2 * short > words.len()
}

/// The lower-cased words of every work's title.
fn title_vocabulary(res: &Resolution, docs: &[Document]) -> std::collections::BTreeSet<String> {
    (0..res.works.len())
        .filter_map(|w| work_title(res, docs, w))
        .flat_map(|t| {
            t.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() > 2)
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The text a work is labelled by: its title and venue (unless the venue
/// is abbreviated: `abbreviated` says which venues are, by index, decided
/// once per venue rather than once per work citing it).
fn work_text(res: &Resolution, docs: &[Document], work: usize, abbreviated: &[bool]) -> String {
    let mut text = work_title(res, docs, work).unwrap_or_default();
    if let Some(v) = res.works[work]
        .venue
        .filter(|&v| !abbreviated.get(v as usize).copied().unwrap_or(true))
        .and_then(|v| res.venues.get(v as usize))
    {
        text.push_str(". ");
        text.push_str(&v.label);
    }
    text
}

/// How many document nodes cite each work.
pub fn times_cited(res: &Resolution) -> Vec<usize> {
    let mut counts = vec![0; res.works.len()];
    for set in projection::citations(res) {
        for w in set {
            counts[w] += 1;
        }
    }
    counts
}

/// The most common cluster among `members` (ties: the lower index).
fn majority(members: impl Iterator<Item = Option<usize>>, count: usize) -> Option<usize> {
    let mut votes = vec![0usize; count];
    for c in members.flatten() {
        votes[c] += 1;
    }
    let best = (0..count).max_by(|&a, &b| votes[a].cmp(&votes[b]).then(b.cmp(&a)))?;
    (votes[best] > 0).then_some(best)
}

/// Clusters a resolved corpus.
///
/// `texts` holds each document's full text (same order as `docs`; pass
/// `&[]` when not at hand): documents that cite nothing are placed by it.
pub fn cluster_corpus(
    docs: &[Document],
    texts: &[&str],
    res: &Resolution,
    options: &Options,
) -> Clusters {
    let projection = projection::build(res, options.kind);
    let partition = cluster::leiden_csr(
        &projection.csr(),
        &Config {
            resolution: options.resolution,
            seed: options.seed,
            ..Config::default()
        },
    );
    let count = partition.count;
    let cited = projection::citations(res);
    let mut work_cluster: Vec<Option<usize>> = vec![None; res.works.len()];
    let mut doc_cluster: Vec<Option<usize>> = vec![None; res.documents.len()];
    let mut size = vec![0usize; count];
    for (node, item) in projection.items.iter().enumerate() {
        let c = partition.membership[node];
        size[c] += 1;
        match *item {
            Item::Document(d) => doc_cluster[d] = Some(c),
            Item::Work(w) => work_cluster[w] = Some(c),
        }
    }
    // Fill in the side the projection does not contain.
    match options.kind {
        Kind::Citation => {}
        Kind::Cocitation => {
            for (d, set) in cited.iter().enumerate() {
                doc_cluster[d] = majority(set.iter().map(|&w| work_cluster[w]), count);
            }
        }
        Kind::Coupling => {
            let mut citers: Vec<Vec<usize>> = vec![Vec::new(); res.works.len()];
            for (d, set) in cited.iter().enumerate() {
                for &w in set {
                    citers[w].push(d);
                }
            }
            for (w, list) in citers.iter().enumerate() {
                work_cluster[w] = majority(list.iter().map(|&d| doc_cluster[d]), count);
            }
        }
    }
    let times = times_cited(res);
    let mut works_of: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (w, c) in work_cluster.iter().enumerate() {
        if let Some(c) = c {
            works_of[*c].push(w);
        }
    }
    for list in works_of.iter_mut() {
        list.sort_by(|&a, &b| times[b].cmp(&times[a]).then(a.cmp(&b)));
    }
    let vocabulary = title_vocabulary(res, docs);
    let abbreviated: Vec<bool> = res
        .venues
        .par_iter()
        .map(|v| abbreviated_venue(&v.label, &vocabulary))
        .collect();
    let texts_of: Vec<Vec<String>> = works_of
        .iter()
        .map(|ws| {
            ws.par_iter()
                .map(|&w| work_text(res, docs, w, &abbreviated))
                .collect()
        })
        .collect();
    // Organisations (as authors, or as the sites of pages) are who the
    // works come from, not what they are about: keep them out of labels.
    let organisations: Vec<String> = docs
        .iter()
        .flat_map(|d| d.entries.iter().filter_map(|e| e.reference()))
        .flat_map(|r| r.authors.iter().filter(|p| p.literal))
        .map(|p| p.family.clone())
        .chain(
            res.agents
                .iter()
                .filter(|a| a.kind == AgentKind::Organisation)
                .flat_map(|a| std::iter::once(a.label.clone()).chain(a.variants.iter().cloned())),
        )
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let cluster_labels = labels::label_clusters_excluding(&texts_of, options.terms, &organisations);

    // Documents that cite nothing: place them by their text.
    let doc_title = |node: usize| -> String {
        let dn = &res.documents[node];
        dn.files
            .iter()
            .find_map(|&f| docs.get(f as usize).and_then(|d| d.meta.title.clone()))
            .unwrap_or_else(|| dn.label.clone())
    };
    let mut placed_score: Vec<Option<f64>> = vec![None; res.documents.len()];
    let mut unplaced = Vec::new();
    let lonely: Vec<usize> = (0..res.documents.len())
        .filter(|&d| doc_cluster[d].is_none())
        .collect();
    if !lonely.is_empty() && count > 0 {
        let queries: Vec<String> = lonely
            .iter()
            .map(|&d| {
                let mut q = doc_title(d);
                for &f in &res.documents[d].files {
                    if let Some(t) = texts.get(f as usize) {
                        q.push('\n');
                        q.push_str(t);
                    }
                }
                q
            })
            .collect();
        // Each cluster's profile: its works and the titles of its documents.
        let mut profiles = texts_of.clone();
        for (d, c) in doc_cluster.iter().enumerate() {
            if let Some(c) = c {
                profiles[*c].push(doc_title(d));
            }
        }
        for (&d, p) in lonely.iter().zip(labels::place(&queries, &profiles)) {
            match p.cluster {
                Some(c) => {
                    doc_cluster[d] = Some(c);
                    placed_score[d] = Some(p.score);
                }
                None => unplaced.push(res.documents[d].key.clone()),
            }
        }
    } else {
        unplaced.extend(lonely.iter().map(|&d| res.documents[d].key.clone()));
    }

    let mut clusters: Vec<Cluster> = (0..count)
        .map(|c| Cluster {
            id: c + 1,
            label: cluster_labels[c].label.clone(),
            terms: cluster_labels[c]
                .terms
                .iter()
                .map(|t| t.term.clone())
                .collect(),
            evidence: cluster_labels[c]
                .evidence
                .iter()
                .filter_map(|&i| texts_of[c].get(i).cloned())
                .collect(),
            documents: Vec::new(),
            works: works_of[c]
                .par_iter()
                .map(|&w| ClusterWork {
                    work: w,
                    label: work_short_label(res, docs, w),
                    title: work_title(res, docs, w),
                    times_cited: times[w],
                })
                .collect(),
            size: size[c],
        })
        .collect();
    for (d, c) in doc_cluster.iter().enumerate() {
        let Some(c) = c else { continue };
        for &f in &res.documents[d].files {
            let Some(doc) = docs.get(f as usize) else {
                continue;
            };
            clusters[*c].documents.push(ClusterDocument {
                path: doc.path.clone(),
                title: doc
                    .meta
                    .title
                    .clone()
                    .unwrap_or_else(|| res.documents[d].label.clone()),
                placed_by: if placed_score[d].is_some() {
                    PlacedBy::TextSimilarity
                } else {
                    PlacedBy::Citations
                },
                score: placed_score[d],
            });
        }
    }
    for c in clusters.iter_mut() {
        c.documents.sort_by(|a, b| a.path.cmp(&b.path));
    }
    Clusters {
        kind: options.kind,
        resolution: options.resolution,
        seed: options.seed,
        modularity: partition.modularity,
        clusters,
        unplaced,
        work_cluster,
        doc_cluster,
    }
}
