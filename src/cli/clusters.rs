//! `citemap clusters`: communities of the citation network, with labels.

use super::map::{analyse_paths, draw_svg, CommonArgs, MAX_FIGURE_NODES};
use super::progress::Progress;
use super::Status;
use anyhow::{bail, Context};
use citemap::analyze::cluster::{leiden_csr, Config, Partition};
use citemap::graph::edgelist::{self, EdgeList, Limits};
use citemap::render;
use citemap::report::{clusters::PlacedBy, figures, projection::Kind};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// How to print the clusters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// A readable summary.
    Table,
    /// {"modularity", "clusters": [{"id", "label", "terms", "documents", "works", "size"}]};
    /// with --edges {"nodes", "edges", "clusters", "modularity", "load_seconds",
    /// "run_seconds", "sizes", "membership": {node: cluster}}.
    Json,
    /// The citation network with clusters as DOT subgraphs.
    Dot,
    /// The citation network drawn as SVG, coloured by cluster.
    Svg,
    /// With --edges: one "node<TAB>cluster" line per node, after a header.
    Tsv,
}

/// Find communities in the citation network and label them.
///
/// Clusters with Leiden (deterministic for a seed) on the citation network
/// (documents and works), co-citation or bibliographic coupling, labels each
/// by the terms that set its works' titles and venues apart, and places
/// documents without a works-cited list by the similarity of their text.
///
/// With --edges FILE it clusters a graph made elsewhere instead: a weighted
/// edge list ("source<TAB>target[<TAB>weight]" lines, or with commas or
/// spaces; an optional header; # comments) or a GraphML file. It prints the
/// modularity, the cluster count and the load and run times, and writes
/// which cluster each node is in: --format tsv or json to standard output
/// (or --output FILE), or with the table format to --output FILE as TSV.
/// Clusters are numbered from 0, the largest first.
///
/// Examples:
///   citemap clusters references/
///   citemap clusters papers/ --kind cocitation --resolution 1.5 --format json
///   citemap clusters papers/ --format svg > clusters.svg
///   citemap clusters --edges graph.tsv                      # summary only
///   citemap clusters --edges graph.csv --format tsv > clusters.tsv
///   citemap clusters --edges net.graphml --format json -o clusters.json --seed 7
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Files or folders to read.
    #[arg(required_unless_present = "edges", conflicts_with = "edges")]
    paths: Vec<PathBuf>,
    /// Cluster this graph (edge list or GraphML) instead of documents.
    #[arg(long, value_name = "FILE")]
    edges: Option<PathBuf>,
    /// Output format (tsv only with --edges; dot and svg only without).
    #[arg(short, long, value_enum, default_value = "table")]
    format: FormatArg,
    /// With --edges: write the node-to-cluster table to this file instead of
    /// standard output.
    #[arg(short, long, value_name = "FILE", requires = "edges")]
    output: Option<PathBuf>,
    #[command(flatten)]
    common: CommonArgs,
}

/// Runs `citemap clusters`.
pub fn run(args: Args) -> anyhow::Result<Status> {
    let options = args.common.options()?;
    if let Some(edges) = &args.edges {
        return run_edges(edges, &args, &options);
    }
    if args.format == FormatArg::Tsv {
        bail!("--format tsv writes the clusters of a graph read with --edges FILE");
    }
    let mut progress = Progress::new();
    let analysis = analyse_paths(&args.paths, &options, &mut progress)?;
    progress.clear();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let k = &analysis.clusters;
    match args.format {
        FormatArg::Json => {
            serde_json::to_writer_pretty(&mut out, k)?;
            writeln!(out)?;
        }
        FormatArg::Dot | FormatArg::Svg => {
            let figure = figures::citation(&analysis);
            let figure = if args.common.filter() == render::Filter::default() {
                figure
            } else {
                figure.filtered(&args.common.filter())
            };
            let figure = figures::labelled(&analysis, figure.capped(MAX_FIGURE_NODES));
            let dot = render::dot::to_dot(&figure);
            if args.format == FormatArg::Dot {
                out.write_all(dot.as_bytes())?;
            } else {
                out.write_all(
                    draw_svg(&figure, &dot, args.common.engine, args.common.seed)?.as_bytes(),
                )?;
            }
        }
        FormatArg::Tsv => unreachable!("refused above"),
        FormatArg::Table => {
            writeln!(
                out,
                "{} clusters of the {} network, modularity {:.3} (resolution {}, seed {})",
                k.clusters.len(),
                k.kind.name(),
                k.modularity,
                k.resolution,
                k.seed
            )?;
            for c in &k.clusters {
                writeln!(out, "\n{:>3}. {}  ({} nodes)", c.id, c.label, c.size)?;
                writeln!(out, "     terms: {}", c.terms.join(", "))?;
                for d in &c.documents {
                    match (d.placed_by, d.score) {
                        (PlacedBy::TextSimilarity, Some(s)) => writeln!(
                            out,
                            "     document: {} [{}] (no works-cited list; placed by text similarity, score {s:.2})",
                            d.title, d.path
                        )?,
                        _ => writeln!(out, "     document: {} [{}]", d.title, d.path)?,
                    }
                }
                let top: Vec<String> = c
                    .works
                    .iter()
                    .take(5)
                    .map(|w| format!("{} ({}×)", w.label, w.times_cited))
                    .collect();
                if !top.is_empty() {
                    writeln!(out, "     most cited: {}", top.join("; "))?;
                }
            }
            if !k.unplaced.is_empty() {
                writeln!(out, "\nnot placed: {}", k.unplaced.join(", "))?;
            }
        }
    }
    out.flush()?;
    Ok(Status::Ok)
}

/// What `clusters --edges` found, as printed and as JSON.
#[derive(Debug, serde::Serialize)]
struct EdgeSummary<'a> {
    file: String,
    format: &'static str,
    nodes: usize,
    edges: usize,
    clusters: usize,
    modularity: f64,
    quality: f64,
    resolution: f64,
    seed: u64,
    load_seconds: f64,
    run_seconds: f64,
    /// Cluster sizes, largest first (cluster i has sizes[i] nodes).
    sizes: Vec<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    membership: Option<Membership<'a>>,
}

/// Node ids with their clusters, serialised as one JSON object in node order.
#[derive(Debug)]
struct Membership<'a> {
    ids: &'a [String],
    membership: &'a [usize],
}

impl serde::Serialize for Membership<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.ids.iter().zip(self.membership))
    }
}

fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

/// Runs `citemap clusters --edges FILE`.
fn run_edges(
    path: &Path,
    args: &Args,
    options: &citemap::report::Options,
) -> anyhow::Result<Status> {
    if matches!(args.format, FormatArg::Dot | FormatArg::Svg) {
        bail!("--format dot and svg draw a corpus's citation network; with --edges use table, tsv or json");
    }
    // These shape a corpus's network; a graph read whole has none of that.
    let c = &args.common;
    let ignored: Vec<&str> = [
        (c.min_cited.is_some(), "--min-cited"),
        (c.top.is_some(), "--top"),
        (c.engine.is_some(), "--engine"),
        (c.kind != Kind::Citation, "--kind"),
    ]
    .into_iter()
    .filter_map(|(set, name)| set.then_some(name))
    .collect();
    if !ignored.is_empty() {
        bail!(
            "{} shape a corpus's network and do nothing with --edges; \
             use --seed and --resolution",
            ignored.join(", ")
        );
    }
    let started = Instant::now();
    let graph: EdgeList = edgelist::read_path(path, &Limits::default())?;
    let csr = graph.to_csr();
    let load_seconds = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let partition: Partition = leiden_csr(
        &csr,
        &Config {
            resolution: options.clusters.resolution,
            seed: options.clusters.seed,
            ..Config::default()
        },
    );
    let run_seconds = started.elapsed().as_secs_f64();
    drop(csr);
    let mut sizes = vec![0usize; partition.count];
    for &c in &partition.membership {
        sizes[c] += 1;
    }
    let mut summary = EdgeSummary {
        file: path.display().to_string(),
        format: graph.format.map_or("edge list", |f| f.name()),
        nodes: graph.node_count(),
        edges: graph.edges.len(),
        clusters: partition.count,
        modularity: round(partition.modularity, 6),
        quality: round(partition.quality, 6),
        resolution: options.clusters.resolution,
        seed: options.clusters.seed,
        load_seconds: round(load_seconds, 3),
        run_seconds: round(run_seconds, 3),
        sizes,
        membership: None,
    };
    let line = format!(
        "{} nodes, {} edges ({}): {} clusters, modularity {:.4}; load {:.2} s, run {:.2} s",
        summary.nodes,
        summary.edges,
        summary.format,
        summary.clusters,
        partition.modularity,
        load_seconds,
        run_seconds
    );
    let mut out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot write {}", p.display()))?,
        )),
        None => Box::new(BufWriter::with_capacity(1 << 16, std::io::stdout().lock())),
    };
    match args.format {
        FormatArg::Table => {
            if args.output.is_some() {
                write_tsv(&mut out, &graph.ids, &partition.membership)?;
                out.flush()?;
            }
            let stdout = std::io::stdout();
            let mut table = stdout.lock();
            writeln!(table, "{}", summary.file)?;
            writeln!(table, "  {line}")?;
            writeln!(
                table,
                "  resolution {}, seed {}, quality at that resolution {:.4}",
                summary.resolution, summary.seed, partition.quality
            )?;
            let shown = summary.sizes.len().min(10);
            if shown > 0 {
                let sizes: Vec<String> = summary.sizes[..shown]
                    .iter()
                    .map(|s| s.to_string())
                    .collect();
                let rest = if summary.sizes.len() > shown {
                    format!(", … ({} more)", summary.sizes.len() - shown)
                } else {
                    String::new()
                };
                writeln!(table, "  largest clusters: {}{rest}", sizes.join(", "))?;
            }
            if let Some(p) = &args.output {
                writeln!(table, "  node-to-cluster table written to {}", p.display())?;
            }
            table.flush()?;
            return Ok(Status::Ok);
        }
        FormatArg::Tsv => write_tsv(&mut out, &graph.ids, &partition.membership)?,
        FormatArg::Json => {
            summary.membership = Some(Membership {
                ids: &graph.ids,
                membership: &partition.membership,
            });
            serde_json::to_writer(&mut out, &summary)?;
            writeln!(out)?;
        }
        FormatArg::Dot | FormatArg::Svg => unreachable!("refused above"),
    }
    out.flush()?;
    eprintln!("citemap: {line}");
    Ok(Status::Ok)
}

/// Writes "node<TAB>cluster" lines after a header. Ids holding a tab,
/// newline or quote are written as JSON strings so every line stays two
/// fields.
fn write_tsv(out: &mut dyn Write, ids: &[String], membership: &[usize]) -> std::io::Result<()> {
    writeln!(out, "node\tcluster")?;
    for (id, c) in ids.iter().zip(membership) {
        if id.contains(['\t', '\n', '\r', '"']) {
            let quoted = serde_json::to_string(id).map_err(std::io::Error::other)?;
            writeln!(out, "{quoted}\t{c}")?;
        } else {
            writeln!(out, "{id}\t{c}")?;
        }
    }
    Ok(())
}
