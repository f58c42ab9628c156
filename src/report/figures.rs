//! The figures of the main job, built from an [`Analysis`]: the citation
//! network, co-citation, bibliographic coupling, the map of clusters and the
//! shared sources. Every figure colours nodes by the same clustering, so a
//! colour means one cluster across all of them.

use super::clusters::times_cited;
use super::projection::{self, Item, Kind};
use super::Analysis;
use crate::render::{Edge, Figure, Filter, Group, Node, NodeKind};
use std::collections::BTreeMap;

/// The most works a co-citation figure, or documents a coupling figure, is
/// computed over: those with the greatest total link strength (as VOSviewer
/// picks them). Far more than any view draws (the interactive map shows
/// 5,000 nodes, an SVG 300), and pair counting over a large export's
/// 900,000 works would cost more than everything else the map does.
pub const PROJECTION_POOL: usize = 10_000;

/// Shortens text to `max` characters with an ellipsis, at a word boundary
/// when one is near.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => cut[..i].to_owned(),
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

/// A short label for a document node ("Luchs 2023"), from its metadata when
/// it has some, else its resolved label.
pub fn document_label(analysis: &Analysis, node: usize) -> String {
    let dn = &analysis.resolution.documents[node];
    for &f in &dn.files {
        let Some(doc) = analysis.docs.get(f as usize) else {
            continue;
        };
        let meta = &doc.meta;
        if let Some(first) = meta.authors.first() {
            let who = match meta.authors.len() {
                1 => first.full_family(),
                2 => format!(
                    "{} & {}",
                    first.full_family(),
                    meta.authors[1].full_family()
                ),
                _ => format!("{} et al.", first.full_family()),
            };
            return match meta.year {
                Some(y) => format!("{who} {y}"),
                None => who,
            };
        }
    }
    let name = dn.label.rsplit('/').next().unwrap_or(&dn.label);
    shorten(name, 28)
}

/// A short label for a work ("Benjamin 2019").
pub fn work_label(analysis: &Analysis, work: usize) -> String {
    super::clusters::work_short_label(&analysis.resolution, &analysis.docs, work)
}

/// The tooltip of a work: its reference as written, and who cites it.
fn work_tooltip(analysis: &Analysis, work: usize, cited: usize) -> String {
    let w = &analysis.resolution.works[work];
    let raw = w
        .entries
        .first()
        .map(|e| e.raw(&analysis.docs).to_owned())
        .unwrap_or_else(|| w.label.clone());
    format!(
        "{raw}\n(cited by {cited} document{})",
        if cited == 1 { "" } else { "s" }
    )
}

fn document_tooltip(analysis: &Analysis, node: usize) -> String {
    let dn = &analysis.resolution.documents[node];
    let paths: Vec<&str> = dn
        .files
        .iter()
        .filter_map(|&f| analysis.docs.get(f as usize).map(|d| d.path.as_str()))
        .collect();
    format!("{}\n{}", dn.label, paths.join("\n"))
}

fn groups(analysis: &Analysis) -> Vec<Group> {
    analysis
        .clusters
        .clusters
        .iter()
        .map(|c| Group {
            label: c.label.clone(),
        })
        .collect()
}

/// Document nodes that appear in the figures: those that cite or were
/// placed in a cluster.
fn shown_documents(analysis: &Analysis, cited: &[Vec<usize>]) -> Vec<usize> {
    (0..analysis.resolution.documents.len())
        .filter(|&d| !cited[d].is_empty() || analysis.clusters.doc_cluster[d].is_some())
        .collect()
}

/// A document node without its label and tooltip ([`labelled`] adds them).
fn document_node(analysis: &Analysis, d: usize) -> Node {
    let mut node = Node::new(format!("doc:{d}"), String::new(), NodeKind::Document).weighing(4.0);
    node.group = analysis.clusters.doc_cluster[d];
    node
}

/// A work node without its label and tooltip ([`labelled`] adds them); its
/// weight is the times it is cited.
fn work_node(analysis: &Analysis, w: usize, times: &[usize]) -> Node {
    let mut node = Node::new(format!("work:{w}"), String::new(), NodeKind::Work)
        .weighing(times[w] as f64)
        .highlighted(times[w] > 1);
    node.group = analysis.clusters.work_cluster[w];
    node
}

/// The figure with the labels and tooltips of its document and work nodes
/// filled in. The figures are built without them and labelled once cut
/// ([`Figure::capped`], [`Figure::filtered`]) to what is drawn: on a large
/// export a figure has a million nodes before the cut and a few hundred
/// after, and nothing in the cut depends on a label.
pub fn labelled(analysis: &Analysis, mut figure: Figure) -> Figure {
    let index = |id: &str, prefix: &str| id.strip_prefix(prefix).and_then(|i| i.parse().ok());
    for n in figure.nodes.iter_mut() {
        if let Some(d) = index(&n.id, "doc:").filter(|&d| d < analysis.resolution.documents.len()) {
            n.label = document_label(analysis, d);
            n.tooltip = document_tooltip(analysis, d);
        } else if let Some(w) =
            index(&n.id, "work:").filter(|&w| w < analysis.resolution.works.len())
        {
            n.label = work_label(analysis, w);
            // A work node's weight is the times it is cited.
            n.tooltip = work_tooltip(analysis, w, n.weight as usize);
        }
    }
    figure
}

/// What a document placed by text similarity is drawn linked to: the
/// citing documents of its cluster, or else the cluster's most cited works.
fn placed_links(analysis: &Analysis, cited: &[Vec<usize>], d: usize) -> Vec<Item> {
    let Some(c) = analysis.clusters.doc_cluster[d] else {
        return Vec::new();
    };
    if !cited[d].is_empty() {
        return Vec::new();
    }
    let documents: Vec<Item> = (0..cited.len())
        .filter(|&o| o != d && !cited[o].is_empty() && analysis.clusters.doc_cluster[o] == Some(c))
        .map(Item::Document)
        .collect();
    if !documents.is_empty() {
        return documents;
    }
    analysis.clusters.clusters[c]
        .works
        .iter()
        .take(3)
        .map(|w| Item::Work(w.work))
        .collect()
}

fn dashed(source: usize, target: usize) -> Edge {
    let mut e = Edge::new(source, target);
    e.dashed = true;
    e
}

/// Documents and the works they cite; works cited by several documents are
/// outlined in red, as are the citations of them.
pub fn citation(analysis: &Analysis) -> Figure {
    let res = &analysis.resolution;
    let cited = projection::citations(res);
    let times = times_cited(res);
    let mut fig = Figure::new("Citation network: documents and the works they cite");
    fig.groups = groups(analysis);
    // Each document's and work's node (usize::MAX: not drawn).
    let mut doc_at = vec![usize::MAX; res.documents.len()];
    let mut work_at = vec![usize::MAX; res.works.len()];
    for d in shown_documents(analysis, &cited) {
        doc_at[d] = fig.nodes.len();
        fig.nodes.push(document_node(analysis, d));
    }
    for (w, &t) in times.iter().enumerate() {
        if t > 0 {
            work_at[w] = fig.nodes.len();
            fig.nodes.push(work_node(analysis, w, &times));
        }
    }
    fig.edges.reserve(cited.iter().map(Vec::len).sum());
    for (d, list) in cited.iter().enumerate() {
        for &w in list {
            let mut e = Edge::new(doc_at[d], work_at[w]);
            e.highlight = times[w] > 1;
            fig.edges.push(e);
        }
        let at = doc_at[d];
        if at != usize::MAX {
            for other in placed_links(analysis, &cited, d) {
                let to = match other {
                    Item::Document(o) => doc_at[o],
                    Item::Work(w) => work_at[w],
                };
                if to != usize::MAX {
                    fig.edges.push(dashed(at, to));
                }
            }
        }
    }
    fig
}

/// Keeps each node's `k` strongest edges (ties: towards the heavier node),
/// so a dense projection shows its backbone rather than a hairball.
fn backbone(fig: &mut Figure, k: usize) -> bool {
    let n = fig.nodes.len();
    let mut incident: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, e) in fig.edges.iter().enumerate() {
        incident[e.source].push(i);
        incident[e.target].push(i);
    }
    let mut keep = vec![false; fig.edges.len()];
    for (u, list) in incident.iter_mut().enumerate() {
        let other = |e: &Edge| if e.source == u { e.target } else { e.source };
        list.sort_by(|&a, &b| {
            let (ea, eb) = (&fig.edges[a], &fig.edges[b]);
            eb.weight
                .total_cmp(&ea.weight)
                .then(
                    fig.nodes[other(eb)]
                        .weight
                        .total_cmp(&fig.nodes[other(ea)].weight),
                )
                .then(a.cmp(&b))
        });
        for &e in list.iter().take(k) {
            keep[e] = true;
        }
    }
    let before = fig.edges.len();
    let mut i = 0;
    fig.edges.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    fig.edges.len() < before
}

/// The edges [`backbone`] would keep of a pair projection (`lists` as
/// [`projection::pair_lists`] gives them, `weight` the figure weight of each
/// item's node), found item by item so that the whole projection, which
/// grows with the square of the corpus, is never held: each item's `k`
/// strongest pairs, ties broken as `backbone` breaks them (towards the
/// heavier node, then the lower index), merged and sorted. Also says
/// whether any pair was left out.
fn strongest_pairs(lists: &[Vec<u32>], weight: &[f64], k: usize) -> (Vec<(u32, u32, u32)>, bool) {
    let rows = crate::graph::projection::pair_rows(lists, weight.len(), false, |a, row| {
        let order = |x: &(u32, u32), y: &(u32, u32)| {
            y.1.cmp(&x.1)
                .then(weight[y.0 as usize].total_cmp(&weight[x.0 as usize]))
                .then(x.0.cmp(&y.0))
        };
        let mut best = row.to_vec();
        if best.len() > k {
            best.select_nth_unstable_by(k, order);
            best.truncate(k);
        }
        let kept: Vec<(u32, u32, u32)> = best
            .into_iter()
            .map(|(b, n)| (a.min(b), a.max(b), n))
            .collect();
        (kept, row.len())
    });
    // Every pair is in the rows of both its items.
    let all = rows.iter().map(|r| r.1).sum::<usize>() / 2;
    let mut kept: Vec<(u32, u32, u32)> = rows.into_iter().flat_map(|r| r.0).collect();
    kept.sort_unstable();
    kept.dedup();
    let cut = kept.len() < all;
    (kept, cut)
}

/// The items and pair lists of a projection cut to its `pool` strongest
/// items ([`PROJECTION_POOL`] in the figures), and a caption saying so when any
/// were left out (`what`: "works", "documents").
fn pooled(
    items: Vec<Item>,
    lists: Vec<Vec<u32>>,
    what: &str,
    pool: usize,
) -> (Vec<Item>, Vec<Vec<u32>>, String) {
    use crate::graph::projection::{restrict_lists, strongest_items};
    if items.len() <= pool {
        return (items, lists, String::new());
    }
    let keep = strongest_items(&lists, items.len(), pool);
    let (old, lists) = restrict_lists(&lists, &keep);
    let note = format!(
        "computed over the {} {what} of {} with the greatest total link strength",
        old.len(),
        items.len()
    );
    let items = old.into_iter().map(|i| items[i as usize]).collect();
    (items, lists, note)
}

/// Works linked by being cited together (only each work's 3 strongest
/// links are drawn when there are more). Over [`PROJECTION_POOL`] works,
/// only the strongest are projected, and the caption says so.
pub fn cocitation(analysis: &Analysis) -> Figure {
    let res = &analysis.resolution;
    let times = times_cited(res);
    let (items, lists) = projection::pair_lists(res, Kind::Cocitation);
    let (items, lists, pool) = pooled(items, lists, "works", PROJECTION_POOL);
    let mut fig = Figure::new("Co-citation: works linked by the documents that cite them together");
    fig.directed = false;
    fig.groups = groups(analysis);
    for item in &items {
        if let Item::Work(w) = *item {
            fig.nodes.push(work_node(analysis, w, &times));
        }
    }
    let weight: Vec<f64> = fig.nodes.iter().map(|n| n.weight).collect();
    let (kept, cut) = strongest_pairs(&lists, &weight, 3);
    for (u, v, n) in kept {
        let mut e = Edge::new(u as usize, v as usize);
        e.weight = f64::from(n);
        e.highlight = n > 1;
        fig.edges.push(e);
    }
    if cut {
        fig.caption = "each work's 3 strongest co-citation links".to_owned();
    }
    fig.caption = join_caption(&pool, &fig.caption);
    fig
}

/// Documents linked by the works they both cite (only each document's 5
/// strongest couplings are drawn when there are more). Over
/// [`PROJECTION_POOL`] citing documents, only the strongest are projected
/// and drawn, and the caption says so.
pub fn coupling(analysis: &Analysis) -> Figure {
    let res = &analysis.resolution;
    let cited = projection::citations(res);
    let (items, lists) = projection::pair_lists(res, Kind::Coupling);
    let (items, lists, pool) = pooled(items, lists, "documents", PROJECTION_POOL);
    let mut fig =
        Figure::new("Bibliographic coupling: documents linked by the works they both cite");
    fig.directed = false;
    fig.groups = groups(analysis);
    // The documents projected, and those citing nothing (placed by text).
    let mut in_pool = vec![pool.is_empty(); res.documents.len()];
    for item in &items {
        if let Item::Document(d) = *item {
            in_pool[d] = true;
        }
    }
    let mut index = BTreeMap::new();
    for d in shown_documents(analysis, &cited) {
        if !in_pool[d] && !cited[d].is_empty() {
            continue;
        }
        index.insert(d, fig.nodes.len());
        let mut node = document_node(analysis, d);
        // Sized by how many works it cites, damped: a long list should not
        // hide its neighbours.
        node.weight = (cited[d].len().max(1) as f64).sqrt();
        fig.nodes.push(node);
    }
    let document = |i: u32| match items[i as usize] {
        Item::Document(d) => index.get(&d).copied(),
        Item::Work(_) => None,
    };
    let weight: Vec<f64> = (0..items.len() as u32)
        .map(|i| document(i).map_or(0.0, |at| fig.nodes[at].weight))
        .collect();
    let (kept, cut) = strongest_pairs(&lists, &weight, 5);
    for (u, v, n) in kept {
        let (Some(a), Some(b)) = (document(u), document(v)) else {
            continue;
        };
        let mut e = Edge::new(a, b);
        e.weight = f64::from(n);
        e.highlight = true;
        fig.edges.push(e);
    }
    if cut {
        fig.caption = "each document's 5 strongest couplings".to_owned();
    }
    fig.caption = join_caption(&pool, &fig.caption);
    for (&d, &at) in &index {
        for other in placed_links(analysis, &cited, d) {
            if let Item::Document(o) = other {
                if let Some(&to) = index.get(&o) {
                    fig.edges.push(dashed(at, to));
                }
            }
        }
    }
    fig.caption = join_caption(
        &fig.caption,
        "edge width: number of works both documents cite",
    );
    fig.key = "square: a document, sized by the works it cites".to_owned();
    fig
}

fn join_caption(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_owned(),
        (false, true) => a.to_owned(),
        (false, false) => format!("{a}; {b}"),
    }
}

/// One node per cluster, sized by its works, linked to the documents in it
/// and to the clusters whose works its documents cite.
pub fn cluster_map(analysis: &Analysis) -> Figure {
    let res = &analysis.resolution;
    let cited = projection::citations(res);
    let mut fig = Figure::new(format!(
        "Clusters of the {} network (Leiden, modularity {:.2})",
        analysis.clusters.kind.name(),
        analysis.clusters.modularity
    ));
    fig.directed = false;
    fig.groups = groups(analysis);
    fig.key = "circle: a cluster, sized by its works; square: a document, linked to its cluster"
        .to_owned();
    fig.caption =
        "red edges: a document citing works of another cluster (width: how many)".to_owned();
    for c in &analysis.clusters.clusters {
        let mut node = Node::new(
            format!("cluster:{}", c.id),
            format!("{}. {}", c.id, c.label),
            NodeKind::Work,
        )
        .with_tooltip(format!(
            "Cluster {}: {}\nterms: {}\nmost cited: {}",
            c.id,
            c.label,
            c.terms.join(", "),
            c.works
                .iter()
                .take(5)
                .map(|w| w.label.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        ))
        .weighing(c.works.len() as f64)
        .in_group(c.id - 1);
        node.highlight = false;
        fig.nodes.push(node);
    }
    let clusters = fig.nodes.len();
    let documents = shown_documents(analysis, &cited);
    if documents.len() > 30 {
        // Too many documents to draw one by one: link clusters to each
        // other by how often documents of one cite works of the other.
        let mut links: BTreeMap<(usize, usize), f64> = BTreeMap::new();
        for &d in &documents {
            let Some(from) = analysis.clusters.doc_cluster[d] else {
                continue;
            };
            for &w in &cited[d] {
                if let Some(to) = analysis.clusters.work_cluster[w] {
                    if to != from {
                        *links.entry((from.min(to), from.max(to))).or_default() += 1.0;
                    }
                }
            }
        }
        for ((a, b), w) in links {
            let mut e = Edge::new(a, b);
            e.weight = w;
            fig.edges.push(e);
        }
        backbone(&mut fig, 3);
        fig.key = "circle: a cluster, sized by its works".to_owned();
        fig.caption = format!(
            "{} documents; edges: citations between clusters, each cluster's 3 strongest (width: how many)",
            documents.len()
        );
        fig.no_hulls = true;
        // Clusters no other cluster cites would float off on their own.
        return fig.filtered(&Filter::default()).capped(40);
    }
    let mut links: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for d in documents {
        let node = fig.nodes.len();
        fig.nodes.push(document_node(analysis, d));
        if let Some(c) = analysis.clusters.doc_cluster[d] {
            fig.edges.push(Edge::new(node, c));
        }
        for &w in &cited[d] {
            if let Some(c) = analysis.clusters.work_cluster[w] {
                if Some(c) != analysis.clusters.doc_cluster[d] {
                    *links.entry((node, c)).or_default() += 1.0;
                }
            }
        }
    }
    for ((node, c), w) in links {
        let mut e = Edge::new(node, c);
        e.weight = w;
        e.highlight = true;
        fig.edges.push(e);
    }
    // Singleton clusters of a sparse projection add nothing to the map.
    let keep_all = clusters <= 12;
    if !keep_all {
        fig = fig.filtered(&Filter {
            top: Some(12),
            ..Filter::default()
        });
    }
    labelled(analysis, fig)
}

/// Documents and the sources they share: works, people and organisations,
/// and venues cited by more than one document.
pub fn shared(analysis: &Analysis) -> Figure {
    let res = &analysis.resolution;
    let cited = projection::citations(res);
    let times = times_cited(res);
    let mut fig = Figure::new("Sources shared between documents");
    fig.directed = false;
    fig.groups = groups(analysis);
    let mut index = vec![usize::MAX; res.documents.len()];
    for d in shown_documents(analysis, &cited) {
        if cited[d].is_empty() {
            continue;
        }
        index[d] = fig.nodes.len();
        fig.nodes.push(document_node(analysis, d));
    }
    // Over the pool, the sources shared by the most documents (ties: the
    // first listed): a large export shares hundreds of thousands.
    let shared = &analysis.shared;
    let mut sources: Vec<usize> = (0..shared.len()).collect();
    let pool = if sources.len() > PROJECTION_POOL {
        sources.sort_by_key(|&i| std::cmp::Reverse(shared[i].documents.len()));
        sources.truncate(PROJECTION_POOL);
        sources.sort_unstable();
        format!(
            "the {} sources shared by the most documents, of {}",
            sources.len(),
            shared.len()
        )
    } else {
        String::new()
    };
    for s in sources.into_iter().map(|i| &shared[i]) {
        let node = match s.level {
            "work" => work_node(analysis, s.index, &times),
            level => Node::new(
                format!("{level}:{}", s.index),
                shorten(&s.label, 32),
                NodeKind::Source,
            )
            .with_tooltip(format!(
                "{} ({level}), cited by {} documents",
                s.label,
                s.documents.len()
            ))
            .weighing(s.documents.len() as f64)
            .highlighted(true),
        };
        let at = fig.nodes.len();
        fig.nodes.push(node);
        for &d in &s.documents {
            let di = index[d];
            if di != usize::MAX {
                let mut e = Edge::new(di, at);
                e.highlight = true;
                fig.edges.push(e);
            }
        }
    }
    fig.key = "square: a document; circle: a shared work; diamond: a shared person, organisation or venue".to_owned();
    fig.caption = join_caption(
        &pool,
        "edges: who cites what; colour: the document's or work's cluster",
    );
    fig.no_hulls = true;
    fig
}

/// A named figure for the map's output folder.
#[derive(Debug, Clone)]
pub struct Named {
    /// File stem ("citation").
    pub name: &'static str,
    /// The figure.
    pub figure: Figure,
}

/// All figures of the main job, each cut down by `filter` where it applies
/// (the citation and co-citation networks grow with the corpus). Their
/// document and work nodes are not labelled yet: cut each to what is drawn
/// ([`Figure::capped`]), then [`labelled`].
pub fn all(analysis: &Analysis, filter: &Filter) -> Vec<Named> {
    let filtered = |f: Figure| {
        if *filter == Filter::default() {
            f
        } else {
            f.filtered(filter)
        }
    };
    // The figures are independent: built on every core.
    let ((citation, cocitation), (coupling, (clusters, shared))) = rayon::join(
        || {
            rayon::join(
                || filtered(citation(analysis)),
                || filtered(cocitation(analysis)),
            )
        },
        || {
            rayon::join(
                || coupling(analysis),
                || rayon::join(|| cluster_map(analysis), || filtered(shared(analysis))),
            )
        },
    );
    vec![
        Named {
            name: "citation",
            figure: citation,
        },
        Named {
            name: "cocitation",
            figure: cocitation,
        },
        Named {
            name: "coupling",
            figure: coupling,
        },
        Named {
            name: "clusters",
            figure: clusters,
        },
        Named {
            name: "shared",
            figure: shared,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A projection over its pool keeps its strongest items, renumbers the
    /// lists to them and says so; one within its pool is left alone.
    #[test]
    fn pooled_keeps_the_strongest_items() {
        let items: Vec<Item> = (10..15).map(Item::Work).collect();
        // Item 2 is in every list, 0 and 4 in two, 1 and 3 in one.
        let lists = vec![vec![0, 2, 4], vec![0, 2], vec![1, 2, 3], vec![2, 4]];
        let (kept, cut, note) = pooled(items.clone(), lists.clone(), "works", 3);
        assert_eq!(kept, vec![Item::Work(10), Item::Work(12), Item::Work(14)]);
        assert_eq!(cut, vec![vec![0, 1, 2], vec![0, 1], vec![1, 2]]);
        assert!(note.contains("the 3 works of 5"), "{note}");
        let (all, same, none) = pooled(items.clone(), lists.clone(), "works", 5);
        assert_eq!((all, same, none), (items, lists, String::new()));
    }

    /// `strongest_pairs` must keep exactly what `backbone` keeps of the full
    /// projection, ties included (many equal counts and equal node weights).
    #[test]
    fn strongest_pairs_keep_what_backbone_keeps() {
        let items = 60u32;
        let lists: Vec<Vec<u32>> = (0..90u32)
            .map(|l| {
                let mut v: Vec<u32> = (0..(l % 11) + 2)
                    .map(|i| (l * 5 + i * 7 + (l * i) % 13) % items)
                    .collect();
                v.sort_unstable();
                v.dedup();
                v
            })
            .collect();
        let weight: Vec<f64> = (0..items).map(|i| f64::from(i % 4)).collect();
        for k in [0, 1, 3, 5] {
            let mut fig = Figure::new("test");
            for (i, &w) in weight.iter().enumerate() {
                fig.nodes
                    .push(Node::new(i.to_string(), "", NodeKind::Work).weighing(w));
            }
            for (u, v, n) in crate::graph::projection::count_pairs(&lists, items as usize) {
                let mut e = Edge::new(u as usize, v as usize);
                e.weight = f64::from(n);
                fig.edges.push(e);
            }
            let cut = backbone(&mut fig, k);
            let expected: Vec<(u32, u32, u32)> = fig
                .edges
                .iter()
                .map(|e| (e.source as u32, e.target as u32, e.weight as u32))
                .collect();
            assert!(!expected.is_empty() || k == 0);
            assert_eq!(
                strongest_pairs(&lists, &weight, k),
                (expected, cut),
                "k = {k}"
            );
        }
    }
}
