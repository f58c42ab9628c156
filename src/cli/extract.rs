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
///
/// Documents are read, extracted and written a batch at a time (each batch
/// on every core), so memory stays flat however many documents there are.
pub fn run(args: Args) -> anyhow::Result<Status> {
    let mut stream = inputs::stream(&args.paths)?;
    let mut writer = output::DocumentWriter::new(args.format.into());
    let mut out: Option<Box<dyn std::io::Write>> = None;
    stream.for_each_batch(BATCH, |sources| {
        let docs = citemap::extract::extract_all(&sources);
        drop(sources);
        let out = match &mut out {
            Some(out) => out,
            None => out.insert(output::open(args.output.as_ref())?),
        };
        writer.write(out, &docs)
    })?;
    let mut out = match out {
        Some(out) => out,
        None => output::open(args.output.as_ref())?,
    };
    writer.finish(&mut out)?;
    out.flush()?;
    stream.finish()?;
    Ok(Status::Ok)
}

/// Documents read and extracted together: enough to keep every core busy,
/// few enough that a batch of papers is a few megabytes.
const BATCH: usize = 256;
