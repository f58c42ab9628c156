//! `citemap map`: the main job. Extraction, resolution, shared sources,
//! clusters and every figure, written to one folder with a report.

use super::progress::Progress;
use super::Status;
use anyhow::{bail, Context};
use citemap::model::Document;
use citemap::render::{self, engine::Engine, Filter};
use citemap::report::{self, figures, markdown, output::Batch, projection::Kind, Analysis, Stage};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::time::Instant;

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

/// Loads, extracts and analyses the documents named by `paths`, failing
/// with a clear message when there is nothing to map. Each stage is shown
/// on `progress` (reading, extracting, resolving, clustering, summarising).
pub fn analyse_paths(
    paths: &[PathBuf],
    options: &report::Options,
    progress: &mut Progress,
) -> anyhow::Result<Analysis> {
    progress.start("reading", None);
    let loaded = super::inputs::load(paths)?;
    // A map missing some of its documents would mislead; stop before any
    // work rather than write an incomplete one.
    if loaded.failed > 0 {
        bail!(
            "{} path(s) could not be read; nothing written",
            loaded.failed
        );
    }
    let mut sources = loaded.sources;
    let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
    progress.done(&format!(
        "{} files, {:.1} MB of text",
        sources.len(),
        bytes as f64 / 1e6
    ));
    progress.start("extracting", Some(sources.len() as u64));
    // Documents are independent: extract them on every core, in order.
    let docs: Vec<Document> = {
        let progress = &*progress;
        sources
            .par_iter_mut()
            .map(|s| {
                let doc = citemap::extract::extract_mut(s);
                progress.inc();
                doc
            })
            .collect()
    };
    if docs.iter().all(|d| d.entries.is_empty()) {
        bail!(
            "none of the {} documents has a works-cited list citemap could find; nothing to map",
            docs.len()
        );
    }
    progress.done(&format!(
        "{} entries in {} documents",
        docs.iter().map(|d| d.entries.len()).sum::<usize>(),
        docs.len()
    ));
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
    // The stages inside the analysis are listed when it is done, with what
    // each found.
    let mut times: Vec<(Stage, Instant)> = Vec::new();
    let mut options = options.clone();
    options.record_texts = sources.iter().map(|s| s.format.is_export()).collect();
    let analysis = report::analyse_with(docs, &texts, &options, &mut |stage| {
        times.push((stage, Instant::now()));
        progress.start(stage_name(stage), None);
    });
    times.push((Stage::Summarising, Instant::now()));
    for pair in times.windows(2) {
        let (stage, start) = pair[0];
        let seconds = (pair[1].1 - start).as_secs_f64();
        let detail = match stage {
            Stage::Resolving => format!(
                "{} works, {} documents",
                analysis.counts.works, analysis.counts.documents
            ),
            Stage::Clustering => format!(
                "{} clusters, modularity {:.3}",
                analysis.clusters.clusters.len(),
                analysis.clusters.modularity
            ),
            _ => format!(
                "{} sources shared, {} problems",
                analysis.shared.len(),
                analysis.problems.len()
            ),
        };
        progress.line(stage_name(stage), seconds, &detail);
    }
    Ok(analysis)
}

fn stage_name(stage: Stage) -> &'static str {
    match stage {
        Stage::Resolving => "resolving",
        Stage::Clustering => "clustering",
        _ => "summarising",
    }
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
    let mut progress = Progress::new();
    let analysis = analyse_paths(&args.paths, &options, &mut progress)?;
    progress.start("drawing", None);
    let named = figures::all(&analysis, &args.common.filter());
    // The figures are drawn on every core, and map.html beside them; each
    // is independent of the others.
    let (drawn, html) = rayon::join(
        || {
            named
                .par_iter()
                .map(|f| {
                    let figure = figures::labelled(&analysis, f.figure.capped(MAX_FIGURE_NODES));
                    let dot = render::dot::to_dot(&figure);
                    let svg = draw_svg(&figure, &dot, args.common.engine, args.common.seed)
                        .with_context(|| format!("drawing {}.svg", f.name))?;
                    Ok((f.name, dot, svg))
                })
                .collect::<anyhow::Result<Vec<_>>>()
        },
        || {
            let map = report::interactive::map(&analysis, &named);
            render::html::to_html(&map, args.common.seed)
        },
    );
    let mut batch = Batch::new();
    for (name, dot, svg) in drawn? {
        batch.add(format!("{name}.dot"), dot);
        batch.add(format!("{name}.svg"), svg);
    }
    batch.add("map.html", html);
    progress.done(&format!(
        "{} figures (SVG and DOT) and map.html",
        named.len()
    ));
    drop(named);
    progress.start("writing", None);
    let ((markdown, tables), json) = rayon::join(
        || {
            rayon::join(
                || markdown::render(&analysis),
                || report::tables::all(&analysis),
            )
        },
        || serde_json::to_string_pretty(&analysis),
    );
    batch.add("report.md", markdown);
    for (name, csv) in tables {
        batch.add(name, csv);
    }
    let mut json = json?;
    json.push('\n');
    batch.add("report.json", json);
    let written = batch.commit(&args.output)?;
    progress.done("report.md, report.json and CSV tables");
    progress.clear();
    if progress.is_shown() {
        eprint!("{}", summary(&analysis, written.len(), &args.output));
    } else {
        let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
        eprintln!(
            "citemap: wrote {} to {} ({}, {}, {})",
            count(written.len(), "file"),
            display(&args.output),
            count(analysis.counts.documents, "document"),
            count(analysis.counts.works, "work"),
            count(analysis.clusters.clusters.len(), "cluster")
        );
    }
    // The analysis of a large export is millions of small allocations,
    // seconds to free one by one; the process ends here and the system
    // takes the memory back at once.
    std::mem::forget(analysis);
    Ok(Status::Ok)
}

/// The summary a person at a terminal reads at the end of `map`: what was
/// found, the clusters by label, the problems by kind.
fn summary(a: &Analysis, files: usize, output: &Path) -> String {
    use std::fmt::Write as _;
    let c = &a.counts;
    let mut s = String::new();
    let _ = writeln!(s, "citemap: wrote {files} files to {}", display(output));
    let _ = writeln!(
        s,
        "  documents  {} ({} with a works-cited list)",
        c.documents, c.documents_citing
    );
    let _ = writeln!(s, "  entries    {} ({} parsed)", c.entries, c.parsed);
    let _ = writeln!(
        s,
        "  works      {} ({} cited by more than one document)",
        c.works, c.shared_works
    );
    let k = &a.clusters;
    let _ = writeln!(
        s,
        "  clusters   {} ({} network, modularity {:.3})",
        k.clusters.len(),
        k.kind.name(),
        k.modularity
    );
    const SHOWN: usize = 8;
    for cluster in k.clusters.iter().take(SHOWN) {
        let _ = writeln!(
            s,
            "    {:>3}. {} ({} nodes)",
            cluster.id, cluster.label, cluster.size
        );
    }
    if k.clusters.len() > SHOWN {
        let _ = writeln!(
            s,
            "         … and {} more (report.md)",
            k.clusters.len() - SHOWN
        );
    }
    let mut kinds: Vec<(String, usize)> = Vec::new();
    for p in &a.problems {
        let kind = report::tables::problem_kind(p);
        match kinds.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => *n += 1,
            None => kinds.push((kind, 1)),
        }
    }
    kinds.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
    let by_kind: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
    if a.problems.is_empty() {
        let _ = writeln!(s, "  problems   none found");
    } else {
        let _ = writeln!(
            s,
            "  problems   {} (listed in report.md): {}",
            a.problems.len(),
            by_kind.join(", ")
        );
    }
    s
}

fn display(path: &Path) -> String {
    path.display().to_string()
}
