//! Trains the works-cited line models (finder and splitter) on the gold
//! sets, or cross-validates them by document.
//!
//! ```text
//! cargo run --release --bin train-sections            # writes src/extract/{finder,splitter}.bin
//! cargo run --release --bin train-sections -- --folds 5 --out-dir /tmp/cv
//! ```
//!
//! Training reads `sections-dev` (whole papers: each line bibliography,
//! furniture or other) and `refseg-dev` (sections: first line of an entry,
//! continuation, furniture; its sections also teach the finder that a
//! whole list is bibliography). With `--folds K`, document `i` of each set
//! falls in fold `i mod K`; each fold is extracted with models trained on
//! the other folds, and the held-out predictions are written in the shape
//! `citemap extract` writes (`sections.json` as `--format json`,
//! `split.json` with each entry's raw text and source), for the scorers in
//! `../shared/tools`. Deterministic: same data, same models.

use anyhow::{bail, Context, Result};
use citemap::extract::features::{features, DocLine};
use citemap::extract::learn::{Lines, Model, TrainOptions};
use citemap::extract::learned::{self, doc_lines};
use citemap::extract::{extract_with, MAX_ENTRY_LEN};
use clap::Parser;
use rayon::prelude::*;
use serde_json::{json, Value};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

#[derive(Parser)]
#[command(about = "Train or cross-validate the works-cited line models")]
struct Args {
    /// Whole papers with their bibliography lines marked.
    #[arg(long, default_value = "../shared/gold/sections-dev")]
    sections: PathBuf,
    /// Reference sections with their entries marked.
    #[arg(long, default_value = "../shared/gold/refseg-dev")]
    refseg: PathBuf,
    /// Cross-validate with this many folds instead of training.
    #[arg(long, default_value_t = 0)]
    folds: usize,
    /// Where the models (training) or the held-out predictions (folds) go.
    #[arg(long, default_value = "src/extract")]
    out_dir: PathBuf,
    /// Passes over the data.
    #[arg(long, default_value_t = TrainOptions::default().epochs)]
    epochs: usize,
}

struct Doc {
    path: String,
    text: String,
    /// Finder labels per non-blank line.
    finder: Vec<u8>,
    finder_lines: Lines,
    /// Splitter labels per non-blank line (refseg only).
    splitter: Option<(Lines, Vec<u8>)>,
}

fn read_truth(dir: &Path) -> Result<Vec<Value>> {
    let text = std::fs::read_to_string(dir.join("truth.jsonl"))
        .with_context(|| format!("reading {}", dir.join("truth.jsonl").display()))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).context("truth line"))
        .collect()
}

fn spans(v: &Value) -> Vec<(usize, usize)> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| Some((s[0].as_u64()? as usize, s[1].as_u64()? as usize)))
        .collect()
}

fn indices(v: &Value) -> HashSet<usize> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|x| x.as_u64().map(|x| x as usize))
        .collect()
}

fn load_doc(dir: &Path, name: &str) -> Result<(String, String)> {
    let path = dir.join("docs").join(name);
    let text = std::fs::read_to_string(&path).with_context(|| format!("{}", path.display()))?;
    Ok((path.display().to_string(), text))
}

/// Features and labels of the non-blank lines, from labels per source line.
fn sequence(text: &str, label_of: impl Fn(usize) -> u8) -> (Lines, Vec<u8>) {
    let lines: Vec<&str> = text.split('\n').collect();
    let (dl, index): (Vec<DocLine<'_>>, Vec<usize>) = doc_lines(&lines, None);
    let labels = index.iter().map(|&i| label_of(i)).collect();
    (features(&dl), labels)
}

fn sections_docs(dir: &Path) -> Result<Vec<Doc>> {
    read_truth(dir)?
        .par_iter()
        .map(|t| {
            let name = t["doc"].as_str().context("doc")?.to_owned();
            let (path, text) = load_doc(dir, &name)?;
            let bib: HashSet<usize> = spans(&t["sections"])
                .into_iter()
                .flat_map(|(a, b)| a..=b)
                .collect();
            let mut furniture = indices(&t["furniture_inside"]);
            furniture.extend(indices(&t["furniture_edges"]));
            let (lines, labels) = sequence(&text, |i| {
                if bib.contains(&i) {
                    learned::BIB
                } else if furniture.contains(&i) {
                    learned::FURNITURE
                } else {
                    learned::OTHER
                }
            });
            Ok(Doc {
                path,
                text,
                finder: labels,
                finder_lines: lines,
                splitter: None,
            })
        })
        .collect()
}

/// Entry spans with the unlabelled pieces of a numbered list merged into
/// the entry before them (the scorer's "grouped" truth).
fn grouped_spans(t: &Value) -> Vec<(usize, usize)> {
    let s = spans(&t["line_spans"]);
    let labels: Vec<bool> = t["labels"]
        .as_array()
        .map(|a| a.iter().map(|l| !l.is_null()).collect())
        .unwrap_or_default();
    if labels.iter().filter(|&&l| l).count() * 2 < s.len() {
        return s;
    }
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (k, sp) in s.into_iter().enumerate() {
        match out.last_mut() {
            Some(last) if !labels.get(k).copied().unwrap_or(true) => last.1 = last.1.max(sp.1),
            _ => out.push(sp),
        }
    }
    out
}

fn refseg_docs(dir: &Path) -> Result<Vec<Doc>> {
    read_truth(dir)?
        .par_iter()
        .map(|t| {
            let name = t["doc"].as_str().context("doc")?.to_owned();
            let (path, text) = load_doc(dir, &name)?;
            let entries = grouped_spans(t);
            let n = text.split('\n').count();
            let mut split = vec![learned::FURNITURE; n];
            for (k, &(a, b)) in entries.iter().enumerate() {
                // An entry that starts where the one before ends starts
                // inside the line: that line continues the one above.
                let mid_line = k > 0 && entries[k - 1].1 == a;
                for (i, s) in split.iter_mut().enumerate().take(b + 1).skip(a) {
                    if *s == learned::FIRST && i == a {
                        continue;
                    }
                    *s = if i == a && !mid_line {
                        learned::FIRST
                    } else {
                        learned::CONT
                    };
                }
            }
            let (finder_lines, finder) = sequence(&text, |i| {
                if i == 0 || split.get(i) != Some(&learned::FURNITURE) {
                    learned::BIB
                } else {
                    learned::FURNITURE
                }
            });
            let splitter = sequence(&text, |i| {
                split.get(i).copied().unwrap_or(learned::FURNITURE)
            });
            Ok(Doc {
                path,
                text,
                finder,
                finder_lines,
                splitter: Some(splitter),
            })
        })
        .collect()
}

fn train(sections: &[&Doc], refseg: &[&Doc], epochs: usize) -> (Model, Model) {
    let opts = TrainOptions {
        epochs,
        ..TrainOptions::default()
    };
    let finder_data: Vec<(Lines, Vec<u8>)> = sections
        .iter()
        .chain(refseg)
        .map(|d| (d.finder_lines.clone(), d.finder.clone()))
        .collect();
    let splitter_data: Vec<(Lines, Vec<u8>)> =
        refseg.iter().filter_map(|d| d.splitter.clone()).collect();
    rayon::join(
        || Model::train(&finder_data, learned::FINDER_LABELS, opts),
        || Model::train(&splitter_data, learned::SPLITTER_LABELS, opts),
    )
}

fn main() -> Result<()> {
    let args = Args::parse();
    let sections = sections_docs(&args.sections)?;
    let refseg = refseg_docs(&args.refseg)?;
    eprintln!("{} papers, {} sections", sections.len(), refseg.len());
    std::fs::create_dir_all(&args.out_dir)?;
    if args.folds == 0 {
        let (f, s) = train(
            &sections.iter().collect::<Vec<_>>(),
            &refseg.iter().collect::<Vec<_>>(),
            args.epochs,
        );
        for (name, m) in [("finder.bin", f), ("splitter.bin", s)] {
            let path = args.out_dir.join(name);
            std::fs::write(&path, m.to_bytes())?;
            eprintln!("wrote {}", path.display());
        }
        return Ok(());
    }
    if args.folds < 2 {
        bail!("--folds needs at least 2");
    }
    let mut docs_out = Vec::new();
    let mut split_out = Vec::new();
    for fold in 0..args.folds {
        let folds = args.folds;
        fn part(set: &[Doc], folds: usize, fold: usize, held: bool) -> Vec<&Doc> {
            set.iter()
                .enumerate()
                .filter(|(i, _)| (i % folds == fold) == held)
                .map(|(_, d)| d)
                .collect()
        }
        let (f, s) = train(
            &part(&sections, folds, fold, false),
            &part(&refseg, folds, fold, false),
            args.epochs,
        );
        let held: Vec<Value> = part(&sections, folds, fold, true)
            .par_iter()
            .map(|d| serde_json::to_value(extract_with(&d.path, &d.text, None, Some((&f, &s)))))
            .collect::<Result<_, _>>()?;
        docs_out.extend(held);
        let split: Vec<Vec<Value>> = part(&refseg, folds, fold, true)
            .par_iter()
            .map(|d| {
                extract_with(&d.path, &d.text, None, Some((&f, &s)))
                    .entries
                    .iter()
                    .filter(|e| e.raw.len() <= MAX_ENTRY_LEN * 10)
                    .map(|e| {
                        // "raw" exactly as the CSL-JSON export writes it
                        // (the printed label in front); "bare" without it.
                        let printed = citemap::export::csl::item(e, "")["citemap"]["raw"].take();
                        json!({"citemap": {"raw": printed, "source": d.path, "bare": e.raw}})
                    })
                    .collect()
            })
            .collect();
        split_out.extend(split.into_iter().flatten());
        eprintln!("fold {} of {} done", fold + 1, args.folds);
    }
    let sp = args.out_dir.join("sections.json");
    std::fs::write(&sp, serde_json::to_vec(&docs_out)?)?;
    let rp = args.out_dir.join("split.json");
    std::fs::write(&rp, serde_json::to_vec(&split_out)?)?;
    let bare: Vec<Value> = split_out
        .iter()
        .map(
            |v| json!({"citemap": {"raw": v["citemap"]["bare"], "source": v["citemap"]["source"]}}),
        )
        .collect();
    std::fs::write(
        args.out_dir.join("split-bare.json"),
        serde_json::to_vec(&bare)?,
    )?;
    eprintln!("wrote {} and {}", sp.display(), rp.display());
    Ok(())
}
