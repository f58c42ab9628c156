//! Fuzzes the PDF reader on arbitrary bytes behind a PDF header:
//! `cargo +nightly fuzz run read_pdf` (from the crate root). Small limits
//! keep each run fast; any panic, hang or runaway allocation is a bug.
#![no_main]

use citemap::input::pdf::{read_with, Limits};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let mut bytes = b"%PDF-1.4\n".to_vec();
    bytes.extend_from_slice(data);
    let limits = Limits {
        max_file_bytes: 1 << 20,
        max_stream_bytes: 4 << 20,
        max_total_bytes: 16 << 20,
        max_pages: 50,
        max_glyphs: 100_000,
        max_depth: 32,
    };
    if let Ok(src) = read_with(Path::new("fuzz.pdf"), &bytes, &limits) {
        let layout = src.layout.expect("a PDF source has a layout");
        assert_eq!(layout.len(), src.text.lines().count());
    }
});
