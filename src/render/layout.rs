//! A deterministic force-directed layout (Fruchterman & Reingold 1991, with
//! a pull towards each group's centre so clusters sit apart), followed by
//! label overlap removal.
//!
//! Labels stand to the right of their node. After the forces settle, every
//! pair of node-plus-label boxes that overlap is pushed apart along the axis
//! where they overlap least, until none do; a label that still collides
//! after that (only in very dense figures) is hidden and stays in the
//! node's tooltip. No two drawn labels overlap.

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
    /// Above this many nodes, only documents, highlighted nodes and the
    /// `label_limit` heaviest nodes get a label.
    pub label_limit: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            seed: 7,
            iterations: 300,
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

/// Fruchterman–Reingold with group gravity and a cooling schedule.
fn forces(figure: &Figure, placed: &[Placed], options: &Options) -> Vec<(f64, f64)> {
    let n = placed.len();
    // The ideal edge length grows with the labels, so labelled nodes get
    // the room their text needs.
    let mean_width = placed
        .iter()
        .map(|p| if p.labelled { p.label_width } else { 0.0 })
        .sum::<f64>()
        / n as f64;
    let k = 40.0 + 0.6 * mean_width;
    let groups = figure.groups.len().max(1);
    // Group centres sit on a circle wide enough for the largest group
    // (a group of m nodes settles to a disc of radius about k·√m / 2).
    let mut group_size = vec![0usize; figure.groups.len()];
    for node in &figure.nodes {
        if let Some(g) = node.group.filter(|&g| g < group_size.len()) {
            group_size[g] += 1;
        }
    }
    let largest = group_size.iter().copied().max().unwrap_or(n).max(1);
    let spread = (0.6 * k * (largest as f64).sqrt()).max(2.5 * k);
    let centre_of = |g: Option<usize>| -> (f64, f64) {
        match g {
            Some(g) if figure.groups.len() > 1 => {
                let angle = std::f64::consts::TAU * g as f64 / groups as f64;
                (spread * angle.cos(), spread * angle.sin())
            }
            _ => (0.0, 0.0),
        }
    };
    let mut rng = options.seed ^ 0x9E37_79B9_7F4A_7C15;
    let mut random = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        (rng >> 11) as f64 / (1u64 << 53) as f64 - 0.5
    };
    let mut pos: Vec<(f64, f64)> = figure
        .nodes
        .iter()
        .map(|node| {
            let (cx, cy) = centre_of(node.group);
            (cx + random() * spread, cy + random() * spread)
        })
        .collect();
    let mut temperature = spread * 0.5;
    let cooling = (0.01f64).powf(1.0 / options.iterations.max(1) as f64);
    // In a large figure many edges cross groups; without a firmer hold
    // the groups would mix into one cloud.
    let crowded = figure.groups.len() > 1 && n > 120;
    let group_pull = if crowded { 0.25 } else { 0.05 };
    let across_pull = if crowded { 0.1 } else { 0.35 };
    let mut shift = vec![(0.0f64, 0.0f64); n];
    let mut degree = vec![0usize; n];
    for e in &figure.edges {
        if e.source < n && e.target < n && e.source != e.target {
            degree[e.source] += 1;
            degree[e.target] += 1;
        }
    }
    for _ in 0..options.iterations {
        for s in shift.iter_mut() {
            *s = (0.0, 0.0);
        }
        if n > GRID_ABOVE {
            grid_repulsion(figure, &pos, &mut shift, k);
        }
        for i in 0..n {
            if n > GRID_ABOVE {
                break;
            }
            for j in i + 1..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d2 = (dx * dx + dy * dy).max(0.01);
                // Groups repel each other less than their members do, so
                // they settle near their centres rather than drift apart.
                let across = figure.nodes[i].group != figure.nodes[j].group;
                let f = k * k / d2 * if across { 0.3 } else { 1.0 };
                shift[i].0 += dx * f;
                shift[i].1 += dy * f;
                shift[j].0 -= dx * f;
                shift[j].1 -= dy * f;
            }
        }
        for e in &figure.edges {
            let (a, b) = (e.source, e.target);
            if a >= n || b >= n || a == b {
                continue;
            }
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let d = (dx * dx + dy * dy).sqrt().max(0.01);
            // Edges across groups pull less, so groups stay apart.
            let same = figure.nodes[a].group == figure.nodes[b].group;
            let f =
                d / k * if same { 1.0 } else { across_pull } * e.weight.max(0.1).sqrt().min(3.0);
            shift[a].0 -= dx * f;
            shift[a].1 -= dy * f;
            shift[b].0 += dx * f;
            shift[b].1 += dy * f;
        }
        for (i, node) in figure.nodes.iter().enumerate() {
            let (cx, cy) = centre_of(node.group);
            let (dx, dy) = (pos[i].0 - cx, pos[i].1 - cy);
            let d = (dx * dx + dy * dy).sqrt();
            // A node without edges has nothing else holding it near its group.
            let pull = if degree[i] == 0 {
                0.3 * d / k + 0.05
            } else {
                group_pull * d / k + 0.02
            };
            shift[i].0 -= dx * pull;
            shift[i].1 -= dy * pull;
        }
        for i in 0..n {
            let (dx, dy) = shift[i];
            let d = (dx * dx + dy * dy).sqrt();
            if d > 0.0 {
                let step = d.min(temperature);
                pos[i].0 += dx / d * step;
                pos[i].1 += dy / d * step;
            }
        }
        temperature *= cooling;
    }
    pos
}

/// Above this many nodes, repulsion is only computed between nodes in
/// neighbouring cells of a grid (Fruchterman and Reingold's own "grid
/// variant"): the exact sum over every pair grows with the square of the
/// nodes and would take minutes at 5,000. The SVG figures stay below it.
pub const GRID_ABOVE: usize = 800;

/// Repulsion between nodes closer than two cell widths (cells of side `2k`);
/// farther pairs push each other too weakly to matter.
fn grid_repulsion(figure: &Figure, pos: &[(f64, f64)], shift: &mut [(f64, f64)], k: f64) {
    use std::collections::HashMap;
    let cell = 2.0 * k;
    let key = |p: (f64, f64)| ((p.0 / cell).floor() as i64, (p.1 / cell).floor() as i64);
    let mut cells: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (i, &p) in pos.iter().enumerate() {
        cells.entry(key(p)).or_default().push(i);
    }
    for (i, &p) in pos.iter().enumerate() {
        let (cx, cy) = key(p);
        for gx in cx - 1..=cx + 1 {
            for gy in cy - 1..=cy + 1 {
                let Some(list) = cells.get(&(gx, gy)) else {
                    continue;
                };
                for &j in list {
                    if j == i {
                        continue;
                    }
                    let (dx, dy) = (p.0 - pos[j].0, p.1 - pos[j].1);
                    let d2 = (dx * dx + dy * dy).max(0.01);
                    if d2 > cell * cell {
                        continue;
                    }
                    let across = figure.nodes[i].group != figure.nodes[j].group;
                    let f = k * k / d2 * if across { 0.3 } else { 1.0 };
                    shift[i].0 += dx * f;
                    shift[i].1 += dy * f;
                }
            }
        }
    }
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

fn overlaps(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64), pad: f64) -> Option<(f64, f64)> {
    let ox = (a.2.min(b.2) - a.0.max(b.0)) + pad;
    let oy = (a.3.min(b.3) - a.1.max(b.1)) + pad;
    (ox > 0.0 && oy > 0.0).then_some((ox, oy))
}

/// Pushes overlapping node-and-label boxes apart; hides the labels that
/// still collide after the sweeps.
fn remove_overlaps(placed: &mut [Placed]) {
    const PAD: f64 = 3.0;
    let n = placed.len();
    for _ in 0..400 {
        let mut moved = false;
        // Sweep in x order: boxes that do not overlap in x are skipped cheaply.
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| {
            placed[a]
                .bounds()
                .0
                .total_cmp(&placed[b].bounds().0)
                .then(a.cmp(&b))
        });
        for oi in 0..n {
            let i = order[oi];
            for &j in &order[oi + 1..] {
                let (a, b) = (placed[i].bounds(), placed[j].bounds());
                if b.0 > a.2 + PAD {
                    break;
                }
                if let Some((ox, oy)) = overlaps(a, b, PAD) {
                    moved = true;
                    if oy <= ox {
                        let dir = if placed[j].y >= placed[i].y {
                            1.0
                        } else {
                            -1.0
                        };
                        placed[i].y -= dir * oy / 2.0;
                        placed[j].y += dir * oy / 2.0;
                    } else {
                        let dir = if placed[j].x >= placed[i].x {
                            1.0
                        } else {
                            -1.0
                        };
                        placed[i].x -= dir * ox / 2.0;
                        placed[j].x += dir * ox / 2.0;
                    }
                }
            }
        }
        if !moved {
            return;
        }
    }
    // Dense leftovers: hide labels until nothing overlaps, lightest first.
    loop {
        let mut worst: Option<usize> = None;
        for i in 0..n {
            for j in i + 1..n {
                if overlaps(placed[i].bounds(), placed[j].bounds(), 0.0).is_some() {
                    for c in [i, j] {
                        if placed[c].labelled
                            && worst.is_none_or(|w| placed[c].radius < placed[w].radius)
                        {
                            worst = Some(c);
                        }
                    }
                }
            }
        }
        match worst {
            Some(w) => placed[w].labelled = false,
            None => return,
        }
    }
}

/// Whether any two drawn labels (with their nodes) overlap; used by tests
/// and as a last check before writing.
pub fn any_overlap(placed: &[Placed]) -> bool {
    (0..placed.len()).any(|i| {
        (i + 1..placed.len()).any(|j| {
            (placed[i].labelled || placed[j].labelled)
                && overlaps(placed[i].bounds(), placed[j].bounds(), 0.0).is_some()
        })
    })
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
