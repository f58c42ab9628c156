//! Reading PDF files: text lines in reading order, each with where it stood
//! on its page ([`LineLayout`]), so the section finder can use indentation,
//! font size and position.
//!
//! The pipeline: [`guard`] checks the raw bytes (size, decompression bombs);
//! [`glyphs`] reads positioned glyphs through `pdf-extract` and `lopdf`,
//! with loops and depth checked first and panics caught; [`layout`] turns
//! glyphs into lines, two columns read one after the other; [`margins`]
//! leaves out running heads and page numbers, noting how many.
//!
//! Every failure is an [`Error`] naming the file: a scanned PDF without a
//! text layer, an encrypted one, a damaged one, one past a [`Limits`].

pub mod glyphs;
pub mod guard;
pub mod layout;
pub mod margins;

pub use guard::Limits;

use super::{normalize, Format, LineLayout, Source};
use crate::error::{Error, Result};
use std::path::Path;

/// True when `bytes` start like a PDF (`%PDF-` within the first kilobyte,
/// as the format allows some junk before it).
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    memchr::memmem::find(head, b"%PDF-").is_some()
}

/// Reads a PDF held in memory into one [`Source`] with the default
/// [`Limits`].
///
/// # Errors
///
/// [`Error::PdfNoText`] for a scan without a text layer,
/// [`Error::PdfEncrypted`] for a password-protected file,
/// [`Error::PdfDamaged`] for a file that cannot be parsed (truncated,
/// reference loops), [`Error::PdfLimit`] for one past a limit (too large,
/// a decompression bomb, too many pages or glyphs).
pub fn read(path: &Path, bytes: &[u8]) -> Result<Source> {
    read_with(path, bytes, &Limits::default())
}

/// As [`read`], with chosen [`Limits`].
///
/// # Errors
///
/// As [`read`].
pub fn read_with(path: &Path, bytes: &[u8], limits: &Limits) -> Result<Source> {
    let limit = |detail: String| Error::PdfLimit {
        path: path.to_owned(),
        detail,
    };
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(limit(format!(
            "{} MB, more than the {} MB read",
            bytes.len() >> 20,
            limits.max_file_bytes >> 20
        )));
    }
    match guard::inflated_sizes(bytes, limits) {
        Ok(_) => {}
        Err(guard::Bomb::Stream { offset }) => {
            return Err(limit(format!(
                "the stream at byte {offset} inflates past {} MB (a decompression bomb?)",
                limits.max_stream_bytes >> 20
            )))
        }
        Err(guard::Bomb::Total) => {
            return Err(limit(format!(
                "its streams inflate past {} MB in all (a decompression bomb?)",
                limits.max_total_bytes >> 20
            )))
        }
    }
    let read = glyphs::read(bytes, limits).map_err(|f| match f {
        glyphs::Failure::Encrypted => Error::PdfEncrypted {
            path: path.to_owned(),
        },
        glyphs::Failure::Damaged(detail) => Error::PdfDamaged {
            path: path.to_owned(),
            detail,
        },
        glyphs::Failure::Limit(detail) => limit(detail),
    })?;
    let has_text = read
        .pages
        .iter()
        .any(|p| p.glyphs.iter().any(|g| !g.text.trim().is_empty()));
    if !has_text {
        return Err(Error::PdfNoText {
            path: path.to_owned(),
        });
    }
    Ok(assemble(path, read))
}

/// Lays out every page, drops running heads and page numbers, and joins
/// the lines into a [`Source`] whose line `i` is described by `layout[i]`.
fn assemble(path: &Path, read: glyphs::Glyphs) -> Source {
    let pages: Vec<Vec<layout::Line>> = read.pages.iter().map(layout::page_lines).collect();
    let marks = margins::running_lines(&pages);
    let mut text = String::new();
    let mut layouts: Vec<LineLayout> = Vec::new();
    let mut dropped = 0;
    for (lines, marks) in pages.iter().zip(&marks) {
        for (line, &drop) in lines.iter().zip(marks) {
            if drop {
                dropped += 1;
                continue;
            }
            // Normalised one line at a time, so no line can be added or
            // lost and layout[i] stays line i.
            let clean = normalize::normalize(&line.text);
            let clean = clean.replace('\n', " ");
            text.push_str(clean.trim_end());
            text.push('\n');
            layouts.push(line.layout);
        }
    }
    let mut notes = vec![format!(
        "read as PDF: {} pages, {} lines",
        read.pages.len(),
        layouts.len()
    )];
    if dropped > 0 {
        notes.push(format!(
            "left out {dropped} running heads, feet and page numbers (lines in the top or bottom tenth of a page repeated across pages, or bare numbers)"
        ));
    }
    if read.rotated > 0 {
        notes.push(format!(
            "left out {} glyphs drawn at an angle (margin stamps, rotated labels)",
            read.rotated
        ));
    }
    if !read.failed_pages.is_empty() {
        notes.push(format!(
            "could not read page(s) {:?}: the PDF library failed on them",
            read.failed_pages
        ));
    }
    Source {
        path: path.display().to_string(),
        text,
        notes,
        layout: Some(layouts),
        format: Format::Pdf,
        ..Source::default()
    }
}
