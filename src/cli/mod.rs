//! The command-line front end. Each subcommand lives in its own file with an
//! `Args` struct (clap) and a `run` function; this file only dispatches and
//! maps errors onto exit codes (0 success, 1 problems found, 2 usage or input
//! error), as ripgrep does.

use clap::{Parser, Subcommand};

mod check;
mod clusters;
mod extract;
mod graph;
mod inputs;
mod map;
mod output;
mod parse;
mod progress;
mod shared;
use std::io::Write;

/// citemap turns scholarly documents into citation maps.
///
/// It finds the works-cited list of each document (plain text or Markdown,
/// PDF-extracted text included), parses every entry into fields, resolves the
/// works, people and venues that documents share, and draws the network.
#[derive(Debug, Parser)]
#[command(name = "citemap", version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Find and parse the works-cited list of each document.
    Extract(extract::Args),
    /// Parse bare reference strings, one per line.
    Parse(parse::Args),
    // The about text and examples come from each Args struct's doc comment.
    Graph(graph::Args),
    /// List the sources several documents share.
    Shared(shared::Args),
    /// Check citations against works-cited lists, like a compiler.
    Check(check::Args),
    Clusters(clusters::Args),
    /// Run everything and write every figure and a report to a folder.
    Map(map::Args),
}

/// What a subcommand reports back when it did not fail outright.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Everything went fine: exit 0.
    Ok,
    /// The command ran but found what the user asked it to fail on: exit 1.
    Problems,
}

/// Runs the command line and returns the process exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    let result: anyhow::Result<Status> = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Parse(args) => parse::run(args),
        Command::Graph(args) => graph::run(args),
        Command::Shared(args) => shared::run(args),
        Command::Check(args) => check::run(args),
        Command::Clusters(args) => clusters::run(args),
        Command::Map(args) => map::run(args),
    };
    match result {
        Ok(Status::Ok) => 0,
        Ok(Status::Problems) => 1,
        Err(err) => {
            if is_broken_pipe(&err) {
                return 0;
            }
            let _ = std::io::stdout().flush();
            eprintln!("citemap: {err:#}");
            2
        }
    }
}

/// A closed pipe (`citemap … | head`) is not a failure.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
