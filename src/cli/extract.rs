//! `citemap extract`: the works-cited entries of documents, parsed.

use super::inputs;
use super::output::{self, FormatArg};
use super::Status;
use std::io::Write as _;
use std::path::PathBuf;

/// Find the works-cited list of each document and parse every entry.
///
/// Reads plain text and Markdown (PDF-extracted text included). Folders are
/// searched for .txt and .md files. Every entry found is reported, parsed or
/// not; a document without a works-cited section says so.
///
/// Examples:
///   citemap extract paper.txt
///   citemap extract references/ --format csl-json > library.json
///   pdftotext paper.pdf - | citemap extract -
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or folders to read; "-" reads standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(short, long, value_enum, default_value = "table")]
    format: FormatArg,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

/// Runs `citemap extract`.
pub fn run(args: Args) -> anyhow::Result<Status> {
    let loaded = inputs::load(&args.paths)?;
    let docs = citemap::extract::extract_all(&loaded.sources);
    let mut out = output::open(args.output.as_ref())?;
    output::write_documents(&mut out, &docs, args.format.into())?;
    out.flush()?;
    loaded.finish()?;
    Ok(Status::Ok)
}
