//! A deterministic force-directed layout (Fruchterman & Reingold 1991, with
//! a pull towards each group's centre so clusters sit apart), followed by
//! label overlap removal.
//!
//! Labels stand to the right of their node. After the forces settle, every
//! pair of node-plus-label boxes that overlap is pushed apart along the axis
//! where they overlap least, until none do; a label that still collides
//! after that (only in very dense figures) is hidden and stays in the
//! node's tooltip. No two drawn labels overlap.

mod forces;
mod grid;
mod overlap;
pub mod quality;

use forces::forces;
pub use grid::GRID_ABOVE;
pub use overlap::any_overlap;
use overlap::remove_overlaps;

use super::{node_radius, Figure, NodeKind};

/// Font size of node labels, in SVG units.
pub const LABEL_SIZE: f64 = 11.0;

/// The place of one node and its label.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    /// Centre of the node.
    pub x: f64,
    /// Centre of the node.
    pub y: f64,
    /// Radius (or half side) of the node.
    pub radius: f64,
    /// Whether its label is drawn.
    pub labelled: bool,
    /// Estimated width of its label.
    pub label_width: f64,
}

impl Placed {
    /// The box the node and its label cover: (left, top, right, bottom).
    pub fn bounds(&self) -> (f64, f64, f64, f64) {
        let half = self.radius.max(LABEL_SIZE * 0.7);
        let right = if self.labelled {
            self.x + self.radius + 4.0 + self.label_width
        } else {
            self.x + self.radius
        };
        (self.x - self.radius, self.y - half, right, self.y + half)
    }
}

/// Layout settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Seeds the starting positions; one seed, one picture.
    pub seed: u64,
    /// Force iterations.
    pub iterations: usize,
    /// Force iterations of figures above [`GRID_ABOVE`] nodes (the large
    /// views of the interactive map), where iterations are most of the
    /// cost and fewer suffice: there every node is pushed harder than the
    /// temperature allows in every iteration, so each moves by exactly the
    /// temperature, which falls by the same factor (100) whatever the
    /// count. After 100 iterations the groups are as far apart, as unmixed
    /// and as compact as after 300 (`bench --only map_layout`).
    pub large_iterations: usize,
    /// Above this many nodes, only documents, highlighted nodes and the
    /// `label_limit` heaviest nodes get a label.
    pub label_limit: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            seed: 7,
            iterations: 300,
            large_iterations: 100,
            label_limit: 120,
        }
    }
}

/// Estimated width of `text` at `size`. The widths are those of DejaVu Sans,
/// the widest of the fonts a fresh machine falls back to, so labels that are
/// apart in the layout stay apart whatever font the viewer has.
pub fn text_width(text: &str, size: f64) -> f64 {
    let units: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '.' | ',' | '\'' | '|' | '!' | ':' | ';' | '·' => 0.32,
            'f' | 't' | 'r' | ' ' | '(' | ')' | '-' | 'I' => 0.42,
            'm' | 'w' | 'M' | 'W' | '@' | '…' => 0.98,
            c if c.is_uppercase() => 0.76,
            c if c.is_ascii_digit() => 0.64,
            c if c.is_ascii() => 0.62,
            // CJK and other wide scripts.
            c if (c as u32) >= 0x2E80 => 1.0,
            _ => 0.66,
        })
        .sum();
    units * size
}

/// Bold text is this much wider.
pub const BOLD: f64 = 1.12;

/// Lays out a figure. Returns one [`Placed`] per node, in node order.
pub fn layout(figure: &Figure, options: &Options) -> Vec<Placed> {
    let n = figure.nodes.len();
    if n == 0 {
        return Vec::new();
    }
    let labelled = choose_labels(figure, options.label_limit);
    let mut placed: Vec<Placed> = figure
        .nodes
        .iter()
        .zip(&labelled)
        .map(|(node, &labelled)| Placed {
            x: 0.0,
            y: 0.0,
            radius: node_radius(node.weight),
            labelled,
            label_width: text_width(&node.label, LABEL_SIZE)
                * if node.kind == NodeKind::Document {
                    BOLD
                } else {
                    1.0
                },
        })
        .collect();
    let mut positions = forces(figure, &placed, options);
    for (p, (x, y)) in placed.iter_mut().zip(positions.drain(..)) {
        p.x = x;
        p.y = y;
    }
    remove_overlaps(&mut placed);
    placed
}

fn choose_labels(figure: &Figure, limit: usize) -> Vec<bool> {
    let n = figure.nodes.len();
    if n <= limit {
        return vec![true; n];
    }
    let mut ranked: Vec<usize> = (0..n).collect();
    ranked.sort_by(|&a, &b| {
        figure.nodes[b]
            .weight
            .total_cmp(&figure.nodes[a].weight)
            .then(a.cmp(&b))
    });
    let mut out = vec![false; n];
    for &i in ranked.iter().take(limit) {
        out[i] = true;
    }
    for (i, node) in figure.nodes.iter().enumerate() {
        if node.kind == NodeKind::Document || node.highlight {
            out[i] = true;
        }
    }
    out
}

/// Node centres only, with no label placement: for the interactive map,
/// which chooses its labels as the reader zooms. Figures above
/// [`GRID_ABOVE`] nodes use the grid approximation of repulsion.
pub fn positions(figure: &Figure, options: &Options) -> Vec<(f64, f64)> {
    if figure.nodes.is_empty() {
        return Vec::new();
    }
    let placed: Vec<Placed> = figure
        .nodes
        .iter()
        .map(|node| Placed {
            x: 0.0,
            y: 0.0,
            radius: node_radius(node.weight),
            labelled: false,
            label_width: 0.0,
        })
        .collect();
    forces(figure, &placed, options)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{Edge, Group, Node};

    fn sample(n: usize) -> Figure {
        let mut f = Figure::new("t");
        f.groups = vec![Group { label: "a".into() }, Group { label: "b".into() }];
        for i in 0..n {
            f.nodes.push(
                Node::new(format!("{i}"), format!("Author {i} 2019"), NodeKind::Work)
                    .in_group(i % 2),
            );
            if i > 0 {
                f.edges.push(Edge::new(i, (i - 1) / 2));
            }
        }
        f
    }

    #[test]
    fn deterministic_and_no_overlap() {
        let f = sample(80);
        let a = layout(&f, &Options::default());
        let b = layout(&f, &Options::default());
        assert_eq!(a, b);
        assert!(!any_overlap(&a));
        assert!(a.iter().all(|p| p.labelled));
    }

    /// Two planted communities of about `n / 2` nodes each, three edges a
    /// node, one edge in ten across.
    fn two_communities(n: usize) -> Figure {
        use crate::synth::graph::{planted_graph, GraphConfig};
        let g = planted_graph(&GraphConfig {
            nodes: n,
            edges: 3 * n,
            communities: 2,
            mixing: 0.1,
            seed: 7,
        });
        let mut f = Figure::new("planted");
        f.groups = vec![Group { label: "a".into() }, Group { label: "b".into() }];
        f.nodes = g
            .community
            .iter()
            .enumerate()
            .map(|(i, &c)| Node::new(format!("{i}"), "", NodeKind::Work).in_group(c as usize))
            .collect();
        f.edges = g
            .edges
            .iter()
            .map(|&(u, v, _)| Edge::new(u as usize, v as usize))
            .collect();
        f
    }

    /// Planted communities come out as two separate groups, neither
    /// collapsed nor blown up, with the exact repulsion of small figures
    /// and with the grid and fewer iterations of large ones.
    #[test]
    fn planted_communities_stand_apart() {
        for n in [400, 2 * GRID_ABOVE] {
            let f = two_communities(n);
            let smaller = f.nodes.iter().filter(|node| node.group == Some(0)).count();
            assert!(
                smaller.min(n - smaller) > n / 5,
                "unbalanced planted graph: {smaller} of {n}"
            );
            let pos = positions(&f, &Options::default());
            assert_eq!(pos, positions(&f, &Options::default()), "not deterministic");
            let s = quality::separation(&f, &pos).unwrap();
            // Centroids farther apart than the two groups' radii together.
            assert!(s.worst > 1.0, "{n} nodes: groups overlap: {s:?}");
            assert!(s.nearest_same > 0.9, "{n} nodes: groups mixed: {s:?}");
            // Edges neither much shorter nor much longer than the ideal length
            // (40 without labels).
            assert!(
                (10.0..200.0).contains(&s.edge_median),
                "{n} nodes: collapsed or exploded: {s:?}"
            );
            assert!(s.edge_locality < 1.0, "{n} nodes: edges not local: {s:?}");
            // Not piled up (a node of weight 1 has radius 9).
            assert!(s.nearest_median > 4.0, "{n} nodes: piled up: {s:?}");
        }
    }

    #[test]
    fn dense_figures_never_overlap() {
        let f = sample(300);
        let p = layout(
            &f,
            &Options {
                iterations: 50,
                ..Options::default()
            },
        );
        assert!(!any_overlap(&p));
    }
}
