//! The interactive map (map.html) of an analysis: the citation,
//! co-citation, coupling and cluster figures, with every work's full entry
//! and how each document wrote it, and the clusters with their labels,
//! evidence and most cited works. [`crate::render::html`] draws it.

use super::figures::{self, document_label};
use super::Analysis;
use crate::render::html::{ClusterPanel, Map, View};
use crate::render::{Figure, NodeKind};
use std::collections::HashMap;
use std::fmt::Write;

/// The most nodes a view of the map holds: beyond that the page grows
/// slow and nothing more can be read; the rest is in the CSV tables.
pub const MAX_NODES: usize = 5000;

/// How many different writings of one work its tooltip lists.
const MAX_WRITINGS: usize = 8;

/// The tooltip of a work in the map: its entry as first written, how many
/// documents cite it, and how each document wrote it.
fn work_detail(a: &Analysis, work: usize) -> String {
    let w = &a.resolution.works[work];
    // Each writing with the document nodes that wrote it, in order of first
    // appearance. A work cited a thousand times can have hundreds of
    // writings, hence the index; and only the few documents shown are
    // labelled.
    let mut variants: Vec<(&str, Vec<Option<u32>>)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for e in &w.entries {
        let raw = e.raw(&a.docs).trim();
        let node = a.resolution.doc_node.get(e.doc as usize).copied();
        let i = *index.entry(raw).or_insert_with(|| {
            variants.push((raw, Vec::new()));
            variants.len() - 1
        });
        variants[i].1.push(node);
    }
    let label = |node: &Option<u32>| {
        node.map(|n| document_label(a, n as usize))
            .unwrap_or_default()
    };
    let mut s = variants
        .first()
        .map_or_else(|| w.label.clone(), |(r, _)| (*r).to_owned());
    let citing: usize = variants.iter().map(|(_, d)| d.len()).sum();
    let _ = write!(
        s,
        "\n\n{} entr{} in {} variant{}. How each document wrote it:",
        citing,
        if citing == 1 { "y" } else { "ies" },
        variants.len(),
        if variants.len() == 1 { "" } else { "s" }
    );
    for (raw, docs) in variants.iter().take(MAX_WRITINGS) {
        let mut who = docs
            .iter()
            .take(6)
            .map(label)
            .collect::<Vec<_>>()
            .join("; ");
        if docs.len() > 6 {
            let _ = write!(who, " and {} more", docs.len() - 6);
        }
        let _ = write!(s, "\n• {who}: {raw}");
    }
    if variants.len() > MAX_WRITINGS {
        let _ = write!(s, "\n… {} more variants", variants.len() - MAX_WRITINGS);
    }
    s
}

/// Replaces the work nodes' tooltips with [`work_detail`].
fn detailed(a: &Analysis, mut figure: Figure) -> Figure {
    for n in figure.nodes.iter_mut() {
        if n.kind != NodeKind::Work {
            continue;
        }
        if let Some(w) = n.id.strip_prefix("work:").and_then(|w| w.parse().ok()) {
            if w < a.resolution.works.len() {
                n.tooltip = work_detail(a, w);
            }
        }
    }
    figure
}

/// The map of an analysis from its figures as [`figures::all`] built them
/// (already cut by the command's filter): the citation, co-citation,
/// coupling and cluster views, each cut to at most [`MAX_NODES`] nodes.
pub fn map(a: &Analysis, named: &[figures::Named]) -> Map {
    let view = |name: &str, label: &str| -> Option<View> {
        let f = named.iter().find(|f| f.name == name)?;
        Some(View {
            name: name.into(),
            label: label.into(),
            figure: detailed(a, figures::labelled(a, f.figure.capped(MAX_NODES))),
        })
    };
    let views = [
        ("citation", "citation"),
        ("cocitation", "co-citation"),
        ("coupling", "coupling"),
        ("clusters", "clusters"),
    ]
    .into_iter()
    .filter_map(|(name, label)| view(name, label))
    .collect();
    let clusters = a
        .clusters
        .clusters
        .iter()
        .map(|c| ClusterPanel {
            id: c.id,
            label: c.label.clone(),
            terms: c.terms.clone(),
            evidence: c.evidence.iter().take(5).cloned().collect(),
            top: c
                .works
                .iter()
                .take(8)
                .map(|w| {
                    (
                        format!("work:{}", w.work),
                        format!("{} ({}×)", w.label, w.times_cited),
                    )
                })
                .collect(),
        })
        .collect();
    let c = &a.counts;
    Map {
        title: "Citation map".to_owned(),
        summary: format!(
            "{} documents, {} entries, {} works ({} shared), {} clusters",
            c.documents,
            c.entries,
            c.works,
            c.shared_works,
            a.clusters.clusters.len()
        ),
        views,
        clusters,
    }
}
