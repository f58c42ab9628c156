//! `citemap graph`: the citation network and its projections.

use super::Status;
use anyhow::bail;
use citemap::export::graph::{dot, gexf, graphml, json, tables};
use citemap::graph::{project, Kind, Network};
use citemap::report::output::Batch;
use citemap::resolve::{documents::head, resolve, Options, Overrides, Resolution};
use citemap::Document;
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Which projection to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum KindArg {
    /// Document → cited work.
    Citation,
    /// Works cited together, weighted by how many documents cite both.
    Cocitation,
    /// Documents sharing references, weighted by how many.
    Coupling,
    /// People who wrote together.
    Coauthor,
    /// Author of a citing document → author of a cited work.
    AuthorCitation,
}

impl From<KindArg> for Kind {
    fn from(k: KindArg) -> Kind {
        match k {
            KindArg::Citation => Kind::Citation,
            KindArg::Cocitation => Kind::Cocitation,
            KindArg::Coupling => Kind::Coupling,
            KindArg::Coauthor => Kind::Coauthor,
            KindArg::AuthorCitation => Kind::AuthorCitation,
        }
    }
}

/// The output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// Graphviz DOT.
    Dot,
    /// JSON with nodes, edges and the evidence of every merge.
    Json,
    /// GraphML (Gephi, yEd, networkx).
    Graphml,
    /// GEXF 1.3 (Gephi).
    Gexf,
    /// Two tables, nodes.csv and edges.csv, for DuckDB, Polars, pandas or
    /// Spark; needs --output DIR.
    Csv,
    /// The same two tables as nodes.parquet and edges.parquet; needs
    /// --output DIR and a citemap built with `--features parquet`.
    Parquet,
}

/// Draw the citation network of documents, or one of its projections.
///
/// Entries are resolved across documents and styles first (same DOI, same
/// URL, or similar title with matching first author and year); the JSON
/// output lists every merge with its rule and score.
///
/// --format csv writes the graph as data: DIR/nodes.csv (id, kind, label,
/// key) and DIR/edges.csv (source, target, weight), with headers, for
/// DuckDB, Polars, pandas or Spark; --format parquet the same two tables as
/// Parquet (in a citemap built with `--features parquet`).
///
/// Examples:
///   citemap graph papers/ --kind cocitation --format gexf > cocitation.gexf
///   citemap graph papers/ --format graphml -o citation.graphml
///   citemap graph papers/ --format csv -o tables/
///   duckdb -c "SELECT n.label, sum(e.weight) AS cited FROM 'tables/edges.csv' e
///              JOIN 'tables/nodes.csv' n ON n.id = e.target
///              GROUP BY n.label ORDER BY cited DESC LIMIT 10"
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Documents or folders of documents (.txt, .md).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Which projection.
    #[arg(long, value_enum, default_value = "citation")]
    pub kind: KindArg,
    /// Output format.
    #[arg(long, value_enum, default_value = "dot")]
    pub format: FormatArg,
    /// Write to this file instead of standard output; with --format csv,
    /// the folder to write nodes.csv and edges.csv into (created if missing).
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// A TOML file of "same"/"different" entry pairs correcting resolution.
    #[arg(long, value_name = "FILE")]
    pub overrides: Option<PathBuf>,
}

/// Loads, extracts and parses every document under `paths` (in parallel);
/// returns the documents and the opening text of each.
pub(crate) fn load_corpus(paths: &[PathBuf]) -> anyhow::Result<(Vec<Document>, Vec<String>)> {
    let mut loaded = super::inputs::load(paths)?;
    let (docs, heads): (Vec<Document>, Vec<String>) = loaded
        .sources
        .par_iter_mut()
        .map(|s| {
            // A library's text is its entries, not a paper's opening: its
            // first DOI is no DOI of its own.
            let text = if s.format.is_library() {
                ""
            } else {
                head(&s.text)
            };
            let text = text.to_owned();
            (citemap::extract::extract_mut(s), text)
        })
        .unzip();
    loaded.finish()?;
    Ok((docs, heads))
}

/// Loads the corpus and resolves it.
pub(crate) fn resolve_corpus(
    paths: &[PathBuf],
    overrides: Option<&Path>,
) -> anyhow::Result<(Vec<Document>, Resolution)> {
    let (docs, texts) = load_corpus(paths)?;
    let overrides = match overrides {
        Some(p) => Overrides::load(p)?,
        None => Overrides::default(),
    };
    let heads: Vec<&str> = texts.iter().map(String::as_str).collect();
    let res = resolve(
        &docs,
        &heads,
        &Options {
            overrides,
            ..Options::default()
        },
    );
    print_notes(&res.notes);
    Ok((docs, res))
}

/// Notes go to stderr, at most a screenful.
pub(crate) fn print_notes(notes: &[String]) {
    const MAX: usize = 20;
    let mut err = std::io::stderr().lock();
    for n in notes.iter().take(MAX) {
        let _ = writeln!(err, "citemap: note: {n}");
    }
    if notes.len() > MAX {
        let _ = writeln!(err, "citemap: note: … and {} more notes", notes.len() - MAX);
    }
}

/// Runs `citemap graph`.
pub fn run(args: Args) -> anyhow::Result<Status> {
    if args.format == FormatArg::Parquet && !cfg!(feature = "parquet") {
        bail!("this citemap was built without Parquet: build it with `cargo build --release --features parquet`, or use --format csv");
    }
    if matches!(args.format, FormatArg::Csv | FormatArg::Parquet) {
        let Some(dir) = &args.output else {
            bail!("--format csv and parquet write two files (nodes, edges): name a folder with --output DIR");
        };
        // Fail on a bad folder before the long work, not after it.
        Batch::check_folder(dir)?;
    }
    let (docs, res) = resolve_corpus(&args.paths, args.overrides.as_deref())?;
    let network = Network::build(&res);
    let projection = project(&res, &docs, &network, args.kind.into());
    if let (FormatArg::Csv | FormatArg::Parquet, Some(dir)) = (args.format, &args.output) {
        let mut batch = Batch::new();
        if args.format == FormatArg::Csv {
            let (mut nodes, mut edges) = (Vec::new(), Vec::new());
            tables::write_nodes(&projection, &mut nodes)?;
            tables::write_edges(&projection, &mut edges)?;
            batch.add(tables::NODES_FILE, nodes);
            batch.add(tables::EDGES_FILE, edges);
        } else {
            #[cfg(feature = "parquet")]
            {
                let (nodes, edges) = tables::to_parquet(&projection)?;
                batch.add(tables::NODES_PARQUET, nodes);
                batch.add(tables::EDGES_PARQUET, edges);
            }
        }
        let names: Vec<String> = batch.names().map(str::to_owned).collect();
        batch.commit(dir)?;
        eprintln!(
            "citemap: wrote {} to {} ({} nodes, {} edges)",
            names.join(" and "),
            dir.display(),
            projection.graph.node_count(),
            projection.graph.edge_count()
        );
        return Ok(Status::Ok);
    }
    let mut out = super::output::open(args.output.as_ref())?;
    match args.format {
        FormatArg::Dot => out.write_all(dot::to_dot(&projection).as_bytes())?,
        FormatArg::Json => out.write_all(json::to_json(&projection, &res, &docs).as_bytes())?,
        FormatArg::Graphml => graphml::write_graphml(&projection, &mut out)?,
        FormatArg::Gexf => gexf::write_gexf(&projection, &mut out)?,
        FormatArg::Csv | FormatArg::Parquet => unreachable!("written above"),
    }
    out.flush()?;
    Ok(Status::Ok)
}
