//! BibTeX as Scopus and Web of Science export it: one entry per record,
//! with the record's cited references in a `references` field (Scopus,
//! separated by "; ") or a `Cited-References` field (WoS, one per line).
//!
//! The entries are read with the `biblatex` crate's raw parser (the crate
//! the generic BibTeX reader uses too), one entry at a time, so a damaged
//! entry costs only itself. Which database wrote the file is told by its
//! content: WoS entries carry `Unique-ID = {WOS:…}` or `Cited-References`,
//! Scopus ones `source={Scopus}` or `references=`.

use super::{bare_doi, batch::Batcher, nonempty, person, Form, Record};
use crate::error::Result;
use crate::input::{Format, Source};
use biblatex::{RawBibliography, RawChunk};

/// Whether text is a BibTeX export of Scopus or WoS (a library exported
/// from a reference manager is left to the generic BibTeX reader).
pub fn is_export(text: &str) -> bool {
    let has_entry = text.contains("\n@") || text.starts_with('@');
    let lower_has = |needle: &str| {
        text.match_indices(needle).next().is_some()
            || text
                .to_ascii_lowercase()
                .match_indices(&needle.to_ascii_lowercase())
                .next()
                .is_some()
    };
    has_entry
        && (text.contains("references={")
            || lower_has("cited-references = {")
            || text.contains("source={Scopus}")
            || text.contains("Unique-ID = {WOS:"))
}

/// The entries' start offsets: an `@` at the start of a line.
fn entry_starts(text: &str) -> Vec<usize> {
    let mut starts: Vec<usize> = text.match_indices("\n@").map(|(i, _)| i + 1).collect();
    if text.starts_with('@') {
        starts.insert(0, 0);
    }
    starts
}

/// A field's value as text, braces removed, white space collapsed.
fn value(chunks: &[biblatex::Spanned<RawChunk<'_>>]) -> String {
    let mut s = String::new();
    for c in chunks {
        match c.v {
            RawChunk::Normal(t) | RawChunk::Abbreviation(t) => s.push_str(t),
        }
    }
    let s: String = s.chars().filter(|c| !matches!(c, '{' | '}')).collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads a Scopus or WoS BibTeX export, one [`Source`] per entry.
///
/// # Errors
///
/// None at present: an entry the parser rejects becomes a record with a
/// note saying so, and its neighbours are read as usual.
pub fn read(path: &str, text: &str) -> Result<Vec<Source>> {
    let starts = entry_starts(text);
    let mut out = Batcher::new(path, Format::ExportBibtex);
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(text.len());
        let chunk = &text[start..end];
        let line = text[..start].matches('\n').count() + 1;
        let parsed = RawBibliography::parse(chunk);
        let mut notes = Vec::new();
        let (mut rec, form) = match parsed {
            Ok(bib) => match bib.entries.into_iter().next() {
                Some(e) => read_entry(chunk, line, &e.v),
                None => continue,
            },
            Err(err) => {
                notes.push(format!(
                    "entry at line {line} could not be read as BibTeX: {:?}",
                    err.kind
                ));
                (Record::default(), Form::Scopus)
            }
        };
        rec.notes.extend(notes);
        out.push(rec, form);
    }
    Ok(out.finish())
}

/// One entry as a record, and the form its cited references take.
fn read_entry(chunk: &str, line: usize, e: &biblatex::RawEntry<'_>) -> (Record, Form) {
    let mut rec = Record::default();
    let mut form = Form::Scopus;
    let line_of = |offset: usize| line + chunk[..offset.min(chunk.len())].matches('\n').count();
    for pair in &e.fields {
        let key = pair.key.v.to_ascii_lowercase();
        let m = &mut rec.meta;
        match key.as_str() {
            "title" => m.title = nonempty(&value(&pair.value.v)),
            "author" => m.authors = authors(&value(&pair.value.v)),
            "year" => m.year = super::year(&value(&pair.value.v)),
            "journal" | "booktitle" if m.venue.is_none() => {
                m.venue = nonempty(&value(&pair.value.v));
            }
            "abbrev_source_title" | "journal-iso" => {
                m.venue_abbreviations
                    .extend(nonempty(&value(&pair.value.v)));
            }
            "doi" => m.doi = bare_doi(&value(&pair.value.v)),
            "volume" => m.volume = nonempty(&value(&pair.value.v)),
            "pages" => m.pages = nonempty(&value(&pair.value.v).replace("--", "-")),
            "url" => m.url = nonempty(&value(&pair.value.v)),
            "abstract" => rec.text = value(&pair.value.v),
            "number-of-cited-references" => {
                rec.stated = value(&pair.value.v).trim().parse().ok();
            }
            "unique-id" => m.source = nonempty(&value(&pair.value.v)),
            "references" => {
                let at = line_of(pair.value.span.start);
                let v = value(&pair.value.v);
                rec.cited = crate::parse::terse::split_scopus_list(&v)
                    .into_iter()
                    .map(|r| (r, at))
                    .collect();
            }
            "cited-references" => {
                form = Form::Wos;
                // One per line in the file; lines are not kept by `value`.
                let mut at = line_of(pair.value.span.start);
                for chunk in &pair.value.v {
                    let RawChunk::Normal(t) = chunk.v else {
                        continue;
                    };
                    for l in t.split('\n') {
                        let r = l.trim().trim_matches(['{', '}']).trim();
                        // WoS BibTeX closes each reference with a full stop.
                        let r = if r.contains(", ") {
                            r.strip_suffix('.').unwrap_or(r)
                        } else {
                            r
                        };
                        if !r.is_empty() {
                            rec.cited.push((r.to_owned(), at));
                        }
                        at += 1;
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(t) = &rec.meta.title {
        rec.text = format!("{t}\n{}", rec.text);
    }
    (rec, form)
}

/// The author list of an export entry: BibTeX's " and ", or Scopus's
/// "Family, I.a , Family, I.b" and "Family, I., Family, I.".
fn authors(v: &str) -> Vec<crate::model::Person> {
    let names: Vec<String> = if v.contains(" and ") {
        v.split(" and ").map(str::to_owned).collect()
    } else if v.contains(" , ") {
        v.split(" , ").map(str::to_owned).collect()
    } else {
        v.split(", ")
            .collect::<Vec<_>>()
            .chunks(2)
            .map(|c| c.join(", "))
            .collect()
    };
    names
        .iter()
        .filter_map(|a| person(scopus_affiliation_marks(a)))
        .collect()
}

/// Scopus BibTeX marks authors with affiliation letters (`Aria, M.a`):
/// drops a trailing lower-case letter run after the initials' full stop.
fn scopus_affiliation_marks(a: &str) -> &str {
    let a = a.trim();
    match a.rfind('.') {
        Some(k) if k + 1 < a.len() && a[k + 1..].chars().all(|c| c.is_ascii_lowercase()) => {
            &a[..=k]
        }
        _ => a,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopus_entry() {
        let t = "Scopus\nEXPORT DATE: 13 January 2017\n\n@ARTICLE{A2017,\nauthor={D'Ambrosio, A.a , Aria, M.a },\ntitle={Regression trees},\njournal={Expert Systems with Applications},\nyear={2017},\nreferences={Billard, L., Diday, E., From the statistics of data (2003) Journal of the American Statistical Association, 98 (462), pp. 470-487; Breiman, L., Bagging predictors (1996) Machine Learning, 24 (2), pp. 123-140},\nsource={Scopus},\n}\n";
        assert!(is_export(t));
        let s = read("s.bib", t).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].meta.authors[1].given.as_deref(), Some("M."));
        let pairs = authors("Siciliano, R., D’Ambrosio, A., Aria, M.");
        assert_eq!(pairs.len(), 3);
        assert_eq!(pairs[2].family, "Aria");
        let e = s[0].entries.as_ref().unwrap();
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].span.line, 9);
        assert_eq!(e[1].reference().unwrap().volume.as_deref(), Some("24"));
    }

    #[test]
    fn wos_entry() {
        let t = "@article{ WOS:1,\nAuthor = {Adams, William C.},\nTitle = {A title},\nJournal = {POLICY STUDIES JOURNAL},\nYear = {2016},\nCited-References = {Adams WC, 2014, POLICY STUD J, V42, pS118.\n   QUADE ES, 1970, POLICY SCI, V1, P1},\nNumber-of-Cited-References = {2},\nUnique-ID = {WOS:000001},\n}\n";
        assert!(is_export(t));
        let s = read("w.bib", t).unwrap();
        let e = s[0].entries.as_ref().unwrap();
        assert_eq!(e.len(), 2);
        assert_eq!(e[1].span.line, 7);
        assert!(s[0].notes.is_empty());
    }
}
