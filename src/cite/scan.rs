//! Recognising in-text citations in a document's body, with their spans.
//!
//! A hand-written single pass over the bytes: it stops only at `(`, `[` and
//! at a digit glued to punctuation, so it runs at memory speed on prose.
//! Recognised forms:
//!
//! - MLA parenthetical: `(Benjamin 183)`, `(O'Neil; Eubanks)`,
//!   `(Apprich, *Technotopia* 90)`, `(*Technotopia* 144)`, `(ibid. 91)`,
//!   `(West et al. 6)`, `(Tkacz 24, cited after Raymond)`;
//! - narrative: an author named in the sentence ("As Marcus Burkhardt
//!   details, … (211)") or before a year ("Noble (2018)");
//! - APA/Harvard: `(Noble, 2018, p. 4)`, `(Bender et al., 2021; Gebru 2020)`;
//! - numeric: `[12]`, `[15]–[18]`, `[3, 5-7]`;
//! - footnote markers: `outputs,3`, `[^3]`.
//!
//! Ordinary parentheses are left alone: acronyms `(AI)`, a year after a
//! title, asides that start in lower case (`(see, for instance, …)`,
//! `(such as …)`), links and DOIs.

use super::text::LineIndex;
use crate::model::{Document, Span, Style};
use crate::parse::tokens::{self, NameStop};
use serde::Serialize;
use std::ops::Range;

/// How a citation is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Form {
    /// `(Author page)`, `(Author, Year)`, `(ibid.)`, `(*Title* page)`.
    Parenthetical,
    /// The author is named in the running text: "Noble (2018)", "As X
    /// shows, … (24)".
    Narrative,
    /// `[12]`, `[15]–[18]`.
    Numeric,
    /// A footnote marker: `outputs,3` or `[^3]`.
    Footnote,
    /// A note marker whose note cites works (Chicago notes-bibliography):
    /// its items are the works the note names.
    Note,
}

/// One work referred to inside a citation: `(O'Neil; Eubanks)` has two.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct CiteItem {
    /// Author names as written ("Dyer-Witthof", "Costanza Chock", "Google AI").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<String>,
    /// True for "et al.".
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub et_al: bool,
    /// A short title ("Technotopia", "Introduction").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// A year as written ("2018", "2018a", "n.d.").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<String>,
    /// Page or other locator ("183", "11-12", "p. 4").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    /// A trailing remark ("own translation", "cited after Raymond").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The number of a numeric citation or footnote marker.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// A markdown footnote label (`[^note]` → "note").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// "ibid.": the work of the previous citation.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub ibid: bool,
    /// For narrative or title-only items, the author named nearby in the
    /// text ("Marcus Burkhardt").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context_name: Option<String>,
    /// Initials written before the first name ("P. Hinrichs"), their
    /// letters ("P"): they tell apart two authors of one family name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initials: Option<String>,
    /// Initials written before a later name ("Neumark and W. L. Wascher":
    /// `(1, "WL")`), which MLA adds when two works' co-authors differ only
    /// in them.
    #[serde(skip)]
    pub later_initials: Vec<(usize, String)>,
    /// Given names written out before the first name, in lower case
    /// ("Matthew Rodell et al." → "matthew"), which citeproc adds to tell
    /// two authors of one family apart; set while resolving.
    #[serde(skip)]
    pub given: Option<String>,
    /// A reprint's original year ("1913/1964", "[1913] 1964": "1913");
    /// `year` is the edition's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original_year: Option<String>,
    /// The capitalised word right before a narrative citation's name
    /// ("Yi" in "Yi Sŏng-mu (1994)"): the family name, when the list
    /// writes a name family first, as East Asian names are written.
    #[serde(skip)]
    pub word_before: Option<String>,
    /// True when `word_before` follows a word in lower case ("study of
    /// Giovanni Gabrieli (1834)"): its capital is a name's, not a
    /// sentence's.
    #[serde(skip)]
    pub given_in_prose: bool,
    /// The capitalised word right before a parenthesis that holds one item
    /// without a year ("Boorman" in "Boorman (Ottaviano Petrucci 1131–40)"):
    /// MLA's author named in the sentence, whose short title the
    /// parenthesis may hold.
    #[serde(skip)]
    pub author_before: Option<String>,
    /// Byte range of this item in the document text.
    #[serde(skip)]
    pub range: Range<usize>,
}

impl CiteItem {
    /// True when the item names nothing but authors: `(Goldman)`.
    pub(crate) fn names_only(&self) -> bool {
        !self.ibid
            && self.title.is_none()
            && self.year.is_none()
            && self.locator.is_none()
            && self.number.is_none()
    }
}

/// One citation found in a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Citation {
    /// Where it starts (line, column) and on which line it ends.
    pub span: Span,
    /// Byte range in the document text.
    #[serde(skip)]
    pub range: Range<usize>,
    /// The citation as written, `(Benjamin 183)`.
    pub text: String,
    /// How it is written.
    pub form: Form,
    /// The works it refers to.
    pub items: Vec<CiteItem>,
    /// True when nothing but a name marks it as a citation (`(Goldman)`):
    /// such a citation counts only if it resolves, since `(Pure)` looks
    /// the same.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub weak: bool,
}

/// Where the text's first sure citation starts (one not `weak`), or
/// `usize::MAX` when there is none: what precedes it (a cover page, an
/// abstract) names people without citing them.
pub fn first_citation_start(found: &[Citation]) -> usize {
    found
        .iter()
        .filter(|c| !c.weak)
        .map(|c| c.range.start)
        .min()
        .unwrap_or(usize::MAX)
}

/// Which forms to look for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScanOptions {
    /// Author parentheticals: MLA, APA, Harvard, Chicago author-date.
    pub author: bool,
    /// "Noble (2018)": a name before a parenthesised year (author-date
    /// styles only; in MLA such a year follows a title).
    pub narrative_years: bool,
    /// Bracketed numbers.
    pub numeric: bool,
    /// Footnote markers.
    pub footnotes: bool,
}

impl ScanOptions {
    /// Every form.
    pub fn all() -> Self {
        ScanOptions {
            author: true,
            narrative_years: true,
            numeric: true,
            footnotes: true,
        }
    }

    /// The forms a list in `style` is cited with; for `Style::Unknown`,
    /// every form.
    pub fn for_style(style: Style) -> Self {
        match style {
            Style::Ieee | Style::Vancouver => ScanOptions {
                author: false,
                narrative_years: false,
                ..Self::all()
            },
            Style::Mla => ScanOptions {
                narrative_years: false,
                numeric: false,
                ..Self::all()
            },
            Style::Apa | Style::Harvard | Style::Chicago => ScanOptions {
                numeric: false,
                ..Self::all()
            },
            Style::Unknown => Self::all(),
        }
    }
}

/// The byte range of `text` that is body: everything before the works-cited
/// section (its heading included), or the whole text when none was found.
pub fn body_range(text: &str, doc: &Document) -> Range<usize> {
    let Some(section) = &doc.section else {
        return 0..text.len();
    };
    let ix = LineIndex::new(text);
    // The heading normally stands on the line before the section body.
    let heading_line = section.line.saturating_sub(1).max(1);
    let mut end = ix.line_start(heading_line).unwrap_or(text.len());
    let heading = section.heading.trim();
    if !heading.is_empty() {
        if let Some(line_text) = text.get(end..).and_then(|t| t.lines().next()) {
            if !line_text.contains(heading) {
                end = ix.line_start(section.line).unwrap_or(text.len());
            }
        }
    }
    0..end.min(text.len())
}

/// Scans the whole of `text` (a body without its works-cited list).
pub fn scan_text(path: &str, text: &str, opts: &ScanOptions) -> Vec<Citation> {
    scan(path, text, 0..text.len(), opts)
}

/// Scans `body` (a byte range of `text`) for citations, in text order. When
/// both author and numeric forms are asked for, whichever dominates wins:
/// a numeric paper's `(1)` enumerations and an MLA paper's `[2]` asides
/// are not citations.
pub fn scan(path: &str, text: &str, body: Range<usize>, opts: &ScanOptions) -> Vec<Citation> {
    let end = body.end.min(text.len());
    let start = body.start.min(end);
    let ix = LineIndex::new(text);
    let mut scanner = Scanner {
        text,
        start,
        end,
        found: Vec::new(),
    };
    scanner.run(opts);
    let mut found = scanner.found;
    if opts.author && opts.numeric {
        let numeric = found.iter().filter(|c| c.form == Form::Numeric).count();
        let author = found
            .iter()
            .filter(|c| matches!(c.form, Form::Parenthetical | Form::Narrative) && !c.weak)
            .count();
        if numeric >= 3 && numeric > author {
            found.retain(|c| matches!(c.form, Form::Numeric | Form::Footnote));
        } else if author > 0 {
            found.retain(|c| c.form != Form::Numeric);
        }
    }
    if opts.narrative_years {
        // In MLA no parenthetical carries a year, so "Title (2006)" is a
        // publication date, not a citation.
        let with_year = found
            .iter()
            .filter(|c| c.form == Form::Parenthetical)
            .filter(|c| c.items.iter().any(|i| i.year.is_some()))
            .count();
        let without = found
            .iter()
            .filter(|c| c.form == Form::Parenthetical && !c.weak)
            .filter(|c| c.items.iter().all(|i| i.year.is_none() && !i.ibid))
            .count();
        if with_year == 0 && without > 0 {
            found.retain(|c| {
                !(c.form == Form::Narrative && c.items.iter().any(|i| i.year.is_some()))
            });
        }
    }
    set_spans(path, text, &ix, &mut found);
    found
}

/// Fills in each citation's line and column from its byte range.
pub(crate) fn set_spans(path: &str, text: &str, ix: &LineIndex, found: &mut [Citation]) {
    let path: std::sync::Arc<str> = path.into();
    for c in found {
        c.span = Span {
            path: path.clone(),
            line: ix.line(c.range.start),
            end_line: ix.line(c.range.end.saturating_sub(1).max(c.range.start)),
            column: ix.column(text, c.range.start),
        };
    }
}

struct Scanner<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    found: Vec<Citation>,
}

impl<'a> Scanner<'a> {
    fn run(&mut self, opts: &ScanOptions) {
        let bytes = self.text.as_bytes();
        let mut i = self.start;
        while i < self.end {
            let b = bytes[i];
            let next = match b {
                b'(' if opts.author => self.parenthetical(i, b')', opts),
                // "[H.-J. Martin, 1:440–471]", "(… [Beck et al., 1996])":
                // a citation inside parentheses is bracketed.
                b'[' if opts.author && opens_with_a_name(&self.text[i + 1..self.end]) => {
                    self.parenthetical(i, b']', opts)
                }
                b'[' if opts.numeric || opts.footnotes => self.bracket(i, opts),
                b'0'..=b'9' if opts.footnotes => self.footnote_marker(i),
                0xC2 | 0xE2 if opts.footnotes => self.superscript_marker(i),
                _ => None,
            };
            i = match next {
                Some(after) if after > i => after,
                _ => i + 1,
            };
        }
    }

    fn push(&mut self, range: Range<usize>, form: Form, items: Vec<CiteItem>, weak: bool) {
        // "(GRACE-FO, since 2018)": a date that a preposition of time
        // opens is a thing's, never a work's.
        let inner = &self.text[range.clone()];
        if [", since ", "(since ", ", until ", "(until "]
            .iter()
            .any(|p| inner.contains(p))
        {
            return;
        }
        let weak = weak || names_a_thing(self.text, &range, form, &items);
        self.found.push(Citation {
            span: Span::default(),
            text: self.text[range.clone()].to_owned(),
            range,
            form,
            items,
            weak,
        });
    }

    /// Where the previous citation ended, so context is not looked for
    /// across it.
    fn last_end(&self) -> usize {
        self.found.last().map_or(self.start, |c| c.range.end)
    }

    /// The named item of `year` cited last, close above `open`: what a
    /// year and locator alone ("(2019, pp. 45–60)") go on citing.
    fn earlier_of_year(&self, year: &str, open: usize) -> Option<&CiteItem> {
        self.found
            .iter()
            .rev()
            .take_while(|c| c.range.end + CONTEXT_BACK >= open)
            .flat_map(|c| c.items.iter())
            .find(|i| i.year.as_deref() == Some(year) && !i.names.is_empty())
    }

    /// The one work of the citation just before `open` (close above, a
    /// single item with names), cited again by pages alone: a range or a
    /// list of pages, never a lone number ("(1) the first …").
    fn again(&self, locator: &str, note: Option<String>, range: Range<usize>) -> Option<CiteItem> {
        if !locator.contains(['–', '-', ',']) {
            return None;
        }
        let prev = self
            .found
            .last()
            .filter(|c| c.range.end + CONTEXT_BACK >= range.start && c.items.len() == 1)?;
        let p = &prev.items[0];
        (!p.names.is_empty() && !p.ibid).then(|| CiteItem {
            names: p.names.clone(),
            et_al: p.et_al,
            title: p.title.clone(),
            year: p.year.clone(),
            locator: Some(locator.to_owned()),
            note,
            range,
            ..CiteItem::default()
        })
    }

    /// A parenthetical citation group opened at `open` and closed by
    /// `closer`: `)`, or `]` for a group bracketed inside parentheses
    /// (which is only ever a group, never a narrative year or page).
    fn parenthetical(&mut self, open: usize, closer: u8, opts: &ScanOptions) -> Option<usize> {
        let text = self.text;
        let bytes = text.as_bytes();
        let bracketed = closer == b']';
        // A markdown link target "[text](url)" is not a citation, nor a
        // subscript or superscript as plain text writes them ("τ_(c)",
        // "P_(d)", "x^(2)").
        if open > 0 && matches!(bytes[open - 1], b']' | b'_' | b'^') {
            return None;
        }
        let mut limit = (open + 400).min(self.end);
        // The window is sliced as text (a gloss is read in it): it ends
        // on a character's boundary.
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let mut close = None;
        let mut acronyms: Vec<std::ops::Range<usize>> = Vec::new();
        let mut commas: Vec<usize> = Vec::new();
        let mut j = open + 1;
        while j < limit {
            match bytes[j] {
                b if b == closer => {
                    close = Some(j);
                    break;
                }
                b'[' | b']' | b')' if bracketed => return None,
                // "(Libu [Board of Rites], 1887, juan 1)": a name's or
                // title's translation in brackets is read past, as the
                // list writes it too ("[1963] 1976" is a year and stays).
                b'[' => {
                    if let Some(len) = gloss_len(&text[j..limit]) {
                        // A comma after it moves up to the name's end
                        // ("taejŏn [Great code …]," reads "taejŏn,").
                        let comma = usize::from(bytes.get(j + len) == Some(&b','));
                        let mut from = j;
                        while comma == 1 && from > open + 1 && bytes[from - 1].is_ascii_whitespace()
                        {
                            from -= 1;
                        }
                        acronyms.push(from - open - 1..j + len + comma - open - 1);
                        if comma == 1 {
                            commas.push(from - open - 1);
                        }
                        j += len;
                        continue;
                    }
                }
                // "(International Organization for Migration (IOM), 2021)":
                // an organisation's acronym in brackets of its own belongs
                // to its name, and is read past.
                // So is a name's short form in a title ("… Modelling
                // (PyBaMM)").
                b'(' => {
                    let word = &bytes[j + 1..limit];
                    // ("… Disease 2019 (COVID-19)": a hyphen and digits too.)
                    let letters = word
                        .iter()
                        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
                        .count();
                    let capitals = word[..letters]
                        .iter()
                        .filter(|b| b.is_ascii_uppercase())
                        .count();
                    if (2..=12).contains(&letters)
                        && capitals >= 2
                        && word[0].is_ascii_uppercase()
                        && bytes.get(j + 1 + letters) == Some(&b')')
                    {
                        acronyms.push(j - open - 1..j + 2 + letters - open - 1);
                        j += letters + 2;
                        continue;
                    }
                    // A title's own brackets ("Dizionario degli editori
                    // musicali italiani (tipografi, incisori,
                    // librai-editori)", "Bulletin No. 4 (2018–2019)"): read
                    // past, as the list's title has them; the words before
                    // them begin the title.
                    // Not across a table's columns, whose gaps are runs
                    // of blanks ("(Pardo Tomás,\n   Inquisition   (1551–1790)").
                    let line_head = &text[text[..j].rfind('\n').map_or(0, |k| k + 1)..j];
                    let indented = !line_head.is_empty() && line_head.trim().is_empty();
                    // After a name and a comma only: "(Smith (see above),
                    // 2020)" is an aside.
                    // "(British Museum (Natural History) 1904–1912, 1:79)":
                    // or a qualifier of an organisation's name in capitalised
                    // words, with the year straight after it.
                    if j > open + 1
                        && bytes[j - 1].is_ascii_whitespace()
                        && (text[open..j].contains(',') || qualifies_a_name(&text[j..limit]))
                        && !text[open..j].contains("   ")
                        && !indented
                    {
                        let len = bytes[j + 1..limit]
                            .iter()
                            .take(NESTED_MAX)
                            .position(|&b| matches!(b, b')' | b'(' | b'[' | b']'))
                            .filter(|&n| n > 0 && bytes[j + 1 + n] == b')');
                        let len = len.filter(|&n| title_bracket(&text[j + 1..j + 1 + n]));
                        if let Some(n) = len {
                            acronyms.push(j - open - 1..j + 2 + n - open - 1);
                            j += n + 2;
                            continue;
                        }
                    }
                    return None;
                }
                b'\n' if bytes.get(j + 1) == Some(&b'\n') => return None,
                _ => {}
            }
            j += 1;
        }
        let close = close?;
        let inner_start = open + 1;
        // A line break inside a citation ("et\nal.") reads as a space; the
        // replacement keeps every byte offset.
        // A no-break space is two bytes; "\u{a0}" → "  " keeps offsets.
        let mut flat = text[inner_start..close]
            .replace(['\n', '\r', '\t'], " ")
            .replace('\u{a0}', "  ");
        for r in acronyms {
            flat.replace_range(r.clone(), &" ".repeat(r.len()));
        }
        for at in commas {
            flat.replace_range(at..at + 1, ",");
        }
        let inner = flat.as_str();
        let trimmed = inner.trim();
        if trimmed.is_empty() || trimmed.contains("://") || trimmed.starts_with("doi") {
            return None;
        }
        let after = close + 1;
        // "[a link](https://…)" is a link's text.
        if bracketed && bytes.get(after) == Some(&b'(') {
            return None;
        }

        // "Garcilaso de la Vega (1539–1616)": a person's dates.
        if dates_a_life(trimmed) {
            return None;
        }
        // "Hobday et al. (2016; Intergovernmental Panel on Climate Change,
        // 2018, s.v. “marine heatwave”)": a narrative citation's year,
        // then more works cited in its parenthesis.
        if let Some((head, tail)) = trimmed.split_once(';').filter(|_| !bracketed) {
            let year = parse_year_only(head.trim());
            // "… (1791, p. 189; see also Nancollas, 2018, pp. 41–66)": with
            // no name before, a year and its locator go on citing the work
            // of that year cited last, close above.
            let named = names_before(text, open, self.last_end())
                .filter(|(_, _, et_al)| opts.narrative_years || *et_al)
                .or_else(|| {
                    let (y, _) = year.as_ref().filter(|(_, locator)| locator.is_some())?;
                    let earlier = self.earlier_of_year(y, open)?;
                    Some((open, earlier.names.clone(), earlier.et_al))
                });
            if let (Some((year, locator)), Some((name_start, names, et_al))) = (year, named) {
                let mut items = vec![CiteItem {
                    initials: initials_before(text, name_start),
                    names,
                    et_al,
                    year: Some(year),
                    original_year: original_year(head),
                    locator,
                    range: name_start..close,
                    ..CiteItem::default()
                }];
                let more: Option<Vec<CiteItem>> = tail
                    .split(';')
                    .map(|part| {
                        parse_item(part.trim()).map(|mut i| {
                            i.range = open..after;
                            i
                        })
                    })
                    .collect();
                if let Some(more) = more {
                    items.extend(more);
                    self.push(name_start..after, Form::Narrative, items, false);
                    return Some(after);
                }
            }
        }
        // A bare year: "Noble (2018)" when a name precedes.
        if let Some((year, locator)) = parse_year_only(trimmed).filter(|_| !bracketed) {
            let before = names_before(text, open, self.last_end());
            // MLA writes a year after a title, not a name; "Hoegh-Guldberg
            // et al. (2007, 1739–1741)" cites whatever the list's style.
            if !opts.narrative_years && !before.as_ref().is_some_and(|(_, _, et_al)| *et_al) {
                return None;
            }
            let Some((name_start, names, et_al)) = before else {
                // "(Edney, 2019, 1). … (2019, pp. 45–60, 107)": a year with
                // a locator and no name before it goes on citing the work
                // of that year cited last, close above.
                let earlier = locator
                    .as_ref()
                    .and_then(|_| self.earlier_of_year(&year, open))?;
                let item = CiteItem {
                    names: earlier.names.clone(),
                    et_al: earlier.et_al,
                    year: Some(year),
                    locator,
                    range: open..after,
                    ..CiteItem::default()
                };
                self.push(open..after, Form::Narrative, vec![item], true);
                return Some(after);
            };
            let given = word_before(text, name_start).filter(|_| names.len() == 1 && !et_al);
            let given_in_prose = given.as_ref().is_some_and(|g| {
                text[..name_start]
                    .trim_end()
                    .strip_suffix(g.as_str())
                    .and_then(|h| h.trim_end_matches(' ').rsplit([' ', '\n']).next())
                    .is_some_and(|w| w.len() > 1 && w.chars().all(char::is_lowercase))
            });
            // "(R. Stevenson, 1818, fols. 14r–37v). … the best in Scotland
            // (1818, fol. 36v)": a year and locator after a word that names
            // no author may go on citing the work of that year just above;
            // the resolver falls back on it.
            let earlier = locator
                .as_ref()
                .and_then(|_| self.earlier_of_year(&year, open))
                .filter(|e| e.names != names)
                .and_then(|e| e.names.first().cloned());
            let item = CiteItem {
                word_before: given,
                given_in_prose,
                names,
                et_al,
                initials: initials_before(text, name_start),
                year: Some(year),
                original_year: original_year(trimmed),
                locator,
                context_name: earlier,
                range: name_start..after,
                ..CiteItem::default()
            };
            // "OECD (2024)" counts only if OECD is an author. So does a
            // span of years after a name ("the Great Barrier Reef
            // Expedition (1928–1929)"): an event's dates as often as a
            // work published over years.
            let span = trimmed.get(4..).is_some_and(|r| r.starts_with(['-', '–']));
            // So does a name after an article or another capitalised word
            // ("Congregation of the Index (1571)", "Holy Office (1542)"):
            // an institution's date as often as a work ("Michael Cook
            // (1972)" still counts when the list has Cook 1972).
            let article = text[..name_start]
                .trim_end()
                .rsplit([' ', '\n'])
                .next()
                .is_some_and(|w| matches!(w, "the" | "The" | "a" | "an"));
            let weak = span
                || item.names.iter().all(|n| is_acronym(n))
                || article
                || item
                    .word_before
                    .as_deref()
                    .is_some_and(|w| w.chars().count() > 2);
            self.push(name_start..after, Form::Narrative, vec![item], weak);
            return Some(after);
        }

        // A bare locator: "(211)" when the author was named nearby.
        if let Some((locator, note)) = parse_locator_only(trimmed).filter(|_| !bracketed) {
            // "Diekelmann and Born (118)", "Wagner et al. (353)": MLA's
            // narrative citation with a page. Two names or "et al." make
            // it one, whether or not the list has the names as written
            // (a misspelt name is then reported); it counts only if it
            // resolves, as "Europe and Asia (3)" would not.
            if let Some((name_start, names, et_al)) = names_before(text, open, self.last_end())
                .filter(|(_, names, et_al)| names.len() >= 2 || *et_al)
            {
                let item = CiteItem {
                    names,
                    et_al,
                    locator: Some(locator),
                    note,
                    range: name_start..after,
                    ..CiteItem::default()
                };
                self.push(name_start..after, Form::Narrative, vec![item], true);
                return Some(after);
            }
            let Some((name, reported)) =
                context_name(text, self.last_end().max(open.saturating_sub(1500)), open)
            else {
                // "(Smeaton iii–viii). It describes … (87–94, 189)": with no
                // name since, pages alone go on citing the one work cited
                // just before.
                let item = self.again(&locator, note, open..after)?;
                self.push(open..after, Form::Narrative, vec![item], true);
                return Some(after);
            };
            let item = CiteItem {
                locator: Some(locator),
                note,
                context_name: Some(name),
                range: open..after,
                ..CiteItem::default()
            };
            // A name before any verb in the past tense is only probably
            // the page's author: it counts if it resolves.
            self.push(open..after, Form::Narrative, vec![item], !reported);
            return Some(after);
        }

        let mut items: Vec<CiteItem> = Vec::new();
        let mut bare_weak = false;
        let mut offset = inner_start;
        for part in group_parts(inner) {
            let lead = part.len() - part.trim_start().len();
            let s = offset + lead;
            let range = s..s + part.trim().len();
            offset += part.len() + 1;
            // "(Chomsky 1957; 1965, 1)": a year alone takes the names before.
            if let (Some((year, locator)), Some(prev)) =
                (parse_year_only(part.trim()), items.last())
            {
                if !prev.names.is_empty() {
                    items.push(CiteItem {
                        names: prev.names.clone(),
                        et_al: prev.et_al,
                        year: Some(year),
                        locator,
                        range,
                        ..CiteItem::default()
                    });
                    continue;
                }
            }
            // "(Martin 1:440–71; 2:662–98)": a locator alone is more of the
            // work before it (one cited item, its locator extended).
            if let (Some((locator, None)), Some(prev)) =
                (parse_locator_only(part.trim()), items.last_mut())
            {
                if let Some(earlier) = prev.locator.as_mut().filter(|_| !prev.names.is_empty()) {
                    earlier.push_str("; ");
                    earlier.push_str(&locator);
                    prev.range.end = range.end;
                    continue;
                }
            }
            let (head, years) = split_years(part.trim());
            let mut item = match parse_item(head) {
                Some(item) => item,
                None => {
                    let item = parse_bare_title(head).or_else(|| parse_dated_title(head))?;
                    bare_weak |= bare_title_is_weak(&item);
                    item
                }
            };
            item.range = range.clone();
            // "(Palmer 2017a, 2017b)": one item per year.
            let extra: Vec<CiteItem> = years
                .into_iter()
                .map(|y| CiteItem {
                    year: Some(y),
                    locator: None,
                    ..item.clone()
                })
                .collect();
            items.push(item);
            items.extend(extra);
        }
        // "(OECD)" and "(AI)" look alike: both stay weak, and the resolver
        // accepts an acronym only as an author's whole name.
        // Only a year, a locator or "et al." makes a parenthetical look
        // like a citation on its own.
        let weak = bare_weak
            || items
                .iter()
                .any(|i| i.names.first().is_some_and(|n| is_lower_case_name(n)))
            || items
                .iter()
                .all(|i| !i.et_al && i.locator.is_none() && i.year.is_none() && !i.ibid);
        for item in &mut items {
            if item.names.is_empty() && !item.ibid {
                item.context_name =
                    context_name(text, self.last_end().max(open.saturating_sub(1500)), open)
                        .map(|(name, _)| name);
            }
        }
        if let [item] = items.as_mut_slice() {
            if item.year.is_none() && !item.names.is_empty() {
                item.author_before = word_before(text, open);
            }
        }
        // "[First Historical Archives of China]": a bracket without a
        // year, a page or "et al." is a translation or an editor's gloss.
        if bracketed && weak {
            return None;
        }
        self.push(open..after, Form::Parenthetical, items, weak);
        Some(after)
    }

    fn bracket(&mut self, open: usize, opts: &ScanOptions) -> Option<usize> {
        let text = self.text;
        let bytes = text.as_bytes();
        let rest = &text[open + 1..self.end];
        if let Some(label) = rest.strip_prefix('^') {
            if !opts.footnotes {
                return None;
            }
            let len = label
                .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
                .filter(|&n| n > 0 && label[n..].starts_with(']'))?;
            // "[^3]:" at the start of a line is the note itself.
            if label[len + 1..].starts_with(':') {
                return None;
            }
            let after = open + 2 + len + 1;
            let label = &label[..len];
            let item = CiteItem {
                number: label.parse().ok(),
                label: Some(label.to_owned()),
                range: open..after,
                ..CiteItem::default()
            };
            self.push(open..after, Form::Footnote, vec![item], false);
            return Some(after);
        }
        if !opts.numeric {
            return None;
        }
        let (mut numbers, mut after) = bracket_numbers(text, open, self.end)?;
        // "[15]–[18]": a range across two brackets.
        let mut k = after;
        while k < self.end && bytes[k] == b' ' {
            k += 1;
        }
        let dash = ["–", "—", "-"]
            .iter()
            .find(|d| text[k..self.end].starts_with(**d));
        if let Some(d) = dash {
            let mut m = k + d.len();
            while m < self.end && bytes[m] == b' ' {
                m += 1;
            }
            if m < self.end && bytes[m] == b'[' {
                if let Some((second, end2)) = bracket_numbers(text, m, self.end) {
                    if let (Some(&from), Some(&to)) = (numbers.last(), second.first()) {
                        if to > from && to - from <= 500 {
                            numbers.extend(from + 1..to);
                        }
                    }
                    numbers.extend(second);
                    numbers.dedup();
                    after = end2;
                }
            }
        }
        let items = numbers
            .into_iter()
            .map(|n| CiteItem {
                number: Some(n),
                range: open..after,
                ..CiteItem::default()
            })
            .collect();
        self.push(open..after, Form::Numeric, items, false);
        Some(after)
    }

    /// Superscript digits after a word or punctuation: "outputs³ and".
    fn superscript_marker(&mut self, at: usize) -> Option<usize> {
        let text = self.text;
        let (number, len) = superscript_number(text.get(at..self.end)?)?;
        let before = text[..at].chars().next_back()?;
        if !(before.is_alphabetic()
            || matches!(before, '.' | ',' | ';' | ':' | ')' | '”' | '"' | '’' | ']'))
        {
            return None;
        }
        // "10 µg/m³", "50 km²": a unit's exponent, not a note. A unit is a
        // word of one or two letters after a number or a slash.
        let head = &text[..at];
        let word = head
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map_or(at, |(k, _)| k);
        // The letters the superscript is glued to, and how many.
        let letters = &head[word..];
        let count = letters.chars().count();
        let unit_before = head[..word].ends_with(['/', 'µ'])
            || head[..word].ends_with(|c: char| c.is_ascii_digit())
            || head[..word]
                .strip_suffix(' ')
                .is_some_and(|h| h.ends_with(|c: char| c.is_ascii_digit()));
        if count <= 2 && unit_before {
            return None;
        }
        // "mean-square pressure p² is": a lower-case letter alone is a
        // variable, whose exponent this is, in prose as in a formula.
        if count == 1
            && letters.starts_with(char::is_lowercase)
            && !head[..word].ends_with(|c: char| c.is_alphanumeric())
        {
            return None;
        }
        // "∫(F(x)−1{x≥y})² dx", "G_(tag)² λ⁴ |ΔΓ|²": a bracket's or a
        // variable's exponent in a formula.
        if matches!(before, ')' | ']') || count == 1 {
            let line = &head[head.rfind('\n').map_or(0, |k| k + 1)..];
            let mut from = line.len().saturating_sub(60);
            while !line.is_char_boundary(from) {
                from += 1;
            }
            let near = &line[from..];
            if near.contains(['=', '∫', '∑', '√', '{', '−', '≤', '≥']) {
                return None;
            }
        }
        let end = at + len;
        // "x² + y²" is algebra, not two notes.
        let next = text[end..self.end].trim_start().chars().next();
        if next.is_some_and(|c| "+-−=×·/<>≤≥^".contains(c) || c.is_ascii_digit()) {
            return None;
        }
        let item = CiteItem {
            number: Some(number),
            range: at..end,
            ..CiteItem::default()
        };
        self.push(at..end, Form::Footnote, vec![item], false);
        Some(end)
    }

    /// A digit run glued to punctuation after a word: "outputs,3 and",
    /// "[11].2 It".
    fn footnote_marker(&mut self, at: usize) -> Option<usize> {
        let text = self.text;
        let bytes = text.as_bytes();
        if at < 2 {
            return None;
        }
        let punct_start = prev_char_start(text, at);
        let punct = text[punct_start..at].chars().next()?;
        if !matches!(punct, ',' | '.' | ';' | ':' | ')' | '”' | '"' | '’' | ']') {
            return None;
        }
        let before = text[..punct_start].chars().next_back()?;
        if !(before.is_alphabetic() || matches!(before, ']' | ')' | '”' | '"' | '’')) {
            return None;
        }
        // "Sep.2" and "U.S.3" are rare; "e.g.2" never a marker worth missing.
        let mut end = at;
        while end < self.end && bytes[end].is_ascii_digit() {
            end += 1;
        }
        if end - at > 3 {
            return None;
        }
        match bytes.get(end) {
            None | Some(b' ' | b'\n' | b'\r' | b'\t') => {}
            _ => return None,
        }
        let number: u32 = text[at..end].parse().ok()?;
        if number == 0 {
            return None;
        }
        let item = CiteItem {
            number: Some(number),
            range: at..end,
            ..CiteItem::default()
        };
        self.push(at..end, Form::Footnote, vec![item], false);
        Some(end)
    }
}

/// The value of a superscript digit ("³" → 3).
pub(crate) fn superscript_digit(c: char) -> Option<u32> {
    match c {
        '⁰' => Some(0),
        '¹' => Some(1),
        '²' => Some(2),
        '³' => Some(3),
        '⁴'..='⁹' => Some(c as u32 - '⁴' as u32 + 4),
        _ => None,
    }
}

/// A run of superscript digits and its byte length: "¹²" → (12, 4).
pub(crate) fn superscript_number(s: &str) -> Option<(u32, usize)> {
    let mut value: u32 = 0;
    let mut len = 0;
    for c in s.chars().take(3) {
        match superscript_digit(c) {
            Some(d) => {
                value = value * 10 + d;
                len += c.len_utf8();
            }
            None => break,
        }
    }
    (len > 0 && value > 0).then_some((value, len))
}

fn prev_char_start(text: &str, at: usize) -> usize {
    let mut i = at.saturating_sub(1);
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// "[3, 5-7]" → ([3, 5, 6, 7], byte after "]").
fn bracket_numbers(text: &str, open: usize, end: usize) -> Option<(Vec<u32>, usize)> {
    let bytes = text.as_bytes();
    let mut i = open + 1;
    let mut numbers = Vec::new();
    let mut pending_range = false;
    loop {
        while i < end && bytes[i] == b' ' {
            i += 1;
        }
        let s = i;
        while i < end && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i == s || i - s > 4 {
            return None;
        }
        let n: u32 = text[s..i].parse().ok()?;
        // A year in brackets ("[2019]") is an original-publication date.
        if n == 0 || n >= 1500 {
            return None;
        }
        if pending_range {
            let from = *numbers.last()?;
            if n <= from || n - from > 500 {
                return None;
            }
            numbers.extend(from + 1..=n);
        } else {
            numbers.push(n);
        }
        while i < end && bytes[i] == b' ' {
            i += 1;
        }
        let rest = &text[i..end];
        if rest.starts_with(']') {
            // "[12](https://…)" is a link, not a citation.
            if text[i + 1..end].starts_with('(') {
                return None;
            }
            // "[[7,1,3]]": a code's parameters in double brackets, not
            // citations ("[[45], 1:440–471]" is one with its pages).
            if open > 0 && bytes[open - 1] == b'[' && bytes.get(i + 1) == Some(&b']') {
                return None;
            }
            // "[40, 20, 10] neurons": a list of values. A numeric style
            // sorts the numbers of one bracket upwards.
            if numbers.len() >= 3 && numbers.windows(2).all(|w| w[0] > w[1]) {
                return None;
            }
            return Some((numbers, i + 1));
        } else if rest.starts_with(',') {
            pending_range = false;
            i += 1;
            // "[2, p. 358]", "[10, Ch. 8]": a locator ends the bracket.
            let after = text[i..end].trim_start();
            if !after.starts_with(|c: char| c.is_ascii_digit()) {
                // "[19, Fols. 215–218 [217–220], 516–520]": a bracket
                // inside the locator.
                let mut depth = 0usize;
                let close = after.char_indices().find_map(|(k, ch)| match ch {
                    '[' => {
                        depth += 1;
                        None
                    }
                    ']' if depth == 0 => Some(k),
                    ']' => {
                        depth -= 1;
                        None
                    }
                    _ => None,
                })?;
                let loc = after[..close].replace(['\n', '\u{a0}'], " ");
                if close > 40 || !super::known::is_locator(&loc) {
                    return None;
                }
                let at = end - after.len() + close;
                return Some((numbers, at + 1));
            }
        } else if let Some(d) = ["–", "—", "-"].iter().find(|d| rest.starts_with(**d)) {
            pending_range = true;
            i += d.len();
        } else {
            return None;
        }
    }
}

/// Whether a bracket inside a citation's parenthesis belongs to a title:
/// words ("tipografi, incisori, librai-editori") or a span of years
/// ("1551–1598"), not a narrative citation's year ("(after The GlaMBIE
/// Team (2025, table 1) and …)", "Index (1571)").
fn title_bracket(inner: &str) -> bool {
    let t = inner.trim();
    let years: Vec<&str> = t.split(['–', '-']).collect();
    let span = matches!(years.as_slice(), [a, b] if a.len() == 4 && b.len() == 4
        && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit()));
    // A title's double date, Hijri and Common Era or Old and New Style
    // ("Defteri (937/1530)"), is the title's too.
    let double = t.split_once('/').is_some_and(|(a, b)| {
        [a, b]
            .iter()
            .all(|n| (2..=4).contains(&n.len()) && n.bytes().all(|c| c.is_ascii_digit()))
    });
    // "(after Skirving et al. (table 1) and NOAA Coral Reef Watch (sec.
    // 4))": MLA's narrative citations with a locator.
    span || double || !(t.starts_with(',') || super::known::is_locator(t) || names_a_year(t))
}

/// "(Natural History) 1904": a bracket of capitalised words (a connector
/// such as "of" among them) that a year follows, as an author-date
/// citation writes an organisation whose name carries a qualifier.
fn qualifies_a_name(at: &str) -> bool {
    let Some(close) = at.find(')') else {
        return false;
    };
    let inner = &at[1..close];
    let words: Vec<&str> = inner.split_whitespace().collect();
    let capitalised = !words.is_empty()
        && words.len() <= 5
        && words[0].starts_with(char::is_uppercase)
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase) || matches!(*w, "of" | "and" | "for" | "the" | "de")
        });
    let rest = at[close + 1..].trim_start_matches([' ', '\n', ',']);
    let year = rest.len() >= 4 && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit);
    capitalised && year && at[close + 1..].starts_with([' ', ',', '\n'])
}

/// Whether a citation's reading may as well name a thing as a work, so
/// that it counts only when it resolves (it is then weak): a name that
/// ends an event's or treaty's ("The Treaty of Tianjin (1858)", "the
/// Peace of Westphalia (1648)"); acronyms alone over a span of years
/// ("(GRACE, 2002–2017)", a mission's life).
fn names_a_thing(text: &str, range: &Range<usize>, form: Form, items: &[CiteItem]) -> bool {
    let before = text[..range.start].trim_end_matches(' ');
    let of_a_name = form == Form::Narrative
        && before.strip_suffix(" of").is_some_and(|b| {
            b.rsplit([' ', '\n'])
                .next()
                .is_some_and(|w| w.starts_with(char::is_uppercase))
        });
    let inner = &text[range.clone()];
    let acronyms = !items.is_empty()
        && items.iter().all(|i| {
            !i.names.is_empty()
                && i.names.iter().all(|n| {
                    n.chars().filter(char::is_ascii_uppercase).count() >= 2
                        && !n.chars().any(char::is_lowercase)
                })
        });
    let span = items.iter().any(|i| {
        i.year
            .as_deref()
            .is_some_and(|y| cited_span(inner, y).is_some())
    });
    of_a_name || (acronyms && span)
}

/// The span of years written where `text` cites `year` ("(1957–1958)"
/// for "1957"), when the year opens one.
pub(crate) fn cited_span(text: &str, year: &str) -> Option<(i32, i32)> {
    let from: i32 = year.parse().ok()?;
    let at = text.find(year)? + year.len();
    let after = tokens::year_span_end(&text[at..], from)?;
    let end = text[at..text.len() - after.len()].trim_start_matches(['–', '-']);
    Some((from, end.parse().ok()?))
}

/// The longest bracket inside a citation's parenthesis that is read past
/// as part of a title (bytes).
const NESTED_MAX: usize = 80;

/// How far back (bytes) an earlier citation still names the work that a
/// year and a locator alone cite ("(2019, pp. 45–60, 107)").
const CONTEXT_BACK: usize = 600;

/// Capitalised words that start parentheses but are not authors.
const NOT_AUTHORS: &[&str] = &[
    "Figure",
    "Fig",
    "Figs",
    "Table",
    "Tables",
    "Section",
    "Sections",
    "Chapter",
    "Appendix",
    "Eq",
    "Equation",
    "Step",
    "Phase",
    "Part",
    "Vol",
    "No",
    "Article",
    "Art",
    "Page",
    "Box",
    "Note",
    "Notes",
    "Exhibit",
    "Level",
    "Version",
    "Type",
    "Stage",
    "Study",
    "Experiment",
    "Line",
    "Row",
    "Column",
    "Sample",
    "Item",
    "Wave",
    "Week",
    "Day",
    "Year",
    "Model",
    "Task",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "See",
    "Cf",
    "Ibid",
    "In",
    "On",
    "At",
    "For",
    "From",
    "With",
    "And",
    "But",
    "Or",
    "If",
    "As",
    "By",
    "To",
    "This",
    "That",
    "These",
    "Those",
    "E",
    "Eg",
    "Ie",
    "Etc",
    "Vs",
    "Total",
    "Mean",
    "Source",
    "Sources",
    "Ref",
    "Refs",
    "Supplementary",
    "Online",
    "Accessed",
    "Available",
    "Retrieved",
    "Emphasis",
    "Translation",
    "Italics",
    "Original",
];

/// True when `word`, a month's name or its abbreviation (the parser's
/// `tokens::MONTHS`), is a family name by what follows it:
/// another author ("March and Saurí", "March & Saurí") or
/// "et al.", where a date would go on with a day or a year ("March 2012").
fn month_as_name(word: &str, after: &str) -> bool {
    let lower = word.to_lowercase();
    crate::parse::tokens::MONTHS
        .iter()
        .any(|(m, _)| *m == lower)
        && ["and ", "& ", "et al"]
            .iter()
            .any(|p| after.trim_start().starts_with(p))
}

/// The initials right before `start` ("P. Hinrichs", "C. C. Hinrichs",
/// "C.C. Hinrichs"), as letters ("P", "CC"); `None` when a word or nothing
/// of the kind stands there.
pub(crate) fn initials_before(text: &str, start: usize) -> Option<String> {
    let head = text.get(..start)?.trim_end_matches([' ', '\n']);
    let b = head.as_bytes();
    let mut end = b.len();
    let mut letters = Vec::new();
    while end >= 2 && b[end - 1] == b'.' && b[end - 2].is_ascii_uppercase() {
        // The letter must stand alone: "Dr." or "al." is a word.
        if end >= 3 && b[end - 3].is_ascii_alphabetic() {
            break;
        }
        letters.push(b[end - 2] as char);
        end -= 2;
        // "H.-P. Schmidt": initials of a hyphenated given name.
        if end >= 1 && b[end - 1] == b'-' {
            end -= 1;
        }
        while end > 0 && b[end - 1] == b' ' {
            end -= 1;
        }
        if letters.len() == 3 {
            break;
        }
    }
    if letters.is_empty() {
        return None;
    }
    letters.reverse();
    Some(letters.into_iter().collect())
}

/// The capitalised word of letters right before `start`, one space or
/// line break away ("Yi" before "Sŏng-mu"); `None` for anything else.
fn word_before(text: &str, start: usize) -> Option<String> {
    let head = text.get(..start)?;
    let head = head.strip_suffix([' ', '\n'])?;
    let word = head
        .rsplit(|c: char| !(c.is_alphabetic() || c == '-' || c == '’'))
        .next()?;
    let n = word.chars().count();
    ((2..=15).contains(&n) && word.starts_with(char::is_uppercase)).then(|| word.to_owned())
}

/// The initials that open a name as [`parse_name`] reads it ("W. L.
/// Wascher" → "WL"); `None` when it opens with a word.
fn leading_initials(name: &str) -> Option<String> {
    let b = name.as_bytes();
    let mut i = 0;
    let mut letters = String::new();
    while let Some(n) = initial_len(&b[i..]) {
        letters.push(b[i] as char);
        if n == 6 {
            letters.push(b[i + 3] as char);
        }
        i += n;
    }
    (!letters.is_empty()).then_some(letters)
}

/// The length of one initial and the space after it at the start of `b`:
/// "W. " (3), or a hyphenated pair "H.-J. " (6), as French and German
/// given names shorten; `None` when a word opens `b`. A name must follow.
fn initial_len(b: &[u8]) -> Option<usize> {
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    if b.len() > 3 && at(0).is_ascii_uppercase() && at(1) == b'.' && at(2) == b' ' {
        return Some(3);
    }
    (b.len() > 6
        && at(0).is_ascii_uppercase()
        && b[1..3] == *b".-"
        && at(3).is_ascii_uppercase()
        && b[4..6] == *b". ")
        .then_some(6)
}

/// Lower-case words inside organisations' names, in the languages the
/// parser reads ("Institute of Standards", "Congregazione per la Dottrina
/// della Fede", "Sacra Congregatio pro Doctrina Fidei").
const CONNECTORS: &[&str] = &[
    "of", "for", "the", "on", "in", "und", "für", "des", "zur", "zum", "per", "pro", "para", "por",
    "voor", "la", "le", "les", "los", "las", "del", "della", "delle", "degli", "dei", "de", "du",
    "da", "do", "dos", "das", "der", "e", "et",
];

const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "da", "del", "della", "di", "du", "la", "le", "dos", "das",
    "ter", "ten", "zu", "al", "el", "bin", "ibn",
];

pub(crate) fn is_acronym(name: &str) -> bool {
    name.split_whitespace().all(|w| {
        let mut cs = w.chars();
        matches!((cs.next(), cs.next()), (Some(a), Some(b)) if a.is_uppercase() && b.is_uppercase())
    })
}

/// A cursor over one item's text.
struct Cur<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Cur<'a> {
    fn rest(&self) -> &'a str {
        &self.s[self.pos..]
    }
    fn ws(&mut self) {
        let r = self.rest();
        self.pos += r.len() - r.trim_start().len();
    }
    fn eat(&mut self, p: &str) -> bool {
        if self.rest().starts_with(p) {
            self.pos += p.len();
            true
        } else {
            false
        }
    }
    /// "et al." or "et al", with any run of spaces between the two words:
    /// a line break inside the citation ("Wahr et\n    al.") flattens to
    /// a space and the next line's indentation.
    fn eat_et_al(&mut self) -> bool {
        let Some(r) = self.rest().strip_prefix("et ") else {
            return false;
        };
        let r = r.trim_start_matches(' ');
        let Some(after) = r.strip_prefix("al") else {
            return false;
        };
        let after = after.strip_prefix('.').unwrap_or(after);
        self.pos = self.s.len() - after.len();
        true
    }
    fn done(&self) -> bool {
        self.rest().trim().trim_end_matches('.').is_empty()
    }
    /// One word: letters, apostrophes, hyphens.
    fn word(&mut self) -> Option<&'a str> {
        let r = self.rest();
        let len = r
            .char_indices()
            .find(|&(_, c)| {
                !(c.is_alphanumeric()
                    || matches!(c, '\'' | '’' | '-' | '‐')
                    || unicode_normalization::char::is_combining_mark(c))
            })
            .map_or(r.len(), |(i, _)| i);
        if len == 0 {
            return None;
        }
        self.pos += len;
        Some(&r[..len])
    }
}

fn is_name_word(w: &str) -> bool {
    let mut cs = w.chars();
    let Some(first) = cs.next() else { return false };
    first.is_uppercase()
        && w.chars().any(|c| c.is_alphabetic())
        && !w.chars().all(|c| c.is_ascii_digit())
}

/// An acronym led by digits ("3GPP", "5GAA"): at least two capitals after
/// them and nothing else, so "3D" or "5G" stays a number with a unit.
fn digit_led_acronym(w: &str) -> bool {
    let rest = w.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.len() < w.len() && rest.len() >= 2 && rest.chars().all(|c| c.is_ascii_uppercase())
}

/// A name part that opens with Arabic's article ("al-Mulk", "ad-Dīn",
/// "el-Said"), the rest capitalised.
fn arabic_article(w: &str) -> bool {
    w.split_once('-').is_some_and(|(a, rest)| {
        matches!(
            a,
            "al" | "el" | "ad" | "ar" | "as" | "at" | "an" | "az" | "ash" | "ud"
        ) && rest.starts_with(char::is_uppercase)
    })
}

/// The length of a version number ("7.0", "2.1.3") at the start of `r`
/// when a capitalised name word follows it.
fn version_then_name(r: &str) -> Option<usize> {
    let len = r
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(r.len());
    let v = &r[..len];
    let ok = v.starts_with(|c: char| c.is_ascii_digit())
        && v.contains('.')
        && !v.ends_with('.')
        && !v.contains("..")
        && r[len..]
            .strip_prefix(' ')
            .is_some_and(|n| n.starts_with(char::is_uppercase));
    ok.then_some(len)
}

/// A name written in lower case that a hyphen, digit or inner capital
/// marks as one ("e-codices", "arXiv", "bioRxiv"). Such a citation counts
/// only if it resolves (see `Scanner::parenthetical`).
fn is_lower_case_name(w: &str) -> bool {
    w.starts_with(|c: char| c.is_lowercase())
        && w.chars().count() >= 4
        && w.chars()
            .skip(1)
            .any(|c| c == '-' || c.is_ascii_digit() || c.is_uppercase())
        && !w.ends_with('-')
}

/// An abbreviation with its full stop that belongs to the name at the
/// start of `r` (see [`tokens::name_stop`]): "U.S." or "Dept." before more
/// of the name ("U.S. Environmental Protection Agency", "Dept. of
/// Health"), "Inc." anywhere. Its length; `None` otherwise, when the stop
/// would end the name and the item ("(U.S. Environmental …)" was no name
/// at all before).
fn abbreviation_in_name(r: &str) -> Option<usize> {
    let word_len = r
        .char_indices()
        .find(|&(_, ch)| !(ch.is_alphabetic() || ch == '.'))
        .map_or(r.len(), |(i, _)| i);
    let with_stop = &r[..word_len];
    let word = with_stop.strip_suffix('.')?;
    if !word.starts_with(char::is_uppercase) {
        return None;
    }
    let after = &r[word_len..];
    let next = after.strip_prefix(' ').and_then(|a| {
        let w = a.split([' ', ',', ')', '\n']).next()?;
        (!w.is_empty()).then_some(w)
    });
    let goes_on =
        next.is_some_and(|w| w.starts_with(char::is_uppercase) || CONNECTORS.contains(&w));
    match tokens::name_stop(word) {
        NameStop::Inner if goes_on => Some(word_len),
        NameStop::Closing => Some(word_len),
        _ => None,
    }
}

/// One author name: "Dyer-Witthof", "Costanza Chock", "van Dijck",
/// "Microsoft News Center". Up to four words.
fn parse_name(c: &mut Cur) -> Option<String> {
    parse_name_with(c, false)
}

/// [`parse_name`] for a name after "and" in a list of names, where a label
/// word with nothing after it is the name ("Adams and Page").
fn parse_listed_name(c: &mut Cur) -> Option<String> {
    parse_name_with(c, true)
}

fn parse_name_with(c: &mut Cur, listed: bool) -> Option<String> {
    let start = c.pos;
    // "E. J. Hobsbawm": APA's initials that tell two Hobsbawms apart.
    while let Some(n) = initial_len(c.rest().as_bytes()) {
        c.pos += n;
    }
    if c.pos > start && !c.rest().starts_with(char::is_uppercase) {
        c.pos = start;
        return None;
    }
    let mut words: Vec<&str> = Vec::new();
    loop {
        let save = c.pos;
        if !words.is_empty() && !c.eat(" ") {
            break;
        }
        // A wrapped line keeps its indent ("National\n  Marine …", a
        // table caption's continuation): a run of spaces is one.
        while c.eat(" ") {}
        if let Some(len) = abbreviation_in_name(c.rest()) {
            words.push(&c.rest()[..len]);
            c.pos += len;
            continue;
        }
        // "RGI 7.0 Consortium": a version inside an organisation's name,
        // after its acronym and before more of its name.
        if words.last().is_some_and(|l| is_acronym(l)) {
            if let Some(len) = version_then_name(c.rest()) {
                words.push(&c.rest()[..len]);
                c.pos += len;
                continue;
            }
        }
        // "John V. Murra": a middle initial after a given name, which
        // citeproc writes to tell two authors of one family apart.
        if words.len() == 1 && is_name_word(words[0]) {
            if let Some(n) = initial_len(c.rest().as_bytes()) {
                if c.rest()[n..].starts_with(char::is_uppercase) {
                    words.push(&c.rest()[..n - 1]);
                    c.pos += n - 1;
                    continue;
                }
            }
        }
        match c.word() {
            Some(w) if is_name_word(w) => words.push(w),
            // "Niẓām al-Mulk", "Ibn al-Athīr": Arabic's article joined to a
            // name by a hyphen.
            Some(w) if !words.is_empty() && arabic_article(w) => words.push(w),
            // "GBD 2019 Risk Factors Collaborators": a year inside an
            // organisation's name, after its acronym and before more of
            // its name.
            Some(w)
                if w.len() == 4
                    && w.bytes().all(|b| b.is_ascii_digit())
                    && words.last().is_some_and(|l| is_acronym(l))
                    && c.rest().strip_prefix(' ').is_some_and(|r| {
                        let mut next = Cur { s: r, pos: 0 };
                        next.word()
                            .is_some_and(|n| is_name_word(n) && !is_acronym(n))
                    }) =>
            {
                words.push(w)
            }
            // "3GPP", "5GAA": an organisation's acronym led by a digit.
            Some(w) if words.is_empty() && digit_led_acronym(w) => words.push(w),
            // "e-codices", "arXiv": a name in lower case, alone.
            Some(w) if words.is_empty() && is_lower_case_name(w) => {
                words.push(w);
                // "wwPDB consortium", "ns-3 Consortium": a group that writes
                // its name in lower case may go on, in either case.
                for _ in 0..2 {
                    let save = c.pos;
                    let next = c.eat(" ").then(|| c.word()).flatten();
                    if !next.is_some_and(|n| {
                        n.chars().all(|ch| ch.is_lowercase())
                            || is_name_word(n) && !NOT_AUTHORS.contains(&n)
                    }) {
                        c.pos = save;
                        break;
                    }
                    words.extend(next);
                }
                break;
            }
            Some(w)
                if (PARTICLES.contains(&w) || (!words.is_empty() && CONNECTORS.contains(&w)))
                    && c.rest().starts_with(' ') =>
            {
                // A particle ("van Dijck") or a connector inside an
                // organisation's name ("Institute of Standards") must be
                // followed by a capitalised word, or by one more connector
                // and then one ("Organization of the United Nations").
                let after = c.pos;
                c.pos += 1;
                let mut next = c.word();
                if !words.is_empty() && next.is_some_and(|n| CONNECTORS.contains(&n)) && c.eat(" ")
                {
                    next = c.word();
                }
                // "van der Woude", "de la Cruz": particles in a row.
                if PARTICLES.contains(&w)
                    && next.is_some_and(|n| PARTICLES.contains(&n))
                    && c.eat(" ")
                {
                    next = c.word();
                }
                c.pos = after;
                if next.is_some_and(is_name_word) {
                    words.push(w);
                } else {
                    c.pos = save;
                    break;
                }
            }
            _ => {
                c.pos = save;
                break;
            }
        }
        if words.len() == 10 {
            c.pos = start;
            return None;
        }
    }
    let first_cap = words
        .iter()
        .find(|w| is_name_word(w) || is_lower_case_name(w) || digit_led_acronym(w))?;
    let capitals = words.iter().filter(|w| is_name_word(w)).count();
    // "Table 2", "Page 14", "Step 3": such a word before a number is no
    // name; before a comma or "&" it is one ("Adams & Page, 2005"). A month
    // stays a date before a year ("(March 2012)").
    let not_author = words.first().is_some_and(|w| {
        if !NOT_AUTHORS.contains(w) || (words.len() == 1 && month_as_name(w, c.rest())) {
            return false;
        }
        if words.len() > 1 {
            return true;
        }
        let r = c.rest().trim_start_matches([' ', '\u{a0}']);
        let b = r.as_bytes();
        let digits = b.iter().take_while(|d| d.is_ascii_digit()).count();
        // "Adams and Page 2005": a year after it is a citation's.
        let year = digits == 4 && matches!(&b[..2], b"15" | b"16" | b"17" | b"18" | b"19" | b"20");
        let month = crate::parse::tokens::MONTHS
            .iter()
            .any(|(m, _)| m.eq_ignore_ascii_case(w));
        // After "and" a month is the second author ("Anderson & May,
        // 1991", "Anderson and May 17–23") unless a whole date follows
        // ("May 17, 2020").
        let listed_month = month
            && listed
            && !(digits > 0 && digits <= 2 && {
                let after_day = r[digits..].trim_start_matches(',').trim_start();
                after_day.len() >= 4 && after_day.as_bytes()[..4].iter().all(u8::is_ascii_digit)
            });
        (digits > 0 && !year && !listed_month)
            || (b.len() > 1 && b[0].is_ascii_uppercase() && b[1].is_ascii_digit())
            || (r.is_empty() && !listed)
            || (month && !listed_month)
    });
    // An organisation's long name joins its words ("UNESCO Ad Hoc Expert
    // Group on Endangered Languages"); a run of capitals alone is a title.
    // So does a dotted abbreviation ("T.C. Başbakanlık Devlet Arşivleri
    // Genel Müdürlüğü", "U.S. …").
    let joined = words.iter().any(|w| {
        CONNECTORS.contains(w)
            || (w.len() > 2 && w.ends_with('.') && w[..w.len() - 1].contains('.'))
    });
    if not_author || capitals > if joined { 8 } else { 5 } {
        c.pos = start;
        return None;
    }
    let _ = first_cap;
    Some(words.join(" "))
}

fn parse_title(c: &mut Cur) -> Option<String> {
    let r = c.rest();
    let (open, close) = match r.chars().next()? {
        '*' => ("*", "*"),
        '_' => ("_", "_"),
        '“' => ("“", "”"),
        '"' => ("\"", "\""),
        '‘' => ("‘", "’"),
        _ => return None,
    };
    let body = &r[open.len()..];
    let end = body.find(close)?;
    let title = body[..end].trim().trim_end_matches([',', '.']);
    if title.is_empty() {
        return None;
    }
    c.pos += open.len() + end + close.len();
    // "*Title*" may be "**Title**" in some markdown.
    while c.eat(open) {}
    Some(title.to_owned())
}

/// A year ("2018", "2018a", "n.d."), or a reprint's two ("1913/1964",
/// "[1913] 1964"), of which the later, the edition cited, is returned
/// (see [`original_year`]).
fn parse_year(c: &mut Cur) -> Option<String> {
    let r = c.rest();
    if r.starts_with("n.d.") {
        c.pos += 4;
        return Some("n.d.".into());
    }
    if let Some(len) = original_year_len(r) {
        let start = c.pos;
        c.pos += len;
        return match parse_year(c) {
            Some(y) if y != "n.d." => Some(y),
            _ => {
                c.pos = start;
                None
            }
        };
    }
    parse_one_year(c)
}

/// The length of an original year before a reprint's: "1913/" or "[1913] ".
fn original_year_len(r: &str) -> Option<usize> {
    let b = r.as_bytes();
    let (open, at) = if b.first() == Some(&b'[') {
        (true, 1)
    } else {
        (false, 0)
    };
    if b.len() < at + 6 || !b[at..at + 4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let after = &b[at + 4..];
    if open {
        (after.starts_with(b"] ") && after.get(2).is_some_and(u8::is_ascii_digit)).then_some(at + 6)
    } else {
        (after[0] == b'/' && after.get(1).is_some_and(u8::is_ascii_digit)).then_some(5)
    }
}

/// The original year of a reprint written as `written` ("1913/1964",
/// "[1913] 1964" → "1913").
pub(crate) fn original_year(written: &str) -> Option<String> {
    split_original_year(written.trim_start()).map(|(year, _)| year)
}

/// A reprint's original year at the start of `s` and what follows it
/// ("[1986] 1999, 13" → ("1986", "1999, 13")).
pub(crate) fn split_original_year(s: &str) -> Option<(String, &str)> {
    let len = original_year_len(s)?;
    Some((s.trim_start_matches('[')[..4].to_owned(), &s[len..]))
}

/// The length of the year at the start of `s` ("2017", "2017a",
/// "1718–1721" → 4) and of all it takes (9 for the span), as
/// [`parse_one_year`] reads years inside brackets.
pub(crate) fn year_at(s: &str) -> Option<(usize, usize)> {
    let mut c = Cur { s, pos: 0 };
    let year = parse_one_year(&mut c)?;
    Some((year.len(), c.pos))
}

fn parse_one_year(c: &mut Cur) -> Option<String> {
    let r = c.rest();
    let digits = r.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 {
        return None;
    }
    let year: u32 = r[..4].parse().ok()?;
    if !(1500..=2100).contains(&year) {
        return None;
    }
    let mut len = 4;
    let tail = &r[4..];
    // "2018a" but not a range "2018-2019" read as a year.
    if let Some(ch) = tail.chars().next() {
        if ch.is_ascii_lowercase() && !tail[1..].starts_with(|c: char| c.is_alphanumeric()) {
            len += 1;
        } else if ch.is_alphanumeric() {
            return None;
        }
    }
    if tail.starts_with(['-', '–']) {
        // "1718–1721": a work published over years, cited by its first.
        let after = tokens::year_span_end(tail, i32::try_from(year).ok()?)?;
        c.pos += r.len() - after.len();
        return Some(r[..4].to_owned());
    }
    c.pos += len;
    Some(r[..len].to_owned())
}

/// The words that open a locator: pages, volumes ("vols. 1, 11–16", as
/// citeproc writes a volume and its page), notes ("n. 14", APA's "Note
/// 14"), paragraphs, divisions. Longer forms before the shorter ones they
/// start with.
const LOCATOR_LABELS: &[(&str, bool)] = &[
    // (label, whether it names a division, whose number may run on in
    // dots: "ch. 2.2")
    ("pp. ", false),
    ("pp.", false),
    ("p. ", false),
    ("p.", false),
    ("paras. ", false),
    ("para. ", false),
    ("pars. ", false),
    ("par. ", false),
    ("chap. ", true),
    ("ch. ", true),
    ("secs. ", false),
    ("sec. ", true),
    ("arts. ", false),
    ("art. ", true),
    // A witness's answers in parliamentary evidence ("q. 3114–3120").
    ("qq. ", false),
    ("q. ", false),
    ("vols. ", false),
    ("vol. ", false),
    ("Vols. ", false),
    ("Vol. ", false),
    ("Volumes ", false),
    ("Volume ", false),
    ("figs. ", true),
    ("fig. ", true),
    ("Fig. ", true),
    ("nn. ", false),
    ("n.  ", false),
    ("n. ", false),
    ("Note ", false),
    ("note ", false),
    ("tables ", false),
    ("Tables ", false),
    ("table ", true),
    ("Table ", true),
    ("tab. ", true),
    ("col. ", false),
    ("ll. ", false),
    ("l. ", false),
    ("fols. ", false),
    ("fol. ", false),
    ("pt. ", false),
    ("bk. ", false),
    ("§ ", true),
    ("at ", false),
    ("Figure ", true),
    ("figure ", true),
    ("app. ", true),
    ("appendix ", true),
    ("Appendix ", true),
    ("annex ", true),
    ("Annex ", true),
    ("suppl. ", true),
    // CSL's locator terms written out, as APA prints them ("Number 1451",
    // "Column 2", "Folios 12r–15v").
    ("nos. ", false),
    ("Nos. ", false),
    ("no. ", true),
    ("No. ", true),
    // An archive's boxes ("box 3, no. 47").
    ("boxes ", false),
    ("box ", true),
    ("Boxes ", false),
    ("Box ", true),
    ("Number ", true),
    ("number ", true),
    ("Column ", false),
    ("column ", false),
    ("cols. ", false),
    ("Folios ", false),
    ("Folio ", false),
    ("folios ", false),
    ("folio ", false),
    ("Chapters ", false),
    ("Chapter ", true),
    ("chapter ", true),
    ("Sections ", false),
    ("Section ", true),
    ("section ", true),
    ("Paragraph ", false),
    ("Lines ", false),
    ("Line ", false),
    ("line ", false),
    ("Verse ", false),
    ("verse ", false),
    ("Book ", true),
    ("Part ", true),
    ("eqs. ", false),
    ("eq. ", true),
    ("Eqs. ", false),
    ("Eq. ", true),
    // An early printed book's gatherings, by signature ("sig. a1v",
    // "sigs. A2r–A4v"); see [`signature_len`].
    ("sigs. ", false),
    ("sig. ", false),
    // A book's plates ("pl. 3", "pls. 4–6").
    ("pls. ", false),
    ("pl. ", false),
];

/// The length of an early book's signature at the start of `r`: a
/// gathering's letters, the leaf's number and its side ("a1v", "A2r",
/// "Bb3").
fn signature_len(r: &str) -> usize {
    let letters = r.bytes().take_while(u8::is_ascii_alphabetic).count();
    let digits = r[letters..].bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&letters) || !(1..=2).contains(&digits) {
        return 0;
    }
    let side = usize::from(r[letters + digits..].starts_with(['r', 'v']));
    let end = letters + digits + side;
    if r[end..].starts_with(char::is_alphanumeric) {
        return 0;
    }
    end
}

fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.len() <= 7 && s.chars().all(|c| "ivxlcdm".contains(c))
}

/// "183", "11-12", "p. 4", "pp. 4–5", "ix-xii", "22:30", "183, 188".
fn parse_locator(c: &mut Cur) -> Option<String> {
    let start = c.pos;
    let mut division = false;
    let mut signature = false;
    for &(prefix, names_division) in LOCATOR_LABELS {
        if c.eat(prefix) {
            division = names_division;
            signature = prefix.starts_with("sig");
            // "pp.\n1:lxi–lxxx": the line broke after the label.
            c.ws();
            break;
        }
    }
    let mut any = false;
    loop {
        let r = c.rest();
        let digits = r.bytes().take_while(u8::is_ascii_digit).count();
        let sig = if signature { signature_len(r) } else { 0 };
        let len = if sig > 0 {
            sig
        } else if digits > 0 {
            digits
        } else {
            let w = r.chars().take_while(|ch| ch.is_ascii_lowercase()).count();
            if w > 0 && is_roman(&r[..w]) {
                w
            } else {
                0
            }
        };
        if len == 0 {
            break;
        }
        c.pos += len;
        any = true;
        // "3r–5v": a folio's recto or verso.
        if digits > 0 {
            let r = c.rest();
            if r.starts_with(['r', 'v']) && !r[1..].starts_with(char::is_alphanumeric) {
                c.pos += 1;
            }
        }
        // "215–218 [217–220]": a second numbering in brackets.
        c.pos += bracketed_numbers_len(c.rest());
        let save = c.pos;
        let r = c.rest();
        if let Some(d) = ["-", "–", "—", ":"].iter().find(|d| r.starts_with(**d)) {
            c.pos += d.len();
            continue;
        }
        if r.starts_with(", ") && r[2..].starts_with(|ch: char| ch.is_ascii_digit()) {
            c.pos += 2;
            continue;
        }
        // "tables 2 and 3", "pp. 4 and 9".
        if r.starts_with(" and ") && r[5..].starts_with(|ch: char| ch.is_ascii_digit()) {
            c.pos += 5;
            continue;
        }
        // "Volume 2, p. 118", "vol. 1, pp. 76–79": a part, then its page.
        if let Some(label) = r.strip_prefix(", ").and_then(|a| {
            ["p. ", "pp. ", "p.  ", "pp.  ", "p.\u{a0}", "pp.\u{a0}"]
                .iter()
                .find(|l| {
                    a.strip_prefix(**l)
                        .is_some_and(|d| d.starts_with(|ch: char| ch.is_ascii_digit()))
                })
        }) {
            c.pos += 2 + label.len();
            continue;
        }
        // "35–41 and table 9", "107–25, table 10": pages, then another
        // labelled division of the same work (MLA writes no comma before
        // it, so no remark reading takes it).
        if let Some(joined) = [", and ", " and ", ", "]
            .iter()
            .find_map(|j| r.strip_prefix(*j).map(|a| (j.len(), a)))
            .and_then(|(j, a)| {
                LOCATOR_LABELS
                    .iter()
                    .filter(|(l, _)| l.ends_with(' ') && !matches!(*l, "p. " | "pp. "))
                    .find_map(|(l, _)| {
                        // A no-break space after the label reads as two.
                        let d = a.strip_prefix(*l)?;
                        let pad = d.len() - d.trim_start_matches(' ').len();
                        d[pad..]
                            .starts_with(|ch: char| ch.is_ascii_digit())
                            .then_some(j + l.len() + pad)
                    })
            })
        {
            c.pos += joined;
            continue;
        }
        // "183n4", "45nn12": Chicago's and MLA's note on the page.
        if let Some(n) = ["nn", "n"].iter().find(|n| {
            r.strip_prefix(**n)
                .is_some_and(|a| a.starts_with(|ch: char| ch.is_ascii_digit()))
        }) {
            c.pos += n.len();
            continue;
        }
        // "346 n. 14", "346 note 14": a note on the page. (A no-break
        // space reads as two spaces.)
        if let Some(note) = ["n.  ", "n. ", "note ", "nn. "]
            .iter()
            .find(|n| r.strip_prefix(' ').is_some_and(|a| a.starts_with(**n)))
        {
            if r[1 + note.len()..].starts_with(|ch: char| ch.is_ascii_digit()) {
                c.pos += 1 + note.len();
                continue;
            }
        }
        c.pos = save;
        break;
    }
    if !any {
        c.pos = start;
        return None;
    }
    // "3.2.1" is a section number, not a page, unless it says so ("ch. 2.2").
    if division && c.rest().starts_with('.') {
        while c.rest().starts_with('.') && c.rest()[1..].starts_with(|ch: char| ch.is_ascii_digit())
        {
            c.pos += 1;
            c.pos += c.rest().bytes().take_while(u8::is_ascii_digit).count();
        }
    }
    if c.rest().starts_with('.') && c.rest()[1..].starts_with(|ch: char| ch.is_ascii_digit()) {
        c.pos = start;
        return None;
    }
    Some(c.s[start..c.pos].trim().to_owned())
}

/// The length of " [217–220]" (a folio's or page's second numbering in
/// brackets) at the start of `r`, or 0.
fn bracketed_numbers_len(r: &str) -> usize {
    let Some(inner) = r.strip_prefix(" [") else {
        return 0;
    };
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let mut n = digits(inner);
    if n == 0 {
        return 0;
    }
    if let Some(d) = ["–", "-"].iter().find(|d| inner[n..].starts_with(**d)) {
        let m = digits(&inner[n + d.len()..]);
        if m == 0 {
            return 0;
        }
        n += d.len() + m;
    }
    if inner[n..].starts_with(']') {
        2 + n + 1
    } else {
        0
    }
}

/// Circa years that close an unquoted short title ("Webb, Medieval
/// European Pilgrimage, c.700–c.1500 1–9"): read past, so that the
/// locator after them is read; the title's words before them still name
/// the work.
fn eat_circa_span(c: &mut Cur) {
    let save = c.pos;
    c.eat(",");
    c.ws();
    let mut years = 0;
    loop {
        if !(c.eat("c.") || c.eat("ca.")) {
            break;
        }
        c.eat(" ");
        let digits = c.rest().bytes().take_while(u8::is_ascii_digit).count();
        if !(3..=4).contains(&digits) {
            break;
        }
        c.pos += digits;
        years += 1;
        if !(c.eat("–") || c.eat("-")) {
            break;
        }
    }
    if years == 0 || !c.rest().starts_with([' ', ',', ')', ';']) {
        c.pos = save;
    }
}

/// A trailing remark in lower case after a comma: ", own translation".
fn parse_note(c: &mut Cur) -> Option<String> {
    let save = c.pos;
    if !c.eat(",") {
        return None;
    }
    c.ws();
    let r = c.rest().trim();
    if r.starts_with(|ch: char| ch.is_lowercase()) && r.len() <= 80 {
        c.pos = c.s.len();
        return Some(r.trim_end_matches('.').to_owned());
    }
    c.pos = save;
    None
}

/// `s` past the words before its first name ("cf. ", "see also ").
pub(crate) fn after_prefix(s: &str) -> &str {
    let mut c = Cur { s, pos: 0 };
    eat_prefix(&mut c);
    c.ws();
    &s[c.pos..]
}

/// Words before the first name: "see", "see also", "cf.", "e.g.,",
/// "after", "also". True when some were eaten.
fn eat_prefix(c: &mut Cur) -> bool {
    let start = c.pos;
    for _ in 0..3 {
        let r = c.rest();
        // A cell's or a wrapped line's break also ends a word ("adapted
        // from\n  Tacconelli").
        let Some(sp) = r.find(char::is_whitespace) else {
            break;
        };
        let w = &r[..sp];
        let bare = w.trim_end_matches([',', '.']);
        // Only the words that introduce a citation: "(such as Hugging
        // Face, AWS)" lists examples, not authors.
        if !matches!(
            bare,
            "see"
                | "also"
                | "cf"
                | "e.g"
                | "i.e"
                | "after"
                | "compare"
                | "esp"
                | "especially"
                // "quoted in", "as cited in", "data from", "adapted from"
                | "quoted"
                | "cited"
                | "as"
                | "in"
                | "data"
                | "from"
                | "adapted"
                | "compiled"
                | "reproduced"
                // "(A 2018; and B 2022a)"
                | "and"
                // A figure's credit: "drawing after", "redrawn from",
                // "modified from", "based on", "following".
                | "drawing"
                | "drawn"
                | "redrawn"
                | "modified"
                | "based"
                | "on"
                | "following"
        ) {
            break;
        }
        c.pos += sp;
        c.ws();
    }
    // "for a review see Infelise", "for the Spanish parallel see Pardo
    // Tomás": a short phrase in lower case that ends in "see" or "cf.".
    if c.pos == start {
        let r = c.rest();
        let mut at = 0;
        for (k, w) in r.split(' ').enumerate().take(7) {
            let bare = w.trim_end_matches(',');
            if k > 0 && matches!(bare, "see" | "cf." | "compare") {
                at += w.len() + 1;
                if r[at.min(r.len())..].starts_with(char::is_uppercase) {
                    c.pos += at;
                }
                break;
            }
            // The phrase opens in lower case and may name a place or a
            // language on the way ("for the Spanish parallel see").
            if w.is_empty()
                || !w.chars().all(|ch| ch.is_alphabetic() || ch == ',')
                || k == 0 && !w.starts_with(char::is_lowercase)
            {
                break;
            }
            at += w.len() + 1;
        }
    }
    // "e.g., the series of World Glacier Monitoring Service": after a
    // prefix, a few words in lower case that end in "of" or "by".
    if c.pos > start && !c.rest().starts_with(char::is_uppercase) {
        let r = c.rest();
        let mut at = 0;
        for w in r.split(' ').take(4) {
            if w.is_empty() || !w.chars().all(char::is_lowercase) {
                break;
            }
            at += w.len() + 1;
            if matches!(w, "of" | "by") {
                if r[at.min(r.len())..].starts_with(char::is_uppercase) {
                    c.pos += at;
                }
                break;
            }
        }
    }
    // "see de Vries", "after van Donkelaar": a particle opens the name.
    let particle = || {
        let r = c.rest();
        r.split_once(' ')
            .is_some_and(|(w, _)| PARTICLES.contains(&w))
    };
    // "see also xDEM contributors": a name written in lower case.
    let lower_name = || {
        let r = c.rest();
        is_lower_case_name(r.split([' ', ',']).next().unwrap_or(""))
    };
    if c.pos > start && (c.rest().starts_with(char::is_uppercase) || particle() || lower_name()) {
        return true;
    }
    c.pos = start;
    false
}

/// One item of a parenthetical: names, title, year, locator, note.
pub(crate) fn parse_item(s: &str) -> Option<CiteItem> {
    let mut c = Cur { s, pos: 0 };
    c.ws();
    let mut item = CiteItem::default();
    let lower = s.to_lowercase();
    if lower.starts_with("ibid") {
        c.pos += 4;
        c.eat("em");
        c.eat(".");
        item.ibid = true;
        c.eat(",");
        c.ws();
        item.locator = parse_locator(&mut c);
        c.ws();
        item.note = parse_note(&mut c);
        return c.done().then_some(item);
    }
    // "see Benjamin 183", "cf. Noble"; "(see, for instance, …)" stays out.
    eat_prefix(&mut c);
    loop {
        let at = c.pos;
        let name = if item.names.is_empty() {
            parse_name(&mut c)
        } else {
            parse_listed_name(&mut c)
        };
        let Some(name) = name else {
            break;
        };
        if let Some(ini) = leading_initials(&c.s[at..c.pos]) {
            match item.names.len() {
                0 => item.initials = Some(ini),
                n => item.later_initials.push((n, ini)),
            }
        }
        item.names.push(name);
        let save = c.pos;
        c.ws();
        if c.eat_et_al() {
            item.et_al = true;
            break;
        }
        c.pos = save;
        if c.eat(", and ") || c.eat(" and ") || c.eat(" & ") || c.eat(", & ") {
            continue;
        }
        // "Díaz y Díaz": Spanish joins two authors, or the two parts of
        // one double surname, with "y"; read as two names here, and the
        // resolver tries them joined back.
        if c.rest().starts_with(" y ") && c.rest()[3..].starts_with(|ch: char| ch.is_uppercase()) {
            c.pos += 3;
            continue;
        }
        // "Neumark\n  and Wascher": the line broke before the "and" (a
        // caption's indented continuation).
        if c.rest().starts_with([' ', '\n']) {
            c.ws();
            if c.eat("and ") || c.eat("& ") {
                continue;
            }
            c.pos = save;
        }
        if c.eat(", ") {
            // "Nosek, Alter, et al.": MLA's two names and "et al.".
            c.ws();
            if c.eat_et_al() {
                item.et_al = true;
                break;
            }
            // Another name, or the title, year or locator.
            let r = c.rest();
            if r.starts_with(|ch: char| ch.is_uppercase()) {
                continue;
            }
            c.pos = save;
        }
        break;
    }
    if !item.names.is_empty() {
        eat_circa_span(&mut c);
        c.eat(",");
    }
    c.ws();
    item.title = parse_title(&mut c);
    if item.names.is_empty() && item.title.is_none() {
        return None;
    }
    c.eat(",");
    c.ws();
    let year_at = c.pos;
    item.year = parse_year(&mut c);
    item.original_year = original_year(&c.s[year_at..c.pos]);
    if item.year.is_some() {
        c.eat(",");
        c.ws();
    }
    let save = c.pos;
    item.locator = parse_locator(&mut c);
    c.ws();
    item.note = parse_note(&mut c);
    if !c.done() {
        // "Section 4", "ch. 5", "pp. aac4716–4", "2.2": a wider locator,
        // read across line breaks ("47–55, eq.\n4.3").
        let wide = c.s[save..].split_whitespace().collect::<Vec<_>>().join(" ");
        let r = wide.trim().trim_end_matches('.');
        // "s.v. “chin-shih”": a dictionary's headword.
        let sub_verbo = r.starts_with("s.v. ") || r.starts_with("s.vv. ");
        // MLA's "(Zhongguo …, fol. 3v)": a labelled locator the grammar
        // does not read ("3v") after a name, without a year.
        let labelled = item.year.is_none()
            && !item.names.is_empty()
            && item.title.is_none()
            && r.contains(". ")
            && super::known::is_locator(r);
        // "(Zemp, Huss, et al., methods)", "(Kaser et al. 47–55, eq. 4.3)":
        // pages or a division after names that "et al." marks as a
        // citation's, without a year.
        let remark_after_et_al = item.et_al
            && item.year.is_none()
            && item.title.is_none()
            && r.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
            && is_remark(r);
        // "1874, Section 2 for the 1870 season": a locator, then a remark
        // with no comma before it.
        let may_remark = item.year.is_some() || !item.names.is_empty() && item.title.is_none();
        if (item.year.is_some() && follows_a_year(r))
            || (sub_verbo && r.chars().count() <= 60)
            || labelled
            || remark_after_et_al
        {
            item.locator = Some(r.split_whitespace().collect::<Vec<_>>().join(" "));
            item.note = None;
        } else if let Some((locator, remark)) = may_remark.then(|| locator_then_remark(r)).flatten()
        {
            item.locator = Some(locator.to_owned());
            item.note = Some(remark.to_owned());
        } else {
            return None;
        }
    }
    // "(T, 0)", "(x, y)": a variable in a formula, not a name; a single
    // letter names nobody without a year.
    if item.year.is_none()
        && item.title.is_none()
        && item.names.iter().all(|n| n.chars().count() == 1)
    {
        return None;
    }
    // A title alone with nothing after it ("(“Tidy Data”)", MLA's
    // citation of one of an author's works named in the sentence) looks
    // like an aside ("(*cathedral*)"), and a prefixed list of names
    // ("(cf. Crawford)", "(e.g. Backspace, Centre …)") like a list of
    // examples: both stay, weak (see `Scanner::parenthetical`), and count
    // only if they resolve, so asides fall away while MLA's "(after Noble;
    // Eubanks)" is kept.
    Some(item)
}

/// What may stand after a work's year and a comma: a locator
/// ([`known::is_locator`](super::known::is_locator)) or a division or
/// remark ([`is_remark`]).
pub(crate) fn follows_a_year(r: &str) -> bool {
    super::known::is_locator(r) || is_remark(r)
}

/// What may follow a work's year in a citation beside a locator the
/// locator grammar knows: a division it does not ("eq. 11", "Section
/// III.B", "appendix A", "methods", "1–40 of README.md", "Folios
/// 14r–22v") or a remark ("and the sources listed"). Short, without a year
/// (which would be another work's) or brackets, and not another author's
/// "et al.".
fn is_remark(r: &str) -> bool {
    r.chars().count() <= 60
        && !r.is_empty()
        && !names_a_year(r)
        && !r.contains(['(', ')', '[', ']', '“', '"'])
        && !r.contains("et al")
}

/// A locator and a remark after it with no comma between: "Section 2 for
/// the 1870 season", "sec. 2 on the survey's sales". The remark opens with
/// a preposition and is short; a year in it is a date of the prose ("the
/// 1870 season"), not another work's, only after "the".
fn locator_then_remark(r: &str) -> Option<(&str, &str)> {
    const OPENERS: [&str; 6] = [" for ", " on ", " in ", " with ", " where ", " about "];
    let (k, _) = r
        .match_indices(' ')
        .find(|&(k, _)| OPENERS.iter().any(|o| r[k..].starts_with(o)))?;
    let (head, tail) = (&r[..k], r[k + 1..].trim_end_matches('.'));
    let dated_in_prose = |t: &str| {
        let words: Vec<&str> = t.split_whitespace().collect();
        words.iter().enumerate().all(|(i, w)| {
            !names_a_year(w) || i > 0 && words[i - 1] == "the" && !w.contains(['–', '-'])
        })
    };
    let plain = tail.chars().count() <= 60
        && !tail.contains(['(', ')', '[', ']', '“', '"', ';'])
        && !tail.contains("et al")
        && dated_in_prose(tail);
    (plain && super::known::is_locator(head) && head.chars().any(|c| c.is_ascii_digit()))
        .then_some((head, tail))
}

/// An MLA item whose short title lost its quotes: "Kitchin, Automated
/// Archives and the 132", "Wickham, Advanced r", or with the author named
/// in the sentence "Advanced r 45". Only tried when [`parse_item`] fails.
/// Without a page or without a name it is no surer a citation than any
/// aside in capitals: see [`bare_title_is_weak`].
fn parse_bare_title(s: &str) -> Option<CiteItem> {
    // "see also Montias, Art at Auction …, ch. 7".
    let mut pc = Cur { s, pos: 0 };
    eat_prefix(&mut pc);
    let s = &s[pc.pos..];
    // "Sulzer et al., PyBaMM", "Adams and Page, Migration": the names
    // as a full item reads them.
    let name = s.split_once(", ").and_then(|(head, rest)| {
        let mut c = Cur { s: head, pos: 0 };
        let mut names = vec![parse_name(&mut c)?];
        let mut et_al = false;
        loop {
            let save = c.pos;
            if c.eat(" ") && c.eat_et_al() {
                et_al = true;
                break;
            }
            c.pos = save;
            if c.eat(" and ") || c.eat(" & ") {
                names.push(parse_listed_name(&mut c)?);
                continue;
            }
            break;
        }
        (c.pos == head.len()).then_some((names, et_al, rest))
    });
    let (names, et_al, rest) = match name {
        Some((n, et_al, rest)) => (n, et_al, rest),
        None => (Vec::new(), false, s),
    };
    let name = names.first();
    let whole = |l: &str| {
        let mut lc = Cur { s: l, pos: 0 };
        parse_locator(&mut lc).filter(|_| lc.done())
    };
    // "Python Battery Mathematical Modelling, sec. 2.1": a labelled
    // locator after a comma.
    let labelled = rest
        .rsplit_once(", ")
        .and_then(|(title, l)| Some((title, Some(whole(l.trim_start())?))));
    let paged = || {
        rest.rsplit_once(' ')
            .and_then(|(title, l)| Some((title, Some(whole(l)?))))
    };
    let (mut title, mut locator) = labelled.or_else(paged).unwrap_or((rest, None));
    let mut note = None;
    // "Censors at Work 231–43, among others": a remark after the pages.
    if locator.is_none() {
        if let Some((head, remark)) = rest.rsplit_once(", ") {
            if let Some((t, l)) = head.rsplit_once(' ') {
                let pages = whole(l).filter(|_| !names_a_year(l));
                if let Some(l) = pages.filter(|_| is_remark(remark) && whole(remark).is_none()) {
                    (title, locator, note) = (t, Some(l), Some(remark.trim().to_owned()));
                }
            }
        }
    }
    // "Censors at Work 23–86, 87–144": every page range belongs to the
    // locator, not only the last ("Index librorum prohibitorum 1600–1966"
    // keeps its years).
    while let Some(l) = locator.as_mut() {
        let Some((t, w)) = title.trim_end().rsplit_once(' ') else {
            break;
        };
        let w = w.trim_end_matches(',');
        match whole(w).filter(|_| !names_a_year(w)) {
            Some(more) => {
                *l = format!("{more}, {l}");
                title = t;
            }
            None => break,
        }
    }
    // A short form in brackets was blanked ("Modelling (PyBaMM)").
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let words = title.split_whitespace().count();
    if !title.starts_with(|c: char| c.is_uppercase())
        || title.contains(['(', ')', '"', '“', '*'])
        || parting_semicolons(&title).next().is_some()
        // A whole title after its author and a page ("Cuno, Whose
        // Culture? The Promise of Museums and the Debate over
        // Antiquities, ix") may run longer than a short one.
        // So may one an author names without a page ("Elman, A Cultural
        // History of Civil Examinations in Late Imperial China"): without
        // a page it is weak and counts only if an entry has that title.
        // So may one after its author's name in the sentence, with a
        // page ("Elman (A Cultural History of Civil Examinations in Late
        // Imperial China 295–99)"), weak as every title without a name.
        // A whole early modern title ("Nuevo estilo y formulario de
        // escribir cartas misivas … 1–16") runs longer still; without a
        // name it is weak all the same.
        || words > if locator.is_some() { 24 } else if name.is_some() { 16 } else { 8 }
        // One capitalised word alone is an aside ("Figure 3").
        || (name.is_none() && words < 2)
        // "Open Science Collaboration aac4716–4": a locator no rule reads
        // is no word of a title.
        || title.split_whitespace().any(|w| {
            w.chars().any(|c| c.is_ascii_digit())
                && w.chars().any(char::is_alphabetic)
                && !is_ordinal(w)
        })
        // Without a page, a name must come first ("Wickham, Advanced r").
        || (name.is_none() && locator.is_none() && title.contains(", "))
        // "Kyŏngguk taejŏn, 1485/1985": a title and its year (see
        // `parse_dated_title`).
        || title.rsplit_once(", ").is_some_and(|(_, y)| whole_year(y).is_some())
        // "Kyŏngguk taejŏn [1485] 1985": Chicago's reprint years.
        || title.rfind(" [").is_some_and(|k| whole_year(&title[k + 1..]).is_some())
    {
        return None;
    }
    Some(CiteItem {
        names,
        et_al,
        title: Some(title.trim_end_matches(',').to_owned()),
        locator,
        note,
        ..CiteItem::default()
    })
}

/// Whether a parenthesis holds a person's dates, not a citation's year:
/// "(c. 1501–1536)", "(b. 1947)", "(1539–1616)", a span of more than 30
/// years (a work published over years takes fewer).
pub(crate) fn dates_a_life(inner: &str) -> bool {
    let s = inner.trim().replace('\u{a0}', " ");
    let s = s.trim();
    for prefix in ["c. ", "ca. ", "c.", "b. ", "d. ", "fl. "] {
        if let Some(r) = s.strip_prefix(prefix) {
            let digits = r.bytes().take_while(u8::is_ascii_digit).count();
            return (3..=4).contains(&digits);
        }
    }
    let b = s.as_bytes();
    if b.len() < 9 || !b[..4].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let Some(rest) = s[4..].strip_prefix(['-', '–']) else {
        return false;
    };
    if rest.len() != 4 || !rest.bytes().all(|d| d.is_ascii_digit()) {
        return false;
    }
    let (from, to): (u32, u32) = (s[..4].parse().unwrap_or(0), rest.parse().unwrap_or(0));
    to > from + 30
}

/// Whether `w` holds a number of four digits that may be a year
/// ("1559", "1600–1966"): a title's or a work's, not a page.
pub(crate) fn names_a_year(w: &str) -> bool {
    w.split(|c: char| !c.is_ascii_digit())
        .any(|n| n.len() == 4 && n.parse::<u32>().is_ok_and(|y| (1400..=2100).contains(&y)))
}

/// "17th", "2nd", "21st": a title's ordinal, not a locator.
fn is_ordinal(w: &str) -> bool {
    let w = w.trim_end_matches([',', '.', ':']);
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&w[digits..], "st" | "nd" | "rd" | "th")
}

/// The items of a group, split at its semicolons, except one that opens an
/// old title's alternative ("The Complete Letter-Writer; or, New and
/// Polite English Secretary").
fn group_parts(inner: &str) -> Vec<&str> {
    let mut parts: Vec<&str> = Vec::new();
    let mut start = 0;
    for k in parting_semicolons(inner) {
        parts.push(&inner[start..k]);
        start = k + 1;
    }
    parts.push(&inner[start..]);
    parts
}

/// Where `s` has a semicolon that parts two things, not one that opens a
/// title's alternative ("; or, New and Polite English Secretary").
fn parting_semicolons(s: &str) -> impl Iterator<Item = usize> + '_ {
    s.match_indices(';').map(|(k, _)| k).filter(|&k| {
        let next = s[k + 1..].trim_start();
        !(next.starts_with("or, ") || next.starts_with("or "))
    })
}

/// An anonymous work cited by its short title and year, as author-date
/// styles cite a work without authors: "Index auctorum, et librorum, 1559,
/// fols. A2r–A4v", "Instrucción y memoria de las relaciones 1577". Only
/// tried when [`parse_item`] and [`parse_bare_title`] fail; without a name
/// it counts only when an entry has that title (see
/// [`bare_title_is_weak`]).
fn parse_dated_title(s: &str) -> Option<CiteItem> {
    // The first year after a word of the title that a locator, a remark or
    // nothing follows; a title may hold dates of its own ("’s Lands
    // Plantentuin te Buitenzorg, 18 Mei 1817–18 Mei 1892, 1892, pp. 1–34").
    let mut candidates = Vec::new();
    for (i, _) in s.match_indices(|c: char| c.is_ascii_digit()) {
        // "[1485] 1985": the original's year in brackets opens the date.
        let i = if s[..i].ends_with(" [") { i - 1 } else { i };
        if i > 0 && s[..i].ends_with([' ', '\n']) && candidates.len() < 4 {
            // "1485/1985": a reprint's two years.
            let mut c = Cur { s, pos: i };
            if let Some(year) = parse_year(&mut c) {
                candidates.push((i, c.pos, year));
            }
        }
    }
    // "Nuevo estilo y formulario …, n.d., pp. 1–16": an undated one.
    if candidates.is_empty() {
        let k = s.find(", n.d.")? + 2;
        candidates.push((k, k + 4, "n.d.".to_owned()));
    }
    let first = candidates[0].0;
    candidates
        .into_iter()
        .find_map(|(start, end, year)| dated_title_at(s, start, end, year, start > first))
}

/// The item of [`parse_dated_title`] with the year at `start..end`;
/// `dated` says the title itself holds an earlier year, so its digits are
/// a date's.
fn dated_title_at(
    s: &str,
    start: usize,
    end: usize,
    year: String,
    dated: bool,
) -> Option<CiteItem> {
    const MAX_WORDS: usize = 12;
    let title = s[..start].trim().trim_end_matches(',').trim();
    let rest = s[end..].trim_start();
    let locator = match rest.strip_prefix(',') {
        Some(r) => {
            let r = r.trim().trim_end_matches('.');
            follows_a_year(r).then(|| r.to_owned())?.into()
        }
        None if rest.is_empty() => None,
        None => return None,
    };
    let words = title.split_whitespace().count();
    // A locator after the year makes a long title (a whole early modern
    // one) as sure as a short one.
    // ("Instruction sur les mesures déduites de la grandeur de la terre,
    // uniformes pour toute la République, et sur les calculs relatifs à
    // leur division décimale, 1794, p. 27" is 25 words.)
    let most = if locator.is_some() {
        3 * MAX_WORDS
    } else {
        MAX_WORDS
    };
    // "’s Lands Plantentuin", "’t Hooft": a Dutch article elided before
    // the capital.
    let opening = ["’s ", "'s ", "’t ", "'t "]
        .iter()
        .find_map(|a| title.strip_prefix(a))
        .unwrap_or(title);
    if !opening.starts_with(char::is_uppercase)
        || !(2..=most).contains(&words)
        || title.contains(['(', ')', '"', '“', '*', ':'])
        || parting_semicolons(title).next().is_some()
        || (!dated && title.chars().any(|c| c.is_ascii_digit()))
    {
        return None;
    }
    Some(CiteItem {
        title: Some(title.split_whitespace().collect::<Vec<_>>().join(" ")),
        year: Some(year),
        original_year: original_year(&s[start..end]),
        locator,
        ..CiteItem::default()
    })
}

/// Whether an item [`parse_bare_title`] read makes its parenthetical weak:
/// one without a page or without a name, which counts only when an entry
/// has that title.
fn bare_title_is_weak(item: &CiteItem) -> bool {
    item.names.is_empty() || item.locator.is_none()
}

/// "Palmer 2017a, 2017b" → ("Palmer 2017a", ["2017b"]): the years after
/// the first, each its own item. Only years with nothing after them split
/// off; "Noble 2018, 24" keeps its locator.
fn split_years(s: &str) -> (&str, Vec<String>) {
    let mut head = s;
    let mut years = Vec::new();
    while let Some((before, last)) = head.rsplit_once(',') {
        let Some(year) = whole_year(last.trim()) else {
            break;
        };
        // The part before must itself end in a year.
        let b = before.trim_end();
        let tail = last_word(b);
        let Some(before_year) = whole_year(tail) else {
            break;
        };
        let lead = b[..b.len() - tail.len()].trim_end();
        // "2020, pp. 1763–1764, 1770–1772": pages after a label, however
        // much they look like years.
        let is_label = |l: &str| {
            lead.strip_suffix(l.trim_end())
                .is_some_and(|before| before.is_empty() || before.ends_with([' ', ',', '(', '\n']))
        };
        if LOCATOR_LABELS.iter().any(|(l, _)| is_label(l)) {
            break;
        }
        // "Gleick 2003, 1526": a number below the year is a page.
        if year.get(..4) < before_year.get(..4) {
            break;
        }
        // "Kohler et al. 2020, 1763–1764, 1770–1772": a number below the
        // year before it was a page, and so is this.
        if whole_year(last_word(lead.trim_end_matches(',')))
            .is_some_and(|y0| before_year.get(..4) < y0.get(..4))
        {
            break;
        }
        years.insert(0, year);
        head = b;
    }
    (head, years)
}

/// The year `s` is, read whole ("2017b", "1913/1964").
fn whole_year(s: &str) -> Option<String> {
    let mut c = Cur { s, pos: 0 };
    parse_year(&mut c).filter(|_| c.done())
}

/// The text after the last blank or comma of `s`.
fn last_word(s: &str) -> &str {
    s.rsplit([' ', ',']).next().unwrap_or("")
}

/// "2018", "2018, p. 4", "2018a".
fn parse_year_only(s: &str) -> Option<(String, Option<String>)> {
    let mut c = Cur { s, pos: 0 };
    let year = parse_year(&mut c)?;
    let mut locator = None;
    if c.eat(",") {
        c.ws();
        let at = c.pos;
        locator = match parse_locator(&mut c) {
            Some(l) if c.done() => Some(l),
            // "Siebert (1952, appendix)", "(2024, README, secs. 1–4)".
            _ => {
                let r = c.s[at..].trim().trim_end_matches('.');
                c.pos = c.s.len();
                Some(follows_a_year(r).then(|| r.to_owned())?)
            }
        };
    }
    c.done().then_some((year, locator))
}

/// The length of a translation in brackets at the start of `s` ("[Board
/// of Rites]", "[Great code for governing the state]"): words that open
/// with a capital, no digit, no citation inside; `None` otherwise.
pub(crate) fn gloss_len(s: &str) -> Option<usize> {
    let close = s.find(']')?;
    let inner = &s[1..close];
    (inner.starts_with(|c: char| c.is_uppercase())
        && inner.split_whitespace().count() >= 2
        && !inner.contains(|c: char| c.is_ascii_digit() || matches!(c, ';' | '[' | '(' | ')')))
    .then_some(close + 1)
}

/// A name without the translation in brackets that ends it ("Libu [Board
/// of Rites]." → "Libu"), as the text cites it; `None` when it has none.
pub(crate) fn name_before_gloss(name: &str) -> Option<&str> {
    if !name.trim_end_matches('.').ends_with(']') {
        return None;
    }
    name.split_once(" [").map(|(bare, _)| bare.trim_end())
}

/// Whether a bracket's text opens like an author citation: a capital
/// letter ("[Beck et al., 1996]", "[H.-J. Martin, 1:440]"), or a prefix
/// ("[see Beck 1996]", "[e.g., …]", "[cf. …]").
fn opens_with_a_name(rest: &str) -> bool {
    rest.starts_with(|c: char| c.is_uppercase())
        || ["see ", "e.g.", "cf. "].iter().any(|p| rest.starts_with(p))
}

/// "211", "11-12", "p. 4", "24, own translation".
pub(crate) fn parse_locator_only(s: &str) -> Option<(String, Option<String>)> {
    let mut c = Cur { s, pos: 0 };
    let locator = parse_locator(&mut c)?;
    // "(1998)" is a year; "(4180)" can only be a page.
    if locator.len() == 4 && year_at(&locator) == Some((4, 4)) {
        return None;
    }
    c.ws();
    let note = parse_note(&mut c);
    c.done().then_some((locator, note))
}

/// The author names just before a parenthesised year: "Noble (2018)",
/// "Bender et al. (2021)", "Bender and Gebru (2021)". Returns where the
/// names start.
fn names_before(text: &str, open: usize, floor: usize) -> Option<(usize, Vec<String>, bool)> {
    let from = open.saturating_sub(120).max(floor);
    let mut from = from;
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let flat = text[from..open].replace(['\n', '\r', '\t'], " ");
    let window = flat.as_str();
    if !window.ends_with(' ') {
        return None;
    }
    // Words with their offsets, from the end.
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    for w in window.split(' ') {
        if !w.is_empty() {
            words.push((from + pos, w));
        }
        pos += w.len() + 1;
    }
    let mut k = words.len();
    let mut et_al = false;
    // "Bender et al. (2021)", "Deryugina and colleagues (4180)".
    if k >= 2
        && (words[k - 1].1 == "al." && words[k - 2].1 == "et"
            || matches!(words[k - 1].1, "colleagues" | "coauthors" | "co-authors")
                && matches!(words[k - 2].1, "and" | "&"))
    {
        et_al = true;
        k -= 2;
    }
    let is_name = |w: &str| {
        let bare = w.trim_end_matches("’s").trim_end_matches("'s");
        is_name_word(bare)
            && bare
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
            && bare.chars().count() > 1
            && !NOT_AUTHORS.contains(&bare)
    };
    // "Rounce, Hock, Maussion, et al. (80)": MLA names the next authors to
    // tell two works apart, each followed by a comma.
    if et_al && k > 0 && words[k - 1].1.ends_with(',') {
        let mut names: Vec<String> = Vec::new();
        let mut start = None;
        while k > 0 && names.len() < 4 {
            let Some(bare) = words[k - 1].1.strip_suffix(',').filter(|b| is_name(b)) else {
                break;
            };
            names.insert(0, bare.to_owned());
            start = Some(words[k - 1].0);
            k -= 1;
        }
        return start.filter(|_| names.len() >= 2).map(|s| (s, names, true));
    }
    if k == 0 || !is_name(words[k - 1].1) {
        return None;
    }
    let mut names = vec![words[k - 1].1.to_owned()];
    let mut start = words[k - 1].0;
    k -= 1;
    // "March and Saurí (2012)": a month's name before "and" is a name.
    if !et_al
        && k >= 2
        && matches!(words[k - 1].1, "and" | "&")
        && (is_name(words[k - 2].1) || month_as_name(words[k - 2].1, "and "))
    {
        names.insert(0, words[k - 2].1.to_owned());
        start = words[k - 2].0;
    }
    Some((start, names, et_al))
}

/// Reporting verbs that introduce a narrative citation: "As Marcus
/// Burkhardt details, …".
const VERBS: &[&str] = &[
    "details",
    "detailed",
    "shows",
    "showed",
    "shown",
    "states",
    "stated",
    "argues",
    "argued",
    "writes",
    "wrote",
    "notes",
    "noted",
    "explains",
    "explained",
    "elaborates",
    "elaborated",
    "describes",
    "described",
    "poses",
    "underlines",
    "demands",
    "considers",
    "suggests",
    "suggested",
    "claims",
    "claimed",
    "observes",
    "observed",
    "remarks",
    "contends",
    "maintains",
    "emphasizes",
    "emphasises",
    "stresses",
    "asserts",
    "insists",
    "warns",
    "concludes",
    "proposes",
    "defines",
    "highlights",
    "discusses",
    "traces",
    "outlines",
    "reports",
    "finds",
    "found",
    "says",
    "said",
    "puts",
    "put",
    "points",
    "recalls",
    "admits",
    "cautions",
    "reminds",
    "observes",
    "calls",
    "characterizes",
    "characterises",
    "terms",
];

/// The author named in the text before `open` (back to `floor`): the
/// capitalised words just before a reporting verb, an adverb allowed
/// between ("Apprich compellingly describes"), with a co-author or a
/// particle ("Bell and Davis", "van der Woude"). A verb in the past tense
/// that no list names ("Bell and Davis later reassessed") finds a name
/// too, and says so: the second value is false, and such a page counts
/// only if the name resolves.
fn context_name(text: &str, floor: usize, open: usize) -> Option<(String, bool)> {
    let mut from = floor.min(open);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..open];
    let words: Vec<&str> = window
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    for v in (1..words.len()).rev() {
        let verb = words[v].trim_end_matches([',', ':', ';', '.']);
        // A reporting verb, or any verb in the past tense ("Bell and
        // Davis later reassessed …", "van der Woude started from …").
        let past = verb.len() > 4 && verb.ends_with("ed") && verb.chars().all(char::is_lowercase);
        if !VERBS.contains(&verb) && !past {
            continue;
        }
        let mut k = v;
        let adverb = |w: &str| {
            w.chars().all(char::is_lowercase)
                && (w.ends_with("ly") || matches!(w, "later" | "then" | "also" | "first" | "again"))
        };
        if k > 1 && adverb(words[k - 1]) {
            k -= 1;
        }
        let mut name: Vec<&str> = Vec::new();
        while k > 0 && name.len() < 5 {
            let w = words[k - 1];
            let clean = w.trim_end_matches(',');
            if clean.len() != w.len() && !name.is_empty() {
                break;
            }
            // "Bell and Davis", "van der Woude": a co-author, a particle.
            let joins = !name.is_empty()
                && (matches!(clean, "and" | "&") || PARTICLES.contains(&clean))
                && k > 1;
            if joins {
                name.insert(0, clean);
                k -= 1;
                continue;
            }
            if is_name_word(clean)
                && clean
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'))
                && !NOT_AUTHORS.contains(&clean)
                && !matches!(
                    clean,
                    "As" | "The"
                        | "He"
                        | "She"
                        | "They"
                        | "It"
                        | "Its"
                        | "His"
                        | "Her"
                        | "Their"
                        | "This"
                        | "That"
                        | "These"
                        | "Those"
                        | "We"
                        | "Our"
                        | "In"
                        | "On"
                )
            {
                name.insert(0, clean);
                k -= 1;
            } else {
                break;
            }
        }
        // A joining word must have a name before it.
        while name.first().is_some_and(|w| matches!(*w, "and" | "&")) {
            name.remove(0);
        }
        if !name.is_empty() {
            return Some((name.join(" "), VERBS.contains(&verb)));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisations_in_lower_case_with_versions_and_after_a_phrase() {
        for (src, name, year) in [
            (
                "x (see also xDEM contributors, 2021).",
                "xDEM contributors",
                "2021",
            ),
            (
                "x (RGI 7.0 Consortium, 2023, Sections 1–2).",
                "RGI 7.0 Consortium",
                "2023",
            ),
            (
                "x (e.g., the series of World Glacier Monitoring Service, 2021a).",
                "World Glacier Monitoring Service",
                "2021a",
            ),
            // Led by a digit, or in lower case and then capitalised.
            ("x (3GPP, 2023, Section 5.2).", "3GPP", "2023"),
            (
                "x (ns-3 Consortium 2023; cf. Zhao et al. 2024).",
                "ns-3 Consortium",
                "2023",
            ),
        ] {
            let c = one(src);
            assert_eq!(c.items[0].names, [name], "{src}");
            assert_eq!(c.items[0].year.as_deref(), Some(year), "{src}");
        }
        // A formula's variables, values in brackets, a pronoun before a
        // verb, a number and its unit: no citations.
        assert!(texts("M = f × Σ max(T, 0), (5)").is_empty());
        assert!(texts("the picture (3D, 2020 edition) and (5G, 2023)").is_empty());
        // "et" ends a line of an indented list item: the next line's
        // indent stands between "et" and "al.".
        let c = one("smoothing (Wahr et\n    al., 1998, p. 30221).");
        assert_eq!(c.items[0].names, ["Wahr"]);
        assert!(c.items[0].et_al);
        assert_eq!(c.items[0].year.as_deref(), Some("1998"));
        let c = one("With these models Rounce, Hock, Maussion,\net al. (80, fig. 2) projected");
        assert_eq!(c.items[0].names, ["Rounce", "Hock", "Maussion"]);
        assert!(c.items[0].et_al);
        // A title's own brackets are read past; a narrative citation's
        // year or locator inside a parenthesis is not.
        let c = one("x (Sartori, Dizionario degli editori musicali italiani\n(tipografi, incisori, librai-editori), cols. 140–146).");
        assert_eq!(
            c.items[0].title.as_deref(),
            Some("Dizionario degli editori musicali italiani")
        );
        assert_eq!(c.items[0].locator.as_deref(), Some("cols. 140–146"));
        let c = one("x (Lesure and Thibault, Bibliographie des éditions d’Adrian Le Roy et Robert Ballard (1551–1598) 7–19).");
        assert_eq!(c.items[0].locator.as_deref(), Some("7–19"));
        assert!(title_bracket("1551–1598") && title_bracket("tipografi, incisori"));
        assert!(
            !title_bracket("2025, table 1") && !title_bracket("sec. 4") && !title_bracket("1571")
        );
        let c = one("x (Cogley et al. 58; Zemp, Huss, et al., methods).");
        assert_eq!(c.items[1].names, ["Zemp", "Huss"]);
        assert_eq!(c.items[1].locator.as_deref(), Some("methods"));
        let c = one("x (Kaser et al. 47–55, eq.\n4.3; Zemp et al., sec. 2).");
        assert_eq!(c.items[0].names, ["Kaser"]);
        assert!(texts("three hidden layers of [40, 20, 10] neurons").is_empty());
        assert!(!texts("see [2, Nos. 1–174] there").is_empty());
    }

    fn texts(src: &str) -> Vec<String> {
        scan_text("t", src, &ScanOptions::all())
            .into_iter()
            .map(|c| c.text)
            .collect()
    }

    fn one(src: &str) -> Citation {
        let mut v = scan_text("t", src, &ScanOptions::all());
        assert_eq!(v.len(), 1, "{v:#?}");
        v.remove(0)
    }

    #[test]
    fn a_name_after_an_article_or_a_capitalised_word_is_weak_before_a_year() {
        // Institutions' dates (from a real table): they count only if the
        // list has such an author and year.
        for text in [
            "the Congregation of the Index (1571) met",
            "Holy Office (1542); Congregation",
        ] {
            assert!(one(text).weak, "{text}");
        }
        // A name alone before its year stays a citation, resolved or not.
        assert!(!one("as Cook (1972) pointed out").weak);
    }

    #[test]
    fn pages_that_look_like_years_stay_pages() {
        assert_eq!(
            split_years("Palmer 2017a, 2017b"),
            ("Palmer 2017a", vec!["2017b".to_owned()])
        );
        assert_eq!(
            split_years("He et al. 2016a, 2016b"),
            ("He et al. 2016a", vec!["2016b".to_owned()])
        );
        assert_eq!(
            split_years("Wu 2005a, 2005b, 2005c"),
            ("Wu 2005a", vec!["2005b".to_owned(), "2005c".to_owned()])
        );
        let (_, years) = split_years("Kohler et al. 2020, 1763–1764, 1770–1772");
        assert!(years.is_empty());
        assert!(texts("parameters τ_(c) and P_(d) (Wu 2005)") == ["(Wu 2005)"]);
        let (head, years) = split_years("Kohler et al., 2020, pp. 1763–1764, 1770–1772");
        assert_eq!(head, "Kohler et al., 2020, pp. 1763–1764, 1770–1772");
        assert!(years.is_empty());
        let c = one("shaking (Kohler et al., 2020, pp. 1763–1764, 1770–1772).");
        assert_eq!(c.items.len(), 1);
        assert_eq!(
            c.items[0].locator.as_deref(),
            Some("pp. 1763–1764, 1770–1772")
        );
    }

    #[test]
    fn figure_credits_and_table_locators() {
        let c = one("survive (drawing after Spencer, 1998, pp. 38–40, fig. 13).");
        assert_eq!(c.items[0].names, ["Spencer"]);
        assert_eq!(c.items[0].year.as_deref(), Some("1998"));
        let c = one("as Given et al. (2018, tables 2 and 3) list.");
        assert_eq!(c.items[0].locator.as_deref(), Some("tables 2 and 3"));
        // Lower-case words that introduce no citation still keep out.
        assert!(texts("models (such as Hugging Face, AWS) run").is_empty());
    }

    #[test]
    fn credits_over_a_line_break_and_a_year_that_goes_on_citing() {
        let v = scan_text(
            "t",
            "surveillance systems (adapted from\n  Tacconelli et al., 2018, pp. 100–102; and World Health Organization,\n  2022a, annex 2).",
            &ScanOptions::all(),
        );
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].items[0].names, ["Tacconelli"]);
        assert_eq!(v[0].items[1].names, ["World Health Organization"]);
        let c = one("maps (compiled from Harley & Woodward, 1987) show");
        assert_eq!(c.items[0].names, ["Harley", "Woodward"]);
        // A year and pages alone cite the work of that year cited just
        // before; without one, they are no citation.
        let v = scan_text(
            "t",
            "mapping (Edney, 2019, 1). It did not exist until the survey (2019, pp. 45–60, 107).",
            &ScanOptions::all(),
        );
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[1].items[0].names, ["Edney"]);
        assert_eq!(v[1].items[0].locator.as_deref(), Some("pp. 45–60, 107"));
        assert!(texts("the survey (2019, pp. 45–60, 107).").is_empty());
        // So they do before more works of the group.
        let v = scan_text(
            "t",
            "mapping (Edney, 2019, 1). It did not exist (2019, p. 45; see also Harley, 1987).",
            &ScanOptions::all(),
        );
        assert_eq!(v.len(), 2, "{v:#?}");
        let names: Vec<_> = v[1].items.iter().map(|i| i.names.join(" ")).collect();
        assert_eq!(names, ["Edney", "Harley"]);
        assert_eq!(v[1].items[0].locator.as_deref(), Some("p. 45"));
        // MLA: pages alone, no name since, cite the one work cited just
        // before; a lone number is an enumeration.
        let v = scan_text(
            "t",
            "his own account (Smeaton iii–viii). It describes the lime that they paid for (87–94, 189). Then (2) the lamps.",
            &ScanOptions::for_style(Style::Mla),
        );
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[1].items[0].names, ["Smeaton"]);
        assert_eq!(v[1].items[0].locator.as_deref(), Some("87–94, 189"));
    }

    #[test]
    fn divisions_remarks_and_prefix_phrases_after_a_year() {
        let c = one("the code (Dennis et al., 2002, pp. 4459–4463; Fowler et al., 2012, eq. 11).");
        assert_eq!(c.items.len(), 2, "{c:#?}");
        assert_eq!(c.items[1].locator.as_deref(), Some("eq. 11"));
        let c = one("as (Higgott,\n2022, Sections 2–3) shows");
        assert_eq!(c.items[0].names, ["Higgott"]);
        let c = one("tables (compiled from da Silva et al. 2024 and the sources listed).");
        assert_eq!(c.items[0].year.as_deref(), Some("2024"));
        let c = one("(for a review see Infelise 1999,\n131–154; Caravale 2011, among others)");
        assert_eq!(c.items[0].names, ["Infelise"]);
        assert_eq!(c.items[1].names, ["Caravale"]);
        // A label at a line's end, a phrase that names a place on its way
        // to "see", a division word alone after a narrative year.
        let c = one(
            "(Baldini & Spruit, 2009, pp.\n1:lxi–lxxx; for the Spanish parallel see Pardo Tomás, 1991, pp. 45–58)",
        );
        assert_eq!(c.items[0].locator.as_deref(), Some("pp. 1:lxi–lxxx"));
        assert_eq!(c.items[1].names, ["Pardo Tomás"]);
        let c = one("is given in Siebert\n(1952, appendix). Dates");
        assert_eq!(c.items[0].locator.as_deref(), Some("appendix"));
        // Another work's year, or a quotation, is no remark.
        assert!(texts("(Smith 2010, then revised 2014 by others)").is_empty());
    }

    #[test]
    fn an_anonymous_work_cited_by_its_title_and_year() {
        let c = one("the first index (Index auctorum, et librorum, 1559, fols. A2r–A4v).");
        assert!(c.items[0].names.is_empty());
        assert_eq!(
            c.items[0].title.as_deref(),
            Some("Index auctorum, et librorum")
        );
        assert_eq!(c.items[0].year.as_deref(), Some("1559"));
        assert_eq!(c.items[0].locator.as_deref(), Some("fols. A2r–A4v"));
        // Without a name it counts only if an entry has that title.
        assert!(c.weak);
        // Prose in brackets with a year and no title-like head stays out.
        assert!(parse_dated_title("in the winter of 1559, fols. 3").is_none());
    }

    #[test]
    fn articles_of_a_law_and_questions_of_evidence_are_locators() {
        let c = one("x (Select Committee on Canals, q. 3114–3120; Brown 17–19)");
        assert_eq!(c.items[0].locator.as_deref(), Some("q. 3114–3120"));
        assert_eq!(
            parse_locator_only("arts. 1–12").map(|l| l.0).as_deref(),
            Some("arts. 1–12")
        );
    }

    #[test]
    fn a_remark_after_a_locator_without_a_comma() {
        let c =
            one("x (see Survey Office of the Territories, 1874, Section 2 for the 1870 season)");
        assert_eq!(c.items[0].locator.as_deref(), Some("Section 2"));
        assert_eq!(c.items[0].note.as_deref(), Some("for the 1870 season"));
        let c = one("x (Survey Office of the Territories, sec. 2 for the 1870 season)");
        assert_eq!(c.items[0].locator.as_deref(), Some("sec. 2"));
        // A year of its own in the remark is another work's.
        assert_eq!(locator_then_remark("Section 2 for Smith 1870"), None);
        assert_eq!(
            locator_then_remark("Section 2 for the 1870–1871 seasons"),
            None
        );
        // No locator before it, no remark.
        assert_eq!(locator_then_remark("maps for the 1870 season"), None);
    }

    #[test]
    fn folios_recto_and_verso_and_an_archive_s_boxes_are_locators() {
        for (s, want) in [
            ("1:3r–5v", "1:3r–5v"),
            ("box 3, no. 47", "box 3, no. 47"),
            ("box 3, nos. 12–15", "box 3, nos. 12–15"),
            ("fols. 3r–10v, emphasis in original", "fols. 3r–10v"),
            // An early book's signatures.
            ("sig. a1v", "sig. a1v"),
            ("sigs. A2r–A4v", "sigs. A2r–A4v"),
            ("sig. Bb3", "sig. Bb3"),
            ("pl. 3, pl. 8", "pl. 3, pl. 8"),
        ] {
            assert_eq!(
                parse_locator_only(s).map(|l| l.0).as_deref(),
                Some(want),
                "{s}"
            );
        }
        // A word that runs on is no folio.
        assert!(parse_locator_only("3rd").is_none());
        // A signature is letters, a leaf and its side, and only after its
        // label.
        assert!(parse_locator_only("sig. Aardvark").is_none());
        assert!(parse_locator_only("a1v").is_none());
        let c = one("x (Kaibara 1:3r–5v; Rijksherbarium, box 3, no. 47)");
        assert_eq!(c.items.len(), 2);
    }

    #[test]
    fn an_anonymous_title_with_an_elided_article_or_dates_of_its_own() {
        // Made-up works.
        let c = one("x (’s Rijks Hortus te Leiden, 1890, pp. 1–34)");
        assert_eq!(
            c.items[0].title.as_deref(),
            Some("’s Rijks Hortus te Leiden")
        );
        let c = one("x (Hortus Leiden, 8 Mei 1590–8 Mei 1890, 1890, pp. 1–34)");
        assert_eq!(
            c.items[0].title.as_deref(),
            Some("Hortus Leiden, 8 Mei 1590–8 Mei 1890")
        );
        assert_eq!(c.items[0].year.as_deref(), Some("1890"));
        // Without an earlier year, digits in a title are not a date's.
        assert!(texts("x (Hortus Leiden 8 beds, 1890, pp. 1–34)").is_empty());
    }

    #[test]
    fn an_anonymous_work_with_an_alternative_title_or_a_long_one() {
        // Made-up works. "Title; or, Subtitle": the title's own semicolon
        // parts no items.
        let c = one("x (Brown, 2005, p. 3; The Modern Clerk; or, Polite Secretary of Letters, 1756, pp. 1–8)");
        assert_eq!(c.items.len(), 2, "{:#?}", c.items);
        assert_eq!(
            c.items[1].title.as_deref(),
            Some("The Modern Clerk; or, Polite Secretary of Letters")
        );
        assert_eq!(c.items[1].year.as_deref(), Some("1756"));
        let c = one("x (The Modern Clerk; or, Polite Secretary of Letters 1–8; Brown 98–110)");
        assert_eq!(c.items.len(), 2, "{:#?}", c.items);
        assert_eq!(c.items[0].locator.as_deref(), Some("1–8"));
        // An undated one, and a long Spanish title.
        let c = one("x (Gómez, 2006, p. 2; Nuevo modo y arte de escribir cartas a los amigos y a los señores de todas las provincias del reino, n.d., pp. 1–16)");
        assert_eq!(c.items.len(), 2, "{:#?}", c.items);
        assert_eq!(c.items[1].year.as_deref(), Some("n.d."));
        assert_eq!(c.items[1].locator.as_deref(), Some("pp. 1–16"));
        // A whole title of 25 words with commas, then its year and page.
        let c = one("by buyers (Instruction sur les mesures déduites de la grandeur de la terre, uniformes pour toute la République, et sur les calculs relatifs à leur division décimale, 1794, p. 27).");
        assert_eq!(c.items[0].year.as_deref(), Some("1794"));
        assert_eq!(c.items[0].locator.as_deref(), Some("p. 27"));
    }

    #[test]
    fn double_brackets_hold_no_citation_but_a_bracket_with_its_pages_does() {
        assert!(texts("the [[7,1,3]] Steane code and a [[12,2,4]] code").is_empty());
        let c = one("the provinces [[45], 1:440–471; 2:662–698]. The system");
        assert_eq!(c.items[0].number, Some(45));
        assert_eq!(texts("architecture [1, Sec. III.B]."), ["[1, Sec. III.B]"]);
    }

    #[test]
    fn circa_years_after_a_short_title_leave_the_locator() {
        let c = one("as argued (see Webb, Medieval European Pilgrimage, c.700–c.1500 1–9).");
        assert_eq!(c.items[0].locator.as_deref(), Some("1–9"));
        assert!(c.items[0].names.iter().any(|n| n == "Webb"));
    }

    #[test]
    fn a_spanish_double_surname_is_read_as_names() {
        let c = one("edited (Díaz y Díaz, 1988, pp. 35–40).");
        assert_eq!(c.items[0].names, ["Díaz", "Díaz"]);
        assert_eq!(c.items[0].year.as_deref(), Some("1988"));
    }

    #[test]
    fn mla_forms() {
        let c = one("a claim (Benjamin 183).");
        assert_eq!(c.items[0].names, ["Benjamin"]);
        assert_eq!(c.items[0].locator.as_deref(), Some("183"));
        let c = one("x (O'Neil; Eubanks) y");
        assert_eq!(c.items.len(), 2);
        assert_eq!(c.items[1].names, ["Eubanks"]);
        let c = one("x (Apprich, *Technotopia* 90).");
        assert_eq!(c.items[0].title.as_deref(), Some("Technotopia"));
        let c = one("x (Srnicek, “Data, Compute, Labor” 242).");
        assert_eq!(c.items[0].title.as_deref(), Some("Data, Compute, Labor"));
        assert_eq!(c.items[0].locator.as_deref(), Some("242"));
        let c = one("x (West et al. 6)");
        assert!(c.items[0].et_al);
        let c = one("x (Tkacz 24, cited after Raymond).");
        assert_eq!(c.items[0].note.as_deref(), Some("cited after Raymond"));
        let c = one("x (Dyer-Witthof, Kjosen and Steinhoff 43).");
        assert_eq!(c.items[0].names, ["Dyer-Witthof", "Kjosen", "Steinhoff"]);
        let c = one("x (van Dijck, *Cultures of Connectivity* 6)");
        assert_eq!(c.items[0].names, ["van Dijck"]);
        let c = one("x (Costanza Chock 11-12).");
        assert_eq!(c.items[0].names, ["Costanza Chock"]);
        assert_eq!(c.items[0].locator.as_deref(), Some("11-12"));
    }

    #[test]
    fn ibid_and_title_only() {
        let c = one("x (ibid. 91).");
        assert!(c.items[0].ibid);
        assert_eq!(c.items[0].locator.as_deref(), Some("91"));
        assert!(one("x (ibid.)").items[0].ibid);
        let c = one("Clemens Apprich considers this: “quote” (*Technotopia* 144)");
        assert_eq!(c.items[0].title.as_deref(), Some("Technotopia"));
        assert_eq!(c.items[0].context_name.as_deref(), Some("Clemens Apprich"));
    }

    #[test]
    fn narrative_with_reporting_verb() {
        let c = one("As Marcus Burkhardt details, this is so:\n\n“A long quote.” (211)");
        assert_eq!(c.form, Form::Narrative);
        assert_eq!(c.items[0].context_name.as_deref(), Some("Marcus Burkhardt"));
        let c = one("Apprich compellingly describes it: “quote” (37)");
        assert_eq!(c.items[0].context_name.as_deref(), Some("Apprich"));
        // An enumeration has no author nearby.
        assert!(texts("four kinds: (1) use, (2) development").is_empty());
    }

    #[test]
    fn apa_forms() {
        let c = one("as shown (Noble, 2018, p. 4).");
        assert_eq!(c.items[0].year.as_deref(), Some("2018"));
        assert_eq!(c.items[0].locator.as_deref(), Some("p. 4"));
        let c = one("Noble (2018) argues");
        assert_eq!(c.form, Form::Narrative);
        assert_eq!(c.text, "Noble (2018)");
        let c = one("(Bender et al., 2021; Gebru 2020)");
        assert_eq!(c.items[0].year.as_deref(), Some("2021"));
        assert_eq!(c.items[1].names, ["Gebru"]);
        let c = one("Bender and Gebru (2021a) say");
        assert_eq!(c.items[0].names, ["Bender", "Gebru"]);
    }

    #[test]
    fn numeric_forms() {
        let c = one("see [12].");
        assert_eq!(c.items[0].number, Some(12));
        let v = scan_text("t", "x [7], [15]–[18] y", &ScanOptions::all());
        assert_eq!(v.len(), 2);
        let n: Vec<_> = v[1].items.iter().filter_map(|i| i.number).collect();
        assert_eq!(n, [15, 16, 17, 18]);
        let c = one("x [3, 5-7] y");
        let n: Vec<_> = c.items.iter().filter_map(|i| i.number).collect();
        assert_eq!(n, [3, 5, 6, 7]);
        assert!(texts("[link](http://x) [2019] [w]e [...]").is_empty());
    }

    #[test]
    fn footnotes() {
        let c = one("biased outputs,3 and in automated");
        assert_eq!(c.form, Form::Footnote);
        assert_eq!(c.items[0].number, Some(3));
        assert_eq!(c.span.column, 16);
        assert!(texts("raised $ 160,2 million; 5.000 orgs; Web 2.0 era; 22:30 min").is_empty());
        let c = one("outputs,³ and more");
        assert_eq!(c.items[0].number, Some(3));
        let v = scan_text(
            "t",
            "outputs³ and bias¹² too, x² + y = 1",
            &ScanOptions::all(),
        );
        let n: Vec<_> = v.iter().filter_map(|c| c.items[0].number).collect();
        assert_eq!(n, [3, 12]);
        // A variable's exponent in prose.
        assert!(texts("with mean-square pressure p² is and energy e³ here").is_empty());
        let c = one("a claim[^note] more\n\n[^note]: The note.");
        assert_eq!(c.items[0].label.as_deref(), Some("note"));
    }

    #[test]
    fn not_citations() {
        let src = "intelligence (AI) and machine learning (ML) with Amazon Web Services (AWS). \
            In *From Counterculture to Cyberculture* (2006), he traces. \
            (see, for instance, IBM, Microsoft, and Meta) (such as data sets, cloud storage) \
            the version (publisher's PDF) (like Creative Commons) [text](https://doi.org/10.1) \
            (https://example.org) (as in his notion of the *cathedral*) (e.g. Backspace, Centre) \
            (2.2.1) (Figure 3)";
        let opts = ScanOptions::for_style(Style::Mla);
        // Acronyms stay weak: they count only if an author has that name.
        let found: Vec<_> = scan_text("t", src, &opts)
            .into_iter()
            .filter(|c| !c.weak)
            .collect();
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn cover_page_reference_is_not_narrative() {
        assert!(texts("Luchs, I. (2023). AI for All?").is_empty());
    }

    #[test]
    fn mla_documents_drop_title_years() {
        let src = "A claim (Benjamin 183). Raymond’s *Cathedral* (2001) and Turner (2006) say.";
        let found = scan_text("t", src, &ScanOptions::all());
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    #[test]
    fn line_breaks_and_organisations() {
        let c = one("x (Wagner et\nal. 58) y");
        assert!(c.items[0].et_al);
        let c = one("x (National Institute of Standards and\nTechnology, 1985) y");
        assert_eq!(
            c.items[0].names,
            ["National Institute of Standards", "Technology"]
        );
        let c = one("as Hill et al.\n(2024) show");
        assert_eq!(c.items[0].names, ["Hill"]);
        assert!(one("a (OECD).").weak);
    }

    #[test]
    fn year_spans_particles_prefixes_and_parts() {
        let read = |s: &str| {
            let i = parse_item(s).unwrap_or_else(|| panic!("{s}"));
            (i.names, i.year, i.locator)
        };
        let (names, year, locator) = read("wwPDB consortium, 2019, p. D521");
        assert_eq!(names, ["wwPDB consortium"]);
        assert_eq!(year.as_deref(), Some("2019"));
        assert_eq!(locator.as_deref(), Some("p. D521"));
        // A year inside an organisation's name, after its acronym.
        let (names, year, locator) = read("GBD 2019 Risk Factors Collaborators, 2020, p. 1230");
        assert_eq!(names, ["GBD 2019 Risk Factors Collaborators"]);
        assert_eq!(year.as_deref(), Some("2020"));
        assert_eq!(locator.as_deref(), Some("p. 1230"));
        let (names, year, _) = read("OECD 2019");
        assert_eq!(names, ["OECD"]);
        assert_eq!(year.as_deref(), Some("2019"));
        let (names, year, _) = read("de Vries & van der Woude, 1997, p. 630");
        assert_eq!(names, ["de Vries", "van der Woude"]);
        assert_eq!(year.as_deref(), Some("1997"));
        // A work published over years is cited by its first.
        let (_, year, locator) = read("Houbraken, 1718–1721, Volume 2, p. 118");
        assert_eq!(year.as_deref(), Some("1718"));
        assert_eq!(locator.as_deref(), Some("Volume 2, p. 118"));
        let (_, year, locator) = read("Mander [1604] 1994–1999, vol. 1, pp. 76–79");
        assert_eq!(year.as_deref(), Some("1994"));
        assert_eq!(locator.as_deref(), Some("vol. 1, pp. 76–79"));
        assert_eq!(read("quoted in North, 1992/1997, p. 88").0, ["North"]);
        assert_eq!(read("see van der Woude 1991").0, ["van der Woude"]);
        assert_eq!(
            read("U.S. Environmental Protection Agency, 2019, app. 3")
                .2
                .as_deref(),
            Some("app. 3")
        );
        // Pages far apart are no span of years.
        assert!(parse_item("Smith, 1755–1957").is_none_or(|i| i.year.is_none()));
        // A variable's exponent in a formula is no note.
        assert!(texts("P = G_(t)² G_(tag)² λ⁴ |ΔΓ|²/((4π)⁴ d⁴)").is_empty());
        // A unit's exponent is no note; a word's superscript is.
        let notes = |t: &str| scan_text("t", t, &ScanOptions::all()).len();
        assert_eq!(notes("each 10 µg/m³ of PM and 50 km² of land"), 0);
        assert_eq!(notes("as the outputs³ show"), 1);
        // Nor is a bracket's exponent in a formula; a note after a
        // parenthesis in prose is one.
        assert_eq!(notes("CRPS(F,y) = ∫(F(x)−1{x≥y})² dx, which"), 0);
        assert_eq!(notes("the outputs (in 2019)³ show"), 1);
        // A page after a name and any verb in the past tense: weak.
        let c = one("Bell and Davis later reassessed the toll. It was twelve thousand (392).");
        assert_eq!(c.items[0].context_name.as_deref(), Some("Bell and Davis"));
        assert!(c.weak);
        let c = one("As Apprich describes, the net is old (12).");
        assert!(!c.weak);
        // "and colleagues" is "et al."; an ordinal is a title's word.
        let c = one("Deryugina and colleagues (392) found");
        assert!(c.items[0].et_al && c.items[0].names == ["Deryugina"]);
        let c = one("Deryugina and colleagues (4180) found");
        assert_eq!(c.items[0].locator.as_deref(), Some("4180"));
        assert!(c.items[0].et_al && c.items[0].names == ["Deryugina"]);
        let c = one("x (see also Montias, Art at Auction in 17th Century Amsterdam, ch. 7) y");
        assert_eq!(c.items[0].locator.as_deref(), Some("ch. 7"));
    }

    #[test]
    fn notes_on_pages_and_short_forms_in_titles() {
        let items = |t: &str| -> Vec<CiteItem> {
            scan_text("t", t, &ScanOptions::all())
                .into_iter()
                .flat_map(|c| c.items)
                .collect()
        };
        // "183n4": a note on a page, in a group that goes on after it.
        let i = items("(Castles et al. 183n4; Rapoport and Docquier 1138)");
        assert_eq!(i.len(), 2, "{i:#?}");
        assert_eq!(i[0].locator.as_deref(), Some("183n4"));
        // "(PyBaMM)" inside a short title, and "et al." before the title.
        let i = items(
            "(Sulzer et al., Python Battery Mathematical Modelling\n(PyBaMM); Sulzer et al., PyBaMM)",
        );
        assert_eq!(i.len(), 2, "{i:#?}");
        assert!(i.iter().all(|i| i.et_al && i.names == ["Sulzer"]));
        assert_eq!(i[1].title.as_deref(), Some("PyBaMM"));
        // A short form with a hyphen and digits, in an organisation's title.
        let i = items(
            "(World Health Organization, Report of the Joint Mission on\nCoronavirus Disease 2019 (COVID-19), 16–24 February 2020 8–12)",
        );
        assert_eq!(i.len(), 1, "{i:#?}");
        assert_eq!(i[0].names, ["World Health Organization"]);
        // A title's double date in brackets.
        let i = items(
            "(Archives General Directorate, Register of the province (937/1530), vol. 1, pp. 1–9)",
        );
        assert_eq!(i.len(), 1, "{i:#?}");
        assert_eq!(i[0].names[0], "Archives General Directorate");
        // A word in brackets of one capital is no short form, but a part
        // of the title after the author's name.
        let i = items("(Smith, A Title (Part) 4)");
        assert_eq!(i[0].names[0], "Smith", "{i:#?}");
        assert_eq!(i[0].locator.as_deref(), Some("4"));
    }

    #[test]
    fn a_family_name_that_is_also_a_label() {
        let names = |t: &str| -> Vec<Vec<String>> {
            scan_text("t", t, &ScanOptions::all())
                .iter()
                .flat_map(|c| c.items.iter().map(|i| i.names.clone()))
                .collect()
        };
        assert_eq!(names("(Adams & Page, 2005)"), [["Adams", "Page"]]);
        assert_eq!(names("(Adams and Page 2005, 1646)"), [["Adams", "Page"]]);
        assert_eq!(names("(Page, 2019)"), [["Page"]]);
        // After "and", with nothing after it, it is the second author.
        assert_eq!(
            names("(Yang, “Migrant Remittances”; Adams and Page; Suri and Jack)")[1],
            ["Adams", "Page"]
        );
        // A month after "and" is the second author, with or without pages.
        assert_eq!(names("(Anderson & May, 1991, 2)"), [["Anderson", "May"]]);
        assert_eq!(names("(Anderson and May 1991, 4)"), [["Anderson", "May"]]);
        assert_eq!(names("(Anderson and May 17–23)"), [["Anderson", "May"]]);
        // Before a number it is a label.
        assert!(names("(Page 14)").is_empty());
        assert!(names("(Table 2; Smith 2020)")
            .iter()
            .all(|n| n != &["Table"]));
    }

    #[test]
    fn an_acronym_in_brackets_inside_a_citation() {
        let t = "(International Organization for\nMigration (IOM), 2021, 2; World Bank, n.d.)";
        let v = scan_text("t", t, &ScanOptions::all());
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].text, t);
        let names: Vec<_> = v[0].items.iter().map(|i| i.names.join("|")).collect();
        assert_eq!(
            names,
            ["International Organization for Migration", "World Bank"]
        );
        assert_eq!(v[0].items[0].year.as_deref(), Some("2021"));
        // Other brackets inside brackets stay no citation.
        assert!(scan_text("t", "(Smith (see above), 2020)", &ScanOptions::all()).is_empty());
        // A treaty's or event's name, a mission's years, a date opened by a
        // preposition of time: weak or no citations.
        let v = scan_text(
            "t",
            "The Treaty of Tianjin (1858) set the rules.",
            &ScanOptions::all(),
        );
        assert!(v.iter().all(|c| c.weak), "{v:#?}");
        let v = scan_text(
            "t",
            "gravimetry (GRACE, 2002–2017) and",
            &ScanOptions::all(),
        );
        assert!(v.iter().all(|c| c.weak), "{v:#?}");
        assert!(scan_text(
            "t",
            "its follow-on (GRACE-FO, since 2018).",
            &ScanOptions::all()
        )
        .is_empty());
        let v = scan_text("t", "as argued (Smith, 2002–2017).", &ScanOptions::all());
        assert!(v.iter().any(|c| !c.weak), "{v:#?}");
        // Pages of four digits are no span of years.
        let v = scan_text(
            "t",
            "as shown (NASA, 2020, pp. 1763–1764).",
            &ScanOptions::all(),
        );
        assert!(v.iter().any(|c| !c.weak), "{v:#?}");
        // A qualifier of an organisation's name, the year straight after it.
        let t = "(British Museum (Natural History) 1904–1912, 1:79–96)";
        let v = scan_text("t", t, &ScanOptions::all());
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].items[0].names, ["British Museum"]);
        assert_eq!(v[0].items[0].year.as_deref(), Some("1904"));
        assert!(scan_text("t", "(Smith (see above) 2020)", &ScanOptions::all()).is_empty());
    }

    #[test]
    fn reprints_volumes_notes_and_lower_case_names() {
        let one = |t: &str| {
            let v = scan_text("t", t, &ScanOptions::all());
            assert_eq!(v.len(), 1, "{t}: {v:#?}");
            v[0].items[0].clone()
        };
        // A reprint's two years: the edition's is the year.
        let i = one("as McKenzie ([1986] 1999, 13) put it");
        assert_eq!(
            (i.year.as_deref(), i.original_year.as_deref()),
            (Some("1999"), Some("1986"))
        );
        let i = one("(Ebbinghaus, 1913/1964, 7)");
        assert_eq!(
            (i.year.as_deref(), i.original_year.as_deref()),
            (Some("1964"), Some("1913"))
        );
        assert_eq!(i.locator.as_deref(), Some("7"));
        // Volume and page, a note on a page (after a no-break space), figures.
        let i = one("(Eisenstein 1979, vols. 2, 101)");
        assert_eq!(i.locator.as_deref(), Some("vols. 2, 101"));
        let i = one("M. Walker\n(2017, p. 346 n.\u{a0}14)");
        assert_eq!(i.locator.as_deref(), Some("p. 346 n.  14"));
        let i = one("(Wilson and McNaughton, fig. 3)");
        assert_eq!(i.locator.as_deref(), Some("fig. 3"));
        let v = scan_text("t", "x [12, Vols. 1, 85–98] y", &ScanOptions::all());
        assert_eq!(v[0].items[0].number, Some(12));
        // A name in lower case marked by its hyphen: weak, kept if it resolves.
        let v = scan_text("t", "(e-codices, n.d.)", &ScanOptions::all());
        assert_eq!(v[0].items[0].names, ["e-codices"]);
        assert!(v[0].weak);
        assert!(scan_text("t", "(see below, 2019)", &ScanOptions::all()).is_empty());
        // "et al." alone makes a parenthetical a citation.
        assert!(!scan_text("t", "(Marshall et al.)", &ScanOptions::all())[0].weak);
        // Two names and a page: MLA's narrative citation, weak.
        let v = scan_text(
            "t",
            "as Dieklemann and Born (118) show",
            &ScanOptions::all(),
        );
        assert_eq!(v[0].items[0].names, ["Dieklemann", "Born"]);
        assert!(v[0].weak);
    }

    #[test]
    fn unquoted_short_titles() {
        let c = one("x (Kitchin, Automated Archives and the 132) y");
        assert_eq!(c.items[0].names, ["Kitchin"]);
        assert_eq!(
            c.items[0].title.as_deref(),
            Some("Automated Archives and the")
        );
        assert!(texts("x (see, for instance, Google’s Vertex AI) y").is_empty());
        // Without a page or a name: weak, so an aside in capitals counts
        // only if an entry has that title.
        let c = one("x (Wickham, “Tidy Data”; Wickham, Advanced r) y");
        assert_eq!(c.items[1].names, ["Wickham"]);
        assert_eq!(c.items[1].title.as_deref(), Some("Advanced r"));
        assert!(c.weak);
        let c = one("in a book (Advanced r 45).");
        assert!(c.items[0].names.is_empty());
        assert_eq!(c.items[0].title.as_deref(), Some("Advanced r"));
        assert_eq!(c.items[0].locator.as_deref(), Some("45"));
        assert!(c.weak);
        let c = one("a layout (“Tidy Data”).");
        assert_eq!(c.items[0].title.as_deref(), Some("Tidy Data"));
        assert!(c.weak);
        assert!(!one("x (Kitchin, Automated Archives and the 132) y").weak);
        assert!(texts("as in (Figure 3) or (Python, version 3)").is_empty());
        assert!(texts("(Open Science Collaboration aac4716–4)").is_empty());
    }

    #[test]
    fn weak_names_are_marked() {
        let c = one("a company (Crunchbase).");
        assert!(c.weak);
        assert!(!one("x (Benjamin 183)").weak);
    }

    #[test]
    fn spans_are_lines_and_columns() {
        let v = scan_text(
            "p",
            "line one\nsee it (Benjamin 183)\n",
            &ScanOptions::all(),
        );
        assert_eq!((v[0].span.line, v[0].span.column), (2, 8));
        assert_eq!(v[0].span.path, "p".into());
    }

    #[test]
    fn hostile_input_does_not_panic() {
        for s in [
            "(",
            "[",
            "[1-",
            "(ibid",
            "ü(ö",
            "[^",
            "a,1",
            "(*x",
            "[99999999999]",
            "x,ü1 ",
        ] {
            let _ = scan_text("t", s, &ScanOptions::all());
        }
    }

    #[test]
    fn organisations_with_abbreviations() {
        let c = one("as shown (U.S. Coastal Survey Agency 3).");
        assert_eq!(c.items[0].names, ["U.S. Coastal Survey Agency"]);
        assert_eq!(c.items[0].locator.as_deref(), Some("3"));
        let c = one("as shown (Dept. of Roads 4).");
        assert_eq!(c.items[0].names, ["Dept. of Roads"]);
        assert!(c.items[0].title.is_none());
        let c = one("as shown (St. Olaf Rowing Club 2; Acme Inc. 7).");
        let names: Vec<_> = c.items.iter().map(|i| i.names.clone()).collect();
        assert_eq!(names, [["St. Olaf Rowing Club"], ["Acme Inc."]]);
    }

    #[test]
    fn long_organisations_and_indented_wraps() {
        // "of the" inside a name: two connectors, then a capitalised word.
        let c = one("x (Board and Council of the Hill Districts, 2018, pp. 5–7).");
        assert_eq!(c.items[0].names, ["Board", "Council of the Hill Districts"]);
        assert_eq!(c.items[0].locator.as_deref(), Some("pp. 5–7"));
        // A caption's continuation line keeps its indent inside a name.
        let c = one("  : Table (Ames, 2020; Upland\n  Rivers Survey Office, 2019).");
        assert_eq!(c.items[1].names, ["Upland Rivers Survey Office"]);
        assert_eq!(c.items[1].year.as_deref(), Some("2019"));
    }

    #[test]
    fn a_month_is_a_name_when_an_author_follows() {
        let c = one("Water use fell (March and Okafor 2012, 118).");
        assert_eq!(c.items[0].names, ["March", "Okafor"]);
        assert_eq!(c.items[0].locator.as_deref(), Some("118"));
        let c = one("as March & Okafor (2012) show");
        assert_eq!(c.items[0].names, ["March", "Okafor"]);
        // A date stays a date.
        assert!(scan_text("t", "The dam opened (March 2012).", &ScanOptions::all()).is_empty());
    }

    #[test]
    fn initials_before_a_later_name() {
        let c = &scan_text(
            "t",
            "(Neumark and W. L. Wascher 37–40)",
            &ScanOptions::all(),
        )[0];
        assert_eq!(c.items[0].names, ["Neumark", "Wascher"]);
        assert_eq!(c.items[0].later_initials, [(1, "WL".to_owned())]);
        assert_eq!(c.items[0].initials, None);
        let c = &scan_text("t", "(E. J. Hobsbawm 1990, 12)", &ScanOptions::all())[0];
        assert_eq!(c.items[0].initials.as_deref(), Some("EJ"));
    }

    #[test]
    fn initials_before_a_name() {
        let t = "as P. Hinrichs (2010) and C.C. Hinrichs or Dr. Hinrichs";
        assert_eq!(
            initials_before(t, t.find("Hinrichs").unwrap()).as_deref(),
            Some("P")
        );
        let second = t.find("C.C.").unwrap() + 5;
        assert_eq!(initials_before(t, second).as_deref(), Some("CC"));
        assert_eq!(initials_before(t, t.rfind("Hinrichs").unwrap()), None);
        // A hyphenated given name's initials.
        let t = "and H.-P. Schmidt et al.";
        assert_eq!(
            initials_before(t, t.find("Schmidt").unwrap()).as_deref(),
            Some("HP")
        );
        let c = one("as P. Hinrichs (2010) shows");
        assert_eq!(c.items[0].initials.as_deref(), Some("P"));
    }

    #[test]
    fn articles_wrapped_ands_and_pages_that_look_like_years() {
        let c = one("as agreed (UNESCO, art. 7), but");
        assert_eq!(c.items[0].locator.as_deref(), Some("art. 7"));
        let c = one(
            "  : Two readings (Card and Krueger 1994, 780; Neumark\n  and Wascher 2000, 1390).",
        );
        assert_eq!(c.items[1].names, ["Neumark", "Wascher"]);
        let c = one("the soft path (Gleick 2003, 1526).");
        assert_eq!(c.items.len(), 1, "{c:#?}");
        assert_eq!(c.items[0].locator.as_deref(), Some("1526"));
        // Years in order are each a work.
        let c = one("as before (Gleick 1993, 2003).");
        assert_eq!(c.items.len(), 2);
    }

    #[test]
    fn a_citation_bracketed_inside_parentheses() {
        // MLA and APA bracket a citation inside parentheses.
        let c = one("the provinces [H.-J. Martin, 1:440–471;\n2:662–698]. The");
        assert_eq!(c.form, Form::Parenthetical);
        assert_eq!(c.items.len(), 1, "a locator alone is more of the same work");
        assert_eq!(c.items[0].names, ["Martin"]);
        assert_eq!(c.items[0].initials.as_deref(), Some("HJ"));
        assert_eq!(c.items[0].locator.as_deref(), Some("1:440–471; 2:662–698"));
        let c = one("(Beck Depression Inventory [BDI; Beck et al., 1996]) was used");
        assert_eq!(c.text, "[BDI; Beck et al., 1996]");
        assert_eq!(c.items.last().unwrap().year.as_deref(), Some("1996"));
        // A link's text, a note marker and an editor's gloss are not.
        assert!(texts("see [Smith 2000](https://example.org/smith) here").is_empty());
        assert!(texts("as reported.[4] Then")
            .iter()
            .all(|t| !t.contains("Smith")));
        assert!(texts("the word [Sic] again").is_empty());
        assert!(texts("archives [First Historical Archives of China] hold").is_empty());
    }

    #[test]
    fn a_short_title_keeps_every_page_range_out_of_it() {
        let c = one("(Darnton, Censors at Work 23–86, 87–144)");
        assert_eq!(c.items[0].title.as_deref(), Some("Censors at Work"));
        assert_eq!(c.items[0].locator.as_deref(), Some("23–86, 87–144"));
        let c = one("(Caravale 189–215; Darnton, Censors at Work 231–43,\namong others)");
        assert_eq!(c.items[1].title.as_deref(), Some("Censors at Work"));
        assert_eq!(c.items[1].locator.as_deref(), Some("231–43"));
        // A title's own years stay in it.
        let c = one("(Bujanda, Index librorum prohibitorum 1600–1966, 12)");
        assert_eq!(
            c.items[0].title.as_deref(),
            Some("Index librorum prohibitorum 1600–1966")
        );
    }

    #[test]
    fn translations_in_brackets_arabic_articles_and_long_organisations() {
        // A name's translation in brackets is read past; a comma after it
        // ends the name.
        let c = one("(Libu [Board of Rites], 1887, juan 1)");
        assert_eq!(c.items[0].names, ["Libu"]);
        assert_eq!(c.items[0].year.as_deref(), Some("1887"));
        let c = one("(Kyŏngguk taejŏn [Great code for governing the state],\n1485/1985, para. 27)");
        assert_eq!(c.items[0].title.as_deref(), Some("Kyŏngguk taejŏn"));
        assert_eq!(c.items[0].year.as_deref(), Some("1985"));
        assert_eq!(c.items[0].original_year.as_deref(), Some("1485"));
        let c = one("(Niẓām al-Mulk, 1960, 22)");
        assert_eq!(c.items[0].names, ["Niẓām al-Mulk"]);
        // A dotted abbreviation marks an organisation's long name; CSL's
        // locator terms written out are locators.
        let c = one("(T.C.\nBaşbakanlık Devlet Arşivleri Genel Müdürlüğü, 1997, Number 1451)");
        assert_eq!(
            c.items[0].names,
            ["T.C. Başbakanlık Devlet Arşivleri Genel Müdürlüğü"]
        );
        assert_eq!(c.items[0].locator.as_deref(), Some("Number 1451"));
        // Six capitalised words alone stay a title.
        assert!(parse_name(&mut Cur {
            s: "The Six Capitalised Words Of Title, 1997",
            pos: 0
        })
        .is_none());
    }

    #[test]
    fn equations_and_long_titles_an_author_names() {
        let c = one("(Bastankhah and Porté-Agel, “A New Analytical Model,” eqs. 15 and 23)");
        assert_eq!(c.items[0].locator.as_deref(), Some("eqs. 15 and 23"));
        let c = one("(Elman, A Cultural History of Civil Examinations in Late Imperial China)");
        assert_eq!(
            c.items[0].title.as_deref(),
            Some("A Cultural History of Civil Examinations in Late Imperial China")
        );
        // Without a page it counts only if an entry has that title.
        assert!(c.weak);
    }

    #[test]
    fn a_headword_and_chicago_reprint_years_after_a_title() {
        let c = one("(Hucker, 1985, s.v. “chin-shih”)");
        assert_eq!(c.items[0].locator.as_deref(), Some("s.v. “chin-shih”"));
        let c =
            one("(Kyŏngguk taejŏn [Great code for governing the state] [1485]\n1985, para. 27)");
        assert_eq!(c.items[0].title.as_deref(), Some("Kyŏngguk taejŏn"));
        assert_eq!(c.items[0].year.as_deref(), Some("1985"));
        assert_eq!(c.items[0].original_year.as_deref(), Some("1485"));
    }

    #[test]
    fn a_gloss_whose_window_ends_inside_a_character_does_not_panic() {
        // The 400-byte window of a parenthesis ends inside "ñ".
        for pad in 0..4 {
            let src = format!("({}[x] {})", "a".repeat(380 + pad), "ñ".repeat(40));
            let _ = texts(&src);
        }
    }

    #[test]
    fn a_persons_dates_are_no_citation_and_a_span_after_a_name_is_weak() {
        assert!(texts("the poet Garcilaso de la Vega\n(c. 1501–1536), a relative").is_empty());
        assert!(texts("El Inca Garcilaso de la Vega (1539–1616), the chronicler").is_empty());
        assert!(dates_a_life("b. 1947") && dates_a_life("c.\u{a0}1501–1536"));
        assert!(!dates_a_life("1913–1919") && !dates_a_life("2019"));
        let c = one("During the Great Barrier Reef Expedition (1928–1929), Yonge");
        assert!(c.weak);
        // An organisation joined by Spanish "e".
        let c = one("(Instituto Nacional de Estadística e Informática 2018, 195–197, table\n3.15)");
        assert_eq!(
            c.items[0].names,
            ["Instituto Nacional de Estadística e Informática"]
        );
        assert_eq!(c.items[0].locator.as_deref(), Some("195–197, table 3.15"));
    }

    #[test]
    fn a_year_after_et_al_cites_even_in_mla() {
        let opts = ScanOptions::for_style(crate::Style::Mla);
        let t = "the projections of Hoegh-Guldberg et al. (2007, 1739–1741, fig.\u{a0}3) lie \
                 between, as Kolbert's book (2014) says.";
        let v = scan_text("t", t, &opts);
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].items[0].year.as_deref(), Some("2007"));
    }

    #[test]
    fn a_narrative_year_then_more_works_in_its_parenthesis() {
        let c = one("Hobday et al. (2016; Intergovernmental Panel\non Climate Change, 2018, s.v.\u{a0}“marine heatwave”) define it");
        assert_eq!(c.form, Form::Narrative);
        assert_eq!(c.items.len(), 2, "{c:#?}");
        assert_eq!(c.items[0].names, ["Hobday"]);
        assert_eq!(c.items[0].year.as_deref(), Some("2016"));
        assert_eq!(
            c.items[1].names,
            ["Intergovernmental Panel on Climate Change"]
        );
        assert_eq!(c.items[1].year.as_deref(), Some("2018"));
    }

    #[test]
    fn a_second_numbering_in_brackets_belongs_to_the_locator() {
        let c = one("(Guaman Poma\nde Ayala, 1615/1980, Folios 215–218 [217–220], 516–520)");
        assert_eq!(
            c.items[0].locator.as_deref(),
            Some("Folios 215–218 [217–220], 516–520")
        );
        let v = scan_text(
            "t",
            "as drawn [19, Fols.\n215–218 [217–220], 516–520].",
            &ScanOptions::all(),
        );
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].items[0].number, Some(19));
    }

    #[test]
    fn a_table_after_pages_and_a_long_title_with_its_page() {
        let c = one("(Chaffee 35–41 and table 9)");
        assert_eq!(c.items[0].names, ["Chaffee"]);
        assert_eq!(c.items[0].locator.as_deref(), Some("35–41 and table 9"));
        let c = one("(Ho 107–25, table 10)");
        assert_eq!(c.items[0].locator.as_deref(), Some("107–25, table 10"));
        let c = one("Hoegh-Guldberg et al. (2007, pp. 1739–1741, fig.\u{a0}3)");
        assert_eq!(
            c.items[0].locator.as_deref(),
            Some("pp. 1739–1741, fig.  3")
        );
        // MLA's narrative citation of an author's long title and page.
        let c =
            one("Elman (A Cultural History of Civil\nExaminations in Late Imperial China 295–99)");
        assert_eq!(
            c.items[0].title.as_deref(),
            Some("A Cultural History of Civil Examinations in Late Imperial China")
        );
        assert_eq!(c.items[0].locator.as_deref(), Some("295–99"));
        assert!(c.weak);
    }
}
