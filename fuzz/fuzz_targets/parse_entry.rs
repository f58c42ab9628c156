//! Fuzzes one entry through repair and the parser, and whole texts through
//! extraction: `cargo +nightly fuzz run parse_entry` (from the crate root).
#![no_main]

use citemap::model::Style;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let repaired = citemap::extract::repair::repair_entry(text);
    for hint in [Style::Unknown, Style::Mla, Style::Ieee] {
        let _ = citemap::parse::parse_reference(&repaired, hint);
    }
    let _ = citemap::parse::guess_style(&repaired);
    let doc = citemap::extract::extract_text("fuzz.txt", text);
    assert!(doc.entries.iter().all(|e| e.span.line <= e.span.end_line));
});
