//! LaTeX drafts: the citation commands of a `.tex` file and the `.bib`
//! files it names.
//!
//! `\cite`, `\citep`, `\citet`, `\parencite`, `\textcite`, `\autocite`,
//! `\footcite`, `\nocite` and their kin (any command whose name contains
//! `cite`, starred or not, with up to two optional arguments and several
//! comma-separated keys) are found outside comments; `\bibliography{a,b}`
//! and `\addbibresource{x.bib}` name the libraries, resolved relative to the
//! `.tex`. The draft's works-cited list is the cited entries of those
//! libraries (all of them under `\nocite{*}`), in library order, with spans
//! pointing into the `.bib`.

use super::{bibtex, decode, library, Format, Source, MAX_FILE_BYTES};
use crate::error::{Error, Result};
use std::collections::HashSet;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// One key of one citation command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// The key as written.
    pub key: String,
    /// The command (`citep`, `nocite`).
    pub command: String,
    /// Byte range of the key in the text.
    pub range: Range<usize>,
    /// 1-based line of the key.
    pub line: usize,
}

/// A library named by `\bibliography` or `\addbibresource`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    /// The name as written, `.bib` added when it had no extension.
    pub name: String,
    /// Where it resolves to, relative to the draft.
    pub path: PathBuf,
    /// Byte range of the name in the text.
    pub range: Range<usize>,
    /// 1-based line of the command.
    pub line: usize,
}

/// What a draft cites and where its libraries are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    /// Every cited key in text order (`\nocite` keys included, `*` not).
    pub citations: Vec<Citation>,
    /// True when the draft has `\nocite{*}`: every entry counts as cited.
    pub nocite_all: bool,
    /// The libraries named, in order.
    pub resources: Vec<Resource>,
}

/// A library named by a draft, read.
#[derive(Debug, Clone)]
pub struct Library {
    /// The resource as named.
    pub resource: Resource,
    /// Its text and entries; an error when it could not be read.
    pub content: std::result::Result<(String, bibtex::Parsed), String>,
}

/// True when `text` reads as a LaTeX document.
pub fn looks_like(text: &str) -> bool {
    text.contains("\\documentclass") || text.contains("\\begin{document}")
}

/// Command names containing `cite` that cite nothing.
const NOT_CITATIONS: &[&str] = &[
    "citestyle",
    "citesetup",
    "citetrackerfalse",
    "citetrackertrue",
];

/// `text` with comments blanked (same length, so byte offsets and lines
/// hold): a `%` not preceded by a backslash runs to the line's end.
fn uncommented(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let b = line.as_bytes();
        let cut = (0..b.len()).find(|&i| {
            b[i] == b'%' && {
                let slashes = b[..i].iter().rev().take_while(|&&c| c == b'\\').count();
                slashes % 2 == 0
            }
        });
        match cut {
            Some(i) => {
                out.push_str(&line[..i]);
                for c in line[i..].chars() {
                    if c == '\n' {
                        out.push('\n');
                    } else {
                        out.extend(std::iter::repeat_n(' ', c.len_utf8()));
                    }
                }
            }
            None => out.push_str(line),
        }
    }
    out
}

/// The brace group opening at `at` (which must be `{`): the byte range of
/// its content, and the byte after its close. `None` when never closed.
fn group(b: &[u8], at: usize, open: u8, close: u8) -> Option<(Range<usize>, usize)> {
    if b.get(at) != Some(&open) {
        return None;
    }
    let mut depth = 0usize;
    for (i, &c) in b.iter().enumerate().skip(at) {
        if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                return Some((at + 1..i, i + 1));
            }
        }
    }
    None
}

fn skip_space(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// The comma-separated items of `text[range]`, each with its own range.
fn items(text: &str, range: Range<usize>) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    let mut start = range.start;
    for piece in text[range.clone()].split(',') {
        let lead = piece.len() - piece.trim_start().len();
        let key = piece.trim();
        if !key.is_empty() {
            out.push((key.to_owned(), start + lead..start + lead + key.len()));
        }
        start += piece.len() + 1;
    }
    out
}

/// Finds the citations and libraries of a LaTeX text; `path` is the
/// draft's, for resolving library names. Never panics.
///
/// ```
/// use std::path::Path;
/// let tex = "See \\citep[p.~4]{knuth84, lamport94}.\n% \\cite{ignored}\n\\bibliography{refs}\n";
/// let d = citemap::input::latex::scan(Path::new("paper/draft.tex"), tex);
/// let keys: Vec<_> = d.citations.iter().map(|c| c.key.as_str()).collect();
/// assert_eq!(keys, ["knuth84", "lamport94"]);
/// assert_eq!(d.resources[0].path, Path::new("paper/refs.bib"));
/// ```
pub fn scan(path: &Path, text: &str) -> Draft {
    let clean = uncommented(text);
    let b = clean.as_bytes();
    let dir = path.parent().unwrap_or(Path::new(""));
    let ix = crate::cite::text::LineIndex::new(text);
    let mut draft = Draft::default();
    let mut i = 0;
    while let Some(at) = memchr::memchr(b'\\', &b[i..]).map(|o| i + o) {
        let name_end = b[at + 1..]
            .iter()
            .position(|c| !c.is_ascii_alphabetic())
            .map_or(b.len(), |o| at + 1 + o);
        let name = &clean[at + 1..name_end];
        i = name_end.max(at + 1);
        let lower = name.to_ascii_lowercase();
        let is_cite = lower.contains("cite") && !NOT_CITATIONS.contains(&lower.as_str());
        let is_bib = matches!(
            name,
            "bibliography" | "addbibresource" | "addglobalbib" | "addsectionbib"
        );
        if !is_cite && !is_bib {
            continue;
        }
        let mut j = name_end;
        if b.get(j) == Some(&b'*') {
            j += 1;
        }
        // Optional arguments ([pre][post]) before each key group; \cites
        // and kin take several groups.
        loop {
            let mut k = skip_space(b, j);
            let mut optional = 0;
            while optional < 2 {
                match group(b, k, b'[', b']') {
                    Some((_, next)) => {
                        k = skip_space(b, next);
                        optional += 1;
                    }
                    None => break,
                }
            }
            let Some((inner, next)) = group(b, k, b'{', b'}') else {
                break;
            };
            j = next;
            let line = ix.line(inner.start);
            for (key, range) in items(text, inner) {
                if is_bib {
                    let name = if Path::new(&key).extension().is_some() {
                        key.clone()
                    } else {
                        format!("{key}.bib")
                    };
                    draft.resources.push(Resource {
                        path: dir.join(&name),
                        name,
                        range,
                        line,
                    });
                } else if key == "*" && lower == "nocite" {
                    draft.nocite_all = true;
                } else {
                    draft.citations.push(Citation {
                        key,
                        command: name.to_owned(),
                        line: ix.line(range.start),
                        range,
                    });
                }
            }
            if is_bib || !lower.ends_with("cites") {
                break;
            }
        }
        i = j.max(i);
    }
    draft
}

/// Takes out of `sources` the libraries that a LaTeX draft among them names
/// (`refs.bib` beside `draft.tex` in one folder): the draft's works-cited
/// list already holds their cited entries, so read again as documents of
/// their own they would cite every work a second time. Returns a note for
/// each library taken out.
pub fn fold_libraries(sources: &mut Vec<Source>) -> Vec<String> {
    let same = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_owned());
    let mut named: Vec<(PathBuf, String)> = Vec::new();
    for s in sources.iter().filter(|s| s.format == Format::Latex) {
        for r in scan(Path::new(&s.path), &s.text).resources {
            named.push((same(&r.path), s.path.clone()));
        }
    }
    if named.is_empty() {
        return Vec::new();
    }
    let mut notes = Vec::new();
    sources.retain(|s| {
        if s.format != Format::BibTex {
            return true;
        }
        let here = same(Path::new(&s.path));
        match named.iter().find(|(p, _)| *p == here) {
            Some((_, draft)) => {
                notes.push(format!(
                    "{}: read as the library of {draft}, not as a document of its own",
                    s.path
                ));
                false
            }
            None => true,
        }
    });
    notes
}

/// Reads the libraries a draft names. Each is size-capped; one that cannot
/// be read carries the reason.
pub fn libraries(draft: &Draft) -> Vec<Library> {
    draft
        .resources
        .iter()
        .map(|r| Library {
            resource: r.clone(),
            content: read_bib(&r.path),
        })
        .collect()
}

fn read_bib(path: &Path) -> std::result::Result<(String, bibtex::Parsed), String> {
    let size = std::fs::metadata(path)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(format!("{}: too large ({size} bytes)", path.display()));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = decode::decode(path, &bytes)
        .map_err(|e| e.to_string())?
        .text
        .replace("\r\n", "\n");
    let parsed = bibtex::parse(&text);
    Ok((text, parsed))
}

/// Reads a LaTeX draft: its text, and as its works-cited list the entries
/// of its libraries that it cites (every entry under `\nocite{*}`). A draft
/// without `\bibliography`/`\addbibresource` keeps no stated list, so a
/// `thebibliography` environment in its text is found like any other list.
///
/// # Errors
///
/// [`Error::Binary`] when the bytes are not text.
pub fn read(path: &Path, bytes: &[u8]) -> Result<Source> {
    let decoded = decode::decode(path, bytes)?;
    let text = decoded.text.replace("\r\n", "\n");
    let draft = scan(path, &text);
    let mut notes: Vec<String> = decoded.note.into_iter().collect();
    let entries = if draft.resources.is_empty() {
        None
    } else {
        let cited: HashSet<&str> = draft.citations.iter().map(|c| c.key.as_str()).collect();
        let mut seen = HashSet::new();
        let mut entries = Vec::new();
        for lib in libraries(&draft) {
            match lib.content {
                Ok((_, parsed)) => {
                    let name = lib.resource.path.display().to_string();
                    for p in &parsed.problems {
                        let skipped = if p.skipped { "skipped: " } else { "" };
                        notes.push(format!("{name}:{}: {skipped}{}", p.line, p.message));
                    }
                    for e in parsed.entries {
                        if !(draft.nocite_all || cited.contains(e.key.as_str()))
                            || !seen.insert(e.key.clone())
                        {
                            continue;
                        }
                        let record = library::Record {
                            key: Some(e.key),
                            line: e.line,
                            end_line: e.end_line,
                            raw: library::collapse(&e.source),
                            reference: e.reference,
                        };
                        entries.push(record.into_entry(&name));
                    }
                }
                Err(why) => notes.push(format!(
                    "line {}: library not read: {why}",
                    lib.resource.line
                )),
            }
        }
        Some(entries)
    };
    if text.trim().is_empty() {
        return Err(Error::Malformed {
            path: path.to_owned(),
            format: Format::Latex.name(),
            line: 0,
            message: "the file is empty".into(),
        });
    }
    let meta = front_matter(&text);
    Ok(Source {
        path: path.display().to_string(),
        text,
        meta,
        notes,
        entries,
        format: Format::Latex,
        ..Source::default()
    })
}

/// The draft's title, authors and year from `\title{…}`, `\author{…}` and
/// `\date{…}`, so a map names the draft as its title page does, not by its
/// first line of markup.
///
/// ```
/// let tex = "\\documentclass{article}\n\\title{Citation Maps\\thanks{Funded.}}\n\\author{Jane Roe\\\\ Uni \\and John Doe}\n";
/// let m = citemap::input::latex::front_matter(tex);
/// assert_eq!(m.title.as_deref(), Some("Citation Maps"));
/// let families: Vec<_> = m.authors.iter().map(|p| p.family.as_str()).collect();
/// assert_eq!(families, ["Roe", "Doe"]);
/// ```
pub fn front_matter(text: &str) -> crate::model::DocumentMeta {
    let clean = uncommented(text);
    let argument = |command: &str| -> Option<&str> {
        let b = clean.as_bytes();
        let mut from = 0;
        while let Some(at) = clean[from..].find(command).map(|o| from + o) {
            from = at + command.len();
            // `\title` but not `\titlepage`; an optional short form first.
            if b.get(from).is_some_and(u8::is_ascii_alphabetic) {
                continue;
            }
            let mut k = skip_space(b, from);
            if let Some((_, next)) = group(b, k, b'[', b']') {
                k = skip_space(b, next);
            }
            if let Some((inner, _)) = group(b, k, b'{', b'}') {
                return Some(&clean[inner]);
            }
        }
        None
    };
    let title = argument("\\title").map(plain).filter(|t| !t.is_empty());
    let authors = argument("\\author")
        .map(|a| {
            a.split("\\and")
                .filter_map(|one| {
                    // The name is what stands before the first line break;
                    // affiliations and e-mail follow it.
                    let name = plain(one.split("\\\\").next().unwrap_or_default());
                    let name = name.trim_end_matches(|c: char| c.is_ascii_digit() || c == ',');
                    super::export::person_given_first(name)
                })
                .collect()
        })
        .unwrap_or_default();
    // `\date{March 2024}`; `\date{\today}` gives no year.
    let year = argument("\\date").and_then(|d| {
        d.split(|c: char| !c.is_ascii_digit())
            .filter(|w| w.len() == 4)
            .filter_map(|w| w.parse::<i32>().ok())
            .find(|y| (1500..=2200).contains(y))
    });
    crate::model::DocumentMeta {
        title,
        authors,
        year,
        ..Default::default()
    }
}

/// TeX markup reduced to its words: `\thanks{…}`, `\footnote{…}` and
/// `\inst{…}` dropped with their arguments, other commands dropped and
/// their arguments kept, braces and `~` undone, white space collapsed.
fn plain(tex: &str) -> String {
    const DROPPED: [&str; 5] = ["thanks", "footnote", "inst", "footnotemark", "label"];
    let b = tex.as_bytes();
    let mut out = String::with_capacity(tex.len());
    let mut i = 0;
    while i < tex.len() {
        let c = tex[i..].chars().next().unwrap_or(' ');
        match c {
            '\\' => {
                let end = b[i + 1..]
                    .iter()
                    .position(|c| !c.is_ascii_alphabetic())
                    .map_or(b.len(), |o| i + 1 + o);
                let name = &tex[i + 1..end];
                i = end.max(i + 2).min(tex.len());
                if DROPPED.contains(&name) {
                    if let Some((_, next)) = group(b, skip_space(b, i), b'{', b'}') {
                        i = next;
                    }
                }
                out.push(' ');
            }
            '{' | '}' => {
                i += 1;
            }
            '~' => {
                out.push(' ');
                i += 1;
            }
            _ => {
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_citation_command_and_form() {
        let tex = r"\citet{a} \citep[see][p.~2]{b,  c} \parencite*{d} \textcite{e}
\autocite[4]{f} \nocite{g} \cites{h}[5]{i} 50\% \cite{j} % \cite{not}
\citestyle{x} \addbibresource[label=x]{lib.bib}";
        let d = scan(Path::new("t.tex"), tex);
        let keys: Vec<_> = d.citations.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(keys, ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]);
        assert_eq!(d.citations[5].line, 2);
        assert_eq!(&tex[d.citations[2].range.clone()], "c");
        assert_eq!(d.resources.len(), 1);
        assert_eq!(d.resources[0].name, "lib.bib");
        assert!(!d.nocite_all);
        assert!(scan(Path::new("t.tex"), r"\nocite{*}").nocite_all);
    }

    #[test]
    fn unclosed_groups_do_not_loop_or_panic() {
        let d = scan(Path::new("t.tex"), r"\cite{a \cite[ \bibliography{");
        assert!(d.citations.is_empty());
    }
}
