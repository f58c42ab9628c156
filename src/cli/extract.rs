//! `citemap extract`: the works-cited entries of documents, parsed.

use super::output::{self, FormatArg};
use super::Status;
use citemap::input::{self, Source};
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
    let sources = load_all(&args.paths)?;
    let docs: Vec<_> = sources.iter().map(citemap::extract::extract).collect();
    let mut out = output::open(args.output.as_ref())?;
    output::write_documents(&mut out, &docs, args.format.into())?;
    out.flush()?;
    Ok(Status::Ok)
}

/// Loads every document named on the command line; a path that cannot be
/// read is an error naming the path.
pub fn load_all(paths: &[PathBuf]) -> anyhow::Result<Vec<Source>> {
    let mut sources = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(p)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| {
                    f.extension()
                        .is_some_and(|x| x == "txt" || x == "md" || x == "markdown")
                })
                .collect();
            files.sort();
            for f in files {
                sources.push(input::load(&f)?);
            }
        } else {
            sources.push(input::load(p)?);
        }
    }
    Ok(sources)
}
