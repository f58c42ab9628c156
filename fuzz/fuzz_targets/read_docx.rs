//! Word reader on arbitrary bytes (seed it with real .docx files): never
//! panics, memory bounded by the part cap.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = citemap::input::office::read(
        std::path::Path::new("fuzz.docx"),
        data,
        citemap::input::Format::Docx,
    );
});
