//! Where a works-cited list ends in a paper: a note in prose as the last
//! entry keeps all its lines, and a journal's trailer after the list
//! (supporting information, "How to cite this article") is no entry. Each
//! document is written here, and each test checks the entries, so a list
//! cut short or run on fails.

use citemap::extract::extract_text;

fn paper(list: &[&str], after: &[&str]) -> String {
    let mut text = String::new();
    for k in 0..40 {
        text.push_str(&format!(
            "The measured heat capacity of sample {k} rises below the transition, as\n\
             expected for a weakly coupled superconductor with a single gap.\n"
        ));
    }
    text.push_str("Acknowledgments\nWe thank the staff of the high field laboratory.\n");
    text.push_str("References\n");
    for l in list {
        text.push_str(l);
        text.push('\n');
    }
    for l in after {
        text.push_str(l);
        text.push('\n');
    }
    text
}

fn numbered(n: usize) -> Vec<String> {
    (1..=n)
        .map(|k| {
            format!(
                "[{k}] A. B. Author{k} and C. D. Writer, Phys. Rev. B {}, {} ({}).",
                60 + k,
                1000 + 37 * k,
                1990 + k % 20
            )
        })
        .collect()
}

#[test]
fn a_note_in_prose_ends_the_list_with_all_its_lines() {
    let list = numbered(28);
    let mut lines: Vec<&str> = list.iter().map(String::as_str).collect();
    lines.extend([
        "[29] There is no obvious evidence for a pseudogap at P = 0 in",
        "specific heat or magnetic susceptibility data for CeCoIn5,",
        "possibly because the signature is expected to be weak and",
        "the temperature range between the two transitions is limited to",
        "no more than 1.1 K.",
    ]);
    let doc = extract_text("t.txt", &paper(&lines, &[]));
    let last = doc.entries.last().expect("entries");
    assert_eq!(doc.entries.len(), 29);
    assert!(last.raw.ends_with("1.1 K."), "{}", last.raw);
}

#[test]
fn a_trailer_after_the_list_is_no_entry() {
    let list = numbered(30);
    let lines: Vec<&str> = list.iter().map(String::as_str).collect();
    let doc = extract_text(
        "t.txt",
        &paper(
            &lines,
            &[
                "S U P P O R T I N G I N F O R M A T I O N",
                "Additional supporting information may be found online in the",
                "Supporting Information section at the end of the article.",
                "How to cite this article: Author1 A, Writer C, et al. Heat capacity",
                "of CeCoIn5. J Phys Chem. 2019;23:1343-1350.",
            ],
        ),
    );
    assert_eq!(doc.entries.len(), 30);
    let last = doc.entries.last().expect("entries");
    assert!(last.raw.ends_with("(2000)."), "{}", last.raw);
}

/// A list whose entries stand between blank lines, as pandoc prints it,
/// keeps each block whole even where a line inside an entry opens like
/// another entry ("Birrell, Tran.). Cambridge University Press. (1994)")
/// or a publisher's line is followed by the next entry's names and year
/// ("Stanford University Press." / "Blayney, P. W. M. (2013). …"). A real
/// rendered paper, checked against the truth pandoc recorded for it.
#[test]
fn entries_between_blank_lines_stay_whole() {
    let (text, truth) = rendered("heldout11", "30-book-censorship.apa");
    let truth: Vec<String> = truth["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            e["text"]
                .as_str()
                .unwrap()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let doc = extract_text("30-book-censorship.apa.txt", &text);
    // The paper's four footnotes, "[1] …" to "[4] …" after the list, are
    // notes, not entries.
    assert_eq!(doc.entries.len(), truth.len());
    for (entry, want) in doc.entries.iter().zip(&truth) {
        let got = entry.raw.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(&got, want);
    }
}

#[test]
fn lines_of_a_paragraph_cut_at_its_citations_are_no_headless_list() {
    // heldout13's coral-bleaching paper in APA: a paragraph whose lines
    // open "et al., 2018, pp. 80–82). They found …", "to recover (…" and
    // "2017; T. P. Hughes, …" had been taken for a second, headless list
    // above the real one, so the text after it was never read for
    // citations.
    let (text, truth) = rendered("heldout13", "35-coral-bleaching.apa");
    let doc = extract_text("35-coral-bleaching.apa.txt", &text);
    assert!(doc.sections.is_empty(), "{:?}", doc.sections);
    assert_eq!(doc.section.as_ref().unwrap().heading, "Works Cited");
    assert_eq!(
        doc.entries.len(),
        truth["entries"].as_array().unwrap().len()
    );
}

/// A rendered paper of `tests/fixtures/<set>/` and the truth its renderer
/// recorded.
fn rendered(set: &str, name: &str) -> (String, serde_json::Value) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(set);
    let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).unwrap();
    let truth = std::fs::read_to_string(dir.join(format!("{name}.json"))).unwrap();
    (text, serde_json::from_str(&truth).unwrap())
}
