//! Word (`.docx`) and OpenDocument (`.odt`) documents: their text, one
//! paragraph per line with a blank line between, footnotes and endnotes as
//! Markdown notes (`[^2]` in the text, `[^2]: …` at the end), so the section
//! finder, splitter and footnote check read them like any other text.
//!
//! Citations inserted by Zotero or Mendeley carry their items as CSL-JSON in
//! field codes (`ADDIN ZOTERO_ITEM CSL_CITATION {…}`, `ADDIN CSL_CITATION
//! {…}`) or, in OpenDocument, in reference-mark names; where a document has
//! them, their items (each once) are its stated works-cited list, each
//! pointing at the line of its first citation.
//!
//! The zip container is untrusted: each part is read through a cap
//! ([`MAX_PART_BYTES`]), so a decompression bomb stops at the cap with an
//! error naming the file, and a truncated or encrypted archive is an error,
//! never a panic.

use super::{csl_json, library, Format, Source};
use crate::error::{Error, Result};
use quick_xml::events::{BytesStart, Event};
use serde_json::Value;
use std::collections::HashSet;
use std::io::{Cursor, Read};
use std::path::Path;

/// The most one part of a document (its main XML, its footnotes) may expand
/// to: 64 MiB, far above any real document's text.
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

/// The Word or OpenDocument format of a zip archive's bytes, from the names
/// of its parts (ODF stores its mimetype first, uncompressed).
pub fn sniff_zip(bytes: &[u8]) -> Option<Format> {
    let has = |needle: &[u8]| memchr::memmem::find(bytes, needle).is_some();
    if has(b"word/document.xml") {
        Some(Format::Docx)
    } else if has(b"application/vnd.oasis.opendocument.text") {
        Some(Format::Odt)
    } else {
        // A writer that compressed the mimetype: look at the part names in
        // the central directory (read without decompressing anything).
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
        let names: HashSet<&str> = zip.file_names().collect();
        if names.contains("word/document.xml") {
            Some(Format::Docx)
        } else if names.contains("content.xml") {
            Some(Format::Odt)
        } else {
            None
        }
    }
}

/// Reads a `.docx` or `.odt` into a [`Source`].
///
/// # Errors
///
/// [`Error::Archive`] when the zip is truncated, encrypted, lacks its main
/// part, a part would expand past [`MAX_PART_BYTES`], or its XML is
/// malformed.
pub fn read(path: &Path, bytes: &[u8], format: Format) -> Result<Source> {
    let fail = |message: String| Error::Archive {
        path: path.to_owned(),
        format: format.name(),
        message,
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| fail(format!("not a readable zip ({e})")))?;
    let mut doc = Builder::default();
    match format {
        Format::Docx => {
            let main = part(&mut zip, "word/document.xml")
                .map_err(&fail)?
                .ok_or_else(|| fail("no word/document.xml".into()))?;
            walk(&main, Dialect::Word, &mut doc, None).map_err(&fail)?;
            for (name, prefix) in [("word/footnotes.xml", ""), ("word/endnotes.xml", "e")] {
                if let Some(xml) = part(&mut zip, name).map_err(&fail)? {
                    walk(&xml, Dialect::Word, &mut doc, Some(prefix)).map_err(&fail)?;
                }
            }
        }
        _ => {
            let main = part(&mut zip, "content.xml")
                .map_err(&fail)?
                .ok_or_else(|| fail("no content.xml".into()))?;
            walk(&main, Dialect::Odf, &mut doc, None).map_err(&fail)?;
        }
    }
    Ok(doc.finish(path, format))
}

/// One part of the archive, decompressed through the cap; `None` when the
/// archive has no such part.
fn part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> std::result::Result<Option<Vec<u8>>, String> {
    let mut file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("{name}: {e}")),
    };
    if file.size() > MAX_PART_BYTES {
        return Err(format!(
            "{name} would expand to {} bytes (limit {MAX_PART_BYTES}); a decompression bomb?",
            file.size()
        ));
    }
    let mut out = Vec::new();
    (&mut file)
        .take(MAX_PART_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("{name}: {e}"))?;
    if out.len() as u64 > MAX_PART_BYTES {
        return Err(format!(
            "{name} expands past {MAX_PART_BYTES} bytes; a decompression bomb?"
        ));
    }
    Ok(Some(out))
}

#[derive(Clone, Copy, PartialEq)]
enum Dialect {
    Word,
    Odf,
}

/// The document as it is built: paragraphs, notes and cited items.
#[derive(Default)]
struct Builder {
    paragraphs: Vec<String>,
    notes: Vec<(String, String)>,
    items: Vec<(String, usize, Value)>,
    seen: HashSet<String>,
}

impl Builder {
    /// The 1-based line the next body paragraph will stand on.
    fn next_line(&self) -> usize {
        self.paragraphs.len() * 2 + 1
    }

    /// Records the items of a Zotero/Mendeley citation (a field instruction
    /// or an ODF reference-mark name) as cited on `line`.
    fn citation(&mut self, code: &str, line: usize) {
        let Some(at) = code.find("CSL_CITATION") else {
            return;
        };
        let Some(brace) = code[at..].find('{') else {
            return;
        };
        let json = &code[at + brace..];
        let Some(Ok(Value::Object(cit))) = serde_json::Deserializer::from_str(json)
            .into_iter::<Value>()
            .next()
        else {
            return;
        };
        let Some(Value::Array(items)) = cit.get("citationItems") else {
            return;
        };
        for item in items {
            let Some(data) = item.get("itemData").filter(|d| d.is_object()) else {
                continue;
            };
            let id = item
                .get("uris")
                .and_then(|u| u.get(0))
                .or_else(|| item.get("uri").and_then(|u| u.get(0)))
                .or_else(|| data.get("id"))
                .or_else(|| item.get("id"))
                .map(|v| match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .unwrap_or_else(|| data.to_string());
            if self.seen.insert(id.clone()) {
                self.items.push((id, line, data.clone()));
            }
        }
    }

    fn finish(self, path: &Path, format: Format) -> Source {
        let mut text = self.paragraphs.join("\n\n");
        for (label, note) in &self.notes {
            text.push_str(&format!("\n\n[^{label}]: {note}"));
        }
        text.push('\n');
        let name = path.display().to_string();
        let entries = (!self.items.is_empty()).then(|| {
            self.items
                .into_iter()
                .map(|(id, line, data)| {
                    let key = data
                        .get("id")
                        .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
                        .unwrap_or(id);
                    library::Record {
                        key: Some(key),
                        line,
                        end_line: line,
                        raw: library::collapse(&data.to_string()),
                        reference: csl_json::reference(&data),
                    }
                    .into_entry(&name)
                })
                .collect()
        });
        let mut notes = Vec::new();
        if text.trim().is_empty() {
            notes.push("the document holds no text".to_owned());
        }
        Source {
            path: name,
            text,
            notes,
            entries,
            format,
            ..Source::default()
        }
    }
}

fn attr(e: &BytesStart, local: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == local)
            .then(|| {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .ok()
                    .map(|v| v.into_owned())
            })
            .flatten()
    })
}

/// Walks one XML part. `notes` is `None` for the main body, or the label
/// prefix of a Word notes part (footnotes "", endnotes "e").
fn walk(
    xml: &[u8],
    dialect: Dialect,
    doc: &mut Builder,
    notes: Option<&str>,
) -> std::result::Result<(), String> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut para = String::new();
    let mut in_para = 0usize; // paragraph nesting (ODF notes sit inside paragraphs)
    let mut in_text = false; // Word <w:t>
    let mut in_run = false; // Word <w:r>
    let mut skip = 0usize; // inside deleted text, comments, note citations
    let mut fields: Vec<String> = Vec::new(); // Word field instructions being read
    let mut in_instr = false;
    let mut note: Option<(String, String)> = None; // (label, text) of a note being read
    let mut saved: Vec<String> = Vec::new(); // ODF: the paragraph a note interrupts
    let mut odf_notes = 0usize;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("malformed XML at byte {}: {e}", reader.buffer_position()))?;
        match event {
            Event::Eof => break,
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let local = e.local_name();
                let name = local.as_ref();
                if skip > 0 {
                    if !empty {
                        skip += 1;
                    }
                    continue;
                }
                match (dialect, name) {
                    (Dialect::Word, b"p") | (Dialect::Odf, b"p" | b"h") if !empty => in_para += 1,
                    (Dialect::Word, b"r") if !empty => in_run = true,
                    (Dialect::Word, b"t") if !empty => in_text = true,
                    (Dialect::Word, b"instrText") if !empty => in_instr = true,
                    (Dialect::Word, b"tab") if in_run => para.push('\t'),
                    (Dialect::Word, b"br" | b"cr") if in_run => para.push(' '),
                    (Dialect::Word, b"fldChar") => match attr(e, b"fldCharType").as_deref() {
                        Some("begin") => fields.push(String::new()),
                        Some("end") => {
                            if let Some(code) = fields.pop() {
                                doc.citation(&code, doc.next_line());
                            }
                        }
                        _ => {}
                    },
                    (Dialect::Word, b"fldSimple") => {
                        if let Some(code) = attr(e, b"instr") {
                            doc.citation(&code, doc.next_line());
                        }
                    }
                    (Dialect::Word, b"footnoteReference" | b"endnoteReference") => {
                        if let Some(id) = attr(e, b"id") {
                            let prefix = if name == b"endnoteReference" { "e" } else { "" };
                            para.push_str(&format!("[^{prefix}{id}]"));
                        }
                    }
                    (Dialect::Word, b"footnote" | b"endnote") if !empty => {
                        let separator = attr(e, b"type").is_some_and(|t| t != "normal");
                        if let (Some(id), false) = (attr(e, b"id"), separator) {
                            note = Some((format!("{}{id}", notes.unwrap_or("")), String::new()));
                        }
                    }
                    (Dialect::Word, b"del" | b"delText" | b"commentReference") if !empty => {
                        skip = 1
                    }
                    (Dialect::Odf, b"s") => {
                        let n: usize = attr(e, b"c").and_then(|c| c.parse().ok()).unwrap_or(1);
                        para.extend(std::iter::repeat_n(' ', n.min(100)));
                    }
                    (Dialect::Odf, b"tab") => para.push('\t'),
                    (Dialect::Odf, b"line-break") => para.push(' '),
                    (Dialect::Odf, b"reference-mark-start" | b"reference-mark") => {
                        if let Some(code) = attr(e, b"name") {
                            doc.citation(&code, doc.next_line());
                        }
                    }
                    (Dialect::Odf, b"note") if !empty => {
                        odf_notes += 1;
                        saved.push(std::mem::take(&mut para));
                        note = Some((odf_notes.to_string(), String::new()));
                    }
                    (Dialect::Odf, b"note-citation" | b"annotation" | b"tracked-changes")
                        if !empty =>
                    {
                        skip = 1
                    }
                    _ => {}
                }
            }
            Event::End(ref e) => {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let local = e.local_name();
                match (dialect, local.as_ref()) {
                    (Dialect::Word, b"p") | (Dialect::Odf, b"p" | b"h") => {
                        in_para = in_para.saturating_sub(1);
                        let text = std::mem::take(&mut para);
                        let text = text.trim();
                        match note.as_mut() {
                            Some((_, body)) if !text.is_empty() => {
                                if !body.is_empty() {
                                    body.push(' ');
                                }
                                body.push_str(text);
                            }
                            Some(_) => {}
                            None if notes.is_none() => doc.paragraphs.push(flat(text)),
                            None => {}
                        }
                    }
                    (Dialect::Word, b"r") => in_run = false,
                    (Dialect::Word, b"t") => in_text = false,
                    (Dialect::Word, b"instrText") => in_instr = false,
                    (Dialect::Word, b"footnote" | b"endnote") => {
                        if let Some((label, body)) = note.take() {
                            doc.notes.push((label, flat(&body)));
                        }
                    }
                    (Dialect::Odf, b"note") => {
                        if let Some((label, body)) = note.take() {
                            para = saved.pop().unwrap_or_default();
                            para.push_str(&format!("[^{label}]"));
                            doc.notes.push((label, flat(&body)));
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(ref t) => {
                if skip > 0 {
                    continue;
                }
                let s = t.decode().map_err(|e| e.to_string())?;
                push_text(
                    dialect,
                    &s,
                    in_instr,
                    in_text,
                    in_para,
                    &mut fields,
                    &mut para,
                );
            }
            Event::GeneralRef(ref r) => {
                if skip > 0 {
                    continue;
                }
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => {
                        let name = r.decode().map_err(|e| e.to_string())?;
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .unwrap_or_default()
                            .to_owned()
                    }
                };
                push_text(
                    dialect,
                    &resolved,
                    in_instr,
                    in_text,
                    in_para,
                    &mut fields,
                    &mut para,
                );
            }
            Event::CData(ref t) if in_text || in_instr => {
                let s = String::from_utf8_lossy(t.as_ref()).into_owned();
                push_text(
                    dialect,
                    &s,
                    in_instr,
                    in_text,
                    in_para,
                    &mut fields,
                    &mut para,
                );
            }
            _ => {}
        }
        buf.clear();
    }
    Ok(())
}

fn push_text(
    dialect: Dialect,
    s: &str,
    in_instr: bool,
    in_text: bool,
    in_para: usize,
    fields: &mut [String],
    para: &mut String,
) {
    match dialect {
        Dialect::Word if in_instr => {
            if let Some(code) = fields.last_mut() {
                if code.len() < 4 * 1024 * 1024 {
                    code.push_str(s);
                }
            }
        }
        Dialect::Word if in_text => para.push_str(s),
        Dialect::Odf if in_para > 0 => para.push_str(s),
        _ => {}
    }
}

/// One line: line breaks inside a paragraph become spaces.
fn flat(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}
