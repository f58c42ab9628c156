//! Trains the parser's sequence tagger (`citemap::parse::tagger`) on every
//! line of the given gold sets, and measures it across sources.
//!
//! ```text
//! # the shipped model: both dev sets
//! cargo run --release --bin train-tagger -- ../shared/gold/dev-refs.jsonl ../shared/gold/dev-refs-anystyle.jsonl
//! # trained on one source, predictions for the other
//! cargo run --release --bin train-tagger -- ../shared/gold/dev-refs.jsonl --eval ../shared/gold/dev-refs-anystyle.jsonl --dir target/xs/g2a
//! # k-fold cross-validation over the given sets together
//! cargo run --release --bin train-tagger -- ../shared/gold/dev-refs.jsonl --cv 5 --dir target/xs/cv-g
//! ```
//!
//! `--eval` and `--cv` write no model (with `CITEMAP_CONFUSION=1` they also
//! print the token confusion matrix of each evaluation): they write, per combination policy,
//! CSL-JSON predictions (`pred-<policy>.json`) beside the matching gold lines
//! (`gold.jsonl`) for `score-refs`; `scripts/cross-source.sh` runs them all.

use anyhow::{bail, Context};
use citemap::extract::repair::repair_entry;
use citemap::model::{Entry, Outcome, Span, Style};
use citemap::parse::parse_reference_with;
use citemap::parse::tagger::{
    Example, Label, Policy, Source, Tagger, Tagging, TrainOptions, CONTEXT, LABELS, WORDS,
};
use clap::Parser;
use rayon::prelude::*;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

/// Trains the parser's tagger on gold sets, or measures it.
#[derive(Parser)]
struct Args {
    /// Gold sets to train on (`dev-refs.jsonl`, `dev-refs-anystyle.jsonl`): every line.
    #[arg(required = true)]
    gold: Vec<PathBuf>,
    /// Where to write the model.
    #[arg(long, default_value = "src/parse/tagger/model.bin")]
    out: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = TrainOptions::default().epochs)]
    epochs: usize,
    /// Feature hashes fold into 2^bits buckets.
    #[arg(long, default_value_t = TrainOptions::default().bits)]
    bits: u32,
    /// Leave out word identity, affix and neighbouring-word features.
    #[arg(long)]
    no_words: bool,
    /// Leave out the position, sentence, quote/bracket and word-with-marks
    /// features.
    #[arg(long)]
    no_context: bool,
    /// Cross-validate with this many folds of the given sets instead of training.
    #[arg(long)]
    cv: Option<usize>,
    /// Train on the given sets and predict this one instead of writing a model.
    #[arg(long)]
    eval: Option<PathBuf>,
    /// Where `--cv` and `--eval` write their gold and prediction files.
    #[arg(long, default_value = "target/tagger-eval")]
    dir: PathBuf,
}

struct Gold {
    raw: String,
    line: String,
    fields: Vec<(Label, Vec<String>)>,
}

fn read_gold(path: &PathBuf) -> anyhow::Result<Vec<Gold>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {path:?}"))?;
    let mut out = Vec::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
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

type Data = Vec<(citemap::parse::tagger::Sequence, Vec<Label>)>;

fn examples(gold: &[&Gold], flags: u8) -> (Data, usize) {
    let all: Vec<Example> = gold
        .par_iter()
        .map(|g| Example::new(&entry_text(&g.raw), Style::Unknown, &g.fields, flags))
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
                    marker: None,
                    raw: text.into(),
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
                marker: None,
                raw: text.into(),
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

/// The combination policies compared: the grammar alone, the tagger alone,
/// and the tagger deciding more or fewer fields.
fn policies() -> Vec<(&'static str, Option<Policy>)> {
    vec![
        ("grammar", None),
        ("tagger", Some(Policy::all(Source::Tagger))),
        ("default", Some(Policy::DEFAULT)),
        ("cross", Some(Policy::CROSS_SOURCE)),
        (
            "untrimmed",
            Some(Policy {
                trim_authors: false,
                ..Policy::CROSS_SOURCE
            }),
        ),
        (
            "nomark",
            Some(Policy {
                trust_marked_titles: false,
                ..Policy::CROSS_SOURCE
            }),
        ),
        (
            "nodate",
            Some(Policy {
                date_from_tagger: false,
                ..Policy::CROSS_SOURCE
            }),
        ),
        (
            "noext",
            Some(Policy {
                extend_authors: false,
                ..Policy::CROSS_SOURCE
            }),
        ),
        (
            "t-authors",
            Some(Policy {
                authors: Source::TaggerElseGrammar,
                trim_authors: false,
                ..Policy::CROSS_SOURCE
            }),
        ),
    ]
}

/// Predictions of every policy for `test` with `model`.
fn predict_all(test: &[&Gold], model: &Tagger, preds: &mut [Vec<Entry>]) {
    for (p, (_, policy)) in policies().iter().enumerate() {
        let tagging = policy.map(|policy| Tagging {
            model: model.clone(),
            policy,
        });
        preds[p].extend(predict(test, tagging.as_ref()));
    }
}

fn token_accuracy(model: &Tagger, test: &[&Gold], flags: u8) -> (f64, usize) {
    let (test_data, _) = examples(test, flags);
    let (mut right, mut all) = (0usize, 0usize);
    // Token confusion, gold label by predicted label.
    let mut conf = [[0usize; LABELS]; LABELS];
    for (seq, labels) in &test_data {
        let pred = model.decode(seq);
        for (p, g) in pred.iter().zip(labels) {
            conf[*g as usize][*p as usize] += 1;
        }
        right += pred.iter().zip(labels).filter(|(a, b)| a == b).count();
        all += labels.len();
    }
    if std::env::var_os("CITEMAP_CONFUSION").is_some() {
        eprintln!("token confusion (row: gold label, column: predicted), labels in order:");
        eprintln!("{:?}", Label::ALL);
        for (l, row) in Label::ALL.iter().zip(&conf) {
            eprintln!("{:>10} {row:?}", format!("{l:?}"));
        }
    }
    (right as f64 / all.max(1) as f64, all)
}

fn write_outputs(dir: &PathBuf, ordered: &[&Gold], preds: &[Vec<Entry>]) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut g = BufWriter::new(std::fs::File::create(dir.join("gold.jsonl"))?);
    for x in ordered {
        writeln!(g, "{}", x.line)?;
    }
    g.flush()?;
    for ((name, _), entries) in policies().iter().zip(preds) {
        write_entries(dir.join(format!("pred-{name}.json")), entries)?;
    }
    eprintln!("wrote {}/gold.jsonl and pred-*.json", dir.display());
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
    let mut ordered: Vec<&Gold> = Vec::new();
    let mut preds: Vec<Vec<Entry>> = vec![Vec::new(); policies().len()];
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
        let (data, dropped) = examples(&train, opts.flags);
        let model = Tagger::train(&data, opts).quantised();
        let (acc, all) = token_accuracy(&model, &test, opts.flags);
        eprintln!(
            "fold {fold}: trained on {} ({dropped} dropped), token accuracy {acc:.4} on {all} test tokens",
            data.len(),
        );
        predict_all(&test, &model, &mut preds);
        ordered.extend(test);
    }
    write_outputs(dir, &ordered, &preds)
}

fn evaluate(gold: &[Gold], test: &[Gold], opts: TrainOptions, dir: &PathBuf) -> anyhow::Result<()> {
    let train: Vec<&Gold> = gold.iter().collect();
    let (data, dropped) = examples(&train, opts.flags);
    let model = Tagger::train(&data, opts).quantised();
    let test: Vec<&Gold> = test.iter().collect();
    let (acc, all) = token_accuracy(&model, &test, opts.flags);
    eprintln!(
        "trained on {} ({dropped} dropped), token accuracy {acc:.4} on {all} tokens of the other set",
        data.len(),
    );
    let mut preds: Vec<Vec<Entry>> = vec![Vec::new(); policies().len()];
    predict_all(&test, &model, &mut preds);
    write_outputs(dir, &test, &preds)
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let mut gold = Vec::new();
    for path in &args.gold {
        gold.extend(read_gold(path)?);
    }
    let opts = TrainOptions {
        epochs: args.epochs,
        bits: args.bits,
        flags: if args.no_words { 0 } else { WORDS } | if args.no_context { 0 } else { CONTEXT },
        ..TrainOptions::default()
    };
    if let Some(k) = args.cv {
        return cross_validate(&gold, k, opts, &args.dir);
    }
    if let Some(path) = &args.eval {
        let test = read_gold(path)?;
        return evaluate(&gold, &test, opts, &args.dir);
    }
    let all: Vec<&Gold> = gold.iter().collect();
    let (data, dropped) = examples(&all, opts.flags);
    let model = Tagger::train(&data, opts);
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {:?}", args.out))?;
    eprintln!(
        "trained on {} references ({dropped} dropped: text fields not found), wrote {} bytes to {}",
        data.len(),
        bytes.len(),
        args.out.display()
    );
    Ok(())
}
