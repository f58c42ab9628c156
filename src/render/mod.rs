//! Drawing networks: DOT for Graphviz, and self-contained SVG laid out in
//! Rust so a figure needs nothing installed.
//!
//! Every drawing starts from a [`Figure`]: nodes with a short label, a full
//! tooltip, a weight (times cited) and a group (cluster), edges between them,
//! and the groups' labels. Whatever network is drawn (citations, co-citation,
//! coupling, shared sources) is first turned into a `Figure`, then
//! [`Figure::filtered`] keeps a large one legible, then [`dot::to_dot`] or
//! [`svg::to_svg`] writes it.
//!
//! ```
//! use citemap::render::{Figure, Node, NodeKind, Edge, Group, svg, dot};
//!
//! let mut fig = Figure::new("Citations");
//! fig.groups.push(Group { label: "media studies".into() });
//! fig.nodes.push(Node::new("d0", "Luchs 2023", NodeKind::Document).in_group(0));
//! fig.nodes.push(Node::new("w0", "Benjamin 2019", NodeKind::Work).weighing(2.0).in_group(0));
//! fig.edges.push(Edge::new(0, 1));
//! let svg = svg::to_svg(&fig, &svg::Options::default());
//! assert!(svg.starts_with("<svg"));
//! assert!(dot::to_dot(&fig).contains("subgraph cluster_0"));
//! ```

pub mod dot;
pub mod engine;
pub mod html;
pub mod layout;
pub mod svg;

use serde::Serialize;

/// What a node stands for; documents and works are drawn differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum NodeKind {
    /// A document of the corpus (drawn as a square).
    Document,
    /// A cited work (drawn as a circle).
    #[default]
    Work,
    /// A person, organisation or venue (drawn as a diamond).
    Source,
}

/// One node of a figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    /// A stable identifier, unique in the figure ("doc:0", "work:12").
    pub id: String,
    /// The short label drawn ("Benjamin 2019").
    pub label: String,
    /// The full text shown on hover (the full reference).
    pub tooltip: String,
    /// What it is.
    pub kind: NodeKind,
    /// Sizes the node: times cited for works, works cited for documents.
    pub weight: f64,
    /// Its group (cluster) in [`Figure::groups`], if any.
    pub group: Option<usize>,
    /// Drawn with a heavy outline: a source shared between documents.
    pub highlight: bool,
}

impl Node {
    /// A node with weight 1, no group, no highlight, tooltip = label.
    pub fn new(id: impl Into<String>, label: impl Into<String>, kind: NodeKind) -> Node {
        let label = label.into();
        Node {
            id: id.into(),
            tooltip: label.clone(),
            label,
            kind,
            weight: 1.0,
            group: None,
            highlight: false,
        }
    }

    /// Sets the tooltip.
    pub fn with_tooltip(mut self, tooltip: impl Into<String>) -> Node {
        self.tooltip = tooltip.into();
        self
    }

    /// Sets the weight.
    pub fn weighing(mut self, weight: f64) -> Node {
        self.weight = weight;
        self
    }

    /// Puts the node in a group.
    pub fn in_group(mut self, group: usize) -> Node {
        self.group = Some(group);
        self
    }

    /// Marks the node as shared.
    pub fn highlighted(mut self, highlight: bool) -> Node {
        self.highlight = highlight;
        self
    }
}

/// An edge between two nodes, by index in [`Figure::nodes`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edge {
    /// The citing side (or one end of an undirected edge).
    pub source: usize,
    /// The cited side (or the other end).
    pub target: usize,
    /// Its strength (co-citation count, shared references …); 1 for a citation.
    pub weight: f64,
    /// Drawn in the highlight colour: it leads to a shared source.
    pub highlight: bool,
    /// Drawn dashed: a link inferred (text similarity), not a citation.
    pub dashed: bool,
}

impl Edge {
    /// An edge of weight 1.
    pub fn new(source: usize, target: usize) -> Edge {
        Edge {
            source,
            target,
            weight: 1.0,
            highlight: false,
            dashed: false,
        }
    }
}

/// A group of nodes drawn together, usually a cluster.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// Its label ("capitalism · labour · platform").
    pub label: String,
}

/// A network ready to draw.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Figure {
    /// The title drawn above the figure.
    pub title: String,
    /// A line under the title (what was filtered out, how it was made).
    pub caption: String,
    /// Whether edges have a direction (citations) or not (co-citation).
    pub directed: bool,
    /// The nodes.
    pub nodes: Vec<Node>,
    /// The edges.
    pub edges: Vec<Edge>,
    /// The groups nodes may belong to.
    pub groups: Vec<Group>,
    /// What the shapes mean, for the legend; a default is used when empty.
    pub key: String,
    /// Leave out the shaded hulls around groups (when groups are not what
    /// the figure is about).
    pub no_hulls: bool,
}

/// How to cut a large figure down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Filter {
    /// Drop works cited fewer times than this (documents always stay).
    pub min_weight: Option<u32>,
    /// Keep at most this many works, the most cited first.
    pub top: Option<usize>,
}

impl Figure {
    /// An empty, directed figure with a title.
    pub fn new(title: impl Into<String>) -> Figure {
        Figure {
            title: title.into(),
            directed: true,
            ..Figure::default()
        }
    }

    /// A copy keeping only what `filter` lets through, edges between kept
    /// nodes, and nodes left without any edge dropped unless they are
    /// documents. The caption says what was left out.
    pub fn filtered(&self, filter: &Filter) -> Figure {
        let mut keep: Vec<bool> = self
            .nodes
            .iter()
            .map(|n| {
                n.kind == NodeKind::Document
                    || filter.min_weight.is_none_or(|m| n.weight >= m as f64)
            })
            .collect();
        if let Some(top) = filter.top {
            let mut ranked: Vec<usize> = (0..self.nodes.len())
                .filter(|&i| keep[i] && self.nodes[i].kind != NodeKind::Document)
                .collect();
            ranked.sort_by(|&a, &b| {
                self.nodes[b]
                    .weight
                    .total_cmp(&self.nodes[a].weight)
                    .then(self.nodes[b].highlight.cmp(&self.nodes[a].highlight))
                    .then(a.cmp(&b))
            });
            for &i in ranked.iter().skip(top) {
                keep[i] = false;
            }
        }
        let mut linked = vec![false; self.nodes.len()];
        for e in &self.edges {
            if keep[e.source] && keep[e.target] && e.source != e.target {
                linked[e.source] = true;
                linked[e.target] = true;
            }
        }
        let has_edges = self.edges.iter().any(|e| keep[e.source] && keep[e.target]);
        for (i, k) in keep.iter_mut().enumerate() {
            // Works left alone after filtering say nothing about structure;
            // in a figure that never had edges, keep them all.
            if has_edges && !linked[i] && self.nodes[i].kind != NodeKind::Document {
                *k = false;
            }
        }
        let mut new_index = vec![usize::MAX; self.nodes.len()];
        let mut out = Figure {
            title: self.title.clone(),
            caption: self.caption.clone(),
            directed: self.directed,
            groups: self.groups.clone(),
            key: self.key.clone(),
            no_hulls: self.no_hulls,
            ..Figure::default()
        };
        for (i, n) in self.nodes.iter().enumerate() {
            if keep[i] {
                new_index[i] = out.nodes.len();
                out.nodes.push(n.clone());
            }
        }
        for e in &self.edges {
            if keep[e.source] && keep[e.target] {
                out.edges.push(Edge {
                    source: new_index[e.source],
                    target: new_index[e.target],
                    ..e.clone()
                });
            }
        }
        let dropped = self.nodes.len() - out.nodes.len();
        if dropped > 0 {
            let mut why = Vec::new();
            if let Some(m) = filter.min_weight {
                why.push(format!("cited fewer than {m} times"));
            }
            if let Some(t) = filter.top {
                why.push(format!("beyond the {t} most cited"));
            }
            let note = format!(
                "{} of {} nodes shown; {dropped} hidden ({})",
                out.nodes.len(),
                self.nodes.len(),
                if why.is_empty() {
                    "isolated".to_owned()
                } else {
                    why.join(", ") + ", or isolated"
                }
            );
            out.caption = if out.caption.is_empty() {
                note
            } else {
                format!("{}; {note}", out.caption)
            };
        }
        out
    }
}

impl Figure {
    /// A copy with at most `max_nodes` nodes, so any figure stays legible
    /// and quick to lay out: nodes are ranked by weight plus degree
    /// (documents by their degree), the best kept, edges between them kept.
    /// Returns the figure unchanged when it is small enough.
    pub fn capped(&self, max_nodes: usize) -> Figure {
        if self.nodes.len() <= max_nodes {
            return self.clone();
        }
        let mut degree = vec![0usize; self.nodes.len()];
        for e in &self.edges {
            degree[e.source] += 1;
            degree[e.target] += 1;
        }
        let score = |i: usize| -> f64 {
            let n = &self.nodes[i];
            let base = if n.kind == NodeKind::Document {
                0.0
            } else {
                n.weight
            };
            base + degree[i] as f64 + if n.highlight { 0.5 } else { 0.0 }
        };
        let mut ranked: Vec<usize> = (0..self.nodes.len()).collect();
        ranked.sort_by(|&a, &b| score(b).total_cmp(&score(a)).then(a.cmp(&b)));
        let keep: std::collections::HashSet<usize> = ranked.into_iter().take(max_nodes).collect();
        let mut new_index = vec![usize::MAX; self.nodes.len()];
        let mut out = Figure {
            title: self.title.clone(),
            directed: self.directed,
            groups: self.groups.clone(),
            key: self.key.clone(),
            no_hulls: self.no_hulls,
            ..Figure::default()
        };
        for (i, n) in self.nodes.iter().enumerate() {
            if keep.contains(&i) {
                new_index[i] = out.nodes.len();
                out.nodes.push(n.clone());
            }
        }
        for e in &self.edges {
            if keep.contains(&e.source) && keep.contains(&e.target) {
                out.edges.push(Edge {
                    source: new_index[e.source],
                    target: new_index[e.target],
                    ..e.clone()
                });
            }
        }
        let note = format!(
            "the {} most connected of {} nodes shown (use --top / --min-cited to choose)",
            out.nodes.len(),
            self.nodes.len()
        );
        out.caption = if self.caption.is_empty() {
            note
        } else {
            format!("{}; {note}", self.caption)
        };
        out
    }
}

/// Colours for groups, the Okabe–Ito palette (readable by people with colour
/// vision deficiencies, and in greyscale print), then a few more; group
/// `i` takes colour `i % len`.
pub const PALETTE: &[&str] = &[
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C6D31", "#7F7F7F",
    "#393B79", "#637939",
];

/// The colour of shared sources and the edges to them.
pub const HIGHLIGHT: &str = "#C0392B";

/// The colour of nodes in no group.
pub const UNGROUPED: &str = "#9A9A9A";

/// The fill colour of a node's group.
pub fn group_colour(group: Option<usize>) -> &'static str {
    group.map_or(UNGROUPED, |g| PALETTE[g % PALETTE.len()])
}

/// The radius of a node in SVG units (area grows with weight), also used
/// (in inches, / 72) for DOT.
pub fn node_radius(weight: f64) -> f64 {
    5.0 + 4.0 * weight.max(0.0).sqrt().min(8.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn star() -> Figure {
        let mut f = Figure::new("t");
        f.nodes.push(Node::new("d", "Doc", NodeKind::Document));
        for i in 0..5 {
            f.nodes.push(
                Node::new(format!("w{i}"), format!("W{i}"), NodeKind::Work)
                    .weighing(i as f64 + 1.0),
            );
            f.edges.push(Edge::new(0, i + 1));
        }
        f
    }

    #[test]
    fn top_keeps_most_cited_and_documents() {
        let f = star().filtered(&Filter {
            top: Some(2),
            ..Filter::default()
        });
        let labels: Vec<&str> = f.nodes.iter().map(|n| n.label.as_str()).collect();
        assert_eq!(labels, ["Doc", "W3", "W4"]);
        assert_eq!(f.edges.len(), 2);
        assert!(f.caption.contains("3 of 6"));
    }

    #[test]
    fn min_weight_drops_rarely_cited() {
        let f = star().filtered(&Filter {
            min_weight: Some(4),
            ..Filter::default()
        });
        assert_eq!(f.nodes.len(), 3);
        assert!(f.edges.iter().all(|e| e.source < 3 && e.target < 3));
    }
}
