//! `graphs/` holds the output of the README's main command,
//! `citemap map references/ -o graphs/`. The output is deterministic, so this
//! test regenerates it and fails when any file differs: regenerate with that
//! command after changing anything that shows in the figures or the report.

use assert_cmd::Command;
use std::path::PathBuf;

#[test]
fn graphs_folder_is_up_to_date() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let graphs = root.join("graphs");
    if !graphs.is_dir() || !root.join("references").is_dir() {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("graphs/ or references/ missing (CI=true requires both)");
        }
        eprintln!("SKIP: graphs/ not generated yet (run: citemap map references/ -o graphs/)");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    // Run from the repository root with the same relative path as the
    // README, since paths appear in the report.
    let output = Command::cargo_bin("citemap")
        .unwrap()
        .current_dir(&root)
        .args(["map", "references/", "-o"])
        .arg(tmp.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let list = |dir: &std::path::Path| {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with('.'))
            .collect();
        names.sort();
        names
    };
    assert_eq!(
        list(&graphs),
        list(tmp.path()),
        "graphs/ has other files than the map writes"
    );
    let stale: Vec<String> = list(tmp.path())
        .into_iter()
        .filter(|name| {
            std::fs::read(graphs.join(name)).ok() != std::fs::read(tmp.path().join(name)).ok()
        })
        .collect();
    assert!(
        stale.is_empty(),
        "graphs/ is stale ({}): regenerate with `citemap map references/ -o graphs/`",
        stale.join(", ")
    );
}

#[test]
fn map_output_is_deterministic() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    if !root.join("references").is_dir() {
        eprintln!("SKIP: references/ not found");
        return;
    }
    let run = || {
        let tmp = tempfile::tempdir().unwrap();
        let output = Command::cargo_bin("citemap")
            .unwrap()
            .current_dir(&root)
            .args(["map", "references/", "-o"])
            .arg(tmp.path())
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        tmp
    };
    let (a, b) = (run(), run());
    for name in [
        "citation.svg",
        "cocitation.dot",
        "clusters.svg",
        "report.md",
        "report.json",
    ] {
        assert_eq!(
            std::fs::read(a.path().join(name)).unwrap(),
            std::fs::read(b.path().join(name)).unwrap(),
            "{name} differs between two runs"
        );
    }
}
