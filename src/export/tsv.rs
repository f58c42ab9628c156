//! Tab-separated values: one header line, then one line per entry, for
//! spreadsheets and `cut`/`awk`.

use super::one_line;
use crate::model::{Entry, Outcome};
use std::io::{self, Write};

/// The column names, in order.
pub const COLUMNS: [&str; 18] = [
    "source",
    "line",
    "label",
    "style",
    "status",
    "type",
    "authors",
    "year",
    "title",
    "container",
    "publisher",
    "volume",
    "issue",
    "pages",
    "doi",
    "url",
    "accessed",
    "reason",
];

/// A cell value: tabs and newlines cannot appear inside a TSV cell.
fn cell(s: &str) -> String {
    one_line(&s.replace('\t', " "))
}

/// Writes entries as TSV with a header line.
pub fn write<W: Write + ?Sized>(out: &mut W, entries: &[Entry]) -> io::Result<()> {
    write_header(out)?;
    write_rows(out, entries)
}

/// The header line of [`write`].
pub fn write_header<W: Write + ?Sized>(out: &mut W) -> io::Result<()> {
    writeln!(out, "{}", COLUMNS.join("\t"))
}

/// The rows of [`write`] for some entries, without the header.
pub fn write_rows<W: Write + ?Sized>(out: &mut W, entries: &[Entry]) -> io::Result<()> {
    for e in entries {
        let mut row: Vec<String> = vec![
            cell(&e.span.path),
            e.span.line.to_string(),
            cell(e.label.as_deref().unwrap_or("")),
            e.style.to_string(),
        ];
        match &e.outcome {
            Outcome::Parsed { reference: r, .. } => {
                let authors: Vec<String> = r.authors.iter().map(|p| p.to_string()).collect();
                let mut authors = authors.join("; ");
                if r.et_al {
                    authors.push_str("; et al.");
                }
                let opt = |v: &Option<String>| cell(v.as_deref().unwrap_or(""));
                row.extend([
                    "parsed".to_string(),
                    r.kind.csl_name().to_string(),
                    cell(&authors),
                    r.year().map(|y| y.to_string()).unwrap_or_default(),
                    opt(&r.title),
                    opt(&r.container_title),
                    opt(&r.publisher),
                    opt(&r.volume),
                    opt(&r.issue),
                    opt(&r.pages),
                    opt(&r.doi),
                    opt(&r.url),
                    r.accessed.map(|d| d.to_string()).unwrap_or_default(),
                    String::new(),
                ]);
            }
            Outcome::Unparsed { reason } => {
                row.push("unparsed".into());
                row.extend(std::iter::repeat_n(String::new(), 12));
                row.push(cell(reason));
            }
        }
        writeln!(out, "{}", row.join("\t"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Span, Style};

    #[test]
    fn every_row_has_every_column_even_unparsed() {
        let e = Entry {
            span: Span {
                path: "x\ty.txt".into(),
                line: 9,
                end_line: 9,
                column: 1,
            },
            label: None,
            marker: None,
            raw: "garbage".into(),
            style: Style::Unknown,
            outcome: Outcome::Unparsed {
                reason: "no\tfields".into(),
            },
        };
        let mut buf = Vec::new();
        write(&mut buf, &[e]).unwrap();
        let s = String::from_utf8(buf).unwrap();
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1].split('\t').count(), COLUMNS.len());
        assert!(lines[1].starts_with("x y.txt\t9\t"));
        assert!(lines[1].ends_with("no fields"));
    }
}
