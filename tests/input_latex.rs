//! A LaTeX draft with its .bib: the cited entries are its works-cited list,
//! and `check` reports what checkcites and biber report, each problem in the
//! file and line it stands in. Every check kind that applies to LaTeX fires.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeSet;

fn citemap() -> Command {
    Command::cargo_bin("citemap").unwrap()
}

/// Runs `citemap ARGS PATH` and reads its standard output as JSON.
fn json_of(args: &[&str], path: &std::path::Path) -> Value {
    let out = citemap().args(args).arg(path).output().unwrap();
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
}

const TEX: &str = r"\documentclass{article}
\usepackage[style=authoryear]{biblatex}
\addbibresource{refs.bib}
\bibliography{extra,missing}
\begin{document}
% \cite{commented_out}
As \textcite{knuth84} showed, and \citet{lamport94} after him
\citep[see][p.~4]{knuth84, lamprot94}. \autocite{noble18}
\parencite*{extra1} \nocite{webonly}
\end{document}
";

const REFS: &str = r"@article{knuth84,
  author = {Knuth, Donald E.},
  title = {Literate Programming},
  journal = {The Computer Journal},
  year = {1984}, volume = {27}, pages = {97--111},
  doi = {10.1093/comjnl/27.2.97},
}

@book{lamport94,
  author = {Lamport, Leslie},
  title = {{\LaTeX}: A Document Preparation System},
  year = {1994},
}

@book{noble18,
  author = {Noble, Safiya Umoja},
  title = {Algorithms of Oppression},
  publisher = {NYU Press}, year = {2018},
}

@misc{never,
  author = {Nobody, A.},
  title = {Never Cited},
  year = {2001},
}

@online{webonly,
  title = {A Page},
  url = {https://example.org/page},
  urldate = {2024-01-02},
  doi = {doi:not-a-doi},
}
";

const EXTRA: &str = r"@article{extra1,
  author = {Doe, Jane},
  title = {Extra},
  journal = {J}, year = {2020}, volume = {1},
}
@book{knuth84,
  author = {Knuth, Donald E.},
  title = {Duplicate key},
  publisher = {AW}, year = {1984},
}
";

fn draft() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("paper")).unwrap();
    std::fs::write(dir.path().join("paper/draft.tex"), TEX).unwrap();
    std::fs::write(dir.path().join("paper/refs.bib"), REFS).unwrap();
    std::fs::write(dir.path().join("paper/extra.bib"), EXTRA).unwrap();
    dir
}

#[test]
fn extract_takes_the_cited_entries_of_the_bib() {
    let dir = draft();
    let out = citemap()
        .args(["extract", "--format", "json"])
        .arg(dir.path().join("paper/draft.tex"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let entries = v[0]["entries"].as_array().unwrap();
    let keys: Vec<&str> = entries
        .iter()
        .map(|e| e["label"].as_str().unwrap())
        .collect();
    // Library order, each key once, uncited `never` left out.
    assert_eq!(
        keys,
        ["knuth84", "lamport94", "noble18", "webonly", "extra1"]
    );
    assert!(entries[0]["span"]["path"]
        .as_str()
        .unwrap()
        .ends_with("refs.bib"));
    assert_eq!(entries[2]["span"]["line"], 15);
    assert_eq!(entries[0]["outcome"]["reference"]["pages"], "97-111");
    let notes = v[0]["notes"].as_array().unwrap();
    assert!(
        notes
            .iter()
            .any(|n| n.as_str().unwrap().contains("missing.bib")),
        "{notes:?}"
    );
}

#[test]
fn nocite_star_takes_every_entry() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("d.tex"),
        "\\documentclass{article}\n\\nocite{*}\n\\bibliography{refs}\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("refs.bib"), REFS).unwrap();
    let v = json_of(&["extract", "--format", "json"], &dir.path().join("d.tex"));
    assert_eq!(v[0]["entries"].as_array().unwrap().len(), 5);
}

#[test]
fn check_reports_every_latex_kind_with_file_and_line() {
    let dir = draft();
    let out = citemap()
        .args(["check", "--format", "json"])
        .arg(dir.path().join("paper/draft.tex"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut found = BTreeSet::new();
    for doc in v["documents"].as_array().unwrap() {
        let file = std::path::Path::new(doc["path"].as_str().unwrap())
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        for p in doc["problems"].as_array().unwrap() {
            found.insert((
                p["kind"].as_str().unwrap().to_owned(),
                file.clone(),
                p["line"].as_u64().unwrap(),
                p["text"].as_str().unwrap().to_owned(),
            ));
        }
    }
    let expect = |kind: &str, file: &str, line: u64, text: &str| {
        assert!(
            found.contains(&(kind.into(), file.into(), line, text.into())),
            "{kind} {file}:{line} {text} not in {found:#?}"
        );
    };
    expect("unresolved-citation", "draft.tex", 8, "lamprot94");
    expect("no-references", "draft.tex", 4, "missing.bib");
    expect("uncited-entry", "refs.bib", 21, "never");
    expect("missing-field", "refs.bib", 9, "lamport94");
    expect("invalid-doi", "refs.bib", 27, "doi:not-a-doi");
    expect("duplicate-entry", "extra.bib", 6, "knuth84");
    // Nothing else: the commented-out key, \nocite'd and cited keys are fine.
    assert_eq!(found.len(), 6, "{found:#?}");
    let human = citemap()
        .args(["check", "--color", "never"])
        .arg(dir.path().join("paper/draft.tex"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(text.contains("draft.tex:8:"), "{text}");
    assert!(text.contains("did you mean lamport94?"), "{text}");
}

#[test]
fn a_draft_without_any_library_reports_no_references() {
    let dir = tempfile::tempdir().unwrap();
    let tex = dir.path().join("d.tex");
    std::fs::write(
        &tex,
        "\\documentclass{article}\nSee \\cite{x}.\n\\bibliography{gone}\n",
    )
    .unwrap();
    let v = json_of(&["check", "--format", "json"], &tex);
    let p = &v["documents"][0]["problems"][0];
    assert_eq!(p["kind"], "no-references");
    assert_eq!(p["line"], 3);
}

/// A paper in proceedings written as BibTeX does it: the paper names its
/// proceedings with `crossref` and inherits their title, editor, publisher
/// and year.
#[test]
fn crossref_entries_inherit_their_parents_fields_and_use_them() {
    let dir = tempfile::tempdir().unwrap();
    let tex = dir.path().join("d.tex");
    std::fs::write(
        &tex,
        "\\documentclass{article}\nAs \\cite{smith2020} shows.\n\\bibliography{refs}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("refs.bib"),
        "@inproceedings{smith2020,\n  author = {Smith, Jane},\n  title = {Tracing Citations},\n  \
         crossref = {conf2020},\n  pages = {10--20},\n}\n\n\
         @proceedings{conf2020,\n  title = {Proceedings of the Conference on Citation Maps},\n  \
         editor = {Lee, Ann},\n  publisher = {ACM},\n  year = {2020},\n}\n",
    )
    .unwrap();
    // The paper has its container and year from the proceedings, so
    // nothing is missing, and the proceedings are used, not uncited.
    let v = json_of(&["check", "--format", "json"], &tex);
    let problems: Vec<&Value> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["problems"].as_array().unwrap())
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
    let items = json_of(
        &["extract", "--format", "csl-json"],
        &dir.path().join("refs.bib"),
    );
    let paper = &items[0];
    assert_eq!(
        paper["container-title"],
        "Proceedings of the Conference on Citation Maps"
    );
    assert_eq!(paper["editor"][0]["family"], "Lee");
    assert_eq!(paper["publisher"], "ACM");
    assert_eq!(paper["issued"]["date-parts"][0][0], 2020);
    // A parent that is not in the file is said, and the entry kept.
    let lone = dir.path().join("lone.bib");
    std::fs::write(
        &lone,
        "@inproceedings{orphan,\n  author = {Doe, John},\n  title = {Lost Parent},\n  crossref = {nowhere},\n}\n",
    )
    .unwrap();
    let v = json_of(&["extract", "--format", "json"], &lone);
    assert_eq!(v[0]["entries"].as_array().unwrap().len(), 1);
    let notes = v[0]["notes"].to_string();
    assert!(
        notes.contains("line 1: @inproceedings{orphan} cross-references nowhere"),
        "{notes}"
    );
}

/// A folder with a draft and the library it names maps as one document,
/// named by its title page, citing each work once.
#[test]
fn map_of_a_draft_folder_takes_the_library_as_the_drafts() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(
        input.join("draft.tex"),
        "\\documentclass{article}\n\\title{Citation Maps\\thanks{Draft.}}\n\
         \\author{Jane Roe\\\\ University of Somewhere \\and John Doe}\n\\date{March 2024}\n\
         \\begin{document}\n\\maketitle\nAs \\textcite{knuth84} showed \\citep{lamport94}.\n\
         \\bibliography{refs}\n\\end{document}\n",
    )
    .unwrap();
    std::fs::write(input.join("refs.bib"), REFS).unwrap();
    let out = dir.path().join("out");
    let run = citemap()
        .arg("map")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    assert!(stderr.contains("read as the library of"), "{stderr}");
    assert!(
        stderr.contains("(1 document, 2 works, 1 cluster)"),
        "{stderr}"
    );
    let docs = std::fs::read_to_string(out.join("documents.csv")).unwrap();
    let rows: Vec<&str> = docs.lines().skip(1).collect();
    assert_eq!(rows.len(), 1, "{docs}");
    assert!(rows[0].starts_with("Roe & Doe 2024,"), "{docs}");
    let report = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert!(report.contains("Citation Maps"), "{report}");
    assert!(!report.contains("\\title"), "{report}");
}
