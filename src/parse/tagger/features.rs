//! Tokens of a prepared reference and the hashed features of each token.
//!
//! Every feature is generic: the shape of a token and its neighbours,
//! punctuation, position, the spans the grammar found, membership in the
//! hand-written word classes of [`lexicon`](super::super::lexicon) and
//! [`tokens`](super::super::tokens), and the identity of a few function and
//! cue words listed below. With [`WORDS`] set (the shipped model), each token
//! also has the lower-cased identity of itself and its neighbours over a ±2
//! window, and its first and last three letters: the features of a plain
//! token CRF, hashed into the model's buckets like the rest.

use super::Label;
use crate::parse::{lexicon, tokens};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// Feature flag: word identity, prefix, suffix and neighbouring words.
pub const WORDS: u8 = 1;

/// Feature flag: where a token stands in the reference and in its
/// sentence, whether it is inside quotes or brackets, and its word joined
/// with the marks before and after it.
pub const CONTEXT: u8 = 2;

/// Tokens beyond this many are not tagged (keeps decoding linear in the
/// length the grammar reads anyway).
pub const MAX_TOKENS: usize = 200;

/// Function words and cue words whose lower-cased identity is a feature.
const CUE_WORDS: &[&str] = &[
    "a",
    "abstract",
    "academy",
    "acad",
    "accepted",
    "acta",
    "al",
    "an",
    "and",
    "ann",
    "annals",
    "annual",
    "arch",
    "archives",
    "art",
    "article",
    "as",
    "assoc",
    "association",
    "at",
    "available",
    "book",
    "books",
    "bull",
    "bulletin",
    "by",
    "center",
    "centre",
    "ch",
    "chap",
    "chapter",
    "co",
    "college",
    "conf",
    "conference",
    "congress",
    "da",
    "das",
    "de",
    "del",
    "dept",
    "der",
    "des",
    "di",
    "die",
    "diss",
    "dissertation",
    "du",
    "e",
    "ed",
    "edited",
    "edition",
    "editor",
    "editors",
    "edn",
    "eds",
    "en",
    "et",
    "for",
    "from",
    "für",
    "hg",
    "hrsg",
    "in",
    "inc",
    "inst",
    "institute",
    "int",
    "international",
    "is",
    "issue",
    "its",
    "j",
    "journal",
    "la",
    "lab",
    "laboratory",
    "le",
    "lect",
    "lecture",
    "les",
    "lett",
    "letters",
    "ltd",
    "magazine",
    "master",
    "meeting",
    "n",
    "nat",
    "national",
    "no",
    "notes",
    "nr",
    "of",
    "on",
    "online",
    "p",
    "page",
    "pages",
    "paper",
    "part",
    "phd",
    "pp",
    "preprint",
    "presented",
    "press",
    "proc",
    "proceedings",
    "publ",
    "published",
    "publisher",
    "publishers",
    "publishing",
    "quarterly",
    "rep",
    "report",
    "res",
    "research",
    "rev",
    "review",
    "s",
    "school",
    "sci",
    "science",
    "series",
    "ser",
    "soc",
    "society",
    "submitted",
    "suppl",
    "supplement",
    "symp",
    "symposium",
    "tech",
    "technical",
    "the",
    "thesis",
    "to",
    "trans",
    "transactions",
    "und",
    "univ",
    "university",
    "van",
    "verlag",
    "vol",
    "vols",
    "volume",
    "von",
    "with",
    "workshop",
    "working",
    "y",
    "zur",
];

/// A multiply-rotate hasher: the table's keys are short, fixed, and not
/// chosen by an attacker, so SipHash's cost buys nothing here.
#[derive(Default, Clone, Copy)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.0 = mix(self.0, u64::from_le_bytes(b));
        }
    }
}

type Table = HashMap<&'static str, (u64, u32), BuildHasherDefault<WordHasher>>;

/// Lower-cased word → (cue word number, word classes), built once from the
/// hand-written lists so that a token costs one lookup, not a scan of each.
fn lexicon_table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Table::default();
        for (k, w) in CUE_WORDS.iter().enumerate() {
            t.entry(w).or_default().0 = k as u64 + 1;
        }
        let mut add = |words: &mut dyn Iterator<Item = &'static str>, class: u32| {
            for w in words {
                t.entry(w).or_default().1 |= class;
            }
        };
        add(&mut lexicon::PUBLISHER_CUES.iter().copied(), PUBLISHER_WORD);
        add(
            &mut lexicon::CITIES.iter().flat_map(|c| c.split([' ', ','])),
            CITY,
        );
        add(&mut tokens::MONTHS.iter().map(|(m, _)| *m), MONTH);
        add(&mut lexicon::CONFERENCE_WORDS.iter().copied(), CONFERENCE);
        // Reports share the thesis class: both are grey literature with an
        // institution in place of a publisher.
        add(
            &mut lexicon::THESIS_WORDS
                .iter()
                .copied()
                .chain(["report", "memorandum"]),
            THESIS_REPORT,
        );
        t.remove("");
        t
    })
}

/// The cue word number and word classes of `core` (0 and none if it is in
/// no list).
fn lookup(core: &str) -> (u64, u32) {
    if core.len() > 30 {
        return (0, 0);
    }
    let mut buf = [0u8; 32];
    let mut n = 0;
    if core.is_ascii() {
        buf[..core.len()].copy_from_slice(core.as_bytes());
        buf[..core.len()].make_ascii_lowercase();
        n = core.len();
    } else {
        for c in core.chars().flat_map(char::to_lowercase) {
            let mut b = [0u8; 4];
            let s = c.encode_utf8(&mut b);
            if n + s.len() > buf.len() {
                return (0, 0);
            }
            buf[n..n + s.len()].copy_from_slice(s.as_bytes());
            n += s.len();
        }
    }
    match std::str::from_utf8(&buf[..n]) {
        Ok(lower) => lexicon_table().get(lower).copied().unwrap_or((0, 0)),
        Err(_) => (0, 0),
    }
}

#[cfg(test)]
fn cue_word(core: &str) -> u64 {
    lookup(core).0
}

/// A word of the prepared text: byte offsets into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just after the last character.
    pub end: usize,
}

/// Splits `text` at whitespace, at most [`MAX_TOKENS`] tokens. Words that
/// PDF damage glued together are split too: after a comma or semicolon
/// before a letter or quote ('exaggerated,"Phys'), and between a year and
/// a capitalised word ("2013Interferometer").
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                split_glued(text, s, i, &mut out);
                if out.len() >= MAX_TOKENS {
                    out.truncate(MAX_TOKENS);
                    return out;
                }
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    out
}

fn split_glued(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let word = &text[start..end];
    let mut from = start;
    let mut prev = '\0';
    let mut digits = 0;
    let mut before_comma = '\0';
    for (k, c) in word.char_indices() {
        let at = start + k;
        let glued = (matches!(prev, ',' | ';') && (c.is_alphabetic() || is_quote(c) || c == '('))
            || (prev == ',' && c.is_ascii_digit() && before_comma.is_alphabetic())
            || (digits >= 4 && c.is_uppercase())
            || (prev.is_ascii_uppercase() && c.is_ascii_digit());
        if glued && at > from {
            out.push(Token {
                start: from,
                end: at,
            });
            from = at;
        }
        digits = if c.is_ascii_digit() { digits + 1 } else { 0 };
        before_comma = prev;
        prev = c;
    }
    out.push(Token { start: from, end });
}

// Bits of the word-class set of a token.
const JOURNAL_WORD: u32 = 1;
const PUBLISHER_WORD: u32 = 1 << 1;
const CITY: u32 = 1 << 2;
const MONTH: u32 = 1 << 3;
const YEAR: u32 = 1 << 4;
const PAGE_RANGE: u32 = 1 << 5;
const NUMBER: u32 = 1 << 6;
const CONFERENCE: u32 = 1 << 7;
const THESIS_REPORT: u32 = 1 << 8;
const INITIAL: u32 = 1 << 9;
const ALL_CAPS: u32 = 1 << 10;
const ITALIC: u32 = 1 << 11;
const OPENS_QUOTE: u32 = 1 << 12;
const CLOSES_QUOTE: u32 = 1 << 13;
const HAS_DIGIT: u32 = 1 << 14;
const CAPITALISED: u32 = 1 << 15;
const OPENS_PAREN: u32 = 1 << 16;
const CLOSES_PAREN: u32 = 1 << 17;
const ABBREVIATED: u32 = 1 << 18;
const VOLUME_ISSUE: u32 = 1 << 19;
const CLASS_BITS: u32 = 20;

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '‘' | '’' | '«' | '»' | '„')
}

/// What a token is, computed once, combined into features with its
/// neighbours.
#[derive(Debug, Clone, Copy, Default)]
struct Desc {
    shape: u64,
    word: u64,
    classes: u32,
    lead: u64,
    trail: u64,
    len: u64,
    grammar: u64,
    /// Hash of the lower-cased core, digits folded to 0.
    lower: u64,
    /// Hash of the first three letters of `lower`'s string.
    pre: u64,
    /// Hash of the last three.
    suf: u64,
}

/// Hashes of the lower-cased core of a word (digits folded to `0`), of its
/// first three and of its last three characters, without allocating.
fn word_hashes(core: &str) -> (u64, u64, u64) {
    const SEED: u64 = 0xcbf2_9ce4_8422_2325;
    let step = |h: u64, c: char| (h ^ c as u64).wrapping_mul(0x100_0000_01B3);
    let (mut whole, mut pre) = (SEED, SEED);
    let mut last = ['\0'; 3];
    let mut n = 0usize;
    let mut push = |c: char| {
        let c = if c.is_ascii_digit() { '0' } else { c };
        whole = step(whole, c);
        if n < 3 {
            pre = step(pre, c);
        }
        last = [last[1], last[2], c];
        n += 1;
    };
    // The same characters as `chars().flat_map(char::to_lowercase)`; an
    // ASCII word, the common case, skips the Unicode case tables.
    if core.is_ascii() {
        for b in core.bytes() {
            push(char::from(b.to_ascii_lowercase()));
        }
    } else {
        for c in core.chars().flat_map(char::to_lowercase) {
            push(c);
        }
    }
    let suf = last.iter().fold(SEED, |h, &c| step(h, c));
    (whole, pre ^ n.min(3) as u64, suf)
}

fn punct_code(c: Option<char>) -> u64 {
    match c {
        None => 0,
        Some('.') => 1,
        Some(',') => 2,
        Some(';') => 3,
        Some(':') => 4,
        Some(')') => 5,
        Some('(') => 6,
        Some(']') => 7,
        Some('[') => 8,
        Some(c) if is_quote(c) => 9,
        Some(c) if tokens::is_dash(c) => 10,
        Some('?' | '!') => 11,
        Some(_) => 12,
    }
}

fn describe(word: &str, italic: bool, grammar: Label, words: bool) -> Desc {
    let mut shape = 0xcbf2_9ce4_8422_2325u64;
    let mut last = '\0';
    let mut letters = 0u64;
    let mut upper = 0u64;
    for c in word.chars() {
        let k = if c.is_uppercase() {
            upper += 1;
            letters += 1;
            'A'
        } else if c.is_alphabetic() {
            letters += 1;
            'a'
        } else if c.is_ascii_digit() {
            '9'
        } else if is_quote(c) {
            '"'
        } else if tokens::is_dash(c) {
            '-'
        } else {
            c
        };
        if k != last {
            shape = shape.wrapping_mul(0x100_0000_01B3) ^ k as u64;
            last = k;
        }
    }
    let core = word.trim_matches(|c: char| !c.is_alphanumeric());
    let first = word.chars().next();
    let last_c = word.chars().next_back();
    let mut classes = 0u32;
    if italic {
        classes |= ITALIC;
    }
    if first.is_some_and(is_quote) {
        classes |= OPENS_QUOTE;
    }
    if last_c.is_some_and(is_quote)
        || word
            .trim_end_matches(['.', ',', ';', ':'])
            .ends_with(is_quote)
    {
        classes |= CLOSES_QUOTE;
    }
    if first == Some('(') {
        classes |= OPENS_PAREN;
    }
    if word.trim_end_matches(['.', ',', ';', ':']).ends_with(')') {
        classes |= CLOSES_PAREN;
    }
    if word.bytes().any(|b| b.is_ascii_digit()) {
        classes |= HAS_DIGIT;
    }
    if core.chars().next().is_some_and(char::is_uppercase) {
        classes |= CAPITALISED;
    }
    if letters >= 2 && upper == letters {
        classes |= ALL_CAPS;
    }
    if letters == 1 && word.ends_with('.') && upper == 1 {
        classes |= INITIAL;
    }
    if letters >= 2 && word.trim_end_matches([',', ';', ':']).ends_with('.') {
        classes |= ABBREVIATED;
    }
    let (cue, lex) = if letters > 0 { lookup(core) } else { (0, 0) };
    classes |= lex;
    if letters > 0 && upper == 0 {
        // Places and publishers are capitalised.
        classes &= !(CITY | PUBLISHER_WORD);
    }
    if letters > 0 && lexicon::is_journal_word(core) {
        classes |= JOURNAL_WORD;
    }
    if !core.is_empty() && classes & HAS_DIGIT != 0 {
        if tokens::year(core).is_ok() {
            classes |= YEAR;
        }
        if tokens::page_range(core).is_ok_and(|(r, _)| r.is_empty()) {
            classes |= PAGE_RANGE;
        }
        if tokens::number(core).is_ok_and(|(r, _)| r.is_empty()) {
            classes |= NUMBER;
        }
        if tokens::compact_volume(core).is_ok() {
            classes |= VOLUME_ISSUE;
        }
    }
    let lead = if first.is_some_and(char::is_alphanumeric) {
        0
    } else {
        punct_code(first)
    };
    let trail = if last_c.is_some_and(char::is_alphanumeric) {
        0
    } else {
        // The last two marks: ")." and "." differ.
        let mut it = word.chars().rev();
        let a = punct_code(it.next());
        let b = it.next().filter(|c| !c.is_alphanumeric());
        a * 16 + punct_code(b)
    };
    let len = match core.chars().count() {
        0 => 0,
        1 => 1,
        2 => 2,
        3 => 3,
        4..=6 => 4,
        7..=10 => 5,
        _ => 6,
    };
    let (lower, pre, suf) = if words && !core.is_empty() {
        word_hashes(core)
    } else {
        (0, 0, 0)
    };
    Desc {
        shape,
        word: cue,
        classes,
        lead,
        trail,
        len,
        grammar: grammar as u64,
        lower,
        pre,
        suf,
    }
}

/// Combines two values into a well-spread 64-bit hash.
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    (a ^ b.wrapping_add(0x9E37_79B9_7F4A_7C15))
        .wrapping_mul(0xBF58_476D_1CE4_E5B9)
        .rotate_left(29)
        .wrapping_mul(0x94D0_49BB_1331_11EB)
}

#[inline]
fn feat(template: u64, v: u64) -> u64 {
    mix(template.wrapping_mul(0x1000_0000_01B3), v)
}

/// The input of the tagger for one reference: its tokens and, per token,
/// the hashes of its features.
#[derive(Debug, Clone, Default)]
pub struct Sequence {
    /// The tokens of the prepared text.
    pub tokens: Vec<Token>,
    /// Feature hashes of all tokens, one after the other.
    pub features: Vec<u64>,
    /// Where the features of token `i` start in `features`; one more
    /// entry than tokens.
    pub offsets: Vec<usize>,
}

impl Sequence {
    /// The feature hashes of token `i`.
    pub fn of(&self, i: usize) -> &[u64] {
        &self.features[self.offsets[i]..self.offsets[i + 1]]
    }
}

/// The context the features of one reference are computed from.
pub struct Context<'a> {
    /// The prepared text.
    pub text: &'a str,
    /// Byte spans of `text` in italics.
    pub italics: &'a [(usize, usize)],
    /// The field the grammar placed each token in.
    pub grammar: &'a [Label],
    /// Which optional feature groups to compute ([`WORDS`]).
    pub flags: u8,
}

/// Computes the features of every token of `tokens`.
pub fn extract(ctx: &Context<'_>, tokens: Vec<Token>) -> Sequence {
    let n = tokens.len();
    let words = ctx.flags & WORDS != 0;
    let context = ctx.flags & CONTEXT != 0;
    let descs: Vec<Desc> = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let italic = ctx
                .italics
                .iter()
                .any(|&(a, b)| t.start >= a && t.end <= b.max(a));
            let g = ctx.grammar.get(i).copied().unwrap_or(Label::Other);
            describe(&ctx.text[t.start..t.end], italic, g, words)
        })
        .collect();
    const NONE: Desc = Desc {
        shape: 1,
        word: 0,
        classes: 1 << 31,
        lead: 99,
        trail: 99,
        len: 99,
        grammar: 99,
        lower: 98,
        pre: 98,
        suf: 98,
    };
    let at = |k: isize| -> Desc {
        if k < 0 || k as usize >= n {
            NONE
        } else {
            descs[k as usize]
        }
    };
    // Up to 28 features and 20 class bits per token: no regrowth.
    let mut out = Vec::with_capacity(n * 48);
    let mut offsets = Vec::with_capacity(n + 1);
    offsets.push(0);
    // Running context: sentence ends so far, an "In" cue seen, a year seen.
    let mut sentences = 0u64;
    let mut seen_in = 0u64;
    let mut seen_year = 0u64;
    // Tokens since the last sentence end; open quotes and brackets.
    let mut since = 0u64;
    let mut quoted = 0u64;
    let mut bracketed = 0u64;
    for (i, &d) in descs.iter().enumerate() {
        let p1 = at(i as isize - 1);
        let n1 = at(i as isize + 1);
        let n2 = at(i as isize + 2);
        out.push(feat(0, 0));
        out.push(feat(1, d.shape));
        out.push(feat(3, d.word));
        out.push(feat(4, d.classes as u64));
        out.push(feat(6, p1.trail * 64 + n1.lead));
        out.push(feat(7, p1.shape));
        out.push(feat(8, n1.shape));
        out.push(feat(10, mix(n2.shape, n2.trail)));
        out.push(feat(11, p1.word));
        out.push(feat(12, n1.word));
        out.push(feat(13, d.grammar));
        out.push(feat(14, p1.grammar * 128 + n1.grammar));
        out.push(feat(15, mix(d.grammar, d.shape)));
        out.push(feat(18, sentences.min(6) * 4 + seen_in * 2 + seen_year));
        out.push(feat(19, mix(p1.trail, d.shape)));
        out.push(feat(20, p1.classes as u64));
        out.push(feat(21, n1.classes as u64));
        out.push(feat(22, mix(d.shape, d.trail) ^ d.len));
        if words {
            let p2 = at(i as isize - 2);
            out.push(feat(40, d.lower));
            out.push(feat(41, d.pre));
            out.push(feat(42, d.suf));
            out.push(feat(43, p1.lower));
            out.push(feat(44, n1.lower));
            out.push(feat(45, p2.lower));
            out.push(feat(46, n2.lower));
            out.push(feat(47, mix(p1.lower, d.lower)));
            out.push(feat(48, mix(d.lower, n1.lower)));
            out.push(feat(49, mix(d.lower, d.grammar)));
        }
        if context {
            let p2 = at(i as isize - 2);
            let t = &ctx.text[tokens[i].start..tokens[i].end];
            if t.starts_with(is_quote) {
                quoted = 1;
            }
            if t.starts_with(['(', '[']) {
                bracketed = 1;
            }
            let rel = (i * 8 / n.max(1)) as u64;
            out.push(feat(60, rel));
            out.push(feat(61, (i as u64).min(12)));
            out.push(feat(62, since.min(8)));
            out.push(feat(63, quoted * 2 + bracketed));
            out.push(feat(64, mix(d.lower, p1.trail)));
            out.push(feat(65, mix(d.lower, d.trail)));
            out.push(feat(66, mix(p2.shape, p2.trail)));
            out.push(feat(67, mix(since.min(8), d.shape)));
            out.push(feat(68, mix(rel, d.grammar)));
            out.push(feat(69, mix(p1.lower, p1.trail) ^ d.classes as u64));
        }
        // One feature per class present, so rare combinations of classes
        // still share what each class says; set bits from the lowest up.
        let mut set = d.classes & ((1 << CLASS_BITS) - 1);
        while set != 0 {
            let b = set.trailing_zeros();
            out.push(feat(32 + u64::from(b), 1));
            set &= set - 1;
        }
        offsets.push(out.len());
        if d.trail / 16 == 1 && d.classes & (INITIAL | ABBREVIATED) == 0 {
            sentences += 1;
            since = 0;
        } else {
            since += 1;
        }
        if context {
            let t = &ctx.text[tokens[i].start..tokens[i].end];
            let core_end = t.trim_end_matches(['.', ',', ';', ':']);
            if core_end.ends_with(is_quote) && !(t.len() == 1 && quoted == 0) {
                quoted = 0;
            }
            if core_end.ends_with([')', ']']) {
                bracketed = 0;
            }
        }
        if d.word != 0 && CUE_WORDS[(d.word - 1) as usize] == "in" {
            seen_in = 1;
        }
        if d.classes & YEAR != 0 {
            seen_year = 1;
        }
    }
    Sequence {
        tokens,
        features: out,
        offsets,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_words_are_unique_and_found() {
        let mut sorted = CUE_WORDS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), CUE_WORDS.len(), "a cue word is listed twice");
        assert_ne!(cue_word("Proceedings"), 0);
        assert_eq!(cue_word("Zebrafish"), 0);
    }

    #[test]
    fn tokens_cover_the_words() {
        let s = " Smith J. 2013Title  here,\"Phys Rev.D60 1,4-diol ApJ,415";
        let t = tokenize(s);
        let words: Vec<_> = t.iter().map(|t| &s[t.start..t.end]).collect();
        assert_eq!(
            words,
            [
                "Smith", "J.", "2013", "Title", "here,", "\"Phys", "Rev.D", "60", "1,4-diol",
                "ApJ,", "415"
            ]
        );
    }
}
