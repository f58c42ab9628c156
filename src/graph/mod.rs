//! The citation network: a typed petgraph graph of documents, works,
//! people/organisations and venues, and the projections users ask for
//! ([`projection`]).
//!
//! Edges: a document *cites* a work, a person or organisation *authored* a
//! work, a work was *published in* a venue. A document that is itself a work
//! cited elsewhere is one node: citations of that work point at the document.
//!
//! ```
//! use citemap::resolve::{resolve, Options};
//! let res = resolve(&[], &[], &Options::default());
//! let net = citemap::graph::Network::build(&res);
//! assert_eq!(net.graph.node_count(), 0);
//! ```

pub mod edgelist;
pub mod projection;

pub use projection::{project, Kind, Projection};

use crate::resolve::{AgentKind, Resolution};
use petgraph::graph::{Graph, NodeIndex};
use serde::Serialize;
use std::collections::HashMap;

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NodeKind {
    /// A document of the corpus.
    Document,
    /// A cited work.
    Work,
    /// A person.
    Person,
    /// An organisation (family).
    Organisation,
    /// A venue.
    Venue,
}

impl NodeKind {
    /// The kebab-case name used in every output format.
    pub fn name(self) -> &'static str {
        match self {
            NodeKind::Document => "document",
            NodeKind::Work => "work",
            NodeKind::Person => "person",
            NodeKind::Organisation => "organisation",
            NodeKind::Venue => "venue",
        }
    }
}

/// A node: its kind, a short id unique in the graph ("d0", "w12"), its
/// resolution key and a label for people.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Node {
    /// Short id, stable for the same input ("d0", "w3", "a7", "v2").
    pub id: String,
    /// Kind.
    pub kind: NodeKind,
    /// The resolution key ("doi:…", "person:apprich|c", a path).
    pub key: String,
    /// A human label.
    pub label: String,
}

/// An edge of the full network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// Document → work, with how many entries of the document name it.
    Cites(u32),
    /// Person/organisation → work.
    Authored,
    /// Work → venue.
    PublishedIn,
}

/// The full typed network.
#[derive(Debug, Clone)]
pub struct Network {
    /// The graph.
    pub graph: Graph<Node, Relation>,
    /// Node of each document node ([`Resolution::documents`]).
    pub documents: Vec<NodeIndex>,
    /// Node of each work; a work that is a document maps to the document.
    pub works: Vec<NodeIndex>,
    /// Node of each agent.
    pub agents: Vec<NodeIndex>,
    /// Node of each venue.
    pub venues: Vec<NodeIndex>,
}

impl Network {
    /// Builds the network of a resolution.
    ///
    /// Complexity: linear in entries, works and authorships.
    pub fn build(res: &Resolution) -> Network {
        let mut graph = Graph::new();
        let documents: Vec<NodeIndex> = res
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| {
                graph.add_node(Node {
                    id: format!("d{i}"),
                    kind: NodeKind::Document,
                    key: d.key.clone(),
                    label: d.label.clone(),
                })
            })
            .collect();
        let mut doc_of_work: HashMap<u32, NodeIndex> = HashMap::new();
        for (i, d) in res.documents.iter().enumerate() {
            if let Some(w) = d.work {
                doc_of_work.insert(w, documents[i]);
            }
        }
        let works: Vec<NodeIndex> = res
            .works
            .iter()
            .enumerate()
            .map(|(i, w)| match doc_of_work.get(&(i as u32)) {
                Some(&d) => d,
                None => graph.add_node(Node {
                    id: format!("w{i}"),
                    kind: NodeKind::Work,
                    key: w.key.clone(),
                    label: w.label.clone(),
                }),
            })
            .collect();
        let agents: Vec<NodeIndex> = res
            .agents
            .iter()
            .enumerate()
            .map(|(i, a)| {
                graph.add_node(Node {
                    id: format!("a{i}"),
                    kind: match a.kind {
                        AgentKind::Person => NodeKind::Person,
                        AgentKind::Organisation => NodeKind::Organisation,
                    },
                    key: a.key.clone(),
                    label: a.label.clone(),
                })
            })
            .collect();
        let venues: Vec<NodeIndex> = res
            .venues
            .iter()
            .enumerate()
            .map(|(i, v)| {
                graph.add_node(Node {
                    id: format!("v{i}"),
                    kind: NodeKind::Venue,
                    key: v.key.clone(),
                    label: v.label.clone(),
                })
            })
            .collect();
        for (d, counts) in citation_counts(res).into_iter().enumerate() {
            let mut counts: Vec<(u32, u32)> = counts.into_iter().collect();
            counts.sort_unstable();
            for (w, n) in counts {
                let (from, to) = (documents[d], works[w as usize]);
                if from != to {
                    graph.add_edge(from, to, Relation::Cites(n));
                }
            }
        }
        for (w, work) in res.works.iter().enumerate() {
            for &a in &work.authors {
                graph.add_edge(agents[a as usize], works[w], Relation::Authored);
            }
            if let Some(v) = work.venue {
                graph.add_edge(works[w], venues[v as usize], Relation::PublishedIn);
            }
        }
        Network {
            graph,
            documents,
            works,
            agents,
            venues,
        }
    }
}

/// For each document node, how many of its entries name each work.
pub(crate) fn citation_counts(res: &Resolution) -> Vec<HashMap<u32, u32>> {
    let mut counts: Vec<HashMap<u32, u32>> = vec![HashMap::new(); res.documents.len()];
    for (file, works) in res.work_of.iter().enumerate() {
        let node = res.doc_node[file] as usize;
        for &w in works {
            *counts[node].entry(w).or_default() += 1;
        }
    }
    counts
}
