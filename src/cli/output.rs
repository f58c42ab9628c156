//! Output format selection and writing, shared by the entry commands.

use anyhow::Context;
use citemap::export::{self, Format};
use citemap::{Document, Entry};
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

/// Output formats for entries, as named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// A readable table, one line per entry.
    Table,
    /// citemap's own JSON with documents, spans, notes and parse status.
    Json,
    /// A CSL-JSON array (Zotero, Pandoc), one item per line; extras under "citemap".
    CslJson,
    /// BibTeX; unparsed entries become @comment records.
    Bibtex,
    /// Tab-separated values with a header line.
    Tsv,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Table => Format::Table,
            FormatArg::Json => Format::Json,
            FormatArg::CslJson => Format::CslJson,
            FormatArg::Bibtex => Format::Bibtex,
            FormatArg::Tsv => Format::Tsv,
        }
    }
}

/// Opens the output: a file (created or truncated) or stdout.
pub fn open(path: Option<&PathBuf>) -> anyhow::Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) => Box::new(BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot write {}", p.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    })
}

/// Writes documents' entries in the chosen format.
pub fn write_documents(out: &mut dyn Write, docs: &[Document], format: Format) -> io::Result<()> {
    match format {
        Format::Table => export::table::write(out, docs),
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, docs)?;
            writeln!(out)
        }
        _ => {
            let entries: Vec<Entry> = docs.iter().flat_map(|d| d.entries.clone()).collect();
            write_entries(out, &entries, format)
        }
    }
}

/// Writes a flat list of entries in the chosen format.
pub fn write_entries(out: &mut dyn Write, entries: &[Entry], format: Format) -> io::Result<()> {
    match format {
        Format::CslJson => export::csl::write(out, entries),
        Format::Bibtex => export::bibtex::write(out, entries),
        Format::Tsv => export::tsv::write(out, entries),
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, entries)?;
            writeln!(out)
        }
        Format::Table => {
            for e in entries {
                match e.reference() {
                    Some(r) => writeln!(
                        out,
                        "{:>6}  {:<17} {}",
                        e.span.line,
                        r.kind.csl_name(),
                        export::table::truncate(&r.short_label(), 40)
                            + ": "
                            + r.title.as_deref().unwrap_or("(no title)")
                    )?,
                    None => writeln!(out, "{:>6}  UNPARSED  {}", e.span.line, e.raw)?,
                }
            }
            Ok(())
        }
    }
}
