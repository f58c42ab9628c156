//! Property tests for every reader: arbitrary and damaged input never
//! panics, and generated well-formed input is read back whole, each entry
//! on its line. Kept small so CI runs them in seconds; the cargo-fuzz
//! targets in `fuzz/` run the same readers for as long as one likes.

use citemap::input::{bibtex, csl_json, format::read_bytes, latex, ris, Format};
use proptest::prelude::*;
use std::path::Path;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 96,
        ..ProptestConfig::default()
    }
}

/// A word as users write them in titles: letters, braces, TeX accents,
/// Unicode, the odd comma.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z]{1,10}",
        Just("{\\\"o}".to_owned()),
        Just("{DNA}".to_owned()),
        Just("café".to_owned()),
        Just("50\\%".to_owned()),
        Just("x,".to_owned()),
    ]
}

fn title() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 1..6).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn bibtex_entries_come_back_on_their_lines(titles in prop::collection::vec(title(), 1..6), gap in 0usize..3) {
        let mut text = String::from("% a comment line\n");
        let mut lines = Vec::new();
        for (i, t) in titles.iter().enumerate() {
            text.push_str(&"\n".repeat(gap));
            lines.push(text.matches('\n').count() + 1);
            text.push_str(&format!("@article{{k{i},\n  title = {{{t}}},\n  year = {}\n}}\n", 2000 + i));
        }
        let parsed = bibtex::parse(&text);
        prop_assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        let got: Vec<usize> = parsed.entries.iter().map(|e| e.line).collect();
        prop_assert_eq!(got, lines);
        for (i, e) in parsed.entries.iter().enumerate() {
            prop_assert_eq!(e.reference.year(), Some(2000 + i as i32));
        }
    }

    #[test]
    fn bibtex_never_panics(text in "(@[a-z]{0,8}[{(]?|[^@]{0,20}|[{}\"=,%\\\\]){0,40}") {
        let p = bibtex::parse(&text);
        prop_assert!(p.entries.len() <= text.matches('@').count());
    }

    #[test]
    fn csl_json_items_come_back(titles in prop::collection::vec("[^\"\\\\]{0,30}", 0..6), damage in 0usize..40) {
        let items: Vec<serde_json::Value> = titles
            .iter()
            .enumerate()
            .map(|(i, t)| serde_json::json!({"id": format!("i{i}"), "type": "book", "title": t, "issued": {"date-parts": [[1990 + i]]}}))
            .collect();
        let text = serde_json::to_string_pretty(&items).unwrap();
        let (records, problems) = csl_json::records(&text);
        prop_assert!(problems.is_empty());
        prop_assert_eq!(records.len(), titles.len());
        // Cut short anywhere: never a panic, never more items than written.
        let mut cut = text.len().saturating_sub(damage);
        while !text.is_char_boundary(cut) { cut -= 1; }
        let (records, _) = csl_json::records(&text[..cut]);
        prop_assert!(records.len() <= titles.len());
    }

    #[test]
    fn csl_json_never_panics(text in "[\\[\\]{}\":,a-z0-9 \\\\\n]{0,80}") {
        let _ = csl_json::records(&text);
    }

    #[test]
    fn ris_records_come_back(titles in prop::collection::vec("[A-Za-z ]{1,30}", 1..6)) {
        let mut text = String::new();
        for t in &titles {
            text.push_str(&format!("TY  - JOUR\nTI  - {t}\nAU  - Doe, Jane\nPY  - 2001\nER  - \n\n"));
        }
        let (records, problems) = ris::records(&text);
        prop_assert!(problems.is_empty());
        prop_assert_eq!(records.len(), titles.len());
        for (i, r) in records.iter().enumerate() {
            prop_assert_eq!(r.line, 1 + 6 * i);
        }
    }

    #[test]
    fn ris_never_panics(text in "([A-Z][A-Z0-9]  - [^\n]{0,10}\n|[^\n]{0,10}\n){0,20}") {
        let _ = ris::records(&text);
    }

    #[test]
    fn latex_keys_come_back(keys in prop::collection::vec("[a-z][a-z0-9:_-]{0,12}", 1..5), cmd in prop::sample::select(vec!["cite", "citep", "citet", "parencite", "textcite", "autocite", "nocite"])) {
        let tex = format!("Text \\{cmd}[p.~1]{{{}}} more.\n", keys.join(", "));
        let d = latex::scan(Path::new("d.tex"), &tex);
        let got: Vec<&str> = d.citations.iter().map(|c| c.key.as_str()).collect();
        prop_assert_eq!(got, keys.iter().map(String::as_str).collect::<Vec<_>>());
        for c in &d.citations {
            prop_assert_eq!(&tex[c.range.clone()], c.key.as_str());
        }
    }

    #[test]
    fn latex_never_panics(text in "(\\\\[a-z]{0,10}|[{}\\[\\]%,*]|[a-zé ]{0,5}|\n){0,60}") {
        let _ = latex::scan(Path::new("d.tex"), &text);
    }

    #[test]
    fn zip_readers_never_panic_on_damaged_archives(cut in 0usize..2000, flip in 0usize..2000, byte in any::<u8>()) {
        for (name, bytes) in [("a.docx", docx()), ("a.odt", odt())] {
            let mut b = bytes.clone();
            let at = flip % b.len();
            b[at] ^= byte;
            let _ = read_bytes(Path::new(name), &b);
            let _ = read_bytes(Path::new(name), &bytes[..cut.min(bytes.len())]);
        }
    }
}

fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        w.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn docx() -> Vec<u8> {
    zip(&[("word/document.xml", br#"<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>Works Cited</w:t></w:r></w:p><w:p><w:r><w:t>Doe, Jane. A Book. Press, 2001.</w:t></w:r></w:p></w:body></w:document>"#)])
}

fn odt() -> Vec<u8> {
    zip(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("content.xml", br#"<office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text><text:p>Works Cited</text:p><text:p>Doe, Jane. A Book. Press, 2001.</text:p></office:text></office:body></office:document-content>"#),
    ])
}

#[test]
fn undamaged_archives_are_read_as_their_format() {
    let s = read_bytes(Path::new("a.docx"), &docx()).unwrap();
    assert_eq!(s[0].format, Format::Docx);
    assert!(s[0].text.contains("Doe, Jane"));
    let s = read_bytes(Path::new("a.bin"), &odt()).unwrap();
    assert_eq!(s[0].format, Format::Odt);
    assert!(s[0].text.contains("Doe, Jane"));
}
