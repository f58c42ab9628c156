//! The forces of the layout: Fruchterman & Reingold (1991) with a pull
//! towards each group's centre so clusters sit apart, and a cooling
//! schedule.

use super::grid::{Grid, GRID_ABOVE};
use super::{Options, Placed};
use crate::render::Figure;

/// Fruchterman–Reingold with group gravity and a cooling schedule.
pub(super) fn forces(figure: &Figure, placed: &[Placed], options: &Options) -> Vec<(f64, f64)> {
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
    let iterations = if n > GRID_ABOVE {
        options.large_iterations
    } else {
        options.iterations
    };
    let cooling = (0.01f64).powf(1.0 / iterations.max(1) as f64);
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
    let group: Vec<Option<usize>> = figure.nodes.iter().map(|node| node.group).collect();
    let mut grid = Grid::default();
    for _ in 0..iterations {
        for s in shift.iter_mut() {
            *s = (0.0, 0.0);
        }
        if n > GRID_ABOVE {
            grid.repel(&pos, &group, &mut shift, k);
        } else {
            exact_repulsion(&pos, &group, &mut shift, k);
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

/// Repulsion between every pair of nodes: `k²/d` along the line between
/// them, times 0.3 for nodes of different groups.
fn exact_repulsion(pos: &[(f64, f64)], group: &[Option<usize>], shift: &mut [(f64, f64)], k: f64) {
    let n = pos.len();
    for i in 0..n {
        for j in i + 1..n {
            let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
            let d2 = (dx * dx + dy * dy).max(0.01);
            // Groups repel each other less than their members do, so
            // they settle near their centres rather than drift apart.
            let across = group[i] != group[j];
            let f = k * k / d2 * if across { 0.3 } else { 1.0 };
            shift[i].0 += dx * f;
            shift[i].1 += dy * f;
            shift[j].0 -= dx * f;
            shift[j].1 -= dy * f;
        }
    }
}
