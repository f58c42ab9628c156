//! `citemap check` from the outside: output formats, exit codes, config,
//! and bad input.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/check")
        .join(name)
}

fn citemap() -> Command {
    let mut cmd = Command::cargo_bin("citemap").unwrap();
    // No stray ./citemap.toml from wherever the tests run.
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

#[test]
fn clean_paper_exits_zero() {
    citemap()
        .args(["check", "--color", "never"])
        .arg(fixture("clean-apa.md"))
        .assert()
        .code(0)
        .stdout(predicate::str::contains("0 errors, 0 warnings"));
}

#[test]
fn an_error_exits_one_with_the_span_underlined() {
    citemap()
        .args(["check", "--color", "never"])
        .arg(fixture("unresolved-citation.md"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[unresolved-citation]"))
        .stdout(predicate::str::contains("unresolved-citation.md:3:159"))
        .stdout(predicate::str::contains("^^^^^^^^^^^^^^^^^^^^^^"));
}

#[test]
fn warnings_pass_unless_denied() {
    let f = fixture("name-mismatch.md");
    citemap().arg("check").arg(&f).assert().code(0);
    citemap()
        .args(["check", "--deny", "warning", "--color", "never"])
        .arg(&f)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "help: Dyer-Witheford, Kjösen and Steinhoff",
        ));
    citemap()
        .args(["check", "--deny", "never"])
        .arg(fixture("unresolved-citation.md"))
        .assert()
        .code(0);
}

#[test]
fn json_has_the_documented_shape() {
    let out = citemap()
        .args(["check", "--format", "json"])
        .arg(fixture("broken-url.md"))
        .arg(fixture("clean-ieee.md"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    for key in ["path", "entries", "citations", "resolved", "problems"] {
        assert!(docs[0].get(key).is_some(), "{key}");
    }
    let p = &docs[0]["problems"][0];
    assert_eq!(p["kind"], "broken-url");
    assert_eq!(p["severity"], "warning");
    assert_eq!(p["line"], 7);
    assert!(p["column"].as_u64().unwrap() > 1);
    assert!(p["message"].is_string());
    assert_eq!(
        p["suggestion"],
        "https://news.microsoft.com/features/democratizing-ai/"
    );
    assert_eq!(v["summary"]["documents"], 2);
    assert_eq!(v["summary"]["warnings"], 1);
    assert_eq!(v["summary"]["by_kind"]["broken-url"], 1);
}

#[test]
fn silence_and_allow_name_flags() {
    citemap()
        .args(["check", "--deny", "warning", "--silence", "name-mismatch"])
        .arg(fixture("name-mismatch.md"))
        .assert()
        .code(0);
    citemap()
        .args(["check", "--deny", "warning"])
        .args([
            "--allow-name",
            "Dyer-Witthof",
            "--allow-name",
            "Kjosen",
            "--allow-name",
            "Steinhoff",
        ])
        .arg(fixture("name-mismatch.md"))
        .assert()
        .code(0);
}

#[test]
fn config_file_sets_deny_and_severity() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("citemap.toml");
    std::fs::write(
        &cfg,
        "deny = \"warning\"\n[severity]\nuncited-entry = \"error\"\n",
    )
    .unwrap();
    citemap()
        .args(["check", "--format", "json", "--config"])
        .arg(&cfg)
        .arg(fixture("uncited-entry.md"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\"severity\": \"error\""));
    // A citemap.toml in the working directory is read without --config.
    std::fs::write(&cfg, "silence = [\"uncited-entry\"]\n").unwrap();
    Command::cargo_bin("citemap")
        .unwrap()
        .current_dir(dir.path())
        .args(["check", "--deny", "warning"])
        .arg(fixture("uncited-entry.md"))
        .assert()
        .code(0);
}

#[test]
fn bad_input_exits_two_with_a_message() {
    citemap()
        .args(["check", "/no/such/paper.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/no/such/paper.txt"));
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("paper.pdf");
    std::fs::write(&bin, b"%PDF-1.7\n\x00\x01\x02\x03binary\x00\x00").unwrap();
    citemap()
        .arg("check")
        .arg(&bin)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("paper.pdf"));
    citemap()
        .args(["check", "--silence", "typo"])
        .arg(fixture("clean-apa.md"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown problem kind"));
    let cfg = dir.path().join("bad.toml");
    std::fs::write(&cfg, "deny = [").unwrap();
    citemap()
        .args(["check", "--config"])
        .arg(&cfg)
        .arg(fixture("clean-apa.md"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.toml"));
    citemap().args(["check"]).assert().code(2);
    citemap()
        .args(["check", "--format", "xml"])
        .arg(fixture("clean-apa.md"))
        .assert()
        .code(2);
}

#[test]
fn a_folder_is_checked_file_by_file() {
    let out = citemap()
        .args(["check", "--format", "json", "--deny", "never"])
        .arg(fixture(""))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["summary"]["documents"], 13);
}
