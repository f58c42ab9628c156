//! `citemap graph --format csv`: node and edge tables that data tools read,
//! and the loop back into `clusters --edges`.

mod common;

use assert_cmd::Command;
use std::collections::HashSet;
use std::path::Path;

fn citemap() -> Command {
    Command::cargo_bin("citemap").unwrap()
}

/// A title written to break out of CSV (commas, quotes, a line break) and
/// of the markup formats.
const EVIL: &str = "</script><script>alert(1)</script>, \"quoted\" ]]> & <b>bold</b>";

fn hostile_corpus(dir: &Path) {
    for (name, title, author, other) in [
        (
            "a.md",
            "A paper",
            "Lovelace, Ada",
            "Eubanks, Virginia. *Automating Inequality*. St. Martin's Press, 2018.",
        ),
        (
            "b.md",
            "Another paper",
            "Hopper, Grace",
            "Noble, Safiya Umoja. *Algorithms of Oppression*. NYU Press, 2018.",
        ),
    ] {
        let text = format!(
            "---\ntitle: {title}\nauthors: {author}\nyear: 2020\n---\n\nWorks cited\n\n- \
             Benjamin, Ruha. \"{EVIL}.\" *Race After Technology*, Polity, 2019.\n- {other}\n"
        );
        std::fs::write(dir.join(name), text).unwrap();
    }
}

fn read_table(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

#[test]
fn tables_have_headers_and_consistent_ids() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("in");
    std::fs::create_dir(&corpus).unwrap();
    hostile_corpus(&corpus);
    let out = tmp.path().join("tables");
    let run = citemap()
        .args(["graph", "--format", "csv", "-o"])
        .arg(&out)
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(String::from_utf8_lossy(&run.stderr).contains("wrote nodes.csv and edges.csv"));
    let (header, nodes) = read_table(&out.join("nodes.csv"));
    assert_eq!(header, ["id", "kind", "label", "key"]);
    let (header, edges) = read_table(&out.join("edges.csv"));
    assert_eq!(header, ["source", "target", "weight"]);
    // Two documents, three works; each document cites two.
    assert_eq!(nodes.len(), 5);
    assert_eq!(edges.len(), 4);
    let ids: HashSet<&str> = nodes.iter().map(|n| n[0].as_str()).collect();
    for e in &edges {
        assert!(
            ids.contains(e[0].as_str()) && ids.contains(e[1].as_str()),
            "{e:?}"
        );
        assert!(e[2].parse::<u32>().unwrap() >= 1);
    }
    // The hostile title survives as text, quotes and comma included.
    assert!(
        nodes.iter().any(
            |n| n[1] == "work" && n[2].contains("</script><script>alert(1)</script>, \"quoted")
        ),
        "{nodes:?}"
    );
    // The same graph, as JSON, has the same counts.
    let json = citemap()
        .args(["graph", "--format", "json"])
        .arg(&corpus)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["nodes"].as_array().unwrap().len(), nodes.len());
    assert_eq!(v["edges"].as_array().unwrap().len(), edges.len());
}

#[test]
fn csv_needs_a_folder() {
    let tmp = tempfile::tempdir().unwrap();
    hostile_corpus(tmp.path());
    let run = citemap()
        .args(["graph", "--format", "csv"])
        .arg(tmp.path())
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("--output DIR"));
    // A file where the folder should be: refused before any work.
    let file = tmp.path().join("a.md");
    let run = citemap()
        .args(["graph", "--format", "csv", "-o"])
        .arg(&file)
        .arg(tmp.path())
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("not a folder"));
}

#[test]
fn edges_csv_and_graphml_go_back_into_clusters() {
    let Some(corpus) = common::seeds_dir() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("tables");
    let run = citemap()
        .args(["graph", "--kind", "cocitation", "--format", "csv", "-o"])
        .arg(&out)
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let (_, edges) = read_table(&out.join("edges.csv"));
    let graphml = tmp.path().join("g.graphml");
    let run = citemap()
        .args(["graph", "--kind", "cocitation", "--format", "graphml", "-o"])
        .arg(&graphml)
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(run.status.success());
    let mut modularity = Vec::new();
    for input in [out.join("edges.csv"), graphml] {
        let run = citemap()
            .args(["clusters", "--format", "json", "--edges"])
            .arg(&input)
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
        assert_eq!(v["edges"].as_u64().unwrap() as usize, edges.len());
        assert!(v["clusters"].as_u64().unwrap() >= 2);
        modularity.push(v["modularity"].as_f64().unwrap());
    }
    // The files number the nodes differently (the GraphML also holds nodes
    // without edges), so the partitions may differ a little, not the
    // structure found.
    assert!(modularity.iter().all(|&q| q > 0.2), "{modularity:?}");
    assert!(
        (modularity[0] - modularity[1]).abs() < 0.05,
        "{modularity:?}"
    );
}

#[cfg(not(feature = "parquet"))]
#[test]
fn parquet_without_the_feature_says_how_to_get_it() {
    let tmp = tempfile::tempdir().unwrap();
    hostile_corpus(tmp.path());
    let run = citemap()
        .args(["graph", "--format", "parquet", "-o"])
        .arg(tmp.path().join("out"))
        .arg(tmp.path())
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("--features parquet"));
    assert!(!tmp.path().join("out").exists());
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_tables_read_back() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("in");
    std::fs::create_dir(&corpus).unwrap();
    hostile_corpus(&corpus);
    let out = tmp.path().join("tables");
    for format in ["csv", "parquet"] {
        let run = citemap()
            .args(["graph", "--format", format, "-o"])
            .arg(&out)
            .arg(&corpus)
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
    }
    let rows = |name: &str| -> Vec<Vec<String>> {
        let reader =
            SerializedFileReader::new(std::fs::File::open(out.join(name)).unwrap()).unwrap();
        reader
            .get_row_iter(None)
            .unwrap()
            .map(|row| {
                row.unwrap()
                    .get_column_iter()
                    .map(|(_, field)| field.to_string().trim_matches('"').to_owned())
                    .collect()
            })
            .collect()
    };
    let (_, csv_nodes) = read_table(&out.join("nodes.csv"));
    let (_, csv_edges) = read_table(&out.join("edges.csv"));
    let nodes = rows("nodes.parquet");
    let edges = rows("edges.parquet");
    assert_eq!(nodes.len(), csv_nodes.len());
    assert_eq!(edges, csv_edges);
    for (p, c) in nodes.iter().zip(&csv_nodes) {
        assert_eq!(p[0], c[0]);
        assert_eq!(p[1], c[1]);
    }
}
