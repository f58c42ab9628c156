//! Prints one JSON line of performance figures measured on a generated
//! corpus (see `citemap::synth`): parsing throughput on one core and on all
//! cores, extraction throughput, accuracy against the truth, resolution,
//! clustering of a 1M-node graph, SVG layout, the interactive map's layout
//! and the end-to-end command.
//!
//! ```text
//! cargo build --release && target/release/bench            # full sizes
//! target/release/bench --quick                              # a smoke run
//! target/release/bench --only parse,extract
//! target/release/bench --only map_layout --docs 2000
//! target/release/bench --only parse_real --real ../shared/gold/dev-refs.jsonl --real ../shared/gold/dev-refs-anystyle.jsonl
//! ```
//!
//! A section whose module is not built yet reports `{"skipped": reason}`.
//! Memory figures come from `/proc/self/status` (VmHWM, the peak resident
//! set), reset between sections through `/proc/self/clear_refs`.

use citemap::model::{Document, Entry, Outcome, Reference, Span, Style};
use citemap::synth::graph::{planted_graph, GraphConfig};
use citemap::synth::score::FieldScores;
use citemap::synth::{Config, Generator, SynthDoc, TruthDoc};
use clap::Parser;
use rayon::prelude::*;
use serde_json::{json, Map, Value};
use std::path::Path;
use std::time::Instant;

/// Measure citemap on a generated corpus and print one JSON line.
#[derive(Debug, Parser)]
#[command(name = "bench", version, about)]
struct Args {
    /// Documents in the corpus.
    #[arg(long, default_value_t = 10_000)]
    docs: usize,
    /// Entries per document.
    #[arg(long, default_value_t = 40)]
    refs: usize,
    /// Seed of the corpus and graph.
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Entries to resolve in the resolution section.
    #[arg(long, default_value_t = 1_000_000)]
    resolve_entries: usize,
    /// Nodes of the clustering graph.
    #[arg(long, default_value_t = 1_000_000)]
    graph_nodes: usize,
    /// Edges of the clustering graph.
    #[arg(long, default_value_t = 10_000_000)]
    graph_edges: usize,
    /// Nodes of the SVG layout figure.
    #[arg(long, default_value_t = 1_000)]
    svg_nodes: usize,
    /// Records of the generated Web of Science export (export section).
    #[arg(long, default_value_t = 100_000)]
    export_records: usize,
    /// Cited references per record of that export (on average).
    #[arg(long, default_value_t = 50)]
    export_refs: usize,
    /// Small sizes everywhere, for a quick check that every section runs.
    #[arg(long)]
    quick: bool,
    /// Run only these sections (comma-separated): parse, extract, accuracy,
    /// cite, resolve, graph, cluster, svg, map_layout, e2e, export, pdf.
    #[arg(long, value_delimiter = ',')]
    only: Vec<String>,
    /// Gold files (JSON lines with a "raw" string) whose real reference
    /// strings the `parse_real` section parses.
    #[arg(long)]
    real: Vec<std::path::PathBuf>,
    /// Passes over the real strings in `parse_real` (longer, steadier timing).
    #[arg(long, default_value_t = 5)]
    real_passes: usize,
    /// Folder of PDFs for the pdf section (read by citemap and, side by
    /// side, by `pdftotext` when installed).
    #[arg(long, default_value = "../shared/pdfs")]
    pdfs: std::path::PathBuf,
}

/// Parsing throughput on real reference strings (the `raw` of gold JSON
/// lines), as `citemap parse` reads them: repaired, no style hint. Timed
/// with the built-in tagger and with the grammar alone.
fn parse_real_section(paths: &[std::path::PathBuf], passes: usize) -> Figures {
    if paths.is_empty() {
        return Err("no --real files given".into());
    }
    let mut raws = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
            let raw = v["raw"].as_str().unwrap_or_default().replace('\n', " ");
            raws.push(citemap::extract::repair::repair_entry(raw.trim()).into_owned());
        }
    }
    let items: Vec<&str> = (0..passes.max(1))
        .flat_map(|_| raws.iter().map(String::as_str))
        .collect();
    let tagging = citemap::parse::tagger::builtin();
    let parsed = |raw: &&str, t| match citemap::parse::parse_reference_with(raw, Style::Unknown, t)
        .outcome
    {
        Outcome::Parsed { .. } => 1,
        Outcome::Unparsed { .. } => 0,
    };
    let full = throughput(&items, |raw| parsed(raw, tagging));
    let grammar = throughput(&items, |raw| parsed(raw, None));
    let bytes: usize = raws.iter().map(String::len).sum();
    Ok(json!({
        "entries": raws.len(),
        "passes": passes.max(1),
        "mean_entry_bytes": bytes / raws.len().max(1),
        "parsed_share": round(full.sink as f64 / 2.0 / items.len().max(1) as f64, 4),
        "entries_per_s_1_core": full.single.round(),
        "entries_per_cpu_s_1_core": full.single_cpu.round(),
        "entries_per_s_all_cores": full.all.round(),
        "entries_per_cpu_s_all_cores": full.all_cpu.round(),
        "grammar_only_entries_per_cpu_s_1_core": grammar.single_cpu.round(),
        "input": "raw strings of the given gold files, repaired as `citemap parse` does, no style hint",
    }))
}

/// A section's figures, or why it did not run.
type Figures = Result<Value, String>;

/// Peak and current resident set size in kB, from /proc/self/status.
fn memory_kb(key: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// CPU time (user + system) of this process so far, in seconds, from
/// /proc/self/stat (clock ticks of 1/100 s). On a shared machine CPU time
/// per item is steadier than wall time.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the parenthesised command name; utime and stime are the
    // 14th and 15th fields overall.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

/// The 1-minute load average: how contended the machine was.
fn load_average() -> Option<f64> {
    std::fs::read_to_string("/proc/loadavg")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// Resets VmHWM to the current RSS (Linux ≥ 4.0), so each section's peak is
/// its own.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn mb(kb: u64) -> f64 {
    (kb as f64 / 1024.0 * 10.0).round() / 10.0
}

fn round(x: f64, digits: i32) -> f64 {
    let f = 10f64.powi(digits);
    (x * f).round() / f
}

struct Corpus {
    docs: Vec<SynthDoc>,
    truth: Vec<TruthDoc>,
    seconds: f64,
}

fn corpus(args: &Args) -> Corpus {
    let t = Instant::now();
    let g = Generator::new(Config {
        docs: args.docs,
        refs_per_doc: args.refs,
        seed: args.seed,
        ..Config::default()
    });
    let (docs, truth) = (0..args.docs)
        .into_par_iter()
        .map(|i| g.document(i))
        .unzip();
    Corpus {
        docs,
        truth,
        seconds: t.elapsed().as_secs_f64(),
    }
}

fn is_stub(reason: &str) -> bool {
    reason.contains("not implemented")
}

/// Items per second of `f` over `items`.
struct Rates {
    /// One thread, wall clock.
    single: f64,
    /// One thread, per CPU second (immune to other processes' load).
    single_cpu: f64,
    /// All cores, wall clock.
    all: f64,
    /// All cores, per CPU second summed over threads: equal to
    /// `single_cpu` when the work parallelises without overhead, so that
    /// wall-clock rate grows with the cores a quiet machine has.
    all_cpu: f64,
    /// The sum of `f`'s results over both runs.
    sink: usize,
}

/// Times `f` over `items` on one core and on all cores.
fn throughput<T: Sync>(items: &[T], f: impl Fn(&T) -> usize + Sync) -> Rates {
    let n = items.len() as f64;
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a one-thread pool");
    let (t, cpu) = (Instant::now(), cpu_seconds());
    let sink: usize = one.install(|| items.iter().map(&f).sum());
    let single = n / t.elapsed().as_secs_f64();
    let single_cpu = n / (cpu_seconds() - cpu).max(0.01);
    let (t, cpu) = (Instant::now(), cpu_seconds());
    let sink2: usize = items.par_iter().map(&f).sum();
    let all = n / t.elapsed().as_secs_f64();
    let all_cpu = n / (cpu_seconds() - cpu).max(0.01);
    Rates {
        single,
        single_cpu,
        all,
        all_cpu,
        sink: sink + sink2,
    }
}

fn parse_section(c: &Corpus) -> Figures {
    let entries: Vec<(&str, Style)> = c
        .truth
        .iter()
        .flat_map(|d| d.entries.iter().map(move |e| (e.text.as_str(), d.style)))
        .collect();
    let probe = citemap::parse::parse_reference(entries[0].0, entries[0].1);
    if let Outcome::Unparsed { reason } = &probe.outcome {
        if is_stub(reason) {
            return Err(format!("parser is a stub: {reason}"));
        }
    }
    let bytes: usize = entries.iter().map(|e| e.0.len()).sum();
    let r = throughput(
        &entries,
        |(raw, style)| match citemap::parse::parse_reference(raw, *style).outcome {
            Outcome::Parsed { .. } => 1,
            Outcome::Unparsed { .. } => 0,
        },
    );
    Ok(json!({
        "entries": entries.len(),
        "parsed_share": round(r.sink as f64 / 2.0 / entries.len().max(1) as f64, 4),
        "mean_entry_bytes": bytes / entries.len().max(1),
        "entries_per_s_1_core": r.single.round(),
        "entries_per_cpu_s_1_core": r.single_cpu.round(),
        "entries_per_s_all_cores": r.all.round(),
        "entries_per_cpu_s_all_cores": r.all_cpu.round(),
        "parallel_efficiency": round(r.all_cpu / r.single_cpu, 2),
        "cores": rayon::current_num_threads(),
        "scaling": round(r.all / r.single, 2),
        "input": "clean entry text from truth.json, list style as hint",
    }))
}

fn accuracy_section(c: &Corpus) -> Figures {
    let pairs: Vec<(&Reference, &str, Style)> = c
        .truth
        .iter()
        .flat_map(|d| {
            d.entries
                .iter()
                .map(move |e| (&e.reference, e.text.as_str(), d.style))
        })
        .collect();
    let scores = pairs
        .par_iter()
        .fold(FieldScores::default, |mut s, (truth, raw, style)| {
            let parsed = citemap::parse::parse_reference(raw, *style);
            let reference = match &parsed.outcome {
                Outcome::Parsed { reference, .. } => Some(reference.as_ref()),
                Outcome::Unparsed { .. } => None,
            };
            s.add(truth, reference);
            s
        })
        .reduce(FieldScores::default, |mut a, b| {
            a.merge(&b);
            a
        });
    if scores.exact == 0 && scores.overall() < 0.05 {
        return Err("parser gives no fields yet".into());
    }
    let fields: Map<String, Value> = citemap::synth::score::FIELDS
        .iter()
        .filter_map(|f| {
            scores
                .accuracy(f)
                .map(|a| ((*f).to_owned(), json!(round(a, 4))))
        })
        .collect();
    Ok(json!({
        "entries": scores.entries,
        "exact_entries": round(scores.exact as f64 / scores.entries.max(1) as f64, 4),
        "field_accuracy": round(scores.overall(), 4),
        "fields": fields,
    }))
}

fn extract_section(c: &Corpus) -> Figures {
    let probe = citemap::extract::extract_text(&c.docs[0].name, &c.docs[0].text);
    if probe.entries.is_empty() && probe.notes.iter().any(|n| is_stub(n)) {
        return Err(format!("extraction is a stub: {}", probe.notes.join("; ")));
    }
    let bytes: usize = c.docs.iter().map(|d| d.text.len()).sum();
    let r = throughput(&c.docs, |d| {
        citemap::extract::extract_text(&d.name, &d.text)
            .entries
            .len()
    });
    let expected: usize = c.truth.iter().map(|t| t.entries.len()).sum();
    let per_doc = bytes as f64 / c.docs.len() as f64 / 1e6;
    let entries_per_doc = expected as f64 / c.docs.len() as f64;
    Ok(json!({
        "documents": c.docs.len(),
        "mb": round(bytes as f64 / 1e6, 1),
        "entries_per_s_1_core": (r.single * entries_per_doc).round(),
        "entries_per_cpu_s_1_core": (r.single_cpu * entries_per_doc).round(),
        "entries_per_cpu_s_all_cores": (r.all_cpu * entries_per_doc).round(),
        "mb_per_s_1_core": round(r.single * per_doc, 2),
        "mb_per_cpu_s_1_core": round(r.single_cpu * per_doc, 2),
        "mb_per_s_all_cores": round(r.all * per_doc, 2),
        "entries_found_per_true_entry": round(r.sink as f64 / 2.0 / expected.max(1) as f64, 4),
        "includes": "section finding, entry splitting, repair and parsing",
    }))
}

fn extract_all(c: &Corpus) -> Vec<Document> {
    c.docs
        .par_iter()
        .map(|d| citemap::extract::extract_text(&d.name, &d.text))
        .collect()
}

fn cite_section(c: &Corpus) -> Figures {
    let docs = extract_all(c);
    let bodies: Vec<(usize, std::ops::Range<usize>, Style)> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            (
                i,
                citemap::cite::scan::body_range(&c.docs[i].text, d),
                d.style,
            )
        })
        .collect();
    let bytes: usize = bodies.iter().map(|b| b.1.len()).sum();
    let scan = |(i, body, style): &(usize, std::ops::Range<usize>, Style)| {
        let opts = citemap::cite::scan::ScanOptions::for_style(*style);
        citemap::cite::scan::scan(&c.docs[*i].name, &c.docs[*i].text, body.clone(), &opts)
    };
    let r = throughput(&bodies, |b| scan(b).len());
    // The whole recognition a check runs: the scan, then the list's own
    // names looked for in the text (cite::known), then resolution.
    let with_list = throughput(&bodies, |(i, _, _)| {
        citemap::check::citations(&c.docs[*i].text, &docs[*i], None).len()
    });
    // Found vs true citations, by overlapping byte ranges.
    let (mut hit, mut found, mut truth_hit, mut truth_total) = (0, 0, 0, 0);
    for (b, t) in bodies.iter().zip(&c.truth) {
        let cites = scan(b);
        found += cites.len();
        hit += cites
            .iter()
            .filter(|x| {
                t.citations
                    .iter()
                    .any(|y| x.range.start < y.end && y.start < x.range.end)
            })
            .count();
        truth_total += t.citations.len();
        truth_hit += t
            .citations
            .iter()
            .filter(|y| {
                cites
                    .iter()
                    .any(|x| x.range.start < y.end && y.start < x.range.end)
            })
            .count();
    }
    let per_doc = bytes as f64 / bodies.len().max(1) as f64 / 1e6;
    Ok(json!({
        "documents": bodies.len(),
        "body_mb": round(bytes as f64 / 1e6, 1),
        "mb_per_s_1_core": round(r.single * per_doc, 2),
        "mb_per_cpu_s_1_core": round(r.single_cpu * per_doc, 2),
        "mb_per_s_all_cores": round(r.all * per_doc, 2),
        "with_list_and_resolution_mb_per_cpu_s_1_core": round(with_list.single_cpu * per_doc, 2),
        "citations_found": found,
        "true_citations": truth_total,
        "precision": round(hit as f64 / found.max(1) as f64, 4),
        "recall": round(truth_hit as f64 / truth_total.max(1) as f64, 4),
        "input": "document bodies (before the works-cited heading); extraction not timed",
    }))
}

/// Documents built straight from the truth (fields as written, parsed
/// perfectly), so resolution is measured on its own.
fn truth_documents(truth: &[TruthDoc]) -> Vec<Document> {
    truth
        .iter()
        .map(|t| Document {
            path: t.name.clone(),
            meta: Default::default(),
            section: None,
            sections: Vec::new(),
            style: t.style,
            entries: t
                .entries
                .iter()
                .map(|e| Entry {
                    span: Span {
                        path: t.name.clone().into(),
                        line: e.line,
                        end_line: e.end_line,
                        column: 1,
                    },
                    label: e.label.clone(),
                    marker: None,
                    raw: e.text.clone().into(),
                    style: t.style,
                    outcome: Outcome::Parsed {
                        reference: e.reference.clone().into(),
                        confidence: 1.0,
                    },
                })
                .collect(),
            notes: Vec::new(),
        })
        .collect()
}

fn resolve_section(args: &Args) -> Figures {
    let docs_needed = args.resolve_entries.div_ceil(args.refs.max(1));
    let g = Generator::new(Config {
        docs: docs_needed,
        refs_per_doc: args.refs,
        seed: args.seed,
        ..Config::default()
    });
    let truth: Vec<TruthDoc> = (0..docs_needed)
        .into_par_iter()
        .map(|i| g.document(i).1)
        .collect();
    let pool = g.works().len();
    drop(g);
    let docs = truth_documents(&truth);
    let entries: usize = docs.iter().map(|d| d.entries.len()).sum();
    let text_bytes: usize = docs
        .iter()
        .flat_map(|d| d.entries.iter().map(|e| e.raw.len()))
        .sum();
    let true_work: Vec<usize> = truth
        .iter()
        .flat_map(|t| t.entries.iter().map(|e| e.work))
        .collect();
    drop(truth);
    let before = memory_kb("VmRSS:").unwrap_or(0);
    reset_peak();
    let (t, cpu) = (Instant::now(), cpu_seconds());
    let res = citemap::resolve::resolve(&docs, &[], &citemap::resolve::Options::default());
    let seconds = t.elapsed().as_secs_f64();
    let cpu_s = cpu_seconds() - cpu;
    let peak = memory_kb("VmHWM:").unwrap_or(0);
    let predicted: Vec<usize> = res.work_of.iter().flatten().map(|&w| w as usize).collect();
    let pr = citemap::synth::score::pairwise(&predicted, &true_work);
    let extra_kb = peak.saturating_sub(before);
    Ok(json!({
        "entries": entries,
        "documents": docs.len(),
        "true_works_in_pool": pool,
        "works_found": res.works.len(),
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu_s, 2),
        "entries_per_s": (entries as f64 / seconds).round(),
        "peak_rss_beyond_input_mb": mb(extra_kb),
        "bytes_per_entry_beyond_input": (extra_kb as f64 * 1024.0 / entries.max(1) as f64).round(),
        "input_entry_text_mb": round(text_bytes as f64 / 1e6, 1),
        "pairwise_precision": round(pr.precision, 4),
        "pairwise_recall": round(pr.recall, 4),
        "input": "parsed entries built from truth.json (perfect parsing), so only resolution is timed",
    }))
}

/// The library pipeline on the corpus: extraction (with parsing),
/// resolution and the typed network, each timed, plus resolution accuracy
/// on real (imperfect) extraction.
fn graph_section(c: &Corpus) -> Figures {
    let t = Instant::now();
    let docs = extract_all(c);
    let extract_s = t.elapsed().as_secs_f64();
    // The opening of each document, cut at a character boundary.
    let heads: Vec<&str> = c
        .docs
        .iter()
        .map(|d| {
            let mut end = d.text.len().min(2000);
            while !d.text.is_char_boundary(end) {
                end -= 1;
            }
            &d.text[..end]
        })
        .collect();
    let t = Instant::now();
    let res = citemap::resolve::resolve(&docs, &heads, &citemap::resolve::Options::default());
    let resolve_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let net = citemap::graph::Network::build(&res);
    let build_s = t.elapsed().as_secs_f64();
    // Resolution accuracy over extracted entries that match a true entry's
    // first line.
    let (mut predicted, mut truth) = (Vec::new(), Vec::new());
    for (d, (doc, t)) in docs.iter().zip(&c.truth).enumerate() {
        for (e, entry) in doc.entries.iter().enumerate() {
            if let Some(te) = t.entries.iter().find(|x| x.line == entry.span.line) {
                if let Some(&w) = res.work_of.get(d).and_then(|v| v.get(e)) {
                    predicted.push(w as usize);
                    truth.push(te.work);
                }
            }
        }
    }
    let pr = citemap::synth::score::pairwise(&predicted, &truth);
    Ok(json!({
        "documents": docs.len(),
        "extract_and_parse_seconds": round(extract_s, 2),
        "resolve_seconds": round(resolve_s, 2),
        "network_build_seconds": round(build_s, 3),
        "nodes": net.graph.node_count(),
        "edges": net.graph.edge_count(),
        "works_found": res.works.len(),
        "matched_entries": predicted.len(),
        "pairwise_precision": round(pr.precision, 4),
        "pairwise_recall": round(pr.recall, 4),
    }))
}

fn cluster_section(args: &Args) -> Figures {
    use citemap::analyze::cluster::{leiden_csr, quality, Config as Leiden, Csr};
    let t = Instant::now();
    let g = planted_graph(&GraphConfig {
        nodes: args.graph_nodes,
        edges: args.graph_edges,
        communities: (args.graph_nodes / 1000).max(2),
        seed: args.seed,
        ..Default::default()
    });
    let generate_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let csr = Csr::from_edges(
        g.nodes,
        g.edges
            .iter()
            .map(|&(u, v, w)| (u as usize, v as usize, f64::from(w))),
    );
    let csr_s = t.elapsed().as_secs_f64();
    let edges = g.edges.len();
    let planted: Vec<usize> = g.community.iter().map(|&c| c as usize).collect();
    drop(g);
    let (t, cpu) = (Instant::now(), cpu_seconds());
    let partition = leiden_csr(
        &csr,
        &Leiden {
            seed: args.seed,
            ..Leiden::default()
        },
    );
    let seconds = t.elapsed().as_secs_f64();
    let cpu_s = cpu_seconds() - cpu;
    Ok(json!({
        "nodes": planted.len(),
        "edges": edges,
        "graph_generate_seconds": round(generate_s, 2),
        "csr_build_seconds": round(csr_s, 2),
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu_s, 2),
        "clusters": partition.count,
        "modularity": round(quality(&csr, &partition.membership, 1.0), 4),
        "planted_modularity": round(quality(&csr, &planted, 1.0), 4),
        "planted_communities": planted.iter().max().map_or(0, |m| m + 1),
        "call": "leiden_csr(&Csr::from_edges(..), &Config { seed, ..default })",
    }))
}

/// Lays out and draws a figure of `svg_nodes` nodes: a tenth documents, the
/// rest works, edges and groups from a planted graph.
fn svg_section(args: &Args) -> Figures {
    use citemap::render::{svg, Edge, Figure, Node, NodeKind};
    let n = args.svg_nodes.max(2);
    let g = planted_graph(&GraphConfig {
        nodes: n,
        edges: n * 3,
        communities: (n / 100).max(2),
        seed: args.seed,
        ..Default::default()
    });
    let mut figure = Figure::new("bench");
    figure.nodes = (0..n)
        .map(|i| {
            let kind = if i % 10 == 0 {
                NodeKind::Document
            } else {
                NodeKind::Work
            };
            Node::new(format!("n:{i}"), format!("Author{i} 20{:02}", i % 25), kind)
                .weighing(1.0 + (i % 7) as f64)
                .in_group(g.community[i] as usize)
        })
        .collect();
    figure.edges = g
        .edges
        .iter()
        .map(|&(u, v, _)| Edge::new(u as usize, v as usize))
        .collect();
    figure.groups = (0..=g.community.iter().copied().max().unwrap_or(0))
        .map(|c| citemap::render::Group {
            label: format!("group {c}"),
        })
        .collect();
    let (t, cpu) = (Instant::now(), cpu_seconds());
    let drawn = svg::to_svg(&figure, &svg::Options::default());
    let seconds = t.elapsed().as_secs_f64();
    Ok(json!({
        "nodes": n,
        "edges": figure.edges.len(),
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu_seconds() - cpu, 2),
        "svg_kb": drawn.len() / 1024,
        "call": "render::svg::to_svg(&figure, &Options::default()) (built-in force layout + SVG)",
    }))
}

/// The interactive map's layout on the generated corpus: extraction and
/// analysis as `citemap map` does them (untimed), then the force layout of
/// every view of map.html (timed), with how well each view keeps its
/// clusters apart (see `render::layout::quality`).
fn map_layout_section(c: &Corpus) -> Figures {
    use citemap::render::{html, layout::quality};
    let docs = extract_all(c);
    let texts: Vec<&str> = c.docs.iter().map(|d| d.text.as_str()).collect();
    let analysis = citemap::report::analyse(docs, &texts, &Default::default());
    let map = citemap::report::interactive::map(
        &analysis,
        &citemap::report::figures::all(&analysis, &Default::default()),
    );
    // The seed `citemap map` uses by default.
    let (t, cpu) = (Instant::now(), cpu_seconds());
    let positions = html::positions(&map, 42);
    let (seconds, cpu) = (t.elapsed().as_secs_f64(), cpu_seconds() - cpu);
    let views: Vec<Value> = map
        .views
        .iter()
        .zip(&positions)
        .map(|(v, p)| {
            let s = quality::separation(&v.figure, p);
            json!({
                "view": v.name,
                "nodes": v.figure.nodes.len(),
                "edges": v.figure.edges.len(),
                "groups_measured": s.map(|s| s.groups),
                "worst_group_separation": s.map(|s| round(s.worst, 2)),
                "median_group_separation": s.map(|s| round(s.median, 2)),
                "nearest_in_same_group": s.map(|s| round(s.nearest_same, 3)),
                "nearest_distance_median": s.map(|s| round(s.nearest_median, 1)),
                "edge_length_median": s.map(|s| round(s.edge_median, 1)),
                "edge_locality": s.map(|s| round(s.edge_locality, 3)),
                "extent": s.map(|s| round(s.extent, 2)),
            })
        })
        .collect();
    Ok(json!({
        "documents": c.docs.len(),
        "layout_seconds": round(seconds, 2),
        "layout_cpu_seconds": round(cpu, 2),
        "views": views,
        "call": "render::html::positions(&report::interactive::map(..), 42) (every view of map.html)",
    }))
}

/// Writes the corpus to a scratch folder and runs the `citemap` binary
/// beside this one over it.
fn e2e_section(c: &Corpus) -> Figures {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let citemap = exe.with_file_name("citemap");
    if !citemap.exists() {
        return Err(format!(
            "{} not built: run `cargo build --release` first",
            citemap.display()
        ));
    }
    let help = std::process::Command::new(&citemap)
        .arg("--help")
        .output()
        .map_err(|e| e.to_string())?;
    let has_map = String::from_utf8_lossy(&help.stdout)
        .lines()
        .any(|l| l.trim_start().starts_with("map "));
    let dir = std::env::temp_dir().join(format!("citemap-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let written: Result<(), String> = c
        .docs
        .par_iter()
        .try_for_each(|d| std::fs::write(dir.join(&d.name), &d.text).map_err(|e| e.to_string()));
    let result = written.and_then(|()| {
        let (cmd, extra): (&str, Vec<String>) = if has_map {
            let out = dir.join("map-out");
            ("map", vec!["--output".into(), out.display().to_string()])
        } else {
            ("extract", vec!["--format".into(), "json".into()])
        };
        run_timed(&citemap, cmd, &dir, &extra)
    });
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn run_timed(citemap: &Path, cmd: &str, dir: &Path, extra: &[String]) -> Figures {
    let t = Instant::now();
    let out = std::process::Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%M %U %S")
        .arg(citemap)
        .arg(cmd)
        .arg(dir)
        .args(extra)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .output()
        .or_else(|_| {
            std::process::Command::new(citemap)
                .arg(cmd)
                .arg(dir)
                .args(extra)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .output()
        })
        .map_err(|e| e.to_string())?;
    let seconds = t.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&out.stderr);
    // /usr/bin/time's last line: peak RSS in kB, user and system seconds.
    let last: Vec<&str> = stderr
        .lines()
        .last()
        .map_or(Vec::new(), |l| l.split_whitespace().collect());
    let peak_kb: Option<u64> = last.first().and_then(|v| v.parse().ok());
    let cpu_s: Option<f64> = match (last.get(1), last.get(2)) {
        (Some(u), Some(s)) => u
            .parse::<f64>()
            .ok()
            .zip(s.parse::<f64>().ok())
            .map(|(u, s)| u + s),
        _ => None,
    };
    if !out.status.success() && out.status.code() != Some(1) {
        return Err(format!(
            "citemap {cmd} failed ({}): {}",
            out.status,
            stderr.lines().take(3).collect::<Vec<_>>().join(" | ")
        ));
    }
    Ok(json!({
        "command": format!("citemap {cmd} DIR {}", extra.join(" ")).trim_end(),
        "seconds": round(seconds, 2),
        "cpu_seconds": cpu_s.map(|c| round(c, 2)),
        "peak_rss_mb": peak_kb.map(mb),
    }))
}

/// A generated WoS plain-text export (issue #13): written to a temporary
/// file, then read, resolved and built into a network, each step timed.
fn export_section(args: &Args) -> Figures {
    use citemap::synth::export::{write_wos_export, ExportConfig};
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let path = dir.path().join("export-wos.txt");
    let cfg = ExportConfig {
        records: args.export_records,
        refs_per_record: args.export_refs,
        pool: 0,
        seed: args.seed,
    };
    let t = Instant::now();
    let file = std::fs::File::create(&path).map_err(|e| e.to_string())?;
    let truth = write_wos_export(&cfg, std::io::BufWriter::new(file)).map_err(|e| e.to_string())?;
    let generate_s = t.elapsed().as_secs_f64();
    let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
    let cpu0 = cpu_seconds();
    // After each step: its CPU time, and memory over the resident set at
    // the start: the peak so far (VmHWM; the step where it jumps is where
    // it is reached) and what stays resident.
    let base_kb = memory_kb("VmRSS:").unwrap_or(0);
    let mut stages = Map::new();
    let mut cpu_before = cpu0;
    let mut stage = |name: &str| {
        let peak = memory_kb("VmHWM:").unwrap_or(0).saturating_sub(base_kb);
        let after = memory_kb("VmRSS:").unwrap_or(0).saturating_sub(base_kb);
        let cpu = cpu_seconds();
        stages.insert(
            name.to_owned(),
            json!({"peak_so_far_mb": mb(peak), "resident_mb": mb(after),
                   "cpu_seconds": round(cpu - cpu_before, 2)}),
        );
        cpu_before = cpu;
    };
    let t0 = Instant::now();
    let sources = citemap::input::read(&path).map_err(|e| e.to_string())?;
    let read_s = t0.elapsed().as_secs_f64();
    stage("read");
    let t = Instant::now();
    // The stated lists move into the documents rather than being copied,
    // as `citemap graph` and `map` do, so the references are held once.
    let docs: Vec<Document> = sources
        .into_par_iter()
        .map(|mut s| citemap::extract::extract_mut(&mut s))
        .collect();
    let extract_s = t.elapsed().as_secs_f64();
    stage("extract");
    let t = Instant::now();
    let res = citemap::resolve::resolve(&docs, &[], &citemap::resolve::Options::default());
    let resolve_s = t.elapsed().as_secs_f64();
    stage("resolve");
    let t = Instant::now();
    let net = citemap::graph::Network::build(&res);
    let build_s = t.elapsed().as_secs_f64();
    stage("network");
    let total_s = t0.elapsed().as_secs_f64();
    let cited_records = res.documents.iter().filter(|d| d.work.is_some()).count();
    Ok(json!({
        "records": truth.records,
        "cited_references": truth.cited_references,
        "file_mb": round(bytes as f64 / 1e6, 1),
        "generate_seconds": round(generate_s, 2),
        "read_seconds": round(read_s, 2),
        "extract_seconds": round(extract_s, 2),
        "resolve_seconds": round(resolve_s, 2),
        "network_build_seconds": round(build_s, 2),
        "read_to_network_seconds": round(total_s, 2),
        "cpu_seconds": round(cpu_seconds() - cpu0, 2),
        "by_step": stages,
        "records_read": docs.len(),
        "references_read": docs.iter().map(|d| d.entries.len()).sum::<usize>(),
        "distinct_works_true": truth.distinct_works,
        "works_found": res.works.len(),
        "records_cited_inside_export": cited_records,
        "nodes": net.graph.node_count(),
        "edges": net.graph.edge_count(),
    }))
}

/// Reading PDFs: time per page and peak memory per page, citemap's reader
/// (in this process, best of three runs) beside `pdftotext` (a process per
/// file, through `/usr/bin/time`) on the same files.
fn pdf_section(dir: &Path) -> Figures {
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("no PDFs in {}", dir.display()));
    }
    let mut rows = Vec::new();
    let (mut pages_all, mut ours_all, mut theirs_all) = (0u32, 0.0f64, 0.0f64);
    for path in &files {
        let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
        let before = memory_kb("VmRSS:").unwrap_or(0);
        reset_peak();
        let mut best = f64::INFINITY;
        let mut pages = 0;
        for _ in 0..3 {
            let t = Instant::now();
            let src = citemap::input::pdf::read(path, &bytes).map_err(|e| e.to_string())?;
            best = best.min(t.elapsed().as_secs_f64());
            pages = src
                .layout
                .as_ref()
                .and_then(|l| l.iter().map(|l| l.page).max())
                .unwrap_or(0);
        }
        let peak = memory_kb("VmHWM:").unwrap_or(0).saturating_sub(before);
        let pages_f = f64::from(pages.max(1));
        // Whole processes, measured alike: `pdftotext FILE` and
        // `citemap extract FILE` (which also finds and parses the list).
        let timed = |program: &Path, args: &[&std::ffi::OsStr]| {
            std::process::Command::new("/usr/bin/time")
                .args(["-f", "%M %e"])
                .arg(program)
                .args(args)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .output()
                .ok()
                .filter(|o| o.status.success())
                .and_then(|o| {
                    let err = String::from_utf8_lossy(&o.stderr).into_owned();
                    let last: Vec<f64> = err
                        .lines()
                        .last()?
                        .split_whitespace()
                        .filter_map(|v| v.parse().ok())
                        .collect();
                    Some((last.first().copied()?, last.get(1).copied()?))
                })
        };
        let theirs = timed(
            Path::new("pdftotext"),
            &[path.as_os_str(), std::ffi::OsStr::new("/dev/null")],
        );
        let exe = std::env::current_exe().map_err(|e| e.to_string())?;
        let ours_cmd = timed(
            &exe.with_file_name("citemap"),
            &[std::ffi::OsStr::new("extract"), path.as_os_str()],
        );
        let candidates = pdf_candidates(path, &bytes);
        pages_all += pages;
        ours_all += best;
        theirs_all += theirs.map_or(0.0, |t| t.1);
        rows.push(json!({
            "file": path.file_name().map(|n| n.to_string_lossy().into_owned()),
            "pages": pages,
            "citemap_ms_per_page": round(best * 1000.0 / pages_f, 2),
            "citemap_read_peak_kb_growth": peak,
            "citemap_extract_ms_per_page": ours_cmd.map(|t| round(t.1 * 1000.0 / pages_f, 2)),
            "citemap_extract_peak_kb_per_page": ours_cmd.map(|t| round(t.0 / pages_f, 0)),
            "pdftotext_ms_per_page": theirs.map(|t| round(t.1 * 1000.0 / pages_f, 2)),
            "pdftotext_peak_kb_per_page": theirs.map(|t| round(t.0 / pages_f, 0)),
            "candidates": candidates,
        }));
    }
    Ok(json!({
        "files": rows,
        "pages": pages_all,
        "citemap_ms_per_page": round(ours_all * 1000.0 / f64::from(pages_all.max(1)), 2),
        "pdftotext_ms_per_page": round(theirs_all * 1000.0 / f64::from(pages_all.max(1)), 2),
        "note": "citemap_ms_per_page: the reader in-process, best of 3; citemap_extract_* and pdftotext_*: one whole process per file (`citemap extract FILE` also finds and parses the list), peak RSS and wall time at 10 ms resolution, through /usr/bin/time",
    }))
}

/// The readers compared when choosing one (README "Formats: PDF"): for
/// each, time per page and how much of the works-cited list of
/// `pdftotext`'s text layer (from its last "References" line on) it
/// reproduces, as recall of words and of word pairs (pairs fall when
/// columns or lines are interleaved).
fn pdf_candidates(path: &Path, bytes: &[u8]) -> Value {
    let Some(layer) = std::process::Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
    else {
        return json!("pdftotext not installed");
    };
    let start = layer
        .lines()
        .enumerate()
        .filter(|(_, l)| {
            let t = l.trim().to_lowercase();
            t == "references" || t == "bibliography" || t == "works cited"
        })
        .map(|(i, _)| i)
        .last()
        .unwrap_or(0);
    let list: String = layer.lines().skip(start).collect::<Vec<_>>().join("\n");
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let want = words(&list);
    let recall = |text: &str| -> (f64, f64) {
        let got = words(text);
        let mut bag: std::collections::HashMap<&str, usize> = Default::default();
        for w in &got {
            *bag.entry(w).or_default() += 1;
        }
        let hit = want
            .iter()
            .filter(|w| {
                bag.get_mut(w.as_str()).is_some_and(|n| {
                    *n > 0 && {
                        *n -= 1;
                        true
                    }
                })
            })
            .count();
        let mut pairs: std::collections::HashMap<(&str, &str), usize> = Default::default();
        for p in got.windows(2) {
            *pairs.entry((&p[0], &p[1])).or_default() += 1;
        }
        let pair_hit = want
            .windows(2)
            .filter(|p| {
                pairs
                    .get_mut(&(p[0].as_str(), p[1].as_str()))
                    .is_some_and(|n| {
                        *n > 0 && {
                            *n -= 1;
                            true
                        }
                    })
            })
            .count();
        let n = want.len().max(1) as f64;
        (
            round(hit as f64 / n, 3),
            round(pair_hit as f64 / (n - 1.0).max(1.0), 3),
        )
    };
    type Reader = fn(&[u8]) -> Result<String, String>;
    let readers: [(&str, Reader); 3] = [
        ("citemap (pdf-extract glyphs + own layout)", |b| {
            citemap::input::pdf::read(Path::new("x.pdf"), b)
                .map(|s| s.text)
                .map_err(|e| e.to_string())
        }),
        ("pdf-extract plain text", |b| {
            pdf_extract::extract_text_from_mem(b).map_err(|e| e.to_string())
        }),
        ("lopdf extract_text", |b| {
            let doc = lopdf::Document::load_mem(b).map_err(|e| e.to_string())?;
            let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
            doc.extract_text(&pages).map_err(|e| e.to_string())
        }),
    ];
    let mut out = Map::new();
    for (name, read) in readers {
        let t = Instant::now();
        let result = std::panic::catch_unwind(|| read(bytes));
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        let v = match result {
            Ok(Ok(text)) => {
                let (w, p) = recall(&text);
                json!({"ms": round(ms, 1), "word_recall": w, "pair_recall": p})
            }
            Ok(Err(e)) => json!({"error": e}),
            Err(_) => json!({"error": "panicked"}),
        };
        out.insert(name.into(), v);
    }
    Value::Object(out)
}

fn main() {
    let mut args = Args::parse();
    if args.quick {
        args.docs = args.docs.min(200);
        args.resolve_entries = args.resolve_entries.min(20_000);
        args.graph_nodes = args.graph_nodes.min(20_000);
        args.graph_edges = args.graph_edges.min(200_000);
        args.svg_nodes = args.svg_nodes.min(200);
        args.export_records = args.export_records.min(2_000);
    }
    let wanted = |name: &str| args.only.is_empty() || args.only.iter().any(|o| o == name);
    let mut out = Map::new();
    out.insert("cores".into(), json!(rayon::current_num_threads()));
    out.insert("load_average_at_start".into(), json!(load_average()));
    out.insert(
        "config".into(),
        json!({"docs": args.docs, "refs": args.refs, "seed": args.seed,
               "resolve_entries": args.resolve_entries, "graph_nodes": args.graph_nodes,
               "graph_edges": args.graph_edges, "svg_nodes": args.svg_nodes}),
    );

    if wanted("parse_real") && !args.real.is_empty() {
        eprintln!("bench: parse_real…");
        let t = Instant::now();
        let value = match parse_real_section(&args.real, args.real_passes) {
            Ok(Value::Object(mut m)) => {
                m.insert(
                    "section_seconds".into(),
                    json!(round(t.elapsed().as_secs_f64(), 2)),
                );
                Value::Object(m)
            }
            Ok(v) => v,
            Err(reason) => json!({ "skipped": reason }),
        };
        out.insert("parse_real".into(), value);
        if args.only.iter().all(|o| o == "parse_real") {
            println!("{}", Value::Object(out));
            return;
        }
    }

    reset_peak();
    let c = corpus(&args);
    // Sections reset VmHWM, so the overall peak is the largest seen.
    let mut peak_kb = memory_kb("VmHWM:").unwrap_or(0);
    let bytes: usize = c.docs.iter().map(|d| d.text.len()).sum();
    out.insert(
        "corpus".into(),
        json!({"documents": c.docs.len(),
               "entries": c.truth.iter().map(|t| t.entries.len()).sum::<usize>(),
               "mb": round(bytes as f64 / 1e6, 1),
               "generate_seconds": round(c.seconds, 2)}),
    );

    let mut run = |name: &str, f: &dyn Fn() -> Figures| {
        if !wanted(name) {
            return;
        }
        eprintln!("bench: {name}…");
        let before = memory_kb("VmRSS:").unwrap_or(0);
        reset_peak();
        let t = Instant::now();
        let figures = f();
        let wall = t.elapsed().as_secs_f64();
        let value = match figures {
            Ok(Value::Object(mut m)) => {
                m.insert("section_seconds".into(), json!(round(wall, 2)));
                if let Some(peak) = memory_kb("VmHWM:") {
                    peak_kb = peak_kb.max(peak);
                    m.insert(
                        "peak_rss_over_start_mb".into(),
                        json!(mb(peak.saturating_sub(before))),
                    );
                }
                Value::Object(m)
            }
            Ok(v) => v,
            Err(reason) => json!({ "skipped": reason }),
        };
        out.insert(name.to_owned(), value);
    };
    run("parse", &|| parse_section(&c));
    run("accuracy", &|| accuracy_section(&c));
    run("extract", &|| extract_section(&c));
    run("cite", &|| cite_section(&c));
    run("graph", &|| graph_section(&c));
    run("resolve", &|| resolve_section(&args));
    run("cluster", &|| cluster_section(&args));
    run("svg", &|| svg_section(&args));
    run("map_layout", &|| map_layout_section(&c));
    run("e2e", &|| e2e_section(&c));
    run("export", &|| export_section(&args));
    run("pdf", &|| pdf_section(&args.pdfs));
    let peak_kb = peak_kb.max(memory_kb("VmHWM:").unwrap_or(0));
    out.insert("peak_rss_mb".into(), json!(mb(peak_kb)));
    out.insert("load_average_at_end".into(), json!(load_average()));
    println!("{}", Value::Object(out));
}
