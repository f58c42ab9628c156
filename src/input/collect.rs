//! Expanding the paths a user gives (files, folders, `-` for stdin) into the
//! list of documents to read.

use crate::error::Error;
use std::path::{Path, PathBuf};

/// File extensions read when walking a folder (case-insensitive). A file the
/// user names explicitly is read whatever its extension.
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "pdf"];

/// Extensions of the other formats read when walking a folder: reference
/// libraries, LaTeX drafts, Word and OpenDocument files.
pub const DOCUMENT_EXTENSIONS: &[&str] = &["bib", "json", "ris", "tex", "docx", "odt"];

/// Extensions of tables and record files read when walking a folder only
/// if their first bytes are a citation-database export (Scopus, Lens or
/// OpenAlex CSV, OpenAlex JSON lines, Web of Science tab-delimited): a
/// folder also keeps data tables that are no documents.
pub const EXPORT_EXTENSIONS: &[&str] = &["csv", "jsonl", "tsv", "tab"];

/// The documents found under the paths a user gave.
#[derive(Debug, Default)]
pub struct Collected {
    /// Files to read, in the order given, folders expanded in sorted order.
    /// A path of `-` stands for standard input.
    pub files: Vec<PathBuf>,
    /// Files inside folders that were passed over (none of the extensions
    /// in [`TEXT_EXTENSIONS`] and [`DOCUMENT_EXTENSIONS`], and no export
    /// behind one of [`EXPORT_EXTENSIONS`]).
    pub skipped: Vec<PathBuf>,
    /// Paths that do not exist or could not be listed.
    pub errors: Vec<Error>,
}

/// True for the path `-`, which means standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Expands files and folders (recursively, sorted by name; hidden entries
/// and symlinked folders are not entered) into the documents to read.
///
/// Every problem is collected rather than stopping at the first, so one bad
/// path does not hide the others.
///
/// ```no_run
/// use std::path::PathBuf;
/// let found = citemap::input::collect(&[PathBuf::from("references/")]);
/// for err in &found.errors {
///     eprintln!("{err}");
/// }
/// println!("{} documents, {} other files skipped", found.files.len(), found.skipped.len());
/// ```
pub fn collect(paths: &[PathBuf]) -> Collected {
    let mut found = Collected::default();
    for path in paths {
        if is_stdin(path) {
            found.files.push(path.clone());
        } else if path.is_dir() {
            walk(path, &mut found);
        } else if path.exists() {
            found.files.push(path.clone());
        } else {
            found.errors.push(Error::NotFound { path: path.clone() });
        }
    }
    found
}

fn walk(dir: &Path, found: &mut Collected) {
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(source) => {
            found.errors.push(Error::Io {
                path: dir.to_owned(),
                source,
            });
            return;
        }
    };
    let mut children: Vec<(PathBuf, std::fs::FileType)> = Vec::new();
    for entry in entries {
        match entry.and_then(|e| Ok((e.path(), e.file_type()?))) {
            Ok(child) => children.push(child),
            Err(source) => found.errors.push(Error::Io {
                path: dir.to_owned(),
                source,
            }),
        }
    }
    children.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, kind) in children {
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if kind.is_dir() {
            walk(&path, found);
        } else if (kind.is_file() || kind.is_symlink() && path.is_file())
            && (has_text_extension(&path) && !is_folder_note(&path) && !is_other_json(&path)
                || is_export_table(&path))
        {
            found.files.push(path);
        } else {
            found.skipped.push(path);
        }
    }
}

/// A folder's README, licence or changelog describes the folder; it is not
/// one of its documents (the seed corpus's README even quotes a document's
/// DOI, which would join it to that document). Named explicitly, such a file
/// is read like any other.
pub fn is_folder_note(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    ["readme", "license", "licence", "changelog"]
        .iter()
        .any(|p| name.starts_with(p))
}

/// A `.json` file in a folder is read only when it holds CSL-JSON: folders
/// also keep reports, settings and package manifests as JSON.
fn is_other_json(path: &Path) -> bool {
    use std::io::Read as _;
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if !is_json {
        return false;
    }
    let mut head = Vec::with_capacity(4096);
    let read = std::fs::File::open(path).and_then(|f| f.take(4096).read_to_end(&mut head));
    read.is_err() || !super::csl_json::looks_like(&String::from_utf8_lossy(&head))
}

/// A `.csv`, `.jsonl`, `.tsv` or `.tab` file whose head is a database
/// export.
fn is_export_table(path: &Path) -> bool {
    use std::io::Read as _;
    let candidate = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXPORT_EXTENSIONS.iter().any(|t| e.eq_ignore_ascii_case(t)));
    if !candidate {
        return false;
    }
    let mut head = Vec::with_capacity(64 * 1024);
    let read = std::fs::File::open(path).and_then(|f| f.take(64 * 1024).read_to_end(&mut head));
    read.is_ok() && super::export::sniff(&head).is_some()
}

fn has_text_extension(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        TEXT_EXTENSIONS
            .iter()
            .chain(DOCUMENT_EXTENSIONS)
            .any(|t| e.eq_ignore_ascii_case(t))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_tables_are_read_in_walks_and_other_tables_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let scopus = dir.path().join("scopus.csv");
        std::fs::write(
            &scopus,
            "Authors,Author full names,Title,Year,Source title,References,EID\n\
             \"Vargo S.L.\",\"Vargo, Stephen L.\",\"T\",2004,\"J\",\"R\",2-s2.0-1\n",
        )
        .unwrap();
        let lens = dir.path().join("lens.CSV");
        std::fs::write(&lens, "Lens ID,Title\n000-000,T\n").unwrap();
        let data = dir.path().join("measurements.csv");
        std::fs::write(&data, "site,value\na,1\n").unwrap();
        let found = collect(&[dir.path().to_owned()]);
        assert_eq!(found.files, vec![lens, scopus]);
        assert_eq!(found.skipped, vec![data]);
    }

    #[test]
    fn folder_notes_are_skipped_in_walks_but_read_when_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("README.md"), "about").unwrap();
        std::fs::write(dir.path().join("paper.md"), "text").unwrap();
        let found = collect(&[dir.path().to_owned()]);
        assert_eq!(found.files, vec![dir.path().join("paper.md")]);
        assert_eq!(found.skipped, vec![dir.path().join("README.md")]);
        let named = collect(&[dir.path().join("README.md")]);
        assert_eq!(named.files, vec![dir.path().join("README.md")]);
    }

    #[test]
    fn walks_sorted_and_skips_other_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("sub")).unwrap();
        for name in ["b.md", "a.TXT", "sub/c.markdown", "x.doc", ".hidden.txt"] {
            std::fs::write(root.join(name), "text").unwrap();
        }
        let found = collect(&[root.to_owned(), PathBuf::from("-")]);
        let names: Vec<_> = found
            .files
            .iter()
            .map(|p| p.strip_prefix(root).unwrap_or(p).display().to_string())
            .collect();
        assert_eq!(names, ["a.TXT", "b.md", "sub/c.markdown", "-"]);
        assert_eq!(found.skipped.len(), 1);
        assert!(found.errors.is_empty());
    }

    #[test]
    fn missing_paths_are_errors_not_panics() {
        let found = collect(&[PathBuf::from("/no/such/place/citemap")]);
        assert!(matches!(found.errors[..], [Error::NotFound { .. }]));
    }
}
