//! Web of Science exports: "plain text" (two-letter field tags, one value
//! per line, continuation lines indented three spaces, `ER` ending each
//! record) and "tab-delimited" (one record per row, the same tags as column
//! heads, cited references separated by "; ").

use super::{batch::Batcher, csv_reader, nonempty, pages, person, Columns, Form, Record};
use crate::error::Result;
use crate::input::{Format, Source};

/// Whether text is a WoS plain-text export: `FN`/`VR` header or a record
/// that opens with `PT` and has an `ER`.
pub fn is_plain_text(text: &str) -> bool {
    let first = text.lines().next().unwrap_or("");
    (first.starts_with("FN ") && text.contains("\nPT "))
        || (first.starts_with("PT ") && text.contains("\nER"))
}

/// The tag of a field line ("AU" of "AU Adams, WC"), if it opens one.
fn tag(line: &str) -> Option<&str> {
    let b = line.as_bytes();
    let ok = b.len() >= 2
        && b[0].is_ascii_uppercase()
        && (b[1].is_ascii_uppercase() || b[1].is_ascii_digit())
        && (b.len() == 2 || b[2] == b' ');
    ok.then(|| &line[..2])
}

/// Adds one field's value lines to a record.
fn apply<S: AsRef<str>>(rec: &mut Record, tag: &str, values: &[(S, usize)], joined_by: &str) {
    let joined = || {
        values
            .iter()
            .map(|(v, _)| v.as_ref().trim())
            .filter(|v| !v.is_empty())
            .collect::<Vec<_>>()
            .join(joined_by)
    };
    let m = &mut rec.meta;
    match tag {
        "TI" => m.title = nonempty(&joined()),
        "AU" => {
            m.authors = values
                .iter()
                .filter_map(|(v, _)| person(v.as_ref()))
                .collect()
        }
        "PY" => m.year = joined().trim().parse().ok(),
        "SO" => m.venue = nonempty(&joined()),
        "J9" | "JI" => m.venue_abbreviations.extend(nonempty(&joined())),
        "DI" => m.doi = nonempty(&joined()),
        "VL" => m.volume = nonempty(&joined()),
        "BP" => m.pages = nonempty(&joined()),
        "EP" => {
            if let Some(first) = m.pages.take() {
                m.pages = pages(&first, &joined());
            }
        }
        "AR" if m.pages.is_none() => m.pages = nonempty(&joined()),
        "UT" => m.source = nonempty(&joined()),
        "NR" => rec.stated = joined().trim().parse().ok(),
        "AB" => {
            if !rec.text.is_empty() {
                rec.text.push('\n');
            }
            rec.text.push_str(&joined());
        }
        "CR" => rec.cited.extend(values.iter().filter_map(|(v, l)| {
            let v = v.as_ref().trim();
            (!v.is_empty()).then(|| (v.to_owned(), *l))
        })),
        _ => {}
    }
}

/// Finishes a record: the title opens its text.
fn finish(mut rec: Record) -> Record {
    if let Some(t) = &rec.meta.title {
        rec.text = if rec.text.is_empty() {
            t.clone()
        } else {
            format!("{t}\n{}", rec.text)
        };
    }
    rec
}

/// Reads plain text a line at a time into records: the state between
/// lines is the open record and the field being read.
#[derive(Default)]
struct Plain {
    rec: Option<Record>,
    /// The tag of the field being read, and its value lines so far.
    current: Option<[u8; 2]>,
    values: Vec<(String, usize)>,
}

impl Plain {
    /// Reads line `line_no` (1-based); returns the record it ends, if any.
    fn line(&mut self, line_no: usize, line: &str) -> Option<Record> {
        let line = line.trim_start_matches('\u{feff}');
        if let Some(rest) = line.strip_prefix("   ") {
            if self.current.is_some() {
                self.values.push((rest.to_owned(), line_no));
            }
            return None;
        }
        let t = tag(line)?;
        self.flush();
        let mut done = None;
        match t {
            "FN" | "VR" | "EF" => {}
            "PT" => {
                // A record that never reached ER still counts.
                done = self.rec.replace(Record::default()).map(finish);
            }
            "ER" => done = self.rec.take().map(finish),
            _ => {
                let b = t.as_bytes();
                self.current = Some([b[0], b[1]]);
                self.values
                    .push((line.get(3..).unwrap_or("").to_owned(), line_no));
            }
        }
        done
    }

    /// Adds the field being read to the open record.
    fn flush(&mut self) {
        if let (Some(r), Some(t)) = (self.rec.as_mut(), self.current.take()) {
            let t = std::str::from_utf8(&t).unwrap_or("");
            let sep = if t == "TI" || t == "AB" || t == "SO" {
                " "
            } else {
                "; "
            };
            apply(r, t, &self.values, sep);
        }
        self.current = None;
        self.values.clear();
    }

    /// The record left open at the end of the file, if any.
    fn end(mut self) -> Option<Record> {
        self.flush();
        self.rec.take().map(finish)
    }
}

/// Reads a WoS plain-text export, one [`Source`] per record.
///
/// # Errors
///
/// None at present: a damaged record is read as far as it goes; kept a
/// `Result` so that readers share one signature.
pub fn read_plain(path: &str, text: &str) -> Result<Vec<Source>> {
    let mut out = Batcher::new(path, Format::WosText);
    let mut plain = Plain::default();
    for (i, line) in text.lines().enumerate() {
        if let Some(r) = plain.line(i + 1, line) {
            out.push(r, Form::Wos);
        }
    }
    if let Some(r) = plain.end() {
        out.push(r, Form::Wos);
    }
    Ok(out.finish())
}

/// The longest line [`read_plain_stream`] keeps; the rest of a longer one
/// (no WoS field comes near it) is skipped, so a file without line breaks
/// cannot exhaust memory.
const MAX_LINE: usize = 1 << 20;

/// Reads a WoS plain-text export from `reader` a line at a time, without
/// holding the file: memory holds the records' sources, not the text. Lines
/// that are not UTF-8 are read as Windows-1252.
///
/// # Errors
///
/// [`crate::Error::Io`] when reading fails.
pub fn read_plain_stream(
    path: &std::path::Path,
    mut reader: impl std::io::BufRead,
) -> Result<Vec<Source>> {
    let name = path.display().to_string();
    let mut out = Batcher::new(&name, Format::WosText);
    let mut plain = Plain::default();
    let mut buf = Vec::new();
    let mut line_no = 0;
    while next_line(&mut reader, &mut buf).map_err(|source| crate::Error::Io {
        path: path.to_owned(),
        source,
    })? {
        line_no += 1;
        let mut bytes = buf.as_slice();
        if let Some(b) = bytes.strip_suffix(b"\n") {
            bytes = b.strip_suffix(b"\r").unwrap_or(b);
        }
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => std::borrow::Cow::Borrowed(t),
            Err(_) => {
                encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(bytes)
                    .0
            }
        };
        if let Some(r) = plain.line(line_no, &text) {
            out.push(r, Form::Wos);
        }
    }
    if let Some(r) = plain.end() {
        out.push(r, Form::Wos);
    }
    Ok(out.finish())
}

/// Reads the next line (with its line break) into `buf`, keeping at most
/// [`MAX_LINE`] bytes of it; `false` at the end of the input.
fn next_line(reader: &mut impl std::io::BufRead, buf: &mut Vec<u8>) -> std::io::Result<bool> {
    buf.clear();
    let mut any = false;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(any);
        }
        any = true;
        let (take, done) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        let room = MAX_LINE.saturating_sub(buf.len());
        buf.extend_from_slice(&chunk[..take.min(room)]);
        reader.consume(take);
        if done {
            return Ok(true);
        }
    }
}

/// Reads a WoS tab-delimited export, one [`Source`] per row.
///
/// # Errors
///
/// [`crate::Error::Export`] when a row cannot be read.
pub fn read_tabbed(path: &str, text: &str) -> Result<Vec<Source>> {
    let mut reader = csv_reader(text, b'\t', false);
    let headers = reader
        .headers()
        .map_err(|e| super::csv_error(path, "Web of Science tab-delimited", &e))?
        .clone();
    let cols = Columns::new(&headers);
    let mut out = Batcher::new(path, Format::WosTabbed);
    for row in reader.records() {
        let row = row.map_err(|e| super::csv_error(path, "Web of Science tab-delimited", &e))?;
        let line = row
            .position()
            .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
        let mut rec = Record::default();
        for t in [
            "TI", "SO", "J9", "JI", "PY", "DI", "VL", "BP", "EP", "AR", "UT", "NR", "AB",
        ] {
            let v = cols.get(&row, t);
            if !v.is_empty() {
                apply(&mut rec, t, &[(v, line)], " ");
            }
        }
        let authors: Vec<(&str, usize)> = cols
            .get(&row, "AU")
            .split("; ")
            .map(|a| (a, line))
            .collect();
        apply(&mut rec, "AU", &authors, "; ");
        let cited: Vec<(&str, usize)> = cols
            .get(&row, "CR")
            .split("; ")
            .map(|c| (c, line))
            .collect();
        apply(&mut rec, "CR", &cited, "; ");
        out.push(finish(rec), Form::Wos);
    }
    Ok(out.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Adams, WC\n   Infeld, DL\nTI Network Bibliometrics of\n   Public Policy Journals\nSO POLICY STUDIES JOURNAL\nJ9 POLICY STUD J\nJI Policy Stud. J.\nPY 2016\nVL 44\nBP 133\nEP 140\nCR Adams WC, 2014, POLICY STUD J, V42, pS118, DOI 10.1111/psj.12051\n   [Anonymous], 2008, J ADVERTISING\nNR 2\nER\n\nPT J\nAU Solo, A\nTI Second\nCR QUADE ES, 1970, POLICY SCI, V1, P1\nNR 3\nER\nEF\n";

    #[test]
    fn plain_text_records() {
        assert!(is_plain_text(SAMPLE));
        let s = read_plain("w.txt", SAMPLE).unwrap();
        assert_eq!(s.len(), 2);
        let m = &s[0].meta;
        assert_eq!(
            m.title.as_deref(),
            Some("Network Bibliometrics of Public Policy Journals")
        );
        assert_eq!(m.authors.len(), 2);
        assert_eq!(m.venue_abbreviations, ["POLICY STUD J", "Policy Stud. J."]);
        assert_eq!(m.pages.as_deref(), Some("133-140"));
        let e = s[0].entries.as_ref().unwrap();
        assert_eq!(e.len(), 2);
        assert_eq!(e[1].span.line, 16);
        assert_eq!(s[0].path, "w.txt:1");
        assert!(s[0].notes.is_empty());
        assert_eq!(s[1].notes.len(), 1, "NR 3 but one CR line");
    }

    /// What a reader gives, as comparable text.
    fn summary(sources: &[Source]) -> Vec<String> {
        sources
            .iter()
            .map(|s| {
                let entries: Vec<String> = s
                    .entries
                    .iter()
                    .flatten()
                    .map(|e| format!("{}@{}:{}", e.raw, e.span.path, e.span.line))
                    .collect();
                format!("{} {:?} {:?} {entries:?}", s.path, s.meta, s.notes)
            })
            .collect()
    }

    #[test]
    fn stream_reads_as_text_does() {
        let path = std::path::Path::new("w.txt");
        let whole = read_plain("w.txt", SAMPLE).unwrap();
        let streamed = read_plain_stream(path, SAMPLE.as_bytes()).unwrap();
        assert_eq!(summary(&whole), summary(&streamed));
        // Windows line ends and a byte-order mark change nothing.
        let crlf = format!("\u{feff}{}", SAMPLE.replace('\n', "\r\n"));
        let streamed = read_plain_stream(path, crlf.as_bytes()).unwrap();
        assert_eq!(summary(&whole), summary(&streamed));
    }

    #[test]
    fn a_file_is_streamed_as_its_bytes_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.txt");
        std::fs::write(&path, SAMPLE).unwrap();
        let streamed = crate::input::read(&path).unwrap();
        let whole = crate::input::format::read_bytes(&path, SAMPLE.as_bytes()).unwrap();
        assert_eq!(summary(&whole), summary(&streamed));
        assert_eq!(streamed[0].format, Format::WosText);
    }

    #[test]
    fn stream_survives_hostile_lines() {
        let path = std::path::Path::new("w.txt");
        // A line of 3 MB is cut, and a Windows-1252 line is decoded.
        let mut bytes = b"FN x\nPT J\nAU M\xfcller, K\nCR ".to_vec();
        bytes.extend(std::iter::repeat_n(b'a', 3 << 20));
        bytes.extend(b"\n   Smith J, 2010, NATURE, V465, P10\nER\n");
        let s = read_plain_stream(path, bytes.as_slice()).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].meta.authors[0].family, "M\u{fc}ller");
        let e = s[0].entries.as_ref().unwrap();
        assert_eq!(e.len(), 2);
        assert!(e[0].raw.len() <= super::super::MAX_REFERENCE);
        assert_eq!(e[1].span.line, 5);
        // No line break at all, and nothing: no record, no panic.
        assert!(read_plain_stream(path, &b"PT J"[..]).unwrap().len() == 1);
        assert!(read_plain_stream(path, &b""[..]).unwrap().is_empty());
    }

    #[test]
    fn references_written_alike_share_one_parse() {
        let text = "FN x\nPT J\nCR Adams WC, 2014, POLICY STUD J, V42, P1\nER\nPT J\nCR Adams WC, 2014, POLICY STUD J, V42, P1\n   Adams WC, 2014, POLICY STUD J, V42, p1\nER\n";
        let s = read_plain("w.txt", text).unwrap();
        let outcome = |d: usize, e: usize| match &s[d].entries.as_ref().unwrap()[e].outcome {
            crate::model::Outcome::Parsed { reference, .. } => std::sync::Arc::clone(reference),
            crate::model::Outcome::Unparsed { reason } => panic!("{reason}"),
        };
        assert!(std::sync::Arc::ptr_eq(&outcome(0, 0), &outcome(1, 0)));
        let raw =
            |d: usize, e: usize| std::sync::Arc::clone(&s[d].entries.as_ref().unwrap()[e].raw);
        assert!(std::sync::Arc::ptr_eq(&raw(0, 0), &raw(1, 0)));
        // Another text with the same parse shares the parse, not the text.
        assert_eq!(*outcome(1, 1), *outcome(1, 0));
        assert!(!std::sync::Arc::ptr_eq(&raw(1, 1), &raw(1, 0)));
    }

    #[test]
    fn tabbed_rows() {
        let t = "PT\tAU\tTI\tSO\tCR\tNR\tUT\nJ\tAdams, WC; Infeld, DL\tA title\tPOLICY STUDIES JOURNAL\tAdams WC, 2014, POLICY STUD J, V42, pS118; QUADE ES, 1970, POLICY SCI, V1, P1\t2\tWOS:1\n";
        let s = read_tabbed("w.txt", t).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].entries.as_ref().unwrap().len(), 2);
        assert_eq!(s[0].meta.authors.len(), 2);
    }
}
