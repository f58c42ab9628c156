//! Reference libraries (BibTeX, CSL-JSON, RIS) read as lists of entries,
//! recognised by content, mixed in one folder, and resolved with the same
//! works written in a text document. The files are written here, in the
//! shape Zotero exports them.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

fn citemap() -> Command {
    Command::cargo_bin("citemap").unwrap()
}

/// Zotero's "CSL JSON" export of two items.
const CSL: &str = r#"[
	{
		"id": "http://zotero.org/users/1/items/ABCD1234",
		"type": "book",
		"title": "Algorithms of Oppression: How Search Engines Reinforce Racism",
		"publisher": "NYU Press",
		"publisher-place": "New York",
		"author": [{"family": "Noble", "given": "Safiya Umoja"}],
		"issued": {"date-parts": [["2018"]]}
	},
	{
		"id": "http://zotero.org/users/1/items/EFGH5678",
		"type": "article-journal",
		"title": "Dismantling AI Capitalism",
		"container-title": "AI & Society",
		"volume": 38,
		"page": "1–12",
		"DOI": "https://doi.org/10.1007/s00146-022-01437-8",
		"author": [{"family": "Verdegem", "given": "Pieter"}, {"literal": "AI Now Institute"}],
		"issued": {"date-parts": [[2022, 4, 9]]}
	}
]
"#;

/// Zotero's RIS export of the same kinds of items.
const RIS: &str = "TY  - JOUR\r\nTI  - Dismantling AI Capitalism\r\nAU  - Verdegem, Pieter\r\nT2  - AI & Society\r\nDA  - 2022/04/09/\r\nPY  - 2022\r\nVL  - 38\r\nSP  - 1\r\nEP  - 12\r\nDO  - 10.1007/s00146-022-01437-8\r\nER  - \r\n\r\nTY  - BOOK\r\nTI  - The Culture of Connectivity\r\nAU  - van Dijck, José\r\nPB  - Oxford University Press\r\nPY  - 2013\r\nER  - \r\n";

/// Better BibTeX's export: braces around capitals, an accent as TeX, a
/// month macro, a `date` field.
const BIB: &str = r#"% Exported by Better BibTeX
@book{benjamin2019,
  title = {Race after {{Technology}}},
  author = {Benjamin, Ruha},
  date = {2019-06},
  publisher = {{Polity Press}},
  location = {Cambridge},
}

@inproceedings{buolamwini2018,
  title = {Gender {{Shades}}},
  booktitle = {Proceedings of the 1st {{Conference}} on {{Fairness}}},
  author = {Buolamwini, Joy and Gebru, Timnit},
  year = {2018},
  month = feb,
  pages = {77--91},
  note = {Caf{\'e} edition},
}
"#;

fn extract_json(args: &[&Path]) -> Vec<Value> {
    let out = citemap()
        .args(["extract", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn reference(entry: &Value) -> &Value {
    &entry["outcome"]["reference"]
}

#[test]
fn csl_json_maps_field_by_field_with_lines() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("zotero.json");
    std::fs::write(&p, CSL).unwrap();
    let docs = extract_json(&[&p]);
    let entries = docs[0]["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["span"]["line"], 2);
    assert_eq!(entries[1]["span"]["line"], 11);
    let b = reference(&entries[0]);
    assert_eq!(b["type"], "book");
    assert_eq!(b["publisher_place"], "New York");
    assert_eq!(b["issued"]["year"], 2018);
    let a = reference(&entries[1]);
    assert_eq!(a["volume"], "38");
    assert_eq!(a["pages"], "1-12");
    assert_eq!(a["doi"], "10.1007/s00146-022-01437-8");
    assert_eq!(a["authors"][1]["literal"], true);
    assert_eq!(a["issued"]["day"], 9);
}

#[test]
fn ris_and_bibtex_map_field_by_field() {
    let dir = tempfile::tempdir().unwrap();
    let ris = dir.path().join("export.ris");
    let bib = dir.path().join("library.bib");
    std::fs::write(&ris, RIS).unwrap();
    std::fs::write(&bib, BIB).unwrap();
    let docs = extract_json(&[&ris, &bib]);
    let r: Vec<&Value> = docs[0]["entries"].as_array().unwrap().iter().collect();
    assert_eq!(r.len(), 2);
    assert_eq!(
        (
            r[1]["span"]["line"].as_u64(),
            r[1]["span"]["end_line"].as_u64()
        ),
        (Some(13), Some(18))
    );
    assert_eq!(reference(r[0])["container_title"], "AI & Society");
    assert_eq!(reference(r[0])["pages"], "1-12");
    assert_eq!(reference(r[1])["authors"][0]["family"], "van Dijck");
    let b: Vec<&Value> = docs[1]["entries"].as_array().unwrap().iter().collect();
    assert_eq!(b.len(), 2);
    assert_eq!(b[0]["label"], "benjamin2019");
    assert_eq!(b[0]["span"]["line"], 2);
    assert_eq!(b[1]["span"]["line"], 10);
    let book = reference(b[0]);
    assert_eq!(book["title"], "Race after Technology");
    assert_eq!(book["publisher"], "Polity Press");
    assert_eq!(book["issued"]["month"], 6);
    let paper = reference(b[1]);
    assert_eq!(paper["type"], "paper-conference");
    assert_eq!(paper["authors"][1]["family"], "Gebru");
    assert_eq!(paper["issued"]["month"], 2);
    assert_eq!(paper["note"], "Café edition");
}

#[test]
fn recognised_by_content_whatever_the_extension_and_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let bib = dir.path().join("refs.txt");
    let ris = dir.path().join("export.dat");
    std::fs::write(&bib, BIB).unwrap();
    std::fs::write(&ris, RIS).unwrap();
    // Mendeley Desktop's export opens with lines of free text before the
    // first entry, which BibTeX ignores.
    let mendeley = dir.path().join("library.txt");
    let header = "Automatically generated by Mendeley Desktop 1.19.8\n\
        Any changes to this entry will be lost if it is regenerated by Mendeley.\n\n\
        BibTeX export options can be customized via Options -> BibTeX in Mendeley Desktop\n\n";
    std::fs::write(
        &mendeley,
        format!(
            "{header}{}",
            BIB.replace("% Exported by Better BibTeX\n", "")
        ),
    )
    .unwrap();
    let docs = extract_json(&[&bib, &ris, &mendeley]);
    assert_eq!(docs[0]["entries"][0]["label"], "benjamin2019");
    assert_eq!(docs[1]["entries"].as_array().unwrap().len(), 2);
    let from_mendeley = docs[2]["entries"].as_array().unwrap();
    assert_eq!(from_mendeley.len(), 2, "{:#}", docs[2]);
    assert_eq!(from_mendeley[1]["label"], "buolamwini2018");
    let out = citemap()
        .args(["extract", "--format", "json", "-"])
        .write_stdin(CSL)
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["entries"].as_array().unwrap().len(), 2);
}

#[test]
fn a_library_and_a_text_list_resolve_the_same_work_to_one_node() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("library.json"), CSL).unwrap();
    std::fs::write(dir.path().join("export.ris"), RIS).unwrap();
    std::fs::write(
        dir.path().join("essay.md"),
        "# An essay\n\nSearch is not neutral (Noble 45).\n\n## Works cited\n\n- Noble, Safiya Umoja. *Algorithms of Oppression: How Search Engines Reinforce Racism*. NYU Press, 2018.\n- Benjamin, Ruha. *Race after Technology*. Polity Press, 2019.\n",
    )
    .unwrap();
    // Folders mix formats; a JSON file that is not CSL-JSON is passed over.
    std::fs::write(dir.path().join("package.json"), "{\"name\": \"x\"}").unwrap();
    let out = citemap()
        .args(["shared", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let works: Vec<&Value> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["level"] == "work")
        .collect();
    let docs_of = |needle: &str| -> Vec<String> {
        let w = works
            .iter()
            .find(|w| w["label"].as_str().unwrap_or("").contains(needle))
            .unwrap_or_else(|| panic!("no shared work {needle} in {works:?}"));
        let mut d: Vec<String> = w["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                Path::new(d["path"].as_str().unwrap())
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        d.sort();
        d
    };
    assert_eq!(docs_of("Noble"), ["essay.md", "library.json"]);
    // The same article in two libraries (CSL-JSON and RIS): one work.
    assert_eq!(docs_of("Verdegem"), ["export.ris", "library.json"]);
}

#[test]
fn library_check_reports_duplicates_missing_fields_and_dois() {
    let dir = tempfile::tempdir().unwrap();
    let bib = dir.path().join("lib.bib");
    std::fs::write(
        &bib,
        "@book{a, title={One}, author={X, Y}, year=2001}\n@article{b, title={Two}, journal={J}, year=2002, volume=1, doi={10.12/bad}}\n@misc{a, title={Again}}\n",
    )
    .unwrap();
    let out = citemap()
        .args(["check", "--format", "json"])
        .arg(&bib)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let problems = v["documents"][0]["problems"].as_array().unwrap();
    let kinds: Vec<(&str, u64)> = problems
        .iter()
        .map(|p| (p["kind"].as_str().unwrap(), p["line"].as_u64().unwrap()))
        .collect();
    assert!(kinds.contains(&("missing-field", 1)), "{kinds:?}");
    assert!(kinds.contains(&("invalid-doi", 2)), "{kinds:?}");
    assert!(kinds.contains(&("duplicate-entry", 3)), "{kinds:?}");
    assert!(!kinds.iter().any(|(k, _)| *k == "uncited-entry"));
}
