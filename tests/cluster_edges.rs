//! `citemap clusters --edges FILE` and the reader behind it
//! (`citemap::graph::edgelist`): graphs from elsewhere, clustered with the
//! same Leiden as the corpus.

use assert_cmd::Command;
use citemap::analyze::cluster::{leiden_csr, Config};
use citemap::graph::edgelist::{read, read_path, EdgeFormat, EdgeList, Limits};
use citemap::Error;
use serde_json::Value;
use std::collections::HashMap;

fn citemap() -> Command {
    Command::cargo_bin("citemap").unwrap()
}

/// Two 5-cliques ("a0".."a4", "b0".."b4") joined by one light edge.
fn two_cliques(delimiter: &str, header: bool) -> String {
    let mut s = String::from("# two communities\n");
    if header {
        s += &format!("source{delimiter}target{delimiter}weight\n");
    }
    for side in ["a", "b"] {
        for i in 0..5 {
            for j in i + 1..5 {
                s += &format!("{side}{i}{delimiter}{side}{j}{delimiter}2\n");
            }
        }
    }
    s += &format!("a0{delimiter}b0{delimiter}0.5\n");
    s
}

fn clusters_of(g: &EdgeList) -> HashMap<String, usize> {
    let p = leiden_csr(&g.to_csr(), &Config::default());
    g.ids.iter().cloned().zip(p.membership).collect()
}

fn assert_two_sides(map: &HashMap<String, usize>) {
    for i in 1..5 {
        assert_eq!(map[&format!("a{i}")], map["a0"]);
        assert_eq!(map[&format!("b{i}")], map["b0"]);
    }
    assert_ne!(map["a0"], map["b0"]);
}

fn malformed(err: Error) -> (usize, String) {
    match err {
        Error::Malformed { line, message, .. } => (line, message),
        other => panic!("expected a malformed-input error, got {other:?}"),
    }
}

#[test]
fn tsv_csv_and_spaces_give_the_two_cliques() {
    for (delimiter, format) in [
        ("\t", EdgeFormat::Tsv),
        (",", EdgeFormat::Csv),
        ("  ", EdgeFormat::Spaces),
    ] {
        for header in [false, true] {
            let text = two_cliques(delimiter, header);
            let g = read(text.as_bytes(), "g", &Limits::default()).unwrap();
            assert_eq!(g.format, Some(format));
            assert_eq!(g.node_count(), 10, "{format:?} header {header}");
            assert_eq!(g.edges.len(), 21);
            assert_eq!(g.edges[0], (0, 1, 2.0));
            assert_eq!(g.edges[20].2, 0.5);
            assert_two_sides(&clusters_of(&g));
        }
    }
}

#[test]
fn two_field_header_and_missing_weights() {
    let g = read(
        "from,to\nx,y\ny,z\n".as_bytes(),
        "g.csv",
        &Limits::default(),
    )
    .unwrap();
    assert_eq!(g.ids, ["x", "y", "z"]);
    assert_eq!(g.edges, [(0, 1, 1.0), (1, 2, 1.0)]);
}

#[test]
fn quoted_csv_ids_keep_their_commas() {
    let text = "\"Smith, J.\",\"Doe, A.\",3\n\"Doe, A.\",\"say \"\"hi\"\"\",1\n";
    let g = read(text.as_bytes(), "g.csv", &Limits::default()).unwrap();
    assert_eq!(g.ids, ["Smith, J.", "Doe, A.", "say \"hi\""]);
    assert_eq!(g.edges[0], (0, 1, 3.0));
}

#[test]
fn malformed_lines_are_named() {
    let cases: &[(&[u8], usize, &str)] = &[
        (b"a\tb\t1\nc\n", 2, "found 1 field"),
        (b"a\tb\t1\n# note\nc\td\tlots\n", 3, "not a number"),
        (b"a\tb\t1\nc\td\t-2\n", 2, "at least 0"),
        (b"a\tb\tNaN\n", 1, "finite"),
        (b"a\tb\t1\na\tb\t1\tx\n", 2, "found 4 field"),
        (b"a\tb\n\t b\n", 2, "empty node id"),
        (b"a\tb\n\n\nc\t\xff\n", 4, "UTF-8"),
    ];
    for &(text, line, message) in cases {
        let err = read(text, "bad.tsv", &Limits::default()).unwrap_err();
        let shown = err.to_string();
        assert!(shown.starts_with("bad.tsv:"), "{shown}");
        let (got_line, got) = malformed(err);
        assert_eq!(got_line, line, "{text:?}: {got}");
        assert!(got.contains(message), "{text:?}: {got}");
        assert!(shown.contains(&format!("bad.tsv:{line}:")), "{shown}");
    }
}

#[test]
fn hostile_input_is_refused_by_the_limits() {
    let limits = Limits {
        max_line_bytes: 1000,
        max_id_bytes: 10,
        max_nodes: 4,
        max_edges: 3,
    };
    // An endless line (no newline at all) stops at the line limit, at line 2.
    let long = format!("a\tb\n{}", "x".repeat(100_000));
    let (line, message) = malformed(read(long.as_bytes(), "g", &limits).unwrap_err());
    assert_eq!(line, 2);
    assert!(message.contains("longer than 1000 bytes"), "{message}");
    let (line, message) =
        malformed(read("a\tb\nthis-id-is-too-long\tb\n".as_bytes(), "g", &limits).unwrap_err());
    assert_eq!((line, message.contains("longer than 10")), (2, true));
    let (line, message) =
        malformed(read("a\tb\nc\td\ne\tf\n".as_bytes(), "g", &limits).unwrap_err());
    assert_eq!((line, message.contains("more than 4 nodes")), (3, true));
    let (line, message) =
        malformed(read("a\tb\na\tb\na\tb\na\tb\n".as_bytes(), "g", &limits).unwrap_err());
    assert_eq!((line, message.contains("more than 3 edges")), (4, true));
    // An XML token without end stops at the same limit.
    let xml = format!("<graphml><graph><node id=\"{}", "y".repeat(100_000));
    let (_, message) = malformed(read(xml.as_bytes(), "g.graphml", &limits).unwrap_err());
    assert!(message.contains("longer than 1000 bytes"), "{message}");
}

#[test]
fn arbitrary_bytes_never_panic() {
    // A cheap deterministic fuzz: damaged edge lists and GraphML.
    let seeds = [
        two_cliques("\t", true),
        two_cliques(",", false),
        GRAPHML.to_owned(),
    ];
    let mut state = 0x2545_f491_4f6c_dd1du64;
    for seed in &seeds {
        for _ in 0..300 {
            let mut bytes = seed.as_bytes().to_vec();
            for _ in 0..4 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let at = (state as usize) % bytes.len();
                match state % 3 {
                    0 => bytes[at] = (state >> 32) as u8,
                    1 => bytes.truncate(at),
                    _ => bytes.insert(at, b"\"<>&\t,\n#"[(state >> 40) as usize % 8]),
                }
                if bytes.is_empty() {
                    break;
                }
            }
            let _ = read(&bytes[..], "fuzz", &Limits::default());
        }
    }
}

const GRAPHML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="label" attr.type="string"/>
  <key id="w" for="edge" attr.name="weight" attr.type="double"/>
  <graph id="G" edgedefault="undirected">
    <node id="a&amp;0"><data key="d0">A &lt;zero&gt;</data></node>
    <node id="a1"/>
    <node id="a2"/>
    <node id="&lt;/script&gt;b0"/>
    <node id="b1"/>
    <node id="b2"/>
    <node id="lonely"/>
    <edge source="a&amp;0" target="a1"><data key="w">3</data></edge>
    <edge source="a1" target="a2"><data key="w">3</data></edge>
    <edge source="a2" target="a&amp;0"><data key="w">3</data></edge>
    <edge source="&lt;/script&gt;b0" target="b1"><data key="w">3</data></edge>
    <edge source="b1" target="b2"/>
    <edge source="b2" target="&lt;/script&gt;b0">
      <data key="w">2.5</data>
    </edge>
    <edge source="a&amp;0" target="&#x3C;/script&gt;b0"><data key="w">0.25</data></edge>
  </graph>
</graphml>
"#;

#[test]
fn graphml_ids_are_unescaped_and_weights_read() {
    let g = read(GRAPHML.as_bytes(), "g.graphml", &Limits::default()).unwrap();
    assert_eq!(g.format, Some(EdgeFormat::GraphMl));
    assert_eq!(
        g.ids,
        ["a&0", "a1", "a2", "</script>b0", "b1", "b2", "lonely"]
    );
    let weights: Vec<f64> = g.edges.iter().map(|e| e.2).collect();
    assert_eq!(weights, [3.0, 3.0, 3.0, 3.0, 1.0, 2.5, 0.25]);
    assert_eq!(g.edges[6], (0, 3, 0.25));
    let map = clusters_of(&g);
    assert_eq!(map["a1"], map["a&0"]);
    assert_eq!(map["a2"], map["a&0"]);
    assert_eq!(map["b1"], map["</script>b0"]);
    assert_ne!(map["a&0"], map["b1"]);
    // A node without edges is its own cluster.
    assert_ne!(map["lonely"], map["a1"]);
    assert_ne!(map["lonely"], map["b1"]);
}

#[test]
fn graphml_errors_name_the_line() {
    let cases: &[(&str, usize, &str)] = &[
        (
            "<graphml>\n<graph>\n<node/>\n</graph></graphml>",
            3,
            "without an id",
        ),
        (
            "<graphml>\n<key id=\"w\" for=\"edge\" attr.name=\"weight\"/>\n<graph>\n<edge source=\"a\" target=\"b\">\n<data key=\"w\">heavy</data></edge></graph></graphml>",
            5,
            "not a number",
        ),
        (
            "<graphml>\n<graph>\n<edge source=\"a\"/>\n</graph></graphml>",
            3,
            "without a target",
        ),
        (
            "<graphml>\n<graph>\n<node id=\"a&bogus;\"/>\n</graph></graphml>",
            3,
            "",
        ),
        (
            "<graphml>\n<graph>\n<node id=\"a\">\n</graph></graphml>",
            4,
            "malformed XML",
        ),
        (
            "<!DOCTYPE x [<!ENTITY a \"b\">]>\n<graphml/>",
            1,
            "DOCTYPE",
        ),
    ];
    for &(text, line, message) in cases {
        let err = read(text.as_bytes(), "bad.graphml", &Limits::default()).unwrap_err();
        let (got_line, got) = malformed(err);
        assert_eq!(got_line, line, "{text}: {got}");
        assert!(got.contains(message), "{text}: {got}");
    }
}

#[test]
fn missing_file_is_not_found() {
    let err = read_path(
        std::path::Path::new("/nonexistent/graph.tsv"),
        &Limits::default(),
    )
    .unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
}

#[test]
fn command_prints_the_summary_and_writes_tsv() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("g.tsv");
    std::fs::write(&input, two_cliques("\t", true)).unwrap();
    let table = dir.path().join("clusters.tsv");
    let out = citemap()
        .args(["clusters", "--edges"])
        .arg(&input)
        .arg("-o")
        .arg(&table)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("10 nodes, 21 edges (TSV edge list): 2 clusters, modularity 0.4"),
        "{text}"
    );
    assert!(
        text.contains("load ") && text.contains(" s, run "),
        "{text}"
    );
    assert!(text.contains("largest clusters: 5, 5"), "{text}");
    let written = std::fs::read_to_string(&table).unwrap();
    let mut lines = written.lines();
    assert_eq!(lines.next(), Some("node\tcluster"));
    let map: HashMap<String, usize> = lines
        .map(|l| {
            let (id, c) = l.split_once('\t').unwrap();
            (id.to_owned(), c.parse().unwrap())
        })
        .collect();
    assert_eq!(map.len(), 10);
    assert_two_sides(&map);

    // --format tsv: the table on stdout, the summary on stderr.
    let out = citemap()
        .args(["clusters", "--format", "tsv", "--edges"])
        .arg(&input)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), written);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("2 clusters, modularity"), "{err}");
}

#[test]
fn command_json_has_summary_and_membership() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("g.graphml");
    std::fs::write(&input, GRAPHML).unwrap();
    let out = citemap()
        .args([
            "clusters",
            "--format",
            "json",
            "--seed",
            "3",
            "--resolution",
            "1.0",
            "--edges",
        ])
        .arg(&input)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["nodes"], 7);
    assert_eq!(v["edges"], 7);
    assert_eq!(v["format"], "GraphML");
    assert_eq!(v["seed"], 3);
    assert_eq!(v["clusters"], 3);
    assert!(v["modularity"].as_f64().unwrap() > 0.3);
    assert!(v["load_seconds"].as_f64().is_some() && v["run_seconds"].as_f64().is_some());
    assert_eq!(v["sizes"], serde_json::json!([3, 3, 1]));
    let m = v["membership"].as_object().unwrap();
    assert_eq!(m.len(), 7);
    assert_eq!(m["</script>b0"], m["b1"]);
    assert_eq!(m["a&0"], m["a2"]);
}

#[test]
fn command_errors_are_clear() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("bad.csv");
    std::fs::write(&input, "a,b,1\nc,d,x\n").unwrap();
    let out = citemap()
        .args(["clusters", "--edges"])
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("bad.csv:2:"), "{err}");
    assert!(err.contains("\"x\" is not a number"), "{err}");
    // Neither paths nor --edges; both; dot with --edges.
    let out = citemap().arg("clusters").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = citemap()
        .args(["clusters", "references", "--edges"])
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    std::fs::write(&input, "a,b\n").unwrap();
    let out = citemap()
        .args(["clusters", "--format", "dot", "--edges"])
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("with --edges use"));
    // Options that shape a corpus's network are refused, not ignored.
    let out = citemap()
        .args(["clusters", "--top", "5", "--kind", "coupling", "--edges"])
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--top, --kind shape"), "{err}");
    // --seed and --resolution are the ones that apply.
    let out = citemap()
        .args(["clusters", "--seed", "3", "--resolution", "0.5", "--edges"])
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}
