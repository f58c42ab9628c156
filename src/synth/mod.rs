//! A reproducible generator of synthetic scholarly documents with known
//! truth, for benchmarks and accuracy measurements at scale.
//!
//! Each document looks like the text of a real paper: a title, an abstract,
//! sections of prose with in-text citations in the document's style, and a
//! reference list under a heading, written in MLA 9, APA 7, Chicago
//! notes-bibliography or IEEE. Documents cite a shared pool of works with a
//! Zipf-like popularity (work `0` is cited most), mostly from their own
//! research field, so the co-citation graph has planted communities. Damage
//! as PDF text extraction leaves it is applied at configurable rates: words
//! hyphenated across line breaks, URLs split by a space or cut at a line
//! end, page breaks (page number, form feed, running head) inside the list,
//! and misspelt author names in entries and citations.
//!
//! Everything is a pure function of [`Config`] (its seed included): the same
//! configuration gives byte-identical documents on every run and platform,
//! and each document depends only on its index, so documents can be made in
//! any order or in parallel.
//!
//! ```
//! use citemap::synth::{generate, Config};
//!
//! let corpus = generate(&Config { docs: 3, refs_per_doc: 10, ..Config::default() });
//! assert_eq!(corpus.documents.len(), 3);
//! let first = &corpus.truth.documents[0];
//! assert_eq!(first.entries.len(), 10);
//! // Every entry's work is in the pool, and its first line holds the heading's list.
//! assert!(first.entries.iter().all(|e| e.work < corpus.truth.works.len()));
//! assert!(corpus.documents[0].text.lines().nth(first.heading_line - 1) == Some(first.heading.as_str()));
//! ```

pub mod export;
pub mod graph;
mod layout;
mod pool;
mod rng;
pub mod score;
mod style;
mod truth;
mod words;

pub use pool::Work;
pub use rng::Rng;
pub use truth::{CitationKind, Damage, Truth, TruthCitation, TruthDoc, TruthEntry, TruthNote};

use crate::model::{Person, Style, WorkType};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use style::{cite_names, EntryOptions};

/// How often each kind of damage is applied, each a probability in `[0, 1]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DamageRates {
    /// Per entry with a URL: a space is inserted inside the URL.
    pub url_split: f64,
    /// Per word that does not fit at a line end in PDF-like text: the word
    /// is hyphenated across the break.
    pub hyphenation: f64,
    /// Per document: a page break falls inside the reference list.
    pub page_break: f64,
    /// Per entry and per citation: the first author's family name is
    /// misspelt (a letter swapped or dropped).
    pub misspelling: f64,
}

impl Default for DamageRates {
    fn default() -> Self {
        DamageRates {
            url_split: 0.3,
            hyphenation: 0.3,
            page_break: 0.5,
            misspelling: 0.05,
        }
    }
}

impl DamageRates {
    /// No damage at all: clean text, for measuring the parser alone.
    pub fn none() -> Self {
        DamageRates {
            url_split: 0.0,
            hyphenation: 0.0,
            page_break: 0.0,
            misspelling: 0.0,
        }
    }
}

/// What to generate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Config {
    /// Number of documents.
    pub docs: usize,
    /// Entries in each document's reference list (fewer only when the pool
    /// is smaller).
    pub refs_per_doc: usize,
    /// Works in the shared pool; `0` picks `max(5 × refs, docs × refs / 10, 50)`
    /// (see [`Config::pool_len`]).
    pub pool_size: usize,
    /// The seed; everything is determined by it and the other fields.
    pub seed: u64,
    /// Styles to draw each document's style from, uniformly.
    pub styles: Vec<Style>,
    /// Damage rates.
    pub damage: DamageRates,
    /// Zipf exponent `s` of work popularity: weight `1 / (rank + 1)^s`.
    pub zipf_exponent: f64,
    /// Number of research fields (planted communities).
    pub fields: usize,
    /// Probability that a citation is drawn from the document's own field.
    pub locality: f64,
    /// Share of documents written as Markdown ("- " bullets, `*italics*`)
    /// rather than PDF-like wrapped text.
    pub markdown_share: f64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            docs: 100,
            refs_per_doc: 40,
            pool_size: 0,
            seed: 7,
            styles: vec![Style::Mla, Style::Apa, Style::Chicago, Style::Ieee],
            damage: DamageRates::default(),
            zipf_exponent: 1.0,
            fields: 8,
            locality: 0.8,
            markdown_share: 0.2,
        }
    }
}

impl Config {
    /// The number of works in the pool.
    pub fn pool_len(&self) -> usize {
        if self.pool_size > 0 {
            self.pool_size
        } else {
            (self.refs_per_doc * 5)
                .max(self.docs * self.refs_per_doc / 10)
                .max(50)
        }
    }
}

/// One generated document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SynthDoc {
    /// Its file name ("000042.txt").
    pub name: String,
    /// Its text.
    pub text: String,
}

/// A generated corpus: documents and the truth about them.
#[derive(Debug, Clone, PartialEq)]
pub struct Corpus {
    /// The documents, in index order.
    pub documents: Vec<SynthDoc>,
    /// The truth, documents in the same order.
    pub truth: Truth,
}

/// Generates a whole corpus in memory (documents in parallel).
///
/// For very large corpora prefer [`Generator`], which makes one document at
/// a time.
pub fn generate(config: &Config) -> Corpus {
    let g = Generator::new(config.clone());
    let (documents, truths): (Vec<SynthDoc>, Vec<TruthDoc>) = (0..config.docs)
        .into_par_iter()
        .map(|i| g.document(i))
        .unzip();
    Corpus {
        documents,
        truth: Truth {
            config: g.config,
            works: g.works,
            documents: truths,
        },
    }
}

/// Makes documents one at a time from a shared pool of works.
pub struct Generator {
    config: Config,
    works: Vec<Work>,
    sampler: pool::Sampler,
}

impl Generator {
    /// Builds the pool of works for `config`.
    pub fn new(config: Config) -> Self {
        let fields = config.fields.max(1);
        let works = pool::build(config.seed, config.pool_len(), fields);
        let sampler = pool::Sampler::new(&works, fields, config.zipf_exponent);
        Generator {
            config,
            works,
            sampler,
        }
    }

    /// The pool of works.
    pub fn works(&self) -> &[Work] {
        &self.works
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The truth for `documents`, consuming the generator.
    pub fn into_truth(self, documents: Vec<TruthDoc>) -> Truth {
        Truth {
            config: self.config,
            works: self.works,
            documents,
        }
    }

    /// Makes document number `index`; depends only on the configuration
    /// and `index`.
    pub fn document(&self, index: usize) -> (SynthDoc, TruthDoc) {
        DocBuilder::new(self, index).build()
    }
}

const SECTIONS: &[&str] = &[
    "Background",
    "Related Work",
    "Method",
    "Findings",
    "Discussion",
    "Limitations",
    "Implications",
    "Conclusion",
];

fn shuffle<T>(items: &mut [T], rng: &mut Rng) {
    for i in (1..items.len()).rev() {
        let j = rng.range(0, i + 1);
        items.swap(i, j);
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The families cited for a work: the whole name of an organisation.
fn families(work: &Work) -> Vec<&str> {
    work.reference
        .authors
        .iter()
        .map(|p| p.family.as_str())
        .collect()
}

/// "Title: Subtitle" → the first four words of "Title".
fn short_title(title: &str) -> String {
    let main = title.split([':', '?']).next().unwrap_or(title);
    main.split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ")
}

struct Cite {
    start: usize,
    end: usize,
    kind: CitationKind,
    entries: Vec<usize>,
    misspelt: bool,
}

struct DocBuilder<'g> {
    g: &'g Generator,
    rng: Rng,
    index: usize,
    style: Style,
    field: usize,
    markdown: bool,
    width: usize,
    /// Works in list order.
    works: Vec<usize>,
    /// APA year suffixes and MLA short titles that disambiguate citations.
    year_suffix: Vec<Option<char>>,
    needs_title: Vec<bool>,
}

impl<'g> DocBuilder<'g> {
    fn new(g: &'g Generator, index: usize) -> Self {
        let cfg = &g.config;
        let mut rng = Rng::derive(cfg.seed, index as u64);
        let style = if cfg.styles.is_empty() {
            Style::Mla
        } else {
            *rng.pick(&cfg.styles)
        };
        let field = rng.range(0, cfg.fields.max(1));
        let markdown = rng.chance(cfg.markdown_share);
        let width = rng.range(68, 96);
        DocBuilder {
            g,
            rng,
            index,
            style,
            field,
            markdown,
            width,
            works: Vec::new(),
            year_suffix: Vec::new(),
            needs_title: Vec::new(),
        }
    }

    fn work(&self, entry: usize) -> &'g Work {
        &self.g.works[self.works[entry]]
    }

    /// Orders the list and plans which entries each citation cites.
    fn plan(&mut self) -> Vec<Vec<usize>> {
        let cfg = &self.g.config;
        let ids =
            self.g
                .sampler
                .distinct(&mut self.rng, cfg.refs_per_doc, self.field, cfg.locality);
        let n = ids.len();
        let mut perm: Vec<usize> = (0..n).collect();
        shuffle(&mut perm, &mut self.rng);
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut i = 0;
        while i < n {
            let size = match self.rng.f64() {
                x if x < 0.7 => 1,
                x if x < 0.9 => 2,
                _ => 3,
            }
            .min(n - i);
            groups.push(perm[i..i + size].to_vec());
            i += size;
        }
        for _ in 0..n * 3 / 10 {
            let at = self.rng.range(0, groups.len() + 1);
            let which = self.rng.range(0, n);
            groups.insert(at, vec![which]);
        }
        // List order: IEEE numbers by first citation, the others sort by
        // author, year and title.
        let order: Vec<usize> = if self.style == Style::Ieee {
            let mut seen = vec![false; n];
            let mut order = Vec::with_capacity(n);
            for &k in groups.iter().flatten() {
                if !seen[k] {
                    seen[k] = true;
                    order.push(k);
                }
            }
            order
        } else {
            let works = &self.g.works;
            let key = |k: usize| {
                let r = &works[ids[k]].reference;
                (
                    r.authors
                        .first()
                        .map(|p| p.family.to_lowercase())
                        .unwrap_or_default(),
                    r.year(),
                    r.title.clone(),
                )
            };
            let mut order: Vec<usize> = (0..n).collect();
            order.sort_by_cached_key(|&k| key(k));
            order
        };
        let mut position = vec![0; n];
        for (e, &k) in order.iter().enumerate() {
            position[k] = e;
        }
        self.works = order.iter().map(|&k| ids[k]).collect();
        self.disambiguate();
        groups
            .into_iter()
            .map(|g| {
                let mut g: Vec<usize> = g.into_iter().map(|k| position[k]).collect();
                g.sort_unstable();
                g
            })
            .collect()
    }

    fn disambiguate(&mut self) {
        let n = self.works.len();
        let keys: Vec<(String, Option<i32>)> = (0..n)
            .map(|e| {
                let w = self.work(e);
                (cite_names(self.style, &families(w)), w.reference.year())
            })
            .collect();
        self.year_suffix = vec![None; n];
        self.needs_title = vec![false; n];
        for e in 0..n {
            let same_names = (0..n).filter(|&o| keys[o].0 == keys[e].0).count();
            self.needs_title[e] = same_names > 1;
            let earlier = (0..e).filter(|&o| keys[o] == keys[e]).count();
            let total = (0..n).filter(|&o| keys[o] == keys[e]).count();
            if total > 1 && self.style == Style::Apa {
                self.year_suffix[e] = Some((b'a' + earlier as u8 % 26) as char);
            }
        }
    }

    fn page(&mut self, entry: usize) -> Option<String> {
        let r = &self.work(entry).reference;
        if let Some(p) = &r.pages {
            let (a, b) = p.split_once('-')?;
            let (a, b): (usize, usize) = (a.parse().ok()?, b.parse().ok()?);
            return Some(self.rng.range(a, b + 1).to_string());
        }
        match r.kind {
            WorkType::Webpage => None,
            _ => Some(self.rng.range(1, 300).to_string()),
        }
    }

    /// The author part of a citation of `entry`, maybe misspelt.
    fn names(&mut self, entry: usize, misspelt: &mut bool) -> String {
        let w = self.work(entry);
        let mut fams: Vec<String> = families(w).into_iter().map(str::to_owned).collect();
        if self.rng.chance(self.g.config.damage.misspelling)
            && !w.reference.authors.first().is_some_and(|p| p.literal)
        {
            if let Some(bad) = fams
                .first()
                .and_then(|f| layout::misspell(f, &mut self.rng))
            {
                fams[0] = bad;
                *misspelt = true;
            }
        }
        let refs: Vec<&str> = fams.iter().map(String::as_str).collect();
        cite_names(self.style, &refs)
    }

    fn year_of(&self, entry: usize) -> String {
        let y = self.work(entry).reference.year().unwrap_or(0);
        match self.year_suffix[entry] {
            Some(c) => format!("{y}{c}"),
            None => y.to_string(),
        }
    }

    fn short_ref_title(&self, entry: usize) -> String {
        let r = &self.work(entry).reference;
        let t = short_title(r.title.as_deref().unwrap_or(""));
        if r.kind == WorkType::Book {
            if self.markdown {
                format!("*{t}*")
            } else {
                t
            }
        } else {
            format!("\"{t}\"")
        }
    }

    /// One sentence citing `group`; returns the sentence and the citation's
    /// byte range in it.
    fn cited_sentence(
        &mut self,
        group: &[usize],
        notes: &mut Vec<(usize, String, usize)>,
    ) -> (String, Cite) {
        let topic = self.rng.pick(words::DOMAIN).to_lowercase();
        let claim = self.rng.pick(words::SENTENCES).replace("{}", &topic);
        let mut misspelt = false;
        let cite_for = |start: usize, end: usize, kind, misspelt| Cite {
            start,
            end,
            kind,
            entries: group.to_vec(),
            misspelt,
        };
        match self.style {
            Style::Mla => {
                let mut parts = Vec::new();
                for &e in group {
                    let mut p = self.names(e, &mut misspelt);
                    if self.needs_title[e] {
                        p.push_str(&format!(", {}", self.short_ref_title(e)));
                    }
                    if let Some(page) = self.page(e) {
                        p.push_str(&format!(" {page}"));
                    }
                    parts.push(p);
                }
                let cite = format!("({})", parts.join("; "));
                let s = format!("{claim} {cite}.");
                let start = claim.len() + 1;
                (
                    s,
                    cite_for(
                        start,
                        start + cite.len(),
                        CitationKind::Parenthetical,
                        misspelt,
                    ),
                )
            }
            Style::Apa => {
                if group.len() == 1 && self.rng.chance(0.3) {
                    let e = group[0];
                    let names = self.names(e, &mut misspelt).replace(" & ", " and ");
                    let cite = format!("{names} ({})", self.year_of(e));
                    let verb = self.rng.pick(&["shows", "argues", "notes", "finds"]);
                    let s = format!("{cite} {verb} that {}.", lower_first(&claim));
                    return (
                        s,
                        cite_for(0, cite.len(), CitationKind::Narrative, misspelt),
                    );
                }
                let mut parts = Vec::new();
                for &e in group {
                    let mut p = format!("{}, {}", self.names(e, &mut misspelt), self.year_of(e));
                    if group.len() == 1 && self.rng.chance(0.2) {
                        if let Some(page) = self.page(e) {
                            p.push_str(&format!(", p. {page}"));
                        }
                    }
                    parts.push(p);
                }
                let cite = format!("({})", parts.join("; "));
                let s = format!("{claim} {cite}.");
                let start = claim.len() + 1;
                (
                    s,
                    cite_for(
                        start,
                        start + cite.len(),
                        CitationKind::Parenthetical,
                        misspelt,
                    ),
                )
            }
            Style::Chicago => {
                let number = notes.len() + 1;
                let mut parts = Vec::new();
                for &e in group {
                    let names = self.names(e, &mut misspelt);
                    let title = self.short_ref_title(e);
                    // Chicago puts the comma inside closing quotation marks.
                    let p = match self.page(e) {
                        Some(page) => match title.strip_suffix('"') {
                            Some(open) => format!("{names}, {open},\" {page}"),
                            None => format!("{names}, {title}, {page}"),
                        },
                        None => format!("{names}, {title}"),
                    };
                    parts.push(p);
                }
                notes.push((number, format!("{}.", parts.join("; ")), group[0]));
                let s = format!("{claim}.{number}");
                let start = claim.len() + 1;
                (
                    s.clone(),
                    cite_for(start, s.len(), CitationKind::Note, misspelt),
                )
            }
            _ => {
                let nums: Vec<usize> = group.iter().map(|e| e + 1).collect();
                let mut parts = Vec::new();
                let mut i = 0;
                while i < nums.len() {
                    let mut j = i;
                    while j + 1 < nums.len() && nums[j + 1] == nums[j] + 1 {
                        j += 1;
                    }
                    if j >= i + 2 {
                        parts.push(format!("[{}]–[{}]", nums[i], nums[j]));
                    } else {
                        for n in &nums[i..=j] {
                            parts.push(format!("[{n}]"));
                        }
                    }
                    i = j + 1;
                }
                let cite = parts.join(", ");
                let s = format!("{claim} {cite}.");
                let start = claim.len() + 1;
                (
                    s,
                    cite_for(start, start + cite.len(), CitationKind::Numeric, false),
                )
            }
        }
    }

    /// Appends a paragraph (wrapped unless Markdown), shifting its
    /// citations to document offsets.
    fn push_paragraph(
        &mut self,
        text: &mut String,
        para: &str,
        cites: Vec<Cite>,
        out: &mut Vec<Cite>,
    ) {
        let base = text.len();
        if self.markdown {
            text.push_str(para);
            out.extend(cites.into_iter().map(|c| Cite {
                start: base + c.start,
                end: base + c.end,
                ..c
            }));
        } else {
            let protected: Vec<(usize, usize)> = cites.iter().map(|c| (c.start, c.end)).collect();
            let hyph = self.g.config.damage.hyphenation;
            let w = layout::wrap(para, self.width, hyph, &protected, &mut self.rng);
            text.push_str(&w.text);
            out.extend(cites.into_iter().map(|c| {
                let start = base + w.map(c.start);
                Cite {
                    start,
                    end: start + (c.end - c.start),
                    ..c
                }
            }));
        }
        text.push_str("\n\n");
    }

    fn build(mut self) -> (SynthDoc, TruthDoc) {
        let groups = self.plan();
        let cfg = &self.g.config;
        let n = self.works.len();
        let mut text = String::with_capacity(n * 600 + 2000);
        let mut cites: Vec<Cite> = Vec::new();
        let mut notes: Vec<(usize, String, usize)> = Vec::new();

        // Front matter.
        let paper_title = format!(
            "{} {}: {} {}",
            self.rng.pick(words::GERUND),
            self.rng.pick(words::DOMAIN),
            self.rng.pick(words::ADJ),
            self.rng.pick(words::NOUN)
        );
        text.push_str(&paper_title);
        text.push('\n');
        let author = format!(
            "{} {}",
            self.rng.pick(words::GIVEN),
            self.rng.pick(words::FAMILY)
        );
        text.push_str(&author);
        text.push_str("\n\nAbstract\n\n");
        let abs = format!(
            "{} {}",
            self.rng.pick(words::FILLER),
            self.rng.pick(words::FILLER)
        );
        self.push_paragraph(&mut text, &abs, Vec::new(), &mut cites);

        // Body: sections of paragraphs of sentences, most of them citing.
        let mut section = 0;
        let mut paragraphs_in_section = usize::MAX;
        let mut g = 0;
        while g < groups.len() {
            if paragraphs_in_section >= 4 {
                section += 1;
                let name = if section == 1 {
                    "Introduction"
                } else {
                    SECTIONS[(section - 2) % SECTIONS.len()]
                };
                text.push_str(&format!("{section} {name}\n\n"));
                paragraphs_in_section = 0;
            }
            let sentences = self.rng.range(3, 7);
            let mut para = String::new();
            let mut para_cites = Vec::new();
            for _ in 0..sentences {
                if !para.is_empty() {
                    para.push(' ');
                }
                if g >= groups.len() || self.rng.chance(0.25) {
                    para.push_str(self.rng.pick::<&str>(words::FILLER));
                    continue;
                }
                let (s, c) = self.cited_sentence(&groups[g], &mut notes);
                g += 1;
                let base = para.len();
                para.push_str(&s);
                para_cites.push(Cite {
                    start: base + c.start,
                    end: base + c.end,
                    ..c
                });
            }
            self.push_paragraph(&mut text, &para, para_cites, &mut cites);
            paragraphs_in_section += 1;
        }

        // Chicago: the notes, before the bibliography.
        let mut truth_notes = Vec::new();
        if !notes.is_empty() {
            text.push_str("Notes\n\n");
            for (number, note, entry) in &notes {
                truth_notes.push(TruthNote {
                    number: *number,
                    line: text.matches('\n').count() + 1,
                    entry: *entry,
                    work: self.works[*entry],
                });
                let line = format!("{number}. {note}");
                if self.markdown {
                    text.push_str(&line);
                } else {
                    let hyph = cfg.damage.hyphenation;
                    text.push_str(&layout::wrap(&line, self.width, hyph, &[], &mut self.rng).text);
                }
                text.push('\n');
            }
            text.push('\n');
        }

        // The reference list.
        let headings: &[&str] = match self.style {
            Style::Mla => &["Works Cited", "Works cited", "WORKS CITED"],
            Style::Chicago => &["Bibliography", "BIBLIOGRAPHY"],
            _ => &["References", "REFERENCES"],
        };
        let heading = (*self.rng.pick(headings)).to_owned();
        let heading_line = text.matches('\n').count() + 1;
        text.push_str(&heading);
        text.push_str("\n\n");
        let list_first_line = heading_line + 2;

        let mut entries: Vec<TruthEntry> = Vec::with_capacity(n);
        for e in 0..n {
            let work = self.work(e);
            let misspelt = if self.rng.chance(cfg.damage.misspelling) {
                work.reference
                    .authors
                    .first()
                    .filter(|p| !p.literal)
                    .and_then(|p: &Person| layout::misspell(&p.family, &mut self.rng))
            } else {
                None
            };
            let with_accessed = self.rng.chance(0.5);
            let written = style::entry(
                work,
                &EntryOptions {
                    style: self.style,
                    markdown: self.markdown,
                    number: e + 1,
                    misspelt_family: misspelt.as_deref(),
                    year_suffix: self.year_suffix[e],
                    with_accessed,
                },
            );
            let mut damage = Vec::new();
            if misspelt.is_some() {
                damage.push(Damage::Misspelling);
            }
            entries.push(TruthEntry {
                work: work.id,
                label: (self.style == Style::Ieee).then(|| (e + 1).to_string()),
                line: 0,
                end_line: 0,
                text: written.text,
                reference: written.reference,
                damage,
            });
        }

        // Lay the list out as lines, each tagged with the entries on it.
        let mut lines: Vec<(String, Vec<usize>)> = Vec::new();
        let one_line = !self.markdown && self.style == Style::Ieee && self.rng.chance(0.15);
        let blank_between = !self.markdown && self.rng.chance(0.5);
        let mut joined = String::new();
        for (e, entry) in entries.iter_mut().enumerate() {
            let mut t = entry.text.clone();
            if entry.text.contains("http") && self.rng.chance(cfg.damage.url_split) {
                if let Some(split) = layout::split_url(&t, &mut self.rng) {
                    t = split;
                    entry.damage.push(Damage::UrlSplit);
                }
            }
            if self.markdown {
                lines.push((format!("- {t}"), vec![e]));
            } else if one_line {
                if !joined.is_empty() {
                    joined.push(' ');
                }
                joined.push_str(&t);
            } else {
                let w = layout::wrap(&t, self.width, cfg.damage.hyphenation, &[], &mut self.rng);
                if w.hyphenated > 0 {
                    entry.damage.push(Damage::Hyphenation);
                }
                if blank_between && e > 0 {
                    lines.push((String::new(), Vec::new()));
                }
                lines.extend(w.text.split('\n').map(|l| (l.to_owned(), vec![e])));
            }
        }
        if one_line {
            lines.push((joined, (0..n).collect()));
        }

        // A page break somewhere inside the list.
        let mut furniture_at: Vec<usize> = Vec::new();
        if lines.len() >= 3 && self.rng.chance(cfg.damage.page_break) {
            let mut at = self.rng.range(1, lines.len());
            if self.markdown {
                // Break an entry's line in two, as seed 000's "- Graham and …" shows.
                let (line, tags) = lines[at].clone();
                let spaces: Vec<usize> = line.match_indices(' ').map(|(i, _)| i).collect();
                if spaces.len() > 4 {
                    let cut = spaces[spaces.len() / 2];
                    let tail = if self.rng.chance(0.5) {
                        format!("- {}", &line[cut + 1..])
                    } else {
                        line[cut + 1..].to_owned()
                    };
                    lines[at] = (line[..cut].to_owned(), tags.clone());
                    lines.insert(at + 1, (tail, tags));
                    at += 1;
                }
            }
            let page_no = self.rng.range(8, 40).to_string();
            let head = format!("\u{c}{}", short_title(&paper_title));
            let furniture = [String::new(), page_no, String::new(), head, String::new()];
            let tags_before = lines[at - 1].1.clone();
            let tags_after = lines[at].1.clone();
            let inside: Vec<usize> = tags_before
                .iter()
                .filter(|e| tags_after.contains(e))
                .copied()
                .collect();
            for e in &inside {
                entries[*e].damage.push(Damage::PageBreak);
            }
            for (k, f) in furniture.into_iter().enumerate() {
                if !f.is_empty() {
                    furniture_at.push(at + k);
                }
                lines.insert(at + k, (f, Vec::new()));
            }
        }

        for (i, (line, tags)) in lines.iter().enumerate() {
            for &e in tags {
                let l = list_first_line + i;
                let entry = &mut entries[e];
                if entry.line == 0 {
                    entry.line = l;
                }
                entry.end_line = l;
            }
            text.push_str(line);
            text.push('\n');
        }
        let page_break_lines = furniture_at.iter().map(|i| list_first_line + i).collect();

        if self.rng.chance(0.3) {
            text.push_str(&format!(
                "\nAbout the author\n\n{author} works on {}.\n",
                self.rng.pick(words::DOMAIN).to_lowercase()
            ));
        }

        // Line numbers of citations.
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let citations = cites
            .into_iter()
            .map(|c| TruthCitation {
                text: text[c.start..c.end].to_owned(),
                start: c.start,
                end: c.end,
                line: line_starts.partition_point(|&s| s <= c.start),
                kind: c.kind,
                works: c.entries.iter().map(|&e| self.works[e]).collect(),
                entries: c.entries,
                misspelt: c.misspelt,
            })
            .collect();

        let name = format!("{:06}.txt", self.index);
        (
            SynthDoc {
                name: name.clone(),
                text,
            },
            TruthDoc {
                name,
                style: self.style,
                field: self.field,
                markdown: self.markdown,
                heading,
                heading_line,
                entries,
                citations,
                notes: truth_notes,
                page_break_lines,
            },
        )
    }
}

#[cfg(test)]
mod tests;
