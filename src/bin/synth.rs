//! Generates a synthetic corpus with known truth:
//! `synth --docs 10000 --refs 40 --seed 7 --out DIR` writes `DIR/000000.txt`
//! … and `DIR/truth.json`. The same arguments always give the same files.

use anyhow::Context;
use citemap::synth::graph::{planted_graph, GraphConfig};
use citemap::synth::{Config, DamageRates, Generator};
use citemap::Style;
use clap::Parser;
use rayon::prelude::*;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

/// Generate a synthetic corpus of scholarly documents with known truth.
#[derive(Debug, Parser)]
#[command(name = "synth", version, about)]
struct Args {
    /// Number of documents.
    #[arg(long, default_value_t = 100)]
    docs: usize,
    /// Entries per reference list.
    #[arg(long, default_value_t = 40)]
    refs: usize,
    /// Works in the shared pool (0: max(5 × refs, docs × refs / 10, 50)).
    #[arg(long, default_value_t = 0)]
    pool: usize,
    /// Seed; the corpus is a pure function of the arguments.
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Styles to draw from, comma-separated (mla, apa, chicago, ieee).
    #[arg(long, value_delimiter = ',', default_value = "mla,apa,chicago,ieee")]
    styles: Vec<String>,
    /// Generate clean documents: no PDF damage, no misspellings.
    #[arg(long)]
    clean: bool,
    /// Also write a planted-partition graph with this many nodes to
    /// OUT/graph.tsv ("u v weight" lines) and its communities to
    /// OUT/graph-communities.tsv, for clustering benchmarks (0: none).
    #[arg(long, default_value_t = 0)]
    graph_nodes: usize,
    /// Distinct edges of that graph.
    #[arg(long, default_value_t = 10_000_000)]
    graph_edges: usize,
    /// Also write a Web of Science plain-text export with this many records
    /// (`--refs` cited references each, on average) to OUT/export-wos.txt and
    /// its truth to OUT/export-truth.json (0: none).
    #[arg(long, default_value_t = 0)]
    wos_export: usize,
    /// Output folder (created if missing).
    #[arg(long)]
    out: PathBuf,
}

fn style(name: &str) -> anyhow::Result<Style> {
    Ok(match name.trim().to_ascii_lowercase().as_str() {
        "mla" => Style::Mla,
        "apa" => Style::Apa,
        "chicago" => Style::Chicago,
        "ieee" => Style::Ieee,
        other => anyhow::bail!("unknown style {other:?} (expected mla, apa, chicago or ieee)"),
    })
}

fn run() -> anyhow::Result<()> {
    let args = Args::parse();
    let config = Config {
        docs: args.docs,
        refs_per_doc: args.refs,
        pool_size: args.pool,
        seed: args.seed,
        styles: args
            .styles
            .iter()
            .map(|s| style(s))
            .collect::<anyhow::Result<_>>()?,
        damage: if args.clean {
            DamageRates::none()
        } else {
            DamageRates::default()
        },
        ..Config::default()
    };
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("creating {}", args.out.display()))?;
    if args.graph_nodes > 0 {
        write_graph(&args)?;
    }
    if args.wos_export > 0 {
        write_export(&args)?;
    }
    let generator = Generator::new(config);
    let truths = (0..args.docs)
        .into_par_iter()
        .map(|i| {
            let (doc, truth) = generator.document(i);
            let path = args.out.join(&doc.name);
            std::fs::write(&path, doc.text.as_bytes())
                .with_context(|| format!("writing {}", path.display()))?;
            Ok(truth)
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let entries: usize = truths.iter().map(|t| t.entries.len()).sum();
    let truth = generator.into_truth(truths);
    let path = args.out.join("truth.json");
    let file =
        std::fs::File::create(&path).with_context(|| format!("writing {}", path.display()))?;
    let mut w = BufWriter::new(file);
    serde_json::to_writer(&mut w, &truth)?;
    w.flush()?;
    eprintln!(
        "synth: {} documents, {entries} entries, {} works in {}",
        args.docs,
        truth.works.len(),
        args.out.display()
    );
    Ok(())
}

fn write_export(args: &Args) -> anyhow::Result<()> {
    use citemap::synth::export::{write_wos_export, ExportConfig};
    let cfg = ExportConfig {
        records: args.wos_export,
        refs_per_record: args.refs,
        pool: args.pool,
        seed: args.seed,
    };
    let path = args.out.join("export-wos.txt");
    let file =
        std::fs::File::create(&path).with_context(|| format!("writing {}", path.display()))?;
    let truth = write_wos_export(&cfg, BufWriter::new(file))?;
    let tpath = args.out.join("export-truth.json");
    std::fs::write(&tpath, serde_json::to_string(&truth)?)
        .with_context(|| format!("writing {}", tpath.display()))?;
    eprintln!(
        "synth: WoS export of {} records, {} cited references, {} distinct works in {}",
        truth.records,
        truth.cited_references,
        truth.distinct_works,
        path.display()
    );
    Ok(())
}

fn write_graph(args: &Args) -> anyhow::Result<()> {
    let g = planted_graph(&GraphConfig {
        nodes: args.graph_nodes,
        edges: args.graph_edges,
        communities: (args.graph_nodes / 1000).max(2),
        seed: args.seed,
        ..GraphConfig::default()
    });
    let path = args.out.join("graph.tsv");
    let mut w = BufWriter::new(
        std::fs::File::create(&path).with_context(|| format!("writing {}", path.display()))?,
    );
    for (u, v, weight) in &g.edges {
        writeln!(w, "{u}\t{v}\t{weight}")?;
    }
    w.flush()?;
    let path = args.out.join("graph-communities.tsv");
    let mut w = BufWriter::new(
        std::fs::File::create(&path).with_context(|| format!("writing {}", path.display()))?,
    );
    for (node, c) in g.community.iter().enumerate() {
        writeln!(w, "{node}\t{c}")?;
    }
    w.flush()?;
    eprintln!("synth: graph of {} nodes, {} edges", g.nodes, g.edges.len());
    Ok(())
}

fn main() {
    if let Err(err) = run() {
        eprintln!("synth: {err:#}");
        std::process::exit(2);
    }
}
