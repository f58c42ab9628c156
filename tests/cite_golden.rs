//! Every genuine citation of seed 000 with the entry it resolves to, against
//! a hand-checked golden list (tests/golden/citations-000.json).
//!
//! Entries are named by first author and short title as the works-cited
//! list writes them ("Apprich|Technotopia"), so the golden list does not
//! depend on how the parser splits fields.

mod common;

use citemap::check::citations;
use citemap::{Document, Entry, Outcome, Section, Span, Style};
use serde::Deserialize;

#[derive(Debug, Deserialize, PartialEq, Clone)]
struct Golden {
    line: usize,
    text: String,
    cites: Vec<String>,
}

/// "Apprich|Technotopia" from "Apprich, Clemens. *Technotopia. A Media …".
fn entry_key(raw: &str) -> String {
    let raw = raw.trim().trim_start_matches("- ");
    let family_end = raw.find([',', '.']).unwrap_or(raw.len());
    let family = raw[..family_end].trim();
    let mut title = String::new();
    for (open, close) in [("“", "”"), ("\"", "\""), ("*", "*")] {
        if let Some(s) = raw.find(open) {
            let rest = &raw[s + open.len()..];
            if let Some(e) = rest.find(close) {
                let t = &rest[..e];
                if title.is_empty() || raw.find(open) < raw.find(title.as_str()) {
                    title = t.to_owned();
                }
            }
        }
    }
    let short = title
        .split(['.', ':'])
        .next()
        .unwrap_or("")
        .trim()
        .to_owned();
    format!("{family}|{short}")
}

/// The seed's own "- " bullets after "Works cited", kept raw: this reads
/// entries the way a list looks before any parsing.
fn bullet_document(path: &str, text: &str) -> Document {
    let lines: Vec<&str> = text.lines().collect();
    let heading = lines
        .iter()
        .position(|l| l.trim() == "Works cited")
        .expect("seed 000 has a Works cited heading");
    let mut entries = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(heading + 1) {
        let t = line.trim_start();
        if let Some(raw) = t.strip_prefix("- ") {
            entries.push(Entry {
                span: Span {
                    path: path.into(),
                    line: i + 1,
                    end_line: i + 1,
                    column: line.len() - t.len() + 1,
                },
                label: None,
                marker: None,
                raw: raw.to_owned().into(),
                style: Style::Mla,
                outcome: Outcome::Unparsed {
                    reason: "kept raw".into(),
                },
            });
        }
    }
    Document {
        path: path.into(),
        meta: Default::default(),
        section: Some(Section {
            heading: "Works cited".into(),
            line: heading + 2,
            end_line: lines.len(),
        }),
        sections: Vec::new(),
        style: Style::Mla,
        entries,
        notes: Vec::new(),
    }
}

fn actual(text: &str, doc: &Document) -> Vec<Golden> {
    citations(text, doc, None)
        .into_iter()
        .map(|r| Golden {
            line: r.citation.span.line,
            text: r.citation.text.clone(),
            cites: r
                .targets
                .iter()
                .map(|t| match t {
                    Some(m) => entry_key(&doc.entries[m.entry].raw),
                    None => "UNRESOLVED".into(),
                })
                .collect(),
        })
        .collect()
}

fn golden() -> Vec<Golden> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/citations-000.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("golden file")).expect("golden json")
}

/// Compares, allowing at most 5% of cited items to resolve wrongly but no
/// citation to be missed or invented.
fn compare(got: &[Golden], want: &[Golden]) {
    let key = |g: &Golden| (g.line, g.text.clone());
    let got_keys: Vec<_> = got.iter().map(key).collect();
    let want_keys: Vec<_> = want.iter().map(key).collect();
    let invented: Vec<_> = got_keys.iter().filter(|k| !want_keys.contains(k)).collect();
    let missed: Vec<_> = want_keys.iter().filter(|k| !got_keys.contains(k)).collect();
    assert!(
        invented.is_empty(),
        "not citations, yet counted: {invented:?}"
    );
    let items: usize = want.iter().map(|g| g.cites.len()).sum();
    let mut right = 0;
    let mut wrong = Vec::new();
    for w in want {
        if let Some(g) = got.iter().find(|g| key(g) == key(w)) {
            for (i, c) in w.cites.iter().enumerate() {
                if g.cites.get(i) == Some(c) {
                    right += 1;
                } else {
                    wrong.push((w.line, w.text.clone(), c.clone(), g.cites.get(i).cloned()));
                }
            }
        }
    }
    let share = right as f64 / items as f64;
    assert!(
        share >= 0.95,
        "{right}/{items} cited items resolved right; missed {missed:?}; wrong {wrong:?}"
    );
    assert!(missed.len() * 20 <= want.len(), "missed {missed:?}");
}

#[test]
fn golden_list_is_what_it_claims() {
    let want = golden();
    assert!(
        want.len() >= 60,
        "the golden list holds every citation of 000"
    );
    assert!(want
        .iter()
        .all(|g| !g.cites.iter().any(|c| c == "UNRESOLVED")));
}

#[test]
fn seed_000_citations_resolve_from_raw_entries() {
    let Some((path, text)) = common::seed("000") else {
        return;
    };
    let doc = bullet_document(&path.display().to_string(), &text);
    assert_eq!(
        doc.entries.len(),
        44,
        "43 entries plus the false 'Graham' bullet"
    );
    compare(&actual(&text, &doc), &golden());
}

#[test]
fn seed_000_citations_resolve_through_the_pipeline() {
    let Some((path, text)) = common::seed("000") else {
        return;
    };
    let source = citemap::input::load(&path).expect("seed loads");
    assert_eq!(source.text, text);
    let doc = citemap::extract::extract(&source);
    compare(&actual(&source.text, &doc), &golden());
}

/// Prints the current list in golden form, for review after a deliberate
/// change: `cargo test --test cite_golden print_000 -- --ignored --nocapture`.
#[test]
#[ignore = "a tool for regenerating the golden file, not a test"]
fn print_000() {
    let Some((path, text)) = common::seed("000") else {
        return;
    };
    let doc = bullet_document(&path.display().to_string(), &text);
    println!(
        "{}",
        serde_json::to_string_pretty(
            &actual(&text, &doc)
                .iter()
                .map(|g| serde_json::json!({"line": g.line, "text": g.text, "cites": g.cites}))
                .collect::<Vec<_>>()
        )
        .unwrap()
    );
}
