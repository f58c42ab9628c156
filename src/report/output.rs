//! Writing the main job's files so that a failure leaves nothing behind:
//! every file is first written in full to a hidden temporary file in the
//! output folder, and only when all of them are written are they renamed
//! into place (a rename within one folder is atomic on POSIX systems).

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why the output could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OutputError {
    /// The output path exists and is not a folder.
    #[error("{path}: exists and is not a folder; choose another output folder")]
    NotAFolder {
        /// The path.
        path: PathBuf,
    },
    /// The folder could not be created or written to.
    #[error("{path}: cannot write there: {source}")]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
}

/// A set of files to write into one folder, all or nothing.
#[derive(Debug, Default)]
pub struct Batch {
    files: Vec<(String, Vec<u8>)>,
}

impl Batch {
    /// An empty batch.
    pub fn new() -> Batch {
        Batch::default()
    }

    /// Adds a file (a plain file name, no folders) with its contents.
    pub fn add(&mut self, name: impl Into<String>, contents: impl Into<Vec<u8>>) {
        self.files.push((name.into(), contents.into()));
    }

    /// The names added so far.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.files.iter().map(|(n, _)| n.as_str())
    }

    /// Checks that `dir` is, or can become, a folder we can write to, without
    /// leaving anything behind; call it before long work so a bad output
    /// path fails fast.
    pub fn check_folder(dir: &Path) -> Result<(), OutputError> {
        if dir.exists() && !dir.is_dir() {
            return Err(OutputError::NotAFolder {
                path: dir.to_owned(),
            });
        }
        if !dir.exists() {
            // Probe the nearest existing ancestor instead of creating the
            // folder now: a later failure must not leave an empty folder.
            let mut ancestor = dir.parent();
            while let Some(a) = ancestor {
                if a.as_os_str().is_empty() {
                    ancestor = Some(Path::new("."));
                    break;
                }
                if a.exists() {
                    break;
                }
                ancestor = a.parent();
            }
            let probe_in = ancestor.unwrap_or(Path::new("."));
            if !probe_in.is_dir() {
                return Err(OutputError::NotAFolder {
                    path: probe_in.to_owned(),
                });
            }
            return probe(probe_in);
        }
        probe(dir)
    }

    /// Writes every file into `dir` (created if missing). On any error the
    /// temporary files are removed, files already in `dir` are untouched,
    /// and a folder this call created is removed again.
    pub fn commit(self, dir: &Path) -> Result<Vec<PathBuf>, OutputError> {
        Batch::check_folder(dir)?;
        let created = !dir.exists();
        std::fs::create_dir_all(dir).map_err(|source| OutputError::Io {
            path: dir.to_owned(),
            source,
        })?;
        let mut temps: Vec<(tempfile::TempPath, PathBuf)> = Vec::new();
        let result = (|| {
            for (name, contents) in &self.files {
                let prefix = format!(".{name}.");
                let mut builder = tempfile::Builder::new();
                builder.prefix(&prefix).suffix(".tmp");
                // Temporary files are private by default; the outputs are
                // ordinary files (the umask still applies).
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    builder.permissions(std::fs::Permissions::from_mode(0o666));
                }
                let mut tmp = builder.tempfile_in(dir).map_err(|source| OutputError::Io {
                    path: dir.to_owned(),
                    source,
                })?;
                tmp.write_all(contents)
                    .and_then(|_| tmp.as_file().sync_all())
                    .map_err(|source| OutputError::Io {
                        path: tmp.path().to_owned(),
                        source,
                    })?;
                temps.push((tmp.into_temp_path(), dir.join(name)));
            }
            Ok(())
        })();
        if let Err(e) = result {
            drop(temps);
            if created {
                let _ = std::fs::remove_dir(dir);
            }
            return Err(e);
        }
        let mut written = Vec::new();
        for (tmp, target) in temps {
            tmp.persist(&target).map_err(|e| OutputError::Io {
                path: target.clone(),
                source: e.error,
            })?;
            written.push(target);
        }
        Ok(written)
    }
}

fn probe(dir: &Path) -> Result<(), OutputError> {
    tempfile::Builder::new()
        .prefix(".citemap-probe.")
        .tempfile_in(dir)
        .map(drop)
        .map_err(|source| OutputError::Io {
            path: dir.to_owned(),
            source,
        })
}
