//! `citemap check`: lint the citations and works-cited lists of documents.

use super::Status;
use anyhow::Context as _;
use citemap::check::{self, Config, Deny, Kind, Report};
use citemap::Style;
use clap::ValueEnum;
use std::io::{IsTerminal as _, Write as _};
use std::path::PathBuf;
use termcolor::{ColorChoice, StandardStream};

/// Check that every citation points to an entry, every entry is cited, and
/// every entry has what its type needs.
///
/// Reports unresolved citations, uncited entries, misspelt names, differing
/// titles and years, missing fields, broken URLs, invalid DOIs, duplicate
/// entries, documents without a works-cited list and dangling footnotes.
/// Exits 0 when nothing at or above --deny was found, 1 when something was,
/// 2 on a usage or input error.
///
/// Settings are read from ./citemap.toml when present (or --config FILE):
///   style = "mla"   deny = "warning"   silence = ["uncited-entry"]
///   allow-names = ["Costanza Chock"]   [severity] missing-field = "error"
///
/// Examples:
///   citemap check paper.txt
///   citemap check papers/ --format json --deny warning
///   citemap check paper.txt --silence uncited-entry --allow-name "Costanza Chock"
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or folders to check; "-" reads standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(short, long, value_enum, default_value = "human")]
    format: Format,
    /// Fail (exit 1) on problems of this severity or worse.
    #[arg(long, value_enum)]
    deny: Option<DenyArg>,
    /// Read settings from this file instead of ./citemap.toml.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Accept this spelling of a name (repeatable).
    #[arg(long = "allow-name", value_name = "NAME")]
    allow_names: Vec<String>,
    /// Do not report this kind of problem (repeatable), e.g. uncited-entry.
    #[arg(long, value_name = "KIND")]
    silence: Vec<String>,
    /// How in-text citations are written, when not the list's own style.
    #[arg(long, value_enum)]
    style: Option<super::parse::StyleArg>,
    /// When to colour the human output.
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorArg,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum DenyArg {
    Error,
    Warning,
    Never,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

/// The settings: the config file first, flags over it.
fn settings(args: &Args) -> anyhow::Result<Config> {
    let mut config = match &args.config {
        Some(path) => Config::load(path)?,
        None => {
            let default = PathBuf::from("citemap.toml");
            if default.is_file() {
                Config::load(&default)?
            } else {
                Config::default()
            }
        }
    };
    if let Some(d) = args.deny {
        config.deny = match d {
            DenyArg::Error => Deny::Error,
            DenyArg::Warning => Deny::Warning,
            DenyArg::Never => Deny::Never,
        };
    }
    for s in &args.silence {
        let kind: Kind = s.parse().context("--silence")?;
        config.silence.push(kind);
    }
    config.allow_names.extend(args.allow_names.iter().cloned());
    // `--style auto` is the default: the list's own style decides.
    if let Some(s) = args.style.map(Style::from).filter(|s| *s != Style::Unknown) {
        config.style = Some(s);
    }
    Ok(config)
}

/// Runs `citemap check`.
pub fn run(args: Args) -> anyhow::Result<Status> {
    let config = settings(&args)?;
    let loaded = super::inputs::load(&args.paths)?;
    let report: Report = check::check_all(&loaded.sources, &config);
    match args.format {
        Format::Json => {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            check::write_json(&mut out, &report)?;
            out.flush()?;
        }
        Format::Human => {
            let choice = match args.color {
                ColorArg::Always => ColorChoice::Always,
                ColorArg::Never => ColorChoice::Never,
                ColorArg::Auto if std::io::stdout().is_terminal() => ColorChoice::Auto,
                ColorArg::Auto => ColorChoice::Never,
            };
            let mut out = StandardStream::stdout(choice);
            check::write_human(&mut out, &report)?;
            out.flush()?;
        }
    }
    // A path that could not be read is an input error (exit 2), reported
    // after the documents that could be checked.
    loaded.finish()?;
    Ok(if report.fails(config.deny) {
        Status::Problems
    } else {
        Status::Ok
    })
}
