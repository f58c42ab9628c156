//! CSL-JSON reader on arbitrary bytes: never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = citemap::input::format::read_library(
        std::path::Path::new("fuzz.json"),
        data,
        citemap::input::Format::CslJson,
    );
});
