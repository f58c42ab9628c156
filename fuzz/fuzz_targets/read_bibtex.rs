//! BibTeX/BibLaTeX reader on arbitrary text: never panics, never loops.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = citemap::input::bibtex::parse(text);
    }
    let _ = citemap::input::format::read_library(
        std::path::Path::new("fuzz.bib"),
        data,
        citemap::input::Format::BibTex,
    );
});
