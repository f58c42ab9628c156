//! DOT through graphviz-rust's DOT model.

use crate::graph::{NodeKind, Projection};
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, Id, Node, NodeId, Stmt, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use petgraph::visit::EdgeRef;

/// A DOT double-quoted string holding `text` literally: backslashes and
/// quotes escaped, line breaks as `\n`, other control characters dropped.
///
/// ```
/// use citemap::export::graph::dot::quote;
/// assert_eq!(quote(r#"a "b" \c"#), r#""a \"b\" \\c""#);
/// ```
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn id(text: &str) -> Id {
    Id::Escaped(quote(text))
}

fn attr(name: &str, value: &str) -> Attribute {
    Attribute(Id::Plain(name.to_owned()), id(value))
}

fn shape(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Document => "box",
        NodeKind::Work => "ellipse",
        NodeKind::Person => "oval",
        NodeKind::Organisation => "hexagon",
        NodeKind::Venue => "diamond",
    }
}

/// The projection as a graphviz-rust DOT model.
pub fn to_model(p: &Projection) -> Graph {
    let mut stmts: Vec<Stmt> = Vec::with_capacity(p.graph.node_count() + p.graph.edge_count());
    for n in p.graph.node_weights() {
        stmts.push(Stmt::Node(Node::new(
            NodeId(id(&n.id), None),
            vec![
                attr("label", &n.label),
                attr("kind", n.kind.name()),
                attr("key", &n.key),
                attr("shape", shape(n.kind)),
            ],
        )));
    }
    for e in p.graph.edge_references() {
        let (a, b) = (&p.graph[e.source()].id, &p.graph[e.target()].id);
        stmts.push(Stmt::Edge(Edge {
            ty: EdgeTy::Pair(
                Vertex::N(NodeId(id(a), None)),
                Vertex::N(NodeId(id(b), None)),
            ),
            attributes: vec![attr("weight", &e.weight().to_string())],
        }));
    }
    let name = id(p.kind.name());
    if p.directed() {
        Graph::DiGraph {
            id: name,
            strict: false,
            stmts,
        }
    } else {
        Graph::Graph {
            id: name,
            strict: false,
            stmts,
        }
    }
}

/// The projection as DOT text.
pub fn to_dot(p: &Projection) -> String {
    let mut text = to_model(p).print(&mut PrinterContext::default());
    text.push('\n');
    text
}
