//! The command-line front end: argument parsing and the subcommands.

use clap::{Parser, Subcommand};

/// citemap turns scholarly documents into citation maps.
#[derive(Debug, Parser)]
#[command(name = "citemap", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {}

/// Runs the command line and returns the process exit code.
pub fn main() -> i32 {
    let _cli = Cli::parse();
    0
}
