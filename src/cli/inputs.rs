//! Loading the documents named on the command line, shared by every command
//! that reads documents.

use citemap::input::{self, Source};
use rayon::prelude::*;
use std::path::PathBuf;

/// The documents that could be read, and how many paths failed.
pub struct Loaded {
    /// Documents in the order given, folders expanded in sorted order.
    pub sources: Vec<Source>,
    /// Paths that could not be read; each was reported on stderr.
    pub failed: usize,
}

/// Reads every document under `paths`, reporting each bad path on stderr
/// (one bad file must not hide the others) and failing only when nothing at
/// all could be read.
pub fn load(paths: &[PathBuf]) -> anyhow::Result<Loaded> {
    let found = input::collect(paths);
    for err in &found.errors {
        eprintln!("citemap: {err}");
    }
    let mut failed = found.errors.len();
    let mut sources = read_files(&found.files, &mut failed);
    for note in input::latex::fold_libraries(&mut sources) {
        eprintln!("citemap: {note}");
    }
    if sources.is_empty() {
        return Err(nothing_read(failed, found.skipped.len()));
    }
    Ok(Loaded { sources, failed })
}

/// Reads `files` in parallel, in order; each file that cannot be read is
/// reported on stderr and counted in `failed`.
fn read_files(files: &[PathBuf], failed: &mut usize) -> Vec<Source> {
    let results: Vec<_> = files.par_iter().map(|p| input::read_path(p)).collect();
    let mut sources = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(s) => sources.extend(s),
            Err(err) => {
                eprintln!("citemap: {err}");
                *failed += 1;
            }
        }
    }
    sources
}

/// The error when no document at all was read: every path failed, or none
/// held a document citemap reads.
fn nothing_read(failed: usize, skipped: usize) -> anyhow::Error {
    if failed > 0 {
        return anyhow::anyhow!("no document could be read");
    }
    anyhow::anyhow!(
        "no documents found (citemap reads .txt, .md, .markdown, .tex, .bib, .ris, CSL-JSON .json, .docx and .odt files{})",
        if skipped > 0 {
            format!("; {skipped} other files were skipped")
        } else {
            String::new()
        }
    )
}

impl Loaded {
    /// After output is written: an error (exit 2) if some paths failed.
    pub fn finish(&self) -> anyhow::Result<()> {
        if self.failed > 0 {
            anyhow::bail!("{} path(s) could not be read", self.failed);
        }
        Ok(())
    }
}

/// Documents to be read a batch at a time, for commands that handle each
/// document on its own (`citemap extract`): memory holds one batch, not the
/// whole corpus.
pub struct Stream {
    files: Vec<PathBuf>,
    skipped: usize,
    /// Paths that could not be read so far; each was reported on stderr.
    pub failed: usize,
    read: usize,
}

/// Lists the documents under `paths` (reporting paths that cannot be
/// listed); nothing is read yet.
pub fn stream(paths: &[PathBuf]) -> anyhow::Result<Stream> {
    let found = input::collect(paths);
    for err in &found.errors {
        eprintln!("citemap: {err}");
    }
    Ok(Stream {
        files: found.files,
        skipped: found.skipped.len(),
        failed: found.errors.len(),
        read: 0,
    })
}

impl Stream {
    /// Reads the documents `batch` files at a time (in parallel), in the
    /// order given, and hands each batch that holds a document to `f`.
    /// Fails as [`load`] does when nothing at all could be read.
    pub fn for_each_batch(
        &mut self,
        batch: usize,
        mut f: impl FnMut(Vec<Source>) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        for chunk in self.files.chunks(batch.max(1)) {
            let sources = read_files(chunk, &mut self.failed);
            self.read += sources.len();
            if !sources.is_empty() {
                f(sources)?;
            }
        }
        if self.read == 0 {
            return Err(nothing_read(self.failed, self.skipped));
        }
        Ok(())
    }

    /// After output is written: an error (exit 2) if some paths failed.
    pub fn finish(&self) -> anyhow::Result<()> {
        if self.failed > 0 {
            anyhow::bail!("{} path(s) could not be read", self.failed);
        }
        Ok(())
    }
}
