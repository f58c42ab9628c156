//! Checks made on a PDF's raw bytes before any PDF library sees them, so a
//! hostile file costs little: its size, and how far its compressed streams
//! would expand (a decompression bomb is refused before anything inflates
//! it in memory).

use std::io::Read;

/// How much work one PDF may cost. The defaults are far above what a
/// scholarly paper needs (a 46-page article inflates to about 2 MB).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest file read, in bytes.
    pub max_file_bytes: u64,
    /// Largest size one stream may inflate to, in bytes.
    pub max_stream_bytes: u64,
    /// Largest size all non-image streams together may inflate to.
    pub max_total_bytes: u64,
    /// Most pages read.
    pub max_pages: usize,
    /// Most glyphs read in the whole document.
    pub max_glyphs: usize,
    /// Deepest nesting of pages, page-tree nodes and forms followed.
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 256 << 20,
            max_stream_bytes: 64 << 20,
            max_total_bytes: 256 << 20,
            max_pages: 5_000,
            max_glyphs: 20_000_000,
            max_depth: 64,
        }
    }
}

/// What [`inflated_sizes`] found over a limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bomb {
    /// One stream inflates past [`Limits::max_stream_bytes`].
    Stream {
        /// Byte offset of the stream's data in the file.
        offset: usize,
    },
    /// All streams together inflate past [`Limits::max_total_bytes`].
    Total,
}

/// Inflates every Flate-compressed stream of the file that a text reader
/// would inflate (images are skipped: text extraction never decodes them),
/// counting bytes without keeping them, and stops at the first limit
/// passed. Returns the total inflated size.
///
/// # Errors
///
/// [`Bomb`] when a stream or the sum passes its limit.
pub fn inflated_sizes(bytes: &[u8], limits: &Limits) -> Result<u64, Bomb> {
    let mut total = 0u64;
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&bytes[from..], b"stream") {
        let at = from + i;
        from = at + 6;
        if at >= 3 && &bytes[at - 3..at] == b"end" {
            continue;
        }
        let mut data = at + 6;
        if bytes.get(data) == Some(&b'\r') {
            data += 1;
        }
        if bytes.get(data) != Some(&b'\n') {
            continue;
        }
        data += 1;
        let dict_start = at.saturating_sub(4096);
        let dict = &bytes[dict_start..at];
        let dict = match memchr::memmem::rfind(dict, b"obj") {
            Some(o) => &dict[o..],
            None => dict,
        };
        if memchr::memmem::find(dict, b"/Image").is_some()
            || memchr::memmem::find(dict, b"Flate").is_none()
        {
            continue;
        }
        let end =
            memchr::memmem::find(&bytes[data..], b"endstream").map_or(bytes.len(), |e| data + e);
        let budget = limits
            .max_stream_bytes
            .min(limits.max_total_bytes.saturating_sub(total));
        let n = inflated_len(&bytes[data..end], budget + 1);
        if n > limits.max_stream_bytes {
            return Err(Bomb::Stream { offset: data });
        }
        total += n;
        if total > limits.max_total_bytes {
            return Err(Bomb::Total);
        }
        from = end;
    }
    Ok(total)
}

/// The inflated length of zlib data, reading at most `cap` bytes of
/// output; a second zlib layer inside (a filter chain of two Flates, a
/// classic of bombs) is followed too. Damaged data counts what inflated
/// before the damage.
fn inflated_len(data: &[u8], cap: u64) -> u64 {
    let mut head = [0u8; 2];
    let mut first = flate2::read::ZlibDecoder::new(data);
    let got = read_some(&mut first, &mut head);
    let nested = got == 2 && head[0] == 0x78 && u16::from_be_bytes(head) % 31 == 0;
    let outer = count(flate2::read::ZlibDecoder::new(data).take(cap));
    if !nested {
        return outer;
    }
    let inner =
        count(flate2::read::ZlibDecoder::new(flate2::read::ZlibDecoder::new(data)).take(cap));
    outer.max(inner)
}

fn read_some(r: &mut impl Read, buf: &mut [u8]) -> usize {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) | Err(_) => break,
            Ok(k) => n += k,
        }
    }
    n
}

fn count(mut r: impl Read) -> u64 {
    let mut buf = [0u8; 16 * 1024];
    let mut n = 0u64;
    loop {
        match r.read(&mut buf) {
            Ok(0) | Err(_) => return n,
            Ok(k) => n += k as u64,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn pdf_with_stream(data: &[u8]) -> Vec<u8> {
        let mut f = b"%PDF-1.4\n4 0 obj\n<< /Length 9 /Filter /FlateDecode >>\nstream\n".to_vec();
        f.extend_from_slice(data);
        f.extend_from_slice(b"\nendstream\nendobj\n");
        f
    }

    #[test]
    fn a_bomb_is_refused_and_a_normal_stream_is_measured() {
        let limits = Limits {
            max_stream_bytes: 1 << 20,
            ..Limits::default()
        };
        let ok = pdf_with_stream(&zlib(&[b'a'; 1000]));
        assert_eq!(inflated_sizes(&ok, &limits), Ok(1000));
        let bomb = pdf_with_stream(&zlib(&vec![0u8; 8 << 20]));
        assert!(matches!(
            inflated_sizes(&bomb, &limits),
            Err(Bomb::Stream { .. })
        ));
    }

    #[test]
    fn a_bomb_in_two_layers_is_refused() {
        let limits = Limits {
            max_stream_bytes: 1 << 20,
            ..Limits::default()
        };
        let inner = zlib(&vec![0u8; 8 << 20]);
        let two = pdf_with_stream(&zlib(&inner));
        assert!(two.len() < 64 << 10);
        assert!(matches!(
            inflated_sizes(&two, &limits),
            Err(Bomb::Stream { .. })
        ));
    }
}
