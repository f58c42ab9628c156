//! A planted-partition graph standing in for a large co-citation graph:
//! skewed degrees, weighted edges, and known communities, for benchmarking
//! community detection at sizes no corpus at hand reaches (1M nodes, 10M
//! edges).

use super::rng::Rng;
use serde::{Deserialize, Serialize};

/// What graph to generate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GraphConfig {
    /// Nodes.
    pub nodes: usize,
    /// Distinct edges wanted (at least this many unless the graph would
    /// have to be nearly complete); repeated draws of a pair add weight.
    pub edges: usize,
    /// Planted communities (blocks of random sizes).
    pub communities: usize,
    /// Share of edges drawn across communities.
    pub mixing: f64,
    /// Seed.
    pub seed: u64,
}

impl Default for GraphConfig {
    fn default() -> Self {
        GraphConfig {
            nodes: 1_000_000,
            edges: 10_000_000,
            communities: 1_000,
            mixing: 0.2,
            seed: 7,
        }
    }
}

/// A generated graph.
#[derive(Debug, Clone, PartialEq)]
pub struct PlantedGraph {
    /// Number of nodes; ids are `0..nodes`.
    pub nodes: usize,
    /// Undirected weighted edges `(u, v, weight)` with `u < v`, sorted.
    pub edges: Vec<(u32, u32, f32)>,
    /// The planted community of each node.
    pub community: Vec<u32>,
}

/// Generates a planted-partition graph. Node ids are shuffled so that
/// communities are not contiguous ranges.
pub fn planted_graph(cfg: &GraphConfig) -> PlantedGraph {
    let n = cfg.nodes.max(2);
    let k = cfg.communities.clamp(1, n);
    let mut rng = Rng::derive(cfg.seed, 0x6EA9);
    // Random cut points give block sizes with an exponential-like spread.
    let mut cuts: Vec<usize> = (0..k - 1).map(|_| rng.range(1, n)).collect();
    cuts.push(0);
    cuts.push(n);
    cuts.sort_unstable();
    cuts.dedup();
    let blocks: Vec<(usize, usize)> = cuts.windows(2).map(|w| (w[0], w[1] - w[0])).collect();
    let mut perm: Vec<u32> = (0..n as u32).collect();
    for i in (1..n).rev() {
        let j = rng.range(0, i + 1);
        perm.swap(i, j);
    }
    let mut community = vec![0u32; n];
    for (c, &(start, len)) in blocks.iter().enumerate() {
        for i in start..start + len {
            community[perm[i] as usize] = c as u32;
        }
    }
    // Within a block, low offsets are favoured (x² skew) so degrees vary.
    let pick = |rng: &mut Rng, (start, len): (usize, usize)| {
        let x = rng.f64();
        perm[start + ((x * x * len as f64) as usize).min(len - 1)]
    };
    // Draw until `edges` distinct pairs exist (repeats become weight);
    // a few top-up rounds suffice unless the graph is nearly complete.
    let mut keys: Vec<u64> = Vec::with_capacity(cfg.edges + cfg.edges / 4);
    let mut distinct = 0;
    for round in 0..8 {
        let deficit = cfg.edges - distinct;
        let want = if round == 0 {
            deficit
        } else {
            deficit + deficit / 4 + 16
        };
        for _ in 0..want {
            let at = rng.range(0, n);
            let home = blocks[blocks
                .partition_point(|&(s, l)| s + l <= at)
                .min(blocks.len() - 1)];
            let u = pick(&mut rng, home);
            let v = if rng.chance(cfg.mixing) {
                rng.range(0, n) as u32
            } else {
                pick(&mut rng, home)
            };
            if u != v {
                let (a, b) = if u < v { (u, v) } else { (v, u) };
                keys.push(((a as u64) << 32) | b as u64);
            }
        }
        keys.sort_unstable();
        distinct = 1 + keys.windows(2).filter(|w| w[0] != w[1]).count();
        if distinct >= cfg.edges {
            break;
        }
    }
    let mut edges: Vec<(u32, u32, f32)> = Vec::with_capacity(keys.len());
    for key in keys {
        let (a, b) = ((key >> 32) as u32, key as u32);
        match edges.last_mut() {
            Some(last) if last.0 == a && last.1 == b => last.2 += 1.0,
            _ => edges.push((a, b, 1.0)),
        }
    }
    PlantedGraph {
        nodes: n,
        edges,
        community,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_has_requested_size_and_mostly_internal_edges() {
        let g = planted_graph(&GraphConfig {
            nodes: 2_000,
            edges: 20_000,
            communities: 20,
            mixing: 0.1,
            seed: 1,
        });
        let total: f32 = g.edges.iter().map(|e| e.2).sum();
        assert!(g.edges.len() >= 20_000 && g.edges.len() < 20_000 * 9 / 8 + 100);
        assert!(g
            .edges
            .windows(2)
            .all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1)));
        let internal = g
            .edges
            .iter()
            .filter(|e| g.community[e.0 as usize] == g.community[e.1 as usize])
            .map(|e| e.2)
            .sum::<f32>();
        assert!(internal / total > 0.85, "{}", internal / total);
        assert_eq!(
            g,
            planted_graph(&GraphConfig {
                nodes: 2_000,
                edges: 20_000,
                communities: 20,
                mixing: 0.1,
                seed: 1
            })
        );
    }
}
