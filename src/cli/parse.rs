//! `citemap parse`: bare reference strings in, one record per line out.

use super::output::{self, FormatArg};
use super::Status;
use citemap::extract::repair::repair_entry;
use citemap::parse::parse_reference;
use citemap::{Entry, Outcome, Span, Style};
use rayon::prelude::*;
use std::path::PathBuf;

/// Parse reference strings, one per line, into fields.
///
/// Every input line yields exactly one output record, in the same order, so
/// the output lines up with the input: a blank or unparseable line still gives
/// a record carrying its raw text and the reason.
///
/// Example: citemap parse refs.txt --format csl-json > refs.json
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A file with one reference string per line, or "-" for standard input.
    input: PathBuf,
    /// Output format.
    #[arg(short, long, value_enum, default_value = "csl-json")]
    format: FormatArg,
    /// The style the references are written in; detected per line when not given.
    #[arg(long, value_enum, default_value = "auto")]
    style: StyleArg,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

/// Citation styles as named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StyleArg {
    /// Detect the style of each reference.
    Auto,
    /// MLA 8/9.
    Mla,
    /// APA 7.
    Apa,
    /// Chicago.
    Chicago,
    /// Harvard.
    Harvard,
    /// IEEE.
    Ieee,
    /// Vancouver/ICMJE.
    Vancouver,
}

impl From<StyleArg> for Style {
    fn from(s: StyleArg) -> Self {
        match s {
            StyleArg::Auto => Style::Unknown,
            StyleArg::Mla => Style::Mla,
            StyleArg::Apa => Style::Apa,
            StyleArg::Chicago => Style::Chicago,
            StyleArg::Harvard => Style::Harvard,
            StyleArg::Ieee => Style::Ieee,
            StyleArg::Vancouver => Style::Vancouver,
        }
    }
}

/// Runs `citemap parse`.
pub fn run(args: Args) -> anyhow::Result<Status> {
    // The same decoding as documents: Latin-1 and UTF-16 are read, binaries refused.
    let source = citemap::input::load_path(&args.input)?;
    let (name, text) = (source.path, source.text);
    let hint: Style = args.style.into();
    let lines: Vec<&str> = text.lines().collect();
    let entries: Vec<Entry> = lines
        .par_iter()
        .enumerate()
        .map(|(i, line)| parse_line(&name, i + 1, line, hint))
        .collect();
    let mut out = output::open(args.output.as_ref())?;
    output::write_entries(&mut out, &entries, args.format.into())?;
    out.flush()?;
    Ok(Status::Ok)
}

fn parse_line(path: &str, line: usize, raw: &str, hint: Style) -> Entry {
    let span = Span {
        path: path.to_owned().into(),
        line,
        end_line: line,
        column: 1,
    };
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Entry {
            span,
            label: None,
            marker: None,
            raw: String::new().into(),
            style: hint,
            outcome: Outcome::Unparsed {
                reason: "empty line".into(),
            },
        };
    }
    let repaired = repair_entry(trimmed);
    let parsed = parse_reference(&repaired, hint);
    Entry {
        span,
        label: None,
        marker: None,
        raw: repaired.into_owned().into(),
        style: parsed.style,
        outcome: parsed.outcome,
    }
}

use std::io::Write as _;
