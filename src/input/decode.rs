//! Turning a file's bytes into text: UTF-8 first, then a legacy 8-bit
//! fallback, refusing binaries (PDFs above all) with a hint.

use crate::error::{Error, Result};
use std::path::Path;

/// How much of the start of a file is inspected for binary content. NUL bytes
/// and magic numbers show up early; scanning a 50 MB file whole would only
/// cost time.
const SNIFF_LEN: usize = 8 * 1024;

/// Text decoded from bytes, with a note when the decoding was a guess.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// Set when the bytes were not UTF-8 and another encoding was assumed.
    pub note: Option<String>,
}

/// Decodes a document's bytes.
///
/// UTF-8 (with or without a byte-order mark) is taken as is; UTF-16 with a
/// byte-order mark is converted; anything else is read as Windows-1252 (a
/// superset of Latin-1 in every printable position) and a note says so.
///
/// # Errors
///
/// [`Error::Binary`] when the bytes look like a PDF, an image, an archive or
/// other non-text data.
///
/// ```
/// use std::path::Path;
/// let d = citemap::input::decode::decode(Path::new("a.txt"), b"caf\xe9").unwrap();
/// assert_eq!(d.text, "café");
/// assert!(d.note.is_some());
/// ```
pub fn decode(path: &Path, bytes: &[u8]) -> Result<Decoded> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        if encoding == encoding_rs::UTF_8 {
            if let Ok(text) = std::str::from_utf8(&bytes[bom_len..]) {
                return Ok(Decoded {
                    text: text.to_owned(),
                    note: None,
                });
            }
        } else {
            // UTF-16 is full of NUL bytes, so it must be recognised before the
            // binary check.
            let (text, _, had_errors) = encoding.decode(bytes);
            return Ok(Decoded {
                text: text.into_owned(),
                note: Some(format!(
                    "decoded as {}{}",
                    encoding.name(),
                    if had_errors {
                        " (some bytes were invalid and replaced)"
                    } else {
                        ""
                    }
                )),
            });
        }
    }
    sniff_binary(path, bytes)?;
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.to_owned(),
            note: None,
        }),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            Ok(Decoded {
                text: text.into_owned(),
                note: Some("not valid UTF-8; read as Latin-1 (Windows-1252)".into()),
            })
        }
    }
}

/// Refuses bytes that are not a text document, naming the format when its
/// magic number is known so the user learns what to do instead.
pub(crate) fn sniff_binary(path: &Path, bytes: &[u8]) -> Result<()> {
    const MAGIC: &[(&[u8], &str)] = &[
        (
            b"%PDF",
            "; a PDF: extract its text first, e.g. `pdftotext -layout file.pdf`",
        ),
        (
            b"PK\x03\x04",
            "; a ZIP archive (a .docx or .odt?): save it as plain text first",
        ),
        (b"\x89PNG", "; a PNG image"),
        (b"\xff\xd8\xff", "; a JPEG image"),
        (b"GIF8", "; a GIF image"),
        (b"\x7fELF", "; an executable"),
        (
            b"\xd0\xcf\x11\xe0",
            "; an old Office document: save it as plain text first",
        ),
        (b"\x1f\x8b", "; a gzip archive"),
    ];
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    let binary = |detail: &str| Error::Binary {
        path: path.to_owned(),
        detail: detail.to_owned(),
    };
    for (magic, detail) in MAGIC {
        if head.starts_with(magic) {
            return Err(binary(detail));
        }
    }
    if memchr::memchr(0, head).is_some() {
        return Err(binary("; it contains NUL bytes"));
    }
    // Text has few control characters besides tab, newline, carriage return
    // and form feed (pdftotext emits form feeds between pages).
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    if head.len() >= 32 && controls * 10 > head.len() {
        return Err(binary("; too many control characters"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(bytes: &[u8]) -> Result<Decoded> {
        decode(Path::new("t.txt"), bytes)
    }

    #[test]
    fn utf8_passes_through_and_bom_is_dropped() {
        let d = dec("\u{feff}Zoë".as_bytes()).unwrap();
        assert_eq!(d.text, "Zoë");
        assert_eq!(d.note, None);
    }

    #[test]
    fn latin1_falls_back_with_a_note() {
        let d = dec(b"Kj\xf6sen, Atle \x93quoted\x94").unwrap();
        assert_eq!(d.text, "Kjösen, Atle \u{201c}quoted\u{201d}");
        assert!(d.note.unwrap().contains("Latin-1"));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xff, 0xfe];
        for u in "Works cited".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(dec(&bytes).unwrap().text, "Works cited");
    }

    #[test]
    fn pdf_is_refused_with_a_hint() {
        let err = dec(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n").unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("PDF") && msg.contains("pdftotext"), "{msg}");
    }

    #[test]
    fn nul_bytes_are_binary() {
        assert!(matches!(
            dec(b"abc\0def").unwrap_err(),
            Error::Binary { .. }
        ));
    }

    #[test]
    fn form_feeds_are_text() {
        assert!(dec(b"page one\x0cpage two\n").is_ok());
    }
}
