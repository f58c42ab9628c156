//! `citemap clusters`: communities of the citation network, with labels.

use super::map::{analyse_paths, draw_svg, progress, CommonArgs, MAX_FIGURE_NODES};
use super::Status;
use citemap::render;
use citemap::report::{clusters::PlacedBy, figures};
use std::io::Write;
use std::path::PathBuf;

/// How to print the clusters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// A readable summary.
    Table,
    /// {"modularity", "clusters": [{"id", "label", "terms", "documents", "works", "size"}]}.
    Json,
    /// The citation network with clusters as DOT subgraphs.
    Dot,
    /// The citation network drawn as SVG, coloured by cluster.
    Svg,
}

/// Find communities in the citation network and label them.
///
/// Clusters with Leiden (deterministic for a seed) on the citation network
/// (documents and works), co-citation or bibliographic coupling, labels each
/// by the terms that set its works' titles and venues apart, and places
/// documents without a works-cited list by the similarity of their text.
///
/// Examples:
///   citemap clusters references/
///   citemap clusters papers/ --kind cocitation --resolution 1.5 --format json
///   citemap clusters papers/ --format svg > clusters.svg
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or folders to read.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(short, long, value_enum, default_value = "table")]
    format: FormatArg,
    #[command(flatten)]
    common: CommonArgs,
}

/// Runs `citemap clusters`.
pub fn run(args: Args) -> anyhow::Result<Status> {
    let options = args.common.options()?;
    let bar = progress(1);
    let analysis = analyse_paths(&args.paths, &options, &bar)?;
    bar.finish_and_clear();
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
            let figure = figure.capped(MAX_FIGURE_NODES);
            let dot = render::dot::to_dot(&figure);
            if args.format == FormatArg::Dot {
                out.write_all(dot.as_bytes())?;
            } else {
                out.write_all(
                    draw_svg(&figure, &dot, args.common.engine, args.common.seed)?.as_bytes(),
                )?;
            }
        }
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
