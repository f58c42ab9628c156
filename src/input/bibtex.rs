//! BibTeX and BibLaTeX files (Zotero, Better BibTeX, JabRef, a LaTeX
//! draft's `.bib`), read as a list of entries.
//!
//! The file is first cut into its `@type{…}` blocks by a brace-matching
//! scanner that knows each block's line, so one broken entry costs only
//! itself: the scanner resynchronises at the next line that starts with `@`.
//! Each block is then parsed by the `biblatex` crate (typst's), which
//! resolves `@string` abbreviations, month macros and TeX accents
//! (`{\"o}` → ö) and splits names into family, given, particle and suffix
//! the way BibTeX does. Parsing block by block (with the file's `@string`
//! definitions before each) also keeps duplicate keys, which the crate
//! rejects in a whole file but which `citemap check` must report.
//!
//! [`entries`] is the raw-entry API other readers build on (a citation
//! database's BibTeX export adds its own fields, such as Scopus'
//! `references`).

use super::library::{self, clean_doi, clean_pages, nonempty, Record};
use crate::model::{Date, Person, Reference, WorkType};
use biblatex::{ChunksExt, PermissiveType};
use std::collections::{BTreeMap, HashMap};

/// One `@type{key, field = value, …}` entry, as written.
#[derive(Debug, Clone, PartialEq)]
pub struct RawEntry {
    /// The citation key.
    pub key: String,
    /// The entry type in lower case (`article`, `inproceedings`, …).
    pub kind: String,
    /// Field names in lower case, values with braces and TeX accents
    /// resolved (`{\"o}` → ö), sorted by name.
    pub fields: BTreeMap<String, String>,
    /// 1-based line of the `@`.
    pub line: usize,
    /// 1-based line of the closing brace.
    pub end_line: usize,
    /// The entry's source text.
    pub source: String,
    /// The fields mapped onto citemap's model.
    pub reference: Reference,
}

/// A block that could not be read, or an entry read with a fault, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line where the block starts.
    pub line: usize,
    /// What is wrong.
    pub message: String,
    /// The block was left out (else its entry is read, as written).
    pub skipped: bool,
}

/// A whole file: its entries in file order (duplicates kept) and the blocks
/// that could not be read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    /// Entries in file order.
    pub entries: Vec<RawEntry>,
    /// Blocks skipped, with the reason.
    pub problems: Vec<Problem>,
}

/// The entries of a BibTeX/BibLaTeX text, in file order; blocks that cannot
/// be read are left out (see [`parse`] for them).
///
/// ```
/// let bib = "@article{knuth84,\n  author = {Donald E. Knuth},\n  title = {Literate Programming},\n  journal = {The Computer Journal}, year = 1984, volume = 27, pages = {97--111}}\n";
/// let e = &citemap::input::bibtex::entries(bib)[0];
/// assert_eq!((e.key.as_str(), e.kind.as_str(), e.line), ("knuth84", "article", 1));
/// assert_eq!(e.fields["pages"], "97–111");
/// assert_eq!(e.reference.pages.as_deref(), Some("97-111"));
/// ```
pub fn entries(text: &str) -> Vec<RawEntry> {
    parse(text).entries
}

/// Reads a BibTeX/BibLaTeX text: every entry that can be read, and a
/// problem for every block that cannot. Never panics.
pub fn parse(text: &str) -> Parsed {
    let blocks = scan(text);
    let strings: String = blocks
        .iter()
        .filter(|b| b.kind.eq_ignore_ascii_case("string"))
        .filter_map(|b| b.text(text))
        .map(|s| format!("{s}\n"))
        .collect();
    // Each entry's source by its key, for `crossref` and `xdata` parents
    // (the first of duplicated keys, as BibTeX takes it).
    let mut by_key: HashMap<&str, &str> = HashMap::new();
    for block in &blocks {
        if let Some((key, src)) = block.text(text).and_then(|t| Some((key_of(t)?, t))) {
            by_key.entry(key).or_insert(src);
        }
    }
    let mut out = Parsed::default();
    for block in &blocks {
        let Some(src) = block.text(text) else {
            out.problems.push(Problem {
                line: block.line,
                message: format!(
                    "@{} is not closed (a brace is missing); skipped to the next entry",
                    block.kind
                ),
                skipped: true,
            });
            continue;
        };
        let kind = block.kind.to_ascii_lowercase();
        if matches!(kind.as_str(), "string" | "preamble" | "comment") {
            continue;
        }
        match parse_block(&strings, src) {
            Ok(entry) => {
                let entry = match inherit(&strings, src, entry, &by_key) {
                    Ok(e) => e,
                    Err((e, message)) => {
                        out.problems.push(Problem {
                            line: block.line,
                            message,
                            skipped: false,
                        });
                        e
                    }
                };
                out.entries.push(to_raw(entry, kind, block, src, text))
            }
            Err(message) => out.problems.push(Problem {
                line: block.line,
                message,
                skipped: true,
            }),
        }
    }
    out
}

/// The records of a BibTeX text, for a library [`Source`](super::Source).
pub fn records(text: &str) -> (Vec<Record>, Vec<Problem>) {
    let parsed = parse(text);
    let records = parsed
        .entries
        .into_iter()
        .map(|e| Record {
            key: Some(e.key),
            line: e.line,
            end_line: e.end_line,
            raw: library::collapse(&e.source),
            reference: e.reference,
        })
        .collect();
    (records, parsed.problems)
}

/// True when `text` reads as BibTeX: its first line that is neither blank
/// nor a `%` comment opens an `@type{` block; or a short free-text header
/// (BibTeX ignores text outside entries, and Mendeley Desktop's export opens
/// with three lines of it) stands before an entry that opens with its key
/// and goes on with a `field = value` line.
pub fn looks_like(text: &str) -> bool {
    /// Header lines allowed before the first entry.
    const HEADER: usize = 8;
    let mut lines = text
        .lines()
        .map(|l| l.trim_start_matches('\u{feff}').trim())
        .filter(|l| !l.is_empty() && !l.starts_with('%'));
    let Some(first) = lines.next() else {
        return false;
    };
    if opens_block(first) {
        return true;
    }
    let mut lines = lines.take(HEADER + 1);
    let Some(entry) = lines.by_ref().find(|l| opens_block(l)) else {
        return false;
    };
    let keyed = entry
        .split_once(['{', '('])
        .is_some_and(|(_, key)| key.trim_end().ends_with(',') && key.len() > 1);
    keyed && lines.next().is_some_and(is_field_line)
}

/// "@type{" or "@type(" at the start of a line.
fn opens_block(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('@') else {
        return false;
    };
    let name_len = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    name_len > 0 && rest[name_len..].trim_start().starts_with(['{', '('])
}

/// "author = {…", "year = 1999,", "title = \"…": a BibTeX field.
fn is_field_line(line: &str) -> bool {
    let Some((name, value)) = line.split_once('=') else {
        return false;
    };
    let name = name.trim();
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ':' | '.'))
        && value
            .trim_start()
            .starts_with(|c: char| matches!(c, '{' | '"') || c.is_ascii_alphanumeric())
}

/// One `@type{…}` block found by [`scan`].
#[derive(Debug)]
struct Block {
    kind: String,
    start: usize,
    /// Byte just past the closing delimiter; `None` when never closed.
    end: Option<usize>,
    line: usize,
}

impl Block {
    fn text<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.start..self.end?)
    }
}

/// Cuts `text` into `@type{…}` blocks. Text outside blocks is a comment, as
/// in BibTeX. An unclosed block ends at the next line that starts with `@`,
/// where scanning resumes.
fn scan(text: &str) -> Vec<Block> {
    let bytes = text.as_bytes();
    let mut blocks = Vec::new();
    let mut i = 0;
    let mut line = 1;
    let mut counted = 0; // bytes up to which `line` is counted
    let line_at = |pos: usize, line: &mut usize, counted: &mut usize| {
        *line += memchr::memchr_iter(b'\n', &bytes[*counted..pos]).count();
        *counted = pos;
        *line
    };
    while let Some(at) = memchr::memchr(b'@', &bytes[i..]).map(|o| i + o) {
        let name_end = bytes[at + 1..]
            .iter()
            .position(|b| !b.is_ascii_alphabetic())
            .map_or(bytes.len(), |o| at + 1 + o);
        let mut open = name_end;
        while open < bytes.len() && bytes[open].is_ascii_whitespace() {
            open += 1;
        }
        if name_end == at + 1 || open >= bytes.len() || !matches!(bytes[open], b'{' | b'(') {
            i = at + 1;
            continue;
        }
        let kind = text[at + 1..name_end].to_owned();
        let start_line = line_at(at, &mut line, &mut counted);
        let close = if bytes[open] == b'(' { b')' } else { b'}' };
        let mut depth = 0usize;
        let mut end = None;
        let mut j = open + 1;
        while j < bytes.len() {
            match bytes[j] {
                b'{' => depth += 1,
                b'}' if depth > 0 => depth -= 1,
                c if c == close && depth == 0 => {
                    end = Some(j + 1);
                    break;
                }
                _ => {}
            }
            j += 1;
        }
        match end {
            Some(e) => {
                blocks.push(Block {
                    kind,
                    start: at,
                    end: Some(e),
                    line: start_line,
                });
                i = e;
            }
            None => {
                blocks.push(Block {
                    kind,
                    start: at,
                    end: None,
                    line: start_line,
                });
                i = next_at_line(bytes, open + 1).unwrap_or(bytes.len());
            }
        }
    }
    blocks
}

/// The byte of the next `@` that starts a line (after indentation).
fn next_at_line(bytes: &[u8], from: usize) -> Option<usize> {
    let mut k = from;
    while let Some(nl) = memchr::memchr(b'\n', &bytes[k..]).map(|o| k + o) {
        let mut p = nl + 1;
        while p < bytes.len() && matches!(bytes[p], b' ' | b'\t') {
            p += 1;
        }
        if bytes.get(p) == Some(&b'@') {
            return Some(p);
        }
        k = nl + 1;
    }
    None
}

/// Parses one block with `biblatex`, the file's `@string`s before it. An
/// entry the crate rejects as a whole (an undefined abbreviation, a bad
/// cross-reference) is read again without resolution, its fields as
/// written; the crate's panics, should any remain on hostile input, become
/// an error for this block alone.
fn parse_block(strings: &str, src: &str) -> Result<biblatex::Entry, String> {
    let attempt = std::panic::catch_unwind(|| {
        let full = format!("{strings}{src}");
        match biblatex::Bibliography::parse(&full) {
            Ok(bib) => bib
                .into_vec()
                .into_iter()
                .next()
                .ok_or_else(|| "no entry in block".to_owned()),
            Err(first) => unresolved(src).ok_or_else(|| describe(&first)),
        }
    });
    attempt.unwrap_or_else(|_| Err("the BibTeX parser failed on this entry".into()))
}

/// How many `crossref`/`xdata` parents up an entry may inherit from (a
/// chain longer than this, or a loop, is cut).
const MAX_PARENTS: usize = 4;

/// The key of a block's source: between its opening delimiter and the first
/// comma.
fn key_of(src: &str) -> Option<&str> {
    let (_, rest) = src.split_once(['{', '('])?;
    let key = rest.split(',').next()?.trim();
    (!key.is_empty() && !key.contains(['=', '{', '}', '"'])).then_some(key)
}

/// The entry with what it inherits from its `crossref` and `xdata` parents
/// (a paper's `booktitle`, `editor`, `publisher` and `year` from its
/// proceedings), resolved by the `biblatex` crate the way biber does, from
/// the parents' sources parsed together with the entry's. When a parent is
/// missing, the entry is kept as written, with the reason.
fn inherit(
    strings: &str,
    src: &str,
    entry: biblatex::Entry,
    by_key: &HashMap<&str, &str>,
) -> Result<biblatex::Entry, (biblatex::Entry, String)> {
    let mut wanted: Vec<String> = match entry.parents() {
        Ok(p) if !p.is_empty() => p,
        _ => return Ok(entry),
    };
    let mut sources: Vec<&str> = Vec::new();
    let mut seen: Vec<String> = vec![entry.key.clone()];
    let mut missing: Vec<String> = Vec::new();
    while let Some(key) = wanted.pop() {
        if seen.contains(&key) || seen.len() > MAX_PARENTS {
            continue;
        }
        let Some(&parent) = by_key.get(key.as_str()) else {
            missing.push(key);
            continue;
        };
        sources.push(parent);
        if let Ok(p) = parse_block(strings, parent) {
            wanted.extend(p.parents().unwrap_or_default());
        }
        seen.push(key);
    }
    if !missing.is_empty() {
        let message = format!(
            "@{}{{{}}} cross-references {}, which is not in the file; its fields are not inherited",
            entry.entry_type,
            entry.key,
            missing.join(", ")
        );
        return Err((entry, message));
    }
    // Parents after the entry: BibTeX wants them so, and the crate does
    // not mind.
    let joined = format!("{src}\n{}", sources.join("\n"));
    let resolved = std::panic::catch_unwind(|| {
        biblatex::Bibliography::parse(&format!("{strings}{joined}"))
            .ok()
            .and_then(|bib| bib.get(&entry.key).cloned())
    });
    match resolved {
        Ok(Some(e)) => Ok(e),
        _ => {
            let message = format!(
                "@{}{{{}}}: its cross-referenced fields could not be inherited",
                entry.entry_type, entry.key
            );
            Err((entry, message))
        }
    }
}

/// The entry of `src` with its fields as written (abbreviations and
/// cross-references left unresolved).
fn unresolved(src: &str) -> Option<biblatex::Entry> {
    let raw = biblatex::RawBibliography::parse(src).ok()?;
    let e = raw.entries.into_iter().next()?.v;
    let mut entry = biblatex::Entry::new(
        e.key.v.to_owned(),
        biblatex::EntryType::new(&e.kind.v.to_ascii_lowercase()),
    );
    for pair in e.fields {
        let value: String = pair
            .value
            .v
            .iter()
            .map(|c| match c.v {
                biblatex::RawChunk::Normal(s) | biblatex::RawChunk::Abbreviation(s) => s,
            })
            .collect();
        let value = value.replace(['{', '}'], "");
        entry.set(
            &pair.key.v.to_ascii_lowercase(),
            vec![biblatex::Spanned::detached(biblatex::Chunk::Normal(value))],
        );
    }
    Some(entry)
}

fn describe(err: &biblatex::ParseError) -> String {
    use biblatex::ParseErrorKind as K;
    match &err.kind {
        K::UnexpectedEof => "the entry ends too early".into(),
        K::UnknownAbbreviation(a) => format!("undefined @string {a:?}"),
        K::MalformedCommand => "a malformed TeX command".into(),
        other => format!("not BibTeX ({other})"),
    }
}

fn to_raw(entry: biblatex::Entry, kind: String, block: &Block, src: &str, text: &str) -> RawEntry {
    let end_line = block.line + memchr::memchr_iter(b'\n', src.trim_end().as_bytes()).count();
    debug_assert!(block.start <= text.len());
    let fields = entry
        .fields
        .iter()
        .map(|(k, v)| (k.clone(), v.format_verbatim()))
        .collect();
    let reference = reference(&entry, &kind);
    RawEntry {
        key: entry.key.clone(),
        kind,
        fields,
        line: block.line,
        end_line,
        source: src.to_owned(),
        reference,
    }
}

/// The work type of a BibTeX/BibLaTeX entry type.
pub fn work_type(kind: &str, has_journal: bool, has_eprint: bool) -> WorkType {
    match kind {
        "article" if has_journal => WorkType::ArticleJournal,
        "article" if has_eprint => WorkType::Preprint,
        "article" => WorkType::ArticleJournal,
        "book" | "mvbook" | "proceedings" | "mvproceedings" | "collection" | "mvcollection"
        | "booklet" | "reference" => WorkType::Book,
        "inbook" | "incollection" | "bookinbook" | "suppbook" | "inreference" => WorkType::Chapter,
        "inproceedings" | "conference" => WorkType::PaperConference,
        "techreport" | "report" | "manual" => WorkType::Report,
        "phdthesis" | "mastersthesis" | "thesis" => WorkType::Thesis,
        "online" | "electronic" | "www" | "webpage" => WorkType::Webpage,
        "software" | "code" => WorkType::Software,
        "dataset" | "data" => WorkType::Dataset,
        "periodical" => WorkType::ArticleJournal,
        "video" | "movie" => WorkType::Video,
        "misc" | "unpublished" if has_eprint => WorkType::Preprint,
        _ => WorkType::Other,
    }
}

fn field(entry: &biblatex::Entry, name: &str) -> Option<String> {
    entry
        .get(name)
        .map(|c| c.format_verbatim())
        .and_then(|s| nonempty(&s))
}

fn people(list: Vec<biblatex::Person>, et_al: &mut bool) -> Vec<Person> {
    list.into_iter()
        .filter_map(|p| {
            if p.name.eq_ignore_ascii_case("others") && p.given_name.is_empty() {
                *et_al = true;
                return None;
            }
            let family = p.name.trim().to_owned();
            if family.is_empty() {
                return nonempty(&p.given_name).map(Person::literal);
            }
            let mut person = Person::new(family, nonempty(&p.given_name).as_deref());
            person.particle = nonempty(&p.prefix);
            person.suffix = nonempty(&p.suffix);
            // A brace-protected "{World Health Organization}" has no given
            // name and spaces in its family: an organisation.
            person.literal = person.given.is_none() && person.family.contains(' ');
            Some(person)
        })
        .collect()
}

fn date_of(d: PermissiveType<biblatex::Date>) -> Option<Date> {
    match d {
        PermissiveType::Typed(date) => {
            let at = match date.value {
                biblatex::DateValue::At(t)
                | biblatex::DateValue::After(t)
                | biblatex::DateValue::Before(t)
                | biblatex::DateValue::Between(t, _) => t,
            };
            // biblatex counts months and days from zero.
            Some(Date {
                year: at.year,
                month: at.month.map(|m| m + 1),
                day: at.day.map(|d| d + 1),
            })
        }
        PermissiveType::Chunks(c) => library::parse_date(&c.format_verbatim()),
    }
}

/// Maps a parsed entry onto a [`Reference`], field by field.
fn reference(entry: &biblatex::Entry, kind: &str) -> Reference {
    let f = |name: &str| field(entry, name);
    let journal = f("journaltitle").or_else(|| f("journal"));
    let eprint = f("eprint");
    let eprint_type = f("eprinttype")
        .or_else(|| f("archiveprefix"))
        .unwrap_or_default()
        .to_lowercase();
    let arxiv = eprint
        .clone()
        .filter(|_| eprint_type == "arxiv")
        .or_else(|| {
            f("url").and_then(|u| u.split_once("arxiv.org/abs/").map(|(_, id)| id.to_owned()))
        });
    let mut r = Reference {
        kind: work_type(kind, journal.is_some(), eprint.is_some()),
        ..Reference::default()
    };
    let mut et_al = false;
    r.authors = entry
        .author()
        .map(|a| people(a, &mut et_al))
        .unwrap_or_default();
    r.editors = entry
        .editors()
        .map(|eds| {
            eds.into_iter()
                .flat_map(|(p, _)| people(p, &mut false))
                .collect()
        })
        .unwrap_or_default();
    r.et_al = et_al;
    r.title = match (f("title"), f("subtitle")) {
        (Some(t), Some(s)) => Some(format!("{t}: {s}")),
        (t, _) => t,
    };
    r.container_title = journal
        .or_else(|| f("booktitle"))
        .or_else(|| f("maintitle"))
        .or_else(|| f("series").filter(|_| r.kind == WorkType::PaperConference))
        .or_else(|| f("howpublished").filter(|h| !h.contains("://")));
    r.publisher = f("publisher")
        .or_else(|| f("school"))
        .or_else(|| f("institution"))
        .or_else(|| f("organization"));
    r.publisher_place = f("location").or_else(|| f("address"));
    r.issued = entry.date().ok().and_then(date_of).or_else(|| {
        f("year").and_then(|y| {
            let mut d = library::parse_date(&y)?;
            d.month = f("month").and_then(|m| {
                m.parse::<u8>()
                    .ok()
                    .filter(|m| (1..=12).contains(m))
                    .or_else(|| library::month_number(&m))
            });
            Some(d)
        })
    });
    r.volume = f("volume");
    r.issue = f("number").or_else(|| f("issue"));
    r.pages = f("pages").and_then(|p| clean_pages(&p));
    r.edition = f("edition");
    r.version = f("version");
    r.genre = f("type");
    r.doi = f("doi").and_then(|d| clean_doi(&d));
    r.url = f("url").or_else(|| {
        f("howpublished")
            .filter(|h| h.contains("://"))
            .map(|h| h.trim_start_matches("\\url").to_owned())
    });
    r.arxiv = arxiv;
    r.accessed = entry.url_date().ok().and_then(date_of);
    r.note = f("note");
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    const ZOTERO: &str = r#"
@article{benjamin_race_2019,
	title = {Race after {Technology}: {Abolitionist} {Tools}},
	volume = {12},
	issn = {1234-5678},
	url = {https://example.org/race},
	doi = {10.1000/race.2019},
	number = {3},
	urldate = {2023-05-04},
	journal = {Big Data \& Society},
	author = {Benjamin, Ruha and van Dijck, José and {World Health Organization}},
	month = mar,
	year = {2019},
	pages = {1--20},
	file = {Full Text PDF:C\:\\Users\\me\\Zotero\\storage\\ABCD\\race.pdf:application/pdf},
}

@book{noble_algorithms_2018,
	address = {New York},
	title = {Algorithms of {Oppression}},
	publisher = {NYU Press},
	author = {Noble, Safiya Umoja},
	year = {2018},
}
"#;

    #[test]
    fn zotero_export_maps_field_by_field() {
        let p = parse(ZOTERO);
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert_eq!(p.entries.len(), 2);
        let a = &p.entries[0];
        assert_eq!((a.line, a.end_line), (2, 16));
        let r = &a.reference;
        assert_eq!(r.kind, WorkType::ArticleJournal);
        assert_eq!(
            r.title.as_deref(),
            Some("Race after Technology: Abolitionist Tools")
        );
        assert_eq!(r.container_title.as_deref(), Some("Big Data & Society"));
        assert_eq!(r.authors.len(), 3);
        assert_eq!(r.authors[1].particle.as_deref(), Some("van"));
        assert_eq!(r.authors[1].family, "Dijck");
        assert!(r.authors[2].literal);
        assert_eq!(
            r.issued,
            Some(Date {
                year: 2019,
                month: Some(3),
                day: None
            })
        );
        assert_eq!(r.pages.as_deref(), Some("1-20"));
        assert_eq!(r.doi.as_deref(), Some("10.1000/race.2019"));
        assert_eq!(r.accessed.map(|d| d.year), Some(2023));
        let b = &p.entries[1].reference;
        assert_eq!(b.kind, WorkType::Book);
        assert_eq!(b.publisher_place.as_deref(), Some("New York"));
        assert_eq!(p.entries[1].line, 18);
    }

    #[test]
    fn a_broken_entry_costs_only_itself() {
        let text = "@article{a, title = {Open\n\n@book{b, title = {Fine}, year = 2001}\n@misc{c, title = {Also fine}}\n";
        let p = parse(text);
        let keys: Vec<_> = p.entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["b", "c"]);
        assert_eq!(p.problems.len(), 1);
        assert_eq!(p.problems[0].line, 1);
    }

    #[test]
    fn duplicates_are_kept_and_strings_resolved() {
        let text = "@string{nyu = {NYU Press}}\n@book{x, title={A}, publisher=nyu, year=2001}\n@book{x, title={B}, year=2002}\n";
        let p = parse(text);
        assert_eq!(p.entries.len(), 2);
        assert_eq!(
            p.entries[0].reference.publisher.as_deref(),
            Some("NYU Press")
        );
        assert_eq!(p.entries[1].line, 3);
    }

    #[test]
    fn undefined_string_keeps_the_entry() {
        let p = parse("@book{x, title={A}, publisher=nowhere, year=2001}\n");
        assert_eq!(p.entries.len(), 1, "{:?}", p.problems);
        assert_eq!(p.entries[0].reference.title.as_deref(), Some("A"));
    }

    #[test]
    fn sniffing() {
        assert!(looks_like("% exported\n\n@article{x,\n"));
        assert!(looks_like("\u{feff}@Book ( x,"));
        assert!(!looks_like("Email me @home{ tomorrow"));
        assert!(!looks_like("Works cited\n@article{x,}"));
        // Mendeley Desktop's export opens with a header of free text.
        let mendeley = "Automatically generated by Mendeley Desktop 1.19.8\n\
            Any changes to this entry will be lost if it is regenerated.\n\
            To make changes, use Mendeley Desktop.\n\n\
            @article{Vargo2004,\nauthor = {Vargo, Stephen L.},\nyear = {2004}\n}\n";
        assert!(looks_like(mendeley));
        // A paper that shows one entry after its prose is still a paper.
        let paper = "Introduction\n".repeat(12) + "@article{x,\nauthor = {A}\n}";
        assert!(!looks_like(&paper));
    }
}
