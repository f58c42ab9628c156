use super::*;
use std::collections::HashSet;

fn small(seed: u64) -> Config {
    Config {
        docs: 24,
        refs_per_doc: 30,
        seed,
        ..Config::default()
    }
}

#[test]
fn same_seed_gives_identical_corpus_and_other_seeds_differ() {
    let a = generate(&small(7));
    let b = generate(&small(7));
    let c = generate(&small(8));
    assert_eq!(a.documents, b.documents);
    assert_eq!(a.truth, b.truth);
    assert_ne!(a.documents[0].text, c.documents[0].text);
}

#[test]
fn generator_documents_do_not_depend_on_order() {
    let g = Generator::new(small(7));
    let late_first = g.document(5);
    let _ = g.document(0);
    assert_eq!(g.document(5), late_first);
}

#[test]
fn truth_counts_and_lines_match_the_documents() {
    let corpus = generate(&small(11));
    for (doc, truth) in corpus.documents.iter().zip(&corpus.truth.documents) {
        assert_eq!(doc.name, truth.name);
        assert_eq!(truth.entries.len(), 30);
        let lines: Vec<&str> = doc.text.split('\n').collect();
        assert_eq!(lines[truth.heading_line - 1], truth.heading);
        let mut works = HashSet::new();
        for (i, e) in truth.entries.iter().enumerate() {
            assert!(works.insert(e.work), "work cited twice in one list");
            assert!(e.line > truth.heading_line && e.end_line >= e.line);
            // The entry's block of lines holds its title (repairing
            // hyphenation and split URLs aside, the first word survives).
            let block = lines[e.line - 1..e.end_line].join(" ");
            let title = e.reference.title.as_deref().unwrap();
            let first_word = title.split(' ').next().unwrap();
            assert!(
                block.contains(first_word.trim_end_matches(':'))
                    || e.damage.contains(&Damage::Hyphenation),
                "{}: entry {i} {block:?} lacks {first_word:?}",
                doc.name
            );
            if truth.style == Style::Ieee {
                assert_eq!(e.label.as_deref(), Some((i + 1).to_string().as_str()));
            }
        }
        // Every entry is cited at least once, and every citation's text
        // is where the truth says it is.
        let cited: HashSet<usize> = truth
            .citations
            .iter()
            .flat_map(|c| c.entries.clone())
            .collect();
        assert_eq!(cited.len(), truth.entries.len());
        for c in &truth.citations {
            assert_eq!(&doc.text[c.start..c.end], c.text);
            assert_eq!(doc.text[..c.start].matches('\n').count() + 1, c.line);
            for (&e, &w) in c.entries.iter().zip(&c.works) {
                assert_eq!(truth.entries[e].work, w);
            }
        }
        for &l in &truth.page_break_lines {
            assert!(!lines[l - 1].is_empty());
        }
    }
}

#[test]
fn every_style_and_damage_appears() {
    let corpus = generate(&Config {
        docs: 60,
        refs_per_doc: 40,
        ..Config::default()
    });
    let styles: HashSet<Style> = corpus.truth.documents.iter().map(|d| d.style).collect();
    for s in [Style::Mla, Style::Apa, Style::Chicago, Style::Ieee] {
        assert!(styles.contains(&s), "{s} missing");
    }
    let damage: HashSet<Damage> = corpus
        .truth
        .documents
        .iter()
        .flat_map(|d| d.entries.iter().flat_map(|e| e.damage.clone()))
        .collect();
    assert_eq!(damage.len(), 4, "{damage:?}");
    let kinds: HashSet<WorkType> = corpus
        .truth
        .works
        .iter()
        .map(|w| w.reference.kind)
        .collect();
    assert_eq!(kinds.len(), 5);
    assert!(corpus.truth.documents.iter().any(|d| d.markdown));
    assert!(corpus.truth.documents.iter().any(|d| !d.notes.is_empty()));
}

#[test]
fn popularity_is_skewed() {
    let corpus = generate(&Config {
        docs: 200,
        refs_per_doc: 20,
        pool_size: 2000,
        ..Config::default()
    });
    let mut counts = vec![0usize; corpus.truth.works.len()];
    for d in &corpus.truth.documents {
        for e in &d.entries {
            counts[e.work] += 1;
        }
    }
    let top: usize = counts[..20].iter().sum();
    let tail: usize = counts[1000..1020].iter().sum();
    assert!(top > 10 * tail.max(1), "top {top} tail {tail}");
}

#[test]
fn no_damage_means_clean_entries() {
    let corpus = generate(&Config {
        docs: 20,
        refs_per_doc: 20,
        damage: DamageRates::none(),
        markdown_share: 1.0,
        ..Config::default()
    });
    for (doc, truth) in corpus.documents.iter().zip(&corpus.truth.documents) {
        for e in &truth.entries {
            assert!(e.damage.is_empty());
            assert!(doc.text.contains(&format!("- {}\n", e.text)));
        }
        assert!(truth.citations.iter().all(|c| !c.misspelt));
    }
}

#[test]
fn truth_round_trips_through_json() {
    let corpus = generate(&small(3));
    let json = serde_json::to_string(&corpus.truth).unwrap();
    let back: Truth = serde_json::from_str(&json).unwrap();
    assert_eq!(back, corpus.truth);
}

#[test]
fn styles_follow_their_guides() {
    let corpus = generate(&Config {
        docs: 40,
        refs_per_doc: 40,
        damage: DamageRates::none(),
        markdown_share: 0.0,
        ..Config::default()
    });
    for d in &corpus.truth.documents {
        for e in &d.entries {
            let r = &e.reference;
            let t = &e.text;
            match (d.style, r.kind) {
                (Style::Apa, WorkType::ArticleJournal) => {
                    let y = r.year().unwrap();
                    assert!(t.contains(&format!("({y}")), "{t}");
                    if let (Some(v), Some(i)) = (&r.volume, &r.issue) {
                        assert!(t.contains(&format!(", {v}({i}), ")), "{t}");
                    }
                }
                (Style::Mla, WorkType::ArticleJournal) => {
                    assert!(
                        t.contains(&format!("vol. {}", r.volume.as_deref().unwrap())),
                        "{t}"
                    );
                    assert!(t.contains(", pp. "), "{t}");
                }
                (Style::Chicago, WorkType::Book) => {
                    let place = r.publisher_place.as_deref().unwrap();
                    assert!(t.contains(&format!("{place}: ")), "{t}");
                }
                (Style::Ieee, _) => assert!(
                    t.starts_with(&format!("[{}] ", e.label.as_deref().unwrap())),
                    "{t}"
                ),
                _ => {}
            }
            if let Some(doi) = &r.doi {
                assert!(t.contains(doi.as_str()));
            }
        }
    }
}
