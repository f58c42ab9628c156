//! `citemap map`: the main job. Extraction, resolution, shared sources,
//! clusters and every figure, written to one folder with a report.

use super::Status;
use anyhow::{bail, Context};
use citemap::model::Document;
use citemap::render::{self, engine::Engine, Filter};
use citemap::report::{self, figures, markdown, output::Batch, projection::Kind, Analysis};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// Draw the citation map of a corpus: every figure and a report in one folder.
///
/// Writes DIR/citation, cocitation, coupling, clusters and shared figures (each
/// .dot and .svg), DIR/report.md (counts, shared sources, clusters with labels,
/// problems found) and DIR/report.json. Files are written only when all of
/// them are ready, so a failure leaves nothing half-written.
///
/// Examples:
///   citemap map references/ -o graphs/
///   citemap map papers/ -o out/ --top 150 --min-cited 2
///   citemap map papers/ -o out/ --engine sfdp      # lay out with Graphviz
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or folders to read.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The folder to write into (created if missing).
    #[arg(short, long, value_name = "DIR")]
    output: PathBuf,
    #[command(flatten)]
    common: CommonArgs,
}

/// Options shared by `map` and `clusters`.
#[derive(Debug, Clone, clap::Args)]
pub struct CommonArgs {
    /// The network to cluster.
    #[arg(long, value_enum, default_value = "citation")]
    pub kind: Kind,
    /// Leiden resolution: higher gives more, smaller clusters.
    #[arg(long, default_value_t = 1.0, value_name = "R")]
    pub resolution: f64,
    /// Seed for the clustering and layout (same seed, same output).
    #[arg(long, default_value_t = 42, value_name = "N")]
    pub seed: u64,
    /// Draw only works cited at least this many times.
    #[arg(long, value_name = "N")]
    pub min_cited: Option<u32>,
    /// Draw only the N most cited works.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Lay out SVGs with an installed Graphviz instead of the built-in layout.
    #[arg(long, value_enum)]
    pub engine: Option<Engine>,
}

impl CommonArgs {
    /// The analysis settings these flags ask for.
    pub fn options(&self) -> anyhow::Result<report::Options> {
        if !(self.resolution.is_finite() && self.resolution > 0.0) {
            bail!(
                "--resolution must be a positive number, not {}",
                self.resolution
            );
        }
        let mut options = report::Options::default();
        options.clusters.kind = self.kind;
        options.clusters.resolution = self.resolution;
        options.clusters.seed = self.seed;
        Ok(options)
    }

    /// The figure filter these flags ask for.
    pub fn filter(&self) -> Filter {
        Filter {
            min_weight: self.min_cited,
            top: self.top,
        }
    }
}

/// Above this many nodes a figure is cut to its most connected nodes: more
/// cannot be read, and the layout's cost grows with the square.
pub const MAX_FIGURE_NODES: usize = 300;

/// A progress bar on stderr that draws only when stderr is a terminal.
pub fn progress(len: u64) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(
        Some(len),
        if std::io::stderr().is_terminal() {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        },
    );
    if let Ok(style) = ProgressStyle::with_template("{spinner} {msg:24} [{bar:30}] {pos}/{len}") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// Loads, extracts and analyses the documents named by `paths`, failing
/// with a clear message when there is nothing to map.
pub fn analyse_paths(
    paths: &[PathBuf],
    options: &report::Options,
    bar: &ProgressBar,
) -> anyhow::Result<Analysis> {
    bar.set_message("reading documents");
    let loaded = super::inputs::load(paths)?;
    // A map missing some of its documents would mislead; stop before any
    // work rather than write an incomplete one.
    if loaded.failed > 0 {
        bail!(
            "{} path(s) could not be read; nothing written",
            loaded.failed
        );
    }
    let sources = loaded.sources;
    bar.set_length(sources.len() as u64 + 2);
    bar.set_message("extracting works cited");
    // Documents are independent: extract them on every core, in order.
    let docs: Vec<Document> = sources
        .par_iter()
        .map(|s| {
            let doc = citemap::extract::extract(s);
            bar.inc(1);
            doc
        })
        .collect();
    if docs.iter().all(|d| d.entries.is_empty()) {
        bail!(
            "none of the {} documents has a works-cited list citemap could find; nothing to map",
            docs.len()
        );
    }
    bar.set_message("resolving and clustering");
    // A library's text is its entries, not a paper: no opening to identify
    // it by and no body to check.
    let texts: Vec<&str> = sources
        .iter()
        .map(|s| {
            if s.format.is_library() {
                ""
            } else {
                s.text.as_str()
            }
        })
        .collect();
    let analysis = report::analyse(docs, &texts, options);
    bar.inc(1);
    Ok(analysis)
}

/// Draws a figure as SVG with the built-in layout, or with Graphviz.
pub fn draw_svg(
    figure: &render::Figure,
    dot: &str,
    engine: Option<Engine>,
    seed: u64,
) -> anyhow::Result<String> {
    match engine {
        Some(engine) => Ok(render::engine::render_svg(dot, engine)?),
        None => {
            let mut options = render::svg::Options::default();
            options.layout.seed = seed;
            Ok(render::svg::to_svg(figure, &options))
        }
    }
}

/// Runs `citemap map`.
pub fn run(args: Args) -> anyhow::Result<Status> {
    let options = args.common.options()?;
    // Fail on a bad output folder before the long work, not after it.
    Batch::check_folder(&args.output)?;
    let bar = progress(1);
    let analysis = analyse_paths(&args.paths, &options, &bar)?;
    bar.set_message("drawing figures");
    let named = figures::all(&analysis, &args.common.filter());
    bar.inc_length(named.len() as u64);
    let mut batch = Batch::new();
    for f in named {
        let figure = f.figure.capped(MAX_FIGURE_NODES);
        let dot = render::dot::to_dot(&figure);
        let svg = draw_svg(&figure, &dot, args.common.engine, args.common.seed)
            .with_context(|| format!("drawing {}.svg", f.name))?;
        batch.add(format!("{}.dot", f.name), dot);
        batch.add(format!("{}.svg", f.name), svg);
        bar.inc(1);
    }
    let map = report::interactive::map(&analysis, &args.common.filter());
    batch.add("map.html", render::html::to_html(&map, args.common.seed));
    batch.add("report.md", markdown::render(&analysis));
    for (name, csv) in report::tables::all(&analysis) {
        batch.add(name, csv);
    }
    let mut json = serde_json::to_string_pretty(&analysis)?;
    json.push('\n');
    batch.add("report.json", json);
    bar.set_message("writing");
    let written = batch.commit(&args.output)?;
    bar.finish_and_clear();
    eprintln!(
        "citemap: wrote {} files to {} ({} documents, {} works, {} clusters)",
        written.len(),
        display(&args.output),
        analysis.counts.documents,
        analysis.counts.works,
        analysis.clusters.clusters.len()
    );
    Ok(Status::Ok)
}

fn display(path: &Path) -> String {
    path.display().to_string()
}
