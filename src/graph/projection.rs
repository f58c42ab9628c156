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
//! Pair counting ([`pair_rows`], [`count_pairs`]) runs item by item in
//! parallel with rayon and costs the sum of squared list lengths, not the
//! square of the corpus; the report's figures and clusters count with it too.

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

/// Counts, row by row, how many lists each pair of items shares.
///
/// `lists` are the contexts items appear in together (the works one document
/// cites, the documents citing one work), each sorted without repeats, and
/// every item is below `items`. For each item `a` in order, `row` receives
/// `a` and its neighbours `(b, lists shared)` sorted by `b`: only `b > a`
/// when `upper` (each pair once), every `b ≠ a` otherwise (so a caller can
/// keep each item's strongest neighbours without storing every pair).
///
/// Rows run in parallel with rayon, each counting into a dense array of
/// `items` counters (one per thread), so the cost is the number of pair
/// occurrences, the sum of squared list lengths, and memory beyond the
/// lists is what `row` returns: no list of every occurrence is built.
///
/// # Panics
///
/// If a list holds an item not below `items`.
///
/// ```
/// use citemap::graph::projection::pair_rows;
/// let lists = vec![vec![0, 1, 2], vec![0, 1]];
/// let rows = pair_rows(&lists, 3, true, |_, row| row.to_vec());
/// assert_eq!(rows, vec![vec![(1, 2), (2, 1)], vec![(2, 1)], vec![]]);
/// ```
pub fn pair_rows<T, F>(lists: &[Vec<u32>], items: usize, upper: bool, row: F) -> Vec<T>
where
    T: Send,
    F: Fn(u32, &[(u32, u32)]) -> T + Sync,
{
    // Which lists each item is in, as one flat array with offsets.
    let mut start = vec![0usize; items + 1];
    for &a in lists.iter().flatten() {
        start[a as usize + 1] += 1;
    }
    for i in 0..items {
        start[i + 1] += start[i];
    }
    let mut member_of = vec![0u32; start[items]];
    let mut fill = start.clone();
    for (l, list) in lists.iter().enumerate() {
        for &a in list {
            member_of[fill[a as usize]] = l as u32;
            fill[a as usize] += 1;
        }
    }
    drop(fill);
    (0..items)
        .into_par_iter()
        .with_min_len(64)
        .map_init(
            || (vec![0u32; items], Vec::new(), Vec::new()),
            |(counts, touched, pairs), a| {
                let a = a as u32;
                touched.clear();
                for &l in &member_of[start[a as usize]..start[a as usize + 1]] {
                    let list = &lists[l as usize];
                    let from = if upper {
                        list.partition_point(|&b| b <= a)
                    } else {
                        0
                    };
                    for &b in &list[from..] {
                        if b == a {
                            continue;
                        }
                        let count = &mut counts[b as usize];
                        if *count == 0 {
                            touched.push(b);
                        }
                        *count += 1;
                    }
                }
                pairs.clear();
                if touched.len() * 8 > items {
                    // A dense row (a popular work's citers): one pass over
                    // the counters is cheaper than sorting what was touched.
                    pairs.extend(
                        counts
                            .iter_mut()
                            .enumerate()
                            .filter_map(|(b, n)| (*n > 0).then(|| (b as u32, std::mem::take(n)))),
                    );
                } else {
                    touched.sort_unstable();
                    pairs.extend(touched.iter().map(|&b| {
                        let n = std::mem::take(&mut counts[b as usize]);
                        (b, n)
                    }));
                }
                row(a, pairs)
            },
        )
        .collect()
}

/// Counts unordered pairs within each list (see [`pair_rows`]): every pair
/// `(a, b, lists shared)` once, `a < b`, sorted.
///
/// ```
/// use citemap::graph::projection::count_pairs;
/// let lists = vec![vec![1, 2, 3], vec![1, 2], vec![3]];
/// assert_eq!(count_pairs(&lists, 4), vec![(1, 2, 2), (1, 3, 1), (2, 3, 1)]);
/// ```
pub fn count_pairs(lists: &[Vec<u32>], items: usize) -> Vec<(u32, u32, u32)> {
    pair_rows(lists, items, true, |a, row| {
        row.iter().map(|&(b, n)| (a, b, n)).collect::<Vec<_>>()
    })
    .concat()
}

/// The `n` items of pair lists (as [`pair_rows`] takes them) with the
/// greatest total link strength, the sum of their pair counts, which is
/// `Σ (list length − 1)` over the lists holding an item, so it costs one
/// pass and no pair is counted. This is how VOSviewer picks the items of a
/// co-citation or coupling map; ties go to the lower index. Returns whether
/// each item is picked (all of them when there are `n` or fewer).
///
/// ```
/// use citemap::graph::projection::strongest_items;
/// let lists = vec![vec![0, 1, 2], vec![1, 2], vec![2, 3]];
/// assert_eq!(strongest_items(&lists, 4, 2), vec![false, true, true, false]);
/// ```
pub fn strongest_items(lists: &[Vec<u32>], items: usize, n: usize) -> Vec<bool> {
    if items <= n {
        return vec![true; items];
    }
    let mut strength = vec![0u64; items];
    for list in lists {
        for &a in list {
            strength[a as usize] += list.len() as u64 - 1;
        }
    }
    let mut ranked: Vec<u32> = (0..items as u32).collect();
    let order = |a: &u32, b: &u32| {
        strength[*b as usize]
            .cmp(&strength[*a as usize])
            .then(a.cmp(b))
    };
    let mut keep = vec![false; items];
    if n > 0 {
        ranked.select_nth_unstable_by(n - 1, order);
        for &a in &ranked[..n] {
            keep[a as usize] = true;
        }
    }
    keep
}

/// Pair lists cut down to the items `keep` marks, renumbered in order:
/// each kept item's old index, and the lists with the kept items (lists
/// left with fewer than two, which make no pair, are dropped).
///
/// ```
/// use citemap::graph::projection::restrict_lists;
/// let lists = vec![vec![0, 1, 2], vec![1, 3], vec![0, 2, 3]];
/// let (old, lists) = restrict_lists(&lists, &[true, false, true, true]);
/// assert_eq!(old, vec![0, 2, 3]);
/// assert_eq!(lists, vec![vec![0, 1], vec![0, 1, 2]]);
/// ```
pub fn restrict_lists(lists: &[Vec<u32>], keep: &[bool]) -> (Vec<u32>, Vec<Vec<u32>>) {
    let mut new = vec![u32::MAX; keep.len()];
    let mut old = Vec::new();
    for (a, _) in keep.iter().enumerate().filter(|(_, &k)| k) {
        new[a] = old.len() as u32;
        old.push(a as u32);
    }
    let lists = lists
        .iter()
        .map(|list| -> Vec<u32> {
            list.iter()
                .map(|&a| new[a as usize])
                .filter(|&a| a != u32::MAX)
                .collect()
        })
        .filter(|list| list.len() >= 2)
        .collect();
    (old, lists)
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
            let pairs = count_pairs(&lists, res.works.len());
            let cited = lists.iter().flatten().map(|&w| network.works[w as usize]);
            let edges = pairs
                .into_iter()
                .map(|(a, b, n)| (network.works[a as usize], network.works[b as usize], n));
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
            let pairs = count_pairs(&citing, res.documents.len());
            let edges = pairs.into_iter().map(|(a, b, n)| {
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
            let pairs = count_pairs(&lists, res.agents.len());
            let edges = pairs
                .into_iter()
                .map(|(a, b, n)| (network.agents[a as usize], network.agents[b as usize], n));
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
        let p = count_pairs(&lists, 4);
        assert_eq!(p, vec![(1, 2, 2), (1, 3, 1), (2, 3, 1)]);
    }

    /// The row counter against the obvious count over every list, on lists
    /// long and short enough to split rows across threads.
    #[test]
    fn rows_match_a_direct_count() {
        let items = 300u32;
        let lists: Vec<Vec<u32>> = (0..200u32)
            .map(|l| {
                let mut v: Vec<u32> = (0..(l % 37) + 1)
                    .map(|i| (l * 7 + i * i * 13) % items)
                    .collect();
                v.sort_unstable();
                v.dedup();
                v
            })
            .collect();
        let mut direct: HashMap<(u32, u32), u32> = HashMap::new();
        for list in &lists {
            for (i, &a) in list.iter().enumerate() {
                for &b in &list[i + 1..] {
                    *direct.entry((a, b)).or_default() += 1;
                }
            }
        }
        let mut expected: Vec<(u32, u32, u32)> =
            direct.into_iter().map(|((a, b), n)| (a, b, n)).collect();
        expected.sort_unstable();
        assert_eq!(count_pairs(&lists, items as usize), expected);
        // Both sides: every pair appears in the rows of both its items.
        let both = pair_rows(&lists, items as usize, false, |a, row| {
            row.iter().map(|&(b, n)| (a, b, n)).collect::<Vec<_>>()
        })
        .concat();
        let mut mirrored: Vec<(u32, u32, u32)> = expected
            .iter()
            .flat_map(|&(a, b, n)| [(a, b, n), (b, a, n)])
            .collect();
        mirrored.sort_unstable();
        assert_eq!(both, mirrored);
    }
}
