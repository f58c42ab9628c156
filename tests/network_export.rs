//! Graph output checked with real parsers: GraphML and GEXF with roxmltree,
//! DOT with graphviz-rust's parser, JSON with serde_json. Labels are hostile
//! on purpose (quotes, angle brackets, ampersands, backslashes, control
//! characters, line breaks).

use citemap::export::graph::{dot, gexf, graphml, json};
use citemap::graph::{project, Kind, Network};
use citemap::resolve::{resolve, Options};
use citemap::{Date, Document, DocumentMeta, Entry, Outcome, Person, Reference, Span, Style};

const HOSTILE: &str =
    "Say \"hi\" <b>&amp; 'bye'</b> \\n back\\slash\u{0}\u{1b}\nnew line } ] -> --";

fn entry(title: &str, authors: &[&str], year: i32) -> Entry {
    Entry {
        span: Span::default(),
        label: None,
        marker: None,
        raw: format!("{title} raw").into(),
        style: Style::Mla,
        outcome: Outcome::Parsed {
            reference: Reference {
                title: Some(title.into()),
                authors: authors
                    .iter()
                    .map(|a| Person::new(*a, Some("A.")))
                    .collect(),
                container_title: Some(format!("Journal of {title}")),
                issued: Some(Date::year(year)),
                ..Reference::default()
            }
            .into(),
            confidence: 1.0,
        },
    }
}

fn corpus() -> Vec<Document> {
    let hostile_work = format!("{HOSTILE} a long enough title");
    let mk = |path: &str, entries: Vec<Entry>, authors: Vec<Person>| Document {
        path: path.into(),
        meta: DocumentMeta {
            title: Some(format!("{path} {HOSTILE}")),
            authors,
            ..DocumentMeta::default()
        },
        section: None,
        sections: Vec::new(),
        style: Style::Mla,
        entries,
        notes: vec![],
    };
    vec![
        mk(
            "a<&>\".txt",
            vec![
                entry(&hostile_work, &["O'Neil", "Smith"], 2016),
                entry(
                    "The Culture of Connectivity and Its Discontents",
                    &["van Dijck"],
                    2013,
                ),
            ],
            vec![Person::new("Writer", Some("Alice"))],
        ),
        mk(
            "b.txt",
            vec![
                entry(&hostile_work, &["O'Neil"], 2016),
                entry(
                    "The Culture of Connectivity and Its Discontents",
                    &["van Dijck"],
                    2013,
                ),
                entry("Something Else Entirely Different", &["Nobody"], 2001),
            ],
            vec![Person::new("Author", Some("Bob"))],
        ),
    ]
}

const KINDS: [Kind; 5] = [
    Kind::Citation,
    Kind::Cocitation,
    Kind::Coupling,
    Kind::Coauthor,
    Kind::AuthorCitation,
];

#[test]
fn projections_have_the_expected_shape() {
    let docs = corpus();
    let res = resolve(&docs, &[], &Options::default());
    assert_eq!(res.works.len(), 3, "{:#?}", res.merges);
    let net = Network::build(&res);
    let citation = project(&res, &docs, &net, Kind::Citation);
    assert_eq!(citation.graph.edge_count(), 5);
    let cocitation = project(&res, &docs, &net, Kind::Cocitation);
    let weights: Vec<u32> = cocitation.graph.edge_weights().copied().collect();
    // The two shared works are cited together twice; each with the third once.
    let mut sorted = weights.clone();
    sorted.sort();
    assert_eq!(sorted, vec![1, 1, 2]);
    let coupling = project(&res, &docs, &net, Kind::Coupling);
    assert_eq!(
        coupling.graph.edge_weights().copied().collect::<Vec<_>>(),
        vec![2]
    );
    let coauthor = project(&res, &docs, &net, Kind::Coauthor);
    assert_eq!(coauthor.graph.edge_count(), 1);
    let ac = project(&res, &docs, &net, Kind::AuthorCitation);
    // The shared work's authors are the fuller list (O'Neil, Smith):
    // Alice → O'Neil, Smith, van Dijck; Bob → O'Neil, Smith, van Dijck, Nobody.
    assert_eq!(ac.graph.edge_count(), 7);
}

#[test]
fn graphml_parses_and_keeps_labels() {
    let docs = corpus();
    let res = resolve(&docs, &[], &Options::default());
    let net = Network::build(&res);
    for kind in KINDS {
        let p = project(&res, &docs, &net, kind);
        let text = graphml::to_graphml(&p);
        let xml =
            roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{kind:?}: {e}\n{text}"));
        let root = xml.root_element();
        assert_eq!(root.tag_name().name(), "graphml");
        let nodes: Vec<_> = root
            .descendants()
            .filter(|n| n.has_tag_name("node"))
            .collect();
        let edges: Vec<_> = root
            .descendants()
            .filter(|n| n.has_tag_name("edge"))
            .collect();
        assert_eq!(nodes.len(), p.graph.node_count());
        assert_eq!(edges.len(), p.graph.edge_count());
        let ids: std::collections::HashSet<&str> =
            nodes.iter().filter_map(|n| n.attribute("id")).collect();
        for e in &edges {
            assert!(ids.contains(e.attribute("source").unwrap()));
            assert!(ids.contains(e.attribute("target").unwrap()));
        }
        if kind == Kind::Citation {
            let labels: Vec<&str> = root
                .descendants()
                .filter(|n| n.has_tag_name("data") && n.attribute("key") == Some("label"))
                .filter_map(|n| n.text())
                .collect();
            assert!(
                labels
                    .iter()
                    .any(|l| l.contains("Say \"hi\" <b>&amp; 'bye'</b>")),
                "{labels:#?}"
            );
        }
    }
}

#[test]
fn gexf_parses_with_weights() {
    let docs = corpus();
    let res = resolve(&docs, &[], &Options::default());
    let net = Network::build(&res);
    for kind in KINDS {
        let p = project(&res, &docs, &net, kind);
        let text = gexf::to_gexf(&p);
        let xml =
            roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{kind:?}: {e}\n{text}"));
        let root = xml.root_element();
        assert_eq!(root.tag_name().namespace(), Some("http://gexf.net/1.3"));
        let graph = root.children().find(|n| n.has_tag_name("graph")).unwrap();
        let expected = if p.directed() {
            "directed"
        } else {
            "undirected"
        };
        assert_eq!(graph.attribute("defaultedgetype"), Some(expected));
        let nodes = root
            .descendants()
            .filter(|n| n.has_tag_name("node"))
            .count();
        assert_eq!(nodes, p.graph.node_count());
        let weights: u32 = root
            .descendants()
            .filter(|n| n.has_tag_name("edge"))
            .map(|n| n.attribute("weight").unwrap().parse::<u32>().unwrap())
            .sum();
        assert_eq!(weights, p.graph.edge_weights().sum::<u32>());
    }
}

#[test]
fn dot_parses_back_with_escaped_labels() {
    use graphviz_rust::dot_structures::{Graph, Stmt};
    let docs = corpus();
    let res = resolve(&docs, &[], &Options::default());
    let net = Network::build(&res);
    for kind in KINDS {
        let p = project(&res, &docs, &net, kind);
        let text = dot::to_dot(&p);
        let parsed =
            graphviz_rust::parse(&text).unwrap_or_else(|e| panic!("{kind:?}: {e}\n{text}"));
        let stmts = match parsed {
            Graph::DiGraph { stmts, .. } => {
                assert!(p.directed());
                stmts
            }
            Graph::Graph { stmts, .. } => {
                assert!(!p.directed());
                stmts
            }
        };
        let nodes = stmts.iter().filter(|s| matches!(s, Stmt::Node(_))).count();
        let edges = stmts.iter().filter(|s| matches!(s, Stmt::Edge(_))).count();
        assert_eq!(nodes, p.graph.node_count(), "{text}");
        assert_eq!(edges, p.graph.edge_count(), "{text}");
        assert!(!text.contains('\u{0}') && !text.contains('\u{1b}'));
    }
}

#[test]
fn json_lists_merges_with_evidence() {
    let docs = corpus();
    let res = resolve(&docs, &[], &Options::default());
    let net = Network::build(&res);
    let p = project(&res, &docs, &net, Kind::Citation);
    let v: serde_json::Value = serde_json::from_str(&json::to_json(&p, &res, &docs)).unwrap();
    assert_eq!(v["kind"], "citation");
    assert_eq!(v["nodes"].as_array().unwrap().len(), p.graph.node_count());
    let merges = v["merges"].as_array().unwrap();
    assert_eq!(merges.len(), 2);
    for m in merges {
        assert_eq!(m["rule"], "title");
        assert!(m["score"].as_f64().unwrap() > 0.88);
        assert!(m["a"].as_str().unwrap().contains('#'));
    }
}
