//! The part of a reference after its title: container, volume, issue,
//! pages, date, publisher and place, in whatever order a style writes them.
//!
//! The tail is read as a sequence of items (numbers in their recognisable
//! forms, words, punctuation); the words before the first number name the
//! container, numbers are given roles by their form and position, and words
//! found among the numbers are publishers, places, editors or notes.

use super::{lexicon, names, tokens};
use crate::model::{Date, Person};
use nom::{
    character::complete::{char, space0},
    sequence::{delimited, preceded, terminated},
};

#[derive(Debug, Clone)]
enum Item {
    Date(Date, bool),
    Vol(String),
    Issue(String),
    Pages(String),
    Compact(String, Option<String>, Option<String>),
    Range(String),
    Num(String),
    Edition(String),
    Text(usize, usize),
    Punct(char, usize),
}

/// Fields read from a tail.
#[derive(Debug, Default, Clone)]
pub struct Tail {
    /// Container (journal, book, proceedings, site).
    pub container: Option<String>,
    /// Volume.
    pub volume: Option<String>,
    /// Issue.
    pub issue: Option<String>,
    /// Pages.
    pub pages: Option<String>,
    /// Date of issue.
    pub date: Option<Date>,
    /// Publisher.
    pub publisher: Option<String>,
    /// Place.
    pub place: Option<String>,
    /// Edition.
    pub edition: Option<String>,
    /// Editors found ("edited by …").
    pub editors: Vec<Person>,
    /// Words that fit no field.
    pub note: Vec<String>,
    /// Bytes of the tail that were given a field.
    pub used: usize,
}

const MAX_ITEMS: usize = 400;

fn is_label_word(w: &str) -> bool {
    // Asked of every word of a tail: an ASCII word is lower-cased on the
    // stack (the longest label is ten bytes), anything else as before.
    let mut buf = [0u8; 16];
    let owned;
    let l: &str = match buf.get_mut(..w.len()).filter(|_| w.is_ascii()) {
        Some(b) => {
            b.copy_from_slice(w.as_bytes());
            b.make_ascii_lowercase();
            std::str::from_utf8(b).unwrap_or_default()
        }
        None => {
            owned = w.to_lowercase();
            &owned
        }
    };
    let l = l.trim_end_matches('.');
    matches!(
        l,
        "vol"
            | "volume"
            | "no"
            | "nr"
            | "pp"
            | "p"
            | "pages"
            | "page"
            | "s"
            | "bd"
            | "jg"
            | "h"
            | "issue"
            | "art"
            | "suppl"
            | "supplement"
            | "pt"
            | "part"
            | "ed"
            | "edn"
            | "ser"
            | "series"
            | "sec"
            | "chap"
            | "ch"
    ) || tokens::month(w).is_ok_and(|(r, _)| r.is_empty())
}

fn lex_items(s: &str) -> Vec<Item> {
    let mut items = Vec::with_capacity(16);
    let mut p = 0;
    while p < s.len() && items.len() < MAX_ITEMS {
        let rest = &s[p..];
        let trimmed = rest.trim_start();
        if trimmed.is_empty() {
            break;
        }
        p += rest.len() - trimmed.len();
        let rest = trimmed;
        let at_word_start = p == 0
            || s[..p]
                .chars()
                .next_back()
                .is_some_and(|c| !c.is_alphanumeric());
        let took = |item: Item, after: &str, items: &mut Vec<Item>| {
            items.push(item);
            s.len() - after.len()
        };
        if at_word_start {
            // "(2002)", "( 1998)", "(Sept. 2001)"
            if let Ok((after, d)) = delimited(
                terminated(char::<_, nom::error::Error<&str>>('('), space0),
                tokens::date,
                preceded(space0, char(')')),
            )(rest)
            {
                p = took(Item::Date(d, true), after, &mut items);
                continue;
            }
            if let Ok((after, (v, i, pg))) = tokens::compact_volume(rest) {
                p = took(
                    Item::Compact(v.to_owned(), i.map(str::to_owned), pg),
                    after,
                    &mut items,
                );
                continue;
            }
            if let Ok((after, e)) = tokens::edition(rest) {
                p = took(Item::Edition(e.to_owned()), after, &mut items);
                continue;
            }
            let starts_digit = rest.starts_with(|c: char| c.is_ascii_digit());
            if starts_digit || tokens::month(rest).is_ok() {
                if let Ok((after, d)) = tokens::date(rest) {
                    // A year glued to more digits or to a colon is a volume.
                    let glued = after.starts_with(':') || after.starts_with('(');
                    if !glued {
                        p = took(Item::Date(d, false), after, &mut items);
                        continue;
                    }
                }
            }
            if let Ok((after, v)) = tokens::labelled_volume(rest) {
                p = took(Item::Vol(v.to_owned()), after, &mut items);
                continue;
            }
            if let Some(r) = rest
                .strip_prefix("Art. no.")
                .or_else(|| rest.strip_prefix("Article no."))
            {
                // An article number is not a page range; it stays a note.
                if let Ok((after, _)) = preceded(space0, tokens::number)(r) {
                    let end = s.len() - after.len();
                    items.push(Item::Text(p, end));
                    p = end;
                    continue;
                }
            }
            if let Ok((after, v)) = tokens::labelled_issue(rest) {
                p = took(Item::Issue(v.to_owned()), after, &mut items);
                continue;
            }
            if let Ok((after, v)) = tokens::labelled_pages(rest) {
                p = took(Item::Pages(v), after, &mut items);
                continue;
            }
            if starts_digit || rest.starts_with(|c: char| c.is_ascii_uppercase()) {
                if let Ok((after, r)) = tokens::page_range(rest) {
                    if starts_digit || r.contains(|c: char| c.is_ascii_digit()) {
                        p = took(Item::Range(r), after, &mut items);
                        continue;
                    }
                }
                if let Ok((after, n)) = tokens::number(rest) {
                    // "Phys. Rev. D93": the letter belongs to the journal.
                    if !starts_digit && n.len() > 2 && matches!(items.last(), Some(Item::Text(..)))
                    {
                        let l = n.chars().next().map_or(1, char::len_utf8);
                        items.push(Item::Text(p, p + l));
                        p = took(Item::Num(n[l..].to_owned()), after, &mut items);
                        continue;
                    }
                    if starts_digit || n.len() > 2 {
                        p = took(Item::Num(n.to_owned()), after, &mut items);
                        continue;
                    }
                }
            }
        }
        let c = rest.chars().next().unwrap_or(' ');
        if matches!(c, ',' | ';' | ':' | '.' | '(' | ')' | '[' | ']' | '*') {
            items.push(Item::Punct(c, p));
            p += c.len_utf8();
            continue;
        }
        let len = rest
            .find(|c: char| {
                c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '[' | ']' | '*')
            })
            .unwrap_or(rest.len());
        // A colon ends a word only when a space follows ("New York: Wiley").
        let word = &rest[..len.max(1)];
        let word = match super::text::find(word, ": ") {
            Some(k) if k > 0 => &word[..k],
            _ => match word.strip_suffix(':') {
                Some(w) if !w.is_empty() => w,
                _ => word,
            },
        };
        let wl = word.len().max(c.len_utf8());
        items.push(Item::Text(p, p + wl));
        p += wl;
    }
    demote_numbers_in_text(s, &mut items);
    items
}

/// "Proceedings of the 2021 ACM Conference": a number between words is part
/// of the words.
fn demote_numbers_in_text(s: &str, items: &mut [Item]) {
    for k in 0..items.len() {
        let next_word = match items.get(k + 1) {
            Some(Item::Text(a, b)) => {
                let w = &s[*a..*b];
                !is_label_word(w) && w.chars().next().is_some_and(char::is_alphabetic)
            }
            _ => false,
        };
        let prev_word = k > 0 && matches!(items[k - 1], Item::Text(..));
        if !(next_word && prev_word) {
            continue;
        }
        let text = match &items[k] {
            Item::Num(n) => Some(n.clone()),
            Item::Date(d, false) if d.month.is_none() => Some(d.year.to_string()),
            _ => None,
        };
        if let Some(t) = text {
            // Find the number's span right after the previous word.
            if let Item::Text(_, pe) = items[k - 1] {
                let from = pe;
                if let Some(off) = s[from..].find(&t) {
                    let a = from + off;
                    items[k] = Item::Text(a, a + t.len());
                }
            }
        }
    }
}

/// Text runs: maximal sequences of words and inner punctuation between
/// numeric items, split at commas, semicolons and sentence periods.
fn text_runs(s: &str, items: &[Item], from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut cur: Option<(usize, usize)> = None;
    for (k, it) in items.iter().enumerate().take(to).skip(from) {
        match it {
            Item::Text(a, b) => {
                cur = Some(match cur {
                    Some((x, _)) => (x, *b),
                    None => (*a, *b),
                })
            }
            Item::Punct(';', at)
                if cur.is_some() && matches!(items.get(k + 1), Some(Item::Text(..))) =>
            {
                if let Some((x, _)) = cur {
                    cur = Some((x, at + 1));
                }
            }
            Item::Punct(c, at) if matches!(c, ':' | '.') => {
                // Keep "New York: Wiley" and "Phys. Rev." whole; a period
                // after a long word ends a run.
                if let Some((x, _)) = cur {
                    let word_before = s[..*at]
                        .rsplit(|c: char| c.is_whitespace())
                        .next()
                        .unwrap_or("");
                    if *c == '.' && word_before.chars().count() > 4 && !word_before.contains('.') {
                        runs.push((x, *at));
                        cur = None;
                    } else {
                        cur = Some((x, at + 1));
                    }
                }
            }
            _ => {
                if let Some(r) = cur.take() {
                    runs.push(r);
                }
            }
        }
    }
    if let Some(r) = cur {
        runs.push(r);
    }
    runs.into_iter()
        .map(|(a, b)| {
            let t = s[a..b].trim_end_matches([' ', ',', ';']);
            (a, a + t.len())
        })
        .filter(|(a, b)| b > a)
        .collect()
}

fn clean(s: &str) -> String {
    let mut t = s;
    loop {
        let u = t
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '*' | '_'))
            .trim_end_matches('.');
        if u.len() == t.len() {
            return u.to_owned();
        }
        t = u;
    }
}

/// Reads `s` (a tail). `has_container` says whether the container was
/// already found (italics, "In …"), in which case leading words are a
/// publisher, place or note.
/// Reads `s` (a tail). `has_container` says whether the container was
/// already found (italics, "In …"), in which case leading words are a
/// publisher, place or note. With `whole_lead` the container runs to the first number
/// across commas ("In Simians, Cyborgs, and Women: …, 149–81").
pub fn read_with(s: &str, has_container: bool, whole_lead: bool) -> Tail {
    let mut tail = Tail::default();
    // "edited by A, B and C." spans commas: read it before the items.
    let blanked;
    let mut s = s;
    if let Some((a, b, people)) = edited_by(s).or_else(|| editors_before_mark(s)) {
        tail.editors = people;
        tail.used += b - a;
        let mut t = String::with_capacity(s.len());
        t.push_str(&s[..a]);
        t.extend(std::iter::repeat_n(' ', b - a));
        t.push_str(&s[b..]);
        blanked = t;
        s = &blanked;
    }
    let items = lex_items(s);
    let first_num = items
        .iter()
        .position(|it| !matches!(it, Item::Text(..) | Item::Punct(..)))
        .unwrap_or(items.len());
    // Leading words: the container, unless it is known already.
    let lead = text_runs(s, &items, 0, first_num);
    let mut runs: Vec<(usize, usize)> = Vec::new();
    if !has_container && !lead.is_empty() {
        let (a, b) = lead[0];
        let whole = &s[a..b];
        if lexicon::looks_like_publisher(whole)
            || lexicon::is_city(whole)
            || lexicon::place_publisher(whole).is_some()
            || lexicon::is_thesis_or_report(whole)
            || starts_edited_by(whole).is_some()
            || is_event_phrase(whole)
        {
            runs.extend(lead.iter().copied());
        } else if let Some(i) = whole_lead.then(|| first_place_run(s, &lead)).flatten() {
            // "In Proceedings of …, White Plains, NY, June 1990": the
            // container stops where the place or publisher begins.
            let b = lead[i - 1].1;
            tail.container = Some(clean(&s[a..b])).filter(|c| !c.is_empty());
            tail.used += b - a;
            runs.extend(lead[i..].iter().copied());
        } else if whole_lead {
            let end = lead.iter().rev().find(|(a2, b2)| {
                let r = &s[*a2..*b2];
                !(lexicon::place_publisher(r).is_some()
                    || lexicon::is_city(r)
                    || lexicon::looks_like_publisher(r))
            });
            let b = end.map_or(b, |e| e.1);
            tail.container = Some(clean(&s[a..b])).filter(|c| !c.is_empty());
            tail.used += b - a;
            runs.extend(lead.iter().filter(|(a2, _)| *a2 >= b).copied());
        } else {
            // "Amazon Web Services, Inc.": a company suffix belongs to the name.
            let company = lead.get(1).is_some_and(|(a2, b2)| {
                matches!(
                    clean(&s[*a2..*b2]).as_str(),
                    "Inc" | "Ltd" | "LLC" | "GmbH" | "Corp" | "AG"
                )
            });
            let (b, skip) = if company { (lead[1].1, 2) } else { (b, 1) };
            tail.container = Some(clean(&s[a..b])).filter(|c| !c.is_empty());
            tail.used += b - a;
            runs.extend(lead.iter().skip(skip).copied());
        }
    } else {
        runs.extend(lead.iter().copied());
    }
    runs.extend(text_runs(s, &items, first_num, items.len()));
    // "Proceedings of … Supercomputing. Springer-Verlag": a publisher after
    // a full stop is not part of the container.
    if let Some(c) = tail.container.clone() {
        if let Some(k) = sentence_split(&c) {
            let after = c[k + 1..].trim();
            let first = after.split(", ").next().unwrap_or("");
            if lexicon::looks_like_publisher(first)
                || lexicon::is_city(first)
                || lexicon::place_publisher(after).is_some()
            {
                tail.container = Some(c[..k].to_owned());
                classify_run(after, &mut tail);
            }
        }
    }
    if let Some(c) = tail.container.take() {
        let (name, volume) = split_glued_volume(&c);
        tail.volume = volume.map(str::to_owned);
        tail.container = Some(name.to_owned());
    }
    assign_numbers(&items[first_num..], &mut tail);
    // "Cambridge, MA: MIT Press" was cut at its comma.
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(runs.len());
    for (a, b) in runs {
        let r = &s[a..b];
        let state = r.split_once(':').is_some_and(|(st, _)| {
            let st = st.trim().trim_end_matches('.');
            (2..=5).contains(&st.len())
                && st.starts_with(|c: char| c.is_ascii_uppercase())
                && !st.contains(' ')
        });
        let company = matches!(
            r.trim_end_matches('.'),
            "Inc" | "Ltd" | "LLC" | "GmbH" | "Co" | "Corp" | "S.A" | "AG"
        );
        // "Reading, MA", "Pisa, Italy": a state or country joins the place
        // before it, never a publisher ("Springer, New York").
        let region = |last: &(usize, usize)| {
            lexicon::is_region(r) && !lexicon::looks_like_publisher(&s[last.0..last.1])
        };
        match merged.last_mut() {
            Some(last) if (state || company || region(last)) && s[last.1..a].trim() == "," => {
                last.1 = b
            }
            _ => merged.push((a, b)),
        }
    }
    for (a, b) in merged {
        classify_run(&s[a..b], &mut tail);
    }
    tail
}

/// "Eur. Phys. J. Plus132", "JHEP0908", "Beams20": a volume glued to the
/// last word of a journal name (PDF extraction lost the space). Years
/// ("PoS LATTICE2013") and words with other digits stay whole.
fn split_glued_volume(c: &str) -> (&str, Option<&str>) {
    let word = c.rsplit(' ').next().unwrap_or("");
    let digits = word.len() - word.trim_end_matches(|d: char| d.is_ascii_digit()).len();
    let stem = &word[..word.len() - digits];
    let glued = (1..=4).contains(&digits)
        && stem.chars().count() >= 1
        && stem.ends_with(|ch: char| ch.is_alphabetic())
        && !stem.chars().any(|ch| ch.is_ascii_digit())
        && (c.len() > word.len() || stem.chars().count() >= 3);
    let n = &c[c.len() - digits..];
    let year = digits == 4 && tokens::year(n).is_ok();
    if !glued || year {
        return (c, None);
    }
    (c[..c.len() - digits].trim_end(), Some(n))
}

/// Index (from 1) of the first leading run that names a place or a
/// publisher ("Springer-Verlag", "Athens, Greece", "San Jose, CA").
fn first_place_run(s: &str, lead: &[(usize, usize)]) -> Option<usize> {
    (1..lead.len()).find(|&i| {
        let (a, b) = lead[i];
        let r = &s[a..b];
        let with_next = lead.get(i + 1).map(|&(_, b2)| &s[a..b2]);
        lexicon::looks_like_publisher(r)
            || lexicon::is_city(r)
            || lexicon::place_publisher(r).is_some()
            || with_next.is_some_and(lexicon::is_city)
    })
}

/// A full stop inside `run` that ends a sentence: after a word of four or
/// more letters or after a state or country, and before a capital.
fn sentence_split(run: &str) -> Option<usize> {
    if lexicon::place_publisher(run).is_some() {
        return None;
    }
    run.match_indices(". ").map(|(k, _)| k).find(|&k| {
        let word = run[..k].rsplit(' ').next().unwrap_or("");
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let long = letters >= 4 && word.chars().all(char::is_alphabetic);
        (long || lexicon::is_region(word)) && run[k + 2..].starts_with(char::is_uppercase)
    })
}

fn edited_by(s: &str) -> Option<(usize, usize, Vec<Person>)> {
    const CUES: [&str; 10] = [
        "edited by ",
        "ed. by ",
        "eds. by ",
        "hrsg. von ",
        "herausgegeben von ",
        "éd. par ",
        "édité par ",
        "editado por ",
        "éditeurs : ",
        "éditeur : ",
    ];
    let lower = super::text::Lower::new(s);
    // Most tails hold none of the cues, and every cue holds one of these
    // (with first letters rarer than the cues'): one pass says so.
    if !lower.contains_any(&["by ", "von ", "par ", "por ", ": "]) {
        return None;
    }
    for cue in CUES {
        if let Some(a) = lower.find(cue) {
            if !s.is_char_boundary(a) || !s.is_char_boundary(a + cue.len()) {
                continue;
            }
            let l = names::name_list(&s[a + cue.len()..]);
            if !l.people.is_empty() {
                return Some((a, a + cue.len() + l.end, l.people));
            }
        }
    }
    None
}

/// "… . Setlow A, Hollaender (eds.) Plenum": names just before an editor
/// mark anywhere in the tail.
fn editors_before_mark(s: &str) -> Option<(usize, usize, Vec<Person>)> {
    let marks = [
        "(Eds.)", "(eds.)", "(Ed.)", "(ed.)", "(Hrsg.)", "(Hg.)", "(éd.)", "(éds.)", "(edd.)",
        "(eds)", "(ed)",
    ];
    // Most tails hold no mark: one pass says so.
    if !super::text::contains_any(s, &marks) {
        return None;
    }
    let (m, mark) = marks
        .iter()
        .filter_map(|k| super::text::find(s, k).map(|m| (m, *k)))
        .min()?;
    let before = &s[..m];
    let start = [". ", "In ", "in ", ": ", "In: ", "in: "]
        .iter()
        .filter_map(|b| super::text::rfind(before, b).map(|k| k + b.len()))
        .max()
        .unwrap_or(0);
    let cand = &before[start..];
    let lead = cand.len() - cand.trim_start().len();
    let l = names::name_list(cand.trim_start());
    if l.people.is_empty() || lead + l.end < cand.trim_end().len() {
        return None;
    }
    Some((start, m + mark.len(), l.people))
}

fn starts_edited_by(t: &str) -> Option<usize> {
    let l = super::text::Lower::new(t);
    for cue in [
        "edited by",
        "ed. by",
        "eds. by",
        "hrsg. von",
        "herausgegeben von",
        "éd. par",
        "édité par",
        "ed.",
        "eds.",
        "editado por",
        "dir.",
    ] {
        if l.starts_with(cue) {
            return Some(cue.len());
        }
    }
    None
}

/// "Uploaded on", "Recorded talk", "Posted": words about the medium.
fn is_event_phrase(t: &str) -> bool {
    let l = t.to_lowercase();
    [
        "uploaded",
        "posted",
        "published on",
        "recorded",
        "presented at",
        "lecture",
        "talk",
        "video",
        "podcast",
        "interview",
    ]
    .iter()
    .any(|c| l.starts_with(c))
}

fn classify_run(run: &str, tail: &mut Tail) {
    let run = run.trim();
    if run.is_empty() {
        return;
    }
    // "MA. IEEE Computer Society Press", "Mathematics. Prentice-Hall, Inc":
    // sentences run together in one run are read one by one.
    if let Some(k) = sentence_split(run) {
        classify_run(&run[..k], tail);
        classify_run(&run[k + 1..], tail);
        return;
    }
    if let Some(k) = starts_edited_by(run) {
        let l = names::name_list(run[k..].trim_start());
        if !l.people.is_empty() {
            tail.editors.extend(l.people);
            tail.used += run.len();
            return;
        }
    }
    if let Some((place, publ)) = lexicon::place_publisher(run) {
        if tail.place.is_none() {
            tail.place = Some(clean(place));
        }
        if tail.publisher.is_none() {
            tail.publisher = Some(clean(publ));
        }
        tail.used += run.len();
        return;
    }
    if tail.publisher.is_none() && lexicon::looks_like_publisher(run) {
        tail.publisher = Some(clean(run));
        tail.used += run.len();
        return;
    }
    if tail.place.is_none() && lexicon::is_city(run) {
        tail.place = Some(clean(run));
        tail.used += run.len();
        return;
    }
    let c = clean(run);
    if !c.is_empty() && !matches!(c.as_str(), "In" | "in" | "pp" | "p" | "S") {
        tail.note.push(c);
    }
}

/// Whether a volume the grammar read from the text `text` is one. A bare
/// number is a volume where a container carries it ("Nature 12"), or where
/// its form says so: a label before it ("vol. 3", "t. 2", "Bd. 4"), an
/// issue or pages after it ("11 (5)", "50: 3"), a semicolon before it
/// ("2007;83"). Otherwise it is a report's or a law's number, a part of a
/// title, a year: "Technical Report 11", "Tank 48", "Clarendon Press,
/// 2002". A count of pages is never one: "552 p.", "396 pages". ("2
/// vols." stays: annotators call it the volume.)
pub(crate) fn volume_stands(text: &str, volume: &str, has_container: bool) -> bool {
    if volume.is_empty() || !volume.starts_with(|c: char| c.is_ascii_digit()) {
        // "B39", "v. 435", "T. 1-2": the grammar kept a label or letter.
        return true;
    }
    let mut shaped = false;
    let mut counted = false;
    let mut seen = false;
    for (at, _) in text.match_indices(volume) {
        let before = &text[..at];
        let after = &text[at + volume.len()..];
        let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
        if glued(before.chars().next_back()) || glued(after.chars().next()) {
            continue;
        }
        seen = true;
        let b = before.trim_end();
        // The word right before, without its full stop ("vol.", "Bd.").
        let stem = b.trim_end_matches('.');
        let word = stem[stem.trim_end_matches(char::is_alphabetic).len()..].to_lowercase();
        let labelled = matches!(
            word.as_str(),
            "vol"
                | "vols"
                | "volume"
                | "bd"
                | "band"
                | "jg"
                | "jahrgang"
                | "t"
                | "tome"
                | "tomo"
                | "v"
                | "part"
                | "pt"
                | "том"
                | "т"
                | "вып"
                | "n"
                | "no"
                | "nr"
        ) || b.ends_with(';');
        let a = after.trim_start();
        let issue_or_pages = a.starts_with('(')
            || a.strip_prefix(':')
                .is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()));
        let lower = a.get(..a.len().min(8)).unwrap_or("").to_lowercase();
        let count = ["p.", "pp", "pages", "s.", "с.", "bl."]
            .iter()
            .any(|w| lower.starts_with(w));
        if labelled || issue_or_pages {
            shaped = true;
        } else if count {
            counted = true;
        }
    }
    if !seen || shaped {
        return true;
    }
    !counted && has_container
}

/// A bare number takes the first free slot: volume, then pages, then issue.
fn place_number(tail: &mut Tail, n: String) {
    if tail.volume.is_none() && tail.pages.is_none() {
        tail.volume = Some(n);
    } else if tail.pages.is_none() {
        tail.pages = Some(n);
    } else if tail.volume.is_none() {
        tail.volume = Some(n);
    }
}

fn assign_numbers(items: &[Item], tail: &mut Tail) {
    let mut paren_years: Vec<Date> = Vec::new();
    let mut years: Vec<Date> = Vec::new();
    for it in items {
        match it {
            Item::Date(d, paren) => {
                if *paren {
                    paren_years.push(*d)
                } else {
                    years.push(*d)
                }
            }
            Item::Vol(v) => {
                tail.volume.get_or_insert_with(|| v.clone());
            }
            Item::Issue(v) => {
                tail.issue.get_or_insert_with(|| v.clone());
            }
            Item::Pages(v) => {
                tail.pages.get_or_insert_with(|| v.clone());
            }
            Item::Compact(v, i, p) => {
                if tail.volume.is_none() {
                    tail.volume = Some(v.clone());
                    if let Some(i) = i {
                        tail.issue.get_or_insert_with(|| i.clone());
                    }
                    if let Some(p) = p {
                        tail.pages.get_or_insert_with(|| p.clone());
                    }
                } else if let Some(p) = p {
                    tail.pages.get_or_insert_with(|| p.clone());
                }
            }
            Item::Range(..) | Item::Num(..) => {}
            Item::Edition(e) => {
                tail.edition.get_or_insert_with(|| e.clone());
            }
            Item::Text(..) | Item::Punct(..) => {}
        }
    }
    // "Tetrahedron Lett. 3169 (1978)": a lone long number before a
    // bracketed year is the page (chemistry lists give no volume there);
    // a short one ("Phys. Rev. D 47 (1993)") stays the volume.
    let bare: Vec<&Item> = items
        .iter()
        .filter(|it| !matches!(it, Item::Text(..) | Item::Punct(..) | Item::Date(..)))
        .collect();
    let mut lone_page = false;
    if let [Item::Num(n)] = bare.as_slice() {
        let k = items.iter().position(|it| matches!(it, Item::Num(_)));
        let year_next = k.is_some_and(|k| {
            items[k + 1..]
                .iter()
                .find(|it| !matches!(it, Item::Punct(',', _)))
                .is_some_and(|it| matches!(it, Item::Date(_, true)))
        });
        if year_next
            && tail.volume.is_none()
            && tail.pages.is_none()
            && n.len() >= 3
            && n.bytes().all(|b| b.is_ascii_digit())
        {
            tail.pages = Some(n.clone());
            lone_page = true;
        }
    }
    // Bare numbers and ranges in order, once the labelled ones are placed.
    for it in items {
        match it {
            Item::Range(r) if tail.pages.is_none() => {
                tail.pages = Some(r.clone());
            }
            Item::Num(n) if !lone_page => place_number(tail, n.clone()),
            _ => {}
        }
    }
    // "JHEP 05 (2014) 146": a zero-padded two-digit number is an issue (a
    // month's number), not a volume.
    if tail.issue.is_none() {
        if let Some(v) = tail.volume.as_deref() {
            if v.len() == 2 && v.starts_with('0') && v != "00" {
                tail.issue = tail.volume.take();
            }
        }
    }
    // The date: a parenthesised one, else the most precise, else the first.
    let mut all_dates = paren_years.clone();
    all_dates.extend(years.iter().copied());
    tail.date = paren_years
        .first()
        .copied()
        .or_else(|| years.iter().copied().find(|d| d.month.is_some()))
        .or_else(|| years.first().copied());
    // Years beyond the chosen date are numbers ("JHEP 2013, 123 (2013)").
    for d in years.iter().skip(1) {
        if d.month.is_none() && tail.date.is_some_and(|t| t.year != d.year) {
            place_number(tail, d.year.to_string());
        }
    }
    let _ = all_dates;
    tail.used += [&tail.volume, &tail.issue, &tail.pages]
        .iter()
        .filter(|v| v.is_some())
        .count()
        * 4
        + tail.date.map_or(0, |_| 4);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn physics_short_form() {
        let t = read_with("Phys. Rev. D 65, 094516 (2002)", false, false);
        assert_eq!(t.container.as_deref(), Some("Phys. Rev. D"));
        assert_eq!(t.volume.as_deref(), Some("65"));
        assert_eq!(t.pages.as_deref(), Some("094516"));
        assert_eq!(t.date.map(|d| d.year), Some(2002));
    }

    #[test]
    fn vancouver_tail() {
        let t = read_with("J Neurol. 2019;266(3):1-9.", false, false);
        assert_eq!(t.container.as_deref(), Some("J Neurol"));
        assert_eq!(t.volume.as_deref(), Some("266"));
        assert_eq!(t.issue.as_deref(), Some("3"));
        assert_eq!(t.pages.as_deref(), Some("1-9"));
        assert_eq!(t.date.map(|d| d.year), Some(2019));
    }

    #[test]
    fn mla_journal_and_book_tails() {
        let t = read_with(
            "Common Knowledge, vol. 18, no. 3, 2012, pp. 505-524.",
            false,
            false,
        );
        assert_eq!(t.container.as_deref(), Some("Common Knowledge"));
        assert_eq!(
            (t.volume.as_deref(), t.issue.as_deref()),
            (Some("18"), Some("3"))
        );
        assert_eq!(t.pages.as_deref(), Some("505-524"));
        let t = read_with("Polity Press, 2019.", false, false);
        assert_eq!(t.container, None);
        assert_eq!(t.publisher.as_deref(), Some("Polity Press"));
        let t = read_with("New York: Wiley.", false, false);
        assert_eq!(t.place.as_deref(), Some("New York"));
        assert_eq!(t.publisher.as_deref(), Some("Wiley"));
    }

    #[test]
    fn numbers_inside_a_proceedings_title_stay_there() {
        let t = read_with(
            "Proceedings of the 2021 ACM Conference on Fairness, Mar. 2021, pp. 610–623.",
            false,
            false,
        );
        assert_eq!(
            t.container.as_deref(),
            Some("Proceedings of the 2021 ACM Conference on Fairness")
        );
        assert_eq!(t.pages.as_deref(), Some("610-623"));
        assert_eq!(t.date.map(|d| (d.year, d.month)), Some((2021, Some(3))));
    }
}
