//! The three networks a corpus is clustered on, built from a
//! [`Resolution`] as weighted undirected edge lists.
//!
//! - **Citation**: documents and works; an edge for each document citing a
//!   work (a document that is itself a cited work is joined to that work).
//! - **Co-citation** (Small 1973): works only; two works are linked by how
//!   many documents cite both.
//! - **Coupling** (Kessler 1963): documents only; two documents are linked by
//!   how many works they both cite.

use crate::analyze::cluster::Csr;
use crate::graph;
use crate::resolve::Resolution;

/// Which network to cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Kind {
    /// Documents and the works they cite.
    #[default]
    Citation,
    /// Works linked by being cited together.
    Cocitation,
    /// Documents linked by citing the same works.
    Coupling,
}

impl Kind {
    /// The name used in file names and JSON ("citation", "cocitation", "coupling").
    pub fn name(self) -> &'static str {
        match self {
            Kind::Citation => "citation",
            Kind::Cocitation => "cocitation",
            Kind::Coupling => "coupling",
        }
    }
}

/// A node of a projection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Item {
    /// A document node ([`Resolution::documents`] index).
    Document(usize),
    /// A work ([`Resolution::works`] index).
    Work(usize),
}

/// A projection: its nodes and its weighted edges.
#[derive(Debug, Clone)]
pub struct Projection {
    /// Which network this is.
    pub kind: Kind,
    /// Node `i` stands for `items[i]`.
    pub items: Vec<Item>,
    /// Edges (u, v, weight) with u < v, sorted.
    pub edges: Vec<(usize, usize, f64)>,
}

impl Projection {
    /// The graph in the form the clustering takes.
    pub fn csr(&self) -> Csr {
        Csr::from_edges(self.items.len(), self.edges.iter().copied())
    }

    /// The graph as a petgraph graph, node weights the items.
    pub fn to_petgraph(&self) -> petgraph::graph::UnGraph<Item, f64> {
        let mut g = petgraph::graph::UnGraph::with_capacity(self.items.len(), self.edges.len());
        for &item in &self.items {
            g.add_node(item);
        }
        for &(u, v, w) in &self.edges {
            g.add_edge(
                petgraph::graph::NodeIndex::new(u),
                petgraph::graph::NodeIndex::new(v),
                w,
            );
        }
        g
    }
}

/// The works each document node cites, sorted without repeats (document
/// nodes with no entries cite nothing), in document-node order.
///
/// Sorted vectors rather than sets: a large export has five million
/// citations, and a tree node per citation costs more to build and to drop
/// than all the work done with them.
pub fn citations(res: &Resolution) -> Vec<Vec<usize>> {
    let mut cited = vec![Vec::new(); res.documents.len()];
    for (file, works) in res.work_of.iter().enumerate() {
        let Some(&node) = res.doc_node.get(file) else {
            continue;
        };
        if let Some(list) = cited.get_mut(node as usize) {
            list.extend(works.iter().map(|&w| w as usize));
        }
    }
    for list in cited.iter_mut() {
        list.sort_unstable();
        list.dedup();
    }
    cited
}

/// The nodes of the co-citation or coupling projection and the lists whose
/// pairs are its edges ([`graph::projection::pair_rows`] counts them):
///
/// - co-citation: the works some document cites, and for each citing
///   document the node indices of its works;
/// - coupling: the documents that cite something, and for each cited work
///   the node indices of the documents citing it.
///
/// Each list is sorted without repeats. The citation projection has no
/// pairs: it gets the citing documents and no lists.
pub fn pair_lists(res: &Resolution, kind: Kind) -> (Vec<Item>, Vec<Vec<u32>>) {
    let cited = citations(res);
    let citing = (0..cited.len()).filter(|&d| !cited[d].is_empty());
    match kind {
        Kind::Citation => (citing.map(Item::Document).collect(), Vec::new()),
        Kind::Cocitation => {
            let mut is_cited = vec![false; res.works.len()];
            for &w in cited.iter().flatten() {
                is_cited[w] = true;
            }
            let works: Vec<usize> = (0..res.works.len()).filter(|&w| is_cited[w]).collect();
            let mut node = vec![u32::MAX; res.works.len()];
            for (i, &w) in works.iter().enumerate() {
                node[w] = i as u32;
            }
            // Works are numbered in order, so each set maps to a sorted list.
            let lists = citing
                .map(|d| cited[d].iter().map(|&w| node[w]).collect())
                .collect();
            (works.into_iter().map(Item::Work).collect(), lists)
        }
        Kind::Coupling => {
            let citing: Vec<usize> = citing.collect();
            let mut citers: Vec<Vec<u32>> = vec![Vec::new(); res.works.len()];
            for (i, &d) in citing.iter().enumerate() {
                for &w in &cited[d] {
                    citers[w].push(i as u32);
                }
            }
            citers.retain(|l| !l.is_empty());
            (citing.into_iter().map(Item::Document).collect(), citers)
        }
    }
}

/// Builds a projection. Documents that cite nothing are left out (they are
/// placed by text similarity later); so are works no document cites.
pub fn build(res: &Resolution, kind: Kind) -> Projection {
    let cited = citations(res);
    let citing: Vec<usize> = (0..cited.len()).filter(|&d| !cited[d].is_empty()).collect();
    match kind {
        Kind::Citation => {
            let mut items: Vec<Item> = citing.iter().map(|&d| Item::Document(d)).collect();
            // Each cited work's node, works in index order after the
            // documents (usize::MAX: not cited).
            let mut work_node = vec![usize::MAX; res.works.len()];
            for &d in &citing {
                for &w in &cited[d] {
                    work_node[w] = 0;
                }
            }
            for (w, slot) in work_node.iter_mut().enumerate() {
                if *slot == 0 {
                    *slot = items.len();
                    items.push(Item::Work(w));
                }
            }
            let mut edges = Vec::new();
            for (i, &d) in citing.iter().enumerate() {
                for &w in &cited[d] {
                    edges.push((i, work_node[w], 1.0));
                }
                // A document that is also a cited work is that work.
                if let Some(w) = res.documents[d].work {
                    if let Some(&node) = work_node.get(w as usize).filter(|&&n| n != usize::MAX) {
                        edges.push((i, node, 1.0));
                    }
                }
            }
            edges.sort_by_key(|e| (e.0, e.1));
            edges.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
            Projection { kind, items, edges }
        }
        Kind::Cocitation | Kind::Coupling => {
            let (items, lists) = pair_lists(res, kind);
            let edges = graph::projection::count_pairs(&lists, items.len())
                .into_iter()
                .map(|(u, v, n)| (u as usize, v as usize, f64::from(n)))
                .collect();
            Projection { kind, items, edges }
        }
    }
}
