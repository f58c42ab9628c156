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
use crate::resolve::Resolution;
use std::collections::{BTreeMap, BTreeSet};

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

/// The set of works each document node cites (document nodes with no
/// entries cite nothing), in document-node order.
pub fn citations(res: &Resolution) -> Vec<BTreeSet<usize>> {
    let mut cited = vec![BTreeSet::new(); res.documents.len()];
    for (file, works) in res.work_of.iter().enumerate() {
        let Some(&node) = res.doc_node.get(file) else {
            continue;
        };
        for &w in works {
            if let Some(set) = cited.get_mut(node as usize) {
                set.insert(w as usize);
            }
        }
    }
    cited
}

/// Builds a projection. Documents that cite nothing are left out (they are
/// placed by text similarity later); so are works no document cites.
pub fn build(res: &Resolution, kind: Kind) -> Projection {
    let cited = citations(res);
    let citing: Vec<usize> = (0..cited.len()).filter(|&d| !cited[d].is_empty()).collect();
    match kind {
        Kind::Citation => {
            let mut items: Vec<Item> = citing.iter().map(|&d| Item::Document(d)).collect();
            let mut work_node: BTreeMap<usize, usize> = BTreeMap::new();
            for &d in &citing {
                for &w in &cited[d] {
                    work_node.entry(w).or_insert(0);
                }
            }
            for (w, slot) in work_node.iter_mut() {
                *slot = items.len();
                items.push(Item::Work(*w));
            }
            let mut edges = Vec::new();
            for (i, &d) in citing.iter().enumerate() {
                for w in &cited[d] {
                    edges.push((i, work_node[w], 1.0));
                }
                // A document that is also a cited work is that work.
                if let Some(w) = res.documents[d].work {
                    if let Some(&node) = work_node.get(&(w as usize)) {
                        edges.push((i, node, 1.0));
                    }
                }
            }
            edges.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
            edges.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
            Projection { kind, items, edges }
        }
        Kind::Cocitation => {
            let mut works: BTreeSet<usize> = BTreeSet::new();
            for &d in &citing {
                works.extend(cited[d].iter().copied());
            }
            let items: Vec<Item> = works.iter().map(|&w| Item::Work(w)).collect();
            let index: BTreeMap<usize, usize> =
                works.iter().enumerate().map(|(i, &w)| (w, i)).collect();
            let mut pairs: BTreeMap<(usize, usize), f64> = BTreeMap::new();
            for &d in &citing {
                let list: Vec<usize> = cited[d].iter().map(|w| index[w]).collect();
                for (a, &u) in list.iter().enumerate() {
                    for &v in &list[a + 1..] {
                        *pairs.entry((u.min(v), u.max(v))).or_default() += 1.0;
                    }
                }
            }
            let edges = pairs.into_iter().map(|((u, v), w)| (u, v, w)).collect();
            Projection { kind, items, edges }
        }
        Kind::Coupling => {
            let items: Vec<Item> = citing.iter().map(|&d| Item::Document(d)).collect();
            // Invert: for each work, which citing documents cite it.
            let mut citers: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
            for (i, &d) in citing.iter().enumerate() {
                for &w in &cited[d] {
                    citers.entry(w).or_default().push(i);
                }
            }
            let mut pairs: BTreeMap<(usize, usize), f64> = BTreeMap::new();
            for list in citers.values() {
                for (a, &u) in list.iter().enumerate() {
                    for &v in &list[a + 1..] {
                        *pairs.entry((u.min(v), u.max(v))).or_default() += 1.0;
                    }
                }
            }
            let edges = pairs.into_iter().map(|((u, v), w)| (u, v, w)).collect();
            Projection { kind, items, edges }
        }
    }
}
