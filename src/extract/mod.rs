//! Finding the works-cited section of a document and splitting it into entries.
//!
//! [`extract`] runs the stages in order: [`section`] finds the list,
//! [`split`] cuts it into entries with their line spans, [`repair`] mends
//! each entry's PDF damage, then the list's style is voted over the entries
//! ([`crate::parse::guess_style`]) and every entry is parsed with that hint.
//! Every entry that was cut appears in the result, parsed or not.

pub mod cues;
pub mod features;
pub mod learn;
pub mod learned;
pub mod opening;
pub mod page;
pub mod repair;
pub mod section;
pub mod split;

use crate::input::{normalize::normalize, Source};
use crate::model::{Document, Entry, Outcome, Section, Span, Style};
use crate::parse;
use rayon::prelude::*;
use std::collections::HashMap;

/// The note a document gets when it has no works-cited list.
pub const NO_SECTION: &str = "no works-cited section found";

/// Entries longer than this (in bytes) are not handed to the parser: no
/// reference is that long, so the list was probably not split.
pub const MAX_ENTRY_LEN: usize = 10_000;

/// Extracts the works-cited entries of a loaded document.
///
/// A source whose format states its list ([`Source::entries`]: a reference
/// library, a database export record) keeps that list as it is; only text
/// is searched for one (with its layout, when it has one).
pub fn extract(source: &Source) -> Document {
    let mut doc = match &source.entries {
        Some(entries) => Document {
            path: source.path.clone(),
            meta: Default::default(),
            section: None,
            sections: Vec::new(),
            style: Style::Unknown,
            entries: entries.clone(),
            notes: Vec::new(),
        },
        None => extract_with(
            &source.path,
            &source.text,
            source.layout.as_deref(),
            learned::MODELS.as_ref().map(|(f, s)| (f, s)),
        ),
    };
    doc.meta = source.meta.clone();
    let mut notes = source.notes.clone();
    notes.append(&mut doc.notes);
    doc.notes = notes;
    doc
}

/// As [`extract`], moving the source's stated entries (a library's, an
/// export record's) into the document instead of copying them: the source
/// keeps its text, metadata and notes, and `entries` is left `None`. For a
/// large export this halves the memory the entries take while both are held.
///
/// ```
/// use citemap::input::format::read_bytes;
/// let mut sources = read_bytes(std::path::Path::new("refs.bib"),
///     b"@book{b, author={Benjamin, Ruha}, title={Race after Technology}, year={2019}}").unwrap();
/// let doc = citemap::extract::extract_mut(&mut sources[0]);
/// assert_eq!(doc.entries.len(), 1);
/// assert!(sources[0].entries.is_none());
/// ```
pub fn extract_mut(source: &mut Source) -> Document {
    match source.entries.take() {
        Some(entries) => Document {
            path: source.path.clone(),
            meta: source.meta.clone(),
            section: None,
            sections: Vec::new(),
            style: Style::Unknown,
            entries,
            notes: source.notes.clone(),
        },
        None => extract(source),
    }
}

/// Extracts many documents, in parallel, in the order given.
pub fn extract_all(sources: &[Source]) -> Vec<Document> {
    sources.par_iter().map(extract).collect()
}

/// Extracts the works-cited entries of a text; `path` is used in spans.
///
/// ```
/// let text = "Intro.\n\nWorks cited\n\n- Benjamin, Ruha. *Race after Technology*. Polity Press, 2019.\n";
/// let doc = citemap::extract::extract_text("paper.md", text);
/// assert_eq!(doc.entries.len(), 1);
/// assert_eq!(doc.entries[0].span.line, 5);
/// ```
pub fn extract_text(path: &str, text: &str) -> Document {
    extract_with(
        path,
        text,
        None,
        learned::MODELS.as_ref().map(|(f, s)| (f, s)),
    )
}

/// As [`extract_text`], with the line layout of a PDF when there is one and
/// the line models to use (finder, splitter); without models only the
/// rules run. The trainer calls this with models trained on part of the
/// data, to score them on the rest.
pub fn extract_with(
    path: &str,
    text: &str,
    layout: Option<&[crate::input::LineLayout]>,
    models: Option<(&learn::Model, &learn::Model)>,
) -> Document {
    let text = normalize(text);
    let lines: Vec<&str> = text.split('\n').collect();
    let mut doc = Document {
        path: path.to_owned(),
        meta: Default::default(),
        section: None,
        sections: Vec::new(),
        style: Style::Unknown,
        entries: Vec::new(),
        notes: Vec::new(),
    };
    let rule = section::find(&lines);
    // The rules' cut, when they are sure of it (kept to be used below).
    let sure_cut = rule.as_ref().and_then(|f| rules_are_sure(&lines, f));
    if sure_cut.is_none() {
        if let Some((finder, splitter)) = models {
            let found = learned::find_with(finder, splitter, &lines, layout);
            if !found.is_empty() {
                from_learned(&mut doc, &lines, found);
                return doc;
            }
        }
    }
    let Some(found) = rule else {
        doc.notes.push(NO_SECTION.to_owned());
        return doc;
    };
    doc.section = Some(section_of_found(&found));
    if found.heading_line.is_none() {
        doc.notes.push(format!(
            "no works-cited heading; took lines {}-{} as the list",
            found.first + 1,
            found.last + 1
        ));
    }
    let sure = sure_cut.is_some();
    let cut =
        sure_cut.unwrap_or_else(|| split::split_from(&lines, found.first, found.start, found.last));
    doc.notes.extend(cut.notes);
    if cut.entries.is_empty() {
        doc.notes
            .push(format!("the section \"{}\" has no entries", found.heading));
        return doc;
    }
    let mut entries = cut.entries;
    let mut cut_off = learned::trim_trailer(&mut entries);
    cut_off.splice(0..0, learned::cut_notes_after(&mut entries));
    if let Some(note) = cut_after_note(&cut_off) {
        doc.notes.push(note);
    }
    if sure {
        let earlier = earlier_sections(&lines, &found, layout, models);
        if !earlier.is_empty() {
            let mut sections = Vec::new();
            let mut all = Vec::new();
            for (section, cut) in earlier {
                sections.push(section);
                doc.notes.extend(cut.notes);
                all.extend(cut.entries);
            }
            sections.extend(doc.section.take());
            all.append(&mut entries);
            entries = all;
            doc.notes.push(sections_note(&sections));
            doc.section = sections.first().cloned();
            doc.sections = sections;
        }
    }
    parse_entries(&mut doc, &lines, entries);
    doc
}

/// The works-cited sections, each under its own heading, that come before
/// a section the rules are sure of (a paper's list, then its supplement's),
/// in document order: lists the rules are as sure of, or else the sections
/// the line models find there under a works-cited heading.
fn earlier_sections(
    lines: &[&str],
    found: &section::Found,
    layout: Option<&[crate::input::LineLayout]>,
    models: Option<(&learn::Model, &learn::Model)>,
) -> Vec<(Section, split::Split)> {
    let mut sure = Vec::new();
    let mut learned = Vec::new();
    let mut before = found.heading_line;
    while let Some(h) = before {
        let Some(f) = section::by_heading(&lines[..h]) else {
            break;
        };
        let Some(cut) = rules_are_sure(&lines[..h], &f) else {
            // Not a list the rules are sure of: the models read what is
            // before.
            if let Some(models) = models {
                learned = named_learned_sections(&lines[..h], layout, models);
            }
            break;
        };
        before = f.heading_line;
        sure.push((section_of_found(&f), cut));
    }
    sure.reverse();
    learned.extend(sure);
    learned
}

/// The sections the line models find in `lines` under a works-cited
/// heading, in document order.
fn named_learned_sections(
    lines: &[&str],
    layout: Option<&[crate::input::LineLayout]>,
    (finder, splitter): (&learn::Model, &learn::Model),
) -> Vec<(Section, split::Split)> {
    let layout = layout.map(|l| &l[..lines.len().min(l.len())]);
    learned::find_with(finder, splitter, lines, layout)
        .into_iter()
        .filter_map(|s| {
            let (line, heading) = s
                .heading
                .filter(|(_, t)| section::heading_name(t).is_some())?;
            let note =
                (s.dropped > 0).then(|| format!("{} under \"{heading}\"", dropped_note(s.dropped)));
            Some((
                Section {
                    heading,
                    line: line + 2,
                    end_line: s.last + 1,
                },
                split::Split {
                    entries: s.entries,
                    notes: note.into_iter().collect(),
                },
            ))
        })
        .collect()
}

/// The section the rules found, as a document reports it (1-based lines).
fn section_of_found(f: &section::Found) -> Section {
    Section {
        heading: f.heading.clone(),
        line: f.first + 1,
        end_line: f.last + 1,
    }
}

/// The note on entries cut off the end of a list as a journal's trailer
/// or as notes numbered from 1 after it (nothing is dropped silently),
/// `cut` in the order they stood; `None` when none was cut.
fn cut_after_note(cut: &[split::RawEntry]) -> Option<String> {
    let (first, last) = (cut.first()?, cut.last()?);
    Some(format!(
        "cut {} entr{} off the end of the list as a trailer or notes after it (lines {}-{})",
        cut.len(),
        if cut.len() == 1 { "y" } else { "ies" },
        first.line,
        last.end_line
    ))
}

/// The note on lines dropped from inside a list.
fn dropped_note(lines: usize) -> String {
    format!(
        "dropped {lines} line(s) of page furniture (page numbers, running heads) or other text inside the list"
    )
}

/// The note naming every works-cited section of a document.
fn sections_note(sections: &[Section]) -> String {
    format!(
        "{} works-cited sections: {}",
        sections.len(),
        sections
            .iter()
            .map(|s| format!("\"{}\" (lines {}-{})", s.heading, s.line, s.end_line))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// The rules' cut of their section when the rule-based finder is surer
/// than the models: a Markdown bullet list, a numbered run sharing its line
/// with the heading (text that lost its line breaks), neither of which the
/// models, trained on PDF lines, have seen, or a clean dated list.
fn rules_are_sure(lines: &[&str], found: &section::Found) -> Option<split::Split> {
    found.heading_line?;
    let cut = || split::split_from(lines, found.first, found.start, found.last);
    if found.start > 0 {
        return Some(cut());
    }
    let body = &lines[found.first..=found.last.min(lines.len().saturating_sub(1))];
    let content: Vec<&str> = body
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    let bullets = content
        .iter()
        .filter(|l| split::BULLETS.iter().any(|b| l.starts_with(b)))
        .count();
    if bullets * 2 >= content.len() && bullets > 0 {
        return Some(cut());
    }
    // A clean list under its heading: the rules' cut gives entries that are
    // each short, dated and a few lines long (generated and typed lists);
    // a list run on into figures or an appendix does not. Two such
    // entries are enough (the line models, trained on long lists, can read
    // the second of two as the first one's continuation) when no line
    // inside them opens with a label the rules did not cut at ("3) Lee").
    let cut = cut();
    let n = cut.entries.len();
    let dated = cut
        .entries
        .iter()
        .filter(|e| cues::has_year(&e.text))
        .count();
    let unlabelled_inside = || {
        cut.entries.iter().all(|e| {
            e.text
                .lines()
                .skip(1)
                .all(|l| features::label_of(l).is_none())
        })
    };
    let clean = (n >= 3 || n == 2 && unlabelled_inside())
        && dated * 10 >= n * 9
        && cut
            .entries
            .iter()
            .all(|e| e.text.len() <= 600 && e.end_line - e.line < 8);
    clean.then_some(cut)
}

/// Fills a document from the sections the models found.
fn from_learned(doc: &mut Document, lines: &[&str], found: Vec<learned::LearnedSection>) {
    let mut raws = Vec::new();
    let mut dropped = 0;
    for s in &found {
        let (heading, line) = match &s.heading {
            Some((h, text)) => (text.clone(), h + 2),
            None => {
                doc.notes.push(format!(
                    "no works-cited heading; took lines {}-{} as the list",
                    s.first + 1,
                    s.last + 1
                ));
                (
                    format!(
                        "(no heading: a run of {} entries found by the line model)",
                        s.entries.len()
                    ),
                    s.first + 1,
                )
            }
        };
        doc.sections.push(Section {
            heading,
            line,
            end_line: s.last + 1,
        });
        dropped += s.dropped;
    }
    for s in found {
        raws.extend(s.entries);
    }
    if dropped > 0 {
        doc.notes.push(dropped_note(dropped));
    }
    if doc.sections.len() > 1 {
        doc.notes.push(sections_note(&doc.sections));
    }
    doc.section = doc.sections.first().cloned();
    if doc.sections.len() == 1 {
        doc.sections.clear();
    }
    parse_entries(doc, lines, raws);
}

/// Repairs, votes the list's style over and parses the cut entries.
fn parse_entries(doc: &mut Document, lines: &[&str], cut: Vec<split::RawEntry>) {
    let repaired: Vec<String> = cut
        .iter()
        .map(|e| repair::repair_normalized(&e.text).unwrap_or_else(|| e.text.clone()))
        .collect();
    doc.style = vote_style(&repaired);
    let path: std::sync::Arc<str> = doc.path.as_str().into();
    let style = doc.style;
    doc.entries = cut
        .into_iter()
        .zip(repaired)
        .map(|(raw, text)| {
            let (style, outcome) = parse_entry(&text, style);
            Entry {
                span: Span {
                    path: path.clone(),
                    line: raw.line,
                    end_line: raw.end_line,
                    column: raw.column,
                },
                marker: raw.label.as_ref().and_then(|_| printed_marker(lines, &raw)),
                label: raw.label,
                raw: text.into(),
                style,
                outcome,
            }
        })
        .collect();
    inherit_ditto_names(&mut doc.entries);
}

/// The label of a numbered entry as its line prints it ("\[12\]", "12."):
/// what stands between the entry's first column and its text, or the whole
/// line when the label stands alone on it. `None` when what stands there is
/// too long to be a label.
fn printed_marker(lines: &[&str], entry: &split::RawEntry) -> Option<String> {
    let line = lines.get(entry.line.checked_sub(1)?)?;
    let from = line
        .char_indices()
        .nth(entry.column.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    let rest = &line[from..];
    let first = entry.text.split('\n').next()?.trim();
    let head: String = first.chars().take(12).collect();
    // A label alone on its line ("2." above "Jones, B. …") is the line.
    let at = rest
        .find(head.as_str())
        .filter(|_| !head.is_empty())
        .unwrap_or(rest.len());
    let marker = rest[..at].trim();
    (!marker.is_empty() && marker.chars().count() <= 12).then(|| marker.to_owned())
}

/// "———, editor. *Whose Culture?* …": an entry that opens with dashes
/// repeats the names of the entry before it (as that entry's authors, or
/// as editors when a role word says so), which the parser of one entry
/// cannot know. Filled in only where the entry has no names of its own.
fn inherit_ditto_names(entries: &mut [Entry]) {
    for i in 1..entries.len() {
        if !cues::starts_like_ditto(&entries[i].raw) {
            continue;
        }
        let Some(prev) = entries[i - 1].reference() else {
            continue;
        };
        let (mut persons, mut et_al) = (prev.cited_persons().to_vec(), prev.et_al);
        if persons.is_empty() {
            continue;
        }
        let mut role = entries[i]
            .raw
            .trim_start_matches(['—', '–', '_', '-', ' ', ',', '.'])
            .to_owned();
        // "———, et al.": the first of the previous entry's names, and others.
        if let Some(rest) = role.strip_prefix("et al") {
            persons.truncate(1);
            et_al = true;
            role = rest.trim_start_matches([' ', ',', '.']).to_owned();
        }
        let Outcome::Parsed { reference, .. } = &mut entries[i].outcome else {
            continue;
        };
        if !reference.authors.is_empty() || !reference.editors.is_empty() {
            continue;
        }
        let r = std::sync::Arc::make_mut(reference);
        if role.starts_with("ed") {
            r.editors = persons;
        } else {
            r.authors = persons;
        }
        r.et_al = et_al;
    }
}

/// The most common style guessed over the entries (ties go to the style
/// seen first); `Unknown` when no entry gives a guess.
fn vote_style(entries: &[String]) -> Style {
    let mut votes: HashMap<Style, (usize, usize)> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        if e.len() > MAX_ENTRY_LEN {
            continue;
        }
        let style = parse::guess_style(e);
        if style != Style::Unknown {
            let v = votes.entry(style).or_insert((0, i));
            v.0 += 1;
        }
    }
    votes
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
        .map_or(Style::Unknown, |(s, _)| s)
}

fn parse_entry(text: &str, hint: Style) -> (Style, Outcome) {
    if text.len() > MAX_ENTRY_LEN {
        return (
            hint,
            Outcome::Unparsed {
                reason: format!(
                    "too long for a reference ({} characters); the list may not have been split",
                    text.chars().count()
                ),
            },
        );
    }
    let parsed = parse::parse_reference(text, hint);
    (parsed.style, parsed.outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_the_notes_repeat_is_no_running_head() {
        // Chicago notes cite a work again and again, each time repeating
        // its first line ("[25] Texas Instruments, bq25570 …") or a line
        // of its long title: the list's own line stays in its entry.
        let f = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/heldout16/41-batteryless-sensing.chicago-notes.txt"
        ))
        .expect("fixture");
        let doc = extract_text("n.txt", &f);
        let ti: Vec<&str> = doc
            .entries
            .iter()
            .map(|e| &*e.raw)
            .filter(|r| r.starts_with("Texas Instruments"))
            .collect();
        assert_eq!(ti.len(), 2, "{ti:?}");
        assert!(ti[0].contains("bq25570"), "{ti:?}");
        let f = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/heldout16/40-coastal-lights.chicago-notes.txt"
        ))
        .expect("fixture");
        let doc = extract_text("n.txt", &f);
        let royal = doc
            .entries
            .iter()
            .find(|e| e.raw.starts_with("Royal Commission"))
            .expect("entry");
        assert!(
            royal.raw.contains("Condition and Management"),
            "{}",
            royal.raw
        );
    }

    #[test]
    fn a_list_of_two_entries_at_the_end_keeps_both() {
        // Each entry on its own line between blank lines, the second the
        // document's last: the models had joined it to the first.
        let text = "Some prose about printing.\n\nBibliography\n\nForney, Kristine K. 1978. \"Tielman Susato, Sixteenth-Century Music Printer.\" PhD diss., University of Kentucky.\n\nHeartz, Daniel. 1969. Pierre Attaingnant, Royal Printer of Music. Berkeley: University of California Press.\n";
        let doc = extract_text("x.txt", text);
        assert_eq!(doc.entries.len(), 2, "{:?}", doc.entries);
        assert!(doc.entries[1].raw.starts_with("Heartz"));
    }

    #[test]
    fn no_section_is_noted() {
        let doc = extract_text("x.txt", "Just prose, written in 2019 by someone.\n");
        assert!(doc.entries.is_empty());
        assert_eq!(doc.notes, [NO_SECTION]);
    }

    #[test]
    fn a_list_above_another_list_is_kept() {
        // A paper's list, then its supplement's under a second heading:
        // both are reported, the earlier first, each entry once.
        let list = |names: &[&str]| {
            names
                .iter()
                .enumerate()
                .map(|(i, n)| {
                    format!(
                        "{n}, A. B. 20{:02}. A study of things. Journal of Studies {i}: 1-9.\n",
                        i + 10
                    )
                })
                .collect::<String>()
        };
        let text = format!(
            "Prose of the paper.\n\nReferences\n{}\nReferences\n{}",
            list(&["Adams", "Brown", "Clark", "Davis"]),
            list(&["Evans", "Fox", "Green"])
        );
        let doc = extract_with("p.txt", &text, None, None);
        let firsts: Vec<&str> = doc
            .entries
            .iter()
            .map(|e| e.raw.split(',').next().unwrap())
            .collect();
        assert_eq!(
            firsts,
            ["Adams", "Brown", "Clark", "Davis", "Evans", "Fox", "Green"]
        );
        assert_eq!(doc.sections.len(), 2);
        assert_eq!(doc.sections[0].line, 4);
        assert_eq!(doc.sections[1].line, 10);
        assert!(doc
            .notes
            .iter()
            .any(|n| n.starts_with("2 works-cited sections")));
    }

    #[test]
    fn a_numbered_list_without_heading_starts_at_its_first_number() {
        // A physics letter: the acknowledgements run straight into "[1]".
        let text = "The rotation curves of spiral galaxies remain flat out to large radii, and
the data presented here support that picture at every radius we could reach.
We also warmly thank G. Angus for the instructive discussions and the
referee for a careful reading. This work was supported by the Natural
Science Foundation under Contract No. 12345 and the Ministry of Science.
[1] Y. Sofue, V. Rubin, ARA&A, 39, 127, 2001.
[2] M. Persic, P. Salucci, F. Stel, MNRAS, 281, 27, 1996.
[3] J. F. Navarro, C. S. Frenk, S. D. M. White, ApJ, 490, 493, 1997.
[4] A. Burkert, ApJ, 447, L25, 1995.
[5] W. J. G. de Blok, S. S. McGaugh, V. C. Rubin, AJ, 122, 2396, 2001.
";
        let doc = extract_text("letter.txt", text);
        assert_eq!(doc.entries.len(), 5);
        assert_eq!(doc.entries[0].span.line, 6);
        assert_eq!(doc.section.as_ref().map(|s| s.line), Some(6));
    }

    #[test]
    fn ditto_entries_take_the_names_before() {
        let doc = extract_text(
            "p.txt",
            "Text.\n\nWorks Cited\n\nCuno, James. Who Owns Antiquity? Museums and the Battle over Our Ancient Heritage. Princeton University Press, 2008.\n\n———, editor. Whose Culture? The Promise of Museums and the Debate over Antiquities. Princeton University Press, 2009.\n\n———. “Culture War.” Foreign Affairs, vol. 94, no. 6, 2015, pp. 119–29.\n",
        );
        assert_eq!(doc.entries.len(), 3);
        let r: Vec<_> = doc.entries.iter().map(|e| e.reference().unwrap()).collect();
        assert!(r[1].authors.is_empty());
        assert_eq!(r[1].editors[0].family, "Cuno");
        assert_eq!(r[2].authors[0].family, "Cuno");
        assert!(r[2].editors.is_empty());
    }

    #[test]
    fn numbered_entries_keep_their_label_as_printed() {
        let text = "References\n1. Smith, J. A title. J. Phys. 12, 3 (2001).\n2.\nJones, B. Book. Pub, 1999.\n3) Lee, C. Other. Pub, 2003.\n";
        let doc = extract_text("p.txt", text);
        let markers: Vec<_> = doc.entries.iter().map(|e| e.marker.as_deref()).collect();
        assert_eq!(
            markers,
            [Some("1."), Some("2."), Some("3)")],
            "{:#?}",
            doc.entries
        );
        let bare = extract_text(
            "q.txt",
            "References\nSmith, J. 2001. A title. J. Phys. 12.\nJones, B. 1999. Book. Pub.\n",
        );
        assert!(bare.entries.iter().all(|e| e.marker.is_none()));
    }

    #[test]
    fn spans_point_at_the_entry_lines() {
        let doc = extract_text(
            "p.md",
            "Text.\r\n\r\nReferences\r\n\r\n[1] A. Author, ‘T’, J, 2020. [2] B. Author, ‘U’, K, 2021.\r\n",
        );
        assert_eq!(doc.entries.len(), 2);
        assert_eq!(doc.entries[1].span.line, 5);
        assert_eq!(doc.entries[1].span.column, 30);
        assert_eq!(doc.entries[1].label.as_deref(), Some("2"));
        assert_eq!(doc.entries[1].marker.as_deref(), Some("[2]"));
        assert_eq!(doc.section.as_ref().map(|s| s.line), Some(4));
    }

    #[test]
    fn overlong_entries_are_unparsed_not_dropped() {
        let text = format!(
            "References\n\n[1] Author, A. {} 2020.\n",
            "x".repeat(20_000)
        );
        let doc = extract_text("big.txt", &text);
        assert_eq!(doc.entries.len(), 1);
        assert!(matches!(doc.entries[0].outcome, Outcome::Unparsed { .. }));
    }
}
