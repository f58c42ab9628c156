//! `citemap check` on LaTeX drafts and reference libraries, as checkcites
//! and biber do: in the draft, keys no library defines; in each `.bib`,
//! entries never cited, keys defined twice, entries lacking what their
//! type needs and DOIs that cannot resolve. Each problem is reported in
//! the file it stands in (`draft.tex:12:7`, `refs.bib:40:1`).
//!
//! Of the check's kinds, unresolved-citation, uncited-entry,
//! duplicate-entry, missing-field, invalid-doi and no-references apply to a
//! draft; name, title and year mismatches cannot (a key is not a name) and
//! footnotes are LaTeX's own business.

use super::{fields::missing_fields, links::valid_doi, Config, DocReport, Kind, Problem};
use crate::cite::text::LineIndex;
use crate::input::latex::{self, Draft};
use crate::input::{bibtex, Source};
use crate::model::{Entry, Reference};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;

/// Collects problems for one file, with line and column from its text.
struct Sink<'a> {
    config: &'a Config,
    text: &'a str,
    ix: LineIndex,
    problems: Vec<Problem>,
}

impl<'a> Sink<'a> {
    fn new(config: &'a Config, text: &'a str) -> Self {
        Sink {
            config,
            text,
            ix: LineIndex::new(text),
            problems: Vec::new(),
        }
    }

    fn push(
        &mut self,
        kind: Kind,
        range: Option<Range<usize>>,
        text: &str,
        message: String,
        suggestion: Option<String>,
    ) {
        let Some(severity) = self.config.severity(kind) else {
            return;
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
            text: text.to_owned(),
            message,
            suggestion,
            range,
        });
    }

    /// The first line of 1-based `line`, as a byte range.
    fn line_range(&self, line: usize) -> Option<Range<usize>> {
        let start = self.ix.line_start(line)?;
        let end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |i| start + i);
        (end > start).then_some(start..end)
    }

    fn report(
        mut self,
        path: &str,
        entries: usize,
        citations: usize,
        resolved: usize,
    ) -> DocReport {
        self.problems.sort_by_key(|p| (p.line, p.column, p.kind));
        DocReport {
            path: path.to_owned(),
            entries,
            citations,
            resolved,
            items: citations,
            items_resolved: resolved,
            problems: self.problems,
            citation_list: Vec::new(),
            text: self.text.to_owned(),
        }
    }
}

/// One library entry as the checks see it.
struct Item<'e> {
    key: Option<&'e str>,
    line: usize,
    reference: Option<&'e Reference>,
    doi_field: Option<&'e str>,
}

/// Duplicate keys, duplicate DOIs, missing fields and invalid DOIs of one
/// library's entries. `first` holds the keys and DOIs seen so far (across
/// a draft's libraries), with the file and line that defined them.
fn library_problems(
    sink: &mut Sink,
    file: &str,
    items: &[Item],
    first: &mut HashMap<String, (String, usize)>,
) {
    for item in items {
        let range = sink.line_range(item.line);
        let label = item.key.map_or_else(
            || {
                item.reference
                    .map(Reference::short_label)
                    .unwrap_or_default()
            },
            str::to_owned,
        );
        let mut seen_before = |id: String| -> Option<String> {
            match first.get(&id) {
                Some((f, l)) if f == file => Some(format!("line {l}")),
                Some((f, l)) => Some(format!("{f}:{l}")),
                None => {
                    first.insert(id, (file.to_owned(), item.line));
                    None
                }
            }
        };
        if let Some(key) = item.key {
            if let Some(at) = seen_before(format!("key:{key}")) {
                sink.push(
                    Kind::DuplicateEntry,
                    range.clone(),
                    key,
                    format!("key {key} is defined again (first at {at})"),
                    Some("remove or rename one of the two entries".into()),
                );
            }
        }
        if let Some(doi) = item.reference.and_then(|r| r.doi.as_deref()) {
            if let Some(at) = seen_before(format!("doi:{}", doi.to_lowercase())) {
                sink.push(
                    Kind::DuplicateEntry,
                    range.clone(),
                    &label,
                    format!("{label} has the DOI of the entry at {at}"),
                    Some("merge the two entries".into()),
                );
            }
        }
        if let Some(r) = item.reference {
            let missing = missing_fields(r);
            if !missing.is_empty() {
                sink.push(
                    Kind::MissingField,
                    range.clone(),
                    &label,
                    format!("{label} ({}) lacks {}", r.kind, missing.join(", ")),
                    None,
                );
            }
        }
        if let Some(doi) = item.doi_field {
            let clean = crate::input::library::clean_doi(doi);
            if !clean.as_deref().is_some_and(valid_doi) {
                sink.push(
                    Kind::InvalidDoi,
                    range.clone(),
                    doi,
                    format!("{doi} is not a DOI (10.NNNN/suffix)"),
                    None,
                );
            }
        }
    }
}

/// Checks a reference library (BibTeX, CSL-JSON, RIS): duplicates, missing
/// fields and invalid DOIs. Nothing cites a library's entries, so none is
/// reported uncited.
pub fn check_library(source: &Source, config: &Config) -> DocReport {
    let entries: &[Entry] = source.entries.as_deref().unwrap_or_default();
    // BibTeX keeps the DOI field as written; the others only the cleaned one.
    let bib: HashMap<usize, String> = if source.format == crate::input::Format::BibTex {
        bibtex::entries(&source.text)
            .into_iter()
            .filter_map(|e| Some((e.line, e.fields.get("doi")?.clone())))
            .collect()
    } else {
        HashMap::new()
    };
    let items: Vec<Item> = entries
        .iter()
        .map(|e| Item {
            key: e.label.as_deref(),
            line: e.span.line,
            reference: e.reference(),
            doi_field: bib.get(&e.span.line).map(String::as_str),
        })
        .collect();
    let mut sink = Sink::new(config, &source.text);
    library_problems(&mut sink, &source.path, &items, &mut HashMap::new());
    sink.report(&source.path, entries.len(), 0, 0)
}

/// Checks a LaTeX draft against its libraries: one report for the draft,
/// then one for each library it names. A draft that names no library
/// (a `thebibliography` list, or none) is checked as text.
pub fn check_latex(source: &Source, config: &Config) -> Vec<DocReport> {
    let draft: Draft = latex::scan(Path::new(&source.path), &source.text);
    if draft.resources.is_empty() {
        return vec![super::check_source_text(source, config)];
    }
    let libraries = latex::libraries(&draft);
    let mut tex = Sink::new(config, &source.text);
    let mut defined: HashSet<String> = HashSet::new();
    let mut keys: Vec<String> = Vec::new();
    for lib in &libraries {
        match &lib.content {
            Ok((_, parsed)) => {
                for e in &parsed.entries {
                    if defined.insert(e.key.clone()) {
                        keys.push(e.key.clone());
                    }
                }
            }
            Err(why) => tex.push(
                Kind::NoReferences,
                Some(lib.resource.range.clone()),
                &lib.resource.name,
                format!("library {} cannot be read: {why}", lib.resource.name),
                None,
            ),
        }
    }
    let cites: Vec<_> = draft
        .citations
        .iter()
        .filter(|c| !c.command.eq_ignore_ascii_case("nocite"))
        .collect();
    let any_read = libraries.iter().any(|l| l.content.is_ok());
    let mut resolved = 0;
    if any_read {
        for c in &draft.citations {
            if defined.contains(&c.key) {
                resolved += usize::from(!c.command.eq_ignore_ascii_case("nocite"));
                continue;
            }
            let near = keys
                .iter()
                .map(|k| (strsim::normalized_damerau_levenshtein(k, &c.key), k))
                .filter(|(s, _)| *s >= 0.7)
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, k)| format!("did you mean {k}?"));
            tex.push(
                Kind::UnresolvedCitation,
                Some(c.range.clone()),
                &c.key,
                format!("\\{} key {} is defined in no library", c.command, c.key),
                near,
            );
        }
    }
    let mut cited: HashSet<&str> = draft.citations.iter().map(|c| c.key.as_str()).collect();
    // A proceedings or collection that a cited entry inherits from
    // (`crossref`, `xdata`) is used too, as BibTeX and biber use it.
    for _ in 0..4 {
        let parents: Vec<&str> = libraries
            .iter()
            .filter_map(|l| l.content.as_ref().ok())
            .flat_map(|(_, parsed)| &parsed.entries)
            .filter(|e| cited.contains(e.key.as_str()))
            .flat_map(|e| ["crossref", "xdata"].map(|f| e.fields.get(f)))
            .flatten()
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .filter(|k| !cited.contains(k))
            .collect();
        if parents.is_empty() {
            break;
        }
        cited.extend(parents);
    }
    let cited_entries = keys
        .iter()
        .filter(|k| draft.nocite_all || cited.contains(k.as_str()))
        .count();
    let mut reports = vec![tex.report(&source.path, cited_entries, cites.len(), resolved)];
    let mut first: HashMap<String, (String, usize)> = HashMap::new();
    for lib in &libraries {
        let Ok((text, parsed)) = &lib.content else {
            continue;
        };
        let file = lib.resource.path.display().to_string();
        let mut sink = Sink::new(config, text);
        let items: Vec<Item> = parsed
            .entries
            .iter()
            .map(|e| Item {
                key: Some(e.key.as_str()),
                line: e.line,
                reference: Some(&e.reference),
                doi_field: e.fields.get("doi").map(String::as_str),
            })
            .collect();
        library_problems(&mut sink, &file, &items, &mut first);
        let mut reported = HashSet::new();
        for e in &parsed.entries {
            if draft.nocite_all || cited.contains(e.key.as_str()) || !reported.insert(&e.key) {
                continue;
            }
            let range = sink.line_range(e.line);
            sink.push(
                Kind::UncitedEntry,
                range,
                &e.key,
                format!("{} is never cited in {}", e.key, source.path),
                None,
            );
        }
        reports.push(sink.report(&file, parsed.entries.len(), 0, 0));
    }
    reports
}
