//! The graph as two tables, `nodes.csv` and `edges.csv`, that DuckDB,
//! Polars, pandas and Spark read directly (RFC 4180, a header row, UTF-8).
//!
//! - `nodes.csv`: `id,kind,label,key` — one row per node; `id` is what
//!   the edges refer to ("d0", "w12"), `kind` is `document`, `work`,
//!   `person`, `organisation` or `venue`.
//! - `edges.csv`: `source,target,weight` — one row per edge; in a directed
//!   projection (citation, author-citation) source → target, in the others
//!   each pair once, lower node first.
//!
//! Text is written as it is, quoted where needed, except that a label or
//! key starting with `=`, `+`, `-` or `@` gets a leading apostrophe so a
//! spreadsheet opening the file does not run it as a formula (as the
//! report's CSV tables do).
//!
//! ```
//! use citemap::export::graph::tables;
//! use citemap::graph::{Node, NodeKind, Kind, Projection};
//! let mut graph = petgraph::Graph::new();
//! let d = graph.add_node(Node { id: "d0".into(), kind: NodeKind::Document, key: "a.md".into(), label: "A, \"quoted\"".into() });
//! let w = graph.add_node(Node { id: "w0".into(), kind: NodeKind::Work, key: "doi:10.1/x".into(), label: "=cmd".into() });
//! graph.add_edge(d, w, 2);
//! let p = Projection { kind: Kind::Citation, graph };
//! let (mut nodes, mut edges) = (Vec::new(), Vec::new());
//! tables::write_nodes(&p, &mut nodes).unwrap();
//! tables::write_edges(&p, &mut edges).unwrap();
//! assert_eq!(String::from_utf8(nodes).unwrap(),
//!     "id,kind,label,key\nd0,document,\"A, \"\"quoted\"\"\",a.md\nw0,work,'=cmd,doi:10.1/x\n");
//! assert_eq!(String::from_utf8(edges).unwrap(), "source,target,weight\nd0,w0,2\n");
//! ```

use crate::graph::Projection;
use petgraph::visit::EdgeRef;
use std::borrow::Cow;
use std::io::{self, Write};

/// The file names the tables are written under.
pub const NODES_FILE: &str = "nodes.csv";
/// See [`NODES_FILE`].
pub const EDGES_FILE: &str = "edges.csv";

/// Defuses a spreadsheet formula: a leading apostrophe before `=`, `+`,
/// `-` or `@` unless the text is a number.
fn defused(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@']) && text.parse::<f64>().is_err() {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

fn to_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// Writes `nodes.csv`: `id,kind,label,key`, one row per node in node order.
pub fn write_nodes<W: Write>(p: &Projection, out: W) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["id", "kind", "label", "key"])
        .map_err(to_io)?;
    for n in p.graph.node_weights() {
        w.write_record([
            n.id.as_str(),
            n.kind.name(),
            &defused(&n.label),
            &defused(&n.key),
        ])
        .map_err(to_io)?;
    }
    w.flush()
}

/// Writes `edges.csv`: `source,target,weight`, one row per edge in edge
/// order.
pub fn write_edges<W: Write>(p: &Projection, out: W) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["source", "target", "weight"])
        .map_err(to_io)?;
    for e in p.graph.edge_references() {
        let weight = e.weight().to_string();
        w.write_record([
            p.graph[e.source()].id.as_str(),
            p.graph[e.target()].id.as_str(),
            weight.as_str(),
        ])
        .map_err(to_io)?;
    }
    w.flush()
}

/// The Parquet file names, beside [`NODES_FILE`] and [`EDGES_FILE`].
#[cfg(feature = "parquet")]
pub const NODES_PARQUET: &str = "nodes.parquet";
/// See [`NODES_PARQUET`].
#[cfg(feature = "parquet")]
pub const EDGES_PARQUET: &str = "edges.parquet";

/// The same two tables as Parquet (cargo feature `parquet`): `nodes` with
/// string columns `id, kind, label, key` and `edges` with `source, target`
/// (strings) and `weight` (64-bit integer), one row group each,
/// uncompressed. Text is written as it is (no formula defusing: Parquet
/// is not opened by spreadsheets). Returns (nodes, edges) file contents.
#[cfg(feature = "parquet")]
pub fn to_parquet(p: &Projection) -> io::Result<(Vec<u8>, Vec<u8>)> {
    use ::parquet::data_type::{ByteArray, ByteArrayType, Int64Type};
    use ::parquet::file::properties::WriterProperties;
    use ::parquet::file::writer::SerializedFileWriter;
    use ::parquet::schema::parser::parse_message_type;
    use std::sync::Arc;

    fn err(e: ::parquet::errors::ParquetError) -> io::Error {
        io::Error::other(e.to_string())
    }
    enum Column {
        Text(Vec<ByteArray>),
        Integer(Vec<i64>),
    }
    fn write(schema: &str, columns: Vec<Column>) -> io::Result<Vec<u8>> {
        let schema = Arc::new(parse_message_type(schema).map_err(err)?);
        let props = Arc::new(WriterProperties::builder().build());
        let mut out = Vec::new();
        let mut writer = SerializedFileWriter::new(&mut out, schema, props).map_err(err)?;
        let mut group = writer.next_row_group().map_err(err)?;
        let mut columns = columns.into_iter();
        while let Some(mut column) = group.next_column().map_err(err)? {
            match columns.next() {
                Some(Column::Text(values)) => {
                    column
                        .typed::<ByteArrayType>()
                        .write_batch(&values, None, None)
                        .map_err(err)?;
                }
                Some(Column::Integer(values)) => {
                    column
                        .typed::<Int64Type>()
                        .write_batch(&values, None, None)
                        .map_err(err)?;
                }
                None => return Err(io::Error::other("more schema columns than data")),
            }
            column.close().map_err(err)?;
        }
        group.close().map_err(err)?;
        writer.close().map_err(err)?;
        Ok(out)
    }
    let text = |f: &dyn Fn(&crate::graph::Node) -> &str| {
        Column::Text(
            p.graph
                .node_weights()
                .map(|n| ByteArray::from(f(n).as_bytes().to_vec()))
                .collect(),
        )
    };
    let nodes = write(
        "message nodes { REQUIRED BINARY id (UTF8); REQUIRED BINARY kind (UTF8); \
         REQUIRED BINARY label (UTF8); REQUIRED BINARY key (UTF8); }",
        vec![
            text(&|n| &n.id),
            text(&|n| n.kind.name()),
            text(&|n| &n.label),
            text(&|n| &n.key),
        ],
    )?;
    let end = |source: bool| {
        Column::Text(
            p.graph
                .edge_references()
                .map(|e| {
                    let node = if source { e.source() } else { e.target() };
                    ByteArray::from(p.graph[node].id.as_bytes().to_vec())
                })
                .collect(),
        )
    };
    let weights = Column::Integer(
        p.graph
            .edge_references()
            .map(|e| i64::from(*e.weight()))
            .collect(),
    );
    let edges = write(
        "message edges { REQUIRED BINARY source (UTF8); REQUIRED BINARY target (UTF8); \
         REQUIRED INT64 weight; }",
        vec![end(true), end(false), weights],
    )?;
    Ok((nodes, edges))
}
