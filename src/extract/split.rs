//! Splitting a works-cited section into entries.
//!
//! The list's layout is read off its lines: bullets ("- ", "•", "*"),
//! numbered labels ("\[1\]", "1."), hanging indents, blank lines between
//! entries, or a dense list whose entries wrap onto further lines. Numbered
//! labels split only when they continue the sequence, so "\[Online\]", "\[w\]"
//! or a "\[2019\]" inside an entry never do; that also lets a whole IEEE list
//! that PDF extraction put on ONE line be cut at "\[2\]", "\[3\]" ….
//!
//! A dense list is cut where one entry ends and the next begins: an entry
//! ends on its year, pages or URL (a wrapped line ends on a word), and the
//! next opens with an author ("Moore, B.", "Apprich, Clemens."), an
//! organisation or a quoted title, never with a place ("Vienna, Austria:")
//! or a lower-case word.
//!
//! Page breaks leave two kinds of damage that are mended here: page furniture
//! (lone page numbers, running heads) is dropped, and an entry whose tail
//! was pushed past the break, where it looks like a new entry or bullet
//! (a cut-off URL, "In *Proceedings*…", a year-less piece), is rejoined.

use super::{cues, features};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// One entry as cut from the section, before repair and parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawEntry {
    /// First line, 1-based.
    pub line: usize,
    /// Last line, 1-based, inclusive.
    pub end_line: usize,
    /// Column of the entry's first character (its label or bullet), 1-based,
    /// counted in characters.
    pub column: usize,
    /// The number of a numbered entry ("12" for "\[12\]" or "12.").
    pub label: Option<String>,
    /// The text without its bullet or label; the source's line breaks are
    /// kept as `\n` so that repair can tell a hyphenated word from a dash.
    pub text: String,
}

/// The entries of a section and what was mended on the way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Split {
    /// Entries in document order.
    pub entries: Vec<RawEntry>,
    /// Messages about dropped lines and rejoined entries.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Bullet,
    Bracket,
    Dotted,
}

/// A list marker at the start of a line.
#[derive(Debug, Clone, Copy)]
struct Marker {
    kind: Kind,
    number: Option<u32>,
    /// Byte length of the marker and the blanks after it.
    len: usize,
}

#[derive(Debug)]
struct Line<'a> {
    /// 0-based line index in the document.
    index: usize,
    /// Leading blanks, in characters.
    indent: usize,
    /// The line without leading and trailing blanks.
    text: &'a str,
    marker: Option<Marker>,
    /// A blank line or page furniture stands between this line and the
    /// previous content line.
    gap_before: bool,
}

static BRACKET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\[(\d{1,4})\]\s*").expect("valid regex"));
static DOTTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,4})[.)]\s+").expect("valid regex"));
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$").expect("valid regex")
});

/// Blank-line separated blocks longer than this are pages, not entries.
const MAX_ENTRY_LINES: usize = 8;
/// Lines that repeat this often in a section are running heads.
const RUNNING_HEAD_REPEATS: usize = 3;
/// Running heads are short.
const RUNNING_HEAD_MAX: usize = 80;
/// A label further ahead of the previous one than this is text, not an
/// entry after a skipped number.
const MAX_NUMBER_JUMP: u32 = 3;

/// Bullets that open a list item.
pub const BULLETS: &[&str] = &["- ", "• ", "* ", "· ", "▪ ", "◦ ", "-\t", "•\t"];

fn marker(text: &str) -> Option<Marker> {
    for bullet in BULLETS {
        if let Some(rest) = text.strip_prefix(bullet) {
            let len = text.len() - rest.trim_start().len();
            return Some(Marker {
                kind: Kind::Bullet,
                number: None,
                len,
            });
        }
    }
    for (re, kind) in [(&*BRACKET, Kind::Bracket), (&*DOTTED, Kind::Dotted)] {
        if let Some(c) = re.captures(text) {
            return Some(Marker {
                kind,
                number: c[1].parse().ok(),
                len: c[0].len(),
            });
        }
    }
    // "10.Wang, R." where the PDF's text lost the blank after the label
    // (the line labeller reads it so too, in `features::label_of`).
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &text[digits..];
    if (1..=4).contains(&digits)
        && rest.starts_with('.')
        && rest[1..].starts_with(char::is_uppercase)
    {
        return Some(Marker {
            kind: Kind::Dotted,
            number: text[..digits].parse().ok(),
            len: digits + 1,
        });
    }
    None
}

/// Splits lines `first..=last` (0-based) of a document into entries.
pub fn split(lines: &[&str], first: usize, last: usize) -> Split {
    split_from(lines, first, 0, last)
}

/// As [`split`], with the list starting at byte `start` of line `first`
/// (after a heading on the same line).
pub fn split_from(lines: &[&str], first: usize, start: usize, last: usize) -> Split {
    let mut out = Split::default();
    if first > last || first >= lines.len() {
        return out;
    }
    let body = &lines[first..=last.min(lines.len() - 1)];
    let start = if body[0].is_char_boundary(start) {
        start.min(body[0].len())
    } else {
        0
    };
    let (content, furniture) = content_lines(lines, body, first, start);
    if furniture > 0 {
        out.notes.push(format!(
            "dropped {furniture} line(s) of page furniture (page numbers, running heads)"
        ));
    }
    if content.is_empty() {
        return out;
    }
    // Counted in a fixed order so that ties break the same way every run
    // (bullets, then "[n]", then "n.").
    let kinds = [Kind::Bullet, Kind::Bracket, Kind::Dotted];
    let count = |kind: Kind| {
        content
            .iter()
            .filter(|l| l.marker.is_some_and(|m| m.kind == kind))
            .count()
    };
    let dominant = kinds
        .iter()
        .map(|&k| (k, count(k)))
        .rev()
        .max_by_key(|&(_, n)| n)
        .filter(|&(_, n)| n > 0 && n * 4 >= content.len())
        .map(|(k, _)| k);
    let mut builder = Builder::default();
    match dominant {
        Some(kind) => by_marker(&content, kind, &mut builder),
        None => by_layout(&content, &mut builder),
    }
    out.entries = builder
        .entries
        .into_iter()
        .filter(|e| !e.text.trim().is_empty())
        .collect();
    out.notes.extend(builder.notes);
    if builder.preamble > 0 {
        out.notes.push(format!(
            "skipped {} line(s) before the first entry",
            builder.preamble
        ));
    }
    out
}

/// The non-blank lines of the section, with page furniture taken out.
/// Running heads are counted over the whole document (`lines`): a short
/// list on one page or two repeats its footer fewer times than the paper.
fn content_lines<'a>(
    lines: &[&str],
    body: &[&'a str],
    offset: usize,
    start: usize,
) -> (Vec<Line<'a>>, usize) {
    let mut repeats: HashMap<&str, usize> = HashMap::new();
    for l in lines {
        let t = l.trim();
        if !t.is_empty() && t.chars().count() <= RUNNING_HEAD_MAX && marker(t).is_none() {
            *repeats.entry(t).or_default() += 1;
        }
    }
    repeats.retain(|_, n| *n >= RUNNING_HEAD_REPEATS);
    // A repeated line that more often ends a longer line is an entry's
    // tail ("CrossRef Medline"), not a running head.
    let wanted: HashMap<String, usize> = repeats
        .keys()
        .map(|t| (t.to_string(), t.split_whitespace().count()))
        .collect();
    for (t, n) in features::tail_counts(lines.iter().copied(), &wanted, str::to_owned) {
        if repeats.get(t.as_str()).is_some_and(|&alone| n >= alone) {
            repeats.remove(t.as_str());
        }
    }
    let mut content = Vec::new();
    let mut furniture = 0;
    let mut gap = false;
    for (i, &line) in body.iter().enumerate() {
        let (raw, shift) = if i == 0 && start > 0 {
            (&line[start..], line[..start].chars().count())
        } else {
            (line, 0)
        };
        let text = raw.trim();
        if text.is_empty() {
            gap = true;
            continue;
        }
        let running_head = repeats.contains_key(text)
            // The article's own DOI in every page's footer is furniture; a
            // lower-case line that repeats is otherwise a shared volume's.
            && (!cues::continues_a_reference(text) || text.starts_with("doi:"))
            // "John Murray," / "London.": an entry that broke off ends
            // there, however often the place repeats.
            && !(i > 0 && !gap && body[i - 1].trim_end().ends_with(','));
        // A number alone on a line is a page number, unless it is the end
        // of a URL or DOI that the line above breaks off.
        let url_tail = i > 0 && !gap && ends_in_url(body[i - 1]);
        if (PAGE_NUMBER.is_match(text) && !url_tail) || running_head {
            furniture += 1;
            gap = true;
            continue;
        }
        if gap && isolated_head(body, i, text) {
            furniture += 1;
            continue;
        }
        let indent = shift + raw.chars().take_while(|c| c.is_whitespace()).count();
        content.push(Line {
            index: offset + i,
            indent,
            text,
            marker: marker(text),
            gap_before: std::mem::take(&mut gap),
        });
    }
    (content, furniture)
}

/// True when a line ends inside a URL or DOI.
fn ends_in_url(line: &str) -> bool {
    let last = line
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    last.contains("://")
        || last.starts_with("www.")
        || last.starts_with("10.")
        || last.starts_with("doi:")
}

/// A running head printed once inside the list: a short line alone between
/// blank lines, with no year, URL, list marker or final full stop, that does
/// not open like an author.
fn isolated_head(body: &[&str], i: usize, text: &str) -> bool {
    let blank_after = match body.get(i + 1) {
        Some(next) => next.trim().is_empty(),
        None => true,
    };
    blank_after
        && text.chars().count() <= RUNNING_HEAD_MAX
        && !text.ends_with('.')
        && !cues::has_year(text)
        && !text.contains("://")
        && marker(text).is_none()
        && !cues::starts_like_author(text)
}

#[derive(Default)]
struct Builder {
    entries: Vec<RawEntry>,
    notes: Vec<String>,
    preamble: usize,
}

impl Builder {
    fn start(&mut self, index: usize, column: usize, label: Option<u32>, text: &str) {
        self.entries.push(RawEntry {
            line: index + 1,
            end_line: index + 1,
            column,
            label: label.map(|n| n.to_string()),
            text: text.trim().to_owned(),
        });
    }

    /// The end of the current entry with its PDF damage repaired, so that a
    /// URL broken across lines still reads as a URL.
    fn tail(&self) -> Option<String> {
        const TAIL: usize = 300;
        let text = &self.entries.last()?.text;
        let mut from = text.len().saturating_sub(TAIL);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let window = &text[from..];
        // Repair only from the line where the last URL or DOI starts (it
        // may run over several lines); without one, the last two lines
        // tell how the entry ends.
        let url = ["://", "www.", "doi"]
            .iter()
            .filter_map(|m| window.rfind(m))
            .max();
        Some(match url {
            Some(at) => {
                let line_start = window[..at].rfind('\n').map_or(0, |i| i + 1);
                let piece = &window[line_start..];
                super::repair::repair_normalized(piece).unwrap_or_else(|| piece.to_owned())
            }
            None => {
                let two_lines = window.rmatch_indices('\n').nth(1).map_or(0, |(i, _)| i + 1);
                window[two_lines..].replace('\n', " ")
            }
        })
    }

    /// Appends a line to the current entry; false when there is none.
    fn extend(&mut self, index: usize, text: &str) -> bool {
        match self.entries.last_mut() {
            Some(e) => {
                e.text.push('\n');
                e.text.push_str(text.trim());
                e.end_line = index + 1;
                true
            }
            None => false,
        }
    }

    /// Starts an entry, unless the line is the page-broken tail of the
    /// previous one: the previous entry stops mid-phrase and this one does
    /// not open with an author ("…, edited by Mark" / "- Graham and Fabian
    /// Ferrari. The MIT Press, 2022").
    fn start_or_rejoin(&mut self, line: &Line<'_>, text: &str, label: Option<u32>) {
        self.start_or_rejoin_block(line, text, label, text);
    }

    /// [`Builder::start_or_rejoin`] for a line that opens a block between
    /// blank lines; `block` is the whole block, whose year may stand on
    /// its last line ("Niẓām al-Mulk. The Book of Government …" / "Paul,
    /// 1960.").
    fn start_or_rejoin_block(
        &mut self,
        line: &Line<'_>,
        text: &str,
        label: Option<u32>,
        block: &str,
    ) {
        let broken = match (self.entries.last(), self.tail()) {
            (Some(prev), Some(tail)) => is_tail_of(&prev.text, &tail, line, text, block),
            _ => false,
        };
        if broken && self.extend(line.index, text) {
            self.notes.push(format!(
                "line {}: rejoined an entry broken across a page",
                line.index + 1
            ));
        } else {
            self.start(line.index, line.indent + 1, label, text);
        }
    }
}

/// Whether `text`, which would open a new entry, is the rest of the
/// previous entry `prev` (whose repaired end is `tail`) pushed past a page
/// break.
fn is_tail_of(prev: &str, tail: &str, line: &Line<'_>, text: &str, block: &str) -> bool {
    if !(line.gap_before || text.starts_with(char::is_lowercase)) {
        return false;
    }
    // "[1] The agency's definitions …": a bracketed number opens a note or
    // an entry of its own (pandoc and many PDF extractions print notes
    // right after an unnumbered list), never the rest of a broken entry.
    if line.marker.is_some_and(|m| m.kind == Kind::Bracket) {
        return false;
    }
    let author = cues::starts_like_author(text) || cues::starts_like_ditto(text);
    let opens_entry = author
        || cues::starts_like_org(text)
        || cues::starts_like_dated_org(text)
        || cues::starts_like_dated_head(text);
    // The surest signs: a URL or DOI cut off, or a phrase cut off mid-way;
    // only a personal name then opens a new entry.
    if ends_in_url(tail) && first_token_is_url_piece(text) {
        return true;
    }
    if ends_mid_phrase(tail) {
        return !author;
    }
    // Weaker signs give way to any author-like start: a tail that opens like
    // a continuation, a year arriving after a year-less entry, or a year-less
    // piece after a dated entry.
    let titled = text.starts_with(['"', '“', '‘', '\'', '*']);
    !opens_entry
        && (continues_entry(text)
            || !cues::has_year(prev) && cues::has_year(text)
            || !titled && cues::has_year(prev) && !cues::has_year(block) && !ends_complete(tail))
}

/// Whether an entry's end reads as complete: a full stop after a number
/// (its year, pages or series number), a URL or a DOI. A year-less block
/// after it is an undated entry ("Zhongguo di yi lishi dang’anguan […].
/// … Archival series."), not the rest of it past a page break.
fn ends_complete(tail: &str) -> bool {
    let t = tail.trim_end();
    let last = t.rsplit(char::is_whitespace).next().unwrap_or("");
    (t.ends_with('.') && t[..t.len() - 1].ends_with(|c: char| c.is_ascii_digit()))
        || last.contains("://")
        || last.starts_with("10.")
}

/// True when the first word of `text` can only be the rest of a URL: URL
/// characters with a slash, dot or hyphen, or digits, and no capital to
/// start ("OECD." opens an entry).
fn first_token_is_url_piece(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    !first.is_empty()
        && !first.starts_with(char::is_uppercase)
        && first
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._~:/?#@!$&*+,;=%".contains(c))
        && (first.contains(['/', '.', '-']) || first.chars().all(|c| c.is_ascii_digit()))
}

/// True when text can only be the rest of an entry: it opens in lower case,
/// with a container ("In *Proceedings*"), pages, a URL or an access note.
fn continues_entry(text: &str) -> bool {
    text.starts_with(char::is_lowercase)
        || cues::starts_like_place(text)
        || [
            "In ",
            "(pp.",
            "pp.",
            "http://",
            "https://",
            "doi:",
            "Retrieved ",
            "Available",
            "Accessed",
        ]
        .iter()
        .any(|p| text.starts_with(p))
}

/// True when text stops where no reference ends: on a letter that is not
/// part of a URL, or on a comma, colon, ampersand or hyphen.
fn ends_mid_phrase(text: &str) -> bool {
    let t = text.trim_end();
    let last_token = t.rsplit(char::is_whitespace).next().unwrap_or("");
    if last_token.contains("://") || last_token.starts_with("www.") {
        return false;
    }
    match t.chars().last() {
        Some(c) if c.is_alphabetic() => true,
        Some(',' | ':' | ';' | '&' | '-' | '–') => true,
        _ => false,
    }
}

fn by_marker(content: &[Line<'_>], kind: Kind, b: &mut Builder) {
    // A list numbered with one number throughout ("1." before every item,
    // as Markdown allows): the numbers do not count, every marker opens an
    // entry.
    let mut numbers = content
        .iter()
        .filter_map(|l| l.marker.filter(|m| m.kind == kind).and_then(|m| m.number));
    let one_number = numbers
        .next()
        .is_some_and(|first| numbers.clone().next().is_some() && numbers.all(|n| n == first));
    let mut last_number: Option<u32> = None;
    for (k, line) in content.iter().enumerate() {
        // Numbering that starts again at 1 after a blank line, in a block
        // without a year, is the notes printed after the list (pandoc's
        // "[1] On how public employment …, see [20, pp. 80–84]"), not a
        // second list: a supplement's references have years.
        let restart = line.gap_before
            && last_number.is_some_and(|prev| prev >= 3)
            && line
                .marker
                .is_some_and(|m| m.kind == kind && m.number == Some(1));
        if restart && !one_number {
            let block = content[k..]
                .iter()
                .enumerate()
                .take_while(|(j, l)| *j == 0 || !l.gap_before);
            if !block.clone().any(|(_, l)| cues::has_year(l.text)) {
                let rest = content.len() - k;
                b.notes.push(format!(
                    "the list ends at line {}: {rest} line(s) after it, numbered again from 1, read as notes",
                    line.index + 1
                ));
                return;
            }
            // A second list numbered from 1: its entries are entries.
            last_number = None;
        }
        let accepted = line.marker.filter(|m| {
            m.kind == kind
                && match (m.number, last_number) {
                    (Some(n), Some(prev)) => one_number || n > prev && n <= prev + MAX_NUMBER_JUMP,
                    _ => true,
                }
        });
        let Some(m) = accepted else {
            if !b.extend(line.index, line.text) {
                if cues::is_reference_like(line.text) {
                    b.start(line.index, line.indent + 1, None, line.text);
                } else {
                    b.preamble += 1;
                }
            }
            continue;
        };
        let rest = &line.text[m.len..];
        if kind == Kind::Bullet {
            // "- [3] A. Author, …": a numbered list written as bullets.
            match BRACKET.captures(rest) {
                Some(c) => b.start(
                    line.index,
                    line.indent + 1,
                    c[1].parse().ok(),
                    &rest[c[0].len()..],
                ),
                None => b.start_or_rejoin(line, rest, None),
            }
            continue;
        }
        last_number = m.number;
        if kind != Kind::Bracket {
            b.start(line.index, line.indent + 1, m.number, rest);
            continue;
        }
        // A numbered run on one line: cut at "[n+1]", "[n+2]" … in sequence.
        let mut pieces = split_inline(rest, m.number);
        let (first_text, _, _) = pieces.remove(0);
        b.start(line.index, line.indent + 1, m.number, first_text);
        // Columns are counted incrementally: recounting from the line start
        // for each piece would be quadratic on a long one-line run.
        let mut col = line.indent + line.text[..m.len].chars().count() + 1;
        let mut counted = 0;
        for (text, offset, number) in pieces {
            col += rest[counted..offset].chars().count();
            counted = offset;
            let body = text
                .strip_prefix(&format!("[{number}]"))
                .unwrap_or(text)
                .trim_start();
            b.start(line.index, col, Some(number), body);
            last_number = Some(number);
        }
    }
}

/// Cuts `text` at " \[n+1\]", then " \[n+2\]" …; returns each piece with its
/// byte offset in `text` and its number (the first piece keeps `first`).
fn split_inline(text: &str, first: Option<u32>) -> Vec<(&str, usize, u32)> {
    let mut pieces = Vec::new();
    let Some(mut current) = first else {
        return vec![(text, 0, 0)];
    };
    let mut start = 0;
    let mut search = 0;
    loop {
        let needle = format!("[{}]", current + 1);
        let Some(found) = text[search..].find(&needle).map(|i| search + i) else {
            break;
        };
        let preceded_by_blank = text[..found].ends_with(char::is_whitespace);
        if !preceded_by_blank {
            search = found + needle.len();
            continue;
        }
        pieces.push((text[start..found].trim_end(), start, current));
        start = found;
        search = found + needle.len();
        current += 1;
    }
    pieces.push((&text[start..], start, current));
    pieces
}

fn by_layout(content: &[Line<'_>], b: &mut Builder) {
    let min_indent = content.iter().map(|l| l.indent).min().unwrap_or(0);
    let flush = content.iter().filter(|l| l.indent == min_indent).count();
    let hanging = content
        .iter()
        .filter(|l| l.indent >= min_indent + 2)
        .count();
    let hanging_indent = content[0].indent == min_indent && flush >= 2 && hanging >= 1;

    // Pandoc's notes after an unnumbered list (see below) are paragraphs,
    // not entries: their length says nothing of the list's blocks.
    let notes_at = content
        .iter()
        .enumerate()
        .filter(|(_, l)| l.gap_before)
        .skip(3)
        .find(|(_, l)| notes_open_at(l))
        .map_or(content.len(), |(k, _)| k);
    let mut block_sizes: Vec<usize> = Vec::new();
    for line in &content[..notes_at] {
        match block_sizes.last_mut() {
            Some(n) if !line.gap_before => *n += 1,
            _ => block_sizes.push(1),
        }
    }
    // Blank lines separate entries when the blocks are entry-sized; blocks of
    // page length are pages of a dense list, split further line by line.
    let blocks_are_entries =
        block_sizes.len() >= 2 && block_sizes.iter().all(|&n| n <= MAX_ENTRY_LINES);

    for (k, line) in content.iter().enumerate() {
        // "[1] On the alphabetical indexes …, see Parkes (1976, n. 14)":
        // notes numbered from 1 after an unnumbered list (pandoc prints
        // them so) end it, unless they open like entries.
        if line.gap_before && b.entries.len() >= 3 && notes_open_at(line) {
            b.notes.push(format!(
                "the list ends at line {}: {} line(s) after it, numbered from 1, read as notes",
                line.index + 1,
                content.len() - k
            ));
            return;
        }
        let new_entry = if hanging_indent {
            line.indent == min_indent
        } else if blocks_are_entries {
            line.gap_before
        } else {
            match b.tail() {
                Some(tail) => starts_new_entry(&tail, line.text),
                None => true,
            }
        };
        if new_entry {
            // Joined only when its first line has no year, which alone
            // the block's year is asked for.
            let block = if blocks_are_entries && !cues::has_year(line.text) {
                let end = content[k + 1..]
                    .iter()
                    .position(|l| l.gap_before)
                    .map_or(content.len(), |n| k + 1 + n);
                content[k..end]
                    .iter()
                    .map(|l| l.text)
                    .collect::<Vec<_>>()
                    .join(" ")
            } else {
                line.text.to_owned()
            };
            b.start_or_rejoin_block(line, line.text, None, &block);
        } else if !b.extend(line.index, line.text) {
            b.start(line.index, line.indent + 1, None, line.text);
        }
    }
}

/// Whether `line` opens pandoc's notes after an unnumbered list: "\[1\]"
/// and words that do not open like an entry.
fn notes_open_at(line: &Line<'_>) -> bool {
    line.marker
        .filter(|m| m.kind == Kind::Bracket && m.number == Some(1))
        .is_some_and(|m| {
            let rest = &line.text[m.len..];
            !(cues::starts_like_author(rest)
                || cues::starts_like_org(rest)
                || cues::starts_like_dated_org(rest))
        })
}

/// Whether `cur` opens a new entry in a dense list whose long entries wrap
/// onto further lines; `prev` is the (repaired) end of the entry so far.
fn starts_new_entry(prev: &str, cur: &str) -> bool {
    // A name may open with its particle ("de Cuevas, M., Lee, J. K., …").
    let lower = cur.starts_with(char::is_lowercase) && !cues::starts_like_author(cur);
    if lower || ends_mid_phrase(prev) || ends_on_initial(prev) {
        return false;
    }
    // An entry ends on its year, pages or URL; a wrapped title line ends on
    // a word. After a sure end, any author, an organisation or a quoted
    // title may open the next entry; after a full stop only an author name
    // closed off as bibliographies write it ("Moore, B.", "Apprich, Clemens.").
    let last_token = prev.rsplit(char::is_whitespace).next().unwrap_or("");
    let sure_end = prev
        .trim_end_matches(['.', ')', ']', '>'])
        .ends_with(|c: char| c.is_ascii_digit())
        || last_token.contains("://")
        || last_token.starts_with("www.");
    if cues::starts_like_ditto(cur) {
        return true;
    }
    if sure_end {
        return cues::starts_like_author(cur)
            || cues::starts_like_org(cur)
            || cur.starts_with(['"', '“', '‘', '\'', '*']);
    }
    let full_stop = prev.ends_with(['.', ')', ']', '>', '"', '”', '’']);
    full_stop
        && (cues::starts_like_closed_author(cur) || cues::starts_like_dated_org(cur))
        && !cues::starts_like_place(cur)
}

/// "… Steven I." ends on an initial: the name goes on in the next line.
fn ends_on_initial(text: &str) -> bool {
    let mut rev = text.trim_end().chars().rev();
    matches!(
        (rev.next(), rev.next(), rev.next()),
        (Some('.'), Some(c), Some(' ' | '-')) if c.is_uppercase()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Split {
        let lines: Vec<&str> = text.split('\n').collect();
        split(&lines, 0, lines.len() - 1)
    }

    fn texts(s: &Split) -> Vec<String> {
        s.entries
            .iter()
            .map(|e| e.text.replace('\n', " "))
            .collect()
    }

    #[test]
    fn bullets_and_indented_bullets() {
        let s = run("- Apprich, Clemens. T. R, 2017.\n\n- Benjamin, Ruha. R. P, 2019.\n - Sudmann, Andreas. D. t, 2019.\n");
        assert_eq!(s.entries.len(), 3);
        assert_eq!((s.entries[2].line, s.entries[2].column), (4, 2));
    }

    #[test]
    fn page_broken_bullet_is_rejoined() {
        let s = run("- Srnicek, Nick. \"Data.\" *Digital Work*, edited by Mark\n\n- Graham and Fabian Ferrari. The MIT Press, 2022, pp. 241-262.\n- Stalder, Felix. \"P.\" t, 2012.\n");
        assert_eq!(s.entries.len(), 2);
        assert!(s.entries[0].text.ends_with("pp. 241-262."));
        assert_eq!((s.entries[0].line, s.entries[0].end_line), (1, 3));
        assert!(s.notes.iter().any(|n| n.contains("rejoined")));
    }

    #[test]
    fn a_note_after_the_list_is_not_the_last_entry_broken() {
        // A dated entry, a blank line, then pandoc's note: without the
        // marker the year-less note would read as the entry's page-broken
        // tail.
        let s = run("Farmer, Paul. Pathologies of Power. Press, 2003.\n\nMarmot, Michael. Status. Press, 2004.\n\nSen, Amartya. Development. Press, 1999.\n\nWorld Bank. Poverty. World Bank, 2016.\n\n[1] See OECD (15–17); on top incomes, Piketty.\n");
        // The note ends the list (see
        // `notes_numbered_after_an_unnumbered_list_end_it`).
        assert_eq!(s.entries.len(), 4, "{:?}", texts(&s));
        assert!(s.entries[3].text.ends_with("2016."));
        assert!(s.notes.iter().any(|n| n.contains("read as notes")));
    }

    #[test]
    fn an_organisation_listing_its_parts_opens_an_entry() {
        let s = run("Munafò, Marcus R., et al. “A Manifesto.” Nature, 2017, https://doi.org/10.1038/x.\n\nNational Academies of Sciences, Engineering, and Medicine. Reproducibility and\nReplicability in Science. The Press, 2019.\n");
        assert_eq!(s.entries.len(), 2, "{:?}", texts(&s));
    }

    #[test]
    fn entries_ending_on_a_year_are_not_rejoined() {
        let s = run("- Ito, Joichi. \"R.\" *J*, 2018\n- Kratz, Jeff. \"A.\" *B*, 2022.\n");
        assert_eq!(s.entries.len(), 2);
    }

    #[test]
    fn one_line_ieee_run_splits_in_sequence_only() {
        let s = run("[1] A. B, ‘T’, 2020. [Online]. Available: https://x.org [2] ‘U’, [w] 2021. [4] not a label [3] C. D, ‘V’, 2022.");
        assert_eq!(
            texts(&s),
            [
                "A. B, ‘T’, 2020. [Online]. Available: https://x.org",
                "‘U’, [w] 2021. [4] not a label",
                "C. D, ‘V’, 2022."
            ]
        );
        let labels: Vec<_> = s.entries.iter().map(|e| e.label.clone().unwrap()).collect();
        assert_eq!(labels, ["1", "2", "3"]);
        assert_eq!(s.entries[1].column, 57);
    }

    #[test]
    fn a_label_that_lost_its_blank_still_opens_an_entry() {
        let lines = [
            "9. Penas, A. 2007. Overview of the Exercise. In the CLEF",
            "2007 Working Notes.",
            "10.Wang, R. and Neumann, G. 2007a. Recognizing Entailment. In Proc. of",
            "AAAI 2007.",
            "11.Wang, R. and Neumann, G. 2007b. Sentence Similarity. Prague.",
            "12. Wang, R. 2007c. Answer Validation. Budapest.",
        ];
        let s = split(&lines, 0, lines.len() - 1);
        let labels: Vec<_> = s.entries.iter().map(|e| e.label.clone().unwrap()).collect();
        assert_eq!(labels, ["9", "10", "11", "12"]);
        assert!(s.entries[1].text.starts_with("Wang, R. and Neumann"));
    }

    #[test]
    fn numbered_lines_with_wrapped_continuations() {
        let s = run("1. Author, A. Title of a long\nwork. Press, 2001.\n2. Author, B. Other. Press, 2002.\n");
        assert_eq!(s.entries.len(), 2);
        assert_eq!(s.entries[0].end_line, 2);
    }

    #[test]
    fn repeated_author_dashes_open_entries() {
        let s = run("Apprich, Clemens. Technotopia. A Media\nGenealogy. Rowman, 2017.\n———. \"Introduction.\" Pattern\nDiscrimination, meson press, 2018.\n");
        assert_eq!(s.entries.len(), 2, "{:?}", texts(&s));
    }

    #[test]
    fn hanging_indent() {
        let s = run("Apprich, Clemens. Technotopia. A Media\n    Genealogy. Rowman, 2017.\nBenjamin, Ruha. Race. Polity,\n    2019.\n");
        assert_eq!(s.entries.len(), 2);
    }

    #[test]
    fn a_group_named_in_lower_case_opens_an_entry() {
        let s = run("Moreau, Claire. 2022. “Roadmap.” Journal of Physics:\nEnergy 4 (4): 042003.\n\nns-3 Consortium. 2023. ns-3 Network Simulator. Version 3.39.\nhttps://www.nsnam.org/releases/ns-3-39/.\n");
        assert_eq!(s.entries.len(), 2, "{:?}", texts(&s));
    }

    #[test]
    fn blank_line_separated_blocks() {
        let s = run("Apprich, Clemens. Technotopia.\nRowman, 2017.\n\nBenjamin, Ruha. Race.\nPolity, 2019.\n");
        assert_eq!(s.entries.len(), 2);
    }

    #[test]
    fn a_block_dated_on_its_last_line_is_an_entry_of_its_own() {
        // A name without a comma opens the block, its year comes last: the
        // block is no year-less piece of the entry before pushed past a
        // page break.
        let s = run("Ngô Đức Thọ, et al. Các nhà khoa bảng Việt Nam. 1993. 2nd ed., Văn học, 2006.\n\nNiẓām al-Mulk. The Book of Government or Rules for Kings: The Siyar\nal-Muluk. Translated by Hubert Darke, Routledge and Kegan\nPaul, 1960.\n\nPalais, James B. Confucian Statecraft. University of Washington Press, 1996.\n");
        assert_eq!(s.entries.len(), 3, "{:?}", texts(&s));
        assert!(s.entries[1].text.starts_with("Niẓām al-Mulk."));
    }

    #[test]
    fn an_undated_block_after_a_complete_entry_is_an_entry() {
        // An archive's series has no year; the entry before ends on its
        // series number and a full stop, so nothing of it runs on.
        let s = run("Yi, T’ae-jin. The Dynamics of Confucianism. Cornell University, 2007. Cornell East Asia Series 1.\n\nZhongguo di yi lishi dang’anguan [First Historical Archives of China]. Junjichu\nlufu zouzhe, keju xiang. Archival series.\n\nPalais, James B. Confucian Statecraft. University of Washington Press, 1996.\n");
        assert_eq!(s.entries.len(), 3, "{:?}", texts(&s));
        assert!(s.entries[1].text.starts_with("Zhongguo"));
    }

    #[test]
    fn one_per_line_with_wraps() {
        let s = run("Apprich, Clemens. Technotopia. A Media Genealogy\nof Net Cultures. Rowman, 2017.\nBenjamin, Ruha. Race after Technology. Polity, 2019.\nGoogle AI. Tools. 2023. https://ai.google/tools.\n");
        assert_eq!(s.entries.len(), 3, "{:?}", texts(&s));
    }

    #[test]
    fn page_numbers_and_running_heads_are_dropped() {
        let s = run("- Apprich, C. T. R, 2017.\n12\nAPRJA 12\n- Benjamin, R. R. P, 2019.\nAPRJA 12\n- Eubanks, V. A. S, 2017.\nAPRJA 12\n");
        assert_eq!(s.entries.len(), 3);
        assert!(s.notes[0].contains("4 line"));
    }

    #[test]
    fn a_repeated_tail_alone_on_its_line_is_kept() {
        // "CrossRef Medline" ends most entries, and stands alone where an
        // entry filled its last line: the entry's tail, not a running head.
        let s = run("1. A. B, Nature 1, 2-3 CrossRef Medline\n2. C. D, long title that fills the line. Cell 5, 6-7\nCrossRef Medline\n3. E. F, Cell 8, 9 CrossRef Medline\n4. G. H, a title that fills the line. Cell 9, 10-11\nCrossRef Medline\n5. I. J, Cell 10, 12 CrossRef Medline\n6. K. L, a title that fills the line. Cell 11, 13-14\nCrossRef Medline\n");
        assert_eq!(s.entries.len(), 6);
        assert!(
            s.entries[1].text.ends_with("CrossRef Medline"),
            "{:?}",
            s.entries[1]
        );
        assert!(s.notes.is_empty(), "{:?}", s.notes);
    }

    #[test]
    fn notes_numbered_again_after_a_numbered_list_end_it() {
        let list = "[1] A. Author, \u{201c}One,\u{201d} J. X, 2001.\n\n[2] B. Author, \u{201c}Two,\u{201d} J. X, 2002.\n\n[3] C. Author, Three. Press, 2003.\n\n";
        let s = run(&format!(
            "{list}[1] On how this was done, see [2, p. 4], and the\nvolume edited by [3].\n"
        ));
        assert_eq!(s.entries.len(), 3, "{:#?}", s.entries);
        assert!(s.entries[2].text.ends_with("2003."));
        assert!(s.notes.iter().any(|n| n.contains("read as notes")));
        // A second list numbered from 1 (a supplement's) has years and stays.
        let s = run(&format!("{list}[1] D. Author, Four. Press, 2004.\n"));
        assert_eq!(s.entries.len(), 4);
    }

    #[test]
    fn notes_numbered_after_an_unnumbered_list_end_it() {
        let list = "Darnton, Robert. 1982. \u{201c}What Is the History of Books?\u{201d} Daedalus 111 (3): 65\u{2013}83.\n\nde Hamel, Christopher. 2016. Meetings with Remarkable Manuscripts. Allen Lane.\n\ne-codices. n.d. \u{201c}Virtual Manuscript Library of Switzerland.\u{201d} Accessed May 2, 2024.\n\nJohns, Adrian. 1998. The Nature of the Book. University of Chicago Press.\n\nMooney, Linne R. 2006. \u{201c}Chaucer\u{2019}s Scribe.\u{201d} Speculum 81 (1): 97\u{2013}138.\n\nSaenger, Paul. 1997. Space Between Words. Stanford University Press.\n\nWarner, Lawrence. 2018. Chaucer\u{2019}s Scribes. Cambridge University Press.\n\n";
        let s = run(&format!(
            "{list}[1] On the indexes see Parkes (1976, n. 14); the stationers are\nthe subject of Rouse and Rouse (2000).\n\n[2] On what a surrogate leaves out, compare McKenzie.\n"
        ));
        // The lower-case "e-codices" opens an entry of its own.
        assert_eq!(s.entries.len(), 7, "{:#?}", s.entries);
        assert!(s.entries[2].text.starts_with("e-codices"));
        assert!(s.notes.iter().any(|n| n.contains("read as notes")));
        // A bracketed list after it that opens with authors stays.
        let s = run(&format!("{list}[1] Smith, John. 2004. Four. Press.\n"));
        assert_eq!(s.entries.len(), 8, "{:#?}", s.entries);
    }
}
