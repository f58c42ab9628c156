//! Citations found by the names the works-cited list gives.
//!
//! The shape of a parenthesis alone cannot tell "(Lorenz)" from "(Pure)",
//! nor can it see a narrative citation written without one: MLA writes
//! "Hoyer and Hamman describe …", Chicago "Wilks (2011, 8)", APA
//! "Wickham (2014a, 2014b)". So the document's own list is read first: the
//! family name of each entry's first author (or the organisation's whole
//! name) is looked for in the body, and each mention is read forward for
//! co-authors ("and Hamman", "et al."), then for a parenthesis of years and
//! locators. What is found here is marked weak: it counts only when it
//! resolves to an entry, which is the point.

use super::scan::{Citation, CiteItem, Form};
use crate::model::{Entry, Span};
use crate::parse::tokens::{self, NameStop};
use std::ops::Range;

/// The first author's family name (or an organisation's whole name) of
/// each entry, in entry order; "———." repeats the previous entry's author.
pub(crate) fn first_authors_each(entries: &[Entry]) -> Vec<Option<String>> {
    let mut out = Vec::with_capacity(entries.len());
    let mut previous: Option<String> = None;
    for e in entries {
        let raw = e.raw.trim_start();
        let repeated = raw.starts_with(['—', '–', '_']) || raw.starts_with("--");
        let name = if repeated {
            previous.clone()
        } else {
            // An edited volume without authors is led by its editors.
            let first = e.reference().and_then(|r| r.cited_persons().first());
            // "Google Quantum AI. (2024).": an organisation whose last word
            // is in capitals, read as a family of two words and initials.
            let capital_tail = first.is_some_and(|p| {
                p.family.split_whitespace().count() >= 2
                    && p.given.as_deref().is_some_and(|g| {
                        let g = g.trim_end_matches('.');
                        g.len() >= 2 && g.chars().all(|c| c.is_ascii_uppercase())
                    })
            });
            let parsed = first
                // "Beuningen, H. J. E. van, …" writes the particle after
                // the given names, and the text cites "Beuningen" (or "van
                // Beuningen", which `particle_before` finds).
                .map(|p| {
                    if p.particle.is_some() && raw.starts_with(p.family.as_str()) {
                        p.family.clone()
                    } else {
                        p.full_family()
                    }
                })
                .filter(|n| raw.contains(n.as_str()));
            let head = raw_first_author(raw);
            match (parsed, head) {
                // "World Health Organization. Global …" parsed as a person
                // given "World Health": the organisation is the whole head.
                (Some(p), Some(h)) if organisation_head(raw, &h, &p) => Some(h),
                (Some(p), Some(h)) if capital_tail && h.starts_with(&format!("{p} ")) => Some(h),
                // "Dept. of Health. …" parsed as "Dept": the parser stopped
                // at the abbreviation's full stop, the head goes past it.
                (Some(p), Some(h)) if h.len() > p.len() + 1 && h.starts_with(&format!("{p}.")) => {
                    Some(h)
                }
                (p, h) => p.or(h),
            }
        };
        let name = name.filter(|n| n.chars().filter(|c| c.is_alphabetic()).count() >= 2);
        out.push(name.clone());
        previous = name;
    }
    out
}

/// Whether `head`, the entry's text up to its first comma or full stop,
/// is an organisation whose last word the parser took for a family name
/// (`family`): the head ends on that word after others and closes with a
/// full stop, as inverted styles never write a person ("Dask Development
/// Team.", "World Bank.", but not "Ruha Benjamin, …" nor "Benjamin, Ruha").
fn organisation_head(raw: &str, head: &str, family: &str) -> bool {
    head.len() > family.len()
        && head
            .strip_suffix(family)
            .is_some_and(|before| before.ends_with(' '))
        && raw[head.len()..].starts_with('.')
}

/// "Hoyer, Stephan, and …" → "Hoyer"; "Dask Development Team. Dask: …" →
/// "Dask Development Team"; "[3] S. Hoyer …" → none (numeric lists are
/// cited by number).
fn raw_first_author(raw: &str) -> Option<String> {
    if raw.starts_with(['[', '(']) || raw.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let end = head_end(raw);
    let mut name = raw[..end].trim();
    // "Zhongguo di yi lishi dang’anguan [First Historical Archives of
    // China].": the text cites the name without its translation.
    if let Some(bare) = super::scan::name_before_gloss(name) {
        name = bare;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 || !name.starts_with(char::is_uppercase) {
        return None;
    }
    Some(name.to_owned())
}

/// Where the first author of `raw` ends: at the first comma, bracket or
/// full stop, except a full stop inside an organisation's name ("U.S.
/// Environmental Protection Agency.", "Dept. of Health.", "St. John's
/// College."). Cut at "U.S.", such a name is known by its last word
/// ("Agency"), which other organisations share. A dotted acronym is
/// crossed only before two capitalised words or more, so a person's
/// initials ("J.R. Smith.") still end where they did.
fn head_end(raw: &str) -> usize {
    let mut from = 0;
    loop {
        let Some(k) = raw[from..].find([',', '.', '(']).map(|k| from + k) else {
            return raw.len();
        };
        if !raw[k..].starts_with('.') {
            return k;
        }
        let after = &raw[k + 1..];
        if after.starts_with(char::is_alphabetic) {
            // Inside "U.S.": the stop that counts is the acronym's last.
            from = k + 1;
            continue;
        }
        let word = tokens::word_before_stop(&raw[..k]);
        let next_words: Vec<&str> = after
            .split([',', '.', '('])
            .next()
            .unwrap_or("")
            .split_whitespace()
            .collect();
        let capitalised = |w: &&str| w.starts_with(char::is_uppercase);
        // "Dept. of Health": a small word goes on with the name, as no
        // title opens in lower case.
        let connector = next_words
            .first()
            .is_some_and(|w| matches!(*w, "of" | "for" | "and" | "on" | "the"));
        let crosses = after.starts_with(' ')
            && match tokens::name_stop(word) {
                NameStop::Inner if word.contains('.') => {
                    next_words.iter().filter(|w| capitalised(w)).count() >= 2
                }
                NameStop::Inner => connector || next_words.first().is_some_and(capitalised),
                _ => connector && word.chars().count() > 1,
            };
        if !crosses {
            return k;
        }
        from = k + 1;
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// A first author the works-cited list names, with how many entries it
/// leads: a bare mention can cite only an author of one work, since MLA
/// adds a short title when an author has several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Known {
    /// Family name, or an organisation's whole name.
    pub name: String,
    /// Entries this name leads.
    pub works: usize,
    /// Whether a lone bare name counts ("O’Neil called …"): set for the
    /// second, MLA-only pass over the text (see `check::citations_in`).
    pub lone: bool,
    /// The raw text of the entries it leads, where a co-author named in a
    /// bare mention must appear.
    pub raw: String,
    /// How many of those entries the parser read as by this author alone
    /// (see [`count_sole_works`]); `None` when not counted, and the raw
    /// heads are read instead.
    pub sole_works: Option<usize>,
}

/// Counts, for each of `names`, the entries of `entries` (whose first
/// authors are `firsts`, as [`first_authors_each`] gives them) that the
/// parser read as by one author: "Brown, Michelle P. The Lindisfarne
/// Gospels: Society, Spirituality and the Scribe." has one, which its raw
/// head (cut at the title's first full stop) does not show.
pub(crate) fn count_sole_works(names: &mut [Known], firsts: &[Option<String>], entries: &[Entry]) {
    for k in names.iter_mut() {
        let n = firsts
            .iter()
            .zip(entries)
            .filter(|(f, _)| f.as_deref() == Some(k.name.as_str()))
            .filter(|(_, e)| {
                e.reference()
                    .is_some_and(|r| r.authors.len() == 1 && !r.et_al)
            })
            .count();
        k.sole_works = Some(n);
    }
}

/// The distinct first authors of `firsts` (see [`first_authors_each`]) in
/// order of first appearance, each with the entries it leads (`raws`, in
/// the same order as `firsts`).
pub(crate) fn known_names(firsts: &[Option<String>], raws: &[&str]) -> Vec<Known> {
    let mut out: Vec<Known> = Vec::new();
    for (name, raw) in firsts.iter().zip(raws) {
        let Some(name) = name else { continue };
        match out.iter_mut().find(|k| &k.name == name) {
            Some(k) => {
                k.works += 1;
                k.raw.push('\n');
                k.raw.push_str(raw);
            }
            None => out.push(Known {
                name: name.clone(),
                works: 1,
                lone: false,
                raw: (*raw).to_owned(),
                sole_works: None,
            }),
        }
    }
    out
}

/// Finds the mentions of the list's first authors in `body` that no
/// citation in `found` covers. `bare` allows a name with nothing after it
/// (MLA's narrative citation); otherwise a parenthesis of years or
/// locators must follow.
pub(crate) fn mentions(
    text: &str,
    body: Range<usize>,
    names: &[Known],
    found: &[Citation],
    bare: bool,
) -> Vec<Citation> {
    // A weak narrative citation ("Chesson and Hubbell (3–29)" read as one
    // work of two authors) may be two works the list's names tell apart.
    let covered: Vec<Range<usize>> = found
        .iter()
        .filter(|c| !(c.weak && c.form == Form::Narrative))
        .map(|c| c.range.clone())
        .collect();
    let inside = |at: usize| covered.iter().any(|r| r.start <= at && at < r.end);
    let mut out: Vec<Citation> = Vec::new();
    let hay = &text[body.clone()];
    for known in names {
        let name = &known.name;
        // The first word is looked for; the rest may wrap over a line.
        let mut words = name.split_whitespace();
        let Some(first) = words.next() else { continue };
        let rest: Vec<&str> = words.collect();
        let finder = memchr::memmem::Finder::new(first.as_bytes());
        for off in finder.find_iter(hay.as_bytes()) {
            let start = body.start + off;
            let Some(end) = rest_of_name(text, start + first.len(), body.end, &rest) else {
                continue;
            };
            if text[..start].chars().next_back().is_some_and(is_word_char)
                || text[end..].chars().next().is_some_and(is_word_char)
                || inside(start)
                || out
                    .iter()
                    .any(|c| c.range.start <= start && start < c.range.end)
            {
                continue;
            }
            // "the poet Garcilaso de la Vega (c. 1501–1536)": a person
            // introduced with his dates is no citation of a namesake's work.
            let after = text[end..body.end].trim_start();
            if let Some(close) = after
                .strip_prefix('(')
                .and_then(|a| a.find(')'))
                .filter(|&k| k < 40)
            {
                if super::scan::dates_a_life(&after[1..1 + close]) {
                    continue;
                }
            }
            if let Some(c) = read_mention(text, start, end, body.end, known, names, bare) {
                let bare_name = c
                    .items
                    .iter()
                    .all(|i| i.year.is_none() && i.locator.is_none());
                // "how “Dictionary Johnson” became a persona": a bare name
                // inside a quotation is the quotation's.
                let quoted = bare_name && {
                    let paragraph = text[body.start..start]
                        .rfind("\n\n")
                        .map_or(body.start, |k| body.start + k);
                    inside_quotes(&text[paragraph..start])
                };
                let restated = bare_name && own_citation_follows(text, &c, body.end, found, false);
                if !(quoted || restated) {
                    out.push(c);
                }
            }
        }
    }
    keep_first_of_overlaps(&mut out);
    out
}

/// Parenthetical groups the scanner could not read because an author's
/// name is beyond its name grammar ("(Zhongguo di yi lishi dang’anguan
/// [First Historical Archives of China], n.d., Folio 3v; Hucker, 1985)"):
/// where a part opens with a name the list leads with, that name is taken
/// whole and the rest of the part read as the scanner reads an item. Every
/// part must read, and one must name a year, a page or "et al.".
pub(crate) fn groups(
    text: &str,
    body: Range<usize>,
    names: &[Known],
    found: &[Citation],
) -> Vec<Citation> {
    // Only names the scanner's grammar cannot read need this pass: ones
    // with a word in lower case that is no particle, and ones of more
    // capitalised words than it takes for a name ("Great Barrier Reef
    // Marine Park Authority").
    let odd: Vec<&str> = names
        .iter()
        .map(|k| k.name.as_str())
        .filter(|n| {
            n.split_whitespace()
                .skip(1)
                .any(|w| w.starts_with(char::is_lowercase))
                || n.split_whitespace().count() > 5
        })
        .collect();
    if odd.is_empty() {
        return Vec::new();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // A weak reading of the group (a short title with a page) gives way.
    for open in uncovered_parens(text, body.clone(), found, false) {
        let limit = body.end.min(open + 600);
        let Some(close) = bytes[open + 1..limit]
            .iter()
            .position(|&b| b == b')' || b == b'(')
        else {
            continue;
        };
        let close = open + 1 + close;
        if bytes[close] != b')' || text[open..close].contains("\n\n") {
            continue;
        }
        let flat = text[open + 1..close].replace(['\n', '\r', '\t', '\u{a0}'], " ");
        let flat = flat.split_whitespace().collect::<Vec<_>>().join(" ");
        if !odd.iter().any(|n| flat.contains(n)) {
            continue;
        }
        let mut items = Vec::new();
        for part in flat.split(';') {
            // "cf. Great Barrier Reef Marine Park Authority, 2019": the
            // name after a prefix.
            let part = super::scan::after_prefix(part.trim());
            let lead = odd
                .iter()
                .filter(|n| part.starts_with(**n))
                .max_by_key(|n| n.len());
            let item = match lead {
                Some(name) => {
                    let mut rest = &part[name.len()..];
                    // The list's translation after the name.
                    if let Some(len) = rest.strip_prefix(' ').and_then(super::scan::gloss_len) {
                        rest = &rest[1 + len..];
                    }
                    // The name stands in as one word the grammar reads.
                    super::scan::parse_item(&format!("Known{rest}")).map(|mut i| {
                        i.names[0] = (*name).to_owned();
                        i
                    })
                }
                None => super::scan::parse_item(part),
            };
            let Some(mut item) = item else {
                items.clear();
                break;
            };
            item.range = open..close + 1;
            items.push(item);
        }
        if items
            .iter()
            .any(|i| i.year.is_some() || i.locator.is_some() || i.et_al)
        {
            out.push(Citation {
                span: Span::default(),
                text: text[open..=close].to_owned(),
                range: open..close + 1,
                form: Form::Parenthetical,
                items,
                weak: false,
            });
        }
    }
    out
}

/// Whether the sentence of the bare mention `c` goes on to a citation in
/// `found` of the same authors: "The Reading Council defines literacy as
/// … (Reading\nCouncil)", "a debate that Neumark and Wascher summed up
/// (Neumark and W. L. Wascher 37–40)" name the authors in the prose and
/// cite them after; the prose name is no second citation. "Fforde traced
/// … (Fforde et al. 1–5)" names one work and cites another, edited with
/// others. With `strong_only`, a weak citation (one that counts only if
/// it resolves) does not say so.
pub(crate) fn own_citation_follows(
    text: &str,
    c: &Citation,
    limit: usize,
    found: &[Citation],
    strong_only: bool,
) -> bool {
    let Some(named) = c.items.first() else {
        return false;
    };
    let end = sentence_end(text, c.range.end, limit);
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let name = squash(&c.text);
    let first = named.names.first().map(|n| squash(n));
    let contains = |i: &CiteItem| {
        text.get(i.range.clone())
            .is_some_and(|t| squash(t).contains(&name))
    };
    found.iter().any(|f| {
        !(strong_only && f.weak)
            && c.range.end <= f.range.start
            && f.range.start < end
            && f.items.iter().any(|i| {
                i.et_al == named.et_al
                    // More names may be a short title's words ("Card and
                    // Krueger, Myth and Measurement"), and a long
                    // organisation's name may split differently.
                    && ((i.names.first().map(|n| squash(n)) == first
                        && (i.names.len() == named.names.len()
                            // "Hughes et al. placed … (T. P. Hughes,
                            // Anderson, et al., 2018)": citeproc's longer
                            // form of the same "et al." work.
                            || (named.et_al && named.names.len() == 1)))
                        || contains(i)
                        // "Clemens argues that … (84)": the page's author
                        // is the name before it.
                        || (i.names.is_empty()
                            && named.names.len() == 1
                            && i.context_name.as_deref().map(squash) == first))
            })
    })
}

/// Where the sentence holding `at` ends: after the next ". ", "? " or
/// "! ", or a blank line, or at `limit`.
fn sentence_end(text: &str, at: usize, limit: usize) -> usize {
    let b = text.as_bytes();
    let mut i = at;
    while i + 1 < limit {
        let two = &b[i..i + 2];
        if matches!(two[0], b'.' | b'?' | b'!') && two[1].is_ascii_whitespace() || two == b"\n\n" {
            return i + 1;
        }
        i += 1;
    }
    limit
}

/// The names that open each entry of `raw` (one per line, see
/// [`Known::raw`]); dashes that repeat the entry before ("———. Myth and
/// Measurement") stand for its names, with their own role ("———,
/// editor.").
fn heads(raw: &str) -> impl Iterator<Item = String> + '_ {
    let mut previous = "";
    raw.lines().map(move |l| {
        let l = l.trim_start();
        let head = super::resolve::split_head(l).0;
        if super::resolve::is_ditto(l) {
            format!("{previous} {head}")
        } else {
            previous = head;
            head.to_owned()
        }
    })
}

/// How many entries of `raw` (see [`Known::raw`]) name no co-author or
/// editor in their head.
fn sole_heads(raw: &str) -> usize {
    heads(raw)
        .filter(|head| {
            !CO_AUTHORED.iter().any(|m| head.contains(m))
                && ![", ed", "(Ed", "(ed", "editor"]
                    .iter()
                    .any(|m| head.contains(m))
        })
        .count()
}

/// What an entry's head holds when its work has several authors.
const CO_AUTHORED: [&str; 3] = [" and ", " & ", "et al"];

/// Sorts mentions by start and drops each that overlaps the one kept
/// before it: two names of one mention ("Hoyer and Hamman" when Hamman
/// leads an entry too) are one citation, by its first name.
pub(crate) fn keep_first_of_overlaps(mentions: &mut Vec<Citation>) {
    mentions.sort_by_key(|c| c.range.start);
    mentions.dedup_by(|later, kept| later.range.start < kept.range.end);
}

/// Matches `words` after `i`, each after a run of whitespace: the end.
fn rest_of_name(text: &str, mut i: usize, limit: usize, words: &[&str]) -> Option<usize> {
    for w in words {
        let j = skip_ws(text, i, limit);
        if j == i || !text[j..limit].starts_with(w) {
            return None;
        }
        i = j + w.len();
    }
    Some(i)
}

/// Where each "(" of `body` opens that no citation in `found` covers; a
/// weak citation covers only when `weak_covers`.
fn uncovered_parens<'a>(
    text: &'a str,
    body: Range<usize>,
    found: &'a [Citation],
    weak_covers: bool,
) -> impl Iterator<Item = usize> + 'a {
    memchr::memchr_iter(b'(', &text.as_bytes()[body.clone()])
        .map(move |k| body.start + k)
        .filter(move |&at| {
            !found
                .iter()
                .any(|c| (weak_covers || !c.weak) && c.range.start <= at && at < c.range.end)
        })
}

/// Year parentheses whose author was named earlier in the sentence:
/// "Wickham proposed a tidy layout (2014b)". The last list author named
/// between the sentence start and the parenthesis is taken.
pub(crate) fn context_years(
    text: &str,
    body: Range<usize>,
    names: &[Known],
    found: &[Citation],
) -> Vec<Citation> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for open in uncovered_parens(text, body.clone(), found, false) {
        // "Ambrogio Calepino’s Dictionarium (1502, sig. a1v)": the scanner
        // read the title before the year as a name, weakly; the author
        // the sentence names takes the year only if a work of theirs has
        // it (and the caller drops the weak reading).
        let under_weak = found
            .iter()
            .any(|c| c.weak && c.range.start <= open && open < c.range.end);
        let lim = body.end.min(open + 200);
        let Some(close) = bytes[open..lim].iter().position(|&b| b == b')') else {
            continue;
        };
        let whole = text[open + 1..open + close].replace(['\n', '\r', '\u{a0}'], " ");
        // "(1995, p. 9; cf. Schiebinger & Swan, 2005, pp. 1–16)": the year
        // of the author just named, then other works cited in full.
        let (inner, others) = match whole.split_once(';') {
            Some((head, more)) => match more_items(more) {
                Some(items) => (head.to_owned(), items),
                None => continue,
            },
            None if close <= 60 => (whole.clone(), Vec::new()),
            None => continue,
        };
        // "([1970] 1986, ix)": a reprint's original year before the year
        // of the edition cited.
        let cited = inner.trim();
        let cited = super::scan::split_original_year(cited).map_or(cited, |(_, rest)| rest);
        let Some((year, _)) = year_prefix(cited) else {
            continue;
        };
        let window = sentence_before(text, body.start, open, found, 250);
        let dated = || {
            names
                .iter()
                .filter(|k| year.len() >= 4 && k.raw.contains(&year[..4]))
        };
        let mut best = if under_weak {
            // Only an author whose possessive opens the phrase before the
            // year ("Calepino’s Dictionarium (1502)"), not one named
            // further back ("Winterfeld, whose study of Giovanni Gabrieli
            // (1834)": the prose names a subject and its date).
            last_named(window, dated()).filter(|(k, name)| {
                let first = name.split_whitespace().next().unwrap_or("");
                let after = &window[k + first.len()..];
                let phrase = after
                    .strip_prefix("’s ")
                    .or_else(|| after.strip_prefix("'s "));
                phrase.is_some_and(|p| p.split_whitespace().count() <= 5)
            })
        } else {
            // "Kolb and DeMaria’s account of how “Dictionary Johnson”
            // became a persona (1998, pp. 30–43)": the last author named
            // who has a work of the year, before the last named at all.
            last_named(window, dated()).or_else(|| last_named(window, names.iter()))
        };
        if best.is_none() && !under_weak {
            // "The first of his books … (van Dijk, 2005), and the second
            // … (2020, pp. 1–3)": with no author in the sentence, the
            // year continues the author last named in the paragraph, in
            // prose or a citation, when that author has a work of the
            // year (so a year alone is never pinned on a stranger).
            let mut from = open.saturating_sub(800).max(body.start);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            let para = &text[from..open];
            let para = &para[para.rfind("\n\n").map_or(0, |k| k + 2)..];
            best = last_named(para, dated());
        }
        let Some((_, name)) = best else { continue };
        let range = open..open + close + 1;
        if let Some(mut items) =
            years_and_locator(&inner, std::slice::from_ref(name), false, range.clone())
        {
            items.extend(others.into_iter().map(|mut i| {
                i.range = range.clone();
                i
            }));
            out.push(citation(text, range, items));
        }
    }
    out
}

/// The items after a group's first part, each a work cited in full (names
/// and a year), or `None` when one does not read so.
fn more_items(more: &str) -> Option<Vec<CiteItem>> {
    more.split(';')
        .map(|part| {
            let part = super::scan::after_prefix(part.trim());
            super::scan::parse_item(part).filter(|i| !i.names.is_empty() && i.year.is_some())
        })
        .collect()
}

/// MLA's page alone after its author was named earlier in the sentence,
/// with no reporting verb between that the scanner knows: "Max Weber,
/// who knew the Chinese case through translations, made the examinations
/// the centre of his account (107–41)". Only an author of one work in the
/// list: a page cannot say which of several works it is in. A year range
/// ("(1848–1851)") is no page.
pub(crate) fn context_pages(
    text: &str,
    body: Range<usize>,
    names: &[Known],
    found: &[Citation],
) -> Vec<Citation> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // A weak reading of the page (its name a guess from the sentence)
    // gives way.
    for open in uncovered_parens(text, body.clone(), found, false) {
        let lim = body.end.min(open + 40);
        let Some(close) = bytes[open..lim].iter().position(|&b| b == b')') else {
            continue;
        };
        let inner = text[open + 1..open + close].replace(['\n', '\r', '\u{a0}'], " ");
        // "Calepino’s Dictionarium (, sig. a1v)": the author's place left
        // empty because the sentence names the work (citeproc's suppressed
        // author).
        let inner = inner.trim().strip_prefix(", ").unwrap_or(inner.trim());
        // "his Vocabulario portuguez e latino (vol. 1)": a labelled
        // division, as well as a page; not a list's "(c)".
        let labelled = inner.starts_with(|c: char| c.is_lowercase())
            && inner
                .split_once(' ')
                .is_some_and(|(label, _)| label.len() >= 2)
            && (is_locator(inner) || division_and_part(inner).is_some());
        if !(inner.starts_with(|c: char| c.is_ascii_digit()) || labelled)
            || super::scan::names_a_year(inner)
        {
            continue;
        }
        let Some((locator, note)) =
            super::scan::parse_locator_only(inner).or_else(|| division_and_part(inner))
        else {
            continue;
        };
        // Not past the paragraph's start.
        let window = sentence_before(text, body.start, open, found, 300);
        let window = &window[window.rfind("\n\n").map_or(0, |k| k + 2)..];
        let sole = last_named(window, names.iter().filter(|k| k.works == 1));
        // "Talbot used The Pencil of Nature's short texts … (, pl. 3)": an
        // author of several works, one of whose titles the sentence names.
        let titled =
            last_named(window, names.iter().filter(|k| k.works > 1)).and_then(|(at, name)| {
                let k = names.iter().find(|k| &k.name == name)?;
                Some((at, name, title_named(window, k)?))
            });
        let (name, title) = match (sole, titled) {
            (Some((a, _)), Some((b, name, title))) if b > a => (name, Some(title)),
            (Some((_, name)), _) => (name, None),
            (None, Some((_, name, title))) => (name, Some(title)),
            (None, None) => continue,
        };
        let range = open..open + close + 1;
        let item = CiteItem {
            locator: Some(locator),
            note,
            title: title.map(str::to_owned),
            context_name: Some(name.clone()),
            range: range.clone(),
            ..CiteItem::default()
        };
        let mut c = citation(text, range, vec![item]);
        c.weak = false;
        out.push(c);
    }
    out
}

/// The one title among the works of `k` that `window` names (up to the
/// title's colon, at least two words): "The Pencil of Nature" in "Talbot
/// used The Pencil of Nature's short texts". `None` when none or several.
fn title_named<'w>(window: &'w str, k: &Known) -> Option<&'w str> {
    let flat = window.replace(['\n', '\r'], " ");
    let mut hits = k.raw.lines().filter_map(|line| {
        let line = line.trim_start();
        // "———. The Pencil of Nature.": the dashes stand for the names.
        let rest = if line.starts_with(['—', '–', '_']) {
            line.split_once(". ").map_or("", |(_, r)| r)
        } else {
            super::resolve::split_head(line).1
        };
        let rest = rest.trim_start_matches(['“', '"', '*', '‘', '_', ' ', '.']);
        let end = rest
            .find(['.', ':', '”', '"', '*', '?', '!'])
            .unwrap_or(rest.len());
        let title = rest[..end].trim();
        (title.split_whitespace().count() >= 2 && flat.contains(title)).then_some(title)
    });
    let title = hits.next()?;
    if hits.next().is_some() {
        return None;
    }
    // The window's own words, so the item borrows from the text.
    let at = flat.find(title)?;
    window.get(at..at + title.len())
}

/// A labelled division and a named part of it: "vol. 1, Préface", "bk. 2,
/// Introduction". The part is at most three words, all letters.
fn division_and_part(inner: &str) -> Option<(String, Option<String>)> {
    let (division, part) = inner.split_once(", ")?;
    let words = part.split_whitespace().count();
    let plain = part
        .split_whitespace()
        .all(|w| w.trim_end_matches('.').chars().all(char::is_alphabetic));
    let labelled = division.starts_with(|c: char| c.is_lowercase()) && division.contains(' ');
    (labelled && (1..=3).contains(&words) && plain && is_locator(division))
        .then(|| (division.to_owned(), Some(part.to_owned())))
}

/// The sentence before `open`, back to a full stop, the end of a citation
/// in `found` or `reach` bytes (not before `floor`).
fn sentence_before<'a>(
    text: &'a str,
    floor: usize,
    open: usize,
    found: &[Citation],
    reach: usize,
) -> &'a str {
    let mut from = open.saturating_sub(reach).max(floor);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let prior_end = found
        .iter()
        .map(|c| c.range.end)
        .filter(|&e| e <= open)
        .max()
        .unwrap_or(0);
    let window = &text[from.max(prior_end)..open];
    &window[window.rfind(". ").map_or(0, |k| k + 2)..]
}

/// The list author of `names` named last in `window` (as a whole word by
/// the first word of the name, or the first two when the first is an
/// article: "The contract" names no "The Postal Museum"): where, and the
/// name.
fn last_named<'a>(
    window: &str,
    names: impl Iterator<Item = &'a Known>,
) -> Option<(usize, &'a String)> {
    names
        .map(|k| &k.name)
        .filter_map(|n| {
            let mut words = n.split_whitespace();
            let first = words.next()?;
            let first = match (first, words.next()) {
                // The name up to the end of its second word.
                ("The" | "A" | "An" | "the", Some(second)) => {
                    let rest = &n[first.len()..];
                    &n[..first.len() + rest.find(second).unwrap_or(0) + second.len()]
                }
                _ => first,
            };
            window
                .match_indices(first)
                .filter(|(k, _)| {
                    // "Kolb and DeMaria’s account of how “Dictionary
                    // Johnson” became …": a name inside a quotation is the
                    // quotation's, not the work's author.
                    !inside_quotes(&window[..*k])
                        && !window[..*k].chars().next_back().is_some_and(is_word_char)
                        && !window[k + first.len()..]
                            .chars()
                            .next()
                            .is_some_and(is_word_char)
                })
                .map(|(k, _)| (k, n))
                .last()
        })
        .max_by_key(|(k, _)| *k)
}

/// Whether the end of `before` is inside curly double quotes it opened.
fn inside_quotes(before: &str) -> bool {
    before.matches('“').count() > before.matches('”').count()
}

/// Skips spaces and line breaks.
fn skip_ws(text: &str, mut i: usize, limit: usize) -> usize {
    let b = text.as_bytes();
    while i < limit && matches!(b[i], b' ' | b'\n' | b'\r' | b'\t') {
        i += 1;
    }
    i
}

fn eat_ws(text: &str, i: usize, limit: usize, word: &str) -> Option<usize> {
    let j = skip_ws(text, i, limit);
    (j > i && text[j..limit].starts_with(word)).then_some(j + word.len())
}

/// A capitalised name at `i` (with particles: "van der Putten"; up to
/// three capitalised words: "Nic Eoin"): its end.
fn name_at(text: &str, i: usize, limit: usize) -> Option<usize> {
    let mut j = i;
    let mut end = None;
    let mut capitals = 0;
    loop {
        let rest = &text[j..limit];
        let w = rest
            .char_indices()
            .find(|&(_, c)| {
                !(c.is_alphabetic()
                    || matches!(c, '-' | '\'' | '’')
                    || unicode_normalization::char::is_combining_mark(c))
            })
            .map_or(rest.len(), |(k, _)| k);
        if w == 0 {
            return end;
        }
        let word = &rest[..w];
        if word.starts_with(char::is_uppercase) {
            capitals += 1;
            end = Some(j + w);
            if capitals == 3 || !rest[w..].starts_with(' ') {
                return end;
            }
            let next = &rest[w + 1..];
            if !next.starts_with(char::is_uppercase) {
                return end;
            }
            j += w + 1;
            continue;
        }
        if end.is_some()
            || !matches!(
                word,
                "van" | "von" | "de" | "der" | "den" | "da" | "di" | "du" | "la" | "le"
            )
        {
            return end;
        }
        j = skip_ws(text, j + w, limit);
    }
}

fn read_mention(
    text: &str,
    start: usize,
    end: usize,
    limit: usize,
    known: &Known,
    names_known: &[Known],
    bare: bool,
) -> Option<Citation> {
    let name = known.name.as_str();
    let mut names = vec![name.to_owned()];
    let mut et_al = false;
    let mut j = end;
    let mut second_at = end;
    // "’s": a possessive is talk about the author, not a citation.
    if text[j..limit].starts_with("’s") || text[j..limit].starts_with("'s") {
        return None;
    }
    // "et al." may wrap over a line.
    if let Some(k) = eat_ws(text, j, limit, "et").and_then(|k| eat_ws(text, k, limit, "al.")) {
        et_al = true;
        j = k;
    } else if let Some(k) = eat_ws(text, j, limit, "and").or_else(|| eat_ws(text, j, limit, "&")) {
        let s = skip_ws(text, k, limit);
        if s > k {
            if let Some(e) = name_at(text, s, limit) {
                names.push(text[s..e].to_owned());
                second_at = s;
                j = e;
            }
        }
    } else if text[j..limit].starts_with(", ") || text[j..limit].starts_with(",\n") {
        // MLA's "Kohler, Cochran, et al.": two names and "et al." tell one
        // author's works apart; so do three ("Kirsebom, Frazao, Simard,
        // et al.").
        let mut more: Vec<(usize, usize)> = Vec::new();
        let mut k = j;
        while more.len() < 3 && text[k..limit].starts_with(',') {
            let s = skip_ws(text, k + 1, limit);
            let Some(e) = name_at(text, s, limit).filter(|&e| text[e..limit].starts_with(','))
            else {
                break;
            };
            more.push((s, e));
            k = e;
            if let Some(m) =
                eat_ws(text, e + 1, limit, "et").and_then(|m| eat_ws(text, m, limit, "al."))
            {
                names.extend(more.iter().map(|&(s, e)| text[s..e].to_owned()));
                second_at = more[0].0;
                et_al = true;
                j = m;
                break;
            }
        }
    }
    // "Hugging Face and AWS have declared": a co-author must be one,
    // unless the second name leads a work of its own: "see Chesson and
    // Hubbell (3–29)" cites two works, each by its author.
    let other = names
        .get(1)
        .filter(|n| !known.raw.contains(n.as_str()))
        .and_then(|n| {
            names_known
                .iter()
                .find(|k| &k.name == n && k.works == 1 && known.works == 1)
        });
    if let Some(other) = other {
        let s = second_at;
        let rest = read_mention(text, s, s + other.name.len(), limit, other, &[], bare)?;
        let first = CiteItem {
            names: vec![name.to_owned()],
            range: start..end,
            ..CiteItem::default()
        };
        let mut items = vec![first];
        items.extend(rest.items);
        return Some(citation(text, start..rest.range.end, items));
    }
    let after_names = j;
    let p = skip_ws(text, j, limit);
    if text[p..limit].starts_with('(') {
        let window = &text.as_bytes()[p..limit.min(p + 80)];
        if let Some(close) = window.iter().position(|&b| b == b')') {
            let inner = text[p + 1..p + close].replace(['\n', '\r', '\u{a0}'], " ");
            if let Some(mut items) = years_and_locator(&inner, &names, et_al, start..p + close + 1)
            {
                if let Some(first) = items.first_mut() {
                    first.initials = super::scan::initials_before(text, start);
                }
                return Some(citation(text, start..p + close + 1, items));
            }
        }
    }
    // A lone family name with nothing after it is as often prose ("Palmer
    // argued", a cover page's author) as a citation: bare mentions must
    // name the work's authors as a citation would (two names, "et al.", an
    // organisation's long name), unless the author is cited no other way
    // (`lone`), when the mention is how the text refers to the work. A
    // short organisation name ("Hugging Face", "Google AI") is far more
    // often the actor of the prose than a citation. A lone name of an
    // author of several works cannot say which: MLA adds a short title.
    if !bare {
        return None;
    }
    // "the mail-coach system of John Palmer": a capitalised word right
    // after the name makes it someone's given name.
    if text[..after_names].ends_with(char::is_alphabetic)
        && text[after_names..limit]
            .strip_prefix(' ')
            .is_some_and(|r| r.starts_with(char::is_uppercase))
    {
        return None;
    }
    // "Hugging Face and AWS have declared": a co-author must be one.
    if names
        .get(1)
        .is_some_and(|n| !known.raw.contains(n.as_str()))
    {
        return None;
    }
    // "Card and Krueger" in a table's cell, where the list has two works
    // of theirs: a bare mention cannot say which (MLA adds a short title),
    // so it is no citation.
    if names.len() > 1 {
        let theirs = heads(&known.raw)
            .filter(|head| names[1..].iter().all(|n| head.contains(n.as_str())))
            .count();
        if theirs > 1 {
            return None;
        }
    }
    let lone = names.len() == 1 && !et_al;
    // "A. Smith found …" where the list has Smith, Aaron and Smith, Linda
    // C.: MLA writes the initial to say which, so the name cites the one
    // work whose author it fits.
    let initials = super::scan::initials_before(text, start);
    let fits_one = known.works > 1
        && initials.as_deref().is_some_and(|ini| {
            let fits = |line: &str| {
                line.trim_start()
                    .strip_prefix(name)
                    .and_then(|r| r.strip_prefix(", "))
                    .is_some_and(|given| ini.chars().next() == given.chars().next())
            };
            known.raw.lines().filter(|l| fits(l)).count() == 1
        });
    let by_initial = lone && fits_one;
    // "Lee attributed …" where the list has "Lee, David S." alone and "Lee,
    // David, and Emmanuel Saez": a name alone cites the one work its author
    // wrote alone.
    let sole_works = || known.sole_works.unwrap_or_else(|| sole_heads(&known.raw));
    let by_sole_work = lone && known.works > 1 && sole_works() == 1;
    // "Goodenough had moved to Oxford" where the list has "Goodenough,
    // John B., and Youngsik Kim": MLA names both authors of a work of two
    // and "et al." after the first of more, so a name alone cites only a
    // work its author wrote alone.
    let shared = lone
        && known.works == 1
        && sole_works() == 0
        && heads(&known.raw).all(|h| CO_AUTHORED.iter().any(|m| h.contains(m)));
    if shared {
        return None;
    }
    if lone
        && !by_initial
        && !(by_sole_work && known.lone)
        && (known.works > 1 || (name.split_whitespace().count() < 3 && !known.lone))
    {
        return None;
    }
    // A person named in full ("Catherine D'Ignazio and Lauren F. Klein")
    // is introduced, not cited: the mention must begin with the family
    // name and a co-author must be a family name, not given names that an
    // initial follows.
    // "Ó Súilleabháin and Nic Eoin": a word the entry writes before the
    // family name belongs to the name.
    let start = particle_before(text, start, known).unwrap_or(start);
    // "S. Chen et al." where the list has two works led by a Chen: the
    // initial says which, as MLA writes it, and introduces no one.
    if (!fits_one && given_name_before(text, start))
        || names.get(1).is_some_and(|n| {
            n.split_whitespace()
                .last()
                .is_some_and(|w| w.chars().count() == 1)
        })
    {
        return None;
    }
    let item = CiteItem {
        names,
        et_al,
        initials,
        range: start..after_names,
        ..CiteItem::default()
    };
    Some(citation(text, start..after_names, vec![item]))
}

/// The start of the word right before `start` when the entries of `known`
/// begin with that word and the name ("Ó Súilleabháin", "de Souza"): a
/// particle the family name was read without.
fn particle_before(text: &str, start: usize, known: &Known) -> Option<usize> {
    let head = text[..start].strip_suffix(' ')?;
    let word_start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(k, c)| k + c.len_utf8());
    let word = &head[word_start..];
    let lead = known.raw.trim_start();
    (!word.is_empty()
        && lead.starts_with(word)
        && lead[word.len()..]
            .trim_start()
            .starts_with(known.name.as_str()))
    .then_some(word_start)
}

/// Whether a capitalised word that does not open a sentence stands right
/// before `start`: "Catherine D'Ignazio", but not "As Hoyer".
fn given_name_before(text: &str, start: usize) -> bool {
    let before = &text[..start];
    let Some(head) = before.strip_suffix(' ') else {
        return false;
    };
    let word_start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '-' || c == '.'))
        .map_or(0, |(k, c)| k + c.len_utf8());
    let word = &head[word_start..];
    if !word.starts_with(char::is_uppercase) {
        return false;
    }
    // "… Nic Eoin. García and Wei": a word that ends a sentence, not an
    // initial.
    if word.ends_with('.') && word.chars().filter(|c| c.is_alphabetic()).count() > 1 {
        return false;
    }
    let lead = head[..word_start].trim_end_matches([' ', '\t']);
    !(lead.is_empty() || lead.ends_with(['.', '!', '?', '\n', ':', '"', '“', '(']))
}

fn citation(text: &str, range: Range<usize>, items: Vec<CiteItem>) -> Citation {
    Citation {
        span: Span::default(),
        text: text[range.clone()].to_owned(),
        range,
        form: Form::Narrative,
        items,
        weak: true,
    }
}

/// "(2017)", "(2014a, 2014b)", "(2011, 8)", "(ch. 8)", "(37)", "(p. 253)",
/// "(2018, chap. 2)".
fn years_and_locator(
    inner: &str,
    names: &[String],
    et_al: bool,
    range: Range<usize>,
) -> Option<Vec<CiteItem>> {
    let inner = inner.trim();
    if super::scan::dates_a_life(inner) {
        return None;
    }
    let mut years = Vec::new();
    let mut rest = inner;
    // "McKenzie ([1986] 1999, 13)": a reprint's original year, then the
    // edition's.
    let original = super::scan::split_original_year(inner).map(|(year, after)| {
        rest = after;
        year
    });
    while let Some((year, taken)) = year_prefix(rest) {
        years.push(year.to_owned());
        rest = rest[taken..].trim_start();
        // "(2003, 1526)": a number below the year before it is a page;
        // an author's works are listed oldest first ("1993, 2003").
        let later = |r: &str| {
            let r = r.trim_start();
            year_prefix(r).is_some()
                && match (year_value(r), years.last().map(|y: &String| year_value(y))) {
                    (Some(next), Some(Some(prev))) => next >= prev,
                    _ => true,
                }
        };
        match rest.strip_prefix([',', ';']) {
            Some(r) if later(r) => rest = r.trim_start(),
            Some(r) => {
                rest = r.trim_start();
                break;
            }
            None => break,
        }
    }
    let locator = if rest.is_empty() {
        None
    } else if is_locator(rest) || !years.is_empty() && super::scan::follows_a_year(rest) {
        // "Google Quantum AI (2024, README, secs. 1–4)": a division or
        // remark after the year, as in a parenthetical.
        Some(rest.to_owned())
    } else {
        return None;
    };
    if years.is_empty() && locator.is_none() {
        return None;
    }
    // "Bredius (1853–1946)": two years too far apart to be a work's span
    // are a life, not pages.
    let two_years = inner.split(['–', '-']).map(str::trim).collect::<Vec<_>>();
    if years.is_empty()
        && two_years.len() == 2
        && two_years
            .iter()
            .all(|y| y.len() == 4 && year_prefix(y).is_some())
    {
        return None;
    }
    let make = |year: Option<String>| CiteItem {
        names: names.to_vec(),
        et_al,
        original_year: year.as_ref().and(original.clone()),
        year,
        locator: locator.clone(),
        range: range.clone(),
        ..CiteItem::default()
    };
    Some(if years.is_empty() {
        vec![make(None)]
    } else {
        years.into_iter().map(|y| make(Some(y))).collect()
    })
}

/// The year at the start of `s` and how many bytes it takes: "2017",
/// "2017a", "n.d.", "1915–1922" (a work published over years, cited by
/// its first: "1915", 9 bytes). `None` when `s` opens with no year.
fn year_prefix(s: &str) -> Option<(&str, usize)> {
    if s.starts_with("n.d.") {
        return Some((&s[..4], 4));
    }
    let (len, taken) = super::scan::year_at(s)?;
    Some((&s[..len], taken))
}

/// The year at the start of `s` as a number ("2017a" → 2017); `None` for
/// "n.d.".
fn year_value(s: &str) -> Option<u32> {
    s.get(..4)?.parse().ok()
}

/// A page or part: "8", "45–47", "p. 253", "pp. 3–29", "ch. 8", "chap. 2",
/// "sec. 4", "table 2.1", "e124", "aac4716-4".
pub(crate) fn is_locator(s: &str) -> bool {
    let s = s.trim().trim_end_matches('.');
    let lower = s.to_lowercase();
    let labelled = [
        "pp.",
        "p.",
        "chap.",
        "ch.",
        "chapter",
        "section",
        "sect.",
        "figs.",
        "tab.",
        "chaps.",
        "sec.",
        "secs.",
        "§",
        "para.",
        "paras.",
        "table",
        "fig.",
        "figure",
        "vol.",
        "n.",
        "nn.",
        "col.",
        "l.",
        "ll.",
        "art.",
        "no.",
        "nos.",
        "doc.",
        "docs.",
        "pt.",
        "bk.",
        "at",
        "vols.",
        "volume",
        "volumes",
        "note",
        "par.",
        "pars.",
        "fol.",
        "fols.",
        "app.",
        "appendix",
        "number",
        "column",
        "cols.",
        "folio",
        "folios",
        "line",
        "lines",
        "verse",
        "book",
        "part",
        "paragraph",
        "chapters",
        "sections",
        "annex",
        "suppl.",
        "eq.",
        "eqs.",
        "sig.",
        "sigs.",
        "pl.",
        "pls.",
    ]
    .iter()
    .find_map(|p| lower.strip_prefix(p).filter(|r| r.starts_with(' ')));
    let body = labelled.unwrap_or(&lower).trim();
    if body.is_empty() || body.len() > 40 {
        return false;
    }
    // A labelled division numbered in letters: "Sec. III.B", "appendix A".
    if labelled.is_some()
        && body.len() <= 8
        && !body.contains(' ')
        && body.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
        && body
            .split('.')
            .all(|p| !p.is_empty() && (p.len() == 1 || p.chars().all(|c| "ivxlcdm".contains(c))))
    {
        return true;
    }
    body.split([' ', ',']).filter(|t| !t.is_empty()).all(|t| {
        let t = t.trim_end_matches('.');
        t.chars().any(|c| c.is_ascii_digit())
            && t.chars()
                // "215–218 [217–220]": a second numbering in brackets.
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '–' | '-' | '—' | '.' | ':' | '[' | ']'))
            // "xiii", "xiii–xv": a preface's pages.
            || t.split(['–', '-', '—'])
                .all(|r| !r.is_empty() && r.chars().all(|c| "ivxlcdm".contains(c)))
            // "346 n. 14": a note on a page; "vol. 3, p. 874": a part's
            // page.
            || matches!(t, "f" | "ff" | "and" | "&" | "n" | "nn" | "note" | "p" | "pp" | "pl")
    }) && body.split_whitespace().count() <= 6
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An MLA entry whose parse names one author, as the parser read it.
    fn mla_entry(raw: &str, person: crate::model::Person) -> Entry {
        use crate::model::{Outcome, Reference, Span, Style};
        Entry {
            span: Span::default(),
            label: None,
            marker: None,
            raw: raw.into(),
            style: Style::Mla,
            outcome: Outcome::Parsed {
                reference: Reference {
                    authors: vec![person],
                    ..Reference::default()
                }
                .into(),
                confidence: 0.9,
            },
        }
    }

    #[test]
    fn a_group_whose_name_the_grammar_cannot_read_is_read_by_the_list() {
        let firsts = [
            Some("Zhongguo di yi lishi dang’anguan".to_owned()),
            Some("Man-Cheong".to_owned()),
        ];
        let names = known_names(&firsts, &["", ""]);
        let text = "the archive (Man-Cheong, 2004, pp. 1–10; Zhongguo di yi lishi \
                    dang’anguan\n[First Historical Archives of China], n.d., Folios 12r–15v) \
                    and prose (Zhongguo di yi lishi dang’anguan is in Beijing).";
        let found = groups(text, 0..text.len(), &names, &[]);
        assert_eq!(found.len(), 1, "{found:#?}");
        let items = &found[0].items;
        assert_eq!(items[0].names, ["Man-Cheong"]);
        assert_eq!(items[1].names, ["Zhongguo di yi lishi dang’anguan"]);
        assert_eq!(items[1].year.as_deref(), Some("n.d."));
        assert_eq!(items[1].locator.as_deref(), Some("Folios 12r–15v"));
    }

    #[test]
    fn a_page_after_its_author_named_earlier_in_the_sentence() {
        let firsts = [
            Some("Weber".to_owned()),
            Some("Elman".to_owned()),
            Some("Elman".to_owned()),
        ];
        let names = known_names(&firsts, &["", "", ""]);
        let text = "Introduction\n\nIt is not new. Max Weber, who knew the case through \
                    translations, made them the centre of his account (107–41), and the \
                    famine (1848–51) came later. Elman, who knew it, wrote of it (5–12).";
        let found = context_pages(text, 0..text.len(), &names, &[]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].text, "(107–41)");
        assert_eq!(found[0].items[0].context_name.as_deref(), Some("Weber"));
        assert_eq!(found[0].items[0].locator.as_deref(), Some("107–41"));
        // Not past a paragraph.
        let text = "Max Weber wrote it.\n\nThe account is long (107–41).";
        assert!(context_pages(text, 0..text.len(), &names, &[]).is_empty());
        // An organisation named with an article is named by more than it.
        let names = known_names(&[Some("The Postal Museum".to_owned())], &[""]);
        let text = "The contract of 1516 already has the clauses (2:9–14).";
        assert!(context_pages(text, 0..text.len(), &names, &[]).is_empty());
        let text = "The Postal Museum holds the sheets (2:9–14).";
        assert_eq!(context_pages(text, 0..text.len(), &names, &[]).len(), 1);
        // A labelled division as well as a page; never a list's letter.
        let names = known_names(&[Some("Bluteau".to_owned())], &[""]);
        let text = "Raphael Bluteau produced the ten volumes of his Vocabulario (vol. 1).";
        let found = context_pages(text, 0..text.len(), &names, &[]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].items[0].locator.as_deref(), Some("vol. 1"));
        let text = "Raphael Bluteau named (a) the words and (c) their senses.";
        assert!(context_pages(text, 0..text.len(), &names, &[]).is_empty());
    }

    #[test]
    fn a_page_with_its_author_left_out_or_a_named_part() {
        let firsts = [
            Some("Calepino".to_owned()),
            Some("Johnson".to_owned()),
            Some("Kolb".to_owned()),
        ];
        let names = known_names(&firsts, &["", "", ""]);
        // citeproc's suppressed author leaves its comma; a signature is a
        // locator.
        let text = "Ambrogio Calepino’s Dictionarium (, sig. a1v) took a route.";
        let found = context_pages(text, 0..text.len(), &names, &[]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].items[0].locator.as_deref(), Some("sig. a1v"));
        assert_eq!(found[0].items[0].context_name.as_deref(), Some("Calepino"));
        // A division and the part of it named.
        let text = "Talbot’s Pencil of Nature (, pl. 3, pl. 8) was sold in parts.";
        let found = context_pages(
            text,
            0..text.len(),
            &known_names(&[Some("Talbot".to_owned())], &[""]),
            &[],
        );
        assert_eq!(found[0].items[0].locator.as_deref(), Some("pl. 3, pl. 8"));
        // An author of several works, one of whose titles the sentence
        // names.
        let firsts = [Some("Talbot".to_owned()), Some("Talbot".to_owned())];
        let talbot = known_names(
            &firsts,
            &[
                "Talbot, William Henry Fox. Notebook M. Manuscript, 1835.",
                "———. The Pencil of Nature. Longman, 1844.",
            ],
        );
        let text = "The Pencil of Nature was issued in parts, and Talbot used its
                    texts to imagine uses (, pl. 3).";
        let found = context_pages(text, 0..text.len(), &talbot, &[]);
        assert_eq!(
            found[0].items[0].title.as_deref(),
            Some("The Pencil of Nature")
        );
        let text = "The book was issued in parts, and Talbot used its texts (, pl. 3).";
        assert!(context_pages(text, 0..text.len(), &talbot, &[]).is_empty());
        let text = "Calepino’s posthumous edition (vol. 1, Préface) was larger.";
        let found = context_pages(text, 0..text.len(), &names, &[]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].items[0].locator.as_deref(), Some("vol. 1"));
        assert_eq!(found[0].items[0].note.as_deref(), Some("Préface"));
        // A sentence after the division is no part of it.
        let text = "Calepino’s edition (vol. 1, Which he wrote in Rome) was larger.";
        assert!(context_pages(text, 0..text.len(), &names, &[]).is_empty());
        // A name inside a quotation is not the page's author.
        let text = "Kolb’s account of how “Dictionary Johnson” became a persona (30–43).";
        let found = context_pages(text, 0..text.len(), &names, &[]);
        assert_eq!(found[0].items[0].context_name.as_deref(), Some("Kolb"));
        // Nor a citation by itself.
        let v = mentions(text, 0..text.len(), &names, &[], true);
        assert!(v.iter().all(|c| c.text != "Johnson"), "{v:?}");
    }

    #[test]
    fn a_long_organisation_after_a_prefix_is_read_by_the_list() {
        let firsts = [Some("Great Barrier Reef Marine Park Authority".to_owned())];
        let names = known_names(&firsts, &[""]);
        let text =
            "the outlook (Great\nBarrier Reef Marine Park Authority, 2019, p. 308; cf. Great \
                    Barrier Reef Marine\nPark Authority, 2019, Section 12.3).";
        let found = groups(text, 0..text.len(), &names, &[]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].items.len(), 2);
        assert_eq!(found[0].items[1].locator.as_deref(), Some("Section 12.3"));
    }

    fn find(text: &str, names: &[&str], bare: bool) -> Vec<Citation> {
        let firsts: Vec<Option<String>> = names.iter().map(|s| Some((*s).to_owned())).collect();
        // Each entry's text is the whole text, so any co-author is known.
        let raws = vec![text; names.len()];
        mentions(text, 0..text.len(), &known_names(&firsts, &raws), &[], bare)
    }

    #[test]
    fn narrative_forms() {
        let v = find("Hoyer and Hamman (2017) describe it.", &["Hoyer"], false);
        assert_eq!(v[0].text, "Hoyer and Hamman (2017)");
        assert_eq!(v[0].items[0].names, ["Hoyer", "Hamman"]);
        let v = find("as Wickham (2014a, 2014b) shows", &["Wickham"], false);
        let years: Vec<_> = v[0].items.iter().map(|i| i.year.clone().unwrap()).collect();
        assert_eq!(years, ["2014a", "2014b"]);
        let v = find("is Wilks (2011, 8).", &["Wilks"], false);
        assert_eq!(v[0].items[0].locator.as_deref(), Some("8"));
        let v = find("is Wilks (ch. 8).", &["Wilks"], false);
        assert_eq!(v[0].items[0].locator.as_deref(), Some("ch. 8"));
        let v = find("by Meehl et\nal. (2000)", &["Meehl"], false);
        assert!(v[0].items[0].et_al);
        // A work published over years is cited by its first.
        let v = find(
            "as Bredius (1915–1922, vol. 3, p. 874) lists",
            &["Bredius"],
            false,
        );
        assert_eq!(v[0].items[0].year.as_deref(), Some("1915"));
        assert_eq!(v[0].items[0].locator.as_deref(), Some("vol. 3, p. 874"));
        // Two years far apart are a life, not a span or pages.
        assert!(find("as Bredius (1853–1946) lists", &["Bredius"], false).is_empty());
        // MLA tells one author's works apart by a second name.
        let v = find(
            "as Kohler, Cochran, et al. (101–03) show",
            &["Kohler"],
            true,
        );
        assert_eq!(v[0].items[0].names, ["Kohler", "Cochran"]);
        assert!(v[0].items[0].et_al);
        assert_eq!(v[0].items[0].locator.as_deref(), Some("101–03"));
        // Or by two more, over a line break.
        let v = find(
            "as Kohler, Cochran, Simard, et\nal. show",
            &["Kohler"],
            true,
        );
        assert_eq!(v[0].items[0].names, ["Kohler", "Cochran", "Simard"]);
        assert!(v[0].items[0].et_al);
    }

    #[test]
    fn bare_mentions_only_when_asked() {
        assert!(find("Hoyer and Hamman describe it.", &["Hoyer"], false).is_empty());
        let v = find("Hoyer and Hamman describe it.", &["Hoyer"], true);
        assert_eq!(v[0].text, "Hoyer and Hamman");
        assert!(find("Tilman’s two papers", &["Tilman"], true).is_empty());
        assert!(find("Hoyerx", &["Hoyer"], true).is_empty());
        let v = find(
            "assessed by the Intergovernmental Panel on Climate Change report",
            &["Intergovernmental Panel on Climate Change"],
            true,
        );
        assert_eq!(v.len(), 1);
    }

    #[test]
    fn bare_mentions_that_are_prose() {
        // A short organisation name is the prose's actor.
        assert!(find("Hugging Face is a company", &["Hugging Face"], true).is_empty());
        // A co-author the entries do not name.
        let firsts = [Some("Hugging Face".to_owned())];
        let text = "Hugging Face and AWS have declared";
        let k = known_names(&firsts, &["Hugging Face. Hub Documentation."]);
        assert!(mentions(text, 0..text.len(), &k, &[], true).is_empty());
        // A person introduced by given name.
        let v = find(
            "authors, Catherine D'Ignazio and Lauren F. Klein, this",
            &["D'Ignazio"],
            true,
        );
        assert!(v.is_empty(), "{v:?}");
        // But a sentence may open on the name.
        assert_eq!(find("As Hoyer and Hamman show", &["Hoyer"], true).len(), 1);
        // An author of several works named alone cannot say which.
        let firsts = vec![Some("World Health Organization".to_owned()); 2];
        let v = mentions(
            "the World Health Organization reports",
            0..37,
            &known_names(&firsts, &["", ""]),
            &[],
            true,
        );
        assert!(v.is_empty());
        // A lone family name counts only for an author cited no other way.
        assert!(find("while O’Neil called", &["O’Neil"], true).is_empty());
        let mut k = known_names(&[Some("O’Neil".to_owned())], &["O’Neil, Cathy."]);
        k[0].lone = true;
        let text = "while O’Neil called";
        assert_eq!(mentions(text, 0..text.len(), &k, &[], true).len(), 1);
        // Not as someone else's given name ("O’Neil Palmer"); but a
        // sentence may start after the name.
        let text = "the system of O’Neil Palmer was";
        assert!(mentions(text, 0..text.len(), &k, &[], true).is_empty());
        let text = "as told by O’Neil. Soil matters";
        assert_eq!(mentions(text, 0..text.len(), &k, &[], true).len(), 1);
    }

    #[test]
    fn locators() {
        for s in [
            "8",
            "45–47",
            "p. 253",
            "pp. 3–29",
            "ch. 8",
            "chap. 2",
            "sec. 4",
            "table 2.1",
            "e124",
            "xii",
        ] {
            assert!(is_locator(s), "{s}");
        }
        for s in ["see above", "AI", "the 1990s debate", "Figure"] {
            assert!(!is_locator(s), "{s}");
        }
    }

    #[test]
    fn two_works_named_by_their_authors() {
        let firsts = [Some("Chesson".to_owned()), Some("Hubbell".to_owned())];
        let raws = [
            "Chesson, Peter. Mechanisms of Maintenance. 2000.",
            "Hubbell, Stephen. The Unified Neutral Theory. 2001.",
        ];
        let k = known_names(&firsts, &raws);
        let text = "For a synthesis see Chesson and Hubbell\n(3–29).";
        let v = mentions(text, 0..text.len(), &k, &[], true);
        assert_eq!(v.len(), 1, "{v:?}");
        let names: Vec<_> = v[0].items.iter().map(|i| i.names.clone()).collect();
        assert_eq!(names, [["Chesson"], ["Hubbell"]]);
        assert_eq!(v[0].items[1].locator.as_deref(), Some("3–29"));
        // A second name that leads no entry is still no citation.
        let text = "Chesson and Smith argued";
        assert!(mentions(text, 0..text.len(), &k, &[], true).is_empty());
    }

    #[test]
    fn authors_of_two_works_named_bare_cite_neither() {
        // The list's second work of Card and Krueger repeats them with
        // dashes: a table cell "Card and Krueger" cannot say which.
        let firsts = [Some("Card".to_owned()), Some("Card".to_owned())];
        let raws = [
            "Card, David, and Alan B. Krueger. “Minimum Wages and Employment.” 1994.",
            "———. Myth and Measurement. Princeton University Press, 1995.",
        ];
        let mut k = known_names(&firsts, &raws);
        k[0].lone = true;
        let text = "  Source             Country\n  Card and Krueger   United States\n";
        assert!(mentions(text, 0..text.len(), &k, &[], true).is_empty());
        // With a locator the mention still cites (the resolver then picks).
        let text = "as Card and Krueger (772) found";
        assert_eq!(mentions(text, 0..text.len(), &k, &[], true).len(), 1);
    }

    /// The citations the scanner finds in `text` from `at` on, with
    /// ranges in `text`.
    fn scanned_from(text: &str, at: usize) -> Vec<Citation> {
        let mut found = crate::cite::scan_text("t", &text[at..], &crate::cite::ScanOptions::all());
        for c in &mut found {
            c.range = c.range.start + at..c.range.end + at;
            for i in &mut c.items {
                i.range = i.range.start + at..i.range.end + at;
            }
        }
        found
    }

    /// Whether the one bare mention before `text`'s parenthesis is
    /// followed, in its sentence, by a citation of the same work.
    fn own_citation_follows_mention(text: &str, k: &[Known]) -> bool {
        let at = text.find('(').unwrap();
        let bare = mentions(text, 0..at, k, &[], true);
        assert_eq!(bare.len(), 1, "{bare:?}");
        let found = scanned_from(text, at);
        own_citation_follows(text, &bare[0], text.len(), &found, true)
    }

    #[test]
    fn a_prose_name_then_a_citation_of_other_works() {
        let firsts = [Some("Fforde".to_owned()), Some("Fforde".to_owned())];
        let raws = [
            "Fforde, Cressida. Collecting the Dead. Duckworth, 2004.",
            "Fforde, Cressida, et al., editors. The Dead and Their Possessions. Routledge, 2002.",
        ];
        let mut k = known_names(&firsts, &raws);
        k[0].lone = true;
        // The later citation is of the edited volume ("et al."): the bare
        // name is a citation of its own.
        let text = "Fforde traced how skeletons were collected (Fforde et al. 1–5; see also Simpson, xiv).";
        assert!(!own_citation_follows_mention(text, &k));
        // The same authors cited after it make it prose.
        let text = "Fforde traced how skeletons were collected (Fforde 12).";
        assert!(own_citation_follows_mention(text, &k));
    }

    #[test]
    fn a_person_introduced_with_dates_is_no_bare_citation() {
        let text =
            "took his name from the Toledan poet Garcilaso de la Vega\n(c. 1501–1536), a relative";
        assert!(find(text, &["Garcilaso de la Vega"], true).is_empty());
        let text = "as Garcilaso de la Vega writes of the Inca";
        assert_eq!(find(text, &["Garcilaso de la Vega"], true).len(), 1);
    }

    #[test]
    fn an_initial_says_which_of_two_namesakes_is_cited() {
        // Made-up entries.
        let firsts = [Some("Chen".to_owned()), Some("Chen".to_owned())];
        let raws = [
            "Chen, Songhua, Ana Ruiz, et al. “A Map of Soils.” Geoderma, 2018.",
            "Chen, Zhou, Li Wang, et al. “A County Model.” Catena, 2018.",
        ];
        let k = known_names(&firsts, &raws);
        let text = "see S. Chen et al. and Z. Chen\net al. on the two.";
        let v = mentions(text, 0..text.len(), &k, &[], true);
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[0].items[0].initials.as_deref(), Some("S"));
        assert_eq!(v[1].items[0].initials.as_deref(), Some("Z"));
        // An initial that fits neither introduces a person.
        let text = "see Q. Chen et al. on the two.";
        assert!(mentions(text, 0..text.len(), &k, &[], true).is_empty());
    }

    #[test]
    fn two_names_and_et_al_wrapped_over_a_line() {
        let firsts = [Some("Bradley".to_owned()), Some("Bradley".to_owned())];
        let raws = [
            "Bradley, Mark A., Chelsea J. Carey, et al. “Soil Science for Policy.” 2019.",
            "Bradley, Mark A., Lisa Eash, et al. “Testing Feasibility.” 2023.",
        ];
        let k = known_names(&firsts, &raws);
        let text = "and Bradley,\nCarey, et al. emphasise that";
        let v = mentions(text, 0..text.len(), &k, &[], true);
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].items[0].names, ["Bradley", "Carey"]);
    }

    #[test]
    fn et_al_in_prose_then_citeprocs_longer_form_of_it() {
        let firsts = [Some("Hughes".to_owned()), Some("Hughes".to_owned())];
        let raws = [
            "Hughes, Terry P., Kristen D. Anderson, et al. “Spatial and Temporal Patterns.” Science, 2018.",
            "Hughes, Terry P., James T. Kerry, et al. “Global Warming.” Nature, 2017.",
        ];
        let k = known_names(&firsts, &raws);
        let text = "Hughes et al. placed these events in a longer record \
                    (T. P. Hughes, Anderson, et al. 80–82).";
        assert!(own_citation_follows_mention(text, &k));
    }

    #[test]
    fn a_particle_the_entry_writes_belongs_to_the_name() {
        let firsts = [Some("Briain".to_owned())];
        let raws = ["Ó Briain, Aoife, and Máire Nic Eoin. “Irish Online.” 2019."];
        let k = known_names(&firsts, &raws);
        let text = "a point made by Ó Briain and Nic Eoin in their survey";
        let v = mentions(text, 0..text.len(), &k, &[], true);
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].text, "Ó Briain and Nic Eoin");
        // Not a given name: "Aoife Briain" is introduced, not cited.
        let text = "a point made by Aoife Briain and Nic Eoin";
        assert!(mentions(text, 0..text.len(), &k, &[], true).is_empty());
    }

    #[test]
    fn an_organisation_leads_by_its_whole_name() {
        use crate::model::Person;
        // The parser took "World Health" for given names; "———." repeats
        // the organisation; a person stays a family name.
        let entry = |raw: &str, family: &str| mla_entry(raw, Person::new(family, Some("A.")));
        let entries = [
            entry(
                "World Health Organization. Global Report 2021. WHO, 2021.",
                "Organization",
            ),
            entry("———. World Malaria Report 2021. WHO, 2021.", "Report"),
            entry("Farmer, Paul. Pathologies of Power. Press, 2003.", "Farmer"),
        ];
        let firsts = first_authors_each(&entries);
        assert_eq!(firsts[0].as_deref(), Some("World Health Organization"));
        assert_eq!(firsts[1], firsts[0]);
        assert_eq!(firsts[2].as_deref(), Some("Farmer"));
        // "Google Quantum AI.": an organisation whose last word the parser
        // took for initials; a person's initials stay given names.
        let entries = [
            mla_entry(
                "Google Quantum AI. (2024). Data for the paper. Zenodo.",
                Person::new("Google Quantum", Some("AI.")),
            ),
            mla_entry(
                "Smith AJ, Jones B. A title. Journal 2020;1:2-3.",
                Person::new("Smith", Some("AJ")),
            ),
        ];
        let firsts = first_authors_each(&entries);
        assert_eq!(firsts[0].as_deref(), Some("Google Quantum AI"));
        assert_eq!(firsts[1].as_deref(), Some("Smith"));
    }

    #[test]
    fn a_division_or_remark_after_a_narrative_year() {
        let v = find(
            "syndromes; see Google Quantum AI\n(2024, README, secs. 1–4). Re-decoding",
            &["Google Quantum AI"],
            false,
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].items[0].locator.as_deref(), Some("README, secs. 1–4"));
        // Another year in the remark is another work's: no reading.
        let v = find("as Smith (2010, then Jones 2012) argued", &["Smith"], false);
        assert!(v.iter().all(|c| c.items[0].locator.is_none()), "{v:?}");
    }

    #[test]
    fn a_sentence_may_end_just_before_the_name() {
        let v = find(
            "as Nic Eoin says. García and Wei call this",
            &["García"],
            true,
        );
        assert_eq!(v.len(), 1, "{v:?}");
        // An initial is no sentence end: "Ofelia M. García" is introduced.
        assert!(find("by Ofelia M. García and Wei", &["García"], true).is_empty());
    }

    #[test]
    fn an_organisation_is_not_cut_at_an_abbreviation() {
        use crate::model::Person;
        // As the parser may read them: "U.S. Coastal Survey" given names of
        // a person "Agency", "Dept" a name alone (made-up works).
        let entries = [
            mla_entry(
                "U.S. Coastal Survey Agency. Tides and Harbours. CSA, 2014.",
                Person::new("Agency", Some("U.S. Coastal Survey")),
            ),
            mla_entry(
                "Dept. of Roads. Gravel Surfaces. Press, 2009.",
                Person::literal("Dept"),
            ),
            mla_entry(
                "St. Olaf Rowing Club. A History of Oars. Club, 1999.",
                Person::new("Club", Some("St. Olaf Rowing")),
            ),
            // A person's initials still end where they did.
            mla_entry(
                "J.R. Smith. Gravel. Press, 2001.",
                Person::new("Smith", Some("J.R.")),
            ),
            mla_entry(
                "Acme Inc. Widget Handbook. Acme, 2019.",
                Person::literal("Acme Inc"),
            ),
        ];
        let firsts = first_authors_each(&entries);
        let firsts: Vec<&str> = firsts.iter().map(|f| f.as_deref().unwrap_or("")).collect();
        assert_eq!(
            firsts,
            [
                "U.S. Coastal Survey Agency",
                "Dept. of Roads",
                "St. Olaf Rowing Club",
                "Smith",
                "Acme Inc"
            ]
        );
        // Known by its whole name, it is found where the text names it.
        let raws: Vec<&str> = entries.iter().map(|e| &*e.raw).collect();
        let names: Vec<Option<String>> = firsts.iter().map(|f| Some((*f).to_owned())).collect();
        let k = known_names(&names, &raws);
        let text = "as U.S. Coastal Survey\nAgency (3) shows";
        let v = mentions(text, 0..text.len(), &k, &[], true);
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].items[0].names, ["U.S. Coastal Survey Agency"]);
    }

    #[test]
    fn a_year_alone_continues_the_author_last_named_in_the_paragraph() {
        let text = "Rosa Ames wrote two books. The first (Ames, 2001, p. 3) was \
                    long. The second was short (2009, pp. 1–3).\n\nReferences\n";
        let firsts = vec![Some("Ames".to_owned()), Some("Ames".to_owned())];
        let raws = [
            "Ames, R. (2001). The long one.",
            "Ames, R. (2009). The short one.",
        ];
        let known = known_names(&firsts, &raws);
        let cited = mentions(text, 0..text.len(), &known, &[], false);
        let found = context_years(text, 0..text.len(), &known, &cited);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].text, "(2009, pp. 1–3)");
        assert_eq!(found[0].items[0].names, ["Ames"]);
        // No work of that year: the year is pinned on no one.
        let other = text.replace("(2009,", "(1990,");
        let cited = mentions(&other, 0..other.len(), &known, &[], false);
        assert!(context_years(&other, 0..other.len(), &known, &cited).is_empty());
    }

    #[test]
    fn a_reprint_year_of_the_author_the_sentence_names() {
        let text = "Prose first.\n\nMeasures were, as Kula put it, a history of people \
                    as much as of things ([1970] 1986, ix).\n";
        let firsts = vec![Some("Kula".to_owned())];
        let raws = ["Kula, W. (1986). Measures and men. (1970)"];
        let known = known_names(&firsts, &raws);
        let found = context_years(text, 0..text.len(), &known, &[]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].items[0].names, ["Kula"]);
        assert_eq!(found[0].items[0].year.as_deref(), Some("1986"));
        assert_eq!(found[0].items[0].original_year.as_deref(), Some("1970"));
        assert_eq!(found[0].items[0].locator.as_deref(), Some("ix"));
    }

    #[test]
    fn the_last_author_named_with_a_work_of_the_year() {
        let firsts = vec![Some("Kolb".to_owned()), Some("Johnson".to_owned())];
        let raws = [
            "Kolb, G. J., & DeMaria, R., Jr. (1998). Johnson’s Dictionary and Dictionary Johnson.",
            "Johnson, S. (1755). A dictionary of the English language.",
        ];
        let known = known_names(&firsts, &raws);
        let text = "Prose.\n\nKolb and DeMaria’s account of how “Dictionary Johnson” became \
                    a persona (1998, pp. 30–43).\n";
        let found = context_years(text, 0..text.len(), &known, &[]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].items[0].names, ["Kolb"]);
        // With no such work, still the last named outside the quotation
        // (a wrong year reported).
        let other = text.replace("(1998,", "(1997,");
        let found = context_years(&other, 0..other.len(), &known, &[]);
        assert_eq!(found[0].items[0].names, ["Kolb"]);
        let other = other.replace(['“', '”'], "");
        let found = context_years(&other, 0..other.len(), &known, &[]);
        assert_eq!(found[0].items[0].names, ["Johnson"]);
    }

    #[test]
    fn a_year_after_a_title_the_author_possesses() {
        let firsts = vec![Some("Calepino".to_owned()), Some("Winterfeld".to_owned())];
        let raws = [
            "Calepino, A. (1502). Dictionarium. Dionigi Bertocchi.",
            "Winterfeld, C. von. (1834). Johannes Gabrieli und sein Zeitalter.",
        ];
        let known = known_names(&firsts, &raws);
        // The scanner's weak reading of the title as a name.
        let weak = |text: &str, at: &str| {
            let start = text.find(at).unwrap();
            let end = start + text[start..].find(')').unwrap() + 1;
            let mut c = citation(text, start..end, vec![CiteItem::default()]);
            c.weak = true;
            c
        };
        let text =
            "Prose.\n\nAmbrogio Calepino’s Dictionarium (1502, sig. a1v) took a different route.\n";
        let found = context_years(text, 0..text.len(), &known, &[weak(text, "Dictionarium")]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].items[0].names, ["Calepino"]);
        assert_eq!(found[0].items[0].locator.as_deref(), Some("sig. a1v"));
        // Not a year the author has, and not an author named further back.
        let other = text.replace("(1502,", "(1503,");
        let w = weak(&other, "Dictionarium");
        assert!(context_years(&other, 0..other.len(), &known, &[w]).is_empty());
        let text = "Carl von Winterfeld, whose study of Giovanni Gabrieli (1834) came first.\n";
        let w = weak(text, "Gabrieli");
        assert!(context_years(text, 0..text.len(), &known, &[w]).is_empty());
    }

    #[test]
    fn a_year_of_the_author_just_named_then_other_works() {
        let text = "Ames’s own account still seems the one to build on \
                    (1995, p. 9; cf. Brook & Lowe, 2005, pp. 1–16).\n";
        let firsts = vec![Some("Ames".to_owned()), Some("Brook".to_owned())];
        let raws = [
            "Ames, R. (1995). The account.",
            "Brook, T., & Lowe, S. (2005). A reply.",
        ];
        let known = known_names(&firsts, &raws);
        let found = context_years(text, 0..text.len(), &known, &[]);
        assert_eq!(found.len(), 1, "{found:#?}");
        let names: Vec<_> = found[0].items.iter().map(|i| i.names.clone()).collect();
        assert_eq!(names, [vec!["Ames"], vec!["Brook", "Lowe"]]);
        // A part that is no work cited in full: no citation.
        let other = text.replace("cf. Brook & Lowe, 2005,", "with more in");
        assert!(context_years(&other, 0..other.len(), &known, &[]).is_empty());
    }

    #[test]
    fn a_name_the_sentence_goes_on_to_cite_is_no_citation() {
        let text = "The Northern Reading Council defines literacy as reading \
                    well (Northern\nReading Council), a definition.";
        let firsts = vec![Some("Northern Reading Council".to_owned())];
        let raws = ["Northern Reading Council. Literacy. NRC."];
        let known = known_names(&firsts, &raws);
        let open = text.find('(').unwrap();
        let close = text.find(')').unwrap() + 1;
        let cited = Citation {
            span: Span::default(),
            text: text[open..close].to_owned(),
            range: open..close,
            form: Form::Parenthetical,
            items: vec![CiteItem {
                names: vec!["Northern\nReading Council".to_owned()],
                range: open + 1..close - 1,
                ..CiteItem::default()
            }],
            weak: true,
        };
        let found = mentions(text, 0..text.len(), &known, &[cited], true);
        assert!(found.is_empty(), "{found:#?}");
        // Cited elsewhere, the prose name is the citation.
        let found = mentions(text, 0..text.len(), &known, &[], true);
        assert_eq!(found.len(), 2);
    }

    #[test]
    fn roman_page_ranges_are_locators() {
        assert!(is_locator("xiii–xv"));
        assert!(is_locator("xiii"));
        assert!(!is_locator("xiii–"));
        assert!(!is_locator("vex–xv"));
    }
}
