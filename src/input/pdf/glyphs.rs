//! Reading a PDF's glyphs with their positions, through `pdf-extract`
//! (font decoding: encodings, ToUnicode maps, Type 1 and CFF fonts) on top
//! of `lopdf` (the file's objects). Everything the libraries could loop on
//! or recurse into is checked first with a depth limit, and a panic inside
//! them is caught and reported as a damaged file.

use super::guard::Limits;
use super::layout::{Glyph, Page};
use lopdf::{Dictionary, Document, Object, ObjectId};
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};
use std::collections::HashSet;

/// Why a PDF's glyphs could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Encrypted with a password we do not have.
    Encrypted,
    /// The file's structure is broken; the detail says where.
    Damaged(String),
    /// A limit of [`Limits`] was reached; the detail says which.
    Limit(String),
}

/// What reading a document's glyphs yields.
#[derive(Debug, Default)]
pub struct Glyphs {
    /// The pages, in order, each with its glyphs.
    pub pages: Vec<Page>,
    /// Glyphs left out because they are drawn rotated (margin stamps such
    /// as arXiv's, vertical table heads).
    pub rotated: usize,
    /// Pages skipped because the library failed on them.
    pub failed_pages: Vec<u32>,
}

/// Loads the document and reads every page's glyphs.
///
/// # Errors
///
/// [`Failure`] when the file cannot be parsed at all, is encrypted, holds a
/// reference loop or passes a limit.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Glyphs, Failure> {
    let mut doc = catch(|| Document::load_mem(bytes))?
        .map_err(|e| Failure::Damaged(format!("cannot parse it ({e})")))?;
    if doc.is_encrypted() {
        // Many PDFs are encrypted with an empty user password only to
        // forbid copying; those open as they are.
        catch(|| doc.decrypt("").is_ok())?
            .then_some(())
            .ok_or(Failure::Encrypted)?;
    }
    let pages = page_ids(&doc, limits)?;
    let mut out = Glyphs::default();
    let mut sink = Sink {
        limits: *limits,
        glyphs: 0,
        rotated: 0,
        page: None,
        box_: (0.0, 0.0),
    };
    for (number, id) in pages {
        check_page(&doc, id, limits)?;
        let r = catch(|| pdf_extract::output_doc_page(&doc, &mut sink, number));
        match r {
            Ok(Ok(())) => {}
            Ok(Err(OutputError::FormatError(_))) => {
                return Err(Failure::Limit(format!(
                    "more than {} glyphs",
                    limits.max_glyphs
                )))
            }
            Ok(Err(_)) | Err(_) => out.failed_pages.push(number),
        }
        if let Some(page) = sink.page.take() {
            out.pages.push(page);
        }
    }
    out.rotated = sink.rotated;
    Ok(out)
}

/// Runs library code that may panic on a malformed file, turning the
/// panic into a [`Failure::Damaged`].
fn catch<T>(f: impl FnOnce() -> T) -> Result<T, Failure> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
        .map_err(|_| Failure::Damaged("the PDF library failed on its structure".into()))
}

/// The pages in order, walking the page tree ourselves with a depth limit
/// and a set of nodes seen, so a loop in `/Kids` cannot hang or overflow.
fn page_ids(doc: &Document, limits: &Limits) -> Result<Vec<(u32, ObjectId)>, Failure> {
    let root = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Pages").ok())
        .and_then(|p| p.as_reference().ok())
        .ok_or_else(|| Failure::Damaged("no page tree".into()))?;
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let mut stack = vec![(root, 0usize)];
    while let Some((id, depth)) = stack.pop() {
        if !seen.insert(id) {
            return Err(Failure::Damaged(format!(
                "reference loop in the page tree at object {} {}",
                id.0, id.1
            )));
        }
        if depth > limits.max_depth {
            return Err(Failure::Limit(format!(
                "page tree deeper than {}",
                limits.max_depth
            )));
        }
        let Ok(dict) = doc.get_dictionary(id) else {
            continue;
        };
        let is_page = dict
            .get(b"Type")
            .and_then(Object::as_name)
            .is_ok_and(|t| t == b"Page");
        match dict.get(b"Kids").and_then(Object::as_array) {
            Ok(kids) if !is_page => {
                for kid in kids.iter().rev() {
                    if let Ok(k) = kid.as_reference() {
                        stack.push((k, depth + 1));
                    }
                }
            }
            _ => {
                out.push(id);
                if out.len() > limits.max_pages {
                    return Err(Failure::Limit(format!(
                        "more than {} pages",
                        limits.max_pages
                    )));
                }
            }
        }
    }
    // pdf-extract numbers pages as lopdf does; keep its numbers so the
    // page we ask for is the page we checked.
    let numbered = doc.get_pages();
    let ours: HashSet<ObjectId> = out.iter().copied().collect();
    let pages: Vec<(u32, ObjectId)> = numbered
        .into_iter()
        .filter(|(_, id)| ours.contains(id))
        .collect();
    Ok(pages)
}

/// Checks what pdf-extract recurses into for one page: the `/Parent`
/// chain (inherited resources and media box) and the forms a page draws
/// (`Do`), which may draw themselves.
fn check_page(doc: &Document, page: ObjectId, limits: &Limits) -> Result<(), Failure> {
    let mut seen = HashSet::new();
    let mut node = page;
    let mut resources = Vec::new();
    for _ in 0..=limits.max_depth {
        if !seen.insert(node) {
            return Err(Failure::Damaged(format!(
                "reference loop in /Parent at object {} {}",
                node.0, node.1
            )));
        }
        let Ok(dict) = doc.get_dictionary(node) else {
            break;
        };
        if let Some(r) = resolve_dict(doc, dict.get(b"Resources").ok(), limits) {
            resources.push(r);
        }
        match dict.get(b"Parent").and_then(Object::as_reference) {
            Ok(p) => node = p,
            Err(_) => {
                return resources
                    .into_iter()
                    .try_for_each(|r| check_forms(doc, r, &mut Vec::new(), limits));
            }
        }
    }
    Err(Failure::Limit(format!(
        "/Parent chain longer than {}",
        limits.max_depth
    )))
}

/// Follows a chain of references to a dictionary, at most `max_depth`
/// steps (a reference to itself would otherwise never end).
fn resolve_dict<'a>(
    doc: &'a Document,
    mut obj: Option<&'a Object>,
    limits: &Limits,
) -> Option<&'a Dictionary> {
    for _ in 0..=limits.max_depth {
        match obj? {
            Object::Reference(id) => obj = doc.objects.get(id),
            Object::Dictionary(d) => return Some(d),
            Object::Stream(s) => return Some(&s.dict),
            _ => return None,
        }
    }
    None
}

fn check_forms<'a>(
    doc: &'a Document,
    resources: &'a Dictionary,
    path: &mut Vec<ObjectId>,
    limits: &Limits,
) -> Result<(), Failure> {
    if path.len() > limits.max_depth {
        return Err(Failure::Limit(format!(
            "forms nested deeper than {}",
            limits.max_depth
        )));
    }
    let Some(xobjects) = resolve_dict(doc, resources.get(b"XObject").ok(), limits) else {
        return Ok(());
    };
    for (_, v) in xobjects.iter() {
        let Ok(id) = v.as_reference() else { continue };
        if path.contains(&id) {
            return Err(Failure::Damaged(format!(
                "reference loop: form {} {} draws itself",
                id.0, id.1
            )));
        }
        let Some(Object::Stream(s)) = doc.objects.get(&id) else {
            continue;
        };
        if s.dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"Form")
        {
            if let Some(r) = resolve_dict(doc, s.dict.get(b"Resources").ok(), limits) {
                path.push(id);
                check_forms(doc, r, path, limits)?;
                path.pop();
            }
        }
    }
    Ok(())
}

/// Collects glyphs from pdf-extract into [`Page`]s.
struct Sink {
    limits: Limits,
    glyphs: usize,
    rotated: usize,
    page: Option<Page>,
    /// Left and top edges of the media box, to move the origin to the top
    /// left.
    box_: (f64, f64),
}

impl OutputDev for Sink {
    fn begin_page(
        &mut self,
        page_num: u32,
        media_box: &MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        let (x0, x1) = (
            media_box.llx.min(media_box.urx),
            media_box.llx.max(media_box.urx),
        );
        let (y0, y1) = (
            media_box.lly.min(media_box.ury),
            media_box.lly.max(media_box.ury),
        );
        self.box_ = (x0, y1);
        self.page = Some(Page {
            number: page_num,
            width: (x1 - x0) as f32,
            height: (y1 - y0) as f32,
            glyphs: Vec::new(),
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        self.glyphs += 1;
        if self.glyphs > self.limits.max_glyphs {
            // The only error we raise; read() turns it into a limit.
            return Err(OutputError::FormatError(std::fmt::Error));
        }
        // Text drawn at an angle (a margin stamp, a rotated table head)
        // is not part of the running text.
        if trm.m12.abs() > 0.01 * trm.m11.abs().max(1e-9) || trm.m11 <= 0.0 {
            self.rotated += 1;
            return Ok(());
        }
        let scale = (trm.m11 * trm.m22).abs().sqrt();
        let size = (font_size.abs() * scale) as f32;
        let Some(page) = self.page.as_mut() else {
            return Ok(());
        };
        page.glyphs.push(Glyph {
            x: (trm.m31 - self.box_.0) as f32,
            y: (self.box_.1 - trm.m32) as f32,
            width: (width * font_size.abs() * scale) as f32,
            size,
            text: text.to_owned(),
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}
