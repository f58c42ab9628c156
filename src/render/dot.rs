//! DOT output through graphviz-rust's DOT model: each group becomes a
//! `subgraph cluster_N` with its label, nodes are sized by weight and
//! coloured by group, shared sources and the edges to them are highlighted,
//! and the full reference is the tooltip.
//!
//! Every identifier and string is quoted and escaped here, because titles
//! come from user documents.

use super::{group_colour, node_radius, Figure, NodeKind, HIGHLIGHT};
use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph, GraphAttributes, Id, Node as DotNode, NodeId, Stmt,
    Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

/// DOT quoting, shared with the graph export so both escape alike:
/// backslashes and double quotes escaped, line breaks as DOT's `\n`, other
/// control characters dropped.
///
/// ```
/// assert_eq!(citemap::render::dot::quote("a \"b\"\\"), r#""a \"b\"\\""#);
/// ```
pub use crate::export::graph::dot::quote;

fn id(text: &str) -> Id {
    Id::Escaped(quote(text))
}

fn attr(key: &str, value: &str) -> Attribute {
    Attribute(Id::Plain(key.to_owned()), id(value))
}

/// The figure as a DOT graph (graphviz-rust's model), ready to print or run.
pub fn to_graph(figure: &Figure) -> Graph {
    let mut stmts: Vec<Stmt> = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("label", &caption(figure)),
            attr("labelloc", "t"),
            attr("fontname", "Helvetica"),
            attr("fontsize", "16"),
            attr("overlap", "prism"),
            attr("sep", "+28,10"),
            attr("splines", "true"),
            attr("outputorder", "edgesfirst"),
            attr("forcelabels", "true"),
            attr("rankdir", "LR"),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("fontname", "Helvetica"),
            attr("fontsize", "10"),
            attr("style", "filled"),
            attr("fontcolor", "#1A1A1A"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("color", "#00000040"),
            attr("arrowsize", "0.5"),
        ])),
    ];
    let mut grouped: Vec<Vec<Stmt>> = vec![Vec::new(); figure.groups.len()];
    for node in &figure.nodes {
        let stmt = Stmt::Node(node_stmt(node));
        match node.group.filter(|&g| g < grouped.len()) {
            Some(g) => grouped[g].push(stmt),
            None => stmts.push(stmt),
        }
    }
    for (g, members) in grouped.into_iter().enumerate() {
        if members.is_empty() {
            continue;
        }
        let mut body = vec![Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("label", &figure.groups[g].label),
            attr("style", "rounded,filled"),
            attr("color", group_colour(Some(g))),
            attr("fillcolor", &format!("{}14", group_colour(Some(g)))),
            attr("fontcolor", group_colour(Some(g))),
        ]))];
        body.extend(members);
        stmts.push(Stmt::Subgraph(Subgraph {
            id: Id::Plain(format!("cluster_{g}")),
            stmts: body,
        }));
    }
    for edge in &figure.edges {
        let (Some(a), Some(b)) = (figure.nodes.get(edge.source), figure.nodes.get(edge.target))
        else {
            continue;
        };
        let mut attributes = vec![attr(
            "penwidth",
            &format!("{:.2}", 0.6 + edge.weight.max(0.0).sqrt().min(4.0)),
        )];
        if edge.highlight {
            attributes.push(attr("color", HIGHLIGHT));
        }
        if edge.dashed {
            attributes.push(attr("style", "dashed"));
        }
        if edge.weight != 1.0 {
            attributes.push(attr("weight", &format!("{}", edge.weight)));
        }
        stmts.push(Stmt::Edge(DotEdge {
            ty: EdgeTy::Pair(
                Vertex::N(NodeId(id(&a.id), None)),
                Vertex::N(NodeId(id(&b.id), None)),
            ),
            attributes,
        }));
    }
    let graph_id = Id::Plain("citemap".to_owned());
    if figure.directed {
        Graph::DiGraph {
            id: graph_id,
            strict: false,
            stmts,
        }
    } else {
        Graph::Graph {
            id: graph_id,
            strict: false,
            stmts,
        }
    }
}

fn caption(figure: &Figure) -> String {
    if figure.caption.is_empty() {
        figure.title.clone()
    } else {
        format!("{}\n{}", figure.title, figure.caption)
    }
}

fn node_stmt(node: &super::Node) -> DotNode {
    let inches = 2.0 * node_radius(node.weight) / 72.0;
    let shape = match node.kind {
        NodeKind::Document => "box",
        NodeKind::Work => "circle",
        NodeKind::Source => "diamond",
    };
    let mut attributes = vec![
        attr("tooltip", &node.tooltip),
        attr("shape", shape),
        attr("color", if node.highlight { HIGHLIGHT } else { "#FFFFFF" }),
        attr("penwidth", if node.highlight { "3" } else { "1" }),
    ];
    if node.kind == NodeKind::Document {
        attributes.push(attr("label", &node.label));
        attributes.push(attr("style", "filled,rounded"));
        attributes.push(attr("fillcolor", group_colour(node.group)));
        attributes.push(attr("fontcolor", "#FFFFFF"));
    } else {
        // A fixed size keeps "sized by times cited" true; the label goes
        // outside (xlabel) so it does not inflate the circle.
        attributes.push(attr("label", ""));
        attributes.push(attr("xlabel", &node.label));
        attributes.push(attr("width", &format!("{inches:.2}")));
        attributes.push(attr("height", &format!("{inches:.2}")));
        attributes.push(attr("fixedsize", "true"));
        attributes.push(attr(
            "fillcolor",
            &format!("{}CC", group_colour(node.group)),
        ));
    }
    DotNode::new(NodeId(id(&node.id), None), attributes)
}

/// The figure as DOT text.
pub fn to_dot(figure: &Figure) -> String {
    let mut text = to_graph(figure).print(&mut PrinterContext::default());
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{Edge, Group, Node};

    #[test]
    fn hostile_titles_are_escaped() {
        let mut f = Figure::new("t \"x\"");
        f.groups.push(Group {
            label: "a\\b".into(),
        });
        f.nodes.push(
            Node::new("n\"1", "x } y", NodeKind::Work)
                .with_tooltip("line\nbreak \"q\"")
                .in_group(0),
        );
        f.nodes.push(Node::new("n2", "ok", NodeKind::Document));
        f.edges.push(Edge::new(1, 0));
        let dot = to_dot(&f);
        let parsed = graphviz_rust::parse(&dot).expect("DOT must parse back");
        let again = to_graph(&f);
        assert_eq!(
            parsed.print(&mut PrinterContext::default()),
            again.print(&mut PrinterContext::default())
        );
        assert!(dot.contains(r#""n\"1""#));
    }
}
