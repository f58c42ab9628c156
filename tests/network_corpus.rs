//! Resolution, shared sources and graphs on the real corpora: the built-in
//! `references/` (seed lists with front matter) and `../shared/seeds/`, run
//! through the real extraction and parser.

mod common;

use citemap::analyze::shared::{shared_sources, Level, SharedSource};
use citemap::export::graph::{gexf, graphml};
use citemap::graph::{project, Kind, Network};
use citemap::resolve::documents::head;
use citemap::resolve::{resolve, AgentKind, Options, Resolution};
use citemap::Document;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Extracts every document of a folder (its README is about the folder, not
/// one of its documents); also returns each document's opening text.
fn load(dir: &Path) -> (Vec<Document>, Vec<String>) {
    let found = citemap::input::collect(&[dir.to_owned()]);
    assert!(found.errors.is_empty(), "{:?}", found.errors);
    found
        .files
        .iter()
        .filter(|p| {
            !p.file_name()
                .unwrap()
                .to_string_lossy()
                .to_lowercase()
                .starts_with("readme")
        })
        .map(|p| {
            let source = citemap::input::load_path(p).expect("corpus files are readable");
            (
                citemap::extract::extract(&source),
                head(&source.text).to_owned(),
            )
        })
        .unzip()
}

fn references_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("references");
    dir.is_dir().then_some(dir)
}

fn run(dir: &Path) -> (Vec<Document>, Resolution) {
    let (docs, heads) = load(dir);
    let heads: Vec<&str> = heads.iter().map(String::as_str).collect();
    let res = resolve(&docs, &heads, &Options::default());
    (docs, res)
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

fn files_of(s: &SharedSource) -> Vec<&str> {
    let mut f: Vec<&str> = s.documents.iter().map(|c| file_name(&c.path)).collect();
    f.sort();
    f.dedup();
    f
}

/// The must-show results of the issue, on one corpus.
fn must_show(dir: &Path) {
    let (docs, res) = run(dir);
    let entries: usize = docs.iter().map(|d| d.entries.len()).sum();
    assert_eq!(entries, 113, "43 MLA + 70 IEEE entries");

    // 000 and 001 are one document; nothing else joins.
    let idx = |prefix: &str| {
        docs.iter()
            .position(|d| file_name(&d.path).starts_with(prefix))
            .unwrap()
    };
    assert_eq!(res.doc_node[idx("000")], res.doc_node[idx("001")]);
    assert_eq!(res.documents.len(), docs.len() - 1);

    let shared = shared_sources(&docs, &res, 2, &Level::ALL);
    for s in &shared {
        println!("{:<12} {:<40} {:?}", s.level.name(), s.label, files_of(s));
    }
    let find = |level: Level, needle: &str| -> &SharedSource {
        shared
            .iter()
            .find(|s| s.level == level && s.label.to_lowercase().contains(needle))
            .unwrap_or_else(|| panic!("no shared {level:?} {needle:?} in {shared:#?}"))
    };
    let microsoft = find(Level::Work, "democratizing ai");
    let files = files_of(microsoft);
    assert!(
        files[0].starts_with("000") && files[1].starts_with("004"),
        "{files:?}"
    );
    assert!(microsoft
        .documents
        .iter()
        .any(|c| c.entry.starts_with("Microsoft News Center.")));
    assert!(microsoft.documents.iter().any(|c| c
        .entry
        .starts_with("‘Democratizing AI: For Every Person and Organization’")));
    for org in ["hugging face", "meta", "google"] {
        let s = find(Level::Organisation, org);
        assert_eq!(files_of(s).len(), 2, "{s:#?}");
    }
    let wired = find(Level::Venue, "wired");
    assert!(wired.documents.iter().any(|c| c.entry.contains("*WIRED*")));
    assert!(wired.documents.iter().any(|c| c.entry.contains("Wired.")));
    // Only one work is shared by these documents.
    assert_eq!(shared.iter().filter(|s| s.level == Level::Work).count(), 1);
}

#[test]
fn must_show_on_references() {
    let Some(dir) = references_dir() else {
        eprintln!("SKIP: references/ not found");
        return;
    };
    must_show(&dir);
}

#[test]
fn must_show_on_seeds() {
    let Some(dir) = common::seeds_dir() else {
        return;
    };
    must_show(&dir);
}

/// Every merge, in file-name terms, as in tests/golden/merges.json.
fn merges(docs: &[Document], res: &Resolution) -> Vec<Value> {
    res.merges
        .iter()
        .map(|m| {
            let loc = |r: &citemap::resolve::EntryRef| file_name(&r.locator(docs)).to_owned();
            serde_json::json!({
                "a": loc(&m.a),
                "b": loc(&m.b),
                "rule": m.evidence.rule.name(),
                "a_entry": m.a.raw(docs),
                "b_entry": m.b.raw(docs),
            })
        })
        .collect()
}

fn golden(corpus: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/merges.json"
    ))
    .unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    v[corpus]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let mut m = m.clone();
            m.as_object_mut().unwrap().remove("checked");
            m
        })
        .collect()
}

fn check_golden(dir: &Path, corpus: &str) {
    let (docs, res) = run(dir);
    let got = merges(&docs, &res);
    println!("{}", serde_json::to_string_pretty(&got).unwrap());
    // People and organisations joined from different spellings, for the same hand check.
    for a in res.agents.iter().filter(|a| a.variants.len() > 1) {
        println!("{:?} {} <- {:?}", a.kind, a.label, a.variants);
    }
    assert_eq!(
        got,
        golden(corpus),
        "merges changed: check every one by hand, then update tests/golden/merges.json"
    );
}

#[test]
fn every_merge_on_references_is_hand_checked() {
    let Some(dir) = references_dir() else {
        eprintln!("SKIP: references/ not found");
        return;
    };
    check_golden(&dir, "references");
}

#[test]
fn every_merge_on_seeds_is_hand_checked() {
    let Some(dir) = common::seeds_dir() else {
        return;
    };
    check_golden(&dir, "seeds");
}

#[test]
fn people_and_organisations_join_only_spellings_of_one_name() {
    let Some(dir) = common::seeds_dir() else {
        return;
    };
    let (_, res) = run(&dir);
    for a in &res.agents {
        if a.kind == AgentKind::Person {
            // One family name per person.
            let families: std::collections::BTreeSet<String> = a
                .variants
                .iter()
                .map(|v| citemap::resolve::normalise::fold(v.rsplit(' ').next().unwrap_or(v)))
                .collect();
            assert_eq!(families.len(), 1, "{a:?}");
        }
    }
    let google = res.agents.iter().find(|a| a.key == "org:google").unwrap();
    assert!(
        google.variants.iter().any(|v| v == "Google AI"),
        "{google:?}"
    );
    assert!(
        google.variants.iter().any(|v| v == "Google Cloud"),
        "{google:?}"
    );
    assert!(
        google.variants.iter().any(|v| v == "Google Developers"),
        "{google:?}"
    );
}

#[test]
fn corpus_graphs_open_in_xml_parsers() {
    let Some(dir) = common::seeds_dir() else {
        return;
    };
    let (docs, res) = run(&dir);
    let net = Network::build(&res);
    for kind in [
        Kind::Citation,
        Kind::Cocitation,
        Kind::Coupling,
        Kind::Coauthor,
        Kind::AuthorCitation,
    ] {
        let p = project(&res, &docs, &net, kind);
        for text in [graphml::to_graphml(&p), gexf::to_gexf(&p)] {
            let xml = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{kind:?}: {e}"));
            let nodes = xml.descendants().filter(|n| n.has_tag_name("node")).count();
            assert_eq!(nodes, p.graph.node_count());
        }
    }
    // The citation graph: 4 document nodes, 112 works, 113 entries.
    let citation = project(&res, &docs, &net, Kind::Citation);
    assert_eq!(citation.graph.node_count(), 4 + 112);
    assert_eq!(citation.graph.edge_weights().sum::<u32>(), 113);
    // Coupling: only 000/001 and 004 share a reference.
    let coupling = project(&res, &docs, &net, Kind::Coupling);
    assert_eq!(
        coupling.graph.edge_weights().copied().collect::<Vec<_>>(),
        vec![1]
    );
}
