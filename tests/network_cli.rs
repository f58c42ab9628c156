//! The `graph` and `shared` subcommands, run as a user runs them.

mod common;

use assert_cmd::Command;
use serde_json::Value;

fn citemap() -> Command {
    Command::cargo_bin("citemap").unwrap()
}

#[test]
fn shared_json_has_the_documented_shape() {
    let Some(dir) = common::seeds_dir() else {
        return;
    };
    let out = citemap()
        .args(["shared", "--format", "json"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let items = v.as_array().unwrap();
    assert!(!items.is_empty());
    for item in items {
        for field in ["level", "label", "key"] {
            assert!(item[field].is_string(), "{item}");
        }
        let docs = item["documents"].as_array().unwrap();
        assert!(docs.len() >= 2);
        for d in docs {
            assert!(d["path"].is_string() && d["entry"].is_string(), "{d}");
        }
    }
    let work = items.iter().find(|i| i["level"] == "work").unwrap();
    assert_eq!(work["evidence"][0]["rule"], "url");
}

#[test]
fn shared_levels_filter_and_min_docs() {
    let Some(dir) = common::seeds_dir() else {
        return;
    };
    let out = citemap()
        .args(["shared", "--level", "venue", "--format", "json"])
        .arg(&dir)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.as_array().unwrap().iter().all(|i| i["level"] == "venue"));
    let out = citemap()
        .args(["shared", "--min-docs", "3", "--format", "json"])
        .arg(&dir)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v.as_array().unwrap().len(),
        0,
        "no source is shared by three documents"
    );
    let out = citemap()
        .args(["shared", "--level", "author"])
        .arg(&dir)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("organisation Google"), "{text}");
}

#[test]
fn graph_formats_parse() {
    let Some(dir) = common::seeds_dir() else {
        return;
    };
    for kind in [
        "citation",
        "cocitation",
        "coupling",
        "coauthor",
        "author-citation",
    ] {
        let run = |format: &str| {
            let out = citemap()
                .args(["graph", "--kind", kind, "--format", format])
                .arg(&dir)
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{kind} {format}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8(out.stdout).unwrap()
        };
        roxmltree::Document::parse(&run("graphml")).unwrap();
        roxmltree::Document::parse(&run("gexf")).unwrap();
        graphviz_rust::parse(&run("dot")).unwrap();
        let v: Value = serde_json::from_str(&run("json")).unwrap();
        assert_eq!(v["kind"], kind);
        assert_eq!(v["merges"].as_array().unwrap().len(), 1);
    }
}

#[test]
fn bad_paths_and_overrides_fail_with_exit_2() {
    let out = citemap()
        .args(["graph", "/nonexistent/corpus"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let Some(dir) = common::seeds_dir() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("o.toml");
    std::fs::write(&bad, "[[same]]\na = 1\n").unwrap();
    let out = citemap()
        .args(["shared", "--overrides"])
        .arg(&bad)
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("o.toml"));
}

#[test]
fn overrides_file_separates_the_microsoft_entries() {
    let Some(dir) = common::seeds_dir() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("o.toml");
    std::fs::write(
        &file,
        "[[different]]\na = \"000_0ec77c7fb2aeeec9.txt#26\"\nb = \"004_623c6ea9a2a02abb.txt#3\"\n",
    )
    .unwrap();
    let out = citemap()
        .args([
            "shared",
            "--level",
            "work",
            "--format",
            "json",
            "--overrides",
        ])
        .arg(&file)
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 0, "{v}");
}
