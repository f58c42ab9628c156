//! `citemap shared`: sources several documents share.

use super::graph::resolve_corpus;
use super::Status;
use citemap::analyze::shared::{shared_sources, Level};
use std::io::Write;
use std::path::PathBuf;

/// Which levels to report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LevelArg {
    /// The same work.
    Work,
    /// The same person or organisation.
    Author,
    /// The same venue (journal, site, magazine).
    Venue,
    /// Every level.
    All,
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// A readable listing.
    Table,
    /// [{"level", "label", "key", "documents": [{"path", "entry"}], "evidence"}]
    Json,
}

/// List the sources several documents share, with how each one wrote it.
///
/// A source is shared at work level (the same work, cited in any style), at
/// author or organisation level ("Google AI" and "Google Cloud" are Google),
/// or at venue level.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Documents or folders of documents (.txt, .md).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Report sources cited by at least this many documents.
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u32).range(1..))]
    pub min_docs: u32,
    /// Which level.
    #[arg(long, value_enum, default_value = "all")]
    pub level: LevelArg,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: FormatArg,
    /// A TOML file of "same"/"different" entry pairs correcting resolution.
    #[arg(long, value_name = "FILE")]
    pub overrides: Option<PathBuf>,
}

/// Runs `citemap shared`.
pub fn run(args: Args) -> anyhow::Result<Status> {
    let (docs, res) = resolve_corpus(&args.paths, args.overrides.as_deref())?;
    let levels: &[Level] = match args.level {
        LevelArg::Work => &[Level::Work],
        LevelArg::Author => &[Level::Author, Level::Organisation],
        LevelArg::Venue => &[Level::Venue],
        LevelArg::All => &Level::ALL,
    };
    let shared = shared_sources(&docs, &res, args.min_docs as usize, levels);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        FormatArg::Json => {
            serde_json::to_writer_pretty(&mut out, &shared)?;
            writeln!(out)?;
        }
        FormatArg::Table => {
            for s in &shared {
                let files: std::collections::BTreeSet<&str> =
                    s.documents.iter().map(|c| c.path.as_str()).collect();
                writeln!(
                    out,
                    "{:<12} {}  ({} files)",
                    s.level.name(),
                    s.label,
                    files.len()
                )?;
                for c in &s.documents {
                    writeln!(out, "    {}: {}", c.path, c.entry)?;
                }
                for e in &s.evidence {
                    writeln!(
                        out,
                        "    = {} ~ {} by {} ({:.2})",
                        e.a,
                        e.b,
                        e.evidence.rule.name(),
                        e.evidence.score
                    )?;
                }
            }
            if shared.is_empty() {
                writeln!(out, "no shared sources")?;
            }
        }
    }
    out.flush()?;
    Ok(Status::Ok)
}
