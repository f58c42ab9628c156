//! `citemap map` shows progress by stage and a summary on a terminal, and
//! nothing but its one-line result when stderr is a pipe.

use assert_cmd::cargo::CommandCargoExt;
use std::path::PathBuf;
use std::process::Command;

fn references() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("references")
}

#[test]
fn piped_stderr_gets_one_line() {
    let tmp = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("citemap")
        .unwrap()
        .arg("map")
        .arg(references())
        .arg("-o")
        .arg(tmp.path().join("out"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(err.starts_with("citemap: wrote "), "{err}");
    assert!(!err.contains('\u{1b}'), "terminal codes in a pipe: {err:?}");
    assert!(out.stdout.is_empty());
}

#[test]
fn terminal_shows_stages_and_summary() {
    // util-linux `script` runs the command on a pseudo-terminal.
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: `script` (util-linux) is not installed");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("citemap");
    let command = format!(
        "{} map {} -o {}",
        bin.display(),
        references().display(),
        tmp.path().join("out").display()
    );
    let out = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let screen = String::from_utf8_lossy(&out.stdout);
    for stage in [
        "reading",
        "extracting",
        "resolving",
        "clustering",
        "drawing",
        "writing",
    ] {
        assert!(
            screen
                .lines()
                .any(|l| l.contains(stage) && l.contains(" s  ")),
            "no finished {stage} line in {screen}"
        );
    }
    for line in [
        "documents  4",
        "entries    113",
        "works      112",
        "clusters   2",
        "problems   ",
    ] {
        assert!(screen.contains(line), "no {line:?} in {screen}");
    }
    // Each cluster is listed by its label.
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(tmp.path().join("out/report.json")).unwrap())
            .unwrap();
    for cluster in report["clusters"]["clusters"].as_array().unwrap() {
        let label = cluster["label"].as_str().unwrap();
        assert!(screen.contains(label), "label {label:?} not in {screen}");
    }
}
