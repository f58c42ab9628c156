//! Projections of the network onto one kind of node.
//!
//! - citation: document → work, weighted by entries naming the work;
//! - co-citation: work — work, weighted by documents citing both
//!   (Small 1973);
//! - bibliographic coupling: document — document, weighted by shared works
//!   (Kessler 1963);
//! - co-authorship: author — author, weighted by works written together;
//! - author citation: author of a citing document → author of a cited work,
//!   weighted by entries.
//!
//! Pair counting runs per document (or per work) in parallel with rayon and
//! costs the sum of squared list lengths, not the square of the corpus.

use super::{citation_counts, Network, Node, NodeKind};
use crate::model::Document;
use crate::resolve::people::agent_key;
use crate::resolve::{AgentKind, Resolution};
use petgraph::graph::{Graph, NodeIndex};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;

/// Which projection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Document → work.
    Citation,
    /// Works cited together.
    Cocitation,
    /// Documents sharing references.
    Coupling,
    /// People who wrote together.
    Coauthor,
    /// Person → person, aggregated through citations.
    AuthorCitation,
}

impl Kind {
    /// The kebab-case name.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Citation => "citation",
            Kind::Cocitation => "cocitation",
            Kind::Coupling => "coupling",
            Kind::Coauthor => "coauthor",
            Kind::AuthorCitation => "author-citation",
        }
    }

    /// Whether edges have a direction.
    pub fn directed(self) -> bool {
        matches!(self, Kind::Citation | Kind::AuthorCitation)
    }
}

/// A projected graph: nodes as in the network, edges weighted by counts.
/// Undirected projections store each pair once, lower node index first.
#[derive(Debug, Clone)]
pub struct Projection {
    /// Which projection this is.
    pub kind: Kind,
    /// The graph; edge weights are counts.
    pub graph: Graph<Node, u32>,
}

impl Projection {
    /// Whether edges have a direction.
    pub fn directed(&self) -> bool {
        self.kind.directed()
    }
}

/// Counts unordered pairs within each list: every pair is packed into a
/// `u64`, the pairs are sorted in parallel and runs counted. Sorting beats
/// merging per-thread hash maps and needs no more memory.
fn count_pairs(lists: &[Vec<u32>]) -> HashMap<(u32, u32), u32> {
    let mut packed: Vec<u64> = lists
        .par_iter()
        .flat_map_iter(|list| {
            list.iter().enumerate().flat_map(move |(i, &a)| {
                list[i + 1..]
                    .iter()
                    .map(move |&b| (u64::from(a.min(b)) << 32) | u64::from(a.max(b)))
            })
        })
        .collect();
    packed.par_sort_unstable();
    let mut counts = HashMap::new();
    let mut run = packed.iter().peekable();
    while let Some(&p) = run.next() {
        let mut n = 1u32;
        while run.peek() == Some(&&p) {
            run.next();
            n += 1;
        }
        counts.insert(((p >> 32) as u32, p as u32), n);
    }
    counts
}

/// Builds a projection graph from node ids of `network` and weighted pairs.
fn assemble(
    kind: Kind,
    network: &Network,
    nodes: impl IntoIterator<Item = NodeIndex>,
    edges: impl IntoIterator<Item = (NodeIndex, NodeIndex, u32)>,
) -> Projection {
    let mut graph = Graph::new();
    let mut map: HashMap<NodeIndex, NodeIndex> = HashMap::new();
    for n in nodes {
        map.entry(n)
            .or_insert_with(|| graph.add_node(network.graph[n].clone()));
    }
    let mut edges: Vec<(NodeIndex, NodeIndex, u32)> =
        edges.into_iter().filter(|(a, b, _)| a != b).collect();
    edges.sort_unstable();
    for (a, b, w) in edges {
        let a = *map
            .entry(a)
            .or_insert_with(|| graph.add_node(network.graph[a].clone()));
        let b = *map
            .entry(b)
            .or_insert_with(|| graph.add_node(network.graph[b].clone()));
        graph.add_edge(a, b, w);
    }
    Projection { kind, graph }
}

/// Distinct works cited by each document node, sorted.
fn cited_lists(res: &Resolution, network: &Network) -> Vec<Vec<u32>> {
    citation_counts(res)
        .into_iter()
        .enumerate()
        .map(|(d, counts)| {
            let mut v: Vec<u32> = counts
                .into_keys()
                .filter(|&w| network.works[w as usize] != network.documents[d])
                .collect();
            v.sort_unstable();
            v
        })
        .collect()
}

/// Projects the network of `res` (built from `docs`).
pub fn project(res: &Resolution, docs: &[Document], network: &Network, kind: Kind) -> Projection {
    match kind {
        Kind::Citation => {
            let mut edges = Vec::new();
            for (d, counts) in citation_counts(res).into_iter().enumerate() {
                for (w, n) in counts {
                    edges.push((network.documents[d], network.works[w as usize], n));
                }
            }
            assemble(kind, network, network.documents.iter().copied(), edges)
        }
        Kind::Cocitation => {
            let lists = cited_lists(res, network);
            let pairs = count_pairs(&lists);
            let cited = lists.iter().flatten().map(|&w| network.works[w as usize]);
            let edges = pairs
                .into_iter()
                .map(|((a, b), n)| (network.works[a as usize], network.works[b as usize], n));
            let mut all: Vec<NodeIndex> = cited.collect();
            all.sort_unstable();
            all.dedup();
            assemble(kind, network, all, edges)
        }
        Kind::Coupling => {
            let lists = cited_lists(res, network);
            let mut citing: Vec<Vec<u32>> = vec![Vec::new(); res.works.len()];
            for (d, works) in lists.iter().enumerate() {
                for &w in works {
                    citing[w as usize].push(d as u32);
                }
            }
            let pairs = count_pairs(&citing);
            let edges = pairs.into_iter().map(|((a, b), n)| {
                (
                    network.documents[a as usize],
                    network.documents[b as usize],
                    n,
                )
            });
            assemble(kind, network, network.documents.iter().copied(), edges)
        }
        Kind::Coauthor => {
            let lists: Vec<Vec<u32>> = res
                .works
                .iter()
                .map(|w| {
                    let mut a: Vec<u32> = w
                        .authors
                        .iter()
                        .copied()
                        .filter(|&a| res.agents[a as usize].kind == AgentKind::Person)
                        .collect();
                    a.sort_unstable();
                    a.dedup();
                    a
                })
                .collect();
            let pairs = count_pairs(&lists);
            let edges = pairs
                .into_iter()
                .map(|((a, b), n)| (network.agents[a as usize], network.agents[b as usize], n));
            let people = res
                .agents
                .iter()
                .enumerate()
                .filter(|(_, a)| a.kind == AgentKind::Person)
                .map(|(i, _)| network.agents[i]);
            assemble(kind, network, people, edges)
        }
        Kind::AuthorCitation => author_citation(res, docs, network),
    }
}

/// Person → person through citations. A document's authors come from its
/// metadata, or from the work it is when it is cited elsewhere; authors met
/// only as citing authors get nodes of their own.
fn author_citation(res: &Resolution, docs: &[Document], network: &Network) -> Projection {
    let agent_by_key: HashMap<&str, u32> = res
        .agents
        .iter()
        .enumerate()
        .map(|(i, a)| (a.key.as_str(), i as u32))
        .collect();
    let mut graph: Graph<Node, u32> = Graph::new();
    let mut nodes: HashMap<String, NodeIndex> = HashMap::new();
    let mut node_for =
        |graph: &mut Graph<Node, u32>, key: String, label: String, kind: NodeKind| {
            *nodes.entry(key.clone()).or_insert_with(|| {
                let id = match agent_by_key.get(key.as_str()) {
                    Some(&a) => network.graph[network.agents[a as usize]].id.clone(),
                    None => format!("c{}", graph.node_count()),
                };
                graph.add_node(Node {
                    id,
                    kind,
                    key,
                    label,
                })
            })
        };
    let mut counts: HashMap<(NodeIndex, NodeIndex), u32> = HashMap::new();
    let per_doc = citation_counts(res);
    for (d, node) in res.documents.iter().enumerate() {
        let mut citing: Vec<(String, String, NodeKind)> = Vec::new();
        for &f in &node.files {
            for p in &docs[f as usize].meta.authors {
                if let Some((key, kind)) = agent_key(p) {
                    let nk = match kind {
                        AgentKind::Person => NodeKind::Person,
                        AgentKind::Organisation => NodeKind::Organisation,
                    };
                    let label = agent_by_key
                        .get(key.as_str())
                        .map_or_else(|| p.to_string(), |&a| res.agents[a as usize].label.clone());
                    citing.push((key, label, nk));
                }
            }
        }
        if citing.is_empty() {
            if let Some(w) = node.work {
                for &a in &res.works[w as usize].authors {
                    let agent = &res.agents[a as usize];
                    let nk = network.graph[network.agents[a as usize]].kind;
                    citing.push((agent.key.clone(), agent.label.clone(), nk));
                }
            }
        }
        citing.sort();
        citing.dedup();
        let citing: Vec<NodeIndex> = citing
            .into_iter()
            .map(|(k, l, nk)| node_for(&mut graph, k, l, nk))
            .collect();
        let mut cited: Vec<(u32, u32)> = per_doc[d].iter().map(|(&w, &n)| (w, n)).collect();
        cited.sort_unstable();
        for (w, n) in cited {
            for &a in &res.works[w as usize].authors {
                let agent = &res.agents[a as usize];
                let nk = network.graph[network.agents[a as usize]].kind;
                let to = node_for(&mut graph, agent.key.clone(), agent.label.clone(), nk);
                for &from in &citing {
                    if from != to {
                        *counts.entry((from, to)).or_default() += n;
                    }
                }
            }
        }
    }
    let mut edges: Vec<((NodeIndex, NodeIndex), u32)> = counts.into_iter().collect();
    edges.sort_unstable();
    for ((a, b), n) in edges {
        graph.add_edge(a, b, n);
    }
    Projection {
        kind: Kind::AuthorCitation,
        graph,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_are_counted_once_per_list() {
        let lists = vec![vec![1, 2, 3], vec![1, 2], vec![3]];
        let p = count_pairs(&lists);
        assert_eq!(p[&(1, 2)], 2);
        assert_eq!(p[&(1, 3)], 1);
        assert_eq!(p[&(2, 3)], 1);
        assert_eq!(p.len(), 3);
    }
}
