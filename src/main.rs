//! The `citemap` command. All work is in the library; this maps the command
//! line onto it and errors onto exit codes.

mod cli;

fn main() {
    std::process::exit(cli::main());
}
