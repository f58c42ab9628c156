//! The readable default output: per document, a heading line with counts and
//! notes, then one line per entry.

use crate::model::{Document, Outcome, Reference};
use std::io::{self, Write};

/// Shortens `s` to at most `max` characters, marking the cut with "…".
pub fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

fn describe(r: &Reference) -> String {
    let mut who = r
        .authors
        .iter()
        .take(3)
        .map(|p| p.full_family())
        .collect::<Vec<_>>()
        .join(", ");
    if r.authors.len() > 3 || r.et_al {
        who.push_str(" et al.");
    }
    let what = r
        .title
        .as_deref()
        .or(r.container_title.as_deref())
        .unwrap_or("(no title)");
    let mut s = if who.is_empty() {
        what.to_owned()
    } else {
        format!("{who}: {what}")
    };
    if let Some(c) = r.container_title.as_deref().filter(|_| r.title.is_some()) {
        s.push_str(" — ");
        s.push_str(c);
    }
    s
}

/// Writes documents as a table for people to read.
pub fn write<W: Write + ?Sized>(out: &mut W, docs: &[Document]) -> io::Result<()> {
    let (mut total, mut unparsed) = (0, 0);
    for doc in docs {
        let (n, bad) = write_document(out, doc)?;
        total += n;
        unparsed += bad;
    }
    write_summary(out, docs.len(), total, unparsed)
}

/// The last line of [`write`] when there is more than one document.
pub fn write_summary<W: Write + ?Sized>(
    out: &mut W,
    docs: usize,
    total: usize,
    unparsed: usize,
) -> io::Result<()> {
    if docs > 1 {
        writeln!(
            out,
            "{docs} documents, {total} entries, {unparsed} unparsed"
        )?;
    }
    Ok(())
}

/// Writes one document's part of [`write`]; returns its count of entries
/// and of unparsed entries.
pub fn write_document<W: Write + ?Sized>(
    out: &mut W,
    doc: &Document,
) -> io::Result<(usize, usize)> {
    let bad = doc
        .entries
        .iter()
        .filter(|e| matches!(e.outcome, Outcome::Unparsed { .. }))
        .count();
    write!(out, "{}: {} entries", doc.path, doc.entries.len())?;
    if !doc.entries.is_empty() {
        write!(out, " ({})", doc.style)?;
    }
    if bad > 0 {
        write!(out, ", {bad} unparsed")?;
    }
    if let Some(s) = &doc.section {
        write!(
            out,
            ", under \"{}\" (lines {}-{})",
            s.heading, s.line, s.end_line
        )?;
    }
    writeln!(out)?;
    for e in &doc.entries {
        let label = e
            .label
            .as_deref()
            .map(|l| format!("[{l}]"))
            .unwrap_or_default();
        match &e.outcome {
            Outcome::Parsed { reference: r, .. } => {
                let year = r
                    .year()
                    .map(|y| y.to_string())
                    .unwrap_or_else(|| "n.d.".into());
                writeln!(
                    out,
                    "  {:>5} {:>5} {:<17} {:>4}  {}",
                    e.span.line,
                    label,
                    r.kind.csl_name(),
                    year,
                    truncate(&describe(r), 100)
                )?;
            }
            Outcome::Unparsed { reason } => {
                writeln!(
                    out,
                    "  {:>5} {:>5} UNPARSED ({reason}): {}",
                    e.span.line,
                    label,
                    truncate(&e.raw, 80)
                )?;
            }
        }
    }
    for note in &doc.notes {
        writeln!(out, "  note: {note}")?;
    }
    Ok((doc.entries.len(), bad))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_counts_characters_not_bytes() {
        assert_eq!(truncate("Kjösen", 10), "Kjösen");
        assert_eq!(truncate("Kjösen und Dyer", 6), "Kjöse…");
    }
}
