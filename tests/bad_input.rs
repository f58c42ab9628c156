//! Hostile and degenerate inputs, generated at run time into a temporary
//! folder: each must give a result or a clear error, never a panic or a hang.

use citemap::extract::{extract, extract_text, NO_SECTION};
use citemap::input;
use citemap::{Error, Outcome};
use std::fmt::Write as _;
use std::path::PathBuf;

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("temp file written");
    path
}

#[test]
fn empty_file_is_a_document_with_notes() {
    let dir = tempfile::tempdir().unwrap();
    let src = input::load(&write(&dir, "empty.txt", b"")).expect("empty file loads");
    assert!(src.notes.iter().any(|n| n.contains("empty")));
    let doc = extract(&src);
    assert!(doc.entries.is_empty());
    assert!(doc.notes.iter().any(|n| n == NO_SECTION));
}

#[test]
fn binary_files_are_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = write(
        &dir,
        "paper.pdf",
        b"%PDF-1.5\n%\xb5\xb5\xb5\xb5\n1 0 obj\n<<>>\nendobj\n",
    );
    let err = input::load(&pdf).unwrap_err();
    assert!(matches!(err, Error::Binary { .. }));
    assert!(err.to_string().contains("pdftotext"), "{err}");

    let mut junk = b"References\n".to_vec();
    junk.extend((0..4096u32).map(|i| (i * 7919 % 256) as u8));
    let err = input::load(&write(&dir, "junk.txt", &junk)).unwrap_err();
    assert!(matches!(err, Error::Binary { .. }), "{err}");
}

#[test]
fn missing_file_is_an_io_error() {
    let err = input::load(std::path::Path::new("/no/such/citemap/file.txt")).unwrap_err();
    assert!(matches!(err, Error::Io { .. }));
}

#[test]
fn latin1_text_is_read_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let text = b"Works cited\n\n- Dyer-Witheford, Nick, Kj\xf6sen, Atle Mikkola and James Steinhoff. *Inhuman Power*. Pluto Press, 2019.\n- Stalder, Felix. \x93Partizipation. Von der Teilhabe zum Spektakel du zur\xfcck.\x94 transcript, 2012.\n";
    let src = input::load(&write(&dir, "latin1.txt", text)).expect("Latin-1 loads");
    assert!(src.notes.iter().any(|n| n.contains("Latin-1")));
    let doc = extract(&src);
    assert_eq!(doc.entries.len(), 2);
    assert!(doc.entries[0].raw.contains("Kjösen"));
    assert!(doc.entries[1].raw.contains("“Partizipation"));
    assert!(doc.entries[1].raw.contains("zurück"));
}

#[test]
fn fifty_megabyte_file_is_read_and_its_list_found() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::with_capacity(51 << 20);
    let prose = "Machine learning has grown to be a central area of artificial intelligence in the last decades (Apprich 2018).\n";
    while text.len() < 50 << 20 {
        text.push_str(prose);
    }
    text.push_str("\nReferences\n\n");
    for i in 0..20 {
        writeln!(
            text,
            "- Author{i}, Given. *Title {i}*. Press, {}.",
            1990 + i
        )
        .unwrap();
    }
    let path = write(&dir, "huge.txt", text.as_bytes());
    let doc = extract(&input::load(&path).expect("huge file loads"));
    assert_eq!(doc.entries.len(), 20);
    assert!(doc.entries[0].span.line > 400_000);
}

#[test]
fn ten_thousand_entries() {
    let mut bullets = String::from("Works cited\n\n");
    let mut run = String::from("REFERENCES\n");
    for i in 1..=10_000 {
        writeln!(
            bullets,
            "- Family{i}, Given. \"Title {i}.\" *Journal*, vol. {i}, 2001."
        )
        .unwrap();
        write!(run, "[{i}] A. Family{i}, ‘Title {i}’, Journal, 2001. ").unwrap();
    }
    let doc = extract_text("bullets.md", &bullets);
    assert_eq!(doc.entries.len(), 10_000);
    assert_eq!(doc.entries[9_999].span.line, 10_002);
    let doc = extract_text("run.txt", &run);
    assert_eq!(doc.entries.len(), 10_000);
    assert_eq!(doc.entries[9_999].label.as_deref(), Some("10000"));
}

#[test]
fn hundred_kilobyte_entry_without_spaces() {
    let blob = "x".repeat(100_000);
    let url = format!("https://example.org/{}", "a-".repeat(50_000));
    for text in [
        format!("References\n\n[1] {blob} 2020.\n[2] Author, A. Title. Press, 2001.\n"),
        format!("References\n\n[1] Author, A. Title. Press, 2001. {url} ab (accessed 2020)\n"),
        format!("References\n\n- {blob}\n"),
        blob.clone(),
    ] {
        let doc = extract_text("long.txt", &text);
        for e in &doc.entries {
            if e.raw.len() > citemap::extract::MAX_ENTRY_LEN {
                assert!(matches!(e.outcome, Outcome::Unparsed { .. }));
            }
        }
        assert!(!doc.entries.is_empty() || !doc.notes.is_empty());
    }
}

#[test]
fn front_matter_errors_name_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "bad.md", b"---\ntitle: T\nyear: next year\n---\n");
    match input::load(&path) {
        Err(Error::FrontMatter { line, .. }) => assert_eq!(line, 3),
        other => panic!("expected a front-matter error, got {other:?}"),
    }
}
