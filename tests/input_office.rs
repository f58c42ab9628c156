//! Word (.docx) and OpenDocument (.odt) documents, written here by a small
//! zip writer (and by pandoc where it is installed), and hostile files: a
//! decompression bomb, a truncated zip, a 500 MB file, malformed XML, JSON
//! and BibTeX. Each bad file is an error naming it; the others are still
//! read; nothing panics.

use assert_cmd::Command;
use serde_json::Value;
use std::io::Write;
use std::path::Path;

fn citemap() -> Command {
    Command::cargo_bin("citemap").unwrap()
}

/// A zip of `(name, bytes)` parts, deflated except a leading `mimetype`.
fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        let method = if *name == "mimetype" {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(method)
            .large_file(bytes.len() > u32::MAX as usize / 2);
        w.start_file(*name, opts).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

fn para(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

/// A Zotero citation field: instruction split over two runs, as Word
/// writes long instructions, then the visible result.
fn zotero_field(json: &str, shown: &str) -> String {
    let escaped = json
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('"', "&quot;");
    // Split before an entity, never inside one.
    let mid = escaped[escaped.len() / 2..].find('&').unwrap() + escaped.len() / 2;
    let (a, b) = escaped.split_at(mid);
    format!(
        r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ADDIN ZOTERO_ITEM CSL_CITATION {a}</w:instrText></w:r><w:r><w:instrText>{b}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{shown}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#
    )
}

const NOBLE: &str = r#"{"citationID":"x1","properties":{"plainCitation":"(Noble 2018)"},"citationItems":[{"id":12,"uris":["http://zotero.org/users/1/items/AAA"],"itemData":{"id":12,"type":"book","title":"Algorithms of Oppression","publisher":"NYU Press","author":[{"family":"Noble","given":"Safiya Umoja"}],"issued":{"date-parts":[["2018"]]}}}],"schema":"https://github.com/citation-style-language/schema/raw/master/csl-citation.json"}"#;
const TWO: &str = r#"{"citationID":"x2","citationItems":[{"id":12,"uris":["http://zotero.org/users/1/items/AAA"],"itemData":{"id":12,"type":"book","title":"Algorithms of Oppression","author":[{"family":"Noble","given":"Safiya Umoja"}],"issued":{"date-parts":[["2018"]]}}},{"id":13,"uris":["http://zotero.org/users/1/items/BBB"],"itemData":{"id":13,"type":"article-journal","title":"Gender Shades & Co","container-title":"PMLR","volume":"81","page":"77-91","author":[{"family":"Buolamwini","given":"Joy"}],"issued":{"date-parts":[[2018,2]]}}}]}"#;

fn docx(body: &str, footnotes: Option<&str>) -> Vec<u8> {
    let doc = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let mut parts: Vec<(&str, Vec<u8>)> = vec![
        ("[Content_Types].xml", br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#.to_vec()),
        ("word/document.xml", doc.into_bytes()),
    ];
    if let Some(notes) = footnotes {
        let xml = format!(
            r#"<?xml version="1.0"?><w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>{notes}</w:footnotes>"#
        );
        parts.push(("word/footnotes.xml", xml.into_bytes()));
    }
    let refs: Vec<(&str, &[u8])> = parts.iter().map(|(n, b)| (*n, b.as_slice())).collect();
    zip(&refs)
}

fn odt(body: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>{body}</office:text></office:body></office:document-content>"#
    );
    zip(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("META-INF/manifest.xml", b"<manifest/>"),
        ("content.xml", content.as_bytes()),
    ])
}

fn extract(paths: &[&Path]) -> (Vec<Value>, String, Option<i32>) {
    let out = citemap()
        .args(["extract", "--format", "json"])
        .args(paths)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let docs = serde_json::from_slice::<Value>(&out.stdout)
        .map(|v| v.as_array().cloned().unwrap_or_default())
        .unwrap_or_default();
    (docs, stderr, out.status.code())
}

#[test]
fn docx_zotero_fields_are_the_stated_list() {
    let dir = tempfile::tempdir().unwrap();
    let body = format!(
        "{}<w:p><w:r><w:t>Search is not neutral </w:t></w:r>{}<w:r><w:t>.</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>{}<w:p>{}</w:p>",
        para("Introduction"),
        zotero_field(NOBLE, "(Noble 2018)"),
        para("Second paragraph &amp; more."),
        zotero_field(TWO, "(Noble 2018; Buolamwini 2018)"),
    );
    let notes =
        r#"<w:footnote w:id="1"><w:p><w:r><w:t>A note on search.</w:t></w:r></w:p></w:footnote>"#;
    let p = dir.path().join("draft.docx");
    std::fs::write(&p, docx(&body, Some(notes))).unwrap();
    let (docs, err, code) = extract(&[&p]);
    assert_eq!(code, Some(0), "{err}");
    let entries = docs[0]["entries"].as_array().unwrap();
    // Two distinct items over two citations; each points at the line of
    // its first citation (paragraphs stand on lines 1, 3, 5, 7).
    assert_eq!(entries.len(), 2, "{entries:?}");
    assert_eq!(entries[0]["span"]["line"], 3);
    assert_eq!(entries[1]["span"]["line"], 7);
    assert_eq!(entries[0]["outcome"]["reference"]["publisher"], "NYU Press");
    assert_eq!(
        entries[1]["outcome"]["reference"]["title"],
        "Gender Shades & Co"
    );
    // The footnote is a Markdown note, so check finds it (no dangling marker).
    let out = citemap()
        .args(["check", "--format", "json"])
        .arg(&p)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let kinds: Vec<&str> = v["documents"][0]["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["kind"].as_str().unwrap())
        .collect();
    assert!(!kinds.contains(&"dangling-footnote"), "{kinds:?}");
}

#[test]
fn docx_and_odt_without_fields_flow_to_the_section_finder() {
    let dir = tempfile::tempdir().unwrap();
    let refs = [
        "Benjamin, Ruha. Race after Technology. Polity Press, 2019.",
        "Noble, Safiya Umoja. Algorithms of Oppression. NYU Press, 2018.",
        "van Dijck, José. The Culture of Connectivity. Oxford University Press, 2013.",
    ];
    let mut body = para("Search is not neutral (Noble 45).");
    body.push_str(&para("Works Cited"));
    for r in refs {
        body.push_str(&para(r));
    }
    let d = dir.path().join("essay.docx");
    std::fs::write(&d, docx(&body, None)).unwrap();
    let mut obody = String::from(
        r#"<text:p>Search is not neutral (Noble 45)<text:note text:id="n1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>A note.</text:p></text:note-body></text:note>.</text:p><text:h text:outline-level="1">Works Cited</text:h>"#,
    );
    for r in refs {
        obody.push_str(&format!(
            "<text:p>{}</text:p>",
            r.replace("  ", "<text:s/>")
        ));
    }
    let o = dir.path().join("essay.odt");
    std::fs::write(&o, odt(&obody)).unwrap();
    let (docs, err, code) = extract(&[&d, &o]);
    assert_eq!(code, Some(0), "{err}");
    for doc in &docs {
        let entries = doc["entries"].as_array().unwrap();
        assert_eq!(entries.len(), 3, "{doc}");
        assert_eq!(
            entries[1]["outcome"]["reference"]["authors"][0]["family"],
            "Noble"
        );
        assert_eq!(
            entries[2]["outcome"]["reference"]["publisher"],
            "Oxford University Press"
        );
    }
    // Lines: paragraph n on line 2n-1, so the list starts on line 5.
    assert_eq!(docs[0]["entries"][0]["span"]["line"], 5);
}

#[test]
fn odt_zotero_reference_marks_are_the_stated_list() {
    let dir = tempfile::tempdir().unwrap();
    let name = format!("ZOTERO_ITEM CSL_CITATION {NOBLE} RNDabc123")
        .replace('&', "&amp;")
        .replace('"', "&quot;");
    let body = format!(
        r#"<text:p>Intro.</text:p><text:p>Claim <text:reference-mark-start text:name="{name}"/>(Noble 2018)<text:reference-mark-end text:name="{name}"/>.</text:p>"#
    );
    let p = dir.path().join("z.odt");
    std::fs::write(&p, odt(&body)).unwrap();
    let (docs, err, _) = extract(&[&p]);
    let e = &docs[0]["entries"];
    assert_eq!(e.as_array().map(Vec::len), Some(1), "{err}");
    assert_eq!(e[0]["span"]["line"], 3);
    assert_eq!(
        e[0]["outcome"]["reference"]["authors"][0]["family"],
        "Noble"
    );
}

#[test]
fn pandoc_made_documents_read_like_their_markdown() {
    if std::process::Command::new("pandoc")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("SKIP: pandoc is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("essay.md");
    std::fs::write(&md, "# Essay\n\nA claim (Benjamin 12).[^1]\n\n[^1]: A note.\n\n# Works Cited\n\nBenjamin, Ruha. *Race after Technology*. Polity Press, 2019.\n\nNoble, Safiya Umoja. *Algorithms of Oppression*. NYU Press, 2018.\n").unwrap();
    for ext in ["docx", "odt"] {
        let out = dir.path().join(format!("essay.{ext}"));
        let ok = std::process::Command::new("pandoc")
            .arg(&md)
            .arg("-o")
            .arg(&out)
            .status()
            .unwrap();
        assert!(ok.success());
    }
    let (docs, err, code) = extract(&[
        &md,
        &dir.path().join("essay.docx"),
        &dir.path().join("essay.odt"),
    ]);
    assert_eq!(code, Some(0), "{err}");
    let titles = |d: &Value| -> Vec<String> {
        d["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                e["outcome"]["reference"]["title"]
                    .as_str()
                    .unwrap_or("")
                    .to_owned()
            })
            .collect()
    };
    assert_eq!(titles(&docs[0]).len(), 2);
    assert_eq!(titles(&docs[1]), titles(&docs[0]));
    assert_eq!(titles(&docs[2]), titles(&docs[0]));
}

#[test]
fn hostile_files_are_errors_naming_them_and_the_rest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let good = root.join("good.md");
    std::fs::write(&good, "Text.\n\nWorks Cited\n\n- Noble, Safiya Umoja. *Algorithms of Oppression*. NYU Press, 2018.\n").unwrap();
    // A bomb: 65 MiB of spaces deflate to a few dozen kilobytes.
    let huge = format!(
        r#"<w:document {W}><w:body><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:body></w:document>"#,
        " ".repeat(65 << 20)
    );
    std::fs::write(
        root.join("bomb.docx"),
        zip(&[("word/document.xml", huge.as_bytes())]),
    )
    .unwrap();
    // Truncated: a good document cut in half.
    let whole = docx(&para("Hello"), None);
    std::fs::write(root.join("cut.docx"), &whole[..whole.len() / 2]).unwrap();
    // Malformed XML: an end tag that closes nothing.
    std::fs::write(
        root.join("badxml.docx"),
        zip(&[(
            "word/document.xml",
            b"<w:document><w:body><w:p></w:r></w:body>",
        )]),
    )
    .unwrap();
    std::fs::write(root.join("bad.json"), "[{\"id\": \"a\", \"title\": ").unwrap();
    std::fs::write(root.join("bad.bib"), "@article{a, title = {never closed\n").unwrap();
    // 500 MB, sparse: refused by its size before it is read.
    let big = std::fs::File::create(root.join("big.txt")).unwrap();
    big.set_len(500 << 20).unwrap();
    drop(big);
    let names = [
        "bomb.docx",
        "cut.docx",
        "badxml.docx",
        "bad.json",
        "bad.bib",
        "big.txt",
        "good.md",
    ];
    let paths: Vec<_> = names.iter().map(|n| root.join(n)).collect();
    let refs: Vec<&Path> = paths.iter().map(|p| p.as_path()).collect();
    let (docs, err, code) = extract(&refs);
    assert_eq!(code, Some(2), "{err}");
    assert_eq!(docs.len(), 1, "{err}");
    assert_eq!(docs[0]["entries"].as_array().unwrap().len(), 1);
    for name in &names[..6] {
        let line = err
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("no error naming {name}: {err}"));
        assert!(!line.contains("panicked"), "{line}");
    }
    assert!(err.contains("decompression bomb"), "{err}");
    assert!(err.contains("too large"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}
