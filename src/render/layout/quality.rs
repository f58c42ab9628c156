//! Measures of a finished layout, for tests and the `bench` binary: do the
//! groups (clusters) stand apart, and is the picture neither collapsed nor
//! blown up? None of this is used to draw.

use crate::render::Figure;

/// Groups smaller than this are too small to have a meaningful centre and
/// radius, and are left out of [`Separation::worst`] and [`Separation::median`].
pub const MIN_MEMBERS: usize = 5;

/// How a layout sits: group separation and overall scale.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Separation {
    /// Groups with at least [`MIN_MEMBERS`] nodes.
    pub groups: usize,
    /// Over every pair of those groups, the distance between their
    /// centroids divided by the sum of their radii (root mean square
    /// distance of members to the centroid): the smallest. Above 1, the
    /// two groups' cores do not overlap.
    pub worst: f64,
    /// The median of the same ratio over all pairs.
    pub median: f64,
    /// Share of grouped nodes whose nearest node is in their own group:
    /// near 1 when groups are separate islands, near the largest group's
    /// share when they are mixed into one cloud.
    pub nearest_same: f64,
    /// Median distance from a node to its nearest node: small when nodes
    /// pile up on each other.
    pub nearest_median: f64,
    /// Median edge length.
    pub edge_median: f64,
    /// Over edges inside a measured group, the median of the edge's length
    /// divided by its group's radius: about 1.3 for members placed at
    /// random in their group's disc, lower the more the layout puts linked
    /// nodes side by side.
    pub edge_locality: f64,
    /// Root mean square distance of all nodes to their centroid, divided
    /// by √n: how much room each node gets (stays about constant when a
    /// layout neither collapses nor explodes).
    pub extent: f64,
}

/// Measures `positions` (one per node of `figure`). `None` for an empty
/// figure or mismatched lengths.
pub fn separation(figure: &Figure, positions: &[(f64, f64)]) -> Option<Separation> {
    let n = figure.nodes.len();
    if n == 0 || positions.len() != n {
        return None;
    }
    let group_of: Vec<Option<usize>> = figure.nodes.iter().map(|node| node.group).collect();
    let groups = group_of.iter().flatten().max().map_or(0, |&g| g + 1);
    let mut sum = vec![(0.0f64, 0.0f64, 0usize); groups];
    for (g, &(x, y)) in group_of.iter().zip(positions) {
        if let Some(g) = *g {
            sum[g].0 += x;
            sum[g].1 += y;
            sum[g].2 += 1;
        }
    }
    let centre: Vec<(f64, f64)> = sum
        .iter()
        .map(|&(x, y, m)| (x / m.max(1) as f64, y / m.max(1) as f64))
        .collect();
    let mut spread = vec![0.0f64; groups];
    for (g, &p) in group_of.iter().zip(positions) {
        if let Some(g) = *g {
            spread[g] += distance2(p, centre[g]);
        }
    }
    let big: Vec<usize> = (0..groups).filter(|&g| sum[g].2 >= MIN_MEMBERS).collect();
    let radius = |g: usize| (spread[g] / sum[g].2 as f64).sqrt();
    let mut ratios: Vec<f64> = Vec::new();
    for (i, &a) in big.iter().enumerate() {
        for &b in &big[i + 1..] {
            let apart = distance2(centre[a], centre[b]).sqrt();
            ratios.push(apart / (radius(a) + radius(b)).max(f64::MIN_POSITIVE));
        }
    }
    ratios.sort_by(f64::total_cmp);
    let mut lengths: Vec<f64> = figure
        .edges
        .iter()
        .filter(|e| e.source < n && e.target < n && e.source != e.target)
        .map(|e| distance2(positions[e.source], positions[e.target]).sqrt())
        .collect();
    lengths.sort_by(f64::total_cmp);
    let mut local: Vec<f64> = figure
        .edges
        .iter()
        .filter(|e| e.source < n && e.target < n && e.source != e.target)
        .filter_map(|e| match (group_of[e.source], group_of[e.target]) {
            (Some(a), Some(b)) if a == b && sum[a].2 >= MIN_MEMBERS => Some(
                distance2(positions[e.source], positions[e.target]).sqrt()
                    / radius(a).max(f64::MIN_POSITIVE),
            ),
            _ => None,
        })
        .collect();
    local.sort_by(f64::total_cmp);
    let (cx, cy) = positions.iter().fold((0.0, 0.0), |s, p| {
        (s.0 + p.0 / n as f64, s.1 + p.1 / n as f64)
    });
    let rms = (positions
        .iter()
        .map(|&p| distance2(p, (cx, cy)))
        .sum::<f64>()
        / n as f64)
        .sqrt();
    let (nearest_same, nearest_median) = nearest(&group_of, positions);
    Some(Separation {
        groups: big.len(),
        worst: ratios.first().copied().unwrap_or(f64::INFINITY),
        median: median(&ratios).unwrap_or(f64::INFINITY),
        nearest_same,
        nearest_median,
        edge_median: median(&lengths).unwrap_or(0.0),
        edge_locality: median(&local).unwrap_or(0.0),
        extent: rms / (n as f64).sqrt(),
    })
}

fn distance2(a: (f64, f64), b: (f64, f64)) -> f64 {
    (a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)
}

fn median(sorted: &[f64]) -> Option<f64> {
    sorted.get(sorted.len() / 2).copied()
}

/// The share of grouped nodes whose nearest other node has the same
/// group, and the median distance from a node to its nearest. By every
/// pair: quadratic, but only run on finished layouts of at most a few
/// thousand nodes.
fn nearest(group_of: &[Option<usize>], positions: &[(f64, f64)]) -> (f64, f64) {
    let (mut same, mut counted) = (0usize, 0usize);
    let mut distances = Vec::with_capacity(positions.len());
    for (i, &p) in positions.iter().enumerate() {
        let nearest = positions
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != i)
            .map(|(j, &q)| (distance2(p, q), j))
            .min_by(|a, b| a.0.total_cmp(&b.0));
        let Some((d2, j)) = nearest else {
            continue;
        };
        distances.push(d2.sqrt());
        if let Some(g) = group_of[i] {
            counted += 1;
            same += usize::from(group_of[j] == Some(g));
        }
    }
    distances.sort_by(f64::total_cmp);
    (
        same as f64 / counted.max(1) as f64,
        median(&distances).unwrap_or(0.0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{Node, NodeKind};

    #[test]
    fn two_apart_groups_measure_apart() {
        let mut f = Figure::new("t");
        let mut pos = Vec::new();
        for i in 0..20 {
            f.nodes
                .push(Node::new(format!("{i}"), "x", NodeKind::Work).in_group(i % 2));
            let side = if i % 2 == 0 { -100.0 } else { 100.0 };
            pos.push((side + (i / 2) as f64, (i / 2) as f64));
        }
        let s = separation(&f, &pos).unwrap();
        assert_eq!(s.groups, 2);
        assert!(s.worst > 5.0, "{s:?}");
        assert_eq!(s.nearest_same, 1.0);
    }
}
