//! `citemap check`: a linter for references. Every citation must point at an
//! entry, every entry must be cited, and every entry must carry what its
//! type needs.
//!
//! ```
//! use citemap::check::{check_text, Config, Kind};
//! let text = "A claim (Smith 45).\n\nWorks cited\n\n- Benjamin, Ruha. *Race after Technology*. Polity Press, 2019.\n";
//! let report = check_text("paper.md", text, &Config::default());
//! // Without the extraction stage no list is found; with it, Smith is
//! // unresolved and Benjamin uncited. Either way the check reports.
//! assert!(!report.problems.is_empty());
//! ```

mod config;
mod fields;
mod footnotes;
mod kind;
mod latex;
mod links;
mod listing;
mod mla;
mod render;

pub use config::{Config, ConfigError};
pub use fields::{missing_fields, missing_in_entry};
pub use kind::{Deny, Kind, Severity, UnknownKind};
pub use links::valid_doi;
pub use listing::{Cited, CitedEntry, CitedItem};
pub use render::{write_human, write_json};

use crate::cite::known;
use crate::cite::text::{fold, title_words, LineIndex};
use crate::cite::{body_range, resolve, scan, CiteItem, Form, Quality, Resolution, ScanOptions};
use crate::input::Source;
use crate::model::{Document, Entry, Style};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

/// One problem found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    /// What is wrong.
    pub kind: Kind,
    /// How serious it is.
    pub severity: Severity,
    /// 1-based line (0 when the problem concerns the whole document).
    pub line: usize,
    /// 1-based column in characters (0 for the whole document).
    pub column: usize,
    /// The text at fault, as written.
    pub text: String,
    /// A sentence for the user.
    pub message: String,
    /// What to write instead, where that is known.
    pub suggestion: Option<String>,
    /// Byte range of the text at fault in the document.
    #[serde(skip)]
    pub range: Option<Range<usize>>,
}

/// The check of one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocReport {
    /// The document's path as given.
    pub path: String,
    /// How many works-cited entries it has.
    pub entries: usize,
    /// How many in-text citations were found (footnote markers excluded).
    pub citations: usize,
    /// How many of those resolved to an entry.
    pub resolved: usize,
    /// Cited items (a citation of two works counts two), the same way in
    /// every style.
    pub items: usize,
    /// How many of those resolved to an entry.
    pub items_resolved: usize,
    /// What is wrong, in document order.
    pub problems: Vec<Problem>,
    /// Every citation with the entry each item resolved to, or why not.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub citation_list: Vec<listing::Cited>,
    /// The document text, for rendering problems in context.
    #[serde(skip)]
    pub text: String,
}

/// Totals over all documents checked.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Documents checked.
    pub documents: usize,
    /// Entries in all of them.
    pub entries: usize,
    /// Citations found.
    pub citations: usize,
    /// Citations resolved.
    pub resolved: usize,
    /// Cited items (see [`DocReport::items`]).
    pub items: usize,
    /// Cited items resolved.
    pub items_resolved: usize,
    /// Problems of severity error.
    pub errors: usize,
    /// Problems of severity warning.
    pub warnings: usize,
    /// Problems by kind.
    pub by_kind: BTreeMap<Kind, usize>,
}

/// The check of several documents.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// One report per document, in the order given.
    pub documents: Vec<DocReport>,
    /// Totals.
    pub summary: Summary,
}

impl Report {
    /// Builds a report with its summary.
    pub fn new(documents: Vec<DocReport>) -> Self {
        let mut s = Summary {
            documents: documents.len(),
            ..Summary::default()
        };
        for d in &documents {
            s.entries += d.entries;
            s.citations += d.citations;
            s.resolved += d.resolved;
            s.items += d.items;
            s.items_resolved += d.items_resolved;
            for p in &d.problems {
                match p.severity {
                    Severity::Error => s.errors += 1,
                    Severity::Warning => s.warnings += 1,
                    Severity::Note => {}
                }
                *s.by_kind.entry(p.kind).or_default() += 1;
            }
        }
        Report {
            documents,
            summary: s,
        }
    }

    /// True when some problem is at or above what `deny` fails on.
    pub fn fails(&self, deny: Deny) -> bool {
        self.documents
            .iter()
            .flat_map(|d| &d.problems)
            .any(|p| deny.denies(p.severity))
    }
}

/// Checks a loaded document: extracts its list, then checks it. A
/// reference library is checked as a list (duplicates, missing fields,
/// DOIs); a LaTeX draft against its `.bib` — this returns the draft's
/// report, [`check_reports`] also the libraries'.
pub fn check_source(source: &Source, config: &Config) -> DocReport {
    check_reports(source, config).swap_remove(0)
}

/// Every report for one loaded document: one, or for a LaTeX draft one for
/// the draft and one for each `.bib` it names, so that each problem is
/// reported in the file it stands in.
pub fn check_reports(source: &Source, config: &Config) -> Vec<DocReport> {
    use crate::input::Format;
    match source.format {
        Format::Latex => latex::check_latex(source, config),
        f if f.is_library() => vec![latex::check_library(source, config)],
        _ => vec![check_source_text(source, config)],
    }
}

/// Checks many documents into one report. A file reported twice (a `.bib`
/// read on its own and through the draft that names it) is reported once,
/// its problems merged.
pub fn check_all(sources: &[Source], config: &Config) -> Report {
    use rayon::prelude::*;
    let all: Vec<DocReport> = sources
        .par_iter()
        .flat_map_iter(|s| check_reports(s, config))
        .collect();
    let mut merged: Vec<DocReport> = Vec::with_capacity(all.len());
    let mut at: HashMap<String, usize> = HashMap::new();
    for report in all {
        match at.get(&report.path) {
            Some(&i) => {
                let into = &mut merged[i];
                for p in report.problems {
                    let same = |q: &Problem| {
                        (q.kind, q.line, q.column, &q.message)
                            == (p.kind, p.line, p.column, &p.message)
                    };
                    if !into.problems.iter().any(same) {
                        into.problems.push(p);
                    }
                }
                into.problems.sort_by_key(|p| (p.line, p.column, p.kind));
                into.citations += report.citations;
                into.resolved += report.resolved;
            }
            None => {
                at.insert(report.path.clone(), merged.len());
                merged.push(report);
            }
        }
    }
    Report::new(merged)
}

/// The text check of [`check_source`]: extraction, then citations against
/// the list found.
fn check_source_text(source: &Source, config: &Config) -> DocReport {
    let doc = crate::extract::extract(source);
    check_document(&source.text, &doc, config)
}

/// Checks a text as if loaded from `path`.
pub fn check_text(path: &str, text: &str, config: &Config) -> DocReport {
    let doc = crate::extract::extract_text(path, text);
    check_document(text, &doc, config)
}

/// The in-text citations of `doc` (whose text is `text`), resolved to its
/// entries. `style` overrides the list's own style in deciding which
/// citation forms to look for.
///
/// Multiline tables are read cell by cell (see
/// [`crate::cite::table`]); offsets, lines and columns outside them are
/// the text's own.
pub fn citations(text: &str, doc: &Document, style: Option<Style>) -> Vec<Resolution> {
    read_citations(text, doc, style).1
}

/// The document without the entries its notes were taken for (see
/// `split_notes`) and its citations, read with multiline tables cell by
/// cell (the same offsets as `text`).
fn read_citations(text: &str, doc: &Document, style: Option<Style>) -> (Document, Vec<Resolution>) {
    let text = crate::cite::table::cells_in_reading_order(text);
    let (doc, notes) = split_notes(&text, doc);
    let resolved = citations_in(&text, &doc, &notes, style);
    (doc, resolved)
}

/// The notes of a document ("[n] text" after its list, as pandoc and many
/// PDF extractions place them), and the document without the entries its
/// notes were taken for.
fn split_notes(text: &str, doc: &Document) -> (Document, BTreeMap<u32, Range<usize>>) {
    let mut doc = doc.clone();
    let ix = LineIndex::new(text);
    let Some(from) = doc.section.as_ref().and_then(|s| ix.line_start(s.line)) else {
        return (doc, BTreeMap::new());
    };
    let mut runs = crate::cite::notes::find_notes(text, from);
    let body = body_range(text, &doc);
    let notes = match runs.len() {
        0 => BTreeMap::new(),
        1 => {
            // One run: notes when the body's markers are glued to the
            // text ("scheduler.[4]"), a numbered list when spaced ("[4]").
            let run = runs.pop().unwrap_or_default();
            let (mut glued, mut spaced) = (0, 0);
            for n in run.keys() {
                let m = format!("[{n}]");
                if let Some(at) = text[body.clone()].find(&m) {
                    if crate::cite::notes::is_marker(text, body.start + at) {
                        glued += 1;
                    } else {
                        spaced += 1;
                    }
                }
            }
            if glued > spaced {
                run
            } else {
                BTreeMap::new()
            }
        }
        _ => runs.pop().unwrap_or_default(),
    };
    if !notes.is_empty() {
        let lines: Vec<(usize, usize)> = notes
            .values()
            .map(|r| {
                (
                    ix.line(r.start),
                    ix.line(r.end.saturating_sub(1).max(r.start)),
                )
            })
            .collect();
        doc.entries.retain(|e| {
            !lines
                .iter()
                .any(|&(a, b)| a <= e.span.line && e.span.line <= b)
        });
    }
    (doc, notes)
}

fn citations_in(
    text: &str,
    doc: &Document,
    notes: &BTreeMap<u32, Range<usize>>,
    style: Option<Style>,
) -> Vec<Resolution> {
    let style = style.unwrap_or(doc.style);
    let raws: Vec<&str> = doc.entries.iter().map(|e| &*e.raw).collect();
    let mut opts = ScanOptions::for_style(style);
    // "Cook (1972, 1–10)" is a citation in a list dated after its names,
    // whatever the vote said (its author may be missing from the list).
    if style == Style::Mla && mla::dated_first(&raws) {
        opts.narrative_years = true;
    }
    let body = body_range(text, doc);
    let mut found = scan(&doc.path, text, body.clone(), &opts);
    if style == Style::Mla && mla::dated_last(&raws) {
        // MLA cites by name and page: "(Chetty et al. 1752)" and
        // "(“Global Freshwater Resources” 1526)" are pages when no entry is
        // of that year. Only where the list dates its entries last, as MLA
        // does: in a list dated after the names (a humanities list the
        // style vote took for MLA, "Montias, John Michael. 1982. …") a
        // year no entry has is a missing entry's.
        let years: std::collections::HashSet<String> = doc
            .entries
            .iter()
            .filter_map(|e| e.reference().and_then(|r| r.year()))
            .map(|y| y.to_string())
            .collect();
        for item in found.iter_mut().flat_map(|c| c.items.iter_mut()) {
            if item.locator.is_none() && (!item.names.is_empty() || item.title.is_some()) {
                if let Some(y) = item
                    .year
                    .take_if(|y| y.bytes().all(|b| b.is_ascii_digit()) && !years.contains(y))
                {
                    item.locator = Some(y);
                }
            }
        }
    }
    let firsts = known::first_authors_each(&doc.entries);
    let mut from_notes: Vec<Resolution> = Vec::new();
    if !notes.is_empty() {
        // Markers are not numeric citations. In a table of a paper whose
        // list has no numbers, "[15]" alone in a cell is a marker too.
        let cells = doc.entries.iter().all(|e| e.label.is_none());
        found.retain(|c| {
            !(c.form == Form::Numeric
                && (crate::cite::notes::is_marker(text, c.range.start)
                    || (cells && crate::cite::notes::is_cell_marker(text, c.range.start)))
                && c.items
                    .iter()
                    .all(|i| i.number.is_some_and(|n| notes.contains_key(&n))))
        });
        let keys = crate::cite::notes::NoteKeys::new(&doc.entries, &firsts);
        let by_note =
            crate::cite::notes::note_citations(text, body.clone(), notes, &keys, &firsts, cells);
        let resolving = by_note
            .iter()
            .filter(|(_, t)| t.iter().any(Option::is_some))
            .count();
        let authored = found
            .iter()
            .filter(|c| c.form != Form::Footnote && !c.weak)
            .count();
        if resolving > authored {
            // Notes-bibliography: the notes cite.
            found.retain(|c| c.form == Form::Footnote);
            let ix = LineIndex::new(text);
            for (mut c, targets) in by_note {
                crate::cite::scan::set_spans(&doc.path, text, &ix, std::slice::from_mut(&mut c));
                let targets = targets
                    .into_iter()
                    .map(|t| t.map(crate::cite::Match::plain))
                    .collect();
                from_notes.push(Resolution {
                    citation: c,
                    targets,
                });
            }
        } else {
            // Author's footnotes: their text is read like the body.
            for r in notes.values() {
                found.extend(scan(&doc.path, text, r.clone(), &opts));
            }
        }
    }
    let mut lone_pass: Option<(Vec<known::Known>, Vec<Range<usize>>)> = None;
    if opts.author && !doc.entries.is_empty() && from_notes.is_empty() {
        // The list first: its authors named in the text are citations too
        // when they resolve (see `cite::known`).
        let raws: Vec<&str> = doc.entries.iter().map(|e| &*e.raw).collect();
        let mut names = known::known_names(&firsts, &raws);
        known::count_sole_works(&mut names, &firsts, &doc.entries);
        let mut groups = known::groups(text, body.clone(), &names, &found);
        if !groups.is_empty() {
            let ix = LineIndex::new(text);
            crate::cite::scan::set_spans(&doc.path, text, &ix, &mut groups);
        }
        found.retain(|c| {
            !(c.weak
                && groups
                    .iter()
                    .any(|g| g.range.start <= c.range.start && c.range.end <= g.range.end))
        });
        found.extend(groups);
        found.sort_by_key(|c| c.range.start);
        // MLA names authors bare ("Hoyer and Hamman describe"); a paper
        // whose citations carry years does not.
        let items = || {
            found
                .iter()
                .flat_map(|c| &c.items)
                .filter(|i| i.number.is_none())
        };
        let with_year = items().filter(|i| i.year.is_some()).count();
        let bare = with_year * 3 <= items().count() - with_year || mla::dated_last(&raws);
        let mut ranges = vec![body.clone()];
        ranges.extend(notes.values().cloned());
        if bare {
            // A page alone after its author named earlier in the sentence.
            let mut pages = known::context_pages(text, body.clone(), &names, &found);
            if !pages.is_empty() {
                let ix = LineIndex::new(text);
                crate::cite::scan::set_spans(&doc.path, text, &ix, &mut pages);
                found.retain(|c| !(c.weak && pages.iter().any(|p| p.range == c.range)));
                found.extend(pages);
                found.sort_by_key(|c| c.range.start);
            }
        }
        let mut more = Vec::new();
        for r in &ranges {
            let mut m = known::mentions(text, r.clone(), &names, &found, bare);
            if bare {
                // A bare name the sentence goes on to cite is prose (see
                // `mla::is_prose_mention`).
                m.retain(|c| {
                    !(c.items.iter().all(CiteItem::names_only)
                        && mla::is_prose_mention(text, c, &found, r.end))
                });
            }
            // A mention reaching further back replaces a narrative
            // citation that caught only its last name ("Nic Eoin (2019)").
            found.retain(|c| {
                !(c.form == Form::Narrative
                    && m.iter().any(|k| {
                        (k.range.start < c.range.start || c.weak && k.range.start == c.range.start)
                            && c.range.end <= k.range.end
                    }))
            });
            // In MLA a year in parentheses dates a title, not a citation.
            // Elsewhere a year the mentions just read ("Robert and
            // Weaver-Hightower (2011)") is theirs, not one more citation.
            if !bare {
                let mut seen = found.clone();
                seen.extend(m.iter().cloned());
                let years = known::context_years(text, r.clone(), &names, &seen);
                // A weak narrative reading of the same parenthesis yields.
                found.retain(|c| {
                    !(c.weak
                        && years
                            .iter()
                            .any(|y| c.range.start <= y.range.start && y.range.start < c.range.end))
                });
                more.extend(years);
            }
            more.extend(m);
        }
        if !more.is_empty() {
            let ix = LineIndex::new(text);
            crate::cite::scan::set_spans(&doc.path, text, &ix, &mut more);
            found.extend(more);
        }
        if bare {
            lone_pass = Some((names, ranges));
        }
    }
    found.sort_by_key(|c| c.range.start);
    let seen = if lone_pass.is_some() {
        found.clone()
    } else {
        Vec::new()
    };
    let mut out = resolve(found, &doc.entries);
    possessive_years(text, &mut out, &doc.entries);
    if let Some((names, ranges)) = lone_pass {
        let mut more = mla::lone_names(text, &ranges, names, &firsts, &seen, &out);
        if !more.is_empty() {
            // Weak narrative mentions resolve on their own: no "ibid."
            // among them depends on what precedes.
            let ix = LineIndex::new(text);
            crate::cite::scan::set_spans(&doc.path, text, &ix, &mut more);
            out.extend(resolve(more, &doc.entries));
            out.sort_by_key(|r| r.citation.range.start);
        }
    }
    if !seen.is_empty() {
        // "(Birhane)" whose entry the list left out (see `cite::missing`).
        let mut missing =
            crate::cite::missing::unresolved_name_citations(text, &seen, &out, &doc.entries);
        // A table's cell names what the row is about ("Sámi language nests
        // (Finland)"), not the author of a missing entry.
        missing.retain(|r| !mla::in_table_row(text, r.citation.range.start));
        if !missing.is_empty() {
            out.extend(missing);
            out.sort_by_key(|r| r.citation.range.start);
        }
    }
    if !from_notes.is_empty() {
        out.extend(from_notes);
        out.sort_by_key(|r| r.citation.range.start);
    }
    out
}

/// Checks an extracted document against its text.
pub fn check_document(text: &str, doc: &Document, config: &Config) -> DocReport {
    // Problems quote the text as written; tables are read cell by cell.
    let (doc, resolved) = read_citations(text, doc, config.style);
    let doc = &doc;
    let mut c = Checker {
        text,
        ix: LineIndex::new(text),
        config,
        problems: Vec::new(),
    };
    c.citations(&resolved, doc);
    c.entries(doc, &resolved);
    c.links(doc);
    let cites: Vec<&Resolution> = resolved
        .iter()
        .filter(|r| r.citation.form != Form::Footnote)
        .collect();
    if doc.entries.is_empty() {
        let (severity, message) = if cites.is_empty() {
            (Severity::Warning, "no works-cited list found".to_owned())
        } else {
            (
                Severity::Error,
                format!(
                    "{} citation{} but no works-cited list",
                    cites.len(),
                    if cites.len() == 1 { "" } else { "s" }
                ),
            )
        };
        c.push_with(
            Kind::NoReferences,
            severity,
            None,
            String::new(),
            message,
            None,
        );
    }
    let mut problems = c.problems;
    problems.sort_by_key(|p| (p.line, p.column, p.kind));
    let citation_list = listing::listing(&resolved, &doc.entries);
    let items = citation_list.iter().map(|c| c.items.len()).sum();
    let items_resolved = citation_list
        .iter()
        .flat_map(|c| &c.items)
        .filter(|i| i.entry.is_some())
        .count();
    DocReport {
        path: doc.path.clone(),
        entries: doc.entries.len(),
        citations: cites.len(),
        resolved: cites.iter().filter(|r| r.is_resolved()).count(),
        items,
        items_resolved,
        problems,
        citation_list,
        text: text.to_owned(),
    }
}

struct Checker<'a> {
    text: &'a str,
    ix: LineIndex,
    config: &'a Config,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn push(
        &mut self,
        kind: Kind,
        range: Option<Range<usize>>,
        text: String,
        message: String,
        suggestion: Option<String>,
    ) {
        if let Some(severity) = self.config.severity(kind) {
            self.push_with(kind, severity, range, text, message, suggestion);
        }
    }

    fn push_with(
        &mut self,
        kind: Kind,
        default: Severity,
        range: Option<Range<usize>>,
        text: String,
        message: String,
        suggestion: Option<String>,
    ) {
        let Some(configured) = self.config.severity(kind) else {
            return;
        };
        // A configured severity wins; otherwise the caller's judgement.
        let severity = if self.config.severity.contains_key(&kind) {
            configured
        } else {
            default
        };
        let (line, column) = match &range {
            Some(r) => (self.ix.line(r.start), self.ix.column(self.text, r.start)),
            None => (0, 0),
        };
        self.problems.push(Problem {
            kind,
            severity,
            line,
            column,
            text,
            message,
            suggestion,
            range,
        });
    }

    fn citations(&mut self, resolved: &[Resolution], doc: &Document) {
        let mut notes: Option<footnotes::Notes> = None;
        let mut nearest: Option<crate::cite::Nearest> = None;
        let mut hints: HashMap<String, Option<usize>> = HashMap::new();
        for r in resolved {
            let c = &r.citation;
            if c.form == Form::Footnote {
                let notes = notes.get_or_insert_with(|| footnotes::Notes::new(self.text));
                for item in &c.items {
                    if !notes.has(item) {
                        self.push(
                            Kind::DanglingFootnote,
                            Some(c.range.clone()),
                            c.text.clone(),
                            format!("footnote marker {} has no note", c.text),
                            None,
                        );
                    }
                }
                continue;
            }
            if c.form == Form::Numeric {
                let missing: Vec<String> = c
                    .items
                    .iter()
                    .zip(&r.targets)
                    .filter(|(_, t)| t.is_none())
                    .filter_map(|(i, _)| i.number.map(|n| n.to_string()))
                    .collect();
                if !missing.is_empty() && !doc.entries.is_empty() {
                    self.push(
                        Kind::UnresolvedCitation,
                        Some(c.range.clone()),
                        c.text.clone(),
                        format!(
                            "no entry numbered {} in the works-cited list",
                            missing.join(", ")
                        ),
                        None,
                    );
                }
                continue;
            }
            if doc.entries.is_empty() {
                // no-references says it once for the whole document.
                continue;
            }
            for (item, target) in c.items.iter().zip(&r.targets) {
                let item_text = self
                    .text
                    .get(item.range.clone())
                    .unwrap_or(&c.text)
                    .to_owned();
                let range = Some(item.range.clone())
                    .filter(|r| !r.is_empty())
                    .or(Some(c.range.clone()));
                let Some(m) = target else {
                    let what = unresolved_reason(item);
                    let nearest =
                        nearest.get_or_insert_with(|| crate::cite::Nearest::new(&doc.entries));
                    let first = item.names.first().cloned().unwrap_or_default();
                    let found = *hints.entry(first).or_insert_with(|| nearest.find(item));
                    let hint =
                        found.map(|i| format!("did you mean {}?", entry_label(&doc.entries[i])));
                    // A weak citation kept unresolved is only probably one
                    // ("(Birhane)", see `cite::missing`): a warning.
                    let severity = if c.weak {
                        Severity::Warning
                    } else {
                        Severity::Error
                    };
                    self.push_with(
                        Kind::UnresolvedCitation,
                        severity,
                        range,
                        item_text,
                        what,
                        hint,
                    );
                    continue;
                };
                let entry = &doc.entries[m.entry];
                if m.names == Quality::Fuzzy
                    && !item.names.iter().all(|n| self.config.allows_name(n))
                {
                    self.push(
                        Kind::NameMismatch,
                        range.clone(),
                        item.names.join(", "),
                        format!(
                            "{} is spelt differently in the works-cited list",
                            item.names.join(", ")
                        ),
                        m.entry_names.clone(),
                    );
                }
                if let Some(q @ (Quality::Fuzzy | Quality::Mismatch)) = m.title {
                    let cited = item.title.clone().unwrap_or_default();
                    let message = if q == Quality::Fuzzy {
                        format!("short title “{cited}” differs from the entry's title")
                    } else {
                        format!("“{cited}” matches no title of {}", entry_label(entry))
                    };
                    self.push(
                        Kind::TitleMismatch,
                        range.clone(),
                        cited,
                        message,
                        m.entry_title.as_deref().map(short_title),
                    );
                }
                if let Some((cited, year)) = &m.year_mismatch {
                    self.push(
                        Kind::YearMismatch,
                        range.clone(),
                        cited.clone(),
                        format!("cited as {cited} but the entry has {year}"),
                        Some(year.to_string()),
                    );
                }
            }
        }
    }

    fn entry_range(&self, entry: &Entry) -> Option<Range<usize>> {
        let line_start = self.ix.line_start(entry.span.line)?;
        let line_end = self
            .ix
            .line_start(entry.span.line + 1)
            .map_or(self.text.len(), |next| next.saturating_sub(1))
            .max(line_start);
        let start = self.text[line_start..line_end]
            .char_indices()
            .nth(entry.span.column.saturating_sub(1))
            .map_or(line_end, |(i, _)| line_start + i);
        let mut end = (start + entry.raw.len().max(1)).min(line_end);
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        (end > start).then_some(start..end)
    }

    fn entries(&mut self, doc: &Document, resolved: &[Resolution]) {
        let mut cited = vec![false; doc.entries.len()];
        for m in resolved.iter().flat_map(|r| r.targets.iter().flatten()) {
            cited[m.entry] = true;
            if let Some(also) = m.also {
                cited[also] = true;
            }
        }
        // A repeated entry is reported as a duplicate, not as uncited too.
        let mut seen: HashMap<String, usize> = HashMap::new();
        let twins: Vec<Option<usize>> = doc
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let sig = signature(e)?;
                let first = *seen.entry(sig).or_insert(i);
                (first != i).then_some(first)
            })
            .collect();
        for (i, twin) in twins.iter().enumerate() {
            if let Some(t) = twin {
                let either = cited[i] || cited[*t];
                cited[i] = either;
                cited[*t] = either;
            }
        }
        for (i, entry) in doc.entries.iter().enumerate() {
            let range = self.entry_range(entry);
            let label = entry_label(entry);
            if !cited[i] {
                self.push(
                    Kind::UncitedEntry,
                    range.clone(),
                    label.clone(),
                    format!("{label} is never cited"),
                    None,
                );
            }
            if let Some(r) = entry.reference() {
                let missing = fields::missing_in_entry(entry);
                if !missing.is_empty() {
                    self.push(
                        Kind::MissingField,
                        range.clone(),
                        label.clone(),
                        format!("{} ({}) lacks {}", label, r.kind, missing.join(", ")),
                        None,
                    );
                }
            }
            if let Some(first) = twins[i] {
                let other = &doc.entries[first];
                self.push(
                    Kind::DuplicateEntry,
                    range,
                    label.clone(),
                    format!("{label} repeats the entry on line {}", other.span.line),
                    Some("remove one of the two entries".into()),
                );
            }
        }
    }

    fn links(&mut self, doc: &Document) {
        let Some(section) = &doc.section else { return };
        let Some(start) = self.ix.line_start(section.line) else {
            return;
        };
        let end = self
            .ix
            .line_start(section.end_line + 1)
            .unwrap_or(self.text.len());
        for d in links::broken_urls(self.text, start..end) {
            let found = self.text[d.range.clone()].to_owned();
            self.push(
                Kind::BrokenUrl,
                Some(d.range),
                found.clone(),
                format!("URL broken by PDF extraction: {found}"),
                Some(d.repaired),
            );
        }
        for d in links::bad_dois(self.text, start..end) {
            let found = self.text[d.range.clone()].to_owned();
            let (message, suggestion) = if d.unrepairable {
                (format!("{found} is not a DOI (10.NNNN/suffix)"), None)
            } else {
                (format!("DOI broken by a space: {found}"), Some(d.repaired))
            };
            self.push(Kind::InvalidDoi, Some(d.range), found, message, suggestion);
        }
    }
}

/// The main title without its subtitle: "The Culture of Connectivity".
fn short_title(title: &str) -> String {
    title
        .split([':', '.', '?'])
        .next()
        .unwrap_or(title)
        .trim()
        .to_owned()
}

/// A short human description of a cited item: "Smith 45", "*Technotopia*".
/// Why an author or "ibid." item resolved to no entry, as the problem and
/// the JSON listing both say it.
fn unresolved_reason(item: &crate::cite::CiteItem) -> String {
    if item.ibid {
        "ibid. follows no resolved citation".to_owned()
    } else {
        format!("no entry matches {}", describe(item))
    }
}

fn describe(item: &crate::cite::CiteItem) -> String {
    let mut parts = Vec::new();
    if !item.names.is_empty() {
        let mut n = item.names.join(", ");
        if item.et_al {
            n.push_str(" et al.");
        }
        parts.push(n);
    } else if let Some(n) = &item.context_name {
        parts.push(n.clone());
    }
    if let Some(t) = &item.title {
        parts.push(format!("“{t}”"));
    }
    if let Some(y) = &item.year {
        parts.push(y.clone());
    }
    if parts.is_empty() {
        "this citation".into()
    } else {
        parts.join(", ")
    }
}

/// "Benjamin 2019" from the parsed fields, else the start of the raw text.
fn entry_label(entry: &Entry) -> String {
    if let Some(r) = entry.reference() {
        if !r.authors.is_empty() || r.title.is_some() {
            return r.short_label();
        }
    }
    let raw = entry.raw.trim();
    let mut cut = raw.len().min(60);
    while !raw.is_char_boundary(cut) {
        cut -= 1;
    }
    if cut < raw.len() {
        format!("{}…", &raw[..cut])
    } else {
        raw.to_owned()
    }
}

/// What makes two entries the same work: the DOI, else first author, title
/// and year; else the folded raw text.
fn signature(entry: &Entry) -> Option<String> {
    if let Some(r) = entry.reference() {
        if let Some(doi) = &r.doi {
            return Some(format!("doi:{}", doi.to_lowercase()));
        }
        let title = r.title.as_deref().map(title_words)?.join(" ");
        let who = r
            .authors
            .first()
            .map(|p| fold(&p.family))
            .unwrap_or_default();
        let year = r.year().map(|y| y.to_string()).unwrap_or_default();
        return Some(format!("{who}|{title}|{year}"));
    }
    let raw = entry.raw.trim();
    let raw = raw
        .strip_prefix('[')
        .and_then(|r| r.split_once(']'))
        .map_or(raw, |(_, r)| r);
    let f = fold(raw);
    (f.len() > 10).then_some(f)
}

/// "O’Rourke’s comparison of Irish and Galician (2011a)": a narrative
/// citation whose names fit no entry, after an author's possessive earlier
/// in its sentence, cites that author's work of the year, when one fits
/// exactly; it is then no unresolved citation of "Irish and Galician".
fn possessive_years(text: &str, out: &mut [Resolution], entries: &[Entry]) {
    for r in out.iter_mut() {
        let c = &r.citation;
        if c.form != Form::Narrative
            || c.items.len() != 1
            || c.items[0].year.is_none()
            || r.targets.iter().any(Option::is_some)
        {
            continue;
        }
        let start = c.range.start.min(text.len());
        let mut from = start.saturating_sub(200);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let window = &text[from..start];
        let window = &window[window.rfind(". ").map_or(0, |k| k + 2)..];
        let Some(owner) = possessive_name(window) else {
            continue;
        };
        let mut item = c.items[0].clone();
        item.names.clear();
        item.et_al = false;
        item.initials = None;
        item.context_name = Some(owner.to_owned());
        let mut retry = c.clone();
        retry.items = vec![item];
        let Some(found) = resolve(vec![retry], entries).into_iter().next() else {
            continue;
        };
        let exact = found.targets.iter().all(|t| {
            t.as_ref()
                .is_some_and(|m| m.year_mismatch.is_none() && m.names == Quality::Exact)
        });
        if exact {
            r.targets = found.targets;
        }
    }
}

/// The last capitalised word in `window` written as a possessive
/// ("O’Rourke’s", "Fishman's"), without its "’s".
fn possessive_name(window: &str) -> Option<&str> {
    window
        .split_whitespace()
        .rev()
        .filter_map(|w| w.strip_suffix("’s").or_else(|| w.strip_suffix("'s")))
        .find(|w| w.starts_with(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_after_a_possessive_cites_the_owners_work() {
        // Made-up works and prose in the shape of a real paper.
        let text = "Intro\n\nLanguage shift is studied widely (Brandt, 2009). Kowalczyk’s \
                    comparison of Breton and Frisian (2011a) found positive attitudes. \
                    Brandt (2009) agrees.\n\nReferences\n\n\
                    Brandt, L. (2009). Shift and maintenance. Polity.\n\n\
                    Kowalczyk, M. (2011a). Breton and Frisian compared. Multilingual Matters.\n\n\
                    Kowalczyk, M. (2011b). Speakers and schools. Multilingual Matters.\n";
        let report = check_text("t.txt", text, &Config::default());
        let kinds: Vec<_> = report.problems.iter().map(|p| p.kind.name()).collect();
        assert!(!kinds.contains(&"unresolved-citation"), "{kinds:?}");
        assert!(possessive_name("of Smith’s study of").is_some_and(|n| n == "Smith"));
        assert!(possessive_name("the group's work").is_none());
    }

    #[test]
    fn a_citation_wrapped_in_a_table_cell_is_checked_whole() {
        // A pandoc multiline table (made-up works): "Sherratt et al." above
        // "(2023)" in the last column, "Forecast Hub" in the first. `check`
        // had read the lines as printed and reported "Hub, 2023".
        let text = "Intro (Sherratt et al., 2023).\n\n\
  ------------------------------------------------\n\
  Effort          Period          Reference\n\
  --------------- --------------- ----------------\n\
  European        2021–2023       Sherratt et al.\n\
  Forecast Hub                    (2023)\n\
  ------------------------------------------------\n\n\
References\n\n\
Sherratt, K., Gruson, H., & Grah, R. (2023). Predictive performance of forecasts. eLife, 12, 81916.\n";
        let report = check_text("t.txt", text, &Config::default());
        let kinds: Vec<_> = report.problems.iter().map(|p| p.kind.name()).collect();
        assert!(
            !kinds.contains(&"unresolved-citation"),
            "{:?}",
            report.problems
        );
        assert_eq!(report.citations, 2, "{:?}", report.problems);
    }

    #[test]
    fn a_place_before_a_year_and_folio_cites_the_work_just_above() {
        // Made-up works: a place before "(1818, fol. 36v)" goes on citing
        // the 1818 report cited a sentence above; a name the list has is
        // still that author's work, and organisations named with "et" or
        // led by a digit are read whole.
        let text = "He toured the lights (R. Stevenson, 1818, fols. 14r–37v). No English light was as well kept as the best in Scotland (1818, fol. 36v). Lenses were sold in France (Musée des Phares et Balises, n.d.; 3GPP, 2023).\n\n\
References\n\n\
3GPP. (2023). Study on ambient power-enabled Internet of Things (Technical Report TR 38.848).\n\n\
Musée des Phares et Balises. (n.d.). Collections en ligne. https://example.org/phares\n\n\
Stevenson, A. (1850). A rudimentary treatise on the history of lighthouses. John Weale.\n\n\
Stevenson, R. (1818). Report to the Commissioners of the Northern Lighthouses. Manuscript.\n";
        let report = check_text("t.txt", text, &Config::default());
        let alarms: Vec<&str> = report
            .problems
            .iter()
            .filter(|p| matches!(p.kind.name(), "uncited-entry" | "unresolved-citation"))
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(alarms, ["Stevenson 1850"], "{:?}", report.problems);
        assert_eq!(report.citations, 3, "{:?}", report.problems);
    }
}
