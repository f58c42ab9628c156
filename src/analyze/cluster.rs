//! Community detection with the Leiden algorithm.
//!
//! The implementation follows Traag, Waltman & van Eck, "From Louvain to
//! Leiden: guaranteeing well-connected communities", *Scientific Reports* 9,
//! 5233 (2019), <https://doi.org/10.1038/s41598-019-41695-z>: fast local
//! moving of nodes, refinement of each community into well-connected
//! sub-communities, aggregation on the refined partition (with the unrefined
//! partition as the starting point), repeated until nothing moves.
//!
//! Two choices differ from the paper's reference code and are made for
//! reproducibility: the refinement merges a node into the sub-community with
//! the *largest* gain (the paper's randomness parameter θ → 0), and ties are
//! broken by the order neighbours appear, so one seed always gives one
//! partition on every machine. The seed only orders the nodes visited.
//! Graphs of 65,536 nodes and more are first renumbered in breadth-first
//! order, so that neighbours' data sits close together in memory.
//!
//! The quality optimised is modularity with a resolution parameter γ:
//!
//! Q = 1/(2m) Σ_c [ Σ_{i,j∈c} A_ij − γ K_c² / (2m) ]
//!
//! where K_c is the total degree of community c. γ > 1 gives more, smaller
//! communities; γ < 1 fewer, larger ones.
//!
//! # Example
//!
//! ```
//! use citemap::analyze::cluster::{leiden, Config};
//! use petgraph::graph::UnGraph;
//!
//! // Two triangles joined by one edge.
//! let g = UnGraph::<(), f64>::from_edges(&[
//!     (0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0),
//!     (3, 4, 1.0), (4, 5, 1.0), (5, 3, 1.0),
//!     (2, 3, 1.0),
//! ]);
//! let p = leiden(&g, &Config::default());
//! assert_eq!(p.count, 2);
//! assert_eq!(p.membership[0], p.membership[2]);
//! assert_ne!(p.membership[0], p.membership[5]);
//! assert!(p.modularity > 0.3);
//! ```

use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeCount, NodeIndexable};
use std::borrow::Cow;
use std::collections::VecDeque;

/// Settings of one clustering run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Config {
    /// The resolution γ (1.0 is classic modularity). Values that are not
    /// finite or not positive are treated as 1.0.
    pub resolution: f64,
    /// Seeds the order in which nodes are visited; one seed, one partition.
    pub seed: u64,
    /// How many times the whole algorithm is rerun from the partition it
    /// found (each pass can only improve it). At least 1.
    pub passes: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            resolution: 1.0,
            seed: 42,
            passes: 2,
        }
    }
}

impl Config {
    fn gamma(&self) -> f64 {
        if self.resolution.is_finite() && self.resolution > 0.0 {
            self.resolution
        } else {
            1.0
        }
    }
}

/// A partition of a graph's nodes into communities.
#[derive(Debug, Clone, PartialEq)]
pub struct Partition {
    /// The community of each node, by node index. Communities are numbered
    /// 0.. by decreasing size (ties: by their smallest node index), so
    /// community 0 is the largest.
    pub membership: Vec<usize>,
    /// How many communities there are.
    pub count: usize,
    /// Classic modularity (γ = 1) of the partition, in [-0.5, 1].
    pub modularity: f64,
    /// The quality at the resolution the run used (equal to `modularity`
    /// when γ = 1).
    pub quality: f64,
}

impl Partition {
    /// The members of each community, in node order.
    pub fn communities(&self) -> Vec<Vec<usize>> {
        let mut out = vec![Vec::new(); self.count];
        for (node, &c) in self.membership.iter().enumerate() {
            out[c].push(node);
        }
        out
    }
}

/// A weighted undirected graph in compressed sparse rows: the form the
/// algorithm works on, built once from a petgraph graph or an edge list.
///
/// Each edge {u, v} with u ≠ v is stored in both rows; a self-loop's weight is
/// kept apart in `self_weight` (counted as A_uu, both "ends" at once).
#[derive(Debug, Clone, Default)]
pub struct Csr {
    offsets: Vec<usize>,
    targets: Vec<u32>,
    weights: Vec<f64>,
    self_weight: Vec<f64>,
    degree: Vec<f64>,
    total: f64,
}

impl Csr {
    /// Builds the graph from `(u, v, weight)` triples on nodes `0..n`.
    ///
    /// Edges with an endpoint ≥ `n`, or a weight that is not finite and
    /// positive, are skipped: the input may come from user data. Parallel
    /// edges add up. A self-loop {u, u} with weight w adds 2w to A_uu, as in
    /// the usual convention where a loop counts twice towards the degree.
    pub fn from_edges(n: usize, edges: impl IntoIterator<Item = (usize, usize, f64)>) -> Csr {
        let edges: Vec<(u32, u32, f64)> = edges
            .into_iter()
            .filter(|&(u, v, w)| u < n && v < n && w.is_finite() && w > 0.0)
            .map(|(u, v, w)| (u as u32, v as u32, w))
            .collect();
        Csr::from_triples(n, &edges)
    }

    /// Builds the graph from `(u, v, weight)` triples on nodes `0..n`
    /// without copying them first; otherwise as [`Csr::from_edges`] (bad
    /// edges skipped, parallel edges adding up, loops counting twice).
    pub fn from_triples(n: usize, edges: &[(u32, u32, f64)]) -> Csr {
        let valid = |&(u, v, w): &(u32, u32, f64)| {
            (u as usize) < n && (v as usize) < n && w.is_finite() && w > 0.0
        };
        let mut counts = vec![0usize; n + 1];
        let mut self_weight = vec![0.0; n];
        for &(u, v, w) in edges.iter().filter(|e| valid(e)) {
            if u == v {
                self_weight[u as usize] += 2.0 * w;
            } else {
                counts[u as usize + 1] += 1;
                counts[v as usize + 1] += 1;
            }
        }
        for i in 0..n {
            counts[i + 1] += counts[i];
        }
        let offsets = counts;
        let mut fill = offsets.clone();
        let mut targets = vec![0u32; offsets[n]];
        let mut weights = vec![0.0; offsets[n]];
        for &(u, v, w) in edges.iter().filter(|e| valid(e)) {
            if u != v {
                let (ui, vi) = (u as usize, v as usize);
                targets[fill[ui]] = v;
                weights[fill[ui]] = w;
                fill[ui] += 1;
                targets[fill[vi]] = u;
                weights[fill[vi]] = w;
                fill[vi] += 1;
            }
        }
        Csr::finish(offsets, targets, weights, self_weight)
    }

    /// Builds the graph from any petgraph graph, directed or not (a directed
    /// edge counts as an undirected one), with `weight` giving each edge's
    /// weight. Node `i` of the result is the graph's node with index `i`.
    pub fn from_petgraph<G, F>(graph: G, weight: F) -> Csr
    where
        G: IntoEdgeReferences + NodeIndexable + NodeCount,
        F: Fn(&G::EdgeWeight) -> f64,
    {
        let n = graph.node_bound();
        let edges = graph.edge_references().map(|e| {
            (
                graph.to_index(e.source()),
                graph.to_index(e.target()),
                weight(e.weight()),
            )
        });
        Csr::from_edges(n, edges)
    }

    fn finish(
        offsets: Vec<usize>,
        targets: Vec<u32>,
        weights: Vec<f64>,
        self_weight: Vec<f64>,
    ) -> Csr {
        let n = self_weight.len();
        let degree: Vec<f64> = (0..n)
            .map(|u| self_weight[u] + weights[offsets[u]..offsets[u + 1]].iter().sum::<f64>())
            .collect();
        let total = degree.iter().sum();
        Csr {
            offsets,
            targets,
            weights,
            self_weight,
            degree,
            total,
        }
    }

    /// The number of nodes.
    pub fn node_count(&self) -> usize {
        self.degree.len()
    }

    /// The sum of all degrees, 2m.
    pub fn total_weight(&self) -> f64 {
        self.total
    }

    /// The same graph with its nodes renumbered in breadth-first order, and
    /// for each new node the old one it was.
    ///
    /// Neighbours get nearby numbers, so the per-node and per-community
    /// arrays the algorithm reads for a node's neighbours sit close together
    /// in memory; on graphs far larger than the cache, whose ids come in no
    /// useful order, that is most of the running time.
    fn in_breadth_first_order(&self) -> (Csr, Vec<u32>) {
        let n = self.node_count();
        let mut order: Vec<u32> = Vec::with_capacity(n);
        let mut seen = vec![false; n];
        for root in 0..n {
            if seen[root] {
                continue;
            }
            seen[root] = true;
            let start = order.len();
            order.push(root as u32);
            let mut next = start;
            while next < order.len() {
                let u = order[next] as usize;
                next += 1;
                for &v in &self.targets[self.offsets[u]..self.offsets[u + 1]] {
                    if !seen[v as usize] {
                        seen[v as usize] = true;
                        order.push(v);
                    }
                }
            }
        }
        let mut new_id = vec![0u32; n];
        for (new, &old) in order.iter().enumerate() {
            new_id[old as usize] = new as u32;
        }
        let mut offsets = Vec::with_capacity(n + 1);
        let mut targets = Vec::with_capacity(self.targets.len());
        let mut weights = Vec::with_capacity(self.weights.len());
        let mut self_weight = Vec::with_capacity(n);
        offsets.push(0);
        for &old in &order {
            let range = self.offsets[old as usize]..self.offsets[old as usize + 1];
            targets.extend(
                self.targets[range.clone()]
                    .iter()
                    .map(|&v| new_id[v as usize]),
            );
            weights.extend_from_slice(&self.weights[range]);
            offsets.push(targets.len());
            self_weight.push(self.self_weight[old as usize]);
        }
        (Csr::finish(offsets, targets, weights, self_weight), order)
    }

    fn neighbours(&self, u: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let range = self.offsets[u]..self.offsets[u + 1];
        self.targets[range.clone()]
            .iter()
            .zip(&self.weights[range])
            .map(|(&v, &w)| (v as usize, w))
    }
}

/// Clusters a petgraph graph with default settings for the weight: each edge
/// weighs what its `f64` weight says.
///
/// # Returns
/// The partition, with `membership[i]` the community of the node with index `i`.
///
/// # Complexity
/// Roughly O(m) per pass in practice (m edges); memory O(n + m).
pub fn leiden<N, Ty, Ix>(graph: &petgraph::Graph<N, f64, Ty, Ix>, config: &Config) -> Partition
where
    Ty: petgraph::EdgeType,
    Ix: petgraph::graph::IndexType,
{
    leiden_csr(&Csr::from_petgraph(graph, |&w| w), config)
}

/// Clusters a graph already in [`Csr`] form.
pub fn leiden_csr(graph: &Csr, config: &Config) -> Partition {
    if graph.node_count() >= LOCALITY_MIN_NODES {
        let (local, order) = graph.in_breadth_first_order();
        let found = leiden_csr_as_given(&local, config);
        let mut membership = vec![0; graph.node_count()];
        for (new, &old) in order.iter().enumerate() {
            membership[old as usize] = found.membership[new];
        }
        let (membership, count) = renumber(&membership);
        return Partition {
            membership,
            count,
            ..found
        };
    }
    leiden_csr_as_given(graph, config)
}

/// Graphs from this many nodes up are renumbered for memory locality first.
const LOCALITY_MIN_NODES: usize = 1 << 16;

fn leiden_csr_as_given(graph: &Csr, config: &Config) -> Partition {
    let gamma = config.gamma();
    let n = graph.node_count();
    let mut rng = SplitMix64::new(config.seed);
    let mut membership: Vec<usize> = (0..n).collect();
    if graph.total > 0.0 {
        for _ in 0..config.passes.max(1) {
            let before = renumber(&membership).0;
            membership = one_pass(graph, membership, gamma, &mut rng);
            if renumber(&membership).0 == before {
                break;
            }
        }
    }
    let (membership, count) = renumber(&membership);
    Partition {
        modularity: quality(graph, &membership, 1.0),
        quality: quality(graph, &membership, gamma),
        membership,
        count,
    }
}

/// The modularity of `membership` on `graph` at resolution γ.
///
/// Returns 0 for a graph without edges. `membership` must have one entry per
/// node; community ids may be any numbers below the node count.
pub fn quality(graph: &Csr, membership: &[usize], resolution: f64) -> f64 {
    let two_m = graph.total;
    if two_m <= 0.0 {
        return 0.0;
    }
    let n = graph.node_count();
    let slots = membership.iter().copied().max().map_or(0, |m| m + 1).max(n);
    let mut internal = 0.0;
    let mut tot = vec![0.0; slots];
    for u in 0..n {
        let cu = membership[u];
        tot[cu] += graph.degree[u];
        internal += graph.self_weight[u];
        for (v, w) in graph.neighbours(u) {
            if membership[v] == cu {
                internal += w;
            }
        }
    }
    let expected: f64 = tot.iter().map(|k| k * k).sum::<f64>() / two_m;
    (internal - resolution * expected) / two_m
}

/// Modularity (γ = 1) of a partition of a petgraph graph with `f64` weights.
pub fn modularity<N, Ty, Ix>(graph: &petgraph::Graph<N, f64, Ty, Ix>, membership: &[usize]) -> f64
where
    Ty: petgraph::EdgeType,
    Ix: petgraph::graph::IndexType,
{
    quality(&Csr::from_petgraph(graph, |&w| w), membership, 1.0)
}

/// One full run of Leiden on `graph` starting from `start`.
fn one_pass(graph: &Csr, start: Vec<usize>, gamma: f64, rng: &mut SplitMix64) -> Vec<usize> {
    // `to_level[u]` is the node of the current aggregate graph that original
    // node u belongs to.
    let n0 = graph.node_count();
    let mut to_level: Vec<usize> = (0..n0).collect();
    // The first level is the graph itself: borrowed, not copied.
    let mut level = Cow::Borrowed(graph);
    let mut partition = start;
    loop {
        move_nodes_fast(&level, &mut partition, gamma, rng);
        let (renumbered, count) = renumber(&partition);
        partition = renumbered;
        // Every community is a single node: nothing left to aggregate.
        if count == level.node_count() {
            break;
        }
        let refined = refine(&level, &partition, gamma, rng);
        let (refined, refined_count) = renumber(&refined);
        // Aggregate on the refined partition; if refinement merged nothing,
        // on the partition itself (Louvain's step), so the graph always
        // shrinks and the loop ends.
        let (grouping, groups) = if refined_count < level.node_count() {
            (refined, refined_count)
        } else {
            (partition.clone(), count)
        };
        let aggregate = aggregate(&level, &grouping, groups);
        // Each aggregate node starts in the community its members were in.
        let mut next = vec![0; groups];
        for u in 0..level.node_count() {
            next[grouping[u]] = partition[u];
        }
        for t in to_level.iter_mut() {
            *t = grouping[*t];
        }
        level = Cow::Owned(aggregate);
        partition = next;
    }
    to_level.iter().map(|&t| partition[t]).collect()
}

/// What the local moving keeps per community, packed so that one memory
/// access fetches all of it (the graph's communities are visited in random
/// order; on a million nodes every separate array costs a cache miss).
#[derive(Debug, Clone, Copy, Default)]
struct Community {
    /// Total degree of the members.
    tot: f64,
    /// Weight from the node being moved to the community (scratch).
    link: f64,
    /// Member count.
    size: u32,
}

/// Leiden's fast local moving: visit nodes from a queue, move each to the
/// neighbouring community with the best gain, requeue its neighbours that
/// are not in the new community.
fn move_nodes_fast(graph: &Csr, partition: &mut [usize], gamma: f64, rng: &mut SplitMix64) {
    let n = graph.node_count();
    let two_m = graph.total;
    let mut comm = vec![Community::default(); n];
    // Community ids as u32: half the memory traffic of usize.
    let mut member: Vec<u32> = partition.iter().map(|&c| c as u32).collect();
    for u in 0..n {
        let c = &mut comm[partition[u]];
        c.tot += graph.degree[u];
        c.size += 1;
    }
    let mut empty: Vec<u32> = (0..n as u32)
        .filter(|&c| comm[c as usize].size == 0)
        .collect();
    let mut order: Vec<u32> = (0..n as u32).collect();
    rng.shuffle(&mut order);
    let mut queue: VecDeque<u32> = order.into();
    let mut queued = vec![true; n];
    let mut touched: Vec<u32> = Vec::new();
    while let Some(u) = queue.pop_front() {
        let u = u as usize;
        queued[u] = false;
        let own = member[u];
        let k = graph.degree[u];
        let range = graph.offsets[u]..graph.offsets[u + 1];
        for (&v, &w) in graph.targets[range.clone()]
            .iter()
            .zip(&graph.weights[range.clone()])
        {
            let c = member[v as usize];
            let entry = &mut comm[c as usize];
            if entry.link == 0.0 {
                touched.push(c);
            }
            entry.link += w;
        }
        // Take u out of its community before comparing.
        let own_entry = &mut comm[own as usize];
        own_entry.tot -= k;
        own_entry.size -= 1;
        let scale = gamma * k / two_m;
        let mut best = own;
        let mut best_gain = own_entry.link - scale * own_entry.tot;
        let own_size = own_entry.size;
        for &c in &touched {
            let entry = &comm[c as usize];
            let gain = entry.link - scale * entry.tot;
            if gain > best_gain {
                best = c;
                best_gain = gain;
            }
        }
        // An empty community (gain 0) beats a community u is worse off in.
        if best_gain < 0.0 && own_size > 0 {
            if let Some(&c) = empty.last() {
                best = c;
            }
        }
        for &c in &touched {
            comm[c as usize].link = 0.0;
        }
        comm[own as usize].link = 0.0;
        touched.clear();
        let best_entry = &mut comm[best as usize];
        best_entry.tot += k;
        best_entry.size += 1;
        if best != own {
            if empty.last() == Some(&best) {
                empty.pop();
            }
            if comm[own as usize].size == 0 {
                empty.push(own);
            }
            member[u] = best;
            partition[u] = best as usize;
            for &v in &graph.targets[range] {
                let v = v as usize;
                if !queued[v] && member[v] != best {
                    queued[v] = true;
                    queue.push_back(v as u32);
                }
            }
        }
    }
}

/// What the refinement keeps per sub-community, packed as [`Community`] is.
#[derive(Debug, Clone, Copy, Default)]
struct Sub {
    /// Total degree of the members.
    tot: f64,
    /// Weight from the members to the rest of their community.
    ext: f64,
    /// Weight from the node being merged to this sub-community (scratch).
    link: f64,
    /// Member count.
    size: u32,
}

/// Leiden's refinement: within each community, start from singletons and
/// merge well-connected nodes into well-connected sub-communities, so every
/// community the algorithm returns is connected.
fn refine(graph: &Csr, partition: &[usize], gamma: f64, rng: &mut SplitMix64) -> Vec<usize> {
    let n = graph.node_count();
    let two_m = graph.total;
    // (community, sub-community) of each node, side by side: one access.
    let mut place: Vec<[u32; 2]> = (0..n).map(|u| [partition[u] as u32, u as u32]).collect();
    // Weight from each node to the rest of its community.
    let mut to_rest = vec![0.0; n];
    let mut comm_tot = vec![0.0; n];
    let mut sub = vec![Sub::default(); n];
    for u in 0..n {
        comm_tot[partition[u]] += graph.degree[u];
        let own = place[u][0];
        let range = graph.offsets[u]..graph.offsets[u + 1];
        to_rest[u] = graph.targets[range.clone()]
            .iter()
            .zip(&graph.weights[range])
            .filter(|&(&v, _)| place[v as usize][0] == own)
            .map(|(_, &w)| w)
            .sum();
        sub[u] = Sub {
            tot: graph.degree[u],
            ext: to_rest[u],
            link: 0.0,
            size: 1,
        };
    }
    let mut order: Vec<u32> = (0..n as u32).collect();
    rng.shuffle(&mut order);
    let mut touched: Vec<u32> = Vec::new();
    for u in order {
        let u = u as usize;
        let [own_comm, own_sub] = place[u];
        if sub[own_sub as usize].size != 1 {
            continue;
        }
        let k = graph.degree[u];
        let total_s = comm_tot[own_comm as usize];
        if to_rest[u] < gamma * k * (total_s - k) / two_m {
            continue;
        }
        let range = graph.offsets[u]..graph.offsets[u + 1];
        for (&v, &w) in graph.targets[range.clone()]
            .iter()
            .zip(&graph.weights[range])
        {
            let [c_comm, c] = place[v as usize];
            if c_comm != own_comm || c == own_sub {
                continue;
            }
            let entry = &mut sub[c as usize];
            if entry.link == 0.0 {
                touched.push(c);
            }
            entry.link += w;
        }
        let mut best = own_sub;
        let mut best_gain = 0.0;
        for &c in &touched {
            let entry = &sub[c as usize];
            let well_connected = entry.ext >= gamma * entry.tot * (total_s - entry.tot) / two_m;
            if !well_connected {
                continue;
            }
            let gain = entry.link - gamma * k * entry.tot / two_m;
            if gain > best_gain {
                best = c;
                best_gain = gain;
            }
        }
        if best != own_sub {
            let own_entry = &mut sub[own_sub as usize];
            own_entry.tot -= k;
            own_entry.size -= 1;
            let best_entry = &mut sub[best as usize];
            best_entry.ext += to_rest[u] - 2.0 * best_entry.link;
            best_entry.tot += k;
            best_entry.size += 1;
            place[u][1] = best;
        }
        for &c in &touched {
            sub[c as usize].link = 0.0;
        }
        touched.clear();
    }
    place.iter().map(|p| p[1] as usize).collect()
}

/// The graph whose nodes are the communities of `partition` (numbered
/// `0..count`), edge weights summed, internal weight kept as self-weight.
fn aggregate(graph: &Csr, partition: &[usize], count: usize) -> Csr {
    let n = graph.node_count();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); count];
    for u in 0..n {
        members[partition[u]].push(u);
    }
    let mut offsets = Vec::with_capacity(count + 1);
    offsets.push(0);
    let mut targets = Vec::new();
    let mut weights = Vec::new();
    let mut self_weight = vec![0.0; count];
    let mut link = vec![0.0; count];
    let mut touched = Vec::new();
    for (c, nodes) in members.iter().enumerate() {
        for &u in nodes {
            self_weight[c] += graph.self_weight[u];
            for (v, w) in graph.neighbours(u) {
                let d = partition[v];
                if d == c {
                    self_weight[c] += w;
                    continue;
                }
                if link[d] == 0.0 {
                    touched.push(d);
                }
                link[d] += w;
            }
        }
        for &d in &touched {
            targets.push(d as u32);
            weights.push(link[d]);
            link[d] = 0.0;
        }
        touched.clear();
        offsets.push(targets.len());
    }
    Csr::finish(offsets, targets, weights, self_weight)
}

/// Renumbers community ids to 0.. by decreasing size, ties by smallest
/// member, so equal partitions always look equal.
fn renumber(membership: &[usize]) -> (Vec<usize>, usize) {
    let slots = membership.iter().copied().max().map_or(0, |m| m + 1);
    let mut size = vec![0usize; slots];
    let mut first = vec![usize::MAX; slots];
    for (u, &c) in membership.iter().enumerate() {
        size[c] += 1;
        first[c] = first[c].min(u);
    }
    let mut used: Vec<usize> = (0..slots).filter(|&c| size[c] > 0).collect();
    used.sort_by(|&a, &b| size[b].cmp(&size[a]).then(first[a].cmp(&first[b])));
    let mut new_id = vec![0; slots];
    for (i, &c) in used.iter().enumerate() {
        new_id[c] = i;
    }
    (membership.iter().map(|&c| new_id[c]).collect(), used.len())
}

/// A tiny, well-known generator (Steele, Lea & Flood 2014): the same seed
/// gives the same sequence everywhere, with no dependency.
#[derive(Debug, Clone)]
struct SplitMix64(u64);

impl SplitMix64 {
    fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: usize) -> usize {
        // Lemire's multiply-shift; the tiny bias is irrelevant for ordering.
        ((self.next() as u128 * bound as u128) >> 64) as usize
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_cliques(size: usize) -> Csr {
        let mut edges = Vec::new();
        for base in [0, size] {
            for i in 0..size {
                for j in i + 1..size {
                    edges.push((base + i, base + j, 1.0));
                }
            }
        }
        edges.push((0, size, 1.0));
        Csr::from_edges(2 * size, edges)
    }

    #[test]
    fn splits_two_cliques() {
        let p = leiden_csr(&two_cliques(5), &Config::default());
        assert_eq!(p.count, 2);
        assert!(p.membership[..5].iter().all(|&c| c == p.membership[0]));
        assert!(p.membership[5..].iter().all(|&c| c == p.membership[5]));
    }

    #[test]
    fn singletons_on_empty_graph() {
        let g = Csr::from_edges(3, []);
        let p = leiden_csr(&g, &Config::default());
        assert_eq!(p.count, 3);
        assert_eq!(p.modularity, 0.0);
    }

    #[test]
    fn aggregate_keeps_total_weight() {
        let g = two_cliques(4);
        let p: Vec<usize> = (0..8).map(|u| u / 4).collect();
        let a = aggregate(&g, &p, 2);
        assert!((a.total_weight() - g.total_weight()).abs() < 1e-9);
        assert!((quality(&a, &[0, 1], 1.0) - quality(&g, &p, 1.0)).abs() < 1e-12);
    }

    #[test]
    fn bad_edges_are_skipped() {
        let g = Csr::from_edges(2, [(0, 1, f64::NAN), (0, 5, 1.0), (0, 1, -1.0)]);
        assert_eq!(g.total_weight(), 0.0);
    }

    /// A ring of `count` cliques of `size` nodes, each clique joined to the
    /// next by one edge, with node ids scattered so cliques are not runs.
    fn ring_of_cliques(count: usize, size: usize) -> (Csr, Vec<usize>) {
        let n = count * size;
        // A bijection of 0..n (n coprime with the multiplier) scatters ids.
        let id = |i: usize| (i * 7919) % n;
        let mut edges = Vec::new();
        let mut clique = vec![0; n];
        for c in 0..count {
            for i in 0..size {
                clique[id(c * size + i)] = c;
                for j in i + 1..size {
                    edges.push((id(c * size + i), id(c * size + j), 1.0));
                }
            }
            edges.push((id(c * size), id(((c + 1) % count) * size + 1), 1.0));
        }
        (Csr::from_edges(n, edges), clique)
    }

    #[test]
    fn breadth_first_order_is_the_same_graph() {
        let (g, clique) = ring_of_cliques(50, 5);
        let (local, order) = g.in_breadth_first_order();
        assert_eq!(local.node_count(), g.node_count());
        assert_eq!(local.total_weight(), g.total_weight());
        let mut seen = order.clone();
        seen.sort_unstable();
        assert!(seen.iter().enumerate().all(|(i, &o)| o as usize == i));
        for (new, &old) in order.iter().enumerate() {
            assert_eq!(local.degree[new], g.degree[old as usize]);
        }
        // A partition scores the same on both numberings.
        let mapped: Vec<usize> = order.iter().map(|&old| clique[old as usize]).collect();
        let a = quality(&g, &clique, 1.0);
        let b = quality(&local, &mapped, 1.0);
        assert!((a - b).abs() < 1e-12, "{a} vs {b}");
    }

    #[test]
    fn large_graphs_are_mapped_back_to_their_own_node_ids() {
        // Above LOCALITY_MIN_NODES, so the run goes through the renumbering.
        let (g, clique) = ring_of_cliques(LOCALITY_MIN_NODES / 8 + 1, 8);
        assert!(g.node_count() >= LOCALITY_MIN_NODES);
        let p = leiden_csr(&g, &Config::default());
        // Every clique lies in one community (modularity's resolution limit
        // may join neighbouring cliques); ids mapped back wrongly would
        // scatter each clique's members.
        let mut community_of_clique = vec![usize::MAX; clique.len() / 8];
        for (u, &c) in clique.iter().enumerate() {
            let seen = &mut community_of_clique[c];
            if *seen == usize::MAX {
                *seen = p.membership[u];
            }
            assert_eq!(*seen, p.membership[u], "clique {c} split");
        }
        assert!(p.count > 1);
        assert!((p.modularity - quality(&g, &p.membership, 1.0)).abs() < 1e-12);
    }
}
