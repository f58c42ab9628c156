//! Writing a [`Report`]: like a compiler for people, JSON for machines.

use super::{Problem, Report, Severity};
use crate::cite::text::LineIndex;
use codespan_reporting::diagnostic::{Diagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::{self, Files};
use codespan_reporting::term::{self, termcolor::WriteColor, Config};
use std::io;
use std::ops::Range;

/// Room shown either side of a span: PDF-extracted text puts whole
/// paragraphs, even whole reference lists, on one line.
const CONTEXT: usize = 60;
/// The longest span underlined in full.
const LONGEST: usize = 240;

/// The lines around one problem, clipped to [`CONTEXT`], that still
/// report the real line and column numbers.
struct Excerpt<'a> {
    name: &'a str,
    source: String,
    line_starts: Vec<usize>,
    first_line: usize,
    first_column: usize,
    prefix_chars: usize,
    span: Range<usize>,
}

fn back(text: &str, from: usize, floor: usize, chars: usize) -> usize {
    let mut i = from;
    for _ in 0..chars {
        if i <= floor {
            break;
        }
        i -= 1;
        while !text.is_char_boundary(i) {
            i -= 1;
        }
    }
    i
}

fn forward(text: &str, from: usize, ceiling: usize, chars: usize) -> usize {
    let mut i = from;
    for _ in 0..chars {
        if i >= ceiling {
            break;
        }
        i += 1;
        while i < text.len() && !text.is_char_boundary(i) {
            i += 1;
        }
    }
    i.min(ceiling)
}

impl<'a> Excerpt<'a> {
    fn new(name: &'a str, text: &str, ix: &LineIndex, range: &Range<usize>) -> Self {
        let start = range.start.min(text.len());
        let end = forward(text, start, range.end.min(text.len()), LONGEST).max(start);
        let line = ix.line(start);
        let line_start = ix.line_start(line).unwrap_or(0);
        let end_line = ix.line(end);
        let line_end = ix
            .line_start(end_line + 1)
            .map_or(text.len(), |next| next.saturating_sub(1))
            .max(end);
        let cut_start = back(text, start, line_start, CONTEXT);
        let cut_end = forward(text, end, line_end, CONTEXT);
        let prefix = if cut_start > line_start { "…" } else { "" };
        let suffix = if cut_end < line_end { "…" } else { "" };
        let source = format!("{prefix}{}{suffix}", &text[cut_start..cut_end]);
        let line_starts = files::line_starts(&source).collect();
        let column = ix.column(text, start);
        Excerpt {
            name,
            first_line: line,
            first_column: column - text[cut_start..start].chars().count(),
            prefix_chars: prefix.chars().count(),
            span: start - cut_start + prefix.len()..end - cut_start + prefix.len(),
            source,
            line_starts,
        }
    }
}

impl<'a> Files<'a> for Excerpt<'_> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(&self.source)
    }

    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, files::Error> {
        Ok(self
            .line_starts
            .binary_search(&byte_index)
            .unwrap_or_else(|next| next.saturating_sub(1)))
    }

    fn line_number(&'a self, (): (), line_index: usize) -> Result<usize, files::Error> {
        Ok(self.first_line + line_index)
    }

    fn column_number(
        &'a self,
        (): (),
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, files::Error> {
        let range = self.line_range((), line_index)?;
        let col = files::column_index(&self.source, range, byte_index);
        Ok(if line_index == 0 {
            (self.first_column + col).saturating_sub(self.prefix_chars)
        } else {
            col + 1
        })
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, files::Error> {
        let start = *self
            .line_starts
            .get(line_index)
            .ok_or(files::Error::LineTooLarge {
                given: line_index,
                max: self.line_starts.len().saturating_sub(1),
            })?;
        let end = self
            .line_starts
            .get(line_index + 1)
            .copied()
            .unwrap_or(self.source.len());
        Ok(start..end)
    }
}

fn cs_severity(s: Severity) -> CsSeverity {
    match s {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Note => CsSeverity::Note,
    }
}

fn diagnostic(p: &Problem, span: Option<Range<usize>>) -> Diagnostic<()> {
    let mut d = Diagnostic::new(cs_severity(p.severity))
        .with_code(p.kind.name())
        .with_message(&p.message);
    if let Some(range) = span {
        let label = match &p.suggestion {
            Some(s) => Label::primary((), range).with_message(format!("help: {s}")),
            None => Label::primary((), range),
        };
        d = d.with_labels(vec![label]);
    } else if let Some(s) = &p.suggestion {
        d = d.with_notes(vec![format!("help: {s}")]);
    }
    d
}

/// Writes every problem with the line it is on and the span underlined,
/// then one summary line. Colour follows what `out` supports.
pub fn write_human(out: &mut dyn WriteColor, report: &Report) -> io::Result<()> {
    let config = Config::default();
    for doc in &report.documents {
        let ix = LineIndex::new(&doc.text);
        for p in &doc.problems {
            let range = p.range.clone().unwrap_or(0..0);
            let excerpt = Excerpt::new(&doc.path, &doc.text, &ix, &range);
            let mut d = diagnostic(p, p.range.as_ref().map(|_| excerpt.span.clone()));
            if p.range.is_none() {
                d.notes.insert(0, format!("in {}", doc.path));
            }
            term::emit_to_write_style(out, &config, &excerpt, &d).map_err(|e| match e {
                codespan_reporting::files::Error::Io(e) => e,
                other => io::Error::other(other.to_string()),
            })?;
        }
    }
    let s = &report.summary;
    writeln!(
        out,
        "{} document{}: {} citation{} ({} resolved), {} entr{}; {} error{}, {} warning{}",
        s.documents,
        plural(s.documents),
        s.citations,
        plural(s.citations),
        s.resolved,
        s.entries,
        if s.entries == 1 { "y" } else { "ies" },
        s.errors,
        plural(s.errors),
        s.warnings,
        plural(s.warnings),
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Writes the report as JSON: `{"documents": [{"path", "entries",
/// "citations", "resolved", "problems": [{"kind", "severity", "line",
/// "column", "text", "message", "suggestion"}]}], "summary": {…}}`.
pub fn write_json(out: &mut dyn io::Write, report: &Report) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    writeln!(out)
}
