//! Generic layout features of a document's lines for the line labellers
//! ([`super::finder`], [`super::segment`]).
//!
//! Nothing here names a paper or a journal: a line is described by its
//! length against the document's typical line, its indentation, how it
//! opens (a label "\[12\]", "12.", a number alone, a name with initials, a
//! lower-case word) and ends, the years, DOIs, URLs and page ranges it
//! holds, whether it repeats through the document (a running head) or is a
//! page number, whether it is a heading and which, where it sits in the
//! document, and how dense reference-like lines are around it. Each line
//! also sees its neighbours' core features (see [`super::learn`]).

use super::cues;
use super::learn::{hash, Lines};
use super::section;
use crate::input::LineLayout;
use std::collections::HashMap;

/// Only this many bytes at each end of a line are looked at: a megabyte
/// line costs no more than a normal one.
const HEAD: usize = 400;
const TAIL: usize = 120;

/// Lines on each side counted for the density of reference-like lines.
const WINDOW: usize = 8;

/// One line of a document to be labelled.
#[derive(Debug, Clone, Copy)]
pub struct DocLine<'a> {
    /// The line as written (not trimmed).
    pub text: &'a str,
    /// A blank line stood before it in the source.
    pub gap_before: bool,
    /// Its position on the page, when the source has a layout.
    pub layout: Option<LineLayout>,
}

/// Lines of plain text, none after a blank line and none placed on a
/// page, as the line rules' tests write them.
#[cfg(test)]
pub(crate) fn plain_lines<'a>(texts: &[&'a str]) -> Vec<DocLine<'a>> {
    texts
        .iter()
        .map(|t| DocLine {
            text: t,
            gap_before: false,
            layout: None,
        })
        .collect()
}

/// The label at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// "\[12\]"
    Bracket(u32),
    /// "12." or "12)" followed by text
    Dotted(u32),
    /// a number alone on its line ("12", "12.")
    Alone(u32),
}

impl Label {
    /// The number.
    pub fn number(self) -> u32 {
        match self {
            Label::Bracket(n) | Label::Dotted(n) | Label::Alone(n) => n,
        }
    }
}

/// The label a line opens with, if any.
pub fn label_of(t: &str) -> Option<Label> {
    let t = t.trim_start();
    let b = t.as_bytes();
    if b.first() == Some(&b'[') {
        let digits = b[1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if (1..=4).contains(&digits) && b.get(1 + digits) == Some(&b']') {
            return t[1..1 + digits].parse().ok().map(Label::Bracket);
        }
        return None;
    }
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=4).contains(&digits) {
        return None;
    }
    let n: u32 = t[..digits].parse().ok()?;
    let rest = &t[digits..];
    let after = rest.trim_start_matches(['.', ')']);
    if after.trim().is_empty() && rest.len() <= 1 {
        return Some(Label::Alone(n));
    }
    if rest.len() > after.len()
        && rest.len() - after.len() == 1
        && (after.starts_with(char::is_whitespace)
            // "10.Wang, R." where the PDF lost the blank after the label.
            || rest.starts_with('.') && after.starts_with(char::is_uppercase))
    {
        return Some(Label::Dotted(n));
    }
    None
}

/// How often each text of `wanted` (by its `key`, with its number of
/// words) ends a longer line of `lines`: a repeated line that mostly ends
/// other lines ("CrossRef Medline", "\[PubMed\]") is the tail of entries,
/// not a running head. Linear in the lines: at most eight word counts are
/// tried at the end of each.
pub fn tail_counts<'a>(
    lines: impl Iterator<Item = &'a str>,
    wanted: &HashMap<String, usize>,
    key: impl Fn(&str) -> String,
) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    let mut widths: Vec<usize> = wanted.values().copied().collect();
    widths.sort_unstable();
    widths.dedup();
    widths.truncate(8);
    if widths.is_empty() {
        return counts;
    }
    let mut starts = Vec::new();
    for line in lines {
        let t = line.trim();
        starts.clear();
        let mut blank = true;
        for (i, c) in t.char_indices() {
            if blank && !c.is_whitespace() {
                starts.push(i);
            }
            blank = c.is_whitespace();
        }
        for &w in &widths {
            if w > 0 && starts.len() > w {
                let k = key(&t[starts[starts.len() - w]..]);
                if wanted.contains_key(&k) {
                    *counts.entry(k).or_default() += 1;
                }
            }
        }
    }
    counts
}

/// What one line looks like on its own.
#[derive(Debug, Clone)]
struct Info {
    len: usize,
    indent: usize,
    label: Option<Label>,
    shape1: String,
    shape2: String,
    first_word: String,
    last: u8,
    /// How the line ends: 1 on a year, 2 on a year in brackets, 3 on a
    /// page range, 0 otherwise.
    end_kind: u8,
    years: usize,
    /// Characters before the first year, bucketed (author-date lists put
    /// it early in an entry's first line).
    year_at: u8,
    paren_year: bool,
    initials: usize,
    author: bool,
    closed_author: bool,
    ditto: bool,
    url: bool,
    doi: bool,
    pages: bool,
    volume: bool,
    et_al: bool,
    bib_heading: bool,
    stop_heading: bool,
    caps_short: bool,
    page_number: bool,
    lower_start: bool,
    hyphen_end: bool,
    digits_bin: u8,
    refy: bool,
    norm: String,
}

fn clip(t: &str) -> (&str, &str) {
    if t.len() <= HEAD + TAIL {
        return (t, "");
    }
    let mut a = HEAD;
    while !t.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = t.len() - TAIL;
    while !t.is_char_boundary(b) {
        b += 1;
    }
    (&t[..a], &t[b..])
}

fn floor(t: &str, mut i: usize) -> usize {
    while !t.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn shape(word: &str) -> String {
    // Runs of one class shrink to one character, or two when longer than
    // one: "ELLIOTT." is "XX.", "J." is "X.", "Vol." is "Xxx.".
    let mut out = String::new();
    let mut prev = ' ';
    let mut run = 0;
    for c in word.chars().take(12) {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if k == prev && matches!(k, 'X' | 'x' | 'd') {
            run += 1;
            if run == 2 {
                out.push(k);
            }
        } else {
            out.push(k);
            run = 1;
        }
        prev = k;
    }
    out
}

fn count_years(t: &str) -> (usize, bool) {
    let b = t.as_bytes();
    let mut n = 0;
    let mut paren = false;
    let mut i = 0;
    while i + 4 <= b.len() {
        let w = &b[i..i + 4];
        let digits = w.iter().all(u8::is_ascii_digit);
        let before = i == 0 || !b[i - 1].is_ascii_digit();
        let after = i + 4 == b.len() || !b[i + 4].is_ascii_digit();
        if digits
            && before
            && after
            && (w[0] == b'1' && (b'6'..=b'9').contains(&w[1]) || w[0] == b'2' && w[1] == b'0')
        {
            n += 1;
            if i > 0 && b[i - 1] == b'(' {
                paren = true;
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    (n, paren)
}

/// "A.", "AB," after a capitalised name, "J.-P." — initials as references
/// write them.
fn count_initials(t: &str) -> usize {
    let cs: Vec<char> = t.chars().take(HEAD).collect();
    let mut n = 0;
    for i in 0..cs.len() {
        let boundary = i == 0 || !cs[i - 1].is_alphanumeric();
        if boundary && cs[i].is_uppercase() {
            let next = cs.get(i + 1).copied();
            let initial = next == Some('.');
            let vancouver = next.is_some_and(|c| c.is_uppercase())
                && cs.get(i + 2).is_some_and(|&c| c == ',' || c == '.')
                && i >= 2
                && cs[i - 1] == ' '
                && cs[i - 2].is_lowercase();
            if initial || vancouver {
                n += 1;
            }
        }
    }
    n
}

fn has_pages(t: &str) -> bool {
    let b = t.as_bytes();
    for i in 1..b.len().saturating_sub(1) {
        if matches!(b[i], b'-') && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit() {
            return true;
        }
    }
    t.contains("pp.") || t.contains("\u{2013}") && t.chars().any(|c| c.is_ascii_digit())
}

fn has_volume(t: &str) -> bool {
    let b = t.as_bytes();
    for i in 1..b.len().saturating_sub(1) {
        if b[i - 1].is_ascii_digit()
            && (b[i] == b'(' || b[i] == b':' || b[i] == b';')
            && b[i + 1].is_ascii_digit()
        {
            return true;
        }
    }
    t.contains("vol.") || t.contains("Vol.")
}

fn info(raw: &str) -> Info {
    let indent = raw.chars().take_while(|c| c.is_whitespace()).count();
    let t = raw.trim();
    let len = t.chars().count().min(5000);
    let (head, tail) = clip(t);
    let end = if tail.is_empty() { head } else { tail };
    let label = label_of(head);
    let body = match label {
        Some(_) => cues::strip_list_marker(head),
        None => head,
    };
    let mut words = body.split_whitespace();
    let w1 = words.next().unwrap_or("");
    let w2 = words.next().unwrap_or("");
    let first_word: String = if w1.len() <= 16 && w1.chars().any(char::is_alphabetic) {
        w1.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    } else {
        String::new()
    };
    let last = match end.chars().last() {
        Some(c @ ('.' | ',' | ';' | ':' | '-' | ')' | ']' | '"')) => c as u8,
        Some(c) if c.is_ascii_digit() => b'd',
        Some(c) if c.is_lowercase() => b'x',
        Some(c) if c.is_uppercase() => b'X',
        Some(_) => b'?',
        None => b' ',
    };
    let end_t = end.trim_end_matches(['.', ',', ';']);
    let end_kind = if end_t.ends_with(')')
        && count_years(&end_t[floor(end_t, end_t.len().saturating_sub(7))..]).0 > 0
    {
        2
    } else if end_t.len() >= 4
        && end_t.is_char_boundary(end_t.len() - 4)
        && count_years(&end_t[end_t.len() - 4..]).0 > 0
    {
        1
    } else if has_pages(&end_t[floor(end_t, end_t.len().saturating_sub(12))..]) {
        3
    } else {
        0
    };
    let hb = head.as_bytes();
    let year_at = (0..hb.len().min(120).saturating_sub(3))
        .find(|&i| {
            let w = &hb[i..i + 4];
            w.iter().all(u8::is_ascii_digit)
                && (i == 0 || !hb[i - 1].is_ascii_digit())
                && hb.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
                && (w[0] == b'1' && (b'6'..=b'9').contains(&w[1]) || w[0] == b'2' && w[1] == b'0')
        })
        .map_or(0, |i| 1 + bin(i, &[10, 25, 45, 80]));
    let (y1, p1) = count_years(head);
    let (y2, p2) = count_years(tail);
    let years = y1 + y2;
    let initials = count_initials(head);
    let lower = head.to_lowercase();
    let url = lower.contains("http") || lower.contains("www.");
    let doi = lower.contains("doi") || lower.contains("10.1");
    let author = cues::starts_like_author(body);
    let closed_author = author && cues::starts_like_closed_author(body);
    let ditto = cues::starts_like_ditto(body);
    let bib_heading = len <= 60 && section::heading_name(t).is_some();
    let stop_heading = len <= 60 && section::is_stop_heading(t);
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    let caps_short = len <= 40 && letters >= 3 && !t.chars().any(char::is_lowercase);
    let page_number = len <= 12
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace() || "/-–ofpagePage".contains(c));
    let digits = head.chars().filter(char::is_ascii_digit).count();
    let digits_bin = ((digits * 10) / head.chars().count().max(1)).min(5) as u8;
    let refy = years > 0 && (author || initials >= 2 || label.is_some() || doi || has_volume(head));
    let norm: String = t
        .chars()
        .take(80)
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    Info {
        len,
        indent,
        label,
        shape1: shape(w1),
        shape2: shape(w2),
        first_word,
        last,
        end_kind,
        years,
        year_at,
        paren_year: p1 || p2,
        initials,
        author,
        closed_author,
        ditto,
        url,
        doi,
        pages: has_pages(head) || has_pages(tail),
        volume: has_volume(head) || has_volume(tail),
        et_al: lower.contains("et al"),
        bib_heading,
        stop_heading,
        caps_short,
        page_number,
        lower_start: body.starts_with(char::is_lowercase),
        hyphen_end: end.ends_with('-'),
        digits_bin,
        refy,
        norm,
    }
}

/// True when a text holds a year and a second sign of a reference: it
/// opens like an author or with a label, or holds initials, a DOI, a URL,
/// a volume and issue or a page range.
pub fn is_reference_text(t: &str) -> bool {
    let i = info(t);
    i.refy || i.years > 0 && (i.pages || i.url)
}

fn bin(x: usize, edges: &[usize]) -> u8 {
    edges.iter().take_while(|&&e| x >= e).count() as u8
}

struct Out {
    core: Vec<u32>,
    own: Vec<u32>,
}

impl Out {
    fn core(&mut self, tag: &str, v: &[u8]) {
        self.core.push(hash(tag, v));
    }
    fn own(&mut self, tag: &str, v: &[u8]) {
        self.own.push(hash(tag, v));
    }
    fn flag(&mut self, tag: &str, on: bool) {
        if on {
            self.core.push(hash(tag, b"1"));
        }
    }
}

/// The features of every line of a document.
pub fn features(lines: &[DocLine<'_>]) -> Lines {
    let infos: Vec<Info> = lines.iter().map(|l| info(l.text)).collect();
    let n = infos.len();
    let mut out = Lines::new();
    if n == 0 {
        return out;
    }
    let mut lens: Vec<usize> = infos.iter().map(|i| i.len).filter(|&l| l > 0).collect();
    lens.sort_unstable();
    let median = lens.get(lens.len() / 2).copied().unwrap_or(1).max(1);
    let p90 = lens.get(lens.len() * 9 / 10).copied().unwrap_or(1).max(1);
    let min_indent = infos.iter().map(|i| i.indent).min().unwrap_or(0);
    let mut repeats: HashMap<&str, usize> = HashMap::new();
    for i in &infos {
        if i.norm.len() >= 3 {
            *repeats.entry(i.norm.as_str()).or_default() += 1;
        }
    }
    // Prefix sums of reference-like lines, for the density around a line.
    let mut refy = vec![0usize; n + 1];
    for (k, i) in infos.iter().enumerate() {
        refy[k + 1] = refy[k] + usize::from(i.refy);
    }
    let last_heading = infos.iter().rposition(|i| i.bib_heading);
    let mut since_heading: Option<usize> = None;
    let font_median = {
        let mut f: Vec<f32> = lines
            .iter()
            .filter_map(|l| l.layout.map(|x| x.font_size))
            .collect();
        f.sort_by(f32::total_cmp);
        f.get(f.len() / 2).copied()
    };
    let mut last_label: Option<(usize, u32)> = None;
    let kind = numbering(&infos);
    for (k, i) in infos.iter().enumerate() {
        let mut o = Out {
            core: Vec::with_capacity(24),
            own: Vec::with_capacity(24),
        };
        o.core("bias", b"");
        let ratio = i.len * 10 / median;
        o.core("len", &[bin(ratio, &[2, 4, 6, 8, 9, 11, 13, 16, 25])]);
        o.core(
            "lenp90",
            &[bin(i.len * 20 / p90, &[10, 16, 18, 19, 20, 21])],
        );
        o.own(
            "abslen",
            &[bin(i.len, &[1, 3, 6, 12, 25, 45, 70, 100, 200])],
        );
        o.core("ind", &[bin(i.indent - min_indent, &[1, 2, 4, 8])]);
        match i.label {
            Some(Label::Bracket(_)) => o.core("lab", b"br"),
            Some(Label::Dotted(_)) => o.core("lab", b"dot"),
            Some(Label::Alone(_)) => o.core("lab", b"alone"),
            None => o.core("lab", b"none"),
        }
        if let Some(l) = i.label {
            let num = l.number();
            // A label that continues the run of labels just above.
            let seq = last_label.is_some_and(|(at, m)| k - at <= 12 && num == m + 1);
            o.own("labseq", &[u8::from(seq), u8::from(num == 1)]);
            o.core("labseq", &[u8::from(seq)]);
            last_label = Some((k, num));
        }
        o.core("sh1", i.shape1.as_bytes());
        o.own("sh12", format!("{} {}", i.shape1, i.shape2).as_bytes());
        if !i.first_word.is_empty() {
            o.own("w1", i.first_word.as_bytes());
        }
        o.core("last", &[i.last]);
        o.core("endk", &[i.end_kind]);
        o.core("yrs", &[bin(i.years, &[1, 2, 3])]);
        o.flag("pyr", i.paren_year);
        o.core("yat", &[i.year_at]);
        o.core("ini", &[bin(i.initials, &[1, 2, 4, 7])]);
        o.flag("auth", i.author);
        o.flag("cauth", i.closed_author);
        o.flag("ditto", i.ditto);
        o.flag("url", i.url);
        o.flag("doi", i.doi);
        o.flag("pages", i.pages);
        o.flag("vol", i.volume);
        o.flag("etal", i.et_al);
        o.flag("bibh", i.bib_heading);
        o.flag("stoph", i.stop_heading);
        o.flag("caps", i.caps_short);
        o.flag("pgno", i.page_number);
        o.flag("lower", i.lower_start);
        o.flag("hyph", i.hyphen_end);
        o.flag("refy", i.refy);
        o.own("dig", &[i.digits_bin]);
        o.flag("gap", lines[k].gap_before);
        let rep = repeats.get(i.norm.as_str()).copied().unwrap_or(0);
        o.core("rep", &[bin(rep, &[2, 3, 5])]);
        o.own("pos", &[(k * 10 / n) as u8]);
        let (a, b) = (k.saturating_sub(WINDOW), (k + WINDOW + 1).min(n));
        let dens = (refy[b] - refy[a]) * 10 / (b - a);
        o.own("dens", &[bin(dens, &[1, 2, 3, 5, 7])]);
        let after = (refy[(k + 30).min(n)] - refy[k]) * 10 / ((k + 30).min(n) - k).max(1);
        o.own("dens_after", &[bin(after, &[1, 3, 5])]);
        let before =
            (refy[k] - refy[k.saturating_sub(30)]) * 10 / (k - k.saturating_sub(30)).max(1);
        o.own("dens_before", &[bin(before, &[1, 3, 5])]);
        if i.bib_heading {
            since_heading = Some(k);
        }
        let dist = since_heading.map(|h| k - h);
        o.own(
            "since_h",
            &[match dist {
                None => 0,
                Some(d) => 1 + bin(d, &[1, 3, 10, 40, 150, 500]),
            }],
        );
        o.own("later_h", &[u8::from(last_heading.is_some_and(|h| h > k))]);
        if let (Some(l), Some(fm)) = (lines[k].layout, font_median) {
            let r = (l.font_size / fm.max(0.1) * 10.0).round() as usize;
            o.core("font", &[bin(r, &[8, 9, 10, 11, 13])]);
            if l.page_height > 0.0 {
                let zone = (l.y / l.page_height * 10.0).clamp(0.0, 9.0) as u8;
                o.own("y", &[zone]);
            }
            if l.page_width > 0.0 {
                let col = (l.x / l.page_width * 4.0).clamp(0.0, 3.0) as u8;
                o.own("x", &[col]);
            }
        }
        // Every feature again, conjoined with how the document numbers its
        // entries: a line without a label opens an entry in an author-date
        // list and continues one in a numbered list.
        let conjoin = |h: u32| {
            hash(
                "kind",
                &[
                    kind,
                    (h >> 24) as u8,
                    (h >> 16) as u8,
                    (h >> 8) as u8,
                    h as u8,
                ],
            )
        };
        let (nc, no) = (o.core.len(), o.own.len());
        for k in 0..nc {
            o.core.push(conjoin(o.core[k]));
        }
        for k in 0..no {
            o.own.push(conjoin(o.own[k]));
        }
        out.push(&o.core, &o.own);
    }
    out
}

/// How a document numbers its entries: 0 not at all, 1 "\[n\]", 2 "n.",
/// 3 numbers alone on their lines; by the labels that continue a run.
fn numbering(infos: &[Info]) -> u8 {
    let mut counts = [0usize; 4];
    let mut last: Option<(usize, u32)> = None;
    for (k, i) in infos.iter().enumerate() {
        if let Some(l) = i.label {
            let n = l.number();
            if last.is_some_and(|(at, m)| k - at <= 12 && n == m + 1) {
                counts[match l {
                    Label::Bracket(_) => 1,
                    Label::Dotted(_) => 2,
                    Label::Alone(_) => 3,
                }] += 1;
            }
            last = Some((k, n));
        }
    }
    let (best, n) = (1..4)
        .map(|k| (k, counts[k]))
        .max_by_key(|&(_, n)| n)
        .unwrap_or((0, 0));
    let labelled: usize = counts.iter().sum();
    if n >= 3 && labelled * 8 >= infos.iter().filter(|i| i.refy).count() {
        best as u8
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(label_of("[12] Meyer"), Some(Label::Bracket(12)));
        assert_eq!(label_of("12. Meyer"), Some(Label::Dotted(12)));
        assert_eq!(label_of("146"), Some(Label::Alone(146)));
        assert_eq!(label_of("1."), Some(Label::Alone(1)));
        assert_eq!(label_of("2019 was"), None);
        assert_eq!(label_of("12.5 mm"), None);
    }

    #[test]
    fn long_lines_cost_little_and_features_exist() {
        let big = "x".repeat(1_000_000);
        let lines = [DocLine {
            text: &big,
            gap_before: false,
            layout: None,
        }];
        assert_eq!(features(&lines).len(), 1);
    }
}
