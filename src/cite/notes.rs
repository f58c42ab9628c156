//! Notes: the footnotes and endnotes a document holds as "[n] text" lines
//! (pandoc's plain text and many PDF extractions put them after the
//! works-cited list), and the works a note cites (Chicago
//! notes-bibliography: "[4] Hoyer and Hamman, “Xarray,” 12.").

use super::scan::{Citation, CiteItem, Form};
use super::text::fold;
use crate::model::Entry;
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

/// The notes of `text` after byte `from`: number → byte range of the
/// note's text (after "[n] "). A note runs to the next blank line. Each
/// run of numbering from 1 is one map: a numbered list, then the notes.
pub(crate) fn find_notes(text: &str, from: usize) -> Vec<BTreeMap<u32, Range<usize>>> {
    let mut runs: Vec<BTreeMap<u32, Range<usize>>> = Vec::new();
    let mut at = from.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    // Start at a line start.
    if at > 0 && text.as_bytes()[at - 1] != b'\n' {
        at = text[at..].find('\n').map_or(text.len(), |k| at + k + 1);
    }
    while at < text.len() {
        let line_end = text[at..].find('\n').map_or(text.len(), |k| at + k);
        let line = &text[at..line_end];
        if let Some((n, head)) = note_head(line) {
            // The note's paragraph: up to a blank line.
            let body_start = at + head;
            let end = text[body_start..]
                .find("\n\n")
                .map_or(text.len(), |k| body_start + k);
            if n == 1 || runs.is_empty() {
                runs.push(BTreeMap::new());
            }
            if let Some(run) = runs.last_mut() {
                run.insert(n, body_start..end);
            }
            at = end;
            continue;
        }
        at = line_end + 1;
    }
    runs
}

/// "[12] Text" → (12, bytes up to the text).
fn note_head(line: &str) -> Option<(u32, usize)> {
    let rest = line.strip_prefix('[')?;
    let close = rest.find(']')?;
    if close == 0 || close > 4 {
        return None;
    }
    let n: u32 = rest[..close].parse().ok()?;
    let after = &rest[close + 1..];
    if !after.starts_with(' ') {
        return None;
    }
    Some((n, 1 + close + 2))
}

/// What an entry is known by in a note: the pairs of neighbouring words
/// of its text (authors, title, container), so that a short note
/// ("Hoyer and Hamman, “Xarray,” 12") shares "hamman xarray" with
/// "Hoyer, Stephan, and Joseph Hamman. “Xarray: N-D Labeled …”".
pub(crate) struct NoteKeys {
    keys: Vec<HashSet<(String, String)>>,
    /// Each entry's words, for a short note of one word ("“Xarray.”").
    words: Vec<HashSet<String>>,
    /// The words of each entry's authors (or editors): the names a short
    /// note opens with are looked for there, not in the container's
    /// editors ("Robert and Weaver-Hightower, School Food Politics" is the
    /// book they edited, not a chapter in it).
    heads: Vec<HashSet<String>>,
    /// Each entry's own title, as words.
    titles: Vec<Vec<String>>,
    /// The first three words each entry opens with.
    openings: Vec<Vec<String>>,
}

fn folded_words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .map(fold)
        .filter(|w| !w.is_empty())
}

/// Words too common to tell works apart on their own.
fn common(w: &str) -> bool {
    matches!(
        w,
        "of" | "the"
            | "and"
            | "in"
            | "on"
            | "for"
            | "a"
            | "an"
            | "to"
            | "university"
            | "press"
            | "journal"
            | "ed"
            | "no"
            | "vol"
            | "https"
            | "doi"
            | "org"
            | "http"
            | "www"
    )
}

/// The pairs of neighbouring words, leaving out pairs of two common words.
fn pairs<'a>(words: impl Iterator<Item = &'a String>) -> HashSet<(String, String)> {
    let words: Vec<&String> = words.collect();
    words
        .windows(2)
        .filter(|w| !(common(w[0]) && common(w[1])))
        .map(|w| (w[0].clone(), w[1].clone()))
        .collect()
}

impl NoteKeys {
    /// Prepares the entries of one document.
    pub(crate) fn new(entries: &[Entry], first_authors: &[Option<String>]) -> Self {
        let mut keys = Vec::with_capacity(entries.len());
        let mut words = Vec::with_capacity(entries.len());
        let mut heads = Vec::with_capacity(entries.len());
        let mut titles = Vec::with_capacity(entries.len());
        let mut openings = Vec::with_capacity(entries.len());
        for (e, a) in entries.iter().zip(first_authors) {
            // "———." entries get their author's name back.
            let raw = e.raw.trim_start();
            let repeated = raw.starts_with(['—', '–', '_']);
            let lead = a.as_deref().filter(|_| repeated).map(fold);
            let own: Vec<String> = folded_words(raw).collect();
            openings.push(own.iter().take(3).cloned().collect());
            keys.push(pairs(lead.iter().chain(&own)));
            words.push(own.into_iter().collect());
            let head = super::resolve::split_head(raw).0;
            heads.push(lead.into_iter().chain(folded_words(head)).collect());
            let title = e.reference().and_then(|r| r.title.as_deref()).unwrap_or("");
            titles.push(folded_words(title).collect());
        }
        NoteKeys {
            keys,
            words,
            heads,
            titles,
            openings,
        }
    }

    /// How much better entry `i` fits a segment than its shared word pairs
    /// say: the names before the segment's first comma found among the
    /// entry's authors, and a short title alone ("School Food Politics.")
    /// that the entry's own title starts with.
    fn bonus(&self, i: usize, segment: &str) -> usize {
        let mut bonus = 0;
        let named_first = named_first(segment);
        // "“InK” (ACM, 2018)": what citeproc adds to tell two works of one
        // short title apart, found among the entry's words.
        let (_, aside) = short_title(named_first.map_or(segment, |(_, rest)| rest));
        bonus += folded_words(aside)
            .filter(|w| w.chars().any(char::is_alphabetic) && !common(w))
            .filter(|w| self.words[i].contains(w))
            .count()
            .min(2);
        if let Some((names, rest)) = named_first {
            // "The Complete Letter Writer in English, 1568–1800, 51": a
            // short title alone before the first comma, the author named
            // in the text. Its words open the entry's title, in order.
            let opening: Vec<String> = folded_words(names)
                .filter(|w| w.chars().any(char::is_alphabetic))
                .collect();
            if opening.len() >= 2 && self.titles[i].starts_with(&opening) {
                bonus += 2 * opening.len();
            }
            let names: Vec<String> = folded_words(names)
                .filter(|w| !common(w) && !matches!(w.as_str(), "et" | "al"))
                .collect();
            let named = if names.len() <= 6 {
                names.iter().filter(|w| self.heads[i].contains(*w)).count()
            } else {
                0
            };
            bonus += 2 * named;
            // "Neumark and Wascher, Minimum Wages": the short title is the
            // whole title of one work and the start of another's. One word
            // is enough after the entry's author ("Sumption, Pilgrimage").
            let title: Vec<String> = folded_words(short_title(rest).0)
                .filter(|w| w.chars().any(char::is_alphabetic))
                .collect();
            let least = if named > 0 { 1 } else { 2 };
            if title.len() >= least && self.titles[i].starts_with(&title) {
                bonus += if self.titles[i].len() == title.len() {
                    2
                } else {
                    1
                };
            }
        } else {
            // "“LoRa Backscatter,” 105:8–105:11": a short title alone, the
            // author named in the text.
            let (title, _) = short_title(segment);
            let words: Vec<String> = folded_words(title).collect();
            let quoted = segment.trim_start().starts_with(QUOTES);
            // Quoted, the short title is known whole: it names the work.
            if (words.len() >= 2 || quoted && words.len() == 1)
                && self.titles[i].starts_with(&words)
            {
                bonus += if quoted { 3 } else { 2 };
            }
        }
        bonus
    }

    /// Whether the authors and short title a segment names (see
    /// [`named_work`]) are another work than entry `i`: none of the names
    /// is the entry's and the title holds a word the entry lacks, however
    /// many words the two titles share ("Reddick, The Making of Johnson’s
    /// Dictionary" is not "Yang, “The Making of the First Chinese-English
    /// Dictionary …”"). A misspelt author with the entry's own title still
    /// finds it, so the misspelling can be reported.
    fn names_another(&self, i: usize, (names, title): &(Vec<String>, Vec<String>)) -> bool {
        !names.iter().any(|w| self.heads[i].contains(w))
            && title.iter().any(|w| !self.words[i].contains(w))
    }

    /// Whether a full note's work is another than entry `i` of the same
    /// author: the year its publication facts close on is nowhere in the
    /// entry, and most of its title's words are not in the entry's title
    /// ("Elizabeth Anne McCauley, Industrial Madness: Commercial Photography
    /// in Paris (New Haven: Yale University Press, 1994)" against her
    /// "A. A. E. Disdéri and the Carte de Visite Portrait Photograph …
    /// 1985"). A reprint's note keeps its title and so its entry.
    fn dates_another(&self, i: usize, segment: &str, title: &[String]) -> bool {
        let years = fact_years(segment);
        if years.is_empty() || years.iter().any(|y| self.words[i].contains(y)) {
            return false;
        }
        let shared = title.iter().filter(|w| self.titles[i].contains(w)).count();
        2 * shared < title.len()
    }

    /// Whether `segment` opens with the first three words entry `i`
    /// opens with (an anonymous work's title, an organisation's name).
    fn opens_like(&self, i: usize, segment: &str) -> bool {
        let opening = &self.openings[i];
        opening.len() == 3 && folded_words(segment).take(3).eq(opening.iter().cloned())
    }

    /// The entry one segment of a note cites: the one sharing the most
    /// word pairs with it, at least two (one for a note of a few words).
    fn find(&self, segment: &str) -> Option<usize> {
        let mine = pairs(folded_words(segment).collect::<Vec<_>>().iter());
        if mine.is_empty() {
            // A note of one word (a short title after the author named in
            // the text): the one entry that has the word.
            let word = folded_words(segment).next()?;
            if word.chars().count() < 3 || common(&word) {
                return None;
            }
            let mut having = self
                .words
                .iter()
                .enumerate()
                .filter(|(_, w)| w.contains(&word));
            let (i, _) = having.next()?;
            return having.next().is_none().then_some(i);
        }
        let need = if mine.len() <= 4 { 1 } else { 2 };
        // Read once for the segment, compared with every entry.
        let named = named_work(segment);
        let mut best: Option<(usize, usize)> = None;
        for (i, key) in self.keys.iter().enumerate() {
            let shared = mine.iter().filter(|p| key.contains(*p)).count();
            let bonus = self.bonus(i, segment);
            // An author and the start of the title, named apart ("Sumption,
            // Pilgrimage, 9." for "Sumption, Jonathan. Pilgrimage: An
            // Image …"), share no pair of neighbouring words and still
            // name the work.
            if shared < need && bonus < 3
                || named.as_ref().is_some_and(|w| {
                    self.names_another(i, w) || self.dates_another(i, segment, &w.1)
                })
            {
                continue;
            }
            let score = shared + bonus;
            if best.is_none_or(|(_, s)| score > s) {
                best = Some((i, score));
            }
        }
        best.map(|(i, _)| i)
    }
}

const QUOTES: [char; 3] = ['“', '"', '‘'];

/// The names before a segment's first comma and what follows, unless the
/// segment opens on a quoted title or the part holds a bracket.
fn named_first(segment: &str) -> Option<(&str, &str)> {
    segment
        .split_once(", ")
        .filter(|(names, _)| !names.trim_start().starts_with(QUOTES) && !names.contains('('))
}

/// The folded names and the distinctive short-title words of a segment
/// that opens on a plain list of one to four authors: capitalised words,
/// initials, "and", "et al." ("E.g., Douglas S. Massey et al." or "The
/// decision is discussed in Woodside" are no such list), with a title of
/// at least two words of three letters or more.
fn named_work(segment: &str) -> Option<(Vec<String>, Vec<String>)> {
    let (names, rest) = named_first(segment)?;
    let plain = names.split_whitespace().all(|w| {
        matches!(w, "and" | "&" | "et" | "al.")
            || w.starts_with(char::is_uppercase)
                && (w
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '’' | '\''))
                    || w.len() <= 3 && w.ends_with('.'))
    });
    let names: Vec<String> = folded_words(names)
        .filter(|w| w.chars().count() > 1 && !matches!(w.as_str(), "and" | "et" | "al"))
        .collect();
    if !plain || names.is_empty() || names.len() > 4 {
        return None;
    }
    let title: Vec<String> = folded_words(short_title(rest).0)
        .filter(|w| w.chars().count() > 2 && w.chars().all(char::is_alphabetic) && !common(w))
        .collect();
    (title.len() >= 2).then_some((names, title))
}

/// The short title a note's segment opens with (within its quotes, else
/// up to the next comma or parenthesis) and the parenthesis right after it,
/// if any: ("InK", "ACM, 2018") from "“InK” (ACM, 2018), 44–49".
fn short_title(s: &str) -> (&str, &str) {
    let s = s.trim_start();
    let (title, after) = match s.strip_prefix(QUOTES) {
        Some(inner) => match inner.find(['”', '"', '’']) {
            Some(end) => {
                let close = inner[end..].chars().next().map_or(1, char::len_utf8);
                (&inner[..end], &inner[end + close..])
            }
            None => (inner, ""),
        },
        None => {
            let end = s.find([',', '(']).unwrap_or(s.len());
            (&s[..end], &s[end..])
        }
    };
    let title = title.trim_end_matches([',', '.', ' ']);
    let after = after.trim_start_matches([',', ' ']);
    let aside = after
        .strip_prefix('(')
        .and_then(|a| a.split_once(')'))
        .map_or("", |(inside, _)| inside);
    (title, aside)
}

/// True when a segment of a note reads like a citation rather than a
/// remark: a year, a page, a quoted title.
fn looks_cited(segment: &str) -> bool {
    segment.contains('“')
        || segment
            .as_bytes()
            .windows(4)
            .any(|w| w.iter().all(u8::is_ascii_digit))
        || short_form(segment)
}

/// A first note's publication facts: a parenthesis that closes on a year
/// ("(Cambridge University Press, 1990)", "(1998)").
fn dated_facts(segment: &str) -> bool {
    closing_digits(segment).next().is_some()
}

/// The four digits that close each parenthesis of `segment`, with the
/// text before them.
fn closing_digits(segment: &str) -> impl Iterator<Item = (&str, &str)> {
    segment.match_indices(')').filter_map(|(at, _)| {
        let before = segment[..at].trim_end();
        let from = before.len().checked_sub(4)?;
        let digits = before.get(from..)?;
        digits
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then_some((&before[..from], digits))
    })
}

/// The years that close a first note's publication facts (see
/// [`dated_facts`]): "1994" from "(New Haven: Yale University Press,
/// 1994)".
fn fact_years(segment: &str) -> Vec<String> {
    closing_digits(segment)
        .filter(|(before, _)| !before.ends_with(|c: char| c.is_ascii_digit()))
        .map(|(_, year)| year.to_owned())
        .collect()
}

/// Chicago's short note: a family name, a short title and the pages
/// ("Golte, Repartos y rebeliones, 81–99, tables 4–9").
fn short_form(segment: &str) -> bool {
    short_form_with(segment, true)
}

/// [`short_form`], with the pages left out when `paged` is false ("Hague
/// and Christie, Lighthouses." beside other works a note cites). One to
/// three names, joined by "and" or closed by "et al.".
fn short_form_with(segment: &str, paged: bool) -> bool {
    let Some((name, rest)) = segment.split_once(", ") else {
        return false;
    };
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !matches!(*w, "and" | "&" | "et" | "al."))
        .collect();
    let (title, pages) = match rest.split_once(", ") {
        Some((title, pages)) => (title, Some(pages)),
        None if !paged => (rest.trim_end_matches('.'), None),
        None => return false,
    };
    (1..=3).contains(&words.len())
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && title.starts_with(char::is_uppercase)
        && title.split_whitespace().count() <= 12
        && pages.is_none_or(|p| p.starts_with(|c: char| c.is_ascii_digit()))
}

/// The works note `text` cites, one per segment (";" outside quotes):
/// the entry it resolves to, or `None` for a citation-like segment that
/// matches no entry. "Ibid." repeats `previous`.
pub(crate) fn note_items(
    text: &str,
    keys: &NoteKeys,
    previous: &[Option<usize>],
) -> Vec<(String, Option<usize>)> {
    let flat = text.replace(['\n', '\r'], " ");
    let mut out = Vec::new();
    let mut depth = false;
    let mut start = 0;
    let mut segments = Vec::new();
    for (i, c) in flat.char_indices() {
        match c {
            '“' => depth = true,
            '”' => depth = false,
            ';' if !depth => {
                segments.push(&flat[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    segments.push(&flat[start..]);
    let segments: Vec<(&str, Option<usize>)> = segments
        .into_iter()
        .map(|s| (s.trim(), keys.find(s.trim())))
        .collect();
    // Beside works the note is known to cite, a name and a short title
    // without pages are one more ("…; Hague and Christie, Lighthouses.").
    let citing = segments.len() > 1 && segments.iter().any(|(_, found)| found.is_some());
    for (seg, found) in segments {
        if seg.is_empty() {
            continue;
        }
        let lower = seg.to_lowercase();
        if lower.starts_with("ibid") {
            for p in previous {
                out.push((seg.to_owned(), *p));
            }
            continue;
        }
        match found {
            Some(i) => out.push((seg.to_owned(), Some(i))),
            None if looks_cited(seg) || citing && short_form_with(seg, false) => {
                out.push((seg.to_owned(), None))
            }
            None => {}
        }
    }
    out
}

/// Whether a note is a remark that cites along the way ("The notion is
/// older: see Labov, Sociolinguistic Patterns, 8 and, on code switching,
/// Greenberg, …") rather than a citation ("See Anderson, Imagined
/// Communities, 6."): some ";" part of it has three or more lower-case
/// words before its first name or quoted title.
fn is_remark(note: &str) -> bool {
    // "Eastman’s slogan, “You press the button” …": a note that opens on
    // someone's possessive is a sentence about them; no citation is
    // written so.
    let first = note.split_whitespace().next().unwrap_or("");
    if first.starts_with(char::is_uppercase) && (first.ends_with("’s") || first.ends_with("'s")) {
        return true;
    }
    note.split(';').any(|part| {
        let mut lower = 0;
        let (mut before, mut last) = ("", "");
        for word in part.split_whitespace().skip(1) {
            if word.starts_with(|c: char| c.is_uppercase() || matches!(c, '“' | '"' | '‘')) {
                // "For a critique, see Kula, …": a citation's prefix, a
                // phrase closed by its comma and then "see", opens the
                // note's first work ("older: see Labov" stays a remark).
                if matches!(last, "see" | "cf.") && before.ends_with(',') && lower <= 4 {
                    lower = 0;
                }
                break;
            }
            (before, last) = (last, word);
            let joiner = matches!(word.trim_end_matches(','), "et" | "al." | "and" | "&");
            if word.starts_with(char::is_lowercase) && !joiner {
                lower += 1;
            }
        }
        lower >= 3
    })
}

/// Whether a ";" part of `note` is a sentence of prose that names no list
/// author (`firsts`): six or more lower-case words, not one of those
/// names, no quotation marks or brackets and no page at its end ("The
/// French map and the county-scale Chinese model cited in Section 3.2 are
/// by different first authors who share a surname; see Chen et al., …"),
/// where [`is_remark`] stops at the first capitalised word. A part that
/// names an author as a citation does (no lower-case word after the name
/// but "and", "et", "ed." or "eds.") is left to it: a long title after the
/// name ("Reusch, Die Indices librorum prohibitorum des …") is no prose. A
/// name the sentence goes on from with a verb does not count.
fn has_prose_part(note: &str, firsts: &[Option<String>]) -> bool {
    note.split(';').any(|part| {
        let part = part.split_whitespace().collect::<Vec<_>>().join(" ");
        let part = part.trim_end_matches(['.', ' ']);
        // A citation ends on its page or names a title in quotes or its
        // publisher in brackets.
        if part.ends_with(|c: char| c.is_ascii_digit()) || part.contains(['“', '"', '(', '[']) {
            return false;
        }
        let lower = part
            .split_whitespace()
            .filter(|w| w.starts_with(char::is_lowercase))
            .filter(|w| !matches!(w.trim_end_matches(','), "et" | "al." | "and" | "&"))
            .count();
        // A name the sentence goes on from with a verb ("Himanshu Save
        // developed the approach …") is the sentence's subject, not a
        // citation's author.
        let cited_at = |name: &str, at: usize| {
            let after = part[at + name.len()..].trim_start();
            let next = after.split_whitespace().next().unwrap_or("");
            !next.starts_with(char::is_lowercase) || matches!(next, "and" | "et" | "ed." | "eds.")
        };
        lower >= 6
            && !firsts.iter().flatten().any(|name| {
                name.chars().count() >= 2 && whole_words(part, name).any(|at| cited_at(name, at))
            })
    })
}

/// Where `name` stands in `hay` as whole words, no letter or digit glued
/// to either end.
fn whole_words<'a>(hay: &'a str, name: &'a str) -> impl Iterator<Item = usize> + 'a {
    let glued = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    hay.match_indices(name).map(|(i, _)| i).filter(move |&i| {
        !glued(hay[..i].chars().next_back()) && !glued(hay[i + name.len()..].chars().next())
    })
}

/// The citations inside a remark note: each starts where a list author is
/// named (not a co-author: "Efron and Tibshirani") and runs to the next
/// such name. The stretch resolves to the one entry its author leads, or
/// by shared words among several. Byte ranges within `note`, each with
/// its entry.
fn remark_citations(
    note: &str,
    keys: &NoteKeys,
    firsts: &[Option<String>],
) -> Vec<(Range<usize>, Option<usize>)> {
    let flat = note.replace(['\n', '\r'], " ");
    // (start, end of the name, entries the name leads)
    let mut starts: Vec<(usize, usize, Vec<usize>)> = Vec::new();
    for (entry, name) in firsts.iter().enumerate() {
        let Some(name) = name.as_deref().filter(|n| n.chars().count() >= 2) else {
            continue;
        };
        for i in whole_words(&flat, name) {
            let end = i + name.len();
            // "Stark’s own": a possessive is the prose's, not a citation.
            if flat[end..].starts_with("’s") || flat[end..].starts_with("'s") {
                continue;
            }
            match starts.iter_mut().find(|s| s.0 == i) {
                Some(s) => s.2.push(entry),
                None => starts.push((i, end, vec![entry])),
            }
        }
    }
    starts.sort_by_key(|s| s.0);
    // A co-author right after a name is part of that name's citation.
    let mut kept: Vec<(usize, usize, Vec<usize>)> = Vec::new();
    for s in starts {
        let joined = kept.last().is_some_and(|k| {
            let between = flat[k.1.min(s.0)..s.0].trim();
            matches!(between, "and" | "&" | ",")
        });
        if !joined {
            kept.push(s);
        }
    }
    let mut out = Vec::new();
    for (k, (start, name_end, leads)) in kept.iter().enumerate() {
        let end = kept.get(k + 1).map_or(flat.len(), |n| n.0);
        let seg = flat[*start..end].trim_end();
        // "Belyea is the sharper of the two;", "Turnbull the more useful.":
        // a name the remark goes on talking about, with no title, year or
        // page after it, is a mention, not a citation. A citation puts a
        // comma, a bracket, "et al." or a co-author after the name
        // ("Belyea, “Amerindian Maps,” 267", "Spencer (Pilgrim Souvenirs,
        // 256)", "Efron and Tibshirani, An Introduction").
        let after = flat[(*name_end).min(end)..end].trim_start();
        let co_author = ["and ", "& "].iter().any(|j| {
            after
                .strip_prefix(j)
                .is_some_and(|r| r.trim_start().starts_with(char::is_uppercase))
        });
        let names_go_on = after.starts_with([',', '(']) || after.starts_with("et al") || co_author;
        let cited = looks_cited(seg);
        // "Bannet counts at least twenty-three editions before 1800": a
        // name the remark's own sentence goes on from, with a verb after
        // it, is its subject, whatever years the sentence holds.
        let subject =
            after.starts_with(char::is_lowercase) && !after.starts_with("et al") && !co_author;
        if subject || !cited && !names_go_on {
            continue;
        }
        let entry = match leads.as_slice() {
            [one] => Some(*one),
            _ => keys.find(seg).filter(|e| leads.contains(e)),
        };
        if entry.is_some() || cited {
            out.push((*start..*start + seg.len(), entry));
        }
    }
    out
}

/// Note markers of the body: "[4]" glued to the text before it
/// ("scheduler.[4]"), each with its note. Returns the citations, with one
/// item per work the note cites, and for each item its entry. A remark
/// note's citations stand inside the note, where its works are named by
/// `firsts`, the first author of each entry. With `cells`, a marker alone
/// in a table's last cell counts too (see [`is_cell_marker`]); that is for
/// a list without numbers, where "[15]" can be nothing else.
pub(crate) fn note_citations(
    text: &str,
    body: Range<usize>,
    notes: &BTreeMap<u32, Range<usize>>,
    keys: &NoteKeys,
    firsts: &[Option<String>],
    cells: bool,
) -> Vec<(Citation, Vec<Option<usize>>)> {
    let bytes = text.as_bytes();
    let mut out: Vec<(Citation, Vec<Option<usize>>)> = Vec::new();
    let mut previous: Vec<Option<usize>> = Vec::new();
    for open in memchr::memchr_iter(b'[', &bytes[body.clone()]).map(|k| body.start + k) {
        let Some(close) = bytes[open..body.end.min(open + 6)]
            .iter()
            .position(|&b| b == b']')
        else {
            continue;
        };
        let Ok(n) = text[open + 1..open + close].parse::<u32>() else {
            continue;
        };
        let marker = is_marker(text, open) || (cells && is_cell_marker(text, open));
        if !marker {
            continue;
        }
        let Some(note) = notes.get(&n) else { continue };
        let items = note_items(&text[note.clone()], keys, &previous);
        let unresolved = items.iter().any(|(_, e)| e.is_none());
        // "Index auctorum, et librorum, qui ab Officio …": a note that
        // opens with the words an entry opens with (an anonymous work's
        // Latin title) cites it, however many lower-case words follow.
        // So does a segment that opens as its entry does ("Union générale
        // des postes, Documents …"): the lower-case words are the name's.
        let spaced = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        let openings: Vec<String> = items
            .iter()
            .filter(|(seg, e)| e.is_some_and(|e| keys.opens_like(e, seg)))
            .map(|(seg, _)| spaced(seg))
            .collect();
        let opens_its_entry = |part: &str| !openings.is_empty() && openings.contains(&spaced(part));
        let opens_an_entry = !unresolved
            && items
                .first()
                .and_then(|(seg, e)| Some((seg, (*e)?)))
                .is_some_and(|(seg, e)| keys.opens_like(e, seg));
        let rest: Vec<&str> = text[note.clone()]
            .split(';')
            .filter(|part| !opens_its_entry(part))
            .collect();
        let rest = rest.join(";");
        let remark = !opens_an_entry && (is_remark(&rest) || has_prose_part(&rest, firsts));
        // A remark by its words, or one the segments cannot read ("The
        // name “lithium ion” appears to have been Sony’s; compare Nagaura
        // and Tozawa, …") where the names inside resolve more.
        if remark || unresolved {
            let inside = remark_citations(&text[note.clone()], keys, firsts);
            // A segment in the form of a note's citation ("Allen Reddick,
            // The Making of Johnson’s Dictionary, 1746–1773 (Cambridge
            // University Press, 1990), 12–54") that resolves to nothing is
            // a work missing from the list, not a remark's prose: the names
            // the note's other works hold must not read it away.
            let cites_missing = items
                .iter()
                .any(|(seg, e)| e.is_none() && (short_form(seg) || dated_facts(seg)));
            let better = remark
                || !cites_missing
                    && inside.iter().filter(|(_, e)| e.is_some()).count()
                        > items.iter().filter(|(_, e)| e.is_some()).count();
            if !inside.is_empty() && better {
                previous = inside.iter().map(|(_, e)| *e).collect();
                for (r, e) in inside {
                    let range = note.start + r.start..note.start + r.end;
                    let title = text[range.clone()].replace(['\n', '\r'], " ");
                    out.push((note_citation(text, range, n, vec![title]), vec![e]));
                }
                continue;
            }
        }
        if items.is_empty() {
            continue;
        }
        previous = items.iter().map(|(_, e)| *e).collect();
        let (segments, targets) = items.into_iter().unzip();
        out.push((
            note_citation(text, open..open + close + 1, n, segments),
            targets,
        ));
    }
    out
}

/// A citation of note `n` at `range`, one item per cited segment.
fn note_citation(text: &str, range: Range<usize>, n: u32, segments: Vec<String>) -> Citation {
    let items = segments
        .into_iter()
        .map(|seg| CiteItem {
            number: Some(n),
            title: Some(seg),
            range: range.clone(),
            ..CiteItem::default()
        })
        .collect();
    Citation {
        span: Default::default(),
        text: text[range.clone()].to_owned(),
        range,
        form: Form::Note,
        items,
        weak: false,
    }
}

/// A marker is glued to what it follows: "scheduler.[4]", "Hamman[2]".
pub(crate) fn is_marker(text: &str, open: usize) -> bool {
    text[..open]
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_whitespace() && c != '[')
}

/// A marker that is a table's last cell on its own ("  Drift         [15]"):
/// a column gap of two spaces or more before it, a cell of text before
/// that, and nothing after it on the line.
pub(crate) fn is_cell_marker(text: &str, open: usize) -> bool {
    let line_start = text[..open].rfind('\n').map_or(0, |k| k + 1);
    let before = &text[line_start..open];
    let Some(close) = text[open..].find(']').map(|k| open + k + 1) else {
        return false;
    };
    let line_end = text[close..].find('\n').map_or(text.len(), |k| close + k);
    let mut after = text[close..line_end].trim();
    // "[49];[50]": more markers in the same cell.
    while let Some(next) = after.strip_prefix(';').or_else(|| after.strip_prefix(',')) {
        let next = next.trim_start();
        let Some(end) = next.strip_prefix('[').and_then(|r| {
            r.find(']')
                .filter(|&k| k > 0 && r[..k].bytes().all(|b| b.is_ascii_digit()))
        }) else {
            break;
        };
        after = next[end + 2..].trim_start();
    }
    // A multiline table read cell by cell (`cite::table`) sets its cells
    // apart by bars: "… from 2018 | [45]".
    // The bar may end the line above, where the cells before filled it.
    let bar_above = before.trim().is_empty()
        && text[..line_start]
            .trim_end_matches('\n')
            .rsplit('\n')
            .next()
            .is_some_and(|l| l.trim_end().ends_with(" |"));
    let after_bar = (before.trim_end().ends_with(" |") || bar_above)
        && (after.is_empty() || after.starts_with("| "));
    // "North China Plain   2003–2010   about −8 km³/yr Wells: −2.5 cm/yr
    // [55];[56]": a cell that fills its column leaves one space; the row's
    // other gaps say it is a table's.
    let gap =
        before.ends_with("  ") || (before.ends_with(' ') && before.matches("   ").count() >= 2);
    after_bar
        || gap
            && before
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
            && after.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An unparsed Chicago entry: notes are matched on the raw text.
    fn entry(raw: &str) -> Entry {
        Entry {
            span: Default::default(),
            label: None,
            marker: None,
            raw: raw.to_owned().into(),
            style: crate::model::Style::Chicago,
            outcome: crate::model::Outcome::Unparsed {
                reason: String::new(),
            },
        }
    }

    #[test]
    fn notes_after_a_list() {
        let t = "Body.[1] More.[2]\n\nReferences\n\nA, B. Title. 2000.\n\n[1] First note.\n\n[2] Second\nnote.\n";
        let n = find_notes(t, t.find("References").unwrap()).pop().unwrap();
        assert_eq!(n.len(), 2);
        assert_eq!(&t[n[&2].clone()], "Second\nnote.\n");
        let t =
            "x [1]\n\nReferences\n\n[1] A. B, “T,” 2000.\n\n[2] C. D, “U,” 2001.\n\n[1] A note.\n";
        let runs = find_notes(t, t.find("References").unwrap());
        assert_eq!(runs.len(), 2);
        let n = &runs[1];
        assert_eq!(n.len(), 1);
        assert_eq!(&t[n[&1].clone()], "A note.\n");
    }

    #[test]
    fn a_one_word_short_note_finds_its_entry() {
        let entries = [
            entry("Hoyer, Stephan. “Xarray: N-D Labeled Arrays.” 2017."),
            entry("Lorenz, Edward. “Deterministic Nonperiodic Flow.” 1963."),
            entry("Lorenz, Edward. “Predictability.” 1972."),
        ];
        let keys = NoteKeys::new(&entries, &[None, None, None]);
        assert_eq!(keys.find("“Xarray.”"), Some(0));
        // A word two entries share says nothing.
        assert_eq!(keys.find("Lorenz"), None);
        assert_eq!(keys.find("“Zebra.”"), None);
    }

    #[test]
    fn markers_are_glued() {
        let t = "a scheduler.[4] and [5] b";
        assert!(is_marker(t, t.find("[4]").unwrap()));
        assert!(!is_marker(t, t.find("[5]").unwrap()));
        let t = "  Mechanism     Key reference\n  Drift         [15]\n  Feedback  [16] and more\n[17]\n";
        assert!(is_cell_marker(t, t.find("[15]").unwrap()));
        assert!(!is_cell_marker(t, t.find("[16]").unwrap()));
        assert!(!is_cell_marker(t, t.find("[17]").unwrap()));
        let t = "  France     1795     1840     [49];[50]\n";
        assert!(is_cell_marker(t, t.find("[49]").unwrap()));
        let t = "  Plain | 2003–2010 | about −8 km³/yr | head-equivalent |\n[55];[56]\n";
        assert!(is_cell_marker(t, t.find("[55]").unwrap()));
        let t = "  North China Plain          2003–2010       about −8 km³/yr Wells: −2.5 cm/yr [55];[56]\n";
        assert!(is_cell_marker(t, t.find("[55]").unwrap()));
    }

    #[test]
    fn remarks_and_citation_notes() {
        assert!(is_remark(
            "The notion is older: see Labov, Patterns, 8 and, on code switching, Greenberg."
        ));
        assert!(is_remark(
            "See Kuznets, Growth, 15; on the measurement of top incomes, Piketty and Saez, 8."
        ));
        assert!(!is_remark("See Anderson, Imagined Communities, 6."));
        // A note that opens on a possessive speaks of its person.
        assert!(is_remark(
            "Eastman’s slogan, “You press the button,” was used early; see Eder, Handbuch, 3:220."
        ));
        assert!(!is_remark(
            "For a critique, see Kula, Measures and Men, 114–121; Alder, The Measure of All Things, 347–354."
        ));
        assert!(!is_remark(
            "Eyring et al., “Overview of the Design and Organization.”"
        ));
        assert!(!is_remark(
            "Umut Özkırımlı, Theories of Nationalism (Palgrave, 2010), 3."
        ));
    }

    #[test]
    fn a_part_of_prose_that_names_no_author_makes_a_remark() {
        let firsts = [Some("Chen".to_owned()), Some("Reusch".to_owned())];
        // Made-up notes.
        assert!(has_prose_part(
            "The French map and the county model cited in Section 3.2 are by \
             different first authors who share a surname; see Chen et al., \
             “A Map” and Chen et al., “A Model”.",
            &firsts
        ));
        // A long title after its author's name, or one that ends on its
        // page, is no prose.
        assert!(!has_prose_part(
            "Reusch, Die Indices librorum prohibitorum des sechzehnten Jahrhunderts, 176.",
            &firsts
        ));
        assert!(!has_prose_part(
            "Caminos, correos y comunicaciones en la América hispana, siglos XVI–XIX, 24.",
            &firsts
        ));
        // A list author the sentence goes on from with a verb is its
        // subject: still prose.
        assert!(has_prose_part(
            "Chen developed the regularisation approach in his doctoral work; see Chen, “A Map,” 4.",
            &firsts
        ));
    }

    #[test]
    fn a_remark_cites_where_it_names_the_works() {
        let entries = [
            entry("Efron, Bradley, and Robert Tibshirani. An Introduction to the Bootstrap. 1993."),
            entry("Tibshirani, Robert. “Regression Shrinkage via the Lasso.” 1996."),
            entry("Labov, William. Sociolinguistic Patterns. 1972."),
        ];
        let firsts = [
            Some("Efron".to_owned()),
            Some("Tibshirani".to_owned()),
            Some("Labov".to_owned()),
        ];
        let keys = NoteKeys::new(&entries, &firsts);
        let note = "For intervals see Efron and Tibshirani, An Introduction\nto the \
                    Bootstrap, 6 and, on variation, Labov, Sociolinguistic Patterns, 8.";
        let found = remark_citations(note, &keys, &firsts);
        let got: Vec<(&str, Option<usize>)> =
            found.iter().map(|(r, e)| (&note[r.clone()], *e)).collect();
        assert_eq!(got.len(), 2, "{got:?}");
        // The co-author does not start a citation of the lasso paper.
        assert!(got[0]
            .0
            .starts_with("Efron and Tibshirani, An Introduction"));
        assert_eq!(got[0].1, Some(0));
        assert!(got[1].0.starts_with("Labov, Sociolinguistic Patterns, 8"));
        assert_eq!(got[1].1, Some(2));
        // Names the remark goes on talking about are mentions.
        let note = "Compare Efron, An Introduction to the Bootstrap, 18, with \
                    Labov, Sociolinguistic Patterns, 27. Efron is the sharper of the two; \
                    Labov the more useful, and Labov (Sociolinguistic Patterns, 30) says so.";
        let found = remark_citations(note, &keys, &firsts);
        let got: Vec<&str> = found.iter().map(|(r, _)| &note[r.clone()]).collect();
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[2].starts_with("Labov (Sociolinguistic"), "{got:?}");
        // A name the sentence goes on from is its subject, years or not.
        let note = "Labov counts at least nine variables before 1972; see Labov, \
                    Sociolinguistic Patterns, 30.";
        let found = remark_citations(note, &keys, &firsts);
        let got: Vec<&str> = found.iter().map(|(r, _)| &note[r.clone()]).collect();
        assert_eq!(got, ["Labov, Sociolinguistic Patterns, 30."]);
    }

    #[test]
    fn a_note_that_opens_like_an_entry_cites_it_at_its_marker() {
        // An anonymous work's Latin title has more lower-case words than a
        // remark, but the note opens as its entry does.
        let entries = [
            entry("Index auctorum, et librorum, qui ab Officio Sanctae Rom. Rome: Antonio Blado, 1559."),
            entry("Grendler, Paul F. The Roman Inquisition and the Venetian Press. 1977."),
        ];
        let firsts = [
            Some("Index auctorum".to_owned()),
            Some("Grendler".to_owned()),
        ];
        let keys = NoteKeys::new(&entries, &firsts);
        let body = "The first index was printed in Rome.[1]\n\n";
        let note =
            "Index auctorum, et librorum, qui ab Officio Sanctae Rom.\n(Antonio Blado, 1559).";
        let text = format!("{body}{note}\n");
        let notes = BTreeMap::from([(1, body.len()..body.len() + note.len())]);
        let found = note_citations(&text, 0..body.len(), &notes, &keys, &firsts, false);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0.text, "[1]");
        assert_eq!(found[0].1, [Some(0)]);
        // So does a later segment: an organisation written in lower case
        // after its first word ("Union générale des postes").
        let entries = [
            parsed("Grendler, Paul F. The Roman Inquisition and the Venetian Press. Princeton University Press, 1977."),
            parsed("Union générale des douanes. Actes du Congrès douanier de Genève (3 mars–9 avril 1880). Imprimerie Fick, 1881."),
        ];
        let firsts = [Some("Grendler".to_owned()), None];
        let keys = NoteKeys::new(&entries, &firsts);
        let note = "Grendler, The Roman Inquisition, 12–31; Union générale des douanes, Actes du \
                    Congrès douanier de Genève (3 mars–9 avril 1880) (Imprimerie Fick, 1881), 1–18.";
        let text = format!("{body}{note}\n");
        let notes = BTreeMap::from([(1, body.len()..body.len() + note.len())]);
        let found = note_citations(&text, 0..body.len(), &notes, &keys, &firsts, false);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0.text, "[1]");
        assert_eq!(found[0].1, [Some(0), Some(1)]);
    }

    #[test]
    fn a_short_title_alone_finds_the_work_whose_title_it_opens() {
        // Made-up works. The author is named in the text; the note has the
        // short title only, whose words other entries share as a bag.
        let keys = parsed_keys(&[
            "The Useful Letter-Writer; or, New and Polite Scots Secretary. Printed for J. Bell, 1761.",
            "Grant, Mary Ellen. The Useful Letter Writer in Scotland, 1600–1800. Smith College, 1938.",
            "Brown, Alan. Royal Mail: The Post Office Since 1840. Athlone Press, 1985.",
            "Hume, Robert. Post Office Reform: Its Importance and Practicability. Clowes, 1837.",
        ]);
        assert_eq!(
            keys.find("The Useful Letter Writer in Scotland, 1600–1800, 51."),
            Some(1)
        );
        assert_eq!(keys.find("Post Office Reform, 7–11."), Some(3));
    }

    #[test]
    fn a_short_note_of_a_work_the_list_lacks_is_still_a_citation() {
        assert!(looks_cited(
            "Golte, Repartos y rebeliones, 81–99, tables 4–9"
        ));
        assert!(looks_cited("Stern, Peru’s Indian Peoples, 76–79"));
        // Prose is not.
        assert!(!looks_cited("The decision was French, not Vietnamese"));
        assert!(!looks_cited("Lima, Cuzco and Potosí, all of them"));
    }

    fn parsed(raw: &str) -> Entry {
        let p = crate::parse::parse_reference(raw, crate::model::Style::Chicago);
        Entry {
            outcome: p.outcome,
            ..entry(raw)
        }
    }

    /// The keys of entries parsed from `raws`, no first author given.
    fn parsed_keys(raws: &[&str]) -> NoteKeys {
        let entries: Vec<Entry> = raws.iter().map(|r| parsed(r)).collect();
        NoteKeys::new(&entries, &vec![None; raws.len()])
    }

    #[test]
    fn a_short_note_by_editors_finds_their_book() {
        let keys = parsed_keys(&[
            "Pike, Jo. “Eating Together at School.” In School Food Politics: The Complex Ecology of Feeding, edited by Sarah A. Robert and Marcus B. Weaver-Hightower. Peter Lang, 2011.",
            "Robert, Sarah A. “Canteens and Citizens.” In School Food Politics: The Complex Ecology of Feeding, edited by Sarah A. Robert and Marcus B. Weaver-Hightower. Peter Lang, 2011.",
            "Robert, Sarah A., and Marcus B. Weaver-Hightower, eds. School Food Politics: The Complex Ecology of Feeding. Peter Lang, 2011.",
        ]);
        assert_eq!(
            keys.find("Robert and Weaver-Hightower, School Food Politics, 1–10"),
            Some(2)
        );
        // A short title alone: the work whose own title it begins.
        assert_eq!(keys.find("School Food Politics."), Some(2));
        assert_eq!(keys.find("Robert, “Canteens and Citizens,” 130"), Some(1));
    }

    #[test]
    fn a_short_note_of_a_deleted_entry_beside_others_is_reported() {
        let keys = parsed_keys(&[
            "Woodman, Richard, and Jane Wilson. The Lighthouses of Trinity House. Thomas Reed, 2002.",
            "Pearson, Lynn F. Lighthouses. Shire Publications, 1995.",
        ]);
        // Two names joined by "and", with pages: a short form on its own.
        let items = note_items(
            "Woodman and Wilson, The Lighthouses of Trinity House, 12–20; Hague and\nChristie, Lighthouses, 45–52.",
            &keys,
            &[],
        );
        assert_eq!(items.len(), 2, "{items:?}");
        assert_eq!((items[0].1, items[1].1), (Some(0), None));
        // Without pages only beside a work the note is known to cite.
        let items = note_items(
            "Woodman and Wilson, The Lighthouses of Trinity House; Hague and Christie, Lighthouses.",
            &keys,
            &[],
        );
        assert_eq!(items.len(), 2, "{items:?}");
        assert!(note_items("Paris and Lyon, Lighthouses.", &keys, &[]).is_empty());
    }

    #[test]
    fn a_work_the_list_lacks_is_not_another_with_a_like_title() {
        let entries = [
            parsed("Considine, John. Dictionaries in Early Modern Europe: Lexicography and the Making of Heritage. Cambridge University Press, 2008."),
            parsed("Yang, Huiling. “The Making of the First Chinese-English Dictionary.” Historiographia Linguistica 41 (2014): 299–322."),
            parsed("Kolb, Gwin J., and Robert DeMaria Jr. “Johnson’s Dictionary and Dictionary Johnson.” Yearbook of English Studies 28 (1998): 19–25."),
            parsed("DeMaria, Robert, Jr. Johnson’s Dictionary and the Language of Learning. University of North Carolina Press, 1986."),
        ];
        let firsts = [
            Some("Considine".to_owned()),
            Some("Yang".to_owned()),
            Some("Kolb".to_owned()),
            Some("DeMaria".to_owned()),
        ];
        let keys = NoteKeys::new(&entries, &firsts);
        // The short note of a deleted entry shares "The Making of" and
        // "Dictionary" with two others, but names an author neither has.
        let items = note_items(
            "Reddick, The Making of Johnson’s Dictionary, 1746–1773, 25–54.",
            &keys,
            &[],
        );
        assert_eq!(items.len(), 1, "{items:?}");
        assert_eq!(items[0].1, None);
        // Misspelt, the author still finds the entry with that title.
        let items = note_items(
            "Yangg, “The Making of the First Chinese-English Dictionary,” 316.",
            &keys,
            &[],
        );
        assert_eq!(items[0].1, Some(1));
        // A first note of the deleted work beside one the list has: the
        // note reports the missing work and cites the other; the names
        // inside the second work's segment do not read the note away.
        let body = "He revised the work.[1]\n\n";
        let note = "Allen Reddick, The Making of Johnson’s Dictionary, 1746–1773 (Cambridge\n\
                    University Press, 1990), 12–54; Gwin J. Kolb and Robert DeMaria Jr., “Johnson’s\n\
                    Dictionary and Dictionary Johnson,” Yearbook of English Studies 28 (1998):\n19–25.";
        let text = format!("{body}{note}\n");
        let notes = BTreeMap::from([(1, body.len()..body.len() + note.len())]);
        let found = note_citations(&text, 0..body.len(), &notes, &keys, &firsts, false);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0.text, "[1]");
        assert_eq!(found[0].1, [None, Some(2)]);
    }

    #[test]
    fn a_first_note_of_another_year_and_title_by_a_listed_author() {
        let keys = parsed_keys(&[
            "McCauley, Elizabeth Anne. A. A. E. Disdéri and the Carte de Visite Portrait Photograph. New Haven: Yale University Press, 1985.",
            "Kemp, Wolfgang. Theorie der Fotografie I: 1839–1912. München: Schirmer/Mosel, 1980.",
        ]);
        // The deleted 1994 book shares the author and the publisher with
        // the listed 1985 one, and nothing of its title or year.
        let items = note_items(
            "Elizabeth Anne McCauley, Industrial Madness: Commercial Photography in Paris,
             1848–1871 (New Haven: Yale University Press, 1994), 256–259.",
            &keys,
            &[],
        );
        assert_eq!(items.len(), 1, "{items:?}");
        assert_eq!(items[0].1, None);
        // The listed work in a reprint of another year keeps its title.
        let items = note_items(
            "Elizabeth Anne McCauley, A. A. E. Disdéri and the Carte de Visite Portrait
             Photograph (New Haven: Yale University Press, 2002), 149–172.",
            &keys,
            &[],
        );
        assert_eq!(items[0].1, Some(0));
        // And of the year it is listed under, the title may be shortened.
        let items = note_items(
            "Elizabeth Anne McCauley, Disdéri's Portraits (New Haven: Yale University Press, 1985), 9.",
            &keys,
            &[],
        );
        assert_eq!(items[0].1, Some(0));
    }

    #[test]
    fn a_short_title_in_quotes_and_what_tells_two_apart() {
        let keys = parsed_keys(&[
            "Yıldırım, Kasım Sinan, and Josiah Hester. “InK: Reactive Kernel for Tiny Batteryless Sensors.” Proceedings of the 16th ACM Conference on Embedded Networked Sensor Systems (New York), 2018, 41–53.",
            "Yıldırım, Kasım Sinan, and Josiah Hester. InK: Reactive Kernel for Tiny Batteryless Sensors. Version 1.0. 2018. https://github.com/TUDSSL/InK.",
            "Talla, Vamsi, and Shyamnath Gollakota. “LoRa Backscatter: Enabling the Vision of Ubiquitous Connectivity.” Proceedings of the ACM on Interactive, Mobile, Wearable and Ubiquitous Technologies 1, no. 3 (2017): 105.",
            "Lucia, Brandon, and Emily Ruppel. “Intermittent Computing: Challenges and Opportunities.” 2nd Summit on Advances in Programming Languages, 2017, 8:1–8:14.",
        ]);
        // citeproc's "(ACM, 2018)" after a short title two works share.
        assert_eq!(
            keys.find("Yıldırım et al., “InK” (ACM, 2018), 44–49"),
            Some(0)
        );
        assert_eq!(keys.find("“InK” (ACM, 2018)."), Some(0));
        // The comma inside the quotes closes the title.
        assert_eq!(keys.find("“LoRa Backscatter,” 105:8–105:11."), Some(2));
        assert_eq!(
            keys.find("Lucia et al., “Intermittent Computing,” sec. 4"),
            Some(3)
        );
    }

    #[test]
    fn a_short_note_of_an_author_and_one_title_word_finds_the_work() {
        let keys = parsed_keys(&[
            "Morris, Colin, and Peter Roberts, eds. Pilgrimage: The English Experience from Becket to Bunyan. Cambridge University Press, 2002.",
            "Sumption, Jonathan. Pilgrimage: An Image of Mediaeval Religion. Faber and Faber, 1975.",
            "Webb, Diana. Pilgrimage in Medieval England. Hambledon and London, 2000.",
        ]);
        assert_eq!(keys.find("Sumption, Pilgrimage, 9."), Some(1));
        assert_eq!(keys.find("Morris and Roberts, Pilgrimage, 9–11"), Some(0));
        // The title word alone names none of them.
        assert_eq!(keys.find("Pilgrimage, 9."), None);
    }
}
