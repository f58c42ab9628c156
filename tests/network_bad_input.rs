//! Bad input: duplicate entries, same file names in different folders,
//! entries with no title, unparsed entries, broken overrides. Each is
//! reported, none is merged wrongly, nothing panics.

use citemap::analyze::shared::{shared_sources, Level};
use citemap::graph::{project, Kind, Network};
use citemap::resolve::{resolve, Options, Overrides, Rule};
use citemap::{Date, Document, DocumentMeta, Entry, Outcome, Person, Reference, Span, Style};
use std::path::Path;

fn parsed(raw: &str, reference: Reference) -> Entry {
    Entry {
        span: Span::default(),
        label: None,
        marker: None,
        raw: raw.into(),
        style: Style::Mla,
        outcome: Outcome::Parsed {
            reference: reference.into(),
            confidence: 0.9,
        },
    }
}

fn book(family: &str, title: Option<&str>, year: i32) -> Reference {
    Reference {
        authors: vec![Person::new(family, Some("A."))],
        title: title.map(Into::into),
        issued: Some(Date::year(year)),
        ..Reference::default()
    }
}

fn doc(path: &str, entries: Vec<Entry>) -> Document {
    Document {
        path: path.into(),
        meta: DocumentMeta::default(),
        section: None,
        sections: Vec::new(),
        style: Style::Mla,
        entries,
        notes: vec![],
    }
}

#[test]
fn duplicate_entry_within_one_document_is_reported_not_shared() {
    let weapons = book("O'Neil", Some("Weapons of Math Destruction"), 2016);
    let docs = vec![
        doc(
            "a.txt",
            vec![
                parsed(
                    "O'Neil, Cathy. Weapons of Math Destruction. 2016.",
                    weapons.clone(),
                ),
                parsed(
                    "O’Neil, C. Weapons of math destruction. 2016.",
                    weapons.clone(),
                ),
            ],
        ),
        doc(
            "b.txt",
            vec![parsed(
                "Eubanks. Automating Inequality. 2017.",
                book("Eubanks", Some("Automating Inequality"), 2017),
            )],
        ),
    ];
    let res = resolve(&docs, &[], &Options::default());
    assert_eq!(res.works.len(), 2);
    assert!(
        res.notes
            .iter()
            .any(|n| n.contains("a.txt") && n.contains("duplicate")),
        "{:#?}",
        res.notes
    );
    let shared = shared_sources(&docs, &res, 2, &[Level::Work]);
    assert!(
        shared.is_empty(),
        "a duplicate is not a shared source: {shared:#?}"
    );
}

#[test]
fn same_file_name_in_different_folders_stays_two_documents() {
    let e = || {
        parsed(
            "Eubanks. Automating Inequality. 2017.",
            book("Eubanks", Some("Automating Inequality"), 2017),
        )
    };
    let docs = vec![doc("x/paper.txt", vec![e()]), doc("y/paper.txt", vec![e()])];
    let res = resolve(&docs, &[], &Options::default());
    assert_eq!(res.documents.len(), 2);
    assert_ne!(res.doc_node[0], res.doc_node[1]);
    assert!(
        res.notes
            .iter()
            .any(|n| n.contains("paper.txt") && n.contains("x/paper.txt")),
        "{:#?}",
        res.notes
    );
    // The shared work is shared by both files, listed by full path.
    let shared = shared_sources(&docs, &res, 2, &[Level::Work]);
    assert_eq!(shared.len(), 1);
    let paths: Vec<&str> = shared[0]
        .documents
        .iter()
        .map(|c| c.path.as_str())
        .collect();
    assert_eq!(paths, vec!["x/paper.txt", "y/paper.txt"]);
    // Overrides naming only the ambiguous file name are refused.
    let o = Overrides::from_toml(
        "[[different]]\na = \"paper.txt#1\"\nb = \"y/paper.txt#1\"\n",
        Path::new("o.toml"),
    )
    .unwrap();
    let res = resolve(
        &docs,
        &[],
        &Options {
            overrides: o,
            ..Options::default()
        },
    );
    assert!(
        res.notes
            .iter()
            .any(|n| n.contains("more than one document")),
        "{:#?}",
        res.notes
    );
    assert_eq!(res.works.len(), 1);
}

#[test]
fn entries_without_title_are_not_merged_by_author_and_year() {
    let docs = vec![
        doc(
            "a.txt",
            vec![parsed("Smith, A. 2019.", book("Smith", None, 2019))],
        ),
        doc(
            "b.txt",
            vec![parsed("Smith, A. (2019).", book("Smith", None, 2019))],
        ),
        doc(
            "c.txt",
            vec![Entry {
                span: Span::default(),
                label: None,
                marker: None,
                raw: "%%% garbage".into(),
                style: Style::Unknown,
                outcome: Outcome::Unparsed {
                    reason: "no fields".into(),
                },
            }],
        ),
    ];
    let res = resolve(&docs, &[], &Options::default());
    assert_eq!(res.works.len(), 3);
    assert!(res.merges.is_empty());
    assert_eq!(
        res.notes.iter().filter(|n| n.contains("no title")).count(),
        2,
        "{:#?}",
        res.notes
    );
    assert!(res
        .notes
        .iter()
        .any(|n| n.contains("c.txt#1") && n.contains("not parsed")));
    // Every projection copes.
    let net = Network::build(&res);
    for kind in [
        Kind::Citation,
        Kind::Cocitation,
        Kind::Coupling,
        Kind::Coauthor,
        Kind::AuthorCitation,
    ] {
        let _ = project(&res, &docs, &net, kind);
    }
}

#[test]
fn untitled_entries_still_merge_by_doi() {
    let mut a = book("Gabriel", None, 2020);
    a.doi = Some("10.1007/s11023-020-09539-2".into());
    let mut b = book(
        "Gabriel",
        Some("Artificial Intelligence, Values, and Alignment"),
        2020,
    );
    b.doi = Some("https://doi.org/10.1007/S11023-020-09539-2".into());
    let docs = vec![
        doc("a.txt", vec![parsed("a", a)]),
        doc("b.txt", vec![parsed("b", b)]),
    ];
    let res = resolve(&docs, &[], &Options::default());
    assert_eq!(res.works.len(), 1);
    assert_eq!(res.merges[0].evidence.rule, Rule::Doi);
}

#[test]
fn overrides_join_and_separate() {
    let t = "The Democratization of Artificial Intelligence";
    let docs = vec![
        doc("a.txt", vec![parsed("a", book("Sudmann", Some(t), 2019))]),
        doc("b.txt", vec![parsed("b", book("Sudmann", Some(t), 2019))]),
        doc(
            "c.txt",
            vec![parsed(
                "c",
                book("Somebody", Some("Another Book Entirely Here"), 2001),
            )],
        ),
    ];
    let base = resolve(&docs, &[], &Options::default());
    assert_eq!(base.works.len(), 2);
    let o = Overrides::from_toml(
        "[[different]]\na = \"a.txt#1\"\nb = \"b.txt#1\"\n[[same]]\na = \"b.txt#1\"\nb = \"c.txt#1\"\n",
        Path::new("o.toml"),
    )
    .unwrap();
    let res = resolve(
        &docs,
        &[],
        &Options {
            overrides: o,
            ..Options::default()
        },
    );
    assert_ne!(res.work_of[0][0], res.work_of[1][0]);
    assert_eq!(res.work_of[1][0], res.work_of[2][0]);
    assert_eq!(res.merges.len(), 1);
    assert_eq!(res.merges[0].evidence.rule, Rule::Override);
}

#[test]
fn broken_overrides_are_errors_or_notes_not_panics() {
    assert!(Overrides::from_toml("[[same]]\na = 1\n", Path::new("o.toml")).is_err());
    assert!(Overrides::from_toml("[[sme]]\na = \"x\"\nb = \"y\"\n", Path::new("o.toml")).is_err());
    assert!(Overrides::load(Path::new("/nonexistent/o.toml")).is_err());
    let o = Overrides::from_toml(
        "[[same]]\na = \"nofile.txt#1\"\nb = \"a.txt#99\"\n[[same]]\na = \"a.txt\"\nb = \"a.txt#x\"\n",
        Path::new("o.toml"),
    )
    .unwrap();
    let docs = vec![doc(
        "a.txt",
        vec![parsed(
            "a",
            book("X", Some("A Title Long Enough Here"), 2000),
        )],
    )];
    let res = resolve(
        &docs,
        &[],
        &Options {
            overrides: o,
            ..Options::default()
        },
    );
    assert!(
        res.notes
            .iter()
            .filter(|n| n.starts_with("override"))
            .count()
            >= 2,
        "{:#?}",
        res.notes
    );
}

#[test]
fn empty_corpus_and_empty_documents() {
    let res = resolve(&[], &[], &Options::default());
    assert!(res.works.is_empty());
    let docs = vec![doc("empty.txt", vec![])];
    let res = resolve(&docs, &["\u{0}\u{0}binary-ish"], &Options::default());
    assert_eq!(res.documents.len(), 1);
    let net = Network::build(&res);
    assert_eq!(net.graph.node_count(), 1);
}

/// Two papers with one generic title but different works-cited lists are two
/// documents (the generated corpus had 94 such false joins); a page without a
/// list still joins the full text whose title it shows.
#[test]
fn same_title_with_different_reference_lists_stays_two_documents() {
    let list = |names: &[&str]| -> Vec<Entry> {
        names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let title = format!("{n} on infrastructure {i}");
                parsed(&title, book(n, Some(&title), 2000 + i as i32))
            })
            .collect()
    };
    let titled = |path: &str, entries| Document {
        meta: DocumentMeta {
            title: Some("Rethinking Public Health: Critical Archives".into()),
            ..DocumentMeta::default()
        },
        ..doc(path, entries)
    };
    let docs = vec![
        titled("a.txt", list(&["Ramirez", "Jensen", "Patel", "Laurent"])),
        titled(
            "b.txt",
            list(&["Mukherjee", "Adeyemi", "Okafor", "Lindqvist"]),
        ),
        titled("portal.txt", vec![]),
    ];
    let head = "Rethinking Public Health: Critical Archives\nAbstract";
    let res = resolve(&docs, &[head, head, head], &Options::default());
    assert_ne!(
        res.doc_node[0], res.doc_node[1],
        "different lists, one title"
    );
    // The page without a list joins one of them rather than standing alone.
    assert!(
        res.doc_node[2] == res.doc_node[0] || res.doc_node[2] == res.doc_node[1],
        "{:?}",
        res.doc_node
    );
}
