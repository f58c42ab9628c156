//! Field-by-field comparison of the parsed seed entries with the
//! hand-checked golden file `tests/golden/seeds.json`.
//!
//! Every mismatch fails unless the golden file lists it under `deviations`
//! with a reason; a listed deviation that now matches fails too, so progress
//! is recorded in the file rather than silently lost.

mod common;

use citemap::extract::extract;
use citemap::input;
use citemap::{Document, Reference};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

#[derive(Debug, Deserialize)]
struct Golden {
    entries: Vec<Gold>,
    deviations: Vec<Deviation>,
}

#[derive(Debug, Deserialize)]
struct Gold {
    doc: String,
    index: usize,
    #[serde(rename = "type")]
    kind: String,
    authors: Vec<String>,
    title: Option<String>,
    container: Option<String>,
    year: Option<i32>,
    pages: Option<String>,
    doi: Option<String>,
    url: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Deviation {
    doc: String,
    index: usize,
    field: String,
    reason: String,
}

const FIELDS: &[&str] = &[
    "type",
    "authors",
    "title",
    "container",
    "year",
    "pages",
    "doi",
    "url",
];

fn golden() -> Golden {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/seeds.json");
    let text = std::fs::read_to_string(&path).expect("golden file readable");
    serde_json::from_str(&text).expect("golden file is valid JSON")
}

fn seed_docs(golden: &Golden) -> Option<BTreeMap<String, Document>> {
    let mut docs = BTreeMap::new();
    for g in &golden.entries {
        if !docs.contains_key(&g.doc) {
            let (path, _) = common::seed(&g.doc)?;
            let src = input::load(&path).expect("seed loads");
            docs.insert(g.doc.clone(), extract(&src));
        }
    }
    Some(docs)
}

/// Comparison form of a text field: no Markdown emphasis, straight quotes,
/// "-" for an en dash, single spaces, no final punctuation.
fn norm(s: &str) -> String {
    let mapped: String = s
        .chars()
        .filter(|&c| c != '*')
        .map(|c| match c {
            '‘' | '’' => '\'',
            '“' | '”' => '"',
            '–' => '-',
            _ => c,
        })
        .collect();
    let mut t = mapped.split_whitespace().collect::<Vec<_>>().join(" ");
    loop {
        let before = t.len();
        t = t.trim_end_matches(['.', ',', ';', ':', ' ']).to_owned();
        for q in [".'", ".\""] {
            if t.ends_with(q) {
                t.replace_range(t.len() - q.len()..t.len() - q.len() + 1, "");
            }
        }
        if t.len() == before {
            return t;
        }
    }
}

fn opt(s: Option<&str>) -> String {
    s.map(norm).unwrap_or_default()
}

/// (expected, actual) for one field, both in comparison form.
fn field(g: &Gold, r: Option<&Reference>, name: &str) -> (String, String) {
    let year = |y: Option<i32>| y.map(|y| y.to_string()).unwrap_or_default();
    match name {
        "type" => (
            g.kind.clone(),
            r.map(|r| r.kind.csl_name().to_owned()).unwrap_or_default(),
        ),
        "authors" => (
            g.authors
                .iter()
                .map(|a| norm(a))
                .collect::<Vec<_>>()
                .join("; "),
            r.map(|r| {
                r.authors
                    .iter()
                    .map(|p| norm(&p.full_family()))
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .unwrap_or_default(),
        ),
        "title" => (
            opt(g.title.as_deref()),
            opt(r.and_then(|r| r.title.as_deref())),
        ),
        "container" => (
            opt(g.container.as_deref()),
            opt(r.and_then(|r| r.container_title.as_deref())),
        ),
        "year" => (year(g.year), year(r.and_then(Reference::year))),
        "pages" => (
            opt(g.pages.as_deref()),
            opt(r.and_then(|r| r.pages.as_deref())),
        ),
        "doi" => (
            opt(g.doi.as_deref()).to_lowercase(),
            opt(r.and_then(|r| r.doi.as_deref())).to_lowercase(),
        ),
        "url" => (opt(g.url.as_deref()), opt(r.and_then(|r| r.url.as_deref()))),
        _ => unreachable!("unknown field {name}"),
    }
}

/// Checks that cannot wait for the parser: the golden file is complete and
/// every value in it can be read off the extracted (repaired) entry text.
#[test]
fn golden_file_is_complete_and_read_from_the_text() {
    let golden = golden();
    let Some(docs) = seed_docs(&golden) else {
        return;
    };
    for (doc, extracted) in &docs {
        let indices: Vec<usize> = golden
            .entries
            .iter()
            .filter(|g| &g.doc == doc)
            .map(|g| g.index)
            .collect();
        let expected: Vec<usize> = (0..extracted.entries.len()).collect();
        assert_eq!(
            indices, expected,
            "{doc}: golden entries must cover every entry in order"
        );
    }
    assert_eq!(golden.entries.len(), 113);
    let known: HashSet<(&str, usize)> = golden
        .entries
        .iter()
        .map(|g| (g.doc.as_str(), g.index))
        .collect();
    for d in &golden.deviations {
        assert!(known.contains(&(d.doc.as_str(), d.index)), "{d:?}");
        assert!(FIELDS.contains(&d.field.as_str()), "{d:?}");
        assert!(!d.reason.trim().is_empty(), "{d:?}");
    }
    let tolerated: HashSet<(&str, usize, &str)> = golden
        .deviations
        .iter()
        .map(|d| (d.doc.as_str(), d.index, d.field.as_str()))
        .collect();
    for g in &golden.entries {
        // A final period inside closing quotes belongs to the title in the
        // text but is trimmed in the comparison form.
        let loose = |s: &str| s.replace(".'", "'").replace(".\"", "\"");
        let raw = loose(&norm(&docs[&g.doc].entries[g.index].raw));
        let mut values: Vec<(&str, String)> = vec![
            ("title", opt(g.title.as_deref())),
            ("container", opt(g.container.as_deref())),
            ("pages", opt(g.pages.as_deref())),
            ("doi", opt(g.doi.as_deref())),
            ("url", opt(g.url.as_deref())),
            ("year", g.year.map(|y| y.to_string()).unwrap_or_default()),
        ];
        values.extend(g.authors.iter().map(|a| ("authors", norm(a))));
        for (name, value) in values {
            if tolerated.contains(&(g.doc.as_str(), g.index, name)) {
                continue;
            }
            assert!(
                raw.contains(&loose(&value)),
                "{} #{}: golden {name} {value:?} is not in the entry text {raw:?}",
                g.doc,
                g.index
            );
        }
    }
}

#[test]
fn parsed_fields_match_the_golden_file() {
    let golden = golden();
    let Some(docs) = seed_docs(&golden) else {
        return;
    };
    let tolerated: HashSet<(&str, usize, &str)> = golden
        .deviations
        .iter()
        .map(|d| (d.doc.as_str(), d.index, d.field.as_str()))
        .collect();
    let mut right: BTreeMap<&str, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut stale = Vec::new();
    for g in &golden.entries {
        let entry = docs[&g.doc].entries.get(g.index);
        let reference = entry.and_then(|e| e.reference());
        for &name in FIELDS {
            let (want, got) = field(g, reference, name);
            let listed = tolerated.contains(&(g.doc.as_str(), g.index, name));
            if want == got {
                *right.entry(name).or_default() += 1;
                if listed {
                    stale.push(format!(
                        "{} #{} {name}: now matches; remove the deviation",
                        g.doc, g.index
                    ));
                }
            } else if !listed {
                let raw = entry.map(|e| &*e.raw).unwrap_or("<missing entry>");
                failures.push(format!(
                    "{} #{} {name}: want {want:?}, got {got:?}\n    in {raw:.120}",
                    g.doc, g.index
                ));
            }
        }
    }
    let total = golden.entries.len();
    eprintln!("field accuracy over {total} seed entries:");
    for &name in FIELDS {
        let n = right.get(name).copied().unwrap_or(0);
        eprintln!(
            "  {name:<10} {n:>4}/{total} {:>6.1}%",
            100.0 * n as f64 / total as f64
        );
    }
    for d in &golden.deviations {
        eprintln!(
            "  deviation {} #{} {}: {}",
            d.doc, d.index, d.field, d.reason
        );
    }
    assert!(
        failures.is_empty() && stale.is_empty(),
        "{} mismatches, {} stale deviations:\n{}\n{}",
        failures.len(),
        stale.len(),
        failures.join("\n"),
        stale.join("\n")
    );
}
