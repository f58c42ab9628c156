//! JSON: nodes, weighted edges, and the evidence of every merge so a user
//! can audit resolution.

use crate::graph::{Node, Projection};
use crate::model::Document;
use crate::resolve::{Agent, DocNode, Evidence, Resolution};
use petgraph::visit::EdgeRef;
use serde::Serialize;

/// One edge in JSON.
#[derive(Debug, Clone, Serialize)]
pub struct JsonEdge<'a> {
    /// Source node id.
    pub source: &'a str,
    /// Target node id.
    pub target: &'a str,
    /// Count.
    pub weight: u32,
}

/// One work merge in JSON: the two entries ("PATH#N"), their text, and why.
#[derive(Debug, Clone, Serialize)]
pub struct JsonMerge<'a> {
    /// One entry.
    pub a: String,
    /// The other.
    pub b: String,
    /// The first entry's text.
    pub a_entry: &'a str,
    /// The second entry's text.
    pub b_entry: &'a str,
    /// Why.
    #[serde(flatten)]
    pub evidence: Evidence,
}

/// A document node that joins several files or is a cited work.
#[derive(Debug, Clone, Serialize)]
pub struct JsonDocument<'a> {
    /// The node's key.
    pub key: &'a str,
    /// The files.
    pub files: Vec<&'a str>,
    /// How they were joined.
    pub evidence: &'a [Evidence],
}

/// The JSON document.
#[derive(Debug, Clone, Serialize)]
pub struct JsonGraph<'a> {
    /// The projection's name.
    pub kind: &'static str,
    /// Whether edges have a direction.
    pub directed: bool,
    /// Nodes.
    pub nodes: Vec<&'a Node>,
    /// Edges.
    pub edges: Vec<JsonEdge<'a>>,
    /// Every work merge with its evidence.
    pub merges: Vec<JsonMerge<'a>>,
    /// Document nodes with evidence.
    pub documents: Vec<JsonDocument<'a>>,
    /// People and organisation families met under more than one spelling,
    /// with the spellings and the evidence.
    pub names: Vec<&'a Agent>,
    /// Notes from resolution.
    pub notes: &'a [String],
}

/// Assembles the JSON document of a projection and its resolution.
pub fn to_json_value<'a>(
    p: &'a Projection,
    res: &'a Resolution,
    docs: &'a [Document],
) -> JsonGraph<'a> {
    let nodes = p.graph.node_weights().collect();
    let edges = p
        .graph
        .edge_references()
        .map(|e| JsonEdge {
            source: &p.graph[e.source()].id,
            target: &p.graph[e.target()].id,
            weight: *e.weight(),
        })
        .collect();
    let merges = res
        .merges
        .iter()
        .map(|m| JsonMerge {
            a: m.a.locator(docs),
            b: m.b.locator(docs),
            a_entry: m.a.raw(docs),
            b_entry: m.b.raw(docs),
            evidence: m.evidence,
        })
        .collect();
    let documents = res
        .documents
        .iter()
        .filter(|d: &&DocNode| !d.evidence.is_empty())
        .map(|d| JsonDocument {
            key: &d.key,
            files: d
                .files
                .iter()
                .map(|&f| docs[f as usize].path.as_str())
                .collect(),
            evidence: &d.evidence,
        })
        .collect();
    let names = res.agents.iter().filter(|a| a.variants.len() > 1).collect();
    JsonGraph {
        kind: p.kind.name(),
        directed: p.directed(),
        nodes,
        edges,
        merges,
        documents,
        names,
        notes: &res.notes,
    }
}

/// The projection as pretty JSON text.
pub fn to_json(p: &Projection, res: &Resolution, docs: &[Document]) -> String {
    let mut s = serde_json::to_string_pretty(&to_json_value(p, res, docs))
        .expect("the JSON model has only string keys");
    s.push('\n');
    s
}
