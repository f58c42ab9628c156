//! LaTeX citation scanner on arbitrary text: never panics, never loops.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = citemap::input::latex::scan(std::path::Path::new("fuzz/draft.tex"), text);
    }
});
