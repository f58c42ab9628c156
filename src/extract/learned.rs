//! The learned finder and splitter: two line labellers ([`super::learn`])
//! over the layout features of [`super::features`].
//!
//! The *finder* labels every non-blank line of a document as bibliography
//! (heading included), page furniture or other text; each run of
//! bibliography lines (furniture and a few stray lines inside allowed) is a
//! works-cited section. The *splitter* labels each line of a section as the
//! first line of an entry, a continuation or furniture. Entries that a
//! numbered run continues inside a line ("… 1999. \[12\] Meyer M, …") are
//! then cut there. Both models are trained by `train-sections` (see the
//! README) and compiled in.

use super::features::{self, features, label_of, DocLine, Label};
use super::learn::Model;
use super::split::RawEntry;
use super::{cues, opening, page, section};
use crate::input::LineLayout;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Finder labels.
pub const BIB: u8 = 0;
/// Finder and splitter label: page furniture (running heads, page numbers).
pub const FURNITURE: u8 = 1;
/// Finder label: any other text.
pub const OTHER: u8 = 2;
/// Number of finder labels.
pub const FINDER_LABELS: usize = 3;

/// Splitter label: the first line of an entry.
pub const FIRST: u8 = 0;
/// Splitter label: a line continuing the entry above.
pub const CONT: u8 = 2;
/// Number of splitter labels (FIRST, FURNITURE, CONT).
pub const SPLITTER_LABELS: usize = 3;

static FINDER_BYTES: &[u8] = include_bytes!("finder.bin");
static SPLITTER_BYTES: &[u8] = include_bytes!("splitter.bin");

/// The compiled-in models; `None` when a model file does not read (then
/// the rule-based finder alone is used).
pub static MODELS: LazyLock<Option<(Model, Model)>> = LazyLock::new(|| {
    let f = Model::from_bytes(FINDER_BYTES).ok()?;
    let s = Model::from_bytes(SPLITTER_BYTES).ok()?;
    (f.labels() == FINDER_LABELS && s.labels() == SPLITTER_LABELS).then_some((f, s))
});

/// Other-text lines tolerated between two parts of one section (a figure
/// caption or a column of other text in the middle of the list).
const MAX_INTERRUPTION: usize = 4;

/// Entries a section needs, beside a named one, when no heading names it a
/// bibliography.
const MIN_UNNAMED_ENTRIES: usize = 3;

/// A works-cited section found by the models, split into entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearnedSection {
    /// 0-based line of the heading and its text, when there is one.
    pub heading: Option<(usize, String)>,
    /// 0-based first line of the body.
    pub first: usize,
    /// 0-based last line of the body (inclusive).
    pub last: usize,
    /// The entries, with 1-based spans.
    pub entries: Vec<RawEntry>,
    /// Page furniture and other lines dropped from inside the section.
    pub dropped: usize,
}

/// The non-blank lines of a text with their 0-based indices.
pub fn doc_lines<'a>(
    lines: &[&'a str],
    layout: Option<&[LineLayout]>,
) -> (Vec<DocLine<'a>>, Vec<usize>) {
    let mut out = Vec::new();
    let mut index = Vec::new();
    let mut gap = false;
    for (i, l) in lines.iter().enumerate() {
        if l.trim().is_empty() {
            gap = true;
            continue;
        }
        out.push(DocLine {
            text: l,
            gap_before: std::mem::take(&mut gap),
            layout: layout.and_then(|v| v.get(i).copied()),
        });
        index.push(i);
    }
    // A PDF has no blank lines: wider spacing between lines stands for one.
    if layout.is_some() {
        let placed: Vec<Option<LineLayout>> = out.iter().map(|l| l.layout).collect();
        for (l, gap) in out.iter_mut().zip(page::gaps_before(&placed)) {
            l.gap_before |= gap;
        }
    }
    (out, index)
}

/// Finds and splits every works-cited section of a document with the given
/// models.
pub fn find_with(
    finder: &Model,
    splitter: &Model,
    lines: &[&str],
    layout: Option<&[LineLayout]>,
) -> Vec<LearnedSection> {
    let (dl, index) = doc_lines(lines, layout);
    if dl.is_empty() {
        return Vec::new();
    }
    let mut labels = finder.decode(&features(&dl));
    extend_numbered_runs(&dl, &mut labels);
    fill_numbered_runs(&dl, &mut labels);
    glue_short_stretches(&dl, &mut labels);
    let repeats = repeated_lines(&dl);
    let mut out = Vec::new();
    for run in runs(&labels) {
        if let Some(s) = section_of(splitter, &dl, &index, &labels, &repeats, run) {
            out.push(s);
        }
    }
    // Beside a section whose heading names it a bibliography, a run of one
    // or two entries under no such heading (a journal's colophon, an
    // appendix's last paragraph) is too little to be another list.
    let named = |s: &LearnedSection| {
        s.heading
            .as_ref()
            .is_some_and(|(_, t)| section::heading_name(t).is_some())
    };
    if out.iter().any(named) {
        out.retain(|s| named(s) || s.entries.len() >= MIN_UNNAMED_ENTRIES);
    }
    out
}

/// Takes into a bibliography run the numbered lines just before it that
/// count up into it ("\[1\] LuaJIT roadmap 2008 - http://…" above "\[2\]"):
/// a first entry unlike the rest (a bare URL, a software name) is still the
/// list's first entry when its number says so.
fn extend_numbered_runs(lines: &[DocLine<'_>], labels: &mut [u8]) {
    for k in (1..lines.len()).rev() {
        if labels[k] != BIB || labels[k - 1] == BIB {
            continue;
        }
        let (Some(before), Some(here)) = (label_of(lines[k - 1].text), label_of(lines[k].text))
        else {
            continue;
        };
        let same_kind = std::mem::discriminant(&before) == std::mem::discriminant(&here);
        if same_kind && before.number() + 1 == here.number() {
            labels[k - 1] = BIB;
        }
    }
}

/// Lines between two labels that count up ("\[61\]" … "\[62\]") belong to
/// the list when the later label does: an entry's words that justified
/// text spread one to a line ("modifiers" / "of" / "tauopathy"), or a first
/// entry's lines under its lone label, read as other text to the finder,
/// and losing them cut the list in pieces. Walked from the end, so a list
/// whose later part is found pulls in its earlier entries label by label.
/// A number alone on its line may be a page number: two of them count as
/// a run only a few lines apart.
fn fill_numbered_runs(lines: &[DocLine<'_>], labels: &mut [u8]) {
    const MAX_ENTRY_LINES: usize = 25;
    const MAX_ALONE_LINES: usize = 10;
    let labelled: Vec<(usize, Label)> = lines
        .iter()
        .enumerate()
        .filter_map(|(k, l)| label_of(l.text).map(|label| (k, label)))
        .collect();
    for pair in labelled.windows(2).rev() {
        let ((p, before), (k, here)) = (pair[0], pair[1]);
        let same_kind = std::mem::discriminant(&before) == std::mem::discriminant(&here);
        let reach = if matches!(here, Label::Alone(_)) {
            MAX_ALONE_LINES
        } else {
            MAX_ENTRY_LINES
        };
        if !same_kind || before.number() + 1 != here.number() || k - p > reach {
            continue;
        }
        // The entry before a found one, whatever the finder made of its
        // lines; a number alone (a page number too) needs one of them found.
        let alone = matches!(here, Label::Alone(_));
        if labels[k] != BIB || alone && !labels[p..k].contains(&BIB) {
            continue;
        }
        for l in &mut labels[p..k] {
            if *l == OTHER {
                *l = BIB;
            }
        }
    }
}

/// A few lines of "other text" between two bibliography lines that carry
/// an entry's marks (a year, a link, a line broken after a hyphen or a
/// comma) are the entry's own lines: a narrow column spreads "Institute
/// for Genealogical Studies." / "US: Reli-" / "gious Records-Part 2, 2020."
/// / "URL https:" over short lines the finder does not take for a list's.
/// A figure caption or a column of prose between two entries carries no
/// such marks on every line break.
fn glue_short_stretches(lines: &[DocLine<'_>], labels: &mut [u8]) {
    const MAX_STRETCH: usize = 8;
    let mut k = 1;
    while k < labels.len() {
        if labels[k] != OTHER || labels[k - 1] != BIB {
            k += 1;
            continue;
        }
        let start = k;
        while k < labels.len() && labels[k] == OTHER {
            k += 1;
        }
        if k == labels.len() || labels[k] != BIB || k - start > MAX_STRETCH {
            continue;
        }
        let stretch = &lines[start..k];
        let marked = stretch
            .iter()
            .any(|l| cues::has_year(l.text) || l.text.contains("://") || l.text.contains("doi"));
        // Every break inside the stretch, and into it, runs on: the line
        // above breaks off mid-sentence or the line below opens in lower
        // case or with punctuation.
        let runs_on = (start - 1..k - 1).all(|j| {
            let above = lines[j].text.trim_end();
            let below = lines[j + 1].text.trim_start();
            above.ends_with(['-', ',', ':', '/', '.'])
                || below.starts_with(|c: char| c.is_lowercase() || c.is_ascii_punctuation())
        });
        let headed = stretch
            .iter()
            .any(|l| section::heading_name(l.text).is_some());
        if marked && runs_on && !headed {
            labels[start..k].fill(BIB);
        }
    }
}

/// Runs of bibliography lines (positions in the non-blank lines): from a
/// BIB line to the last BIB line reached over furniture and short
/// interruptions of other text.
fn runs(labels: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < labels.len() {
        if labels[i] != BIB {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        let mut others = 0;
        let mut j = i + 1;
        while j < labels.len() {
            match labels[j] {
                BIB => {
                    end = j;
                    others = 0;
                }
                OTHER => {
                    others += 1;
                    if others > MAX_INTERRUPTION {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        out.push((start, end));
        i = end + 1;
    }
    out
}

fn heading_like(t: &str) -> bool {
    let t = t.trim();
    section::heading_name(t).is_some()
        || (t.chars().count() <= 40
            && !cues::has_year(t)
            && label_of(t).is_none()
            && !t.ends_with([',', ';'])
            && t.starts_with(char::is_uppercase)
            && t.split_whitespace().count() <= 4)
}

fn section_of(
    splitter: &Model,
    dl: &[DocLine<'_>],
    index: &[usize],
    labels: &[u8],
    repeats: &Repeats,
    (start, end): (usize, usize),
) -> Option<LearnedSection> {
    // A works-cited heading a line or two into the run (the model took the
    // paragraph above it, which ends on a citation, for an entry) opens the
    // section; the lines above it are the paper's.
    let start = (start + 1..=(start + 2).min(end))
        .find(|&k| k < end && section::heading_name(dl[k].text).is_some())
        .unwrap_or(start);
    // A works-cited heading a few lines above the run: the list's first
    // entries, under labels the models did not know ("[AS92]", "(1).",
    // "1]"), belong to it.
    let run_start = start;
    let start = (start.saturating_sub(MAX_PULLED_UP)..start.saturating_sub(1))
        .rev()
        .find(|&k| section::heading_name(dl[k].text).is_some())
        .unwrap_or(start);
    // A journal's trailer among the run's last lines ends it, whatever the
    // model called its first line ("S U P P O R T I N G …" as furniture,
    // a biography's heading). A copyright line is left to `trim_trailer`:
    // it also stands at the foot of every page.
    let end = (end.saturating_sub(TRAILER_REACH).max(start + 1)..=end)
        .find(|&k| opens_trailer(dl[k].text))
        .map_or(end, |k| k - 1);
    // The last entry may run on past the models' run in lower case ("…
    // data for CeCoIn5," / "possibly because the signature …"), a note
    // read as prose.
    let run_end = end;
    let mut end = end;
    while end + 1 < dl.len() && end - run_end < MAX_RUN_ON {
        let next = &dl[end + 1];
        if !runs_on(dl[end].text) || !starts_lower(next.text) || next.gap_before {
            break;
        }
        end += 1;
    }
    let mut body_start = start;
    let mut heading = None;
    if heading_like(dl[start].text) && start < end {
        heading = Some((start, dl[start].text.trim().to_owned()));
        body_start = start + 1;
    } else if start > 0 && section::heading_name(dl[start - 1].text).is_some() {
        heading = Some((start - 1, dl[start - 1].text.trim().to_owned()));
    }
    // The section's lines as the splitter saw them in training: the heading
    // first, then the body without other text.
    let mut keep: Vec<usize> = Vec::new();
    if let Some((h, _)) = heading {
        keep.push(h);
    }
    let mut dropped = 0;
    for (k, &label) in labels.iter().enumerate().take(end + 1).skip(body_start) {
        // A line in lower case under one that runs on ("… Novel (60%) and"
        // / "recurrent (40%) androgen receptor gene mu-") goes on with that
        // entry, however much it reads as prose.
        // So does any line under a word broken at the line's end ("… the
        // ApoE , HS-" / "D3B1 , IL-1beta and p53 genes …").
        let continues = label == OTHER
            && keep.last().is_some_and(|&p| {
                runs_on(dl[p].text)
                    && (starts_lower(dl[k].text) || dl[p].text.trim_end().ends_with('-'))
            });
        // A bracketed number is a label, never a page's furniture ("[5]"
        // alone above its entry).
        let bracketed = matches!(label_of(dl[k].text), Some(Label::Bracket(_)));
        if label == BIB || continues || bracketed || (k < run_start && label == OTHER) {
            keep.push(k);
        } else {
            dropped += 1;
        }
    }
    let from = usize::from(heading.is_some());
    // In a PDF, the next section's heading in a larger font ends the list.
    let body: Vec<DocLine<'_>> = keep[from..].iter().map(|&k| dl[k]).collect();
    let listed = page::lines_before_heading(&body, |t| {
        features::is_reference_text(t) || cues::is_reference_like(t)
    });
    dropped += body.len() - listed;
    keep.truncate(from + listed);
    let sub: Vec<DocLine<'_>> = keep.iter().map(|&k| dl[k]).collect();
    let mut tags = splitter.decode(&features(&sub));
    // Running heads repeat over the whole document, not inside one
    // section: such lines, and page numbers, are furniture.
    for (k, (l, t)) in sub.iter().zip(tags.iter_mut()).enumerate().skip(from) {
        let text = l.text.trim();
        let page_number = text.len() <= 4 && text.chars().all(|c| c.is_ascii_digit());
        let key = repeat_key(text);
        let running_head = key.chars().filter(|c| c.is_alphabetic()).count() >= 4
            && repeats.heads.contains_key(&key)
            && label_of(text).is_none()
            && !cues::continues_a_reference(text)
            // "John Murray," / "London.": the end of an entry that broke
            // off, however often the place repeats.
            && !(k > from && sub[k - 1].text.trim_end().ends_with(','))
            && text.chars().count() <= 80;
        if page_number || running_head {
            *t = FURNITURE;
        } else if *t == FURNITURE && k > from && repeats.tails.contains(&key) {
            // The model knows repeated lines as furniture; this one ends
            // entries.
            *t = CONT;
        } else if k == from && from > 0 && *t == FURNITURE {
            // The line right under the heading opens the list: a page
            // break's furniture stands above a heading, not below it.
            *t = FIRST;
        }
    }
    // An identifier's line ("DOI: https://…", "PMID: …") ends an entry.
    for k in from + 1..sub.len() {
        if tags[k] == FIRST && opening::opens_with_identifier(sub[k].text) {
            tags[k] = CONT;
        }
    }
    let gapped = follow_gaps(&sub[from..], &mut tags[from..]);
    follow_numbering(&sub[from..], &mut tags[from..]);
    let bare = follow_bare_numbering(&sub[from..], &mut tags[from..]);
    // Where blank lines have told the entries apart, how a line opens
    // cannot overrule them ("(J." / "Birrell, Tran.). … (1994)" is the
    // middle of an entry, however much it looks like the start of one).
    if !gapped {
        opening::follow_author_year(&sub[from..], &mut tags[from..]);
        opening::follow_broken_names(&sub[from..], &mut tags[from..]);
    }

    follow_hanging_indent(&sub[from..], &mut tags[from..]);
    let mut entries: Vec<RawEntry> = Vec::new();
    let mut pending_label: Option<u32> = None;
    let mut continues_ditto = false;
    for (&k, &tag) in keep[from..].iter().zip(&tags[from..]) {
        let raw = dl[k].text;
        let text = raw.trim();
        let line = index[k] + 1;
        if tag == FURNITURE {
            dropped += 1;
            continue;
        }
        if let Some(Label::Alone(n)) = label_of(text) {
            if tag == FIRST || pending_label.is_none() && entries.is_empty() {
                pending_label = Some(n);
                entries.push(RawEntry {
                    line,
                    end_line: line,
                    column: indent(raw) + 1,
                    label: Some(n.to_string()),
                    text: String::new(),
                });
                continue;
            }
        }
        // A repeated author's dash alone on its line ("--." above "1960.
        // Apomixis …"): the PDF set the dash apart, and the entry goes on
        // below it.
        if is_ditto_alone(text) && !continues_ditto {
            entries.push(RawEntry {
                line,
                end_line: line,
                column: indent(raw) + 1,
                label: None,
                text: text.to_owned(),
            });
            continues_ditto = true;
            continue;
        }
        if std::mem::take(&mut continues_ditto) {
            if let Some(e) = entries.last_mut() {
                e.text.push(' ');
                e.text.push_str(text);
                e.end_line = line;
                continue;
            }
        }
        let continues_alone = pending_label.take().is_some() && !entries.is_empty();
        if continues_alone {
            let e = entries.last_mut()?;
            e.text.push_str(text);
            e.end_line = line;
            continue;
        }
        if tag == FIRST || entries.is_empty() {
            let (label, body) = match label_of(text) {
                Some(Label::Bracket(n) | Label::Dotted(n)) => {
                    (Some(n.to_string()), cues::strip_list_marker(text))
                }
                _ => match bare_number(text).filter(|_| bare) {
                    Some((n, rest)) => (Some(n.to_string()), rest),
                    None => (None, text),
                },
            };
            entries.push(RawEntry {
                line,
                end_line: line,
                column: indent(raw) + 1,
                label,
                text: body.to_owned(),
            });
        } else if let Some(e) = entries.last_mut() {
            e.text.push('\n');
            e.text.push_str(text);
            e.end_line = line;
        }
    }
    entries.retain(|e| !e.text.trim().is_empty());
    let mut entries = split_inline(entries, lines_of(dl, index));
    // A list of bare titles (a "Recently viewed" list, a table of contents)
    // is no bibliography: most entries of one carry a year.
    let dated = entries.iter().filter(|e| cues::has_year(&e.text)).count();
    if entries.is_empty() || dated * 2 < entries.len() || (dated < 2 && heading.is_none()) {
        return None;
    }
    // Without a heading, the entries themselves must read as references:
    // prose whose sentences end on "(Name 1997)." has the years but not
    // the authors, initials, labels or locators.
    if heading.is_none() {
        let cued = entries
            .iter()
            .filter(|e| {
                e.label.is_some() && cues::has_year(&e.text)
                    || features::is_reference_text(&e.text)
                    || cues::is_reference_like(&e.text)
            })
            .count();
        // Nor do they open in lower case, as lines of a paragraph cut at
        // its citations do ("et al., 2018, pp. 80–82). They found …",
        // "to recover (…"): only a particle opens a name so.
        let lower = entries
            .iter()
            .filter(|e| opens_in_lower_case(&e.text))
            .count();
        if cued * 2 < entries.len() || lower * 2 >= entries.len() {
            return None;
        }
    }
    trim_trailer(&mut entries);
    cut_notes_after(&mut entries);
    // Without a heading, a numbered list starts at its first number: the
    // lines before "[1] Y. Sofue, …" are the acknowledgements' end. (Many
    // unnumbered entries before it are a list of their own: a
    // bibliography, then its notes.)
    if heading.is_none() {
        if let Some(one) = entries.iter().position(|e| e.label.as_deref() == Some("1")) {
            if (1..=2).contains(&one) && entries[..one].iter().all(|e| e.label.is_none()) {
                entries.drain(..one);
            }
        }
    }
    let first = entries.first()?.line - 1;
    let last = entries.iter().map(|e| e.end_line).max()? - 1;
    Some(LearnedSection {
        heading: heading.map(|(h, t)| (index[h], t)),
        first,
        last,
        entries,
        dropped,
    })
}

/// Whether an entry opens with a word in lower case that is no name's
/// particle ("van", "de", "al-", "d’").
fn opens_in_lower_case(text: &str) -> bool {
    let Some(word) = text.split_whitespace().next() else {
        return false;
    };
    word.starts_with(char::is_lowercase)
        && !super::opening::PARTICLES.contains(&word)
        && !["al-", "el-", "d'", "d’", "ibn", "bin"]
            .iter()
            .any(|p| word.starts_with(p))
}

/// How far from the end of the models' run a trailer's first line is looked
/// for.
const TRAILER_REACH: usize = 40;

/// Lines between a works-cited heading and the models' run that are taken
/// into the list.
const MAX_PULLED_UP: usize = 6;

/// Lines in lower case that may carry the last entry on past the models'
/// run.
const MAX_RUN_ON: usize = 6;

/// True when a line breaks off mid-sentence: on a hyphen, a comma or a
/// word in lower case.
fn runs_on(line: &str) -> bool {
    let t = line.trim_end();
    t.ends_with(['-', ',']) || t.ends_with(char::is_lowercase)
}

/// True when a line opens in lower case.
fn starts_lower(line: &str) -> bool {
    line.trim_start().starts_with(char::is_lowercase)
}

/// Lines that foot every page as well as the article: a copyright line.
const PAGE_FOOTERS: [&str; 2] = ["©", "copyright "];

/// Lines that open what a journal prints after its list: the article's
/// citation line, a figure's legend, an availability note (and, see
/// `PAGE_FOOTERS`, its licence).
const TRAILERS: [&str; 25] = [
    "cite this article",
    "correspondence:",
    "biographical sketches",
    "how to cite this article",
    "e-mail address",
    "email address",
    "corresponding author",
    "this is an open access article",
    "author contributions",
    "submit your next manuscript",
    "publish with biomed central",
    "samples availability",
    "figure 1",
    "fig. 1",
    "table 1",
    "figure captions",
    "this article is licensed",
    "supporting information",
    "s u p p o r t i n g",
    "funding:",
    "conflict of interest",
    "conflicts of interest",
    "competing interests",
    "biographical sketch",
    "erratum",
];

/// True when a line opens what a journal prints after its list: a
/// copyright line or any line `opens_trailer` knows.
fn is_trailer(line: &str) -> bool {
    let l = line.trim_start().to_lowercase();
    PAGE_FOOTERS.iter().any(|t| l.starts_with(t)) || opens_trailer(line)
}

/// True when a line opens a trailer that stands only after the list: one
/// of `TRAILERS`, or an author's biography as IEEE journals print it
/// ("BANAFSHEH SABER LATIBARI received the").
fn opens_trailer(line: &str) -> bool {
    let l = line.trim_start().to_lowercase();
    if TRAILERS.iter().any(|t| l.starts_with(t)) {
        return true;
    }
    line.split_once(" received the").is_some_and(|(name, _)| {
        name.split_whitespace().count() >= 2
            && name
                .chars()
                .all(|c| c.is_uppercase() || c == ' ' || c == '-' || c == '.')
    })
}

/// Cuts the notes that follow an unnumbered list ("\[1\] The literature
/// is very uneven. …", as pandoc prints a paper's footnotes after its
/// bibliography): a numbering that starts at 1 after at least
/// `MIN_BEFORE` entries without a number is another list.
pub(crate) fn cut_notes_after(entries: &mut Vec<RawEntry>) -> Vec<RawEntry> {
    const MIN_BEFORE: usize = 5;
    let Some(k) = entries.iter().position(|e| e.label.is_some()) else {
        return Vec::new();
    };
    if k >= MIN_BEFORE && entries[k].label.as_deref() == Some("1") {
        return entries.split_off(k);
    }
    Vec::new()
}

/// Cuts the list where the journal's trailer begins: the model ran the last
/// entry on into "Cite this article as: …" or a figure's legend (cut with
/// the article's own "doi:…" line just before it), or took the trailer's
/// first line for entries of their own (dropped, with all after them). The
/// section then ends with the entry before.
pub(crate) fn trim_trailer(entries: &mut Vec<RawEntry>) -> Vec<RawEntry> {
    // Trailers the model opened as entries: only near the end, so that a
    // list's own "Funding: …" note far above is not taken for one.
    const LAST_ENTRIES: usize = 6;
    let from = entries.len().saturating_sub(LAST_ENTRIES).max(1);
    let cut = match (from..entries.len()).find(|&k| is_trailer(&entries[k].text)) {
        Some(k) => entries.split_off(k),
        None => Vec::new(),
    };
    let Some(last) = entries.last_mut() else {
        return cut;
    };
    let lines: Vec<&str> = last.text.split('\n').collect();
    let Some(at) = lines
        .iter()
        .skip(1)
        .position(|l| is_trailer(l))
        .map(|k| k + 1)
    else {
        return cut;
    };
    let mut keep = at;
    if keep > 1 && lines[keep - 1].trim_start().starts_with("doi:") {
        keep -= 1;
    }
    last.text = lines[..keep].join("\n");
    last.end_line = last.line + keep - 1;
    cut
}

/// A line that holds only the dash that stands for a repeated author
/// ("--.", "———.", "__").
fn is_ditto_alone(t: &str) -> bool {
    let t = t.trim();
    t.chars().count() <= 8
        && t.chars().any(|c| matches!(c, '-' | '–' | '—' | '_'))
        && t.chars()
            .all(|c| matches!(c, '-' | '–' | '—' | '_' | '.' | ',' | ' '))
        && t.chars()
            .filter(|c| matches!(c, '-' | '–' | '—' | '_'))
            .count()
            >= 2
}

fn lines_of<'a, 'b>(
    dl: &'b [DocLine<'a>],
    index: &'b [usize],
) -> impl Fn(usize) -> Option<&'a str> + 'b {
    move |line: usize| index.binary_search(&(line - 1)).ok().map(|k| dl[k].text)
}

/// A line's letters in lower case, and the numbers a running head keeps
/// from page to page: the key under which a running head repeats whatever
/// its page number. The first and last numbers of a line are where page
/// numbers stand, so they are left out, except a year or a number too
/// long for a page ("PMID: 29279909" ends many entries); a reference's tail
/// keeps its year and volume ("Science, 2000, 287, 2185-2195." and
/// "Science, 2006, 314, 777-781." end two entries, not two pages), and a
/// line that holds a link keeps every digit, since no two entries share a
/// DOI ("https://doi.org/10.1086/261341." and
/// "https://doi.org/10.2307/2938462." are not one running head, and
/// dropping them would lose the identifiers).
fn repeat_key(t: &str) -> String {
    let linked = t.contains("://") || t.contains("doi:") || t.contains("doi.org");
    let numbers: Vec<&str> = t
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .collect();
    let kept = |k: usize, n: &str| {
        linked
            || (k > 0 && k + 1 < numbers.len())
            || (n.len() == 4 && (n.starts_with("19") || n.starts_with("20")))
            || n.len() >= 5
    };
    let mut key: String = t
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    for (k, n) in numbers.iter().enumerate() {
        if kept(k, n) {
            key.push(' ');
            key.push_str(n);
        }
    }
    key
}

/// Lines that repeat through a document, by [`repeat_key`].
struct Repeats {
    /// How often each short line that stands alone three times or more
    /// does so: running heads.
    heads: HashMap<String, usize>,
    /// Repeated lines that more often end a longer line than stand alone.
    tails: HashSet<String>,
}

/// How often each short line's [`repeat_key`] stands alone on a line, for
/// the lines that repeat; a text that more often ends a longer line than
/// stands alone is a tail instead. "CrossRef Medline" under an entry that filled
/// its last line is the tail of that entry, as it is at the end of most
/// others, not a running head.
fn repeated_lines(dl: &[DocLine<'_>]) -> Repeats {
    // Each key with how often it stands alone and the last line that has
    // it (whose words are counted below, for the repeated keys only).
    let mut seen: HashMap<String, (usize, &str)> = HashMap::new();
    for l in dl {
        let t = l.text.trim();
        // A note's first line ("[25] Texas Instruments, bq25570 …") is no
        // running head however often the notes cite the work: counted, two
        // notes would make the list's own line of it furniture.
        let note = matches!(features::label_of(t), Some(features::Label::Bracket(_)));
        if t.chars().count() <= 80 && !note {
            let e = seen.entry(repeat_key(t)).or_insert((0, t));
            e.0 += 1;
            e.1 = t;
        }
    }
    seen.retain(|_, (n, _)| *n >= 3);
    let wanted: HashMap<String, usize> = seen
        .iter()
        .map(|(k, &(_, t))| (k.clone(), t.split_whitespace().count()))
        .collect();
    let mut repeats: HashMap<String, usize> = seen.into_iter().map(|(k, (n, _))| (k, n)).collect();
    let tails: HashSet<String> =
        features::tail_counts(dl.iter().map(|l| l.text), &wanted, repeat_key)
            .into_iter()
            .filter(|(k, t)| repeats.get(k).is_some_and(|n| t >= n))
            .map(|(k, _)| k)
            .collect();
    repeats.retain(|k, _| !tails.contains(k));
    Repeats {
        heads: repeats,
        tails,
    }
}

fn indent(raw: &str) -> usize {
    raw.chars().take_while(|c| c.is_whitespace()).count()
}

/// Cuts entries where the numbered run goes on inside a line: in an entry
/// labelled n, " \[n+1\] " (or ". n+1. " before a capital) opens entry n+1.
///
/// Linear in the entry's text: the cuts are found in one pass, each piece
/// is copied once, and a label's column is searched for from the previous
/// label's place when both stand on one line (a whole list run on one
/// line of megabytes is cut in one pass, not once per entry).
fn split_inline<'a>(
    entries: Vec<RawEntry>,
    line_text: impl Fn(usize) -> Option<&'a str>,
) -> Vec<RawEntry> {
    let numbered = entries.iter().filter(|e| e.label.is_some()).count();
    if numbered * 2 < entries.len() {
        return entries;
    }
    let mut out = Vec::with_capacity(entries.len());
    for e in entries {
        let Some(first) = e.label.as_deref().and_then(|l| l.parse::<u32>().ok()) else {
            out.push(e);
            continue;
        };
        // How the list writes its labels: "[n]", "n." or "n)".
        let style = line_text(e.line).map_or(LabelStyle::Dot, |t| {
            let t = t.trim_start();
            if t.starts_with('[') {
                LabelStyle::Bracket
            } else if t
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .starts_with(')')
            {
                LabelStyle::Paren
            } else {
                LabelStyle::Dot
            }
        });
        // Every cut: the byte offsets of the label and of the text after
        // it, and the label's number.
        let mut cuts: Vec<(usize, usize, u32)> = Vec::new();
        let (mut from, mut n) = (0, first);
        while let Some((cut, body_at)) = find_next_label(&e.text[from..], n + 1, style) {
            n += 1;
            cuts.push((from + cut, from + body_at, n));
            from += body_at;
        }
        if cuts.is_empty() {
            out.push(e);
            continue;
        }
        let text = e.text;
        let mut piece = RawEntry {
            line: e.line,
            end_line: e.end_line,
            column: e.column,
            label: e.label,
            text: String::new(),
        };
        let mut piece_start = 0;
        // Where the last label was found: its line, byte offset in that
        // line and 1-based column.
        let mut found_at: Option<(usize, usize, usize)> = None;
        for &(cut, body_at, next) in &cuts {
            // The line of the cut: at least as many lines down as there
            // are line breaks before it (joined text may have lost some,
            // e.g. a label alone on its line), so look from there to the
            // entry's end for the line that holds the label.
            let guess = piece.line + text[piece_start..cut].matches('\n').count();
            let needle = style.needle(next);
            let (line, column) = (guess..=piece.end_line.max(guess))
                .find_map(|l| {
                    let t = line_text(l)?;
                    let after = match found_at {
                        Some((fl, byte, col)) if fl == l => Some((byte, col)),
                        _ => None,
                    };
                    label_column(t, &needle, after).map(|(byte, col)| {
                        found_at = Some((l, byte, col));
                        (l, col)
                    })
                })
                .unwrap_or((guess, 1));
            let end_line = piece.end_line;
            piece.text = text[piece_start..cut].trim_end().to_owned();
            piece.end_line = line;
            out.push(std::mem::replace(
                &mut piece,
                RawEntry {
                    line,
                    end_line,
                    column,
                    label: Some(next.to_string()),
                    text: String::new(),
                },
            ));
            piece_start = body_at;
        }
        piece.text = text[piece_start..].to_owned();
        out.push(piece);
    }
    out
}

/// How a numbered list writes its labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LabelStyle {
    Bracket,
    Dot,
    Paren,
}

impl LabelStyle {
    fn needle(self, n: u32) -> String {
        match self {
            LabelStyle::Bracket => format!("[{n}]"),
            LabelStyle::Dot => format!("{n}."),
            LabelStyle::Paren => format!("{n})"),
        }
    }
}

/// In a list whose entries stand apart by blank lines (pandoc's plain
/// text, web pages, many word processors), the blank lines decide: a line
/// after a gap opens an entry and any other line continues one. The model,
/// trained on PDF lines without such gaps, may join entries that do not
/// indent. Applied only when the blocks read as entries (four in five
/// carry a year, none is longer than an entry can be) and most entries the
/// model opened follow a gap.
/// In a PDF whose list is set with a hanging indent, the indent says where
/// each entry starts, whatever the words suggest.
fn follow_hanging_indent(lines: &[DocLine<'_>], tags: &mut [u8]) {
    let (placed, at): (Vec<DocLine<'_>>, Vec<usize>) = lines
        .iter()
        .zip(tags.iter())
        .enumerate()
        .filter(|(_, (_, &t))| t != FURNITURE)
        .map(|(k, (l, _))| (*l, k))
        .unzip();
    if let Some(starts) = page::hanging_starts(&placed) {
        for (k, start) in at.into_iter().zip(starts) {
            tags[k] = if start { FIRST } else { CONT };
        }
    }
}

/// Splits a list whose entries stand between blank lines (as pandoc and
/// many word processors print them) at those lines, when nearly every
/// block looks like one entry and the model agrees at most gaps. True when
/// it did.
fn follow_gaps(lines: &[DocLine<'_>], tags: &mut [u8]) -> bool {
    const LONGEST_BLOCK: usize = 12;
    let mut firsts = 0;
    let mut gapped = 0;
    // Blocks between gaps: (lines, dated, numbered).
    let mut blocks: Vec<(usize, bool, bool)> = Vec::new();
    for (k, (l, &t)) in lines.iter().zip(tags.iter()).enumerate() {
        if t == FURNITURE {
            continue;
        }
        if k == 0 || l.gap_before || blocks.is_empty() {
            // A numbered block is the numbering's to judge (notes after
            // the list need no year).
            let numbered = label_of(l.text).is_some();
            blocks.push((0, numbered, numbered));
        }
        if let Some(b) = blocks.last_mut() {
            b.0 += 1;
            b.1 |= cues::has_year(l.text);
        }
        if k > 0 && t == FIRST {
            firsts += 1;
            gapped += usize::from(l.gap_before);
        }
    }
    // A numbered block may be a long note after the list (pandoc prints
    // them so): its length says nothing of the entries'.
    let longest = blocks
        .iter()
        .filter(|b| !b.2)
        .map(|b| b.0)
        .max()
        .unwrap_or(0);
    let dated = blocks.iter().filter(|b| b.1).count();
    // Every block an entry (most carry a year; a double-spaced text's
    // single lines do not), and the model's own entries mostly at gaps.
    if blocks.len() < 3
        || longest > LONGEST_BLOCK
        || dated * 5 < blocks.len() * 4
        || gapped * 5 < firsts * 3
    {
        return false;
    }
    for (k, (l, t)) in lines.iter().zip(tags.iter_mut()).enumerate() {
        if *t != FURNITURE {
            *t = if l.gap_before || k == 0 { FIRST } else { CONT };
        }
    }
    true
}

/// In a numbered list, the numbers decide: a line whose label continues
/// the run opens an entry, and any other line continues one (the model
/// alone may take a wrapped line that opens with a name for a new entry).
/// Lists where fewer than 3 in 5 of the model's entries carry a label are
/// left as the model cut them, and so are lists whose labels do not count
/// up (a Markdown list numbered "1." throughout).
fn follow_numbering(lines: &[DocLine<'_>], tags: &mut [u8]) {
    let firsts = tags.iter().filter(|&&t| t == FIRST).count();
    let labelled = lines
        .iter()
        .zip(tags.iter())
        .filter(|(l, &t)| t == FIRST && label_of(l.text).is_some())
        .count();
    if firsts < 3 || labelled * 5 < firsts * 3 {
        return;
    }
    // Most labels the same number: the numbers say nothing of where
    // entries start.
    let mut numbers: Vec<u32> = lines
        .iter()
        .zip(tags.iter())
        .filter(|(l, &t)| t == FIRST && label_of(l.text).is_some())
        .filter_map(|(l, _)| label_of(l.text).map(Label::number))
        .collect();
    numbers.sort_unstable();
    let most_common = numbers
        .chunk_by(|a, b| a == b)
        .map(<[u32]>::len)
        .max()
        .unwrap_or(0);
    if most_common * 2 > numbers.len() {
        return;
    }
    // An unlabelled list before the first label (a bibliography, then the
    // notes "[1] …" that pandoc and many PDFs put after it) is a list of
    // its own and stays as the model cut it.
    let first_label = lines
        .iter()
        .zip(tags.iter())
        .position(|(l, &t)| t == FIRST && label_of(l.text).is_some())
        .unwrap_or(0);
    let from = if tags[..first_label].iter().filter(|&&t| t == FIRST).count() >= 2 {
        first_label
    } else {
        0
    };
    // The number of the next labelled line after each line: a label whose
    // successor follows it is a run of its own, wherever the count before
    // it broke off (a PDF that lost labels 2 to 20 of a list).
    let mut next_number: Vec<Option<u32>> = vec![None; lines.len()];
    let mut seen = None;
    for (k, l) in lines.iter().enumerate().rev() {
        next_number[k] = seen;
        if let Some(label) = label_of(l.text) {
            seen = Some(label.number());
        }
    }
    let mut last: Option<u32> = None;
    for (k, (l, t)) in lines.iter().zip(tags.iter_mut()).enumerate().skip(from) {
        let label = label_of(l.text);
        let n = label.map(Label::number);
        // A line the model took for furniture that carries the run's next
        // number ("[1] LuaJIT roadmap 2008 - http://…") is its entry; a bare
        // page number never is.
        let next_in_run = matches!((n, last), (Some(n), Some(m)) if n == m + 1)
            || (last.is_none() && n == Some(1));
        let page_number = matches!(label, Some(Label::Alone(_)));
        if *t == FURNITURE && (!next_in_run || page_number) {
            continue;
        }
        let opens = match (n, last) {
            (Some(n), Some(m)) => {
                n == m + 1
                    || (n > m && n <= m + 3 && *t == FIRST)
                    || (n > m + 3 && !page_number && next_number[k] == Some(n + 1))
            }
            (Some(n), None) => n <= 3 || *t == FIRST,
            (None, _) => false,
        };
        if opens {
            *t = FIRST;
            last = n;
        } else {
            *t = CONT;
        }
    }
}

/// A number before a blank and a capital, as lists numbered without
/// brackets or stops open their entries ("6 I. Affleck and A. W. W.
/// Ludwig, …"): the number and the text after it.
fn bare_number(t: &str) -> Option<(u32, &str)> {
    let t = t.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) || t.as_bytes().get(digits) != Some(&b' ') {
        return None;
    }
    let rest = &t[digits + 1..];
    rest.starts_with(char::is_uppercase)
        .then(|| t[..digits].parse().ok().map(|n| (n, rest)))
        .flatten()
}

/// In a list numbered "1 A. Altland …", "2 P. Francesco …" (no brackets,
/// no stops), the numbering says where entries start, as `follow_numbering`
/// reads it for labelled lists: a line with the next number opens an
/// entry, any other line continues one. Applied when such numbers count up
/// through at least five lines and half the entries the model opened; the
/// lines before the run are left as they are. Returns whether it applied.
fn follow_bare_numbering(lines: &[DocLine<'_>], tags: &mut [u8]) -> bool {
    const MIN_RUN: usize = 5;
    let labelled = lines
        .iter()
        .filter(|l| label_of(l.text).is_some_and(|l| !matches!(l, Label::Alone(_))))
        .count();
    if labelled >= MIN_RUN {
        return false;
    }
    let mut run: Vec<usize> = Vec::new();
    let mut last: Option<u32> = None;
    for (k, l) in lines.iter().enumerate() {
        if tags[k] == FURNITURE {
            continue;
        }
        let Some((n, _)) = bare_number(l.text) else {
            continue;
        };
        if last.map_or(n <= 3, |m| n == m + 1) {
            run.push(k);
            last = Some(n);
        }
    }
    let firsts = tags.iter().filter(|&&t| t == FIRST).count();
    if run.len() < MIN_RUN || run.len() * 2 < firsts {
        return false;
    }
    for (k, t) in tags.iter_mut().enumerate().skip(run[0]) {
        if *t != FURNITURE {
            *t = if run.binary_search(&k).is_ok() {
                FIRST
            } else {
                CONT
            };
        }
    }
    true
}

/// The first `needle` after a blank in `line`: its byte offset and 1-based
/// column (in characters). With `after` (the byte offset and column of an
/// earlier label on the same line) the search starts past that label and
/// the column is counted on from it.
fn label_column(line: &str, needle: &str, after: Option<(usize, usize)>) -> Option<(usize, usize)> {
    let (from, base_col) = match after {
        Some((byte, col)) if byte < line.len() && line.is_char_boundary(byte + 1) => {
            (byte + 1, col + 1)
        }
        Some(_) => return None,
        None => (0, 1),
    };
    line[from..]
        .match_indices(needle)
        .map(|(p, _)| from + p)
        .find(|&p| line[..p].trim().is_empty() || line[..p].ends_with(char::is_whitespace))
        .map(|p| (p, base_col + line[from..p].chars().count()))
}

/// Where label `n` opens a new entry inside `text`: the byte offset of the
/// label and of the text after it.
fn find_next_label(text: &str, n: u32, style: LabelStyle) -> Option<(usize, usize)> {
    let bracket = style == LabelStyle::Bracket;
    let needle = style.needle(n);
    let mut from = 0;
    while let Some(p) = text[from..].find(&needle).map(|p| p + from) {
        from = p + needle.len();
        let before = text[..p].trim_end_matches([' ', '\n']);
        let blank_before = p > 0 && text[..p].ends_with([' ', '\n']);
        let after = &text[p + needle.len()..];
        let body = after.trim_start();
        let body_at = text.len() - body.len();
        if !blank_before || body.is_empty() || !after.starts_with([' ', '\n']) {
            continue;
        }
        if bracket {
            return Some((p, body_at));
        }
        // "12." is also a volume or a page: take it only after a finished
        // entry and before a name.
        if before.ends_with(['.', ')'])
            && (cues::starts_like_author(body)
                || body.starts_with(char::is_uppercase) && body.contains(','))
        {
            return Some((p, body_at));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::features::plain_lines as doc;

    #[test]
    fn lines_between_counting_labels_join_the_list() {
        let lines = doc(&[
            "Prose 1.",
            "[1]",
            "Beal, M.F.; Lang, A.E. Neurodegenerative",
            "Diseases. Cambridge, 2005.",
            "[2]",
            "Karsten, S.L. A genomic screen for",
            "modifiers",
            "of",
            "tauopathy. Neuron, 2006, 51, 549-560.",
            "[3]",
            "Cooper, A.A. Title. Science, 2006.",
        ]);
        let mut labels = [
            OTHER, OTHER, OTHER, BIB, BIB, BIB, OTHER, OTHER, BIB, BIB, BIB,
        ];
        fill_numbered_runs(&lines, &mut labels);
        assert_eq!(labels[0], OTHER);
        assert!(labels[1..].iter().all(|&l| l == BIB), "{labels:?}");
        // Labels that do not count up pull nothing in.
        let mut labels = [
            OTHER, OTHER, OTHER, BIB, OTHER, BIB, OTHER, OTHER, BIB, OTHER, BIB,
        ];
        let lines = doc(&[
            "Prose 1.", "[1]", "A", "B", "[5]", "C", "d", "e", "f", "[9]", "g",
        ]);
        fill_numbered_runs(&lines, &mut labels);
        assert_eq!(labels[6], OTHER);
    }

    #[test]
    fn a_narrow_entry_spread_over_short_lines_stays_whole() {
        let lines = doc(&[
            "He, P., Liu, X. Deberta: decoding-enhanced bert. ArXiv, 2020.",
            "Institute for Genealogical Studies.",
            "US: Reli-",
            "gious Records-Part 2, 2020.",
            "URL https:",
            "//www.genealogicalstudies.com/eng/",
            "Kennedy, C. J., Bacon, G. Constructing interval variables. 2020.",
        ]);
        let mut labels = [BIB, OTHER, OTHER, OTHER, OTHER, OTHER, BIB];
        glue_short_stretches(&lines, &mut labels);
        assert!(labels.iter().all(|&l| l == BIB), "{labels:?}");
        // A caption between two entries has no entry's marks.
        let lines = doc(&[
            "He, P., Liu, X. Deberta: decoding-enhanced bert. ArXiv, 2020.",
            "Figure 3. Accuracy by layer.",
            "Kennedy, C. J., Bacon, G. Constructing interval variables. 2020.",
        ]);
        let mut labels = [BIB, OTHER, BIB];
        glue_short_stretches(&lines, &mut labels);
        assert_eq!(labels[1], OTHER);
    }

    #[test]
    fn a_numbering_that_resumes_after_lost_labels_opens_entries() {
        let lines = doc(&[
            "1. J. Jay. J. Chem. Phys. 91, 3275 (1989).",
            "K. Okazaki. Can. J. Chem. 62, 2223 (1984).",
            "21. E. J. Hart. The hydrated electron. Wiley, 1970.",
            "22. G. R. Freeman. J. Phys. Chem. 77, 7 (1973).",
            "23. N. J. Turro. Modern molecular photochemistry. 1978.",
        ]);
        let mut tags = [FIRST, FIRST, CONT, FIRST, FIRST];
        follow_numbering(&lines, &mut tags);
        assert_eq!(tags, [FIRST, CONT, FIRST, FIRST, FIRST]);
    }

    #[test]
    fn notes_numbered_from_one_after_an_unnumbered_list_are_cut_off() {
        let entry = |line: usize, label: Option<&str>, text: &str| RawEntry {
            line,
            end_line: line,
            column: 1,
            label: label.map(str::to_owned),
            text: text.to_owned(),
        };
        let mut entries: Vec<RawEntry> = (0..6)
            .map(|k| {
                entry(
                    k + 1,
                    None,
                    "Birn, R. (2012). Royal censorship. Stanford University Press.",
                )
            })
            .collect();
        entries.push(entry(
            8,
            Some("1"),
            "The literature is very uneven. For Italy …",
        ));
        entries.push(entry(
            9,
            Some("2"),
            "The distinction is Fragnito's own (2001b, p. 13).",
        ));
        cut_notes_after(&mut entries);
        assert_eq!(entries.len(), 6);
        // A numbered list is left whole, and so is a short unnumbered head.
        let mut numbered: Vec<RawEntry> = (1..=8)
            .map(|k| {
                entry(
                    k,
                    Some(&k.to_string()),
                    "A. B. Author, Phys. Rev. B 61, 1037 (1991).",
                )
            })
            .collect();
        cut_notes_after(&mut numbered);
        assert_eq!(numbered.len(), 8);
    }

    #[test]
    fn a_journal_trailer_after_the_last_entry_is_cut_off() {
        let mut entries = vec![RawEntry {
            line: 10,
            end_line: 16,
            column: 1,
            label: Some("14".into()),
            text: "Qu W, Zhang C: MFEprimer-2.0: a fast program for checking PCR\nprimer specificity. Nucleic Acids Res 2012, 40:W205-W208.\ndoi:10.1186/1471-2105-15-237\nCite this article as: Gardner and Slezak: Simulate_PCR for amplicon\nprediction. BMC Bioinformatics 2014 15:237.\nSubmit your next manuscript to BioMed Central\nand take full advantage of:".into(),
        }];
        trim_trailer(&mut entries);
        assert_eq!(entries[0].end_line, 11);
        assert!(entries[0].text.ends_with("40:W205-W208."));
        // An entry that only mentions a figure keeps its lines.
        let mut entries = vec![RawEntry {
            line: 3,
            end_line: 4,
            column: 1,
            label: None,
            text: "Smith J. 2001. Growth of cells, with\nfigure legends. Cell 3:1-9.".into(),
        }];
        trim_trailer(&mut entries);
        assert_eq!(entries[0].end_line, 4);
        // A trailer the model opened as entries of its own goes, with all
        // after it; an author's biography is a trailer too.
        let entry = |line: usize, text: &str| RawEntry {
            line,
            end_line: line,
            column: 1,
            label: None,
            text: text.into(),
        };
        let mut entries = vec![
            entry(
                1,
                "Zou H, Hastie T. 2005. Regularization. JRSS B 67: 301-320.",
            ),
            entry(2, "Funding: This project was funded by the schools."),
            entry(3, "Competing interests: none."),
        ];
        trim_trailer(&mut entries);
        assert_eq!(entries.len(), 1);
        let mut entries = vec![
            entry(
                1,
                "[84] W. Zhu, LeeBERT, in Proc. ACL, 2021, pp. 2968-2980.",
            ),
            entry(
                2,
                "BANAFSHEH SABER LATIBARI received the\nB.Sc. degree in 2014.",
            ),
        ];
        trim_trailer(&mut entries);
        assert_eq!(entries.len(), 1);
    }

    #[test]
    fn bare_numbers_that_count_up_open_entries() {
        let text = [
            "* h.tu@lmu.de",
            "1 A. Altland and B. D. Simons, Condensed matter field theory",
            "(Cambridge University Press, 2010).",
            "2 P. Francesco and D. Senechal, Conformal field theory (Springer, 2012).",
            "3 J. L. Cardy, Nucl. Phys. B 240, 514 (1984).",
            "4 J. Cardy, arXiv:hep-th/0411189 (2004).",
            "5 I. Affleck and A. W. W. Ludwig, Phys. Rev. Lett. 67, 161 (1991).",
            "6 I. Affleck, N. Laflorencie, and E. S. Sorensen, J. Phys. A: Math.",
            "Theor. 42, 504009 (2009).",
        ];
        let l = doc(&text);
        // As a model might tag them: 4 and 5 run together, the line of the
        // volume taken for an entry.
        let mut tags = [FIRST, FIRST, CONT, FIRST, FIRST, FIRST, CONT, FIRST, FIRST];
        assert!(follow_bare_numbering(&l, &mut tags));
        assert_eq!(
            tags,
            [FIRST, FIRST, CONT, FIRST, FIRST, FIRST, FIRST, FIRST, CONT]
        );
        assert_eq!(bare_number("6 I. Affleck"), Some((6, "I. Affleck")));
        assert_eq!(bare_number("2013 IEEE Conference"), None);
        assert_eq!(bare_number("42, 504009 (2009)."), None);
        // Labelled lists are `follow_numbering`'s.
        let labelled: Vec<String> = (1..=6)
            .map(|n| format!("[{n}] A. B, J. 1 ({n}990)."))
            .collect();
        let labelled: Vec<&str> = labelled.iter().map(String::as_str).collect();
        let mut tags = [FIRST; 6];
        assert!(!follow_bare_numbering(&doc(&labelled), &mut tags));
    }

    #[test]
    fn a_dash_alone_is_a_repeated_author() {
        assert!(is_ditto_alone("--."));
        assert!(is_ditto_alone(" ———. "));
        assert!(!is_ditto_alone("-"));
        assert!(!is_ditto_alone("-- & P. A. Opler. 1975."));
    }

    #[test]
    fn running_head_keys_ignore_page_numbers_but_not_dois() {
        assert_eq!(repeat_key("Journal of X 12"), repeat_key("Journal of X 13"));
        assert_eq!(
            repeat_key("12 Annu. Rev. Ecol. 2009. 40:1-25"),
            repeat_key("13 Annu. Rev. Ecol. 2009. 40:1-25")
        );
        assert_ne!(
            repeat_key("Science, 2000, 287, 2185-2195."),
            repeat_key("Science, 2006, 314, 777-781.")
        );
        assert_ne!(
            repeat_key("https://doi.org/10.1086/261341."),
            repeat_key("https://doi.org/10.2307/2938462.")
        );
    }

    #[test]
    fn runs_bridge_furniture_and_short_interruptions() {
        let l = [
            OTHER, BIB, BIB, FURNITURE, BIB, OTHER, OTHER, BIB, OTHER, OTHER, OTHER, OTHER, OTHER,
            BIB,
        ];
        assert_eq!(runs(&l), vec![(1, 7), (13, 13)]);
    }

    #[test]
    fn numbered_run_continued_inside_a_line_is_cut() {
        let e = RawEntry {
            line: 3,
            end_line: 4,
            column: 1,
            label: Some("11".into()),
            text: "Smith J, Title. J Biol 1999. [12] Meyer M, Other.\nJ Chem 2001;3:4.".into(),
        };
        let lines = [
            "",
            "",
            "[11] Smith J, Title. J Biol 1999. [12] Meyer M, Other.",
            "J Chem 2001;3:4.",
        ];
        let out = split_inline(vec![e], |l| lines.get(l - 1).copied());
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].text, "Smith J, Title. J Biol 1999.");
        assert_eq!(out[1].text, "Meyer M, Other.\nJ Chem 2001;3:4.");
        assert_eq!((out[1].line, out[1].end_line, out[1].column), (3, 4, 35));
        assert_eq!(out[0].end_line, 3);
    }
}
