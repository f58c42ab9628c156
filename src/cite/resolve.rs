//! Resolving each citation to an entry of the same document.
//!
//! Matching is exact first, then tolerant: names compare without
//! diacritics, hyphens and spaces, then by Jaro–Winkler similarity
//! ("Dyer-Witthof" → "Dyer-Witheford", "Ohnsman" → "Ohsman"); short titles
//! compare as word prefixes, then with plurals dropped ("Cultures of
//! Connectivity" → "The Culture of Connectivity"). How good the match was
//! is kept, so the check can report a misspelling while still resolving it.
//!
//! Entries are read through their parsed [`Reference`] where there is one
//! and through their raw text as well, so a citation still resolves when
//! the parser put an author in the wrong field.

use super::scan::{cited_span, Citation, CiteItem, Form};
use super::text::{fold, stem, title_words};
use crate::model::{Entry, Reference};
use crate::parse::tokens::{self, NameStop};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// How closely a cited name or title matched its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Quality {
    /// Spelt as in the entry (case aside), or a short form of the title.
    Exact,
    /// Close: diacritics, hyphens, a letter or two, a plural.
    Fuzzy,
    /// Cited but matching nothing in the entry (a title only: names must
    /// match for a citation to resolve at all).
    Mismatch,
}

/// The entry one cited item resolved to, and how well it matched.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match {
    /// Index of the entry in [`Document::entries`](crate::Document).
    pub entry: usize,
    /// How the cited names matched (`Exact` when no names were cited).
    pub names: Quality,
    /// How the cited title matched, when one was cited.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Quality>,
    /// The cited year and the entry's, when they differ.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year_mismatch: Option<(String, i32)>,
    /// The names as the entry spells them, when the citation spelt them
    /// differently ("Dyer-Witheford, Kjösen and Steinhoff").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry_names: Option<String>,
    /// The entry's title, when the cited title differed from it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry_title: Option<String>,
    /// Another entry the item fits exactly as well: the same authors and
    /// year and nothing cited to tell them apart ("Mugglestone (2000)"
    /// with her edited volume and her chapter in it, both of 2000). Which
    /// is meant is unknown, so neither is reported as never cited.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub also: Option<usize>,
}

/// A citation with the entry each of its items resolved to (`None` for an
/// unresolved item and for footnote markers, which point at notes).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resolution {
    /// The citation.
    pub citation: Citation,
    /// One per item, in order.
    pub targets: Vec<Option<Match>>,
}

impl Resolution {
    /// True when every item that can point at an entry does.
    pub fn is_resolved(&self) -> bool {
        self.citation.form == Form::Footnote || self.targets.iter().all(Option::is_some)
    }
}

/// Resolves `citations` (in text order) against `entries`. Weak citations
/// (a bare name such as `(Pure)`) are kept only when they resolve.
pub fn resolve(citations: Vec<Citation>, entries: &[Entry]) -> Vec<Resolution> {
    let keys = keys_of(entries);
    let any_label = entries.iter().any(|e| e.label.is_some());
    let mut out: Vec<Resolution> = Vec::with_capacity(citations.len());
    let mut previous: Option<usize> = None;
    for citation in citations {
        let targets: Vec<Option<Match>> = citation
            .items
            .iter()
            .map(|item| match citation.form {
                Form::Footnote => None,
                Form::Numeric => item.number.and_then(|n| by_number(n, entries, any_label)),
                _ if item.ibid => previous.map(Match::plain),
                _ => by_item(item, &keys),
            })
            .collect();
        // A weak reading counts only when it resolves. A span of years
        // after a name resolves only to an entry of a year in it: another
        // year ("International Geophysical Year (1957–1958)" against an
        // "International …" of 2014) names an event, not a misdated work.
        let off_year = |m: &Match| {
            m.year_mismatch.as_ref().is_some_and(|(cited, listed)| {
                cited_span(&citation.text, cited).is_some_and(|(a, b)| !(a..=b).contains(listed))
            })
        };
        if citation.weak && targets.iter().all(|t| t.as_ref().is_none_or(off_year)) {
            continue;
        }
        if names_no_list_author(&citation, &targets, &keys) {
            continue;
        }
        if citation.form != Form::Footnote {
            previous = targets.iter().rev().flatten().next().map(|m| m.entry);
        }
        out.push(Resolution { citation, targets });
    }
    unlisted_years(&mut out);
    out
}

/// Unresolves the items that cite an unlisted work of a listed author:
/// "McCauley, 1994" in three places where the list has only McCauley 1985,
/// itself cited as 1985 elsewhere. A wrong year is a slip made once; a
/// year cited again and again, beside the listed year cited right, names
/// another work, whose entry is missing. (Cited only under the other
/// year, the entry's own year may be the slip: that stays a mismatch.)
fn unlisted_years(out: &mut [Resolution]) {
    let mut cited_right: HashSet<usize> = HashSet::new();
    let mut off: HashMap<(usize, &str), usize> = HashMap::new();
    for r in out.iter() {
        for (item, m) in r.citation.items.iter().zip(&r.targets) {
            let Some(m) = m else { continue };
            match &m.year_mismatch {
                Some((cited, _)) => *off.entry((m.entry, cited.as_str())).or_default() += 1,
                None if item.year.is_some() => {
                    cited_right.insert(m.entry);
                }
                None => {}
            }
        }
    }
    let unlisted: HashSet<(usize, String)> = off
        .into_iter()
        .filter(|&((entry, _), n)| n >= 2 && cited_right.contains(&entry))
        .map(|((entry, year), _)| (entry, year.to_owned()))
        .collect();
    if unlisted.is_empty() {
        return;
    }
    for r in out.iter_mut() {
        for t in r.targets.iter_mut() {
            let missing = t.as_ref().is_some_and(|m| {
                m.year_mismatch
                    .as_ref()
                    .is_some_and(|(cited, _)| unlisted.contains(&(m.entry, cited.clone())))
            });
            if missing {
                *t = None;
            }
        }
    }
}

impl Match {
    /// A match by number or position, with nothing to compare.
    pub(crate) fn plain(entry: usize) -> Self {
        Match {
            entry,
            names: Quality::Exact,
            title: None,
            year_mismatch: None,
            entry_names: None,
            entry_title: None,
            also: None,
        }
    }
}

fn by_number(n: u32, entries: &[Entry], any_label: bool) -> Option<Match> {
    let wanted = n.to_string();
    let index = if any_label {
        entries
            .iter()
            .position(|e| e.label.as_deref().map(str::trim) == Some(wanted.as_str()))
    } else {
        let i = n as usize;
        (i >= 1 && i <= entries.len()).then(|| i - 1)
    };
    index.map(Match::plain)
}

/// One way of writing an author of an entry.
#[derive(Debug, Clone)]
struct NameKey {
    display: String,
    exact: String,
    folded: String,
    chars: usize,
    /// A whole name, not one word of it.
    whole: bool,
    /// Belongs to the first author.
    first: bool,
    /// From the parsed reference rather than the raw text.
    parsed: bool,
}

impl NameKey {
    fn new(display: &str, first: bool, parsed: bool) -> Option<Self> {
        Self::with(display, first, parsed, true)
    }

    fn word(display: &str, first: bool) -> Option<Self> {
        Self::with(display, first, false, false)
    }

    fn with(display: &str, first: bool, parsed: bool, whole: bool) -> Option<Self> {
        let display = display.trim().trim_end_matches(['.', ',']).trim();
        let folded = fold(display);
        // A name of one letter is an initial in raw text; only the parser,
        // which has read the list's name order, can call it a family name
        // ("A, G., Wahr, J., & Zhong, S." cited "A et al.").
        let one_letter = parsed && folded.chars().count() == 1;
        if folded.chars().count() < 2 && !one_letter {
            return None;
        }
        Some(NameKey {
            display: display.to_owned(),
            exact: exact_form(display),
            chars: folded.chars().count(),
            folded,
            whole,
            first,
            parsed,
        })
    }
}

/// The form two names are compared in: case and apostrophes aside, and
/// a run of white space as one space, since a name that wraps onto an
/// indented line ("National\n  Marine Fisheries Service") is the same name.
fn exact_form(s: &str) -> String {
    let spaced: Vec<&str> = s.split_whitespace().collect();
    spaced.join(" ").replace('’', "'").to_lowercase()
}

/// What an entry can be matched on.
#[derive(Debug)]
struct Key {
    names: Vec<NameKey>,
    /// The first author as the entry writes it (its first segment), to
    /// tell two authors apart whom one cited word fits.
    head: String,
    /// Titles with a weight: the work's own title first, containers after.
    titles: Vec<(String, Vec<String>, f32)>,
    year: Option<i32>,
    /// How many authors the parsed reference has (many for "et al.").
    authors: Option<usize>,
    /// Years with a letter as written in the entry ("2024a").
    suffixed_years: Vec<String>,
    /// The entry says it has no date ("n.d.").
    undated: bool,
    /// The first letter of the first author's given name, as parsed.
    initial: Option<char>,
    /// Each cited person's initials ("William L." → "WL").
    initials: Vec<String>,
    /// The first author's given names in lower case ("john"), to tell
    /// two authors of one family apart when a citation names them.
    given: String,
    /// The original's year of a reprint or translation listed "(1963)
    /// 1976" (`year` is then the edition's, 1976).
    original: Option<i32>,
    /// Each cited person's family name, in the entry's order, in exact
    /// form (see `exact_form`).
    families: Vec<String>,
    /// The first and last page of an article or chapter ("176–92" →
    /// (176, 192)), to tell which of an author's works a page is in.
    pages: Option<(u32, u32)>,
}

impl Key {
    fn new(entry: &Entry) -> Self {
        let mut names = Vec::new();
        let mut titles = Vec::new();
        let mut year = None;
        if let Some(r) = entry.reference() {
            add_parsed(r, &mut names, &mut titles);
            year = r.year();
        }
        let raw = strip_label(&entry.raw);
        let mut original = None;
        if let Some((first, edition)) = reprint_years(raw) {
            if year.is_none_or(|y| y == first || y == edition) {
                (year, original) = (Some(edition), Some(first));
            }
        }
        // "———. World Malaria Report 2021. …": the names are the entry
        // before's (see `keys_of`); all that follows is title and source.
        let (head, rest) = match ditto_rest(raw) {
            Some(rest) => ("", rest),
            None => split_head(raw),
        };
        let segments: Vec<&str> = head
            .split([',', ';'])
            .flat_map(|s| s.split(" and "))
            .flat_map(|s| s.split(" & "))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        for (i, seg) in segments.iter().enumerate() {
            names.extend(NameKey::new(seg, i == 0, false));
            // "Libu [Board of Rites]": the text cites the name without its
            // translation.
            // Nor "Copernicus Climate Change Service (C3S)" without its
            // acronym.
            let acronym = || {
                let (name, a) = seg.rsplit_once(" (")?;
                let a = a.trim_end_matches(['.', ')']);
                (seg.trim_end_matches('.').ends_with(')')
                    && a.len() >= 2
                    && a.chars().all(|c| c.is_ascii_alphanumeric()))
                .then_some(name)
            };
            if let Some(name) = super::scan::name_before_gloss(seg).or_else(acronym) {
                names.extend(NameKey::new(name, i == 0, false));
            }
            let words: Vec<&str> = seg.split_whitespace().collect();
            if words.len() > 1 {
                for w in &words {
                    if w.chars().filter(|c| c.is_alphabetic()).count() > 1 {
                        names.extend(NameKey::word(w, i == 0));
                    }
                }
                // A family name of several words after given names
                // ("Máire Nic Eoin" is cited "Nic Eoin").
                for k in 1..words.len().saturating_sub(1) {
                    names.extend(NameKey::word(&words[k..].join(" "), i == 0));
                }
            }
        }
        let delimited = delimited_titles(rest);
        if delimited.is_empty() {
            // Plain text loses a book title's italics ("World Health
            // Organization. Global Tuberculosis Report 2021. WHO, 2021."):
            // the sentence after the authors is the title.
            if let Some(t) = undelimited_title(rest) {
                let w = title_words(&t);
                titles.push((t, w, 0.6));
            }
        }
        for (i, t) in delimited.into_iter().enumerate() {
            let w = title_words(&t);
            titles.push((t, w, if i == 0 { 0.9 } else { 0.45 }));
        }
        // "Kanunlar. Vol. 1, …, 1943. Vol. 1 of XV ve XVI ıncı Asırlarda
        // …": MLA names the multivolume work a volume belongs to, by which
        // the text may cite it.
        if let Some(t) = whole_work_title(rest) {
            let w = title_words(&t);
            titles.push((t, w, 0.6));
        }
        // "Agency. n.d. “Title.” Accessed April 8, 2024.": the access date
        // is no year of the work.
        let undated = year.is_none() && is_undated(head, rest);
        if year.is_none() && !undated {
            year = raw_year(raw);
        }
        // An edited book is cited by its editors when it has no authors.
        let persons = entry.reference().map(Reference::cited_persons);
        let authors = entry
            .reference()
            .zip(persons)
            .filter(|(_, p)| !p.is_empty())
            .map(|(r, p)| if r.et_al { p.len().max(3) } else { p.len() });
        let initial = persons
            .and_then(|p| p.first())
            .and_then(|p| p.given.as_deref())
            .and_then(|g| g.chars().next())
            .filter(|c| c.is_uppercase());
        let initials = persons
            .unwrap_or_default()
            .iter()
            .map(|p| {
                p.given.as_deref().map_or_else(String::new, |g| {
                    g.split([' ', '.', '-'])
                        .filter_map(|w| w.chars().next())
                        .filter(|c| c.is_uppercase())
                        .collect()
                })
            })
            .collect();
        let families = persons
            .unwrap_or_default()
            .iter()
            .map(|p| exact_form(&p.family))
            .collect();
        let given = persons
            .and_then(|p| p.first())
            .and_then(|p| p.given.as_deref())
            .map_or_else(String::new, str::to_lowercase);
        Key {
            given,
            original,
            head: segments.first().map_or_else(String::new, |h| exact_form(h)),
            names,
            titles,
            year,
            authors,
            suffixed_years: suffixed_years(raw),
            undated,
            initial,
            initials,
            families,
            pages: entry
                .reference()
                .and_then(|r| r.pages.as_deref())
                .and_then(page_range),
        }
    }
}

/// The first and last page of a range as a list writes it ("176–92",
/// "pp. 34-84", "1131–1140"); the last page written short takes the
/// first's leading digits.
fn page_range(pages: &str) -> Option<(u32, u32)> {
    let t = pages
        .trim()
        .trim_start_matches("pp.")
        .trim_start_matches("p.")
        .trim();
    let (a, b) = t.split_once(['-', '–', '—'])?;
    let (a, b) = (a.trim(), b.trim().trim_end_matches('.'));
    if a.is_empty() || b.is_empty() || !a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit()) {
        return None;
    }
    let first: u32 = a.parse().ok()?;
    let last = if b.len() < a.len() {
        format!("{}{b}", &a[..a.len() - b.len()]).parse().ok()?
    } else {
        b.parse().ok()?
    };
    (first <= last && a.len() <= 6).then_some((first, last))
}

/// True when a locator opens with a division of a whole book: a chapter,
/// a part, a book, catalogue numbers.
fn names_a_book_division(locator: &str) -> bool {
    let first = locator.split_whitespace().next().unwrap_or("");
    matches!(
        first.to_lowercase().as_str(),
        "ch." | "chap." | "chaps." | "chs." | "chapter" | "chapters" | "nos." | "bk." | "pt."
    )
}

/// The page a locator opens with ("65, n. 12", "pp. 163–392", "53–58"),
/// when it opens with one.
fn first_page(locator: &str) -> Option<u32> {
    let t = locator.trim();
    let t = t
        .strip_prefix("pp.")
        .or_else(|| t.strip_prefix("p."))
        .unwrap_or(t)
        .trim_start();
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let next = t[digits.len()..].chars().next();
    if digits.is_empty() || digits.len() > 6 || next.is_some_and(char::is_alphanumeric) {
        return None;
    }
    digits.parse().ok()
}

/// Whether an entry marks its date as missing: "n.d." (or "n. d.", "s.d.",
/// "o. J.") right after the authors or as the last word before the title.
fn is_undated(head: &str, rest: &str) -> bool {
    let at_start = |s: &str| {
        let s = s.trim_start_matches([' ', '.', ',', '(', '\n']);
        ["n.d.", "n. d.", "s.d.", "s. d.", "o. J.", "o.J."]
            .iter()
            .any(|m| s.starts_with(m))
    };
    at_start(rest) || head.contains("(n.d.)") || head.contains(" n.d.")
}

/// What follows the dashes that repeat the previous entry's author
/// ("———. Title. …", "---, et al. …"), or `None` when `raw` opens
/// otherwise.
fn ditto_rest(raw: &str) -> Option<&str> {
    let raw = raw.trim_start();
    let rest = raw.trim_start_matches(['—', '–', '_', '-']);
    (raw.len() - rest.len() >= 2 || raw.starts_with(['—', '–', '_'])).then_some(rest)
}

/// Whether `raw` opens with dashes that repeat the previous entry's
/// names ("———. Title", "---, editor.").
pub(crate) fn is_ditto(raw: &str) -> bool {
    ditto_rest(raw).is_some()
}

/// The keys of every entry; "———." (the same author again) takes the
/// names of the entry before.
fn keys_of(entries: &[Entry]) -> Vec<Key> {
    let mut keys: Vec<Key> = entries.iter().map(Key::new).collect();
    for i in 1..entries.len() {
        if ditto_rest(&entries[i].raw).is_some() {
            let inherited = keys[i - 1].names.clone();
            keys[i].names = inherited;
            keys[i].head = keys[i - 1].head.clone();
        }
    }
    keys
}

fn add_parsed(
    r: &Reference,
    names: &mut Vec<NameKey>,
    titles: &mut Vec<(String, Vec<String>, f32)>,
) {
    for (i, p) in r.cited_persons().iter().enumerate() {
        names.extend(NameKey::new(&p.full_family(), i == 0, true));
        if p.particle.is_some() {
            names.extend(NameKey::new(&p.family, i == 0, true));
        }
    }
    if let Some(t) = &r.title {
        titles.push((t.clone(), title_words(t), 1.0));
    }
    if let Some(t) = &r.container_title {
        titles.push((t.clone(), title_words(t), 0.5));
    }
}

fn strip_label(raw: &str) -> &str {
    let t = raw
        .trim_start()
        .trim_start_matches(['-', '*', '•'])
        .trim_start();
    if let Some(rest) = t.strip_prefix('[') {
        if let Some(close) = rest.find(']') {
            if rest[..close].chars().all(|c| c.is_ascii_digit()) {
                return rest[close + 1..].trim_start();
            }
        }
    }
    t
}

/// Splits an entry into its author part and the rest: the authors end at
/// the first title delimiter or at a full stop after a word (not an
/// initial).
pub(crate) fn split_head(raw: &str) -> (&str, &str) {
    let mut cut = raw.len();
    for d in ['“', '"', '*', '‘', '_'] {
        if let Some(i) = raw.find(d) {
            cut = cut.min(i);
        }
    }
    // "Robert, S. A. (2011). School food …": a date in parentheses ends
    // the authors, whatever full stops follow it.
    let bytes = raw.as_bytes();
    // "Copernicus Climate Change Service (C3S). (2017).": the first
    // bracket may be the name's own.
    if let Some((k, _)) = raw[..cut].match_indices(" (").find(|&(k, _)| {
        let d = &bytes[k + 2..];
        d.starts_with(b"n.d.") || (d.len() >= 4 && d[..4].iter().all(u8::is_ascii_digit))
    }) {
        cut = k;
    }
    let mut i = 0;
    while let Some(off) = raw[i..cut.min(raw.len())].find(". ") {
        let at = i + off;
        let word_len = raw[..at]
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .map_or(0, |w| w.chars().count());
        let next = raw[at + 2..].chars().next();
        // "Dask Development Team. 2016.": a year after the authors ends them.
        // "St. John's College.": an abbreviation inside an organisation's
        // name is no end of it.
        let inner = tokens::name_stop(tokens::word_before_stop(&raw[..at])) == NameStop::Inner;
        // "Kuksa P’yŏnch’an Wiwŏnhoe [National Institute of Korean
        // History]. 2005.": a name's translation closes the names.
        let glossed = raw[..at].ends_with(']') && raw[..at].contains(" [");
        if (word_len > 1 || glossed)
            && !inner
            && (next
                .is_some_and(|c| c.is_uppercase() || !c.is_alphanumeric() || c.is_ascii_digit())
                || raw[at + 2..].starts_with("n.d."))
        {
            cut = at;
            break;
        }
        i = at + 2;
        if i >= bytes.len() {
            break;
        }
    }
    (&raw[..cut], &raw[cut..])
}

/// What MLA writes after the names of people who did not write the work.
const ROLES: &[&str] = &[
    "editors",
    "editor",
    "eds",
    "ed",
    "translators",
    "translator",
    "compilers",
    "compiler",
];

/// Quoted and italic titles, in order of appearance.
/// The first sentence after the authors, past a year in parentheses
/// ("(2014). Advanced R. Chapman …" → "Advanced R").
fn undelimited_title(rest: &str) -> Option<String> {
    let mut r = rest.trim_start_matches(['.', ',', ' ', '\n']);
    // "———, editors. Interactive Governance …": the role of the names
    // the dashes repeat is no title.
    for role in ROLES {
        if let Some(after) = r.strip_prefix(role).and_then(|a| a.strip_prefix(". ")) {
            r = after.trim_start();
            break;
        }
    }
    if r.starts_with('(') {
        let close = r.find(')')?;
        r = r[close + 1..].trim_start_matches(['.', ' ', '\n']);
    }
    let end = r.find(". ").unwrap_or(r.len());
    let t = r[..end].trim().trim_end_matches(['.', ',']);
    let words = t.split_whitespace().count();
    ((2..=25).contains(&words) && t.chars().any(char::is_alphabetic)).then(|| t.to_owned())
}

fn delimited_titles(rest: &str) -> Vec<String> {
    let mut out: Vec<(usize, String)> = Vec::new();
    for (open, close) in [("“", "”"), ("\"", "\""), ("‘", "’"), ("*", "*"), ("_", "_")] {
        let mut from = 0;
        while let Some(s) = rest[from..].find(open) {
            let start = from + s + open.len();
            let Some(e) = rest[start..].find(close) else {
                break;
            };
            let t = rest[start..start + e].trim().trim_end_matches(['.', ',']);
            if t.chars().any(char::is_alphabetic) {
                out.push((from + s, t.to_owned()));
            }
            from = start + e + close.len();
            if out.len() > 4 {
                break;
            }
        }
    }
    out.sort_by_key(|(at, _)| *at);
    out.into_iter().map(|(_, t)| t).collect()
}

/// "2024a" and the like: the letters that tell one author's works of a
/// year apart.
fn suffixed_years(raw: &str) -> Vec<String> {
    let b = raw.as_bytes();
    (0..b.len().saturating_sub(4))
        .filter(|&i| {
            b[i..i + 4].iter().all(u8::is_ascii_digit)
                && b[i + 4].is_ascii_lowercase()
                && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
                && b.get(i + 5).is_none_or(|c| !c.is_ascii_alphanumeric())
        })
        .map(|i| raw[i..i + 5].to_owned())
        .collect()
}

fn raw_year(raw: &str) -> Option<i32> {
    let bytes = raw.as_bytes();
    let mut best = None;
    let mut i = 0;
    while i + 4 <= bytes.len() {
        if bytes[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !bytes[i - 1].is_ascii_digit())
            && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit())
        {
            if let Ok(y) = raw[i..i + 4].parse::<i32>() {
                if (1500..=2100).contains(&y) {
                    best = Some(y);
                    break;
                }
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    best
}

/// A cited name prepared once for comparison with every entry.
struct Cited {
    /// The name as cited, for comparing abbreviations ("U.S.").
    display: String,
    exact: String,
    folded: String,
    chars: usize,
    /// "OECD", "AI": matches only a whole name, never a word of one.
    acronym: bool,
}

impl Cited {
    fn new(name: &str) -> Self {
        let folded = fold(name);
        Cited {
            display: name.split_whitespace().collect::<Vec<_>>().join(" "),
            exact: exact_form(name),
            chars: folded.chars().count(),
            folded,
            acronym: super::scan::is_acronym(name),
        }
    }
}

/// How well one cited name matches one key: 1.0 exact, less when fuzzy.
fn name_score(cited: &Cited, key: &NameKey) -> Option<(f32, Quality)> {
    if cited.acronym && !key.whole {
        return None;
    }
    if cited.exact == key.exact {
        return Some((1.0, Quality::Exact));
    }
    // "United States Environmental Protection Agency" is the entry's
    // "U.S. Environmental Protection Agency" spelt out, not misspelt.
    if key.whole && same_but_abbreviated(&cited.display, &key.display) {
        return Some((1.0, Quality::Exact));
    }
    let f = &cited.folded;
    if *f == key.folded {
        return Some((0.95, Quality::Fuzzy));
    }
    let (a, b) = (cited.chars, key.chars);
    // A misspelling keeps the first letter; comparing only such names
    // spares the Jaro–Winkler pass for nearly every pair. A three-letter
    // citation may still have lost one letter of a longer name ("Hil").
    if a < 3
        || b < 4
        || a.abs_diff(b) > a.max(b) / 2
        || f.chars().next() != key.folded.chars().next()
    {
        return None;
    }
    let jw = strsim::jaro_winkler(f, &key.folded) as f32;
    if jw < 0.84 {
        return None;
    }
    // Edits with a swap of neighbours counted as one ("Kitcihn").
    let edits = strsim::osa_distance(f, &key.folded);
    // Long compound names survive more damage ("Dyer-Witthof" for
    // "Dyer-Witheford"); short ones only a letter.
    let longest = a.max(b);
    let limit = match longest {
        10.. => longest * 2 / 5,
        8..=9 => 3,
        _ => 1,
    };
    let ok = edits <= limit && (jw >= 0.88 || edits == 1);
    ok.then_some((jw * 0.9, Quality::Fuzzy))
}

/// The title of the multivolume work after MLA's "Vol. 2 of": up to the
/// entry's end or the next full stop followed by a space.
fn whole_work_title(rest: &str) -> Option<String> {
    rest.match_indices("ol. ").find_map(|(at, _)| {
        let after = &rest[at + 4..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let title = after.get(digits..)?.strip_prefix(" of ")?;
        let end = title.find(". ").unwrap_or(title.len());
        let title = title[..end].trim().trim_end_matches('.');
        (digits > 0 && title.len() > 3).then(|| title.to_owned())
    })
}

/// Whether the cited year is one off the year of the entry `best` and at
/// least three off every other listed work whose first author is `head`.
fn one_year_off_one_work(keys: &[Key], head: &str, best: usize, cited: Option<i32>) -> bool {
    let (Some(cited), Some(year)) = (cited, keys[best].year) else {
        return false;
    };
    (cited - year).abs() == 1
        && keys.iter().enumerate().all(|(i, k)| {
            i == best || k.head != head || k.year.is_some_and(|y| (cited - y).abs() >= 3)
        })
}

/// Whether `a` and `b` are one organisation's name with a part abbreviated
/// in one of them: "U.S." (or "US") for "United States", "Dept." for
/// "Department". Every other word must be the same, and one abbreviation
/// at least must stand for words, so that the rule never decides what
/// plain comparison does.
fn same_but_abbreviated(a: &str, b: &str) -> bool {
    let cheap =
        |s: &str| s.contains('.') || s.split_whitespace().any(|w| acronym_letters(w).is_some());
    if !(cheap(a) || cheap(b)) {
        return false;
    }
    let wa: Vec<&str> = a.split_whitespace().collect();
    let wb: Vec<&str> = b.split_whitespace().collect();
    if wa.len() < 2 && wb.len() < 2 {
        return false;
    }
    let (mut i, mut j, mut used) = (0, 0, false);
    let same = |x: &str, y: &str| {
        exact_form(x.trim_end_matches(',')) == exact_form(y.trim_end_matches(','))
    };
    while i < wa.len() && j < wb.len() {
        if same(wa[i], wb[j]) {
            i += 1;
            j += 1;
            continue;
        }
        if let Some(n) = expands(wa[i], &wb[j..]) {
            i += 1;
            j += n;
        } else if let Some(n) = expands(wb[j], &wa[i..]) {
            j += 1;
            i += n;
        } else {
            return false;
        }
        used = true;
    }
    used && i == wa.len() && j == wb.len()
}

/// The capitals of an acronym: "U.S." and "US" give "US"; two to five
/// capitals, dotted or not.
fn acronym_letters(w: &str) -> Option<String> {
    let letters: String = w.chars().filter(|c| *c != '.').collect();
    let n = letters.chars().count();
    ((2..=5).contains(&n) && letters.chars().all(|c| c.is_uppercase())).then_some(letters)
}

/// How many of `words` the abbreviation `abbr` stands for: an acronym for
/// as many capitalised words with its letters as initials (or another
/// writing of the same acronym), a word cut short with a full stop
/// ("Dept.") for one word with its letters in order.
fn expands(abbr: &str, words: &[&str]) -> Option<usize> {
    if let Some(letters) = acronym_letters(abbr) {
        if words.first().and_then(|w| acronym_letters(w)).as_deref() == Some(letters.as_str()) {
            return Some(1);
        }
        let n = letters.chars().count();
        let initials: String = words
            .iter()
            .take(n)
            .filter_map(|w| w.chars().next())
            .collect();
        let capitalised = words
            .iter()
            .take(n)
            .all(|w| w.starts_with(char::is_uppercase));
        return (words.len() >= n && capitalised && initials == letters).then_some(n);
    }
    let short = abbr.strip_suffix('.')?.to_lowercase();
    let long = words.first()?.to_lowercase();
    if short.chars().count() < 2
        || long.len() <= short.len()
        || long.chars().next() != short.chars().next()
    {
        return None;
    }
    // The letters of "dept" in order in "department".
    let mut rest = long.chars();
    short.chars().all(|c| rest.any(|l| l == c)).then_some(1)
}

/// How well a cited short title matches one of an entry's titles.
fn title_score(cited: &[String], title: &[String]) -> Option<Quality> {
    if cited.is_empty() || title.is_empty() {
        return None;
    }
    if title.starts_with(cited) {
        return Some(Quality::Exact);
    }
    // Short titles drop punctuation and small words ("Embeddings,
    // Inference, and Interpretable"): the same words in order are exact.
    let content = |ws: &[String]| -> Vec<String> {
        ws.iter()
            .filter(|w| {
                !matches!(
                    w.as_str(),
                    "and" | "the" | "of" | "a" | "an" | "in" | "on" | "for" | "to"
                )
            })
            .cloned()
            .collect()
    };
    let (cc, tc) = (content(cited), content(title));
    if !cc.is_empty() && tc.starts_with(&cc) {
        return Some(Quality::Exact);
    }
    // A long title cited without one word of it, most often an acronym the
    // list gives in brackets ("… Surveillance System (GLASS) Report 2022").
    if cc.len() >= 4
        && (1..tc.len().min(cc.len() + 1)).any(|k| {
            tc[..k] == cc[..k] && tc[k + 1..].starts_with(&cc[k..]) && !cc.contains(&tc[k])
        })
    {
        return Some(Quality::Exact);
    }
    let cs: Vec<&str> = cited.iter().map(|w| stem(w)).collect();
    let ts: Vec<&str> = title.iter().map(|w| stem(w)).collect();
    if ts.starts_with(&cs) {
        return Some(Quality::Fuzzy);
    }
    let shared = cs.iter().filter(|w| ts.contains(w)).count();
    let joined_c = cs.join(" ");
    let joined_t = ts[..ts.len().min(cs.len() + 1)].join(" ");
    let jw = strsim::jaro_winkler(&joined_c, &joined_t);
    if (shared * 3 >= cs.len() * 2 && cs.len() >= 2) || jw >= 0.9 {
        return Some(Quality::Fuzzy);
    }
    None
}

/// The largest share of one of `titles`' words that the cited short
/// title `cited` covers from its start: 1.0 when it is a whole title.
fn title_coverage(cited: &[String], titles: &[(String, Vec<String>, f32)]) -> f32 {
    titles
        .iter()
        .filter(|(_, w, _)| !w.is_empty() && w.starts_with(cited))
        .map(|(_, w, _)| cited.len() as f32 / w.len() as f32)
        .fold(0.0, f32::max)
}

struct Candidate {
    score: f32,
    found: Match,
}

fn by_item(item: &CiteItem, keys: &[Key]) -> Option<Match> {
    // "(Bibliothèque nationale de France, 2024)": an organisation whose
    // name has words in lower case reads as a short title with a year for
    // its locator. An author of that name and year is the better reading.
    if let Some(found) = as_organisation(item).and_then(|org| by_names(&org, keys)) {
        if found.names == Quality::Exact {
            return Some(found);
        }
    }
    // An anonymous work's title where the list puts authors: word for
    // word and of the cited year, it beats a title that only resembles it.
    let anonymous = title_as_name(item)
        .and_then(|named| by_names(&named, keys))
        .filter(|m| m.names == Quality::Exact);
    if anonymous
        .as_ref()
        .is_some_and(|m| m.year_mismatch.is_none())
    {
        return anonymous;
    }
    // "Boorman (Ottaviano Petrucci 1131–40)": the author named before the
    // parenthesis, and what reads as names in it the start of one of that
    // author's titles: a surer reading than a name that the list has as
    // someone else's (Petrucci printed an anonymous work listed).
    // "van Orden (Music, Authorship, and the Book …)": a title with a
    // comma reads as a name and then a title.
    if let Some(author) = item.author_before.as_deref() {
        let words = item.names.iter().chain(&item.title);
        let titled = CiteItem {
            names: vec![author.to_owned()],
            title: Some(words.cloned().collect::<Vec<_>>().join(" ")),
            author_before: None,
            ..item.clone()
        };
        let found = by_names(&titled, keys)
            .filter(|m| m.names == Quality::Exact && m.title == Some(Quality::Exact));
        if found.is_some() {
            return found;
        }
    }
    let first = by_names(item, keys);
    if first.as_ref().is_some_and(|f| f.names == Quality::Exact) {
        return first;
    }

    // "(John von Neumann 1956)": citeproc adds the given name to tell two
    // authors of one family apart; the entry must carry that given name.
    // "(Georgia Beatrice Cua 2005)": every given name written out.
    for (given, family) in item
        .names
        .first()
        .into_iter()
        .flat_map(|n| given_and_family(n))
    {
        let mut bare = item.clone();
        bare.names[0] = family.to_owned();
        bare.given = Some(given.to_lowercase());
        let found = by_names(&bare, keys)
            .filter(|m| m.names == Quality::Exact && gives(&keys[m.entry], given));
        if found.is_some() {
            return found;
        }
    }
    // "Yi Sŏng-mu (1994)": a name written family first, as East Asian
    // names are; the narrative caught the given name. The word before is
    // the family, and the entry's given name must fit what was cited.
    if let (Some(family), [given]) = (item.word_before.as_deref(), item.names.as_slice()) {
        let mut named = item.clone();
        named.names = vec![family.to_owned()];
        named.word_before = None;
        let given = given.to_lowercase();
        let found = by_names(&named, keys).filter(|m| {
            let own = &keys[m.entry].given;
            let initial = own.chars().next().is_some_and(|c| given.starts_with(c));
            m.names == Quality::Exact
                && m.year_mismatch.is_none()
                && initial
                && (own.trim_end_matches('.').chars().count() <= 2 || own.contains(given.as_str()))
        });
        if found.is_some() {
            return found;
        }
    }
    // "(The Huarochirí Manuscript, 1608/1991, 9)": an anonymous work's
    // title read as a name, where the parser gave its entry the
    // translators after the title for authors. Its whole title, word for
    // word and of the cited year.
    if let ([name], None) = (item.names.as_slice(), item.title.as_ref()) {
        if name.split_whitespace().count() >= 2
            && first.as_ref().is_none_or(|f| f.names != Quality::Exact)
        {
            let titled = CiteItem {
                names: Vec::new(),
                title: Some(name.clone()),
                context_name: None,
                ..item.clone()
            };
            let found = by_names(&titled, keys)
                .filter(|m| m.title == Some(Quality::Exact) && m.year_mismatch.is_none());
            if found.is_some() {
                return found;
            }
        }
    }
    // "National Institute of Standards and Technology" was read as two
    // authors; try the names joined back where an "and" split them. A
    // reading that names the entry exactly beats one that only comes close
    // ("Food" and "Agriculture Organization …" fit "Food and Agriculture
    // Organization …" loosely).
    let mut readings = vec![item.clone()];
    let mut first = first;
    // "Díaz" and "Díaz" may be one Spanish double surname, "Díaz y Díaz".
    let joins = (0..item.names.len().saturating_sub(1)).flat_map(|i| [(i, " and "), (i, " y ")]);
    for (i, joiner) in joins {
        let mut merged = item.clone();
        let joined = format!("{}{joiner}{}", merged.names[i], merged.names[i + 1]);
        merged.names.splice(i..i + 2, [joined]);
        if let Some(found) = by_names(&merged, keys) {
            if found.names == Quality::Exact {
                return Some(found);
            }
            first = first.or(Some(found));
        }
        readings.push(merged);
    }
    // A fuzzy reading of all the words as names ("International Labour
    // Organization, Minimum Wages" close to the organisation's other
    // work) yields to one that reads the last words as a title the entry
    // has word for word, its authors named exactly. Only MLA cites by
    // name and title without a year, and only several names may hide one.
    if let Some(f) = first {
        if item.year.is_some() || item.names.len() < 2 {
            return Some(f);
        }
        return Some(titled_reading(&readings, keys, true).unwrap_or(f));
    }
    if let Some(found) = titled_reading(&readings, keys, false) {
        return Some(found);
    }
    as_bare_title(item)
        .and_then(|titled| by_names(&titled, keys))
        .filter(|m| m.title == Some(Quality::Exact))
        .or_else(|| by_main_title_word(item, keys))
        .or(anonymous)
        .or_else(|| by_earlier_work(item, keys))
}

/// A name before a year and locator that names no author ("the best in
/// Scotland (1818, fol. 36v)"), read as the work of that year cited just
/// above, which the scanner keeps as the item's context name: exactly its
/// author, exactly its year.
fn by_earlier_work(item: &CiteItem, keys: &[Key]) -> Option<Match> {
    item.context_name
        .as_ref()
        .filter(|_| !item.names.is_empty())?;
    let earlier = CiteItem {
        names: Vec::new(),
        et_al: false,
        ..item.clone()
    };
    by_names(&earlier, keys).filter(|m| m.names == Quality::Exact && m.year_mismatch.is_none())
}

/// MLA's short title of one word with a page, its author named in the
/// sentence ("van Orden (Materialities 4–11)"): read as a name, it is the
/// whole main title of one entry (the title before its subtitle).
fn by_main_title_word(item: &CiteItem, keys: &[Key]) -> Option<Match> {
    let ([word], None, Some(_), None) = (
        item.names.as_slice(),
        item.title.as_ref(),
        item.locator.as_ref(),
        item.year.as_ref(),
    ) else {
        return None;
    };
    let cited = title_words(word);
    if cited.len() != 1 || word.chars().count() < 5 {
        return None;
    }
    let main = |k: &Key| {
        k.titles
            .first()
            .map(|(t, _, _)| title_words(t.split(':').next().unwrap_or(t)))
    };
    let mut hits = keys
        .iter()
        .enumerate()
        .filter(|(_, k)| main(k).as_ref() == Some(&cited));
    let (entry, _) = hits.next()?;
    if hits.next().is_some() {
        return None;
    }
    Some(Match {
        entry,
        names: Quality::Exact,
        title: Some(Quality::Exact),
        year_mismatch: None,
        entry_names: None,
        entry_title: None,
        also: None,
    })
}

/// "Giovanni Gabrieli (1834)": a narrative name after a given name written
/// out that resolves to nothing, and neither word is a list author's name.
/// Citeproc writes a given name only to tell two list authors apart, so
/// this names a work in prose ("whose study of Giovanni Gabrieli (1834)"),
/// not a citation of a missing entry.
fn names_no_list_author(citation: &Citation, targets: &[Option<Match>], keys: &[Key]) -> bool {
    let ([item], [None]) = (citation.items.as_slice(), targets) else {
        return false;
    };
    let Some(given) = item.word_before.as_deref().filter(|_| item.given_in_prose) else {
        return false;
    };
    if citation.form != Form::Narrative || item.names.len() != 1 || given.chars().count() < 2 {
        return false;
    }
    let listed = |name: &str| {
        let bare = CiteItem {
            names: vec![name.to_owned()],
            ..CiteItem::default()
        };
        by_names(&bare, keys).is_some()
    };
    !listed(given) && !listed(&item.names[0])
}

/// A reprint's two years where an entry gives its date, "(1963) 1976" or
/// "[1963] 1976" (Chicago): the original's and the edition's.
fn reprint_years(raw: &str) -> Option<(i32, i32)> {
    let b = raw.as_bytes();
    let head = &b[..b.len().min(300)];
    head.windows(12).find_map(|w| {
        let digits = |r: &[u8]| r.iter().all(u8::is_ascii_digit);
        (matches!((w[0], w[5]), (b'(', b')') | (b'[', b']'))
            && w[6] == b' '
            && digits(&w[1..5])
            && digits(&w[7..11])
            && !w[11].is_ascii_digit())
        .then(|| {
            let year = |r: &[u8]| std::str::from_utf8(r).ok()?.parse::<i32>().ok();
            Some((year(&w[1..5])?, year(&w[7..11])?))
        })
        .flatten()
        .filter(|(a, b)| a < b)
    })
}

/// An anonymous work cited by its title ("(Kyŏngguk taejŏn, 1485/1985)")
/// read as a name: APA lists such a work with its title where the
/// authors go, and the parser takes it for a corporate author.
fn title_as_name(item: &CiteItem) -> Option<CiteItem> {
    if !item.names.is_empty() || item.context_name.is_some() {
        return None;
    }
    let title = item.title.as_deref()?;
    Some(CiteItem {
        names: vec![title.to_owned()],
        title: None,
        ..item.clone()
    })
}

/// A cited name that opens with given names ("John von Neumann",
/// "Georgia Beatrice Cua"): each reading of it as given names and the
/// rest, the shortest given name first.
fn given_and_family(name: &str) -> Vec<(&str, &str)> {
    let name = name.trim();
    name.match_indices(' ')
        .take(2)
        .map(|(k, _)| (&name[..k], &name[k..]))
        // The given names are whole words of letters.
        .filter(|(given, _)| {
            // ("Yeh-chien": a hyphen between its syllables.)
            given.split(' ').all(|w| {
                w.chars().count() >= 2
                    && w.starts_with(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || c == '-')
            })
        })
        .filter_map(|(given, rest)| Some((given, family_after_initials(rest)?)))
        .collect()
}

/// Whether every given name written in a citation ("Yeh-chien",
/// "Georgia Beatrice") is one of the entry's first author's, word for word.
fn gives(key: &Key, given: &str) -> bool {
    let own: Vec<&str> = key
        .given
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    given
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .all(|g| own.iter().any(|w| *w == g))
}

/// The family name in `rest`, the words after the given names: past a
/// middle initial ("John V. Murra"), starting with a letter, at most three
/// words.
fn family_after_initials(rest: &str) -> Option<&str> {
    let mut family = rest.trim();
    while let Some(after) = family
        .split_once(' ')
        .filter(|(w, _)| w.len() == 2 && w.ends_with('.') && w.starts_with(char::is_uppercase))
        .map(|(_, r)| r.trim_start())
    {
        family = after;
    }
    (family.starts_with(|c: char| c.is_alphabetic()) && family.split_whitespace().count() <= 3)
        .then_some(family)
}

/// The first of `readings` that, with its last names read as a title,
/// matches an entry's title exactly (and, when `exact_names`, its authors
/// exactly too).
fn titled_reading(readings: &[CiteItem], keys: &[Key], exact_names: bool) -> Option<Match> {
    // "(Hill, Who Owns Speculative Platforms 84)", "(Jentoft and
    // Chuenpagdee, Interactive Governance for Small-Scale Fisheries 3–4)",
    // "(Food and Agriculture Organization …, The State of World Fisheries
    // and Aquaculture 2018 5–7)": an MLA short title left without quotes
    // reads as more names after the authors'. Each reading is tried with
    // its last names as the title; only a title matched from its start
    // counts.
    for reading in readings {
        if reading.title.is_some() {
            continue;
        }
        for k in 1..reading.names.len() {
            let mut titled = reading.clone();
            let title = titled.names.split_off(k).join(" ");
            titled.title = Some(title.clone());
            // A year after such a title may belong to it ("… Aquaculture
            // 2018 5–7").
            let with_year = reading.year.as_ref().map(|y| CiteItem {
                title: Some(format!("{title} {y}")),
                year: None,
                ..titled.clone()
            });
            for t in std::iter::once(titled).chain(with_year) {
                if let Some(found) = by_names(&t, keys) {
                    if found.title == Some(Quality::Exact)
                        && (!exact_names || found.names == Quality::Exact)
                    {
                        return Some(found);
                    }
                }
            }
        }
    }
    None
}

/// A short title with a year alone for its locator (or, unquoted, with
/// none), read as an organisation's name and the year.
fn as_organisation(item: &CiteItem) -> Option<CiteItem> {
    if !item.names.is_empty() || item.year.is_some() || item.et_al || item.ibid {
        return None;
    }
    let title = item.title.as_deref()?;
    // "(Agence temporaire des poids et mesures 1795, fols. 44r–47v)",
    // "(China. Maritime Customs 1917, 1:404–410)": as Chicago writes an
    // author and its year, no comma between.
    let bare = title.trim_matches(|c: char| matches!(c, '“' | '”' | '"'));
    if let Some((name, year)) = bare.rsplit_once(' ').filter(|(n, y)| {
        let digits = y.bytes().take_while(u8::is_ascii_digit).count();
        digits == 4 && y.len() <= 5 && n.split_whitespace().count() >= 2
    }) {
        return Some(CiteItem {
            names: vec![name.trim().to_owned()],
            title: None,
            year: Some(year.to_owned()),
            ..item.clone()
        });
    }
    // MLA names the organisation alone: "(Archivo General de Indias)".
    let year = match item.locator.as_deref().map(str::trim) {
        Some(y) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => Some(y.to_owned()),
        Some(_) => return None,
        None => None,
    };
    let name = title.trim_matches(|c: char| matches!(c, '“' | '”' | '"' | '\'' | '‘' | '’'));
    // Quotes mark a title, not a name.
    let quoted = name.len() != title.len();
    (!name.is_empty() && (year.is_some() || !quoted)).then(|| CiteItem {
        names: vec![name.to_owned()],
        title: None,
        year,
        locator: None,
        ..item.clone()
    })
}

/// "(World Health Statistics 2020, table 2.1)": an MLA short title that
/// lost its italics, its author named in the sentence, reads as a name and
/// a year. When no author has that name, the words (and the year, which
/// belongs to such a title) are tried as a title alone. Only a title of
/// two words or more, matched word for word from its start, is taken: one
/// capitalised word is as likely an author missing from the list.
fn as_bare_title(item: &CiteItem) -> Option<CiteItem> {
    if item.names.is_empty() || item.title.is_some() || item.et_al || item.ibid {
        return None;
    }
    let mut title = item.names.join(" ");
    if let Some(y) = &item.year {
        title.push(' ');
        title.push_str(y);
    }
    if title_words(&title).len() < 2 {
        return None;
    }
    Some(CiteItem {
        names: Vec::new(),
        title: Some(title),
        year: None,
        context_name: None,
        ..item.clone()
    })
}

fn by_names(item: &CiteItem, keys: &[Key]) -> Option<Match> {
    let from_context = item.names.is_empty();
    let names: Vec<String> = if from_context {
        match &item.context_name {
            // The family name is usually the last word ("Marcus Burkhardt").
            Some(n) => {
                let words: Vec<&str> = n.split_whitespace().collect();
                let mut tries: Vec<String> =
                    words.last().map(|w| (*w).to_owned()).into_iter().collect();
                tries.push(n.clone());
                tries.extend(words.iter().rev().skip(1).map(|w| (*w).to_owned()));
                let found = tries.into_iter().find(|t| {
                    let cited = Cited::new(t);
                    keys.iter().any(|k| {
                        k.names
                            .iter()
                            .any(|nk| nk.first && name_score(&cited, nk).is_some())
                    })
                });
                found.into_iter().collect()
            }
            None => Vec::new(),
        }
    } else {
        item.names.clone()
    };
    let cited_title = item.title.as_deref().map(title_words);
    if names.is_empty() && cited_title.is_none() {
        return None;
    }
    let cited_year = item
        .year
        .as_deref()
        .and_then(|y| y.get(..4)?.parse::<i32>().ok());
    let cited: Vec<Cited> = names.iter().map(|n| Cited::new(n)).collect();
    let mut best: Option<Candidate> = None;
    // The best score of an entry whose first author is another than the
    // best's (see the end).
    let mut rival: Option<(f32, usize)> = None;
    for (index, key) in keys.iter().enumerate() {
        let mut score = 0.0;
        let mut quality = Quality::Exact;
        let mut spelled = Vec::new();
        let mut names_ok = true;
        for (i, n) in cited.iter().enumerate() {
            let hit = key
                .names
                .iter()
                .filter(|k| i > 0 || k.first)
                .filter_map(|k| {
                    name_score(n, k).map(|(s, q)| (s + if k.parsed { 0.05 } else { 0.0 }, q, k))
                })
                .max_by(|a, b| a.0.total_cmp(&b.0));
            match hit {
                Some((s, q, k)) => {
                    score += s;
                    quality = quality.max(q);
                    spelled.push(k.display.clone());
                }
                None => {
                    names_ok = false;
                    break;
                }
            }
        }
        if !names_ok {
            // A title alone may still find its work; the named author then
            // only breaks ties.
            if !from_context || cited_title.is_none() {
                continue;
            }
            score = 0.0;
            quality = Quality::Exact;
            spelled.clear();
        } else if from_context && !names.is_empty() {
            score += 1.0;
        }
        let mut title_quality = None;
        let mut entry_title = None;
        if let Some(ct) = &cited_title {
            let hit = key
                .titles
                .iter()
                .filter_map(|(t, w, weight)| title_score(ct, w).map(|q| (q, t, *weight)))
                .max_by(|a, b| {
                    let sa = a.2 * if a.0 == Quality::Exact { 2.0 } else { 1.0 };
                    let sb = b.2 * if b.0 == Quality::Exact { 2.0 } else { 1.0 };
                    sa.total_cmp(&sb)
                });
            match hit {
                Some((q, t, weight)) => {
                    score += weight * if q == Quality::Exact { 2.0 } else { 1.5 };
                    // "The Digital Divide" is the whole title of one work
                    // and the start of another's ("The Digital Divide
                    // Shifts to …"): the title the cited words cover more
                    // of, the whole of it best, is the one meant.
                    if q == Quality::Exact {
                        score += 0.1 * title_coverage(ct, &key.titles);
                    }
                    title_quality = Some(q);
                    if q != Quality::Exact {
                        entry_title = Some(t.clone());
                    }
                }
                None if names.is_empty() || (from_context && score == 0.0) => continue,
                None => {
                    title_quality = Some(Quality::Mismatch);
                    entry_title = key.titles.first().map(|(t, _, _)| t.clone());
                }
            }
        }
        // Among one author's works, "et al." points at those with three or
        // more authors, a lone name at the single-authored ones, and
        // "2024a" at the entry so marked.
        if let (Some(n), false) = (key.authors, from_context) {
            let cited_n = names.len();
            if item.et_al {
                score += if n >= 3 { 0.3 } else { -0.3 };
            } else if n == cited_n {
                score += 0.3;
            } else if n > cited_n {
                score -= 0.2;
            }
        }
        if let Some(y) = item.year.as_deref().filter(|y| y.len() == 5) {
            if key.suffixed_years.iter().any(|s| s == y) {
                score += 0.6;
            } else if !key.suffixed_years.is_empty() {
                score -= 0.3;
            }
        }
        // "P. Hinrichs" and "C. C. Hinrichs": the initial tells them apart.
        if let (Some(cited), Some(initial)) = (item.initials.as_deref(), key.initial) {
            score += if cited.starts_with(initial) {
                0.3
            } else {
                -0.3
            };
        }
        // "Matthew Rodell et al." against "Rodell, M." and "Rodell,
        // Matthew": the given name written out tells them apart.
        if let Some(given) = item.given.as_deref() {
            score += if gives(key, given) { 0.4 } else { -0.4 };
        }
        // "R. Rao et al." against "Rao, Roshan" and "Rao, Roshan M.": all
        // the initials written tell the two apart.
        if let (Some(cited), Some(own)) = (item.initials.as_deref(), key.initials.first()) {
            let cited: String = cited.chars().filter(|c| c.is_uppercase()).collect();
            if own.chars().next().is_some_and(|c| cited.starts_with(c)) {
                score += if cited == *own { 0.1 } else { -0.1 };
            }
        }
        // "Steinegger, Mirdita, et al." against "Steinegger, Meier,
        // Mirdita, …" and "Steinegger, Mirdita, Söding": names added to
        // tell works apart are the entry's next authors, in order.
        for (i, n) in cited.iter().enumerate().skip(1) {
            if key.families.get(i).is_some_and(|f| *f == n.exact) {
                score += 0.2;
            }
        }
        // "Neumark and W. L. Wascher" against "Wascher, William": a
        // co-author's initials written in full tell two works apart.
        for (k, cited) in &item.later_initials {
            if let Some(own) = key.initials.get(*k).filter(|o| !o.is_empty()) {
                score += if own == cited { 0.3 } else { -0.3 };
            }
        }
        if item.year.as_deref() == Some("n.d.") {
            if key.undated {
                score += 0.5;
            } else if key.year.is_some() {
                score -= 0.25;
            }
        }
        // "(Heartz 65)" with an article of Heartz's on pages 176–92 and a
        // book in the list: a page outside an article's pages is in
        // another of the author's works.
        if let (Some(page), Some((a, b))) =
            (item.locator.as_deref().and_then(first_page), key.pages)
        {
            score += if (a..=b).contains(&page) { 0.2 } else { -0.2 };
        }
        // "(Heartz, ch. 4)", "(Heartz, nos. 1–174)": a book's division or
        // catalogue numbers, which an article on a few pages lacks.
        if key.pages.is_some() && item.locator.as_deref().is_some_and(names_a_book_division) {
            score -= 0.2;
        }
        let mut year_mismatch = None;
        if let (Some(cy), Some(ey)) = (cited_year, key.year) {
            // A reprint cited "1913/1964" is listed under either year.
            let original = item
                .original_year
                .as_deref()
                .and_then(|y| y.parse::<i32>().ok());
            if cy == ey {
                // "Frizot 1998" beside "Frizot [1994] 1998": an entry with
                // an original year the citation leaves out is the lesser
                // fit, as author-date styles cite both years.
                score += if key.original.is_some() && original.is_none() {
                    0.45
                } else {
                    0.5
                };
            } else if original == Some(ey) || key.original == Some(cy) {
                // The cited edition's year beats the original's, when the
                // list has both ("Miyazaki 1963" and its 1976 translation).
                score += 0.45;
            } else {
                score -= 0.25;
                year_mismatch = item.year.clone().map(|y| (y, ey));
            }
        }
        let better = best.as_ref().is_none_or(|b| score > b.score + 1e-4);
        if let Some(b) = best.as_ref() {
            let (loser, loser_score) = if better {
                (b.found.entry, b.score)
            } else {
                (index, score)
            };
            if rival.is_none_or(|(s, _)| loser_score > s) {
                rival = Some((loser_score, loser));
            }
        }
        if better {
            let entry_names =
                (!from_context && quality != Quality::Exact).then(|| join_names(&spelled));
            best = Some(Candidate {
                score,
                found: Match {
                    entry: index,
                    names: if from_context {
                        Quality::Exact
                    } else {
                        quality
                    },
                    title: title_quality,
                    year_mismatch,
                    entry_names,
                    entry_title,
                    also: None,
                },
            });
        }
    }
    let mut best = best?;
    if let Some((score, other)) = rival {
        if score + 1e-4 >= best.score
            && keys[best.found.entry].head == keys[other].head
            && keys[best.found.entry].year == keys[other].year
            && best.found.year_mismatch.is_none()
            && best.found.title.is_none()
        {
            best.found.also = Some(other);
        }
    }
    // "(Agency 3)" when the list has "U.S. Environmental Protection
    // Agency" and "European Environment Agency": the word fits two authors
    // equally and names neither whole, so which is meant is unknown, and
    // taking the first would hide the slip.
    if let (Some((score, other)), Some(first)) = (rival, cited.first()) {
        let (a, b) = (&keys[best.found.entry].head, &keys[other].head);
        if score + 1e-4 >= best.score
            && best.found.title.is_none()
            && a != b
            && first.exact != *a
            && first.exact != *b
            && !same_but_abbreviated(&first.display, a)
        {
            return None;
        }
    }
    // "(Montias, 1989)" where the list has Montias 1982, 1990a, 1990b, …
    // but no 1989: a year that fits none of an author's several works says
    // the cited work is missing, not that one of the others has its year
    // wrong (an author of one work still gets a year mismatch, and so does
    // a work the citation tells apart otherwise: "Rasch et al., 2006"
    // against Rasch et al. 2007 and Rasch and Born 2013).
    // But "(Agee 1984)" against Agee 1983 and 1998 is the 1983 work with a
    // slip of one year: a year within one of exactly one of the author's
    // works, and at least three from each other, still names that work.
    if let (Some(_), Some((score, other))) = (&best.found.year_mismatch, rival) {
        let head = &keys[best.found.entry].head;
        if *head == keys[other].head
            && best.found.title.is_none()
            && best.score < score + 0.3
            && !one_year_off_one_work(keys, head, best.found.entry, cited_year)
        {
            return None;
        }
    }
    // A title that matches nothing of an author with several works is not
    // enough to pick one of them.
    if best.found.title == Some(Quality::Mismatch) {
        let same_author = keys
            .iter()
            .filter(|k| {
                cited.first().is_some_and(|n| {
                    k.names
                        .iter()
                        .any(|nk| nk.first && name_score(n, nk).is_some())
                })
            })
            .count();
        if same_author > 1 {
            return None;
        }
    }
    Some(best.found)
}

/// Finds, for an unresolved item, the entry whose first author's name comes
/// closest, for a "did you mean" hint. Built once per document.
pub struct Nearest {
    keys: Vec<Key>,
}

impl Nearest {
    /// Prepares the entries of one document.
    pub fn new(entries: &[Entry]) -> Self {
        Nearest {
            keys: keys_of(entries),
        }
    }

    /// The closest entry to the first cited name of `item`; `None` when
    /// nothing is even loosely similar.
    pub fn find(&self, item: &CiteItem) -> Option<usize> {
        let first = item.names.first()?;
        let cited = Cited::new(first);
        self.keys
            .iter()
            .enumerate()
            .filter_map(|(i, key)| {
                key.names
                    .iter()
                    .filter(|k| k.first)
                    .map(|k| strsim::jaro_winkler(&cited.folded, &k.folded))
                    .fold(None, |best: Option<f64>, s| {
                        Some(best.map_or(s, |b| b.max(s)))
                    })
                    .map(|s| (i, s))
            })
            .filter(|&(_, s)| s >= 0.75)
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
    }
}

fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::scan::{scan_text, ScanOptions};
    use crate::model::{Outcome, Person, Span, Style};

    fn entry(raw: &str, r: Option<Reference>) -> Entry {
        Entry {
            span: Span::default(),
            label: None,
            marker: None,
            raw: raw.to_owned().into(),
            style: Style::Mla,
            outcome: match r {
                Some(reference) => Outcome::Parsed {
                    reference: reference.into(),
                    confidence: 0.9,
                },
                None => Outcome::Unparsed {
                    reason: "test".into(),
                },
            },
        }
    }

    fn book(families: &[&str], title: &str, year: i32) -> Reference {
        Reference {
            authors: families
                .iter()
                .map(|f| Person::new(*f, Some("A.")))
                .collect(),
            title: Some(title.into()),
            issued: Some(crate::Date::year(year)),
            ..Reference::default()
        }
    }

    fn entries() -> Vec<Entry> {
        vec![
            entry(
                "Apprich, Clemens. *Technotopia. A Media Genealogy of Net Cultures*. Rowman & Littlefield, 2017.",
                Some(book(&["Apprich"], "Technotopia. A Media Genealogy of Net Cultures", 2017)),
            ),
            entry(
                "Apprich, Clemens. “Introduction.” *Pattern Discrimination*, meson press, 2018.",
                Some(book(&["Apprich"], "Introduction", 2018)),
            ),
            entry(
                "Dyer-Witheford, Nick, Kjösen, Atle Mikkola and James Steinhoff. *Inhuman Power*. Pluto Press, 2019.",
                Some(book(&["Dyer-Witheford", "Kjösen", "Steinhoff"], "Inhuman Power", 2019)),
            ),
            entry(
                "Costanza-Chock, Sasha. \"Design Justice.\" *Proceedings of the Design Research Society*, 2018.",
                None,
            ),
            entry(
                "van Dijck, José. *The Culture of Connectivity. A Critical History of Social Media*. Oxford University Press, 2013.",
                None,
            ),
            entry("Popkin, Helen A.S., Ohsman, Alan and Kenrik Cai. “The AI 50.” *Forbes*, 9 May 2022.", None),
            entry("Metz, Cade. “Google Just Open Sourced TensorFlow.” *WIRED*, 2015.", None),
            entry("Meta AI. “About.” *Official Website*, 2023.", None),
        ]
    }

    fn run(text: &str) -> Vec<Resolution> {
        resolve(scan_text("t", text, &ScanOptions::all()), &entries())
    }

    #[test]
    fn exact_and_ibid() {
        let r = run("a (Apprich, *Technotopia* 90). b (ibid. 91). c (Apprich, “Introduction”).");
        let e: Vec<_> = r
            .iter()
            .map(|r| r.targets[0].as_ref().unwrap().entry)
            .collect();
        assert_eq!(e, [0, 0, 1]);
        assert_eq!(
            r[0].targets[0].as_ref().unwrap().title,
            Some(Quality::Exact)
        );
    }

    #[test]
    fn misspelt_names_resolve_as_fuzzy() {
        for (text, want, names) in [
            (
                "x (Dyer-Witthof, Kjosen and Steinhoff 43)",
                2,
                "Dyer-Witheford, Kjösen and Steinhoff",
            ),
            ("x (Costanza Chock 11-12)", 3, "Costanza-Chock"),
            ("x (Popkin, Ohnsman and Cai)", 5, "Popkin, Ohsman and Cai"),
        ] {
            let r = run(text);
            let m = r[0].targets[0].as_ref().expect(text);
            assert_eq!(m.entry, want, "{text}");
            assert_eq!(m.names, Quality::Fuzzy, "{text}");
            assert_eq!(m.entry_names.as_deref(), Some(names), "{text}");
        }
    }

    #[test]
    fn swapped_and_dropped_letters() {
        let e = vec![
            entry("Kitchin, Rob. *The Data Revolution*. Sage, 2014.", None),
            entry("Hill, Susan. *Critical Transparency*. Verso, 2024.", None),
        ];
        for (text, want) in [("x (Kitcihn 4)", 0), ("x (Hil 4)", 1), ("x (Hlil 4)", 1)] {
            let r = resolve(scan_text("t", text, &ScanOptions::all()), &e);
            let m = r[0].targets[0].as_ref().expect(text);
            assert_eq!((m.entry, m.names), (want, Quality::Fuzzy), "{text}");
        }
        let r = resolve(scan_text("t", "x (Ito 4)", &ScanOptions::all()), &e);
        assert!(r[0].targets[0].is_none());
    }

    #[test]
    fn exact_name_beats_a_close_one() {
        let r = run("x (Metz)");
        assert_eq!(r[0].targets[0].as_ref().unwrap().entry, 6);
        assert_eq!(r[0].targets[0].as_ref().unwrap().names, Quality::Exact);
    }

    #[test]
    fn differing_short_title_is_fuzzy() {
        let r = run("x (van Dijck, *Cultures of Connectivity* 6)");
        let m = r[0].targets[0].as_ref().unwrap();
        assert_eq!(m.entry, 4);
        assert_eq!(m.title, Some(Quality::Fuzzy));
        assert!(m
            .entry_title
            .as_deref()
            .unwrap()
            .starts_with("The Culture of Connectivity"));
    }

    #[test]
    fn title_only_and_narrative() {
        let r = run("Clemens Apprich considers it: “q” (*Technotopia* 144). As Nick Dyer-Witheford argues, “q” (54)");
        assert_eq!(r[0].targets[0].as_ref().unwrap().entry, 0);
        assert_eq!(r[1].targets[0].as_ref().unwrap().entry, 2);
    }

    #[test]
    fn weak_unresolved_are_dropped_but_strong_kept() {
        let r = run("a database (Pure): and (Smith 45).");
        assert_eq!(r.len(), 1);
        assert!(!r[0].is_resolved());
    }

    #[test]
    fn numeric_by_label_or_position() {
        let mut es = entries();
        let r = resolve(scan_text("t", "x [2] y [3-4]", &ScanOptions::all()), &es);
        assert_eq!(r[0].targets[0].as_ref().unwrap().entry, 1);
        es[0].label = Some("4".into());
        let r = resolve(scan_text("t", "x [2] y [3-4]", &ScanOptions::all()), &es);
        assert!(r[0].targets[0].is_none());
        assert_eq!(r[1].targets[1].as_ref().unwrap().entry, 0);
    }

    #[test]
    fn nearest_entry_for_a_hint() {
        let item = CiteItem {
            names: vec!["Benjamen".into()],
            ..CiteItem::default()
        };
        let mut es = entries();
        es.push(entry(
            "Benjamin, Ruha. *Race after Technology*. Polity Press, 2019.",
            None,
        ));
        let nearest = Nearest::new(&es);
        assert_eq!(nearest.find(&item), Some(es.len() - 1));
        let far = CiteItem {
            names: vec!["Zuboff".into()],
            ..CiteItem::default()
        };
        assert_eq!(nearest.find(&far), None);
    }

    #[test]
    fn a_short_title_without_italics_is_a_title() {
        let e = vec![
            entry("Farmer, Paul. Pathologies of Power. Press, 2003.", None),
            entry(
                "World Health Organization. Global Tuberculosis Report 2021. World Health Organization, 2021.",
                None,
            ),
            entry(
                "———. World Health Statistics 2020: Monitoring Health for the SDGs. World Health Organization, 2020.",
                None,
            ),
        ];
        let text = "from the World Health Organization (World Health Statistics 2020, table 2.1) and \
                    its report (Global Tuberculosis Report 2021 14); not (Global Burden 4) nor (Pathologies 3).";
        let r = resolve(scan_text("t", text, &ScanOptions::all()), &e);
        let got: Vec<Option<usize>> = r
            .iter()
            .map(|r| r.targets[0].as_ref().map(|m| m.entry))
            .collect();
        assert_eq!(got, [Some(2), Some(1), None, None]);
    }

    #[test]
    fn a_family_name_of_two_words_after_given_names() {
        let e = vec![entry(
            "Ó Súilleabháin, Aoife, and Máire Nic Eoin. “Irish in the Digital Age.” Journal, 2019.",
            None,
        )];
        let r = resolve(
            scan_text(
                "t",
                "x (Ó Súilleabháin and Nic Eoin 110)",
                &ScanOptions::all(),
            ),
            &e,
        );
        assert_eq!(r[0].targets[0].as_ref().map(|m| m.entry), Some(0));
    }

    #[test]
    fn an_authors_works_told_apart_by_page_division_and_title() {
        let e: Vec<Entry> = [
            "Heartz, Daniel. “La chronologie des recueils imprimés par Pierre Attaingnant.” Revue de musicologie, vol. 44, no. 120, 1959, pp. 176–92.",
            "Heartz, Daniel. Pierre Attaingnant, Royal Printer of Music. University of California Press, 1969.",
            "Harmonice musices odhecaton A. Ottaviano Petrucci, 1501.",
            "Boorman, Stanley. Ottaviano Petrucci: Catalogue Raisonné. Oxford University Press, 2006.",
            "World Health Organization. Global Antimicrobial Resistance and Use Surveillance System (GLASS) Report 2022. WHO, 2022.",
        ]
        .into_iter()
        .map(as_mla)
        .collect();
        // A page outside the article's pages; a chapter, which an article
        // lacks; a page inside them.
        assert_eq!(target("cheaper (Heartz 65, n. 12).", &e), Some(1));
        assert_eq!(target("the catalogue (Heartz, ch. 4).", &e), Some(1));
        assert_eq!(target("dated (Heartz 180).", &e), Some(0));
        // The author named before the parenthesis, a short title in it.
        assert_eq!(
            target("as Boorman (Ottaviano Petrucci 1131–40) shows", &e),
            Some(3)
        );
        let vo: Vec<Entry> = [
            "van Orden, Kate. Music, Authorship, and the Book in the First Century of Print. University of California Press, 2014.",
            "van Orden, Kate. Materialities: Books, Readers, and the Chanson. Oxford University Press, 2015.",
        ]
        .into_iter()
        .map(as_mla)
        .collect();
        assert_eq!(
            target("as Orden (Music,\nAuthorship, and the Book in the First Century of Print 117–24) shows", &vo),
            Some(0)
        );
        assert_eq!(
            target("as van Orden (Materialities 4–11) shows", &vo),
            Some(1)
        );
        // A title cited without its acronym in brackets.
        assert_eq!(
            target(
                "(World Health Organization, Global Antimicrobial Resistance and Use Surveillance System Report 2022 9).",
                &e
            ),
            Some(4)
        );
        assert_eq!(page_range("176–92"), Some((176, 192)));
        assert_eq!(first_page("pp. 163–392"), Some(163));
        assert_eq!(first_page("ch. 4"), None);
    }

    #[test]
    fn year_mismatch_is_kept() {
        let r = run("a (Apprich, *Technotopia*, 2019, p. 3)");
        let m = r[0].targets[0].as_ref().unwrap();
        assert_eq!(m.entry, 0);
        assert_eq!(m.year_mismatch, Some(("2019".into(), 2017)));
    }

    #[test]
    fn a_year_that_fits_none_of_an_authors_works_is_unresolved() {
        // Apprich has 2017 and 2018: "2016" names a third work, missing.
        let r = run("a (Apprich, 2016, p. 3). b (Dyer-Witheford et al., 2018, p. 4).");
        assert!(r[0].targets[0].is_none(), "{:?}", r[0].targets);
        // An author of one work: the same slip is a year mismatch.
        let m = r[1].targets[0].as_ref().expect("resolves");
        assert_eq!(m.year_mismatch, Some(("2018".into(), 2019)));
    }

    #[test]
    fn a_volume_is_cited_by_the_title_of_its_multivolume_work() {
        // MLA's "Vol. 1 of …" (made-up works by one author).
        let entries = vec![
            entry(
                "Barkan, Ömer. “Essai sur les registres.” Journal of Things, vol. 1, 1957, pp. 9–36.",
                None,
            ),
            entry(
                "———. Kanunlar. vol. 1, Matbaa, 1943. Vol. 1 of Ziraî Ekonominin Hukukî ve Malî Esasları.",
                None,
            ),
        ];
        let text = "a (Barkan, Ziraî Ekonominin Hukukî ve Malî Esasları 12).";
        assert_eq!(target(text, &entries), Some(1));
    }

    #[test]
    fn a_year_one_off_one_of_an_authors_works_is_a_year_mismatch() {
        // Works of 2010 and 2018: "2011" is the first with a slip, "2014"
        // is a third work, missing.
        let entries = vec![
            entry(
                "Apprich, C. (2010). Net Cultures. Press.",
                Some(book(&["Apprich"], "Net Cultures", 2010)),
            ),
            entry(
                "Apprich, C. (2018). Pattern Discrimination. Press.",
                Some(book(&["Apprich"], "Pattern Discrimination", 2018)),
            ),
        ];
        let text = "a (Apprich, 2011, p. 3). b (Apprich, 2014, p. 4).";
        let r = resolve(scan_text("t", text, &ScanOptions::all()), &entries);
        let m = r[0].targets[0].as_ref().expect("resolves");
        assert_eq!(
            (m.entry, m.year_mismatch.clone()),
            (0, Some(("2011".into(), 2010)))
        );
        assert!(r[1].targets[0].is_none(), "{:?}", r[1].targets);
    }

    #[test]
    fn a_year_cited_again_beside_the_listed_one_is_a_missing_work() {
        let entries = vec![entry(
            "McCauley, E. A. (1985). A. A. E. Disdéri. Yale University Press.",
            Some(book(&["McCauley"], "A. A. E. Disdéri", 1985)),
        )];
        let years = |text: &str| -> Vec<Option<Option<(String, i32)>>> {
            resolve(scan_text("t", text, &ScanOptions::all()), &entries)
                .iter()
                .map(|r| r.targets[0].as_ref().map(|m| m.year_mismatch.clone()))
                .collect()
        };
        // 1985 cited right, 1994 twice: the 1994 work is missing.
        let v = years("a (McCauley, 1985, p. 3). b (McCauley, 1994, p. 4). c (McCauley, 1994).");
        assert_eq!(v, [Some(None), None, None]);
        // Once: a slip of the year.
        let v = years("a (McCauley, 1985, p. 3). b (McCauley, 1994, p. 4).");
        assert_eq!(v, [Some(None), Some(Some(("1994".into(), 1985)))]);
        // Never cited as listed: the list's year may be the slip.
        let v = years("b (McCauley, 1994, p. 4). c (McCauley, 1994).");
        assert!(
            v.iter().all(|m| m.as_ref().is_some_and(Option::is_some)),
            "{v:?}"
        );
    }

    /// Two organisations whose names end alike, the kind of names an
    /// inverted style writes with abbreviations (made-up works).
    fn agencies() -> Vec<Entry> {
        let org = |name: &str| Reference {
            authors: vec![Person::new("Agency", Some(name))],
            ..Reference::default()
        };
        vec![
            entry(
                "Northern Water Agency. Flood Maps for Small Towns. NWA, 2011.",
                Some(org("Northern Water")),
            ),
            entry(
                "U.S. Coastal Survey Agency. Tides and Harbours. CSA, 2014.",
                Some(org("U.S. Coastal Survey")),
            ),
            entry("Dept. of Roads. Gravel Surfaces. Press, 2009.", None),
        ]
    }

    fn target(text: &str, entries: &[Entry]) -> Option<usize> {
        let r = resolve(scan_text("t", text, &ScanOptions::all()), entries);
        assert_eq!(r.len(), 1, "{r:#?}");
        r[0].targets[0].as_ref().map(|m| m.entry)
    }

    #[test]
    fn a_family_name_of_one_letter_read_by_the_parser() {
        let e = vec![
            entry(
                "A, G., Wahr, J., & Zhong, S. (2013). Computations of the viscoelastic response.",
                Some(book(&["A", "Wahr", "Zhong"], "Computations of the viscoelastic response", 2013)),
            ),
            entry(
                "Wahr, J., Molenaar, M., & Bryan, F. (1998). Time variability of the gravity field.",
                Some(book(&["Wahr", "Molenaar", "Bryan"], "Time variability of the gravity field", 1998)),
            ),
        ];
        assert_eq!(
            target("a model (A et al., 2013, pp. 566–569).", &e),
            Some(0)
        );
        // Unparsed, the letter is an initial and names no one.
        let raw: Vec<Entry> = e.iter().map(|x| entry(&x.raw, None)).collect();
        assert_eq!(target("a model (A et al., 2013, pp. 566–569).", &raw), None);
    }

    #[test]
    fn an_organisation_named_with_abbreviations() {
        let e = agencies();
        assert_eq!(
            target("as shown (U.S. Coastal Survey Agency 3).", &e),
            Some(1)
        );
        // Spelt out, the abbreviation is the same name, exactly.
        let r = resolve(
            scan_text(
                "t",
                "as shown (United States Coastal Survey Agency 3).",
                &ScanOptions::all(),
            ),
            &e,
        );
        let m = r[0].targets[0].as_ref().expect("resolves");
        assert_eq!((m.entry, m.names), (1, Quality::Exact));
        assert_eq!(target("as shown (Northern Water Agency 12).", &e), Some(0));
        assert_eq!(target("as shown (Dept. of Roads 4).", &e), Some(2));
        assert_eq!(target("as shown (Department of Roads 4).", &e), Some(2));
    }

    #[test]
    fn an_organisation_with_lower_case_words_is_no_short_title() {
        let lib = Reference {
            authors: vec![Person::literal("Bibliothèque nationale de France")],
            title: Some("Gallica: Cartes et plans".into()),
            issued: Some(crate::Date::year(2024)),
            ..Reference::default()
        };
        let e = vec![
            entry("Bibliothèque nationale de France. (2024). Gallica.", Some(lib)),
            entry(
                "Apprich, C. (2012). L’âge d’or des cartes marines. Bibliothèque nationale de France.",
                Some(book(&["Apprich"], "L’âge d’or des cartes marines", 2012)),
            ),
        ];
        assert_eq!(
            target("online (Bibliothèque nationale de France, 2024).", &e),
            Some(0)
        );
        // MLA names it alone.
        assert_eq!(
            target("online (Bibliothèque nationale de France).", &e),
            Some(0)
        );
    }

    #[test]
    fn a_word_two_organisations_share_picks_neither() {
        // "(Agency 3)" fits both agencies equally: not the first silently.
        assert_eq!(target("as shown (Agency 3).", &agencies()), None);
    }

    #[test]
    fn abbreviations_stand_for_whole_words_only() {
        assert!(same_but_abbreviated(
            "U.S. Coastal Survey",
            "United States Coastal Survey"
        ));
        assert!(same_but_abbreviated(
            "US Coastal Survey",
            "U.S. Coastal Survey"
        ));
        assert!(same_but_abbreviated(
            "Dept. of Roads",
            "Department of Roads"
        ));
        assert!(!same_but_abbreviated(
            "U.S. Coastal Survey",
            "United Kingdom Coastal Survey"
        ));
        assert!(!same_but_abbreviated(
            "U.S. Coastal Survey",
            "United States Survey"
        ));
        assert!(!same_but_abbreviated("Coastal Survey", "Coastal Survey"));
        assert!(!same_but_abbreviated("Dept. of Roads", "Division of Roads"));
    }

    #[test]
    fn a_whole_title_beats_a_longer_one_it_starts() {
        let e = vec![
            entry(
                "Ames, Rosa. The Open Road Ahead of Us All. Press, 2001.",
                Some(book(&["Ames"], "The Open Road Ahead of Us All", 2001)),
            ),
            entry(
                "Ames, Rosa. The Open Road. Press, 2009.",
                Some(book(&["Ames"], "The Open Road", 2009)),
            ),
        ];
        assert_eq!(target("as argued (Ames, *The Open Road* 4).", &e), Some(1));
        assert_eq!(
            target("as argued (Ames, *The Open Road Ahead* 4).", &e),
            Some(0)
        );
    }

    #[test]
    fn a_given_name_tells_two_authors_of_one_family_apart() {
        let e: Vec<Entry> = [
            "Neumann, Johann von. (1932) 1996. Mathematische Grundlagen der Quantenmechanik. Springer.",
            "Neumann, John von. 1956. “Probabilistic Logics.” In Automata Studies. Princeton University Press.",
        ]
        .into_iter()
        .map(as_written)
        .collect();
        assert_eq!(
            target("as he put it (John von Neumann 1956, 43).", &e),
            Some(1)
        );
        assert_eq!(
            target("as he put it (Johann von Neumann [1932] 1996, 3).", &e),
            Some(0)
        );
        // A given name the entry does not have finds nothing.
        assert_eq!(
            target("as he put it (Jane von Neumann 1956, 43).", &e),
            None
        );
    }

    #[test]
    fn an_anonymous_title_whose_entry_reads_translators_as_authors() {
        let e: Vec<Entry> = [
            "The Huarochirí manuscript: A testament of ancient and colonial Andean religion (F. Salomon & G. L. Urioste, Trans.). (1991). University of Texas Press. (1608)",
            "Salomon, F. (1986). Native lords of Quito in the age of the Incas. Cambridge University Press.",
        ]
        .into_iter()
        .map(as_written)
        .collect();
        assert_eq!(
            target(
                "offerings (The\nHuarochirí Manuscript, 1608/1991, 9, sec. 118).",
                &e
            ),
            Some(0)
        );
        assert_eq!(target("lords (Salomon, 1986, 12).", &e), Some(1));
    }

    #[test]
    fn middle_initials_and_every_given_name_written_out() {
        let e: Vec<Entry> = [
            "Cua, Georgia Beatrice. 2005. “Creating the Virtual Seismologist.” PhD diss., California Institute of Technology.",
            "Cua, Georgia B., and Thomas Heaton. 2007. “The Virtual Seismologist (VS) Method.” In Earthquake Early Warning Systems. Springer.",
            "Murra, John V. 1962. “Cloth and Its Functions in the Inca State.” American Anthropologist 64 (4): 710–28.",
            "Murra, John Victor. 1956. “The Economic Organization of the Inca State.” PhD diss., University of Chicago.",
        ]
        .into_iter()
        .map(as_written)
        .collect();
        assert_eq!(
            target("updates (Georgia Beatrice Cua 2005, 3).", &e),
            Some(0)
        );
        assert_eq!(
            target("updates (Georgia\nB. Cua and Heaton 2007).", &e),
            Some(1)
        );
        assert_eq!(
            target("the archipelago (John V. Murra 1962, 710–712).", &e),
            Some(2)
        );
        assert_eq!(
            target("the archipelago (John V.\nMurra 1962; Golte 1980).", &e),
            Some(2)
        );
        assert_eq!(target("the thesis (John Victor Murra 1956).", &e), Some(3));
        assert_eq!(target("the thesis (Georgia Anne Cua 2005).", &e), None);
    }

    #[test]
    fn an_organisation_and_its_year_read_as_a_title() {
        let e: Vec<Entry> = [
            "Agence temporaire des poids et mesures. 1795. Correspondance avec les administrations. Manuscript, Archives nationales, F/12/1289.",
            "Alder, Ken. 2002. The Measure of All Things. Free Press.",
        ]
        .into_iter()
        .map(as_written)
        .collect();
        assert_eq!(
            target(
                "the verifiers (Agence temporaire des poids et mesures 1795, fols. 44r–47v).",
                &e
            ),
            Some(0)
        );
    }

    #[test]
    fn a_given_name_written_out_picks_its_namesake() {
        // As citeproc adds them: a hyphenated given name, and a given name
        // that tells one "Rodell et al." from two others.
        let e: Vec<Entry> = [
            "Wang, Yeh-chien. 1973. Land Taxation in Imperial China, 1750–1911. Harvard University Press.",
            "Wang, Yuru. 1973. “Qingdai Tianfu.” Lishi Yanjiu 4: 1–20.",
            "Rodell, M., J. S. Famiglietti, et al. 2018. “Emerging Trends in Global Freshwater Availability.” Nature 557: 651–59.",
            "Rodell, Matthew, Isabella Velicogna, and James S. Famiglietti. 2009. “Satellite-Based Estimates of Groundwater Depletion in India.” Nature 460: 999–1002.",
        ]
        .into_iter()
        .map(as_written)
        .collect();
        assert_eq!(
            target("a factor of two (Yeh-chien Wang 1973, 26–34).", &e),
            Some(0)
        );
        assert_eq!(target("a factor of two (Yuru Wang 1973, 5).", &e), Some(1));
        assert_eq!(
            target("in India (Matthew Rodell et al. 2009).", &e),
            Some(3)
        );
    }

    #[test]
    fn one_authors_two_works_of_a_year_told_apart_or_both_cited() {
        let parsed = |raws: &[&str]| -> Vec<Entry> {
            raws.iter()
                .map(|raw| Entry {
                    outcome: crate::parse::parse_reference(raw, Style::Chicago).outcome,
                    ..entry(raw, None)
                })
                .collect()
        };
        // The volume has its original's year, which the citation of the
        // chapter leaves out.
        let e = parsed(&[
            "Frizot, Michel, ed. (1994) 1998. A New History of Photography. Könemann.",
            "Frizot, Michel. 1998. “Light Machines.” In A New History of Photography, edited by Michel Frizot. Könemann.",
        ]);
        assert_eq!(target("as Frizot (1998, 20–21) shows", &e), Some(1));
        assert_eq!(target("as Frizot ([1994] 1998, 3) shows", &e), Some(0));
        // Nothing tells these two apart: either may be meant.
        let e = parsed(&[
            "Mugglestone, Lynda, ed. 2000. Lexicography and the OED. Oxford University Press.",
            "Mugglestone, Lynda. 2000. “An Historian and Not a Critic.” In Lexicography and the OED, edited by Lynda Mugglestone. Oxford University Press.",
        ]);
        let r = resolve(
            scan_text("t", "as Mugglestone (2000) shows", &ScanOptions::all()),
            &e,
        );
        let m = r[0].targets[0].as_ref().expect("resolves");
        let mut both = [m.entry, m.also.expect("the other")];
        both.sort_unstable();
        assert_eq!(both, [0, 1]);
    }

    #[test]
    fn reprints_translations_and_anonymous_works_find_their_entries() {
        let e: Vec<Entry> = [
            "Miyazaki, I. (1963). Kakyo: Chūgoku no shiken jigoku [The examination system]. Chūō Kōronsha.",
            "Miyazaki, I. (1976). China’s examination hell (C. Schirokauer, Tran.). Weatherhill. (1963)",
            "Libu [Board of Rites]. (1887). Qinding kechang tiaoli [Imperially authorized regulations]. Libu.",
            "Kyŏngguk taejŏn [Great code for governing the state]. (1985). Han’guk chŏngsin munhwa yŏn’guwŏn. (1485)",
            "The abolition of the examinations. (1905). North-China Herald.",
            "Bai, Y., & Jia, R. (2016). Elite recruitment and political stability: The impact of the abolition of China’s civil service exam. Econometrica, 84(2), 677–733.",
        ]
        .iter()
        .map(|raw| Entry {
            outcome: crate::parse::parse_reference(raw, Style::Apa).outcome,
            ..entry(raw, None)
        })
        .collect();
        // The edition cited, not the original it reprints.
        assert_eq!(target("hell (Miyazaki, 1963/1976, p. 7).", &e), Some(1));
        assert_eq!(target("jigoku (Miyazaki, 1963, p. 7).", &e), Some(0));
        // A name's translation in brackets is not needed to cite it.
        assert_eq!(
            target("the board (Libu [Board of Rites], 1887, juan 1).", &e),
            Some(2)
        );
        // An anonymous work listed under its title, cited by it.
        assert_eq!(
            target("the code (Kyŏngguk taejŏn [Great code for governing the state], 1485/1985, para. 27).", &e),
            Some(3)
        );
        assert_eq!(
            target(
                "ended (“The Abolition of the Examinations,” 1905, Column 2).",
                &e
            ),
            Some(4)
        );
        // Chicago lists the translation "(1963) 1976".
        let e: Vec<Entry> = [
            "Miyazaki, Ichisada. 1963. Kakyo: Chūgoku no shiken jigoku. Chūō Kōronsha.",
            "Miyazaki, Ichisada. (1963) 1976. China’s Examination Hell. Weatherhill.",
            "Kuksa P’yŏnch’an Wiwŏnhoe [National Institute of Korean History]. 2005. “Chosŏn wangjo sillok.” https://sillok.history.go.kr.",
        ]
        .iter()
        .map(|raw| Entry {
            outcome: crate::parse::parse_reference(raw, Style::Chicago).outcome,
            ..entry(raw, None)
        })
        .collect();
        assert_eq!(target("jigoku (Miyazaki 1963, 3–9).", &e), Some(0));
        // A name written family first: the narrative caught the given name.
        let yi: Vec<Entry> = [
            "Yi, S. (1994). Han’guk ŭi kwagŏ chedo [The civil examination system of Korea]. Chimmundang.",
            "Yi, T. (2007). The dynamics of Confucianism and modernization in Korean history. Cornell University.",
        ]
        .iter()
        .map(|raw| Entry {
            outcome: crate::parse::parse_reference(raw, Style::Apa).outcome,
            ..entry(raw, None)
        })
        .collect();
        assert_eq!(target("as Yi Sŏng-mu (1994, pp. 5–12) shows", &yi), Some(0));
        assert_eq!(target("as Yi T’ae-jin (2007) shows", &yi), Some(1));
        assert_eq!(target("as Yi Sŏng-mu (2007) shows", &yi), None);
        // A work named in prose after a given name is no citation; a
        // sentence's capital before a name is no given name.
        let prose = "whose study of Giovanni Gabrieli (1834) made it known.";
        assert!(resolve(scan_text("t", prose, &ScanOptions::all()), &yi).is_empty());
        assert_eq!(target("known. As Golte (1980) showed", &yi), None);
        assert_eq!(cited_span("Year (1957–1958)", "1957"), Some((1957, 1958)));
        assert_eq!(cited_span("Year (1957)", "1957"), None);
        // An organisation's acronym in brackets before the date.
        let c3s = ["Copernicus Climate Change Service (C3S). (2017). ERA5: Fifth generation of ECMWF atmospheric reanalyses. Climate Data Store."];
        let c3s: Vec<Entry> = c3s
            .iter()
            .map(|raw| Entry {
                outcome: crate::parse::parse_reference(raw, Style::Apa).outcome,
                ..entry(raw, None)
            })
            .collect();
        assert_eq!(
            target(
                "inflow (Copernicus Climate\nChange Service (C3S), 2017).",
                &c3s
            ),
            Some(0)
        );
        assert_eq!(target("hell (Miyazaki [1963] 1976, 13–17).", &e), Some(1));
        assert_eq!(
            target(
                "records (Kuksa P’yŏnch’an Wiwŏnhoe 2005, Sejong 8/3/16).",
                &e
            ),
            Some(2)
        );
    }

    #[test]
    fn a_name_wrapped_onto_an_indented_line_is_the_same_name() {
        let org = |name: &str| Reference {
            authors: vec![Person::new("Office", Some(name))],
            ..Reference::default()
        };
        let e = vec![entry(
            "Upland Rivers Survey Office. Gauges. URSO, 2019.",
            Some(org("Upland Rivers Survey")),
        )];
        // As a bare title keeps it: "Upland Rivers\n  Survey Office".
        let item = CiteItem {
            names: vec!["Upland Rivers   Survey Office".into()],
            year: Some("2019".into()),
            ..CiteItem::default()
        };
        assert_eq!(by_item(&item, &keys_of(&e)).map(|m| m.entry), Some(0));
    }

    #[test]
    fn an_edited_book_after_dashes_keeps_its_title() {
        let e = vec![
            entry(
                "Ames, Rosa, and Carl Beta. “Tides.” Harbour Review, vol. 2, 2001, pp. 1–9.",
                None,
            ),
            entry(
                "———, editors. Coastal Rules for Small Harbours: Essays. Press, 2015.",
                None,
            ),
        ];
        assert_eq!(
            target(
                "x (Ames and Beta, Coastal Rules for Small Harbours 3–4).",
                &e
            ),
            Some(1)
        );
    }

    #[test]
    fn a_long_organisation_then_a_short_title_without_quotes() {
        let e = vec![
            entry(
                "Board and Council of the Hill Districts. Hill Paths. BCHD, 2012.",
                None,
            ),
            entry(
                "Board and Council of the Hill Districts. The State of Upland Roads and Bridges 2018: A Survey. BCHD, 2018.",
                None,
            ),
        ];
        assert_eq!(
            target(
                "x (Board and Council of the Hill Districts, The State of Upland Roads and Bridges 2018 5–7).",
                &e
            ),
            Some(1)
        );
    }

    /// An entry as the parser reads it without a style.
    fn as_mla(raw: &str) -> Entry {
        Entry {
            outcome: crate::parse::parse_reference(raw, Style::Mla).outcome,
            ..entry(raw, None)
        }
    }

    fn as_written(raw: &str) -> Entry {
        Entry {
            outcome: crate::parse::parse_reference(raw, Style::Unknown).outcome,
            ..entry(raw, None)
        }
    }

    fn parsed(raw: &str) -> Entry {
        let p = crate::parse::parse_reference(raw, Style::Chicago);
        let Outcome::Parsed { reference, .. } = p.outcome else {
            panic!("unparsed: {raw}");
        };
        entry(raw, Some(std::sync::Arc::unwrap_or_clone(reference)))
    }

    #[test]
    fn an_edited_book_is_cited_by_its_editors() {
        let e = [
            parsed("Robert, S. A. (2011). Canteens and citizens. In S. A. Robert & M. B. Weaver-Hightower (Eds.), School food politics (pp. 127–145). Peter Lang."),
            parsed("Robert, S. A., & Weaver-Hightower, M. B. (Eds.). (2011). School food politics: The complex ecology of feeding. Peter Lang."),
        ];
        assert_eq!(
            target("(Robert & Weaver-Hightower, 2011, pp. 1–10)", &e),
            Some(1)
        );
        assert_eq!(target("(Robert, 2011, p. 130)", &e), Some(0));
    }

    #[test]
    fn a_co_authors_initials_tell_two_works_apart() {
        let e = [
            parsed("Neumark, David, and William Wascher. “Minimum Wages and Employment: Comment.” American Economic Review, vol. 90, no. 5, 2000, pp. 1362–96."),
            parsed("Neumark, David, and William L. Wascher. Minimum Wages. MIT Press, 2008."),
        ];
        assert_eq!(target("(Neumark and W. L. Wascher 37–40)", &e), Some(1));
        assert_eq!(target("(Neumark and W. Wascher 1363)", &e), Some(0));
    }

    #[test]
    fn added_names_and_all_initials_tell_works_of_one_year_apart() {
        // Made-up works in the shape author-date styles disambiguate.
        let e = [
            parsed("Moreau, Anna, Paul Lind, Rosa Kuiper, et al. 2019. “Fast Alignment.” Journal of Tools 4 (2): 1–9."),
            parsed("Moreau, Anna, Rosa Kuiper, and Ivo Stam. 2019. “Slow Alignment.” Journal of Tools 4 (3): 10–19."),
        ];
        assert_eq!(target("(Moreau, Kuiper, et al. 2019)", &e), Some(1));
        assert_eq!(target("(Moreau, Lind, et al. 2019, 3)", &e), Some(0));
        let e = [
            parsed("Okafor, Daniel, Mei Chen, Lucy Hart, et al. 2021. “Deep Folding.” Journal of Tools 6 (1): 1–9."),
            parsed("Okafor, Daniel M., Ravi Patel, Lucy Hart, et al. 2021. “Shallow Folding.” Journal of Tools 6 (2): 10–19."),
        ];
        assert_eq!(target("(D. Okafor et al. 2021)", &e), Some(0));
        assert_eq!(target("(D. M. Okafor et al. 2021)", &e), Some(1));
    }

    #[test]
    fn no_date_finds_the_undated_work() {
        let e = [
            parsed("Relief Agency. 2020. State of School Feeding Worldwide 2020. Relief Agency."),
            parsed("Relief Agency. n.d. “School Meals.” Accessed April 8, 2024. https://example.org/meals."),
        ];
        assert_eq!(target("(Relief Agency, n.d.)", &e), Some(1));
        assert_eq!(target("(Relief Agency 2020, 2–3)", &e), Some(0));
    }

    #[test]
    fn an_initial_tells_two_authors_of_one_name_apart() {
        let e = [
            parsed("Hinrichs, C. Clare. “The Practice and Politics of Food System Localization.” Journal of Rural Studies 16, no. 3 (2000): 295–303."),
            parsed("Hinrichs, Peter. “The Effects of the National School Lunch Program.” Journal of Policy Analysis and Management 29, no. 3 (2010): 479–505."),
        ];
        assert_eq!(target("as P. Hinrichs (2010) finds", &e), Some(1));
        assert_eq!(target("as C. Hinrichs (2000) finds", &e), Some(0));
    }

    #[test]
    fn a_title_after_an_organisation_beats_its_other_work() {
        let doc = crate::extract::extract_text(
            "p.txt",
            "Text.\n\nWorks Cited\n\nInternational Labour Organization. Global Wage Report 2020–21: Wages and Minimum\nWages in the Time of COVID-19. International Labour Office, 2020.\n\n———. Minimum Wages. https://www.ilo.org/topics/wages/minimum-wages. Accessed 2\nMay 2024.\n\nLow Pay Commission. National Minimum Wage: Low Pay Commission Report 2023. Low Pay Commission, 2023.\n",
        );
        assert_eq!(doc.entries.len(), 3);
        let text = "tracks wages (International Labour Organization, Global\nWage Report 2020–21 103–10; International Labour Organization, Minimum\nWages).";
        let r = resolve(scan_text("t", text, &ScanOptions::all()), &doc.entries);
        let targets: Vec<_> = r[0]
            .targets
            .iter()
            .map(|t| t.as_ref().map(|m| m.entry))
            .collect();
        assert_eq!(targets, [Some(0), Some(1)], "{r:#?}");
    }
}
