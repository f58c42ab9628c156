//! Extraction on degenerate documents, generated here at run time: a very
//! large document without a works-cited list, thousands of lines that all
//! look like entries, a whole document on one line, and alternating blank
//! lines. Each must give a sane result or a clear note, never a panic or a
//! hang: the work of finding and splitting is bounded per line and linear in
//! the document, so each of these runs in well under a second of CPU in a
//! release build (CI runs `cargo test --release`).
//!
//! Each test checks what was found (entry counts, spans inside the
//! document, the note naming the problem), so a regression that merely
//! finishes still fails.

use citemap::extract::{extract, extract_text, NO_SECTION};
use citemap::{Document, Outcome};
use std::fmt::Write as _;

/// A deterministic stream of pseudo-random numbers (xorshift), so that the
/// generated text varies from line to line the same way every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[(self.next() % words.len() as u64) as usize]
    }
}

const WORDS: &[&str] = &[
    "the",
    "network",
    "of",
    "citations",
    "grows",
    "with",
    "every",
    "paper",
    "and",
    "its",
    "readers",
    "model",
    "data",
    "learning",
    "shows",
    "that",
    "results",
    "in",
    "which",
    "a",
    "method",
    "analysis",
    "figure",
    "table",
    "section",
    "we",
    "argue",
    "evidence",
    "is",
    "for",
];

const NAMES: &[&str] = &[
    "Smith",
    "Meyer",
    "Nakamura",
    "Okafor",
    "Dubois",
    "Kowalski",
    "García",
    "Lindqvist",
    "Chen",
    "Haddad",
];

/// A sentence of prose, sometimes citing author and year as papers do.
fn sentence(rng: &mut Rng, out: &mut String) {
    let words = 8 + rng.next() % 14;
    for k in 0..words {
        let w = rng.pick(WORDS);
        if k == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                out.extend(f.to_uppercase());
                out.push_str(c.as_str());
            }
        } else {
            out.push(' ');
            out.push_str(w);
        }
    }
    if rng.next() % 3 == 0 {
        let _ = write!(out, " ({} {})", rng.pick(NAMES), 1950 + rng.next() % 70);
    }
    out.push('.');
}

/// A paragraph of prose and a blank line, laid out as documents come:
/// wrapped at 78 characters (PDF text), one line per paragraph (Markdown),
/// or one sentence per line.
fn paragraph(rng: &mut Rng, out: &mut String) {
    let layout = rng.next() % 3;
    let mut line_start = out.len();
    for s in 0..3 + rng.next() % 6 {
        if s > 0 {
            out.push(if layout == 2 { '\n' } else { ' ' });
        }
        let at = out.len();
        sentence(rng, out);
        if layout == 0 {
            // Wrap the sentence just written at word boundaries.
            let words: Vec<String> = out[at..].split(' ').map(str::to_owned).collect();
            out.truncate(at);
            for (k, w) in words.iter().enumerate() {
                if k > 0 {
                    if out.len() - line_start + w.len() >= 78 {
                        out.push('\n');
                        line_start = out.len();
                    } else {
                        out.push(' ');
                    }
                }
                out.push_str(w);
            }
        }
    }
    out.push_str("\n\n");
}

/// Every entry's span lies inside the document and entries come in order.
fn assert_spans_sane(doc: &Document, lines: usize) {
    let mut prev = (0, 0);
    for e in &doc.entries {
        assert!(
            e.span.line >= 1 && e.span.line <= e.span.end_line && e.span.end_line <= lines,
            "span {}-{} outside 1-{lines}",
            e.span.line,
            e.span.end_line
        );
        assert!(
            (e.span.line, e.span.column) > prev,
            "entries out of order at line {}",
            e.span.line
        );
        prev = (e.span.line, e.span.column);
    }
}

#[test]
fn fifty_megabytes_without_a_works_cited_list() {
    let mut rng = Rng(0x5eed);
    let mut text = String::with_capacity(51 << 20);
    while text.len() < 50 << 20 {
        paragraph(&mut rng, &mut text);
    }
    let lines = text.split('\n').count();
    let doc = extract_text("long.txt", &text);
    assert!(
        doc.entries.is_empty(),
        "prose taken for {} entries, the first at line {}: {:?}",
        doc.entries.len(),
        doc.entries[0].span.line,
        doc.entries[0].raw
    );
    assert!(doc.section.is_none());
    assert!(doc.notes.iter().any(|n| n == NO_SECTION), "{:?}", doc.notes);
    assert!(lines > 300_000, "{lines} lines");
}

/// 20,000 lines that each look like a whole entry: with a heading, without
/// one, numbered, and all numbered "1." (a list whose numbers were lost).
#[test]
fn twenty_thousand_lines_that_all_look_like_entries() {
    const N: usize = 20_000;
    let entry = |i: usize, rng: &mut Rng| {
        format!(
            "{}, {}. {}. Title of work {i} on {}. Journal of {} {}({}):{}-{}, {}.",
            rng.pick(NAMES),
            ["A.", "B. C.", "D."][i % 3],
            rng.pick(NAMES),
            rng.pick(WORDS),
            rng.pick(WORDS),
            1 + i % 60,
            1 + i % 12,
            10 + i % 300,
            20 + i % 300,
            1950 + i % 70
        )
    };
    let mut rng = Rng(11);
    let mut plain = String::new();
    let mut headed = String::from("Some prose before the list (Smith 2001).\n\nReferences\n\n");
    let mut numbered = String::new();
    let mut ones = String::from("REFERENCES\n");
    for i in 1..=N {
        let e = entry(i, &mut rng);
        writeln!(plain, "{e}").unwrap();
        writeln!(headed, "{e}").unwrap();
        writeln!(numbered, "[{i}] {e}").unwrap();
        writeln!(ones, "1. {e}").unwrap();
    }
    for (name, text, at_least) in [
        ("plain.txt", &plain, N * 9 / 10),
        ("headed.txt", &headed, N * 9 / 10),
        ("numbered.txt", &numbered, N * 9 / 10),
        ("ones.txt", &ones, N * 9 / 10),
    ] {
        let lines = text.split('\n').count();
        let doc = extract_text(name, text);
        let n = doc.entries.len();
        assert!(
            (at_least..=N).contains(&n),
            "{name}: {n} entries from {N} entry lines; notes {:?}",
            doc.notes
        );
        assert_spans_sane(&doc, lines);
        let parsed = doc
            .entries
            .iter()
            .filter(|e| matches!(e.outcome, Outcome::Parsed { .. }))
            .count();
        assert!(parsed * 10 >= n * 9, "{name}: {parsed} of {n} parsed");
    }
}

/// A whole document on one 5 MB line (text that lost every line break):
/// prose, then a numbered list run on inline, with and without its heading;
/// and a line of 5 MB without a single reference.
#[test]
fn one_line_of_five_megabytes() {
    let mut rng = Rng(5);
    let mut prose = String::new();
    while prose.len() < 4 << 20 {
        sentence(&mut rng, &mut prose);
        prose.push(' ');
    }
    let mut run = String::new();
    let mut i = 0;
    while run.len() < 1 << 20 {
        i += 1;
        write!(
            run,
            "[{i}] {}. {}, ‘Title {i} of a {} {}’, Journal of {}, vol. {}, pp. {}-{}, {}. ",
            ["A", "B", "C"][i % 3],
            rng.pick(NAMES),
            rng.pick(WORDS),
            rng.pick(WORDS),
            rng.pick(WORDS),
            i % 40 + 1,
            i % 300 + 1,
            i % 300 + 9,
            1950 + i % 70
        )
        .unwrap();
    }
    let entries = i;
    let headed = format!("{prose} REFERENCES {run}");
    let bare = format!("{prose} {run}");
    for (name, text) in [("headed.txt", &headed), ("bare.txt", &bare)] {
        assert!(text.len() >= 5 << 20 && !text.contains('\n'));
        let doc = extract_text(name, text);
        assert_eq!(doc.entries.len(), entries, "{name}: notes {:?}", doc.notes);
        assert_spans_sane(&doc, 1);
        assert_eq!(
            doc.entries[entries - 1].label.as_deref(),
            Some(&*entries.to_string())
        );
        assert!(doc.entries.iter().all(|e| e.raw.len() < 200));
    }
    let doc = extract_text("prose.txt", &format!("{prose}{prose}"));
    assert!(doc.entries.is_empty(), "{} entries", doc.entries.len());
    assert!(doc.notes.iter().any(|n| n == NO_SECTION), "{:?}", doc.notes);
}

/// Every other line blank (double-spaced text, or a PDF tool that put a
/// blank line after each line): the list is still found, each entry once.
#[test]
fn alternating_blank_lines() {
    let mut rng = Rng(3);
    let mut text = String::new();
    for _ in 0..300 {
        sentence(&mut rng, &mut text);
        text.push('\n');
    }
    text.push_str("References\n");
    let n = 400;
    for i in 1..=n {
        writeln!(
            text,
            "{}, {}. ({}). Title {i} of a study. Journal of {}, {}, {}-{}.",
            rng.pick(NAMES),
            ["A.", "B. C."][i % 2],
            1950 + i % 70,
            rng.pick(WORDS),
            i % 40 + 1,
            i % 300 + 1,
            i % 300 + 9
        )
        .unwrap();
    }
    let spaced = text.replace('\n', "\n\n");
    let lines = spaced.split('\n').count();
    let doc = extract_text("spaced.txt", &spaced);
    assert_eq!(doc.entries.len(), n, "notes {:?}", doc.notes);
    assert_spans_sane(&doc, lines);
    // Every entry keeps its own line: the heading is line 601, the
    // entries lines 603, 605 … (each text line k is now line 2k - 1).
    for (k, e) in doc.entries.iter().enumerate() {
        assert_eq!(e.span.line, 603 + 2 * k, "entry {k}");
    }
    // A document of nothing but blank lines: no list, and says so.
    let blank = "\n\n".repeat(100_000);
    let doc = extract_text("blank.txt", &blank);
    assert!(doc.entries.is_empty());
    assert!(doc.notes.iter().any(|n| n == NO_SECTION), "{:?}", doc.notes);
}

/// The same documents through `extract` on a loaded file, as the command
/// line reads them: the 5 MB line read from disk gives the same entries.
#[test]
fn a_five_megabyte_line_read_from_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("Body text without line breaks, as a tool left it. REFERENCES ");
    let mut i = 0;
    while text.len() < 5 << 20 {
        i += 1;
        write!(
            text,
            "[{i}] A. Author{i}, ‘Title {i}’, Journal, vol. 3, 2001. "
        )
        .unwrap();
    }
    let path = dir.path().join("one-line.txt");
    std::fs::write(&path, &text).unwrap();
    let src = citemap::input::load(&path).expect("the file loads");
    let doc = extract(&src);
    assert_eq!(doc.entries.len(), i);
    assert_eq!(doc.entries[i - 1].span.line, 1);
}
