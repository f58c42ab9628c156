//! GEXF 1.3 (<https://gexf.net/>), Gephi's own format.

use super::xml_safe;
use crate::graph::Projection;
use petgraph::visit::EdgeRef;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, Event};
use quick_xml::Writer;
use std::io::{self, Write};

/// Writes the projection as GEXF 1.3, with node attributes `kind` and `key`
/// and edge weights.
pub fn write_gexf<W: Write>(p: &Projection, out: W) -> io::Result<()> {
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.write_event(Event::Start(BytesStart::new("gexf").with_attributes([
        ("xmlns", "http://gexf.net/1.3"),
        ("version", "1.3"),
    ])))?;
    w.write_event(Event::Start(BytesStart::new("meta")))?;
    w.write_event(Event::Start(BytesStart::new("creator")))?;
    w.write_event(Event::Text(quick_xml::events::BytesText::new("citemap")))?;
    w.write_event(Event::End(BytesEnd::new("creator")))?;
    w.write_event(Event::End(BytesEnd::new("meta")))?;
    let edgetype = if p.directed() {
        "directed"
    } else {
        "undirected"
    };
    w.write_event(Event::Start(
        BytesStart::new("graph")
            .with_attributes([("mode", "static"), ("defaultedgetype", edgetype)]),
    ))?;
    w.write_event(Event::Start(
        BytesStart::new("attributes").with_attributes([("class", "node")]),
    ))?;
    for (id, title) in [("0", "kind"), ("1", "key")] {
        w.write_event(Event::Empty(
            BytesStart::new("attribute").with_attributes([
                ("id", id),
                ("title", title),
                ("type", "string"),
            ]),
        ))?;
    }
    w.write_event(Event::End(BytesEnd::new("attributes")))?;
    w.write_event(Event::Start(BytesStart::new("nodes")))?;
    for n in p.graph.node_weights() {
        let (nid, label, key) = (xml_safe(&n.id), xml_safe(&n.label), xml_safe(&n.key));
        w.write_event(Event::Start(
            BytesStart::new("node")
                .with_attributes([("id", nid.as_ref()), ("label", label.as_ref())]),
        ))?;
        w.write_event(Event::Start(BytesStart::new("attvalues")))?;
        for (f, v) in [("0", n.kind.name()), ("1", key.as_ref())] {
            w.write_event(Event::Empty(
                BytesStart::new("attvalue").with_attributes([("for", f), ("value", v)]),
            ))?;
        }
        w.write_event(Event::End(BytesEnd::new("attvalues")))?;
        w.write_event(Event::End(BytesEnd::new("node")))?;
    }
    w.write_event(Event::End(BytesEnd::new("nodes")))?;
    w.write_event(Event::Start(BytesStart::new("edges")))?;
    for (i, e) in p.graph.edge_references().enumerate() {
        let (eid, weight) = (i.to_string(), e.weight().to_string());
        let (a, b) = (
            xml_safe(&p.graph[e.source()].id),
            xml_safe(&p.graph[e.target()].id),
        );
        w.write_event(Event::Empty(BytesStart::new("edge").with_attributes([
            ("id", eid.as_str()),
            ("source", a.as_ref()),
            ("target", b.as_ref()),
            ("weight", weight.as_str()),
        ])))?;
    }
    w.write_event(Event::End(BytesEnd::new("edges")))?;
    w.write_event(Event::End(BytesEnd::new("graph")))?;
    w.write_event(Event::End(BytesEnd::new("gexf")))?;
    w.into_inner().write_all(b"\n")
}

/// The projection as a GEXF string.
pub fn to_gexf(p: &Projection) -> String {
    let mut buf = Vec::new();
    write_gexf(p, &mut buf).expect("writing to a Vec cannot fail");
    String::from_utf8(buf).expect("quick-xml writes UTF-8")
}
