//! Trains the parser's sequence tagger (`citemap::parse::tagger`) on the
//! studied half of the gold set: the even lines of `dev-refs.jsonl`,
//! numbered from 1. The odd lines are never read, so they stay a held-out
//! check (`scripts/score-gold.sh odd`).
//!
//! ```text
//! cargo run --release --bin train-tagger -- ../shared/gold/dev-refs.jsonl
//! cargo run --release --bin train-tagger -- ../shared/gold/dev-refs.jsonl --cv 4 --cv-dir target/cv
//! ```
//!
//! With `--cv K` it writes, per policy, CSL-JSON predictions for every
//! even line from a model trained without that line's fold, beside the
//! matching gold lines, for `score-refs`; no model is written.

use anyhow::{bail, Context};
use citemap::extract::repair::repair_entry;
use citemap::model::{Entry, Outcome, Span, Style};
use citemap::parse::parse_reference_with;
use citemap::parse::tagger::{Example, Label, Policy, Source, Tagger, Tagging, TrainOptions};
use clap::Parser;
use rayon::prelude::*;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

/// Trains the parser's tagger on the even lines of the gold set.
#[derive(Parser)]
struct Args {
    /// The gold set, `dev-refs.jsonl`.
    gold: PathBuf,
    /// Where to write the model.
    #[arg(long, default_value = "src/parse/tagger/model.bin")]
    out: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = TrainOptions::default().epochs)]
    epochs: usize,
    /// Feature hashes fold into 2^bits buckets.
    #[arg(long, default_value_t = TrainOptions::default().bits)]
    bits: u32,
    /// Cross-validate with this many folds of the even lines instead of training.
    #[arg(long)]
    cv: Option<usize>,
    /// Where cross-validation writes its gold and prediction files.
    #[arg(long, default_value = "target/tagger-cv")]
    cv_dir: PathBuf,
}

struct Gold {
    raw: String,
    line: String,
    fields: Vec<(Label, Vec<String>)>,
}

fn read_gold(path: &PathBuf) -> anyhow::Result<Vec<Gold>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {path:?}"))?;
    let mut out = Vec::new();
    // Line numbers from 1: the even ones are the studied half.
    for (i, line) in text.lines().enumerate().filter(|(i, _)| (i + 1) % 2 == 0) {
        let v: serde_json::Value =
            serde_json::from_str(line).with_context(|| format!("line {}", i + 1))?;
        let raw = v["raw"].as_str().unwrap_or_default().replace('\n', " ");
        let mut fields = Vec::new();
        if let Some(map) = v["fields"].as_object() {
            for (k, val) in map {
                let Some(label) = Label::from_field(k) else {
                    continue;
                };
                let values: Vec<String> = match val {
                    serde_json::Value::Array(a) => a
                        .iter()
                        .filter_map(|x| x.as_str().map(str::to_owned))
                        .collect(),
                    serde_json::Value::String(s) => vec![s.clone()],
                    other => vec![other.to_string()],
                };
                fields.push((label, values));
            }
        }
        out.push(Gold {
            raw,
            line: line.to_owned(),
            fields,
        });
    }
    Ok(out)
}

/// The entry text as `citemap parse` hands it to the parser.
fn entry_text(raw: &str) -> String {
    repair_entry(raw.trim()).into_owned()
}

const TEXT_FIELDS: [Label; 5] = [
    Label::Title,
    Label::Container,
    Label::Publisher,
    Label::Place,
    Label::Author,
];

fn examples(gold: &[&Gold]) -> (Vec<(citemap::parse::tagger::Sequence, Vec<Label>)>, usize) {
    let all: Vec<Example> = gold
        .par_iter()
        .map(|g| Example::new(&entry_text(&g.raw), Style::Unknown, &g.fields))
        .collect();
    let total = all.len();
    // A reference whose text fields cannot all be found would teach wrong
    // labels; numbers glued in one token ("12:3") are fine to miss.
    let kept: Vec<_> = all
        .into_iter()
        .filter(|e| !e.missed.iter().any(|l| TEXT_FIELDS.contains(l)))
        .map(|e| (e.sequence, e.labels))
        .collect();
    let dropped = total - kept.len();
    (kept, dropped)
}

fn predict(gold: &[&Gold], tagging: Option<&Tagging>) -> Vec<Entry> {
    gold.par_iter()
        .enumerate()
        .map(|(i, g)| {
            let text = entry_text(&g.raw);
            let span = Span {
                path: "cv".into(),
                line: i + 1,
                end_line: i + 1,
                column: 1,
            };
            if text.is_empty() {
                return Entry {
                    span,
                    label: None,
                    raw: text,
                    style: Style::Unknown,
                    outcome: Outcome::Unparsed {
                        reason: "empty line".into(),
                    },
                };
            }
            let parsed = parse_reference_with(&text, Style::Unknown, tagging);
            Entry {
                span,
                label: None,
                raw: text,
                style: parsed.style,
                outcome: parsed.outcome,
            }
        })
        .collect()
}

fn write_entries(path: PathBuf, entries: &[Entry]) -> anyhow::Result<()> {
    let mut out = BufWriter::new(std::fs::File::create(&path)?);
    citemap::export::csl::write(&mut out, entries)?;
    out.flush()?;
    Ok(())
}

fn cross_validate(
    gold: &[Gold],
    k: usize,
    opts: TrainOptions,
    dir: &PathBuf,
) -> anyhow::Result<()> {
    if k < 2 {
        bail!("--cv needs at least 2 folds");
    }
    std::fs::create_dir_all(dir)?;
    let policies: [(&str, Option<Policy>); 4] = [
        ("grammar", None),
        ("tagger", Some(Policy::all(Source::Tagger))),
        (
            "else",
            Some(Policy {
                trust_marked_titles: true,
                ..Policy::DEFAULT
            }),
        ),
        ("default", Some(Policy::DEFAULT)),
    ];
    let mut ordered: Vec<&Gold> = Vec::new();
    let mut preds: Vec<Vec<Entry>> = vec![Vec::new(); policies.len()];
    for fold in 0..k {
        let train: Vec<&Gold> = gold
            .iter()
            .enumerate()
            .filter(|(i, _)| i % k != fold)
            .map(|(_, g)| g)
            .collect();
        let test: Vec<&Gold> = gold
            .iter()
            .enumerate()
            .filter(|(i, _)| i % k == fold)
            .map(|(_, g)| g)
            .collect();
        let (data, dropped) = examples(&train);
        let model = Tagger::train(&data, opts);
        let (test_data, _) = examples(&test);
        let (mut right, mut all) = (0usize, 0usize);
        for (seq, labels) in &test_data {
            let pred = model.decode(seq);
            right += pred.iter().zip(labels).filter(|(a, b)| a == b).count();
            all += labels.len();
        }
        eprintln!(
            "fold {fold}: trained on {} ({dropped} dropped), token accuracy {:.4} on {} test tokens",
            data.len(),
            right as f64 / all.max(1) as f64,
            all
        );
        for (p, (_, policy)) in policies.iter().enumerate() {
            let tagging = policy.map(|policy| Tagging {
                model: model.clone(),
                policy,
            });
            preds[p].extend(predict(&test, tagging.as_ref()));
        }
        ordered.extend(test);
    }
    let mut g = BufWriter::new(std::fs::File::create(dir.join("gold.jsonl"))?);
    for x in &ordered {
        writeln!(g, "{}", x.line)?;
    }
    g.flush()?;
    for ((name, _), entries) in policies.iter().zip(&preds) {
        write_entries(dir.join(format!("pred-{name}.json")), entries)?;
    }
    eprintln!("wrote {}/gold.jsonl and pred-*.json", dir.display());
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let gold = read_gold(&args.gold)?;
    let opts = TrainOptions {
        epochs: args.epochs,
        bits: args.bits,
        ..TrainOptions::default()
    };
    if let Some(k) = args.cv {
        return cross_validate(&gold, k, opts, &args.cv_dir);
    }
    let all: Vec<&Gold> = gold.iter().collect();
    let (data, dropped) = examples(&all);
    let model = Tagger::train(&data, opts);
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {:?}", args.out))?;
    eprintln!(
        "trained on {} even lines ({dropped} dropped: text fields not found), wrote {} bytes to {}",
        data.len(),
        bytes.len(),
        args.out.display()
    );
    Ok(())
}
