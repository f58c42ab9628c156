//! Records to [`Source`]s, a batch at a time: the cited references of a
//! batch are parsed in parallel, and each distinct cited reference once.
//!
//! A database export cites a popular work in the same words over and over
//! (a Web of Science export of 100,000 records holds about 5 million cited
//! references and 1.6 million distinct ones), so every entry written alike
//! shares one text and one parsed [`Reference`] instead of holding its own
//! copies; so do references written differently that parse alike (`P12`
//! and `p12`, a DOI written twice).

use super::{Form, Record, MAX_REFERENCE};
use crate::input::{Format, Source};
use crate::model::{Entry, Outcome, Reference, Span, Style};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Records converted together: enough to keep both cores busy, few enough
/// that the records waiting for conversion cost little.
const BATCH: usize = 2048;

/// The parse of a cited reference as written: `None` when no field could be
/// read from it.
type Parsed = Option<Arc<Reference>>;

/// Distinct cited references as written, and their parses.
type Parses = HashMap<Arc<str>, Parsed, foldhash::fast::RandomState>;

/// The parses met so far, one table per form (the same words in another
/// form are another reference).
#[derive(Default)]
struct Cache {
    wos: Parses,
    scopus: Parses,
    id: Parses,
    /// Every distinct parse, whatever its text.
    references: HashSet<Arc<Reference>, foldhash::fast::RandomState>,
}

impl Cache {
    fn of(&self, form: Form) -> &Parses {
        match form {
            Form::Wos => &self.wos,
            Form::Scopus => &self.scopus,
            Form::Id => &self.id,
        }
    }

    fn of_mut(&mut self, form: Form) -> &mut Parses {
        match form {
            Form::Wos => &mut self.wos,
            Form::Scopus => &mut self.scopus,
            Form::Id => &mut self.id,
        }
    }
}

/// Collects the records of one export file and turns them into sources
/// named `path:n` (n the record's 1-based position).
pub(crate) struct Batcher<'p> {
    path: &'p str,
    format: Format,
    pending: Vec<(Record, Form)>,
    out: Vec<Source>,
    /// Every distinct cited reference met so far (as cut to
    /// [`MAX_REFERENCE`]) and its parse.
    parsed: Cache,
}

impl<'p> Batcher<'p> {
    /// An empty batcher for the export at `path`, read as `format`.
    pub(crate) fn new(path: &'p str, format: Format) -> Self {
        Batcher {
            path,
            format,
            pending: Vec::new(),
            out: Vec::new(),
            parsed: Cache::default(),
        }
    }

    /// Adds the next record, whose cited references are written in `form`.
    pub(crate) fn push(&mut self, record: Record, form: Form) {
        self.pending.push((record, form));
        if self.pending.len() >= BATCH {
            self.flush();
        }
    }

    /// The sources of every record pushed, in order.
    pub(crate) fn finish(mut self) -> Vec<Source> {
        self.flush();
        self.out
    }

    /// Converts the pending records.
    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let mut pending = std::mem::take(&mut self.pending);
        // Cut overlong references first: the cut text is what is parsed,
        // kept and looked up.
        for (record, _) in &mut pending {
            for (raw, _) in &mut record.cited {
                cut(raw);
            }
        }
        let mut seen: HashSet<(Form, &str), foldhash::fast::RandomState> = HashSet::default();
        let new: Vec<(Form, &str)> = pending
            .iter()
            .flat_map(|(record, form)| {
                record
                    .cited
                    .iter()
                    .map(move |(raw, _)| (*form, raw.as_str()))
            })
            .filter(|&(form, raw)| {
                !self.parsed.of(form).contains_key(raw) && seen.insert((form, raw))
            })
            .collect();
        let parses: Vec<Option<Reference>> = new
            .par_iter()
            .map(|&(form, raw)| parse(raw, form))
            .collect();
        for ((form, raw), p) in new.into_iter().zip(parses) {
            let p = p.map(|r| match self.parsed.references.get(&r) {
                Some(shared) => Arc::clone(shared),
                None => {
                    let r = Arc::new(r);
                    self.parsed.references.insert(Arc::clone(&r));
                    r
                }
            });
            self.parsed.of_mut(form).insert(raw.into(), p);
        }
        let first = self.out.len();
        let (path, format, parsed) = (self.path, self.format, &self.parsed);
        let sources: Vec<Source> = pending
            .into_par_iter()
            .enumerate()
            .map(|(i, (record, form))| source(path, first + i + 1, record, format, parsed.of(form)))
            .collect();
        self.out.extend(sources);
    }
}

/// Cuts a reference longer than [`MAX_REFERENCE`] (a broken export that
/// ran references together) so that one record cannot cost much.
fn cut(raw: &mut String) {
    if raw.len() > MAX_REFERENCE {
        let mut k = MAX_REFERENCE;
        while !raw.is_char_boundary(k) {
            k -= 1;
        }
        raw.truncate(k);
    }
}

/// One cited reference parsed by its database's grammar (`None` when no
/// field could be read).
fn parse(raw: &str, form: Form) -> Option<Reference> {
    let reference = match form {
        Form::Wos => crate::parse::terse::wos(raw),
        Form::Scopus => crate::parse::terse::scopus(raw),
        Form::Id => Reference {
            url: Some(raw.to_owned()),
            ..Reference::default()
        },
    };
    let mut reference = reference;
    // Kept for the whole run, so no spare room: a vector grown by one push
    // holds four people (400 bytes) for the one author of a terse reference.
    reference.authors.shrink_to_fit();
    reference.editors.shrink_to_fit();
    (reference != Reference::default()).then_some(reference)
}

/// A record as a [`Source`] named `path:n`, its entries holding the shared
/// parses of their references.
fn source(path: &str, n: usize, record: Record, format: Format, parsed: &Parses) -> Source {
    let name = format!("{path}:{n}");
    let span_path: Arc<str> = name.as_str().into();
    let mut notes = Vec::new();
    let entries: Vec<Entry> = record
        .cited
        .into_iter()
        .map(|(raw, line)| {
            let (raw, outcome) = match parsed.get_key_value(raw.as_str()) {
                Some((shared, Some(reference))) => (
                    Arc::clone(shared),
                    Outcome::Parsed {
                        reference: Arc::clone(reference),
                        confidence: 1.0,
                    },
                ),
                found => (
                    found.map_or_else(|| raw.into(), |(shared, _)| Arc::clone(shared)),
                    Outcome::Unparsed {
                        reason: "no field could be read from this cited reference".into(),
                    },
                ),
            };
            Entry {
                span: Span {
                    path: Arc::clone(&span_path),
                    line,
                    end_line: line,
                    column: 1,
                },
                label: None,
                marker: None,
                raw,
                style: Style::Unknown,
                outcome,
            }
        })
        .collect();
    if let Some(stated) = record.stated {
        if stated != entries.len() {
            notes.push(format!(
                "the record states {stated} cited references and lists {}",
                entries.len()
            ));
        }
    }
    notes.extend(record.notes);
    Source {
        path: name,
        text: record.text,
        meta: record.meta,
        notes,
        layout: None,
        entries: Some(entries),
        format,
    }
}
