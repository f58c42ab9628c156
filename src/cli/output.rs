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

/// Writes documents in the chosen format as they come, a batch at a time,
/// so that `citemap extract` never holds every document: the output is the
/// same as writing all of them at once.
///
/// Citation keys (CSL-JSON, BibTeX) must be unique over all entries, which
/// only the last document settles; those formats spool their entries to a
/// temporary file (one JSON line each) and keep only each key's base in
/// memory, then write everything in [`DocumentWriter::finish`].
pub struct DocumentWriter {
    format: Format,
    started: bool,
    documents: usize,
    entries: usize,
    unparsed: usize,
    spool: Option<BufWriter<tempfile::NamedTempFile>>,
    bases: Vec<String>,
}

impl DocumentWriter {
    /// A writer for `format`; nothing is written until the first batch.
    pub fn new(format: Format) -> DocumentWriter {
        DocumentWriter {
            format,
            started: false,
            documents: 0,
            entries: 0,
            unparsed: 0,
            spool: None,
            bases: Vec::new(),
        }
    }

    /// Writes (or spools) a batch of documents, in order.
    pub fn write(&mut self, out: &mut dyn Write, docs: &[Document]) -> anyhow::Result<()> {
        let first = !std::mem::replace(&mut self.started, true);
        match self.format {
            Format::Table => {
                for d in docs {
                    let (n, bad) = export::table::write_document(out, d)?;
                    self.entries += n;
                    self.unparsed += bad;
                }
            }
            Format::Tsv => {
                if first {
                    export::tsv::write_header(out)?;
                }
                for d in docs {
                    export::tsv::write_rows(out, &d.entries)?;
                }
            }
            Format::Json => {
                // As `serde_json::to_writer_pretty` writes an array: each
                // document pretty-printed and indented by two spaces.
                for (i, d) in docs.iter().enumerate() {
                    out.write_all(if first && i == 0 { b"[\n" } else { b",\n" })?;
                    let text = serde_json::to_string_pretty(d)?;
                    for (k, line) in text.split('\n').enumerate() {
                        if k > 0 {
                            out.write_all(b"\n")?;
                        }
                        out.write_all(b"  ")?;
                        out.write_all(line.as_bytes())?;
                    }
                }
            }
            Format::CslJson | Format::Bibtex => {
                if self.spool.is_none() {
                    let file = tempfile::NamedTempFile::new()
                        .context("cannot create a temporary file for the entries")?;
                    self.spool = Some(BufWriter::new(file));
                }
                if let Some(spool) = self.spool.as_mut() {
                    for e in docs.iter().flat_map(|d| &d.entries) {
                        self.bases.push(export::key_base(e));
                        serde_json::to_writer(&mut *spool, e)?;
                        spool.write_all(b"\n")?;
                    }
                }
            }
        }
        self.documents += docs.len();
        Ok(())
    }

    /// Writes what only the end settles: the table's totals, the JSON
    /// array's end, the spooled CSL-JSON or BibTeX entries with their keys.
    pub fn finish(mut self, out: &mut dyn Write) -> anyhow::Result<()> {
        match self.format {
            Format::Table => {
                export::table::write_summary(out, self.documents, self.entries, self.unparsed)?
            }
            Format::Tsv => {
                if !self.started {
                    export::tsv::write_header(out)?;
                }
            }
            Format::Json => out.write_all(if self.started { b"\n]\n" } else { b"[]\n" })?,
            Format::CslJson | Format::Bibtex => {
                let keys = export::keys_from_bases(&self.bases);
                self.bases = Vec::new();
                let csl = self.format == Format::CslJson;
                if csl {
                    out.write_all(b"[")?;
                }
                if let Some(spool) = self.spool.take() {
                    let file = spool
                        .into_inner()
                        .map_err(|e| e.into_error())
                        .context("cannot write the temporary file of entries")?;
                    let reader = io::BufReader::new(file.reopen()?);
                    for (i, (line, key)) in io::BufRead::lines(reader).zip(&keys).enumerate() {
                        let entry: Entry = serde_json::from_str(&line?)?;
                        if csl {
                            export::csl::write_item(out, &entry, key, i == 0)?;
                        } else {
                            export::bibtex::write_entry(out, &entry, key)?;
                        }
                    }
                }
                if csl {
                    out.write_all(b"\n]\n")?;
                }
            }
        }
        Ok(())
    }
}
