//! GraphML (<http://graphml.graphdrawing.org/>), readable by Gephi, yEd,
//! networkx and igraph.

use super::xml_safe;
use crate::graph::Projection;
use petgraph::visit::EdgeRef;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;
use std::io::{self, Write};

fn data<W: Write>(w: &mut Writer<W>, key: &str, value: &str) -> io::Result<()> {
    w.write_event(Event::Start(
        BytesStart::new("data").with_attributes([("key", key)]),
    ))?;
    w.write_event(Event::Text(BytesText::new(&xml_safe(value))))?;
    w.write_event(Event::End(BytesEnd::new("data")))
}

/// Writes the projection as GraphML.
pub fn write_graphml<W: Write>(p: &Projection, out: W) -> io::Result<()> {
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.write_event(Event::Start(BytesStart::new("graphml").with_attributes([
        ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
        ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        (
            "xsi:schemaLocation",
            "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
        ),
    ])))?;
    for (id, target, ty) in [
        ("label", "node", "string"),
        ("kind", "node", "string"),
        ("key", "node", "string"),
        ("weight", "edge", "double"),
    ] {
        w.write_event(Event::Empty(BytesStart::new("key").with_attributes([
            ("id", id),
            ("for", target),
            ("attr.name", id),
            ("attr.type", ty),
        ])))?;
    }
    let edgedefault = if p.directed() {
        "directed"
    } else {
        "undirected"
    };
    w.write_event(Event::Start(BytesStart::new("graph").with_attributes([
        ("id", p.kind.name()),
        ("edgedefault", edgedefault),
    ])))?;
    for n in p.graph.node_weights() {
        let nid = xml_safe(&n.id);
        w.write_event(Event::Start(
            BytesStart::new("node").with_attributes([("id", nid.as_ref())]),
        ))?;
        data(&mut w, "label", &n.label)?;
        data(&mut w, "kind", n.kind.name())?;
        data(&mut w, "key", &n.key)?;
        w.write_event(Event::End(BytesEnd::new("node")))?;
    }
    for (i, e) in p.graph.edge_references().enumerate() {
        let eid = format!("e{i}");
        let (a, b) = (
            xml_safe(&p.graph[e.source()].id),
            xml_safe(&p.graph[e.target()].id),
        );
        w.write_event(Event::Start(BytesStart::new("edge").with_attributes([
            ("id", eid.as_str()),
            ("source", a.as_ref()),
            ("target", b.as_ref()),
        ])))?;
        data(&mut w, "weight", &e.weight().to_string())?;
        w.write_event(Event::End(BytesEnd::new("edge")))?;
    }
    w.write_event(Event::End(BytesEnd::new("graph")))?;
    w.write_event(Event::End(BytesEnd::new("graphml")))?;
    w.into_inner().write_all(b"\n")
}

/// The projection as a GraphML string.
pub fn to_graphml(p: &Projection) -> String {
    let mut buf = Vec::new();
    write_graphml(p, &mut buf).expect("writing to a Vec cannot fail");
    String::from_utf8(buf).expect("quick-xml writes UTF-8")
}
