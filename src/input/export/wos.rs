//! Web of Science exports: "plain text" (two-letter field tags, one value
//! per line, continuation lines indented three spaces, `ER` ending each
//! record) and "tab-delimited" (one record per row, the same tags as column
//! heads, cited references separated by "; ").

use super::{csv_reader, nonempty, pages, person, source, Columns, Form, Record};
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
fn apply(rec: &mut Record, tag: &str, values: &[(&str, usize)], joined_by: &str) {
    let joined = || {
        values
            .iter()
            .map(|(v, _)| v.trim())
            .filter(|v| !v.is_empty())
            .collect::<Vec<_>>()
            .join(joined_by)
    };
    let m = &mut rec.meta;
    match tag {
        "TI" => m.title = nonempty(&joined()),
        "AU" => m.authors = values.iter().filter_map(|(v, _)| person(v)).collect(),
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
        "CR" => rec.cited.extend(
            values
                .iter()
                .filter(|(v, _)| !v.trim().is_empty())
                .map(|(v, l)| (v.trim().to_owned(), *l)),
        ),
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

/// Reads a WoS plain-text export, one [`Source`] per record.
///
/// # Errors
///
/// None at present: a damaged record is read as far as it goes; kept a
/// `Result` so that readers share one signature.
pub fn read_plain(path: &str, text: &str) -> Result<Vec<Source>> {
    let mut out = Vec::new();
    let mut rec: Option<Record> = None;
    let mut current: Option<&str> = None;
    let mut values: Vec<(&str, usize)> = Vec::new();
    let flush =
        |rec: &mut Option<Record>, current: Option<&str>, values: &mut Vec<(&str, usize)>| {
            if let (Some(r), Some(t)) = (rec.as_mut(), current) {
                let sep = if t == "TI" || t == "AB" || t == "SO" {
                    " "
                } else {
                    "; "
                };
                apply(r, t, values, sep);
            }
            values.clear();
        };
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = line.trim_start_matches('\u{feff}');
        if let Some(rest) = line.strip_prefix("   ") {
            if current.is_some() {
                values.push((rest, line_no));
            }
            continue;
        }
        let Some(t) = tag(line) else { continue };
        flush(&mut rec, current, &mut values);
        current = None;
        match t {
            "FN" | "VR" | "EF" => {}
            "PT" => {
                if let Some(r) = rec.take() {
                    // A record that never reached ER still counts.
                    out.push(finish(r));
                }
                rec = Some(Record::default());
            }
            "ER" => {
                if let Some(r) = rec.take() {
                    out.push(finish(r));
                }
            }
            _ => {
                current = Some(t);
                values.push((line.get(3..).unwrap_or(""), line_no));
            }
        }
    }
    flush(&mut rec, current, &mut values);
    if let Some(r) = rec.take() {
        out.push(finish(r));
    }
    Ok(out
        .into_iter()
        .enumerate()
        .map(|(i, r)| source(path, i + 1, r, Form::Wos, Format::WosText))
        .collect())
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
    let mut out = Vec::new();
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
        let n = out.len() + 1;
        out.push(source(path, n, finish(rec), Form::Wos, Format::WosTabbed));
    }
    Ok(out)
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

    #[test]
    fn tabbed_rows() {
        let t = "PT\tAU\tTI\tSO\tCR\tNR\tUT\nJ\tAdams, WC; Infeld, DL\tA title\tPOLICY STUDIES JOURNAL\tAdams WC, 2014, POLICY STUD J, V42, pS118; QUADE ES, 1970, POLICY SCI, V1, P1\t2\tWOS:1\n";
        let s = read_tabbed("w.txt", t).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].entries.as_ref().unwrap().len(), 2);
        assert_eq!(s[0].meta.authors.len(), 2);
    }
}
