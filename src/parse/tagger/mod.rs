//! A learned sequence tagger beside the grammar: it labels each word of a
//! reference (author, title, container, publisher, …) and so places the
//! boundaries punctuation leaves open ("Title J Chem Phys 12:3", titles with
//! full stops, publishers and places outside fixed patterns).
//!
//! The tagger is a linear-chain model trained with the averaged structured
//! perceptron ([`Tagger::train`]) and decoded with Viterbi. Its features
//! are generic (see `features`): word shapes, punctuation, position, the
//! hand-written word classes of the grammar, and the field the grammar put
//! each word in, so it learns when to trust the grammar and when not.
//! [`combine`] keeps the grammar's identifiers, numbers, dates and authors
//! and takes the text fields from the tagger as [`Policy`] says.
//!
//! The built-in model is `model.bin`, written by `src/bin/train-tagger.rs`:
//!
//! ```text
//! cargo run --release --bin train-tagger -- ../shared/gold/dev-refs.jsonl
//! ```
//!
//! ```
//! use citemap::parse::{parse_reference_with, tagger};
//! use citemap::{Outcome, Style};
//!
//! let raw = "Smith J, Doe A. Heat flow in thin films J Appl Phys 12:345-350 (1999).";
//! let p = parse_reference_with(raw, Style::Unknown, tagger::builtin());
//! assert!(matches!(p.outcome, Outcome::Parsed { .. }));
//! ```

mod align;
mod features;
mod model;

pub use features::{Sequence, Token, CONTEXT, WORDS};
pub use model::{ModelError, Tagger, TrainOptions};

use super::{generic, names, text};
use crate::model::{Person, Reference, Style};
use std::sync::OnceLock;

/// What a token is part of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Label {
    /// No field: labels, cue words, leftovers.
    Other,
    /// The author list.
    Author,
    /// The editor list.
    Editor,
    /// The title of the work.
    Title,
    /// The journal, book or proceedings.
    Container,
    /// The publisher.
    Publisher,
    /// The place of publication.
    Place,
    /// The date.
    Date,
    /// The volume.
    Volume,
    /// The issue.
    Issue,
    /// The pages.
    Pages,
}

/// How many labels there are.
pub const LABELS: usize = 11;

impl Label {
    /// Every label, in the order of their numbers.
    pub const ALL: [Label; LABELS] = [
        Label::Other,
        Label::Author,
        Label::Editor,
        Label::Title,
        Label::Container,
        Label::Publisher,
        Label::Place,
        Label::Date,
        Label::Volume,
        Label::Issue,
        Label::Pages,
    ];

    /// The label of a field key of the gold set (`dev-refs.jsonl`):
    /// "title", "container-title", "publisher-place", ….
    pub fn from_field(key: &str) -> Option<Label> {
        Some(match key {
            "author" => Label::Author,
            "editor" => Label::Editor,
            "title" => Label::Title,
            "container-title" => Label::Container,
            "publisher" => Label::Publisher,
            "publisher-place" => Label::Place,
            "date" => Label::Date,
            "volume" => Label::Volume,
            "issue" => Label::Issue,
            "pages" => Label::Pages,
            _ => return None,
        })
    }

    fn numeric(self) -> bool {
        matches!(
            self,
            Label::Date | Label::Volume | Label::Issue | Label::Pages
        )
    }
}

/// Where a text field of the combined result comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The grammar alone.
    Grammar,
    /// The tagger when it found the field, else the grammar.
    TaggerElseGrammar,
    /// The tagger alone, also when it found no such field.
    Tagger,
}

/// Which of grammar and tagger decides each text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// The title.
    pub title: Source,
    /// The container title.
    pub container: Source,
    /// The publisher.
    pub publisher: Source,
    /// The place of publication.
    pub place: Source,
    /// The editors.
    pub editors: Source,
    /// The authors.
    pub authors: Source,
    /// Volume, issue and pages.
    pub numbers: Source,
    /// Keep the grammar's reading whole when it read the title from quotes
    /// or italics, where punctuation already marks the boundaries.
    pub trust_marked_titles: bool,
    /// Cut the grammar's author list where the tagger's first author run
    /// ends ("Turing, Alan, Computing Machinery and Intelligence, …": the
    /// grammar reads "Computing Machinery" as one more name).
    pub trim_authors: bool,
    /// Take the tagger's author run where the grammar found no author, or
    /// where the run holds the grammar's list and more names after it
    /// ("Lindwer, M. Marculescu, D. Basten, T.": the grammar stops after
    /// the first).
    pub extend_authors: bool,
    /// Take the year from the tagger's date run where it holds one year
    /// other than the grammar's ("… 1964, translated by …, 1998": the
    /// work's date, not a date in its title).
    pub date_from_tagger: bool,
}

impl Policy {
    /// The policy chosen by the cross-source figures of
    /// `scripts/cross-source.sh` (trained on one dev set, scored on the
    /// other), ties broken by cross-validation over both sets: the tagger
    /// reads quoted titles too, and cuts the grammar's author list where its
    /// own author run ends.
    pub const DEFAULT: Policy = Policy {
        title: Source::TaggerElseGrammar,
        container: Source::Tagger,
        publisher: Source::Tagger,
        place: Source::Tagger,
        editors: Source::TaggerElseGrammar,
        authors: Source::Grammar,
        numbers: Source::TaggerElseGrammar,
        trust_marked_titles: true,
        trim_authors: true,
        extend_authors: true,
        date_from_tagger: true,
    };

    /// Same as [`Policy::DEFAULT`] (kept so the harness's column names stay).
    pub const CROSS_SOURCE: Policy = Policy::DEFAULT;

    /// Every field from the same source.
    pub const fn all(source: Source) -> Policy {
        Policy {
            title: source,
            container: source,
            publisher: source,
            place: source,
            editors: source,
            authors: source,
            numbers: source,
            trust_marked_titles: false,
            trim_authors: false,
            extend_authors: false,
            date_from_tagger: false,
        }
    }
}

/// A model and the policy that combines it with the grammar.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagging {
    /// The trained tagger.
    pub model: Tagger,
    /// How its labels and the grammar's fields combine.
    pub policy: Policy,
}

static MODEL_BYTES: &[u8] = include_bytes!("model.bin");

/// The built-in model with [`Policy::DEFAULT`], or `None` when this build
/// carries no usable model.
pub fn builtin() -> Option<&'static Tagging> {
    static BUILTIN: OnceLock<Option<Tagging>> = OnceLock::new();
    BUILTIN
        .get_or_init(|| {
            Tagger::from_bytes(MODEL_BYTES).ok().map(|model| Tagging {
                model,
                policy: Policy::DEFAULT,
            })
        })
        .as_ref()
}

/// A training example: the tagger's input for one reference string and
/// the labels its annotated fields give its tokens.
#[derive(Debug, Clone)]
pub struct Example {
    /// The tokens and their features.
    pub sequence: Sequence,
    /// One gold label per token.
    pub labels: Vec<Label>,
    /// Labels of annotated values not found in the text.
    pub missed: Vec<Label>,
}

impl Example {
    /// Builds the example for reference string `raw` (as `parse_reference`
    /// receives it) annotated with `fields` (label, values).
    /// `flags` are the optional feature groups of the model to train
    /// ([`TrainOptions::flags`]).
    pub fn new(raw: &str, hint: Style, fields: &[(Label, Vec<String>)], flags: u8) -> Example {
        let (prepared, grammar) = grammar_parse(raw, hint);
        let sequence = sequence(&prepared, &grammar, flags);
        let (labels, missed) = align::align(&prepared.text, &sequence.tokens, fields);
        Example {
            sequence,
            labels,
            missed,
        }
    }
}

fn grammar_parse(raw: &str, hint: Style) -> (generic::Prepared, Reference) {
    let raw = super::cut(raw);
    let style = if hint == Style::Unknown {
        super::guess_style(raw)
    } else {
        hint
    };
    let prepared = generic::prepare(raw);
    let (r, _) = generic::parse(&prepared, style);
    (prepared, r)
}

fn sequence(p: &generic::Prepared, r: &Reference, flags: u8) -> Sequence {
    let tokens = features::tokenize(&p.text);
    let grammar = grammar_labels(&p.text, &tokens, r);
    let ctx = features::Context {
        text: &p.text,
        italics: &p.italics,
        grammar: &grammar,
        flags,
    };
    features::extract(&ctx, tokens)
}

/// The field the grammar put each token in, found by looking its field
/// values up in the text.
fn grammar_labels(text: &str, tokens: &[Token], r: &Reference) -> Vec<Label> {
    let mut labels = vec![Label::Other; tokens.len()];
    let mark = |a: usize, b: usize, l: Label, labels: &mut Vec<Label>| {
        for (t, x) in tokens.iter().zip(labels.iter_mut()) {
            if t.start < b && t.end > a && *x == Label::Other {
                *x = l;
            }
        }
    };
    let people = |list: &[Person], l: Label, labels: &mut Vec<Label>| {
        let mut from = 0;
        let mut first = None;
        for p in list {
            if p.family.is_empty() {
                continue;
            }
            if let Some(k) = text::find(&text[from..], &p.family) {
                first.get_or_insert(from + k);
                from += k + p.family.len();
            }
        }
        if let Some(a) = first {
            mark(a, from, l, labels);
        }
    };
    people(&r.authors, Label::Author, &mut labels);
    people(&r.editors, Label::Editor, &mut labels);
    let texts = [
        (&r.title, Label::Title),
        (&r.container_title, Label::Container),
        (&r.publisher, Label::Publisher),
        (&r.publisher_place, Label::Place),
    ];
    for (v, l) in texts {
        if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
            if let Some(k) = text::find(text, v) {
                mark(k, k + v.len(), l, &mut labels);
            }
        }
    }
    let year = r.issued.filter(|d| d.year > 0).map(|d| d.year.to_string());
    let numbers = [
        (&year, Label::Date),
        (&r.volume, Label::Volume),
        (&r.issue, Label::Issue),
        (&r.pages, Label::Pages),
    ];
    for (v, l) in numbers {
        if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
            if let Some(k) = text::rfind(text, v) {
                mark(k, k + v.len(), l, &mut labels);
            }
        }
    }
    labels
}

/// Trims the marks around a field value that belong to the punctuation of
/// the reference, not to the value.
fn clean(s: &str) -> String {
    let mut t = s
        .trim()
        .trim_matches(|c: char| {
            matches!(
                c,
                ',' | ';' | ':' | '"' | '“' | '”' | '‘' | '’' | '«' | '»' | '*'
            )
        })
        .trim_end_matches('.')
        .trim();
    if t.starts_with('(') && (t.ends_with(')') || !t.contains(')')) {
        t = t.trim_start_matches('(').trim_end_matches(')');
    } else if t.ends_with(')') && !t.contains('(') {
        t = t.trim_end_matches(')');
    }
    t.trim_matches(|c: char| c == ',' || c == '.' || c.is_whitespace())
        .to_owned()
}

/// The text of the longest run of `label` in `labels`, if any.
fn run_text(text: &str, tokens: &[Token], labels: &[Label], label: Label) -> Option<String> {
    let mut best: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < labels.len() {
        if labels[i] != label {
            i += 1;
            continue;
        }
        let a = i;
        while i < labels.len() && labels[i] == label {
            i += 1;
        }
        if best.is_none_or(|(x, y)| i - a > y - x) {
            best = Some((a, i));
        }
    }
    let (a, b) = best?;
    let v = clean(&text[tokens[a].start..tokens[b - 1].end]);
    (!v.is_empty()).then_some(v)
}

/// True when every token of the first occurrence of `field` in `text` was
/// labelled [`Label::Other`].
fn only_other(text: &str, tokens: &[Token], labels: &[Label], field: &str) -> bool {
    let Some(a) = text::find(text, field) else {
        return false;
    };
    let b = a + field.len();
    let mut inside = tokens
        .iter()
        .zip(labels)
        .filter(|(t, _)| t.start >= a && t.start < b)
        .peekable();
    inside.peek().is_some() && inside.all(|(_, l)| *l == Label::Other)
}

fn pick<T>(source: Source, tagger: Option<T>, grammar: Option<T>) -> Option<T> {
    match source {
        Source::Grammar => grammar,
        Source::TaggerElseGrammar => tagger.or(grammar),
        Source::Tagger => tagger,
    }
}

/// A volume, issue or page value from a tagged run: its label word
/// ("vol.", "pp.") and brackets dropped, dashes made "-".
fn number_value(run: &str) -> Option<String> {
    let mut v = run.trim();
    if let Some((first, rest)) = v.split_once(' ') {
        let w = first.trim_end_matches('.').to_lowercase();
        if matches!(
            w.as_str(),
            "vol" | "no" | "nr" | "issue" | "pp" | "p" | "s" | "bd" | "heft" | "n"
        ) {
            v = rest;
        }
    }
    let v = v.trim_matches(|c: char| !c.is_alphanumeric());
    let mut out = String::with_capacity(v.len());
    for c in v.chars() {
        if super::tokens::is_dash(c) {
            out.truncate(out.trim_end().len());
            out.push('-');
        } else if !(c == ' ' && out.ends_with('-')) {
            out.push(c);
        }
    }
    // Only a clean number or range: a run over glued numbers
    // ("266(3):1-9") is better read by the grammar.
    let whole = |r: nom::IResult<&str, String>| r.is_ok_and(|(rest, _)| rest.is_empty());
    let clean = whole(super::tokens::page_range(&out))
        || whole(super::tokens::number(&out).map(|(r, n)| (r, n.to_owned())))
        || whole(super::tokens::page_number(&out).map(|(r, n)| (r, n.to_owned())));
    clean.then_some(out)
}

/// A volume, issue or page run that is more than one clean number, kept
/// as written ("vol. 44, no 2", "v. 12", "240 p."): several words the
/// tagger put in one field are one value to the reader. A single token
/// with numbers glued together ("266(3):1-9") is left to the grammar,
/// which splits it.
fn number_phrase(run: &str) -> Option<String> {
    let v = run.trim();
    let last = v
        .rsplit(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())?;
    let dangling = matches!(
        last.to_lowercase().as_str(),
        "no" | "nr" | "n" | "vol" | "v" | "pt" | "pp" | "and" | "h" | "heft" | "suppl"
    );
    // Beside its numbers only label words ("vol.", "no", "p", "Jg."): not
    // a journal's name ("MNRAS, 459") or a second value ("22: 707").
    let words: Vec<&str> = v
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // "et al." is no label of a number: "pp. 12–19 et al." ran on.
    let label = |w: &str| {
        !matches!(w, "et" | "al")
            && w.chars().all(char::is_alphabetic)
            && w.chars().count() <= 4
            && (w.chars().all(char::is_lowercase)
                || v.contains(&format!("{w}."))
                || w.chars().count() == 1)
    };
    let labels = words.iter().filter(|w| label(w)).count();
    let numbers = words
        .iter()
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .count();
    let whole = labels >= 1
        && labels + numbers == words.len()
        && numbers <= 2
        && v.contains(char::is_whitespace)
        && v.len() <= 40
        && v.chars().any(|c| c.is_ascii_digit())
        && v.ends_with(|c: char| c.is_alphanumeric() || c == ')' || c == '.')
        && !dangling;
    whole.then(|| v.to_owned())
}

/// The year of a tagged date run when it holds exactly one
/// ("2014", "(March 2014)"; not "1912-1929").
fn run_year(run: &str) -> Option<i32> {
    let mut years = run
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<i32>().ok())
        .filter(|y| (1500..=2100).contains(y));
    let y = years.next()?;
    years.next().is_none().then_some(y)
}

/// True when `s` starts with the cue word "In" ("In ", "In:", "in:").
fn starts_with_in(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() > 3 && b[..2].eq_ignore_ascii_case(b"in") && matches!(b[2], b' ' | b':')
}

/// `s` without a leading "In" cue word and the marks after it.
fn strip_in(s: &str) -> &str {
    if starts_with_in(s) {
        s[2..].trim_start_matches([' ', ':'])
    } else {
        s
    }
}

/// `s` without a leading role phrase ("edited by", "ed. by", "hrsg. von"):
/// one source annotates it as part of the editor list.
fn strip_role(s: &str) -> &str {
    let lower = s.to_lowercase();
    for cue in [
        "edited and translated by ",
        "edited by ",
        "eds. by ",
        "ed. by ",
        "ed. ",
        "eds. ",
        "hrsg. von ",
        "hrsg. v. ",
        "hg. von ",
        "hg. v. ",
        "herausgegeben von ",
        "éd. par ",
        "sous la direction de ",
        "a cura di ",
        "translated by ",
        "trans. by ",
        "by ",
    ] {
        if lower.starts_with(cue) && s.is_char_boundary(cue.len()) {
            return s[cue.len()..].trim_start();
        }
    }
    s
}

fn editors_from(run: &str) -> Vec<Person> {
    let run = strip_role(run);
    let list = names::name_list(run);
    if list.people.is_empty() {
        vec![Person::literal(run)]
    } else {
        list.people
    }
}

/// "Proc Natl Acad Sci U S A": a place (or a list of initials read as
/// editors) runs on from a container with no mark between them only when it
/// is part of the container's name.
fn join_unpunctuated_place(text: &str, tokens: &[Token], labels: &mut [Label]) {
    for i in 1..labels.len() {
        let (before, here) = (labels[i - 1], labels[i]);
        let prev = &text[tokens[i - 1].start..tokens[i - 1].end];
        if before == Label::Container
            && matches!(here, Label::Place | Label::Editor | Label::Publisher)
            && prev.ends_with(|c: char| c.is_alphanumeric())
        {
            labels[i] = Label::Container;
        }
    }
}

/// Drops the grammar's authors that start after the end of the tagger's
/// first author run, when that run holds at least the first of them.
fn trim_authors(text: &str, tokens: &[Token], labels: &[Label], authors: &mut Vec<Person>) {
    let Some(a) = labels.iter().position(|&l| l == Label::Author) else {
        return;
    };
    let b = labels[a..]
        .iter()
        .position(|&l| l != Label::Author)
        .map_or(labels.len(), |k| a + k);
    let end = tokens[b - 1].end;
    let mut from = 0;
    let mut keep = 0;
    for p in authors.iter() {
        let key = p.family.as_str();
        if key.is_empty() {
            return;
        }
        match text.get(from..).and_then(|t| text::find(t, key)) {
            Some(k) if from + k < end => {
                from += k + key.len();
                keep += 1;
            }
            Some(_) => break,
            None => return,
        }
    }
    if keep >= 1 && keep < authors.len() {
        authors.truncate(keep);
    }
}

/// True when the entry opens with a ditto and a full stop ("———.
/// Kanunlar. vol. 1, Bürhaneddin Matbaası, 1943."): the dashes stand for
/// the previous entry's names (filled in by the document), so a run the
/// tagger reads as names further on is the publisher's. "--, A. W.
/// Robertson, …" goes on with names of its own.
fn ditto_alone(text: &str) -> bool {
    text.trim_start_matches(['—', '–', '_', '-'])
        .starts_with('.')
        && generic::ditto_without_names(text).is_some()
}

/// The text of `title` after its opening sentence, when that sentence is
/// `name` or its last words ("Commons Select Committee. Report …" after
/// "House of Commons Select Committee"); `None` otherwise.
fn after_name<'a>(title: &'a str, name: &str) -> Option<&'a str> {
    let (head, rest) = title.split_once(". ")?;
    let before = name.strip_suffix(head)?;
    let whole_words = before.is_empty() || before.ends_with(' ');
    (whole_words && !head.trim().is_empty() && !rest.trim().is_empty()).then_some(rest.trim_start())
}

/// Replaces the grammar's `authors` with the names of the tagger's author
/// `run` when the grammar found none, or when the run's names start with
/// the grammar's and go on past them.
fn extend_authors(run: &str, authors: &mut Vec<Person>) {
    // "———, et al.": "et al." alone names no one (the dashes stand for the
    // previous entry's first author, which the document fills in).
    if run.trim_matches([' ', ',', '.']) == "et al" {
        return;
    }
    let tagged = names::name_list(run).people;
    if authors.is_empty() {
        // A run the name grammar cannot read is kept whole only when it
        // is one name ("USEPA"), not a list it failed on.
        let list = run.contains([',', ';', '&']) || run.contains(" and ") || run.contains(". ");
        if !tagged.is_empty() {
            *authors = tagged;
        } else if !list {
            *authors = vec![Person::literal(run)];
        }
        return;
    }
    let prefix = tagged.len() > authors.len()
        && authors
            .iter()
            .zip(&tagged)
            .all(|(a, b)| a.family == b.family);
    if prefix {
        *authors = tagged;
    }
}

/// True when the grammar's `field` (title or container) stands in quotes
/// or italics.
fn marked(p: &generic::Prepared, field: Option<&str>) -> bool {
    let Some(t) = field.filter(|t| !t.is_empty()) else {
        return false;
    };
    let Some(k) = text::find(&p.text, t) else {
        return false;
    };
    let quoted = p.text[..k]
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '"' | '“' | '‘' | '\'' | '«'));
    quoted || p.italics.iter().any(|&(a, _)| a == k)
}

/// Combines the grammar's reading `r` of the prepared reference `p` with
/// the tagger's labels: identifiers, numbers, dates, authors and the work
/// type stay the grammar's; the text fields follow `t.policy`.
pub(crate) fn combine(t: &Tagging, p: &generic::Prepared, mut r: Reference) -> Reference {
    // A title or container in quotes or italics has its boundaries marked:
    // the grammar's stands (with the title, the container after it too); the
    // other fields are still the tagger's.
    let marked_title = t.policy.trust_marked_titles && marked(p, r.title.as_deref());
    let marked_container =
        marked_title || t.policy.trust_marked_titles && marked(p, r.container_title.as_deref());
    let seq = sequence(p, &r, t.model.flags());
    if seq.tokens.is_empty() {
        return r;
    }
    let mut labels = t.model.decode(&seq);
    join_unpunctuated_place(&p.text, &seq.tokens, &mut labels);
    let run = |l: Label| run_text(&p.text, &seq.tokens, &labels, l);
    let policy = t.policy;
    let (mut title, mut container) = (run(Label::Title), run(Label::Container));
    // "Title. J Neurol": a container that swallowed the grammar's whole
    // title, with no title of its own, merged two fields a sentence end
    // kept apart; the grammar's split stands.
    if title.is_none() {
        if let (Some(gt), Some(c)) = (r.title.as_deref(), container.as_deref()) {
            if c.starts_with(gt) && c[gt.len()..].starts_with(". ") {
                title = r.title.clone();
                container = r.container_title.clone();
            }
        }
    }
    // "Noble, Safiya Umoja. Algorithms of Oppression": a tagged title that
    // is the grammar's with words of the author names before it took the
    // end of the author list.
    if let (Some(tt), Some(gt)) = (title.as_deref(), r.title.as_deref()) {
        if let Some(head) = tt.strip_suffix(gt).filter(|h| !h.trim().is_empty()) {
            let named = head
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .all(|w| {
                    r.authors.iter().any(|p| {
                        p.family.split_whitespace().any(|x| x == w)
                            || p.given.as_deref().is_some_and(|g| {
                                g.split(|c: char| !c.is_alphanumeric()).any(|x| x == w)
                            })
                    })
                });
            if named {
                title = r.title.clone();
            }
        }
    }
    // "House of Commons Select Committee on Lighthouses. Report from …": a
    // tagged title that opens with the end of the organisation the grammar
    // read as author (and the full stop after it) took part of the author
    // for the title; the title starts after it.
    if let (Some(tt), [org]) = (title.as_deref(), r.authors.as_slice()) {
        if let Some(rest) = org.literal.then(|| after_name(tt, &org.family)).flatten() {
            title = Some(rest.to_owned());
        }
    }
    // "JWST Transiting Exoplanet Community Early Release Science Team,
    // Ahrer, E.-M., …": a group heading its members, which the grammar read
    // whole. A tagged title inside the group's name is part of the name,
    // and the list is not cut where the tagger's author run ends.
    let group_heads = r.authors.len() >= 2 && r.authors[0].literal;
    if group_heads
        && title
            .as_deref()
            .is_some_and(|tt| r.authors[0].family.contains(tt))
    {
        title = r.title.clone();
    }
    // "… meta-analyses. BMJ. 2003;327": a journal the tagger left
    // unlabelled, where the grammar found one, is still the journal.
    if container.is_none() {
        if let Some(gc) = r.container_title.as_deref() {
            if only_other(&p.text, &seq.tokens, &labels, gc) {
                container = r.container_title.clone();
            }
        }
    }
    // "Müller, H. (Hrsg.): Geschichte der Medien. Berlin …": an edited book
    // whose whole title the tagger took for a container keeps the grammar's
    // title, with no container.
    if title.is_none() && container.is_some() && container == r.title {
        title = container.take();
    }
    // "Robert, S., and M. Weaver, eds. School Food Politics": in an edited
    // volume the grammar read, a tagged title that is the grammar's with
    // its first word or two given to the editors before is the same title
    // cut short.
    let edited_volume = r.authors.is_empty() && !r.editors.is_empty();
    if let (Some(tt), Some(gt), true) = (title.as_deref(), r.title.as_deref(), edited_volume) {
        if let Some(head) = gt.strip_suffix(tt) {
            if head.ends_with(' ') && (1..=2).contains(&head.split_whitespace().count()) {
                title = r.title.clone();
            }
        }
    }
    // "In Advances in …": one source annotates the cue word as part of the
    // container; the grammar's reading never starts with it, so neither does
    // the tagger's unless the grammar's does too ("In Vivo").
    if !r.container_title.as_deref().is_some_and(starts_with_in) {
        container = container.map(|c| strip_in(&c).to_owned());
    }
    // "Medieval European Pilgrimage, c. 700–c. 1500": a title that ends in
    // a span of circa years, which the tagger cut off and read as pages and
    // a date. The grammar's title keeps them, and they are not the work's
    // numbers.
    let circa_title = r
        .title
        .as_deref()
        .filter(|gt| gt.contains("c. ") && gt.bytes().any(|b| b.is_ascii_digit()))
        .filter(|gt| {
            title.as_deref().is_some_and(|tt| {
                gt.strip_prefix(tt).is_some_and(|rest| {
                    rest.split(|c: char| c.is_whitespace() || matches!(c, ',' | '–' | '-'))
                        .filter(|w| !w.is_empty())
                        .all(|w| matches!(w, "c." | "ca.") || w.bytes().all(|b| b.is_ascii_digit()))
                })
            })
        })
        .map(str::to_owned);
    if circa_title.is_some() {
        title = r.title.clone();
    }
    if !marked_title {
        r.title = pick(policy.title, title, r.title.take());
    }
    if !marked_container {
        r.container_title = pick(policy.container, container, r.container_title.take());
    }
    r.publisher = pick(policy.publisher, run(Label::Publisher), r.publisher.take());
    r.publisher_place = pick(policy.place, run(Label::Place), r.publisher_place.take());
    let editors = run(Label::Editor).map(|e| editors_from(strip_in(&e)));
    let grammar_editors = (!r.editors.is_empty()).then(|| std::mem::take(&mut r.editors));
    // "Dupont, J. et Martin, P. (éd.)": a tagged run that stops inside the
    // list the name grammar read whole is the same list cut short.
    let editors = match (editors, &grammar_editors) {
        (Some(e), Some(g))
            if e.len() < g.len()
                && e.first().map(|p| &p.family) == g.first().map(|p| &p.family) =>
        {
            None
        }
        // "Brown, K.: In: White, P. (ed.) Handbook …": a tagged run that
        // starts with the work's own first author, where the grammar read
        // other editors after their marker, took the author for an editor.
        (Some(e), Some(g))
            if e.first().map(|p| &p.family) == r.authors.first().map(|p| &p.family)
                && g.first().map(|p| &p.family) != e.first().map(|p| &p.family) =>
        {
            None
        }
        (e, _) => e,
    };
    r.editors = pick(policy.editors, editors, grammar_editors).unwrap_or_default();
    if policy.trim_authors && policy.authors == Source::Grammar && !group_heads {
        trim_authors(&p.text, &seq.tokens, &labels, &mut r.authors);
    }
    if policy.extend_authors && policy.authors == Source::Grammar && !ditto_alone(&p.text) {
        if let Some(run) = run(Label::Author) {
            extend_authors(&run, &mut r.authors);
        }
    }
    if policy.authors != Source::Grammar {
        let authors = run(Label::Author).map(|e| editors_from(&e));
        let grammar_authors = (!r.authors.is_empty()).then(|| std::mem::take(&mut r.authors));
        r.authors = pick(policy.authors, authors, grammar_authors).unwrap_or_default();
    }
    if policy.date_from_tagger {
        if let Some(y) = run(Label::Date).and_then(|v| run_year(&v)) {
            // "GBD 2019 Risk Factors Collaborators. (2020).": a year in an
            // organisation's name is not the work's date.
            let in_name = r
                .authors
                .iter()
                .any(|a| a.literal && a.family.contains(&y.to_string()));
            let in_title = circa_title
                .as_deref()
                .is_some_and(|t| t.contains(&y.to_string()));
            if !in_name && !in_title && r.issued.is_some_and(|d| d.year != y) {
                r.issued = Some(crate::model::Date {
                    year: y,
                    month: None,
                    day: None,
                });
            }
        }
    }
    let split = (r.volume.clone(), r.issue.clone());
    let num = |l: Label| {
        run(l).and_then(|v| {
            number_value(&v).or_else(|| {
                // "vol. 18, no. 3": the grammar read volume and issue apart.
                let holds = |x: &Option<String>| {
                    x.as_deref()
                        .is_some_and(|x| v.split(|c: char| !c.is_alphanumeric()).any(|w| w == x))
                };
                if l == Label::Volume && holds(&split.0) && holds(&split.1) {
                    return None;
                }
                // "529, 2019 2018": pages run on into other numbers.
                if l == Label::Pages && v.contains([',', ';']) {
                    return None;
                }
                // A page phrase kept as written ("pp. 12–19 b") gets the
                // hyphen every other page range has.
                number_phrase(&v).map(|p| {
                    if l == Label::Pages {
                        p.replace(['–', '—'], "-")
                    } else {
                        p
                    }
                })
            })
        })
    };
    r.volume = pick(policy.numbers, num(Label::Volume), r.volume.take());
    // "Eur. Phys. J. Plus128": a volume glued to the journal's last word is
    // one token to the tagger; the grammar split it.
    if let (Some(c), Some(v)) = (r.container_title.as_mut(), r.volume.as_deref()) {
        if let Some(head) = c.strip_suffix(v) {
            if head.ends_with(char::is_alphabetic) && head.len() > v.len() {
                c.truncate(head.len());
            }
        }
    }
    r.issue = pick(policy.numbers, num(Label::Issue), r.issue.take());
    let pages = num(Label::Pages).filter(|p| {
        !circa_title
            .as_deref()
            .is_some_and(|t| t.replace('–', "-").contains(p.trim_start_matches("c. ")))
    });
    r.pages = pick(policy.numbers, pages, r.pages.take());
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_authors_cuts_where_the_tagged_run_ends() {
        let text = "Turing, Alan, Computing Machinery and Intelligence, Mind 59";
        let tokens = features::tokenize(text);
        let mut labels = vec![Label::Title; tokens.len()];
        labels[0] = Label::Author;
        labels[1] = Label::Author;
        let mut authors = vec![
            Person::new("Turing", Some("Alan")),
            Person::new("Machinery", Some("Computing")),
        ];
        trim_authors(text, &tokens, &labels, &mut authors);
        assert_eq!(authors.len(), 1);
        assert_eq!(authors[0].family, "Turing");
        // A run that does not hold the first grammar author changes nothing.
        let mut authors = vec![
            Person::new("Machinery", Some("Computing")),
            Person::new("Intelligence", None),
        ];
        trim_authors(text, &tokens, &labels, &mut authors);
        assert_eq!(authors.len(), 2);
    }
}
