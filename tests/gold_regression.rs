//! Field accuracy on a fixed sample of the gold set (every 20th line of
//! `../shared/gold/dev-refs.jsonl`), scored with a port of
//! `../shared/tools/score-refs`: soft matching (case, accents, punctuation
//! and spacing ignored), names compared as bags of surname-like words,
//! volume/issue/pages without their labels.
//!
//! The test fails when micro F1 drops below the level reached when it was
//! last raised (minus 0.003), so parser changes cannot lose accuracy
//! silently. Cross-checked against the Python scorer on the same sample.

mod common;

use citemap::export::csl;
use citemap::parse::parse_reference;
use citemap::{Outcome, Style};
use serde_json::{Map, Value};
use unicode_normalization::UnicodeNormalization;

/// Micro F1 reached on the sample; the test allows 0.003 below it. Raised
/// from 0.919 to 0.944 when the tagger began training on every line of both
/// dev sets (issue #14): the sample is now in the tagger's training data, so
/// this guards against regressions, not a held-out figure (see
/// `scripts/cross-source.sh` for those).
const MICRO_F1_FLOOR: f64 = 0.944;

const FIELDS: [&str; 12] = [
    "author",
    "title",
    "container-title",
    "year",
    "volume",
    "issue",
    "pages",
    "publisher",
    "publisher-place",
    "doi",
    "url",
    "editor",
];

const STOP: [&str; 10] = [
    "and", "et", "al", "others", "eds", "ed", "hrsg", "u", "und", "y",
];

/// NFKD, combining marks dropped, lower-cased.
fn normalise(s: &str) -> String {
    s.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase()
}

fn fold(s: &str) -> String {
    normalise(s)
        .chars()
        .filter(|c| c.is_ascii_digit() || c.is_ascii_lowercase())
        .collect()
}

fn words(s: &str) -> Vec<String> {
    normalise(s)
        .split(|c: char| !(c.is_ascii_digit() || c.is_ascii_lowercase()))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The bag of surname-like words of a list of names.
fn name_key(names: &Value) -> Vec<String> {
    let list: Vec<String> = match names {
        Value::String(s) => vec![s.clone()],
        Value::Array(a) => a
            .iter()
            .map(|n| match n {
                Value::Object(o) => ["literal", "non-dropping-particle", "family", "given"]
                    .iter()
                    .map(|k| o.get(*k).map(text).unwrap_or_default())
                    .collect::<Vec<_>>()
                    .join(" "),
                other => text(other),
            })
            .collect(),
        other => vec![text(other)],
    };
    let mut out: Vec<String> = list
        .iter()
        .flat_map(|n| words(n))
        .filter(|w| {
            let initial = w.len() == 1 && w.chars().all(|c| c.is_ascii_lowercase());
            !(initial || STOP.contains(&w.as_str()))
        })
        .collect();
    out.sort();
    out
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The first year 1500–2099 starting at a word boundary, as score-refs finds it.
fn first_year(s: &str) -> Option<String> {
    let b = s.as_bytes();
    for i in 0..b.len().saturating_sub(3) {
        let boundary = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
        if !boundary || !b[i..i + 4].iter().all(u8::is_ascii_digit) {
            continue;
        }
        let y = &s[i..i + 4];
        if (y.starts_with('1') && (b'5'..=b'9').contains(&b[i + 1])) || y.starts_with("20") {
            return Some(y.to_owned());
        }
    }
    None
}

fn strip_doi(v: &str) -> String {
    let t = v.trim();
    let l = t.to_lowercase();
    let cut = [
        "https://doi.org/",
        "http://doi.org/",
        "https://dx.doi.org/",
        "http://dx.doi.org/",
    ]
    .iter()
    .find(|p| l.starts_with(*p))
    .map(|p| p.len())
    .or_else(|| {
        l.starts_with("doi").then(|| {
            let r = &l[3..];
            let r2 = r.trim_start();
            let r3 = r2.strip_prefix([':', '=', '.']).unwrap_or(r2).trim_start();
            l.len() - r3.len()
        })
    })
    .unwrap_or(0);
    l[cut..].to_owned()
}

fn non_empty(v: Option<&Value>) -> Option<Value> {
    match v? {
        Value::Null => None,
        Value::String(s) if s.is_empty() => None,
        Value::Array(a) if a.is_empty() => None,
        other => Some(other.clone()),
    }
}

fn gold_value(fields: &Map<String, Value>, f: &str) -> Option<Value> {
    match f {
        "year" => first_year(&text(fields.get("date")?)).map(Value::String),
        "doi" => fields
            .get("doi")
            .map(|v| Value::String(strip_doi(&text(v))))
            .filter(|v| v != ""),
        _ => non_empty(fields.get(f)),
    }
}

fn pred_value(item: &Map<String, Value>, f: &str) -> Option<Value> {
    match f {
        "year" => item
            .get("issued")
            .and_then(|d| d.get("date-parts"))
            .and_then(|p| p.get(0))
            .and_then(|p| p.get(0))
            .map(|y| Value::String(text(y))),
        "doi" => item.get("DOI").map(|v| Value::String(strip_doi(&text(v)))),
        _ => {
            let key = match f {
                "pages" => "page",
                "url" => "URL",
                other => other,
            };
            non_empty(item.get(key))
        }
    }
}

/// Volume, issue and pages without their labels.
fn bare_number(v: &str) -> String {
    let v = v
        .replace(['–', '—'], "-")
        .replace("n°", "no ")
        .replace("nº", "no ");
    let t = v.trim_start();
    let lower = t.to_lowercase();
    let labels = [
        "pages", "page", "pp", "p", "volume", "vol", "bd", "jg", "number", "num", "nr", "no",
        "issue", "heft", "h", "s", "tome", "t",
    ];
    let mut rest = t;
    for l in labels {
        if lower.starts_with(l) {
            let after = &t[l.len()..];
            let boundary = !after
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
            if boundary {
                let a = after.strip_prefix('.').unwrap_or(after);
                rest = a.trim_start();
                break;
            }
        }
    }
    let rest = rest.trim();
    let stripped = match (rest.find('('), rest.trim_end().ends_with(')')) {
        (Some(k), true) => rest[..k].trim_end(),
        _ => rest,
    };
    fold(if stripped.is_empty() { rest } else { stripped })
}

fn same(f: &str, g: &Value, p: &Value) -> bool {
    match f {
        "author" | "editor" => name_key(g) == name_key(p),
        "pages" | "volume" | "issue" => bare_number(&text(g)) == bare_number(&text(p)),
        _ => fold(&text(g)) == fold(&text(p)),
    }
}

#[test]
fn gold_sample_keeps_its_micro_f1() {
    let Some(path) = common::gold_file() else {
        return;
    };
    let data = std::fs::read_to_string(&path).expect("gold file readable");
    let mut tp = [0usize; 12];
    let mut np = [0usize; 12];
    let mut ng = [0usize; 12];
    let mut n = 0;
    for (i, line) in data.lines().enumerate() {
        if i % 20 != 0 || line.trim().is_empty() {
            continue;
        }
        n += 1;
        let gold: Value = serde_json::from_str(line).expect("gold line is JSON");
        let raw = text(&gold["raw"]).replace('\n', " ");
        let fields = gold["fields"].as_object().cloned().unwrap_or_default();
        let item = match parse_reference(&raw, Style::Unknown).outcome {
            Outcome::Parsed { reference, .. } => csl::fields(&reference),
            Outcome::Unparsed { .. } => Map::new(),
        };
        for (k, f) in FIELDS.iter().enumerate() {
            let g = gold_value(&fields, f);
            let p = pred_value(&item, f);
            ng[k] += usize::from(g.is_some());
            np[k] += usize::from(p.is_some());
            if let (Some(g), Some(p)) = (&g, &p) {
                tp[k] += usize::from(same(f, g, p));
            }
        }
    }
    println!(
        "{:16} {:>6} {:>6} {:>6} {:>6}",
        "field", "P", "R", "F1", "gold"
    );
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let f1 = |p: f64, r: f64| {
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    };
    for (k, f) in FIELDS.iter().enumerate() {
        if ng[k] == 0 && np[k] == 0 {
            continue;
        }
        let (p, r) = (ratio(tp[k], np[k]), ratio(tp[k], ng[k]));
        println!("{f:16} {p:6.3} {r:6.3} {:6.3} {:6}", f1(p, r), ng[k]);
    }
    let (t, p_all, g_all): (usize, usize, usize) =
        (tp.iter().sum(), np.iter().sum(), ng.iter().sum());
    let (p, r) = (ratio(t, p_all), ratio(t, g_all));
    let micro = f1(p, r);
    println!("micro F1 {micro:.3} (P {p:.3}, R {r:.3}) over {n} references");
    assert!(n > 300, "the sample is every 20th gold line; only {n} read");
    assert!(
        micro >= MICRO_F1_FLOOR - 0.003,
        "micro F1 fell to {micro:.3}, below the recorded {MICRO_F1_FLOOR:.3} (allowance 0.003)"
    );
}

#[test]
fn scorer_port_matches_score_refs_rules() {
    assert_eq!(fold("Phys. Rev. D"), "physrevd");
    assert_eq!(fold("Müller–Lyer"), "mullerlyer");
    assert_eq!(bare_number("pp. 12–19"), "1219");
    assert_eq!(bare_number("vol. 3 (2)"), "3");
    assert_eq!(bare_number("Heft 4"), "4");
    assert_eq!(bare_number("Spring"), "spring");
    let gold = Value::String("Hinton, G. E., & Nowlan, S. J.".into());
    let pred: Value = serde_json::json!([{"family": "Hinton", "given": "G. E."}, {"family": "Nowlan", "given": "S. J."}]);
    assert!(same("author", &gold, &pred));
    assert_eq!(first_year("Jun 1979"), Some("1979".into()));
    assert_eq!(first_year("x2019"), None);
    assert_eq!(strip_doi("doi: 10.1/X"), "10.1/x");
}
