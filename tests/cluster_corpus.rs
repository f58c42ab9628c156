//! Clusters of the built-in corpus (`references/`), checked against the
//! field-of-study metadata the clustering never reads: Luchs 2023 (critical
//! media studies) and Seger et al. 2023 (AI governance) must fall in
//! different clusters, and the documents without a works-cited list must be
//! placed by their text, with a score.

use assert_cmd::Command;
use citemap::report::clusters::{Clusters, PlacedBy};
use citemap::report::{self, projection::Kind, Analysis};

mod common;
use common::references_dir as references;

fn analyse(kind: Kind, seed: u64) -> Option<Analysis> {
    let dir = references()?;
    let found = citemap::input::collect(&[dir]);
    let sources: Vec<_> = found
        .files
        .iter()
        .map(|p| citemap::input::load_path(p).expect("references/ loads"))
        .collect();
    let docs: Vec<_> = sources.iter().map(citemap::extract::extract).collect();
    let texts: Vec<&str> = sources.iter().map(|s| s.text.as_str()).collect();
    let mut options = report::Options::default();
    options.clusters.kind = kind;
    options.clusters.seed = seed;
    Some(report::analyse(docs, &texts, &options))
}

/// The cluster (0-based) each file lands in, by file-name prefix.
fn cluster_of(clusters: &Clusters, prefix: &str) -> Option<usize> {
    clusters.clusters.iter().position(|c| {
        c.documents.iter().any(|d| {
            d.path
                .rsplit('/')
                .next()
                .is_some_and(|f| f.starts_with(prefix))
        })
    })
}

/// The field each document's metadata names (read only here, by the test).
fn field_of(a: &Analysis, prefix: &str) -> Option<String> {
    a.docs
        .iter()
        .find(|d| {
            d.path
                .rsplit('/')
                .next()
                .is_some_and(|f| f.starts_with(prefix))
        })
        .and_then(|d| d.meta.field.clone())
}

#[test]
fn camps_fall_in_different_clusters_as_their_fields_say() {
    let Some(a) = analyse(Kind::Citation, 42) else {
        return;
    };
    let k = &a.clusters;
    assert!(k.clusters.len() >= 2, "{:#?}", k.clusters.len());
    assert!(
        k.modularity > 0.3 && k.modularity <= 1.0,
        "modularity {}",
        k.modularity
    );
    let luchs = cluster_of(k, "000").expect("000 is clustered");
    let seger = cluster_of(k, "004").expect("004 is clustered");
    // The metadata says the fields differ; the clustering, blind to it,
    // must agree.
    let (f0, f4) = (field_of(&a, "000"), field_of(&a, "004"));
    assert!(
        f0.is_some() && f4.is_some() && f0 != f4,
        "fields {f0:?} {f4:?}"
    );
    assert_ne!(luchs, seger, "000 and 004 share cluster {luchs}");
    // 001 is the same article as 000.
    assert_eq!(cluster_of(k, "001"), Some(luchs));
}

#[test]
fn labels_are_distinct_and_grounded_in_each_cluster() {
    let Some(a) = analyse(Kind::Citation, 42) else {
        return;
    };
    let k = &a.clusters;
    let luchs = &k.clusters[cluster_of(k, "000").unwrap()];
    let seger = &k.clusters[cluster_of(k, "004").unwrap()];
    eprintln!("000: {}\n004: {}", luchs.label, seger.label);
    for (own, other) in [(luchs, seger), (seger, luchs)] {
        assert!(own.terms.len() >= 3, "{:?}", own.terms);
        for term in own.terms.iter().take(3) {
            assert!(
                !other.terms.iter().take(3).any(|t| t == term),
                "{term} labels both"
            );
            // A label term must come from the cluster's own works: the
            // label's evidence (titles, and venues after the full stop)
            // carries it more often than the other cluster's titles do.
            // Compared as the labeller reads text: lower case, words split
            // at any mark ("175-billion-parameter" carries "billion parameter").
            let words = |t: &str| {
                let w: String = t
                    .to_lowercase()
                    .chars()
                    .map(|c| if c.is_alphanumeric() { c } else { ' ' })
                    .collect();
                format!(" {} ", w.split_whitespace().collect::<Vec<_>>().join(" "))
            };
            let needle = words(term);
            let own_count = own
                .evidence
                .iter()
                .filter(|t| words(t).contains(&needle))
                .count();
            let other_count = other
                .works
                .iter()
                .filter(|w| words(w.title.as_deref().unwrap_or("")).contains(&needle))
                .count();
            assert!(
                own_count > other_count,
                "{term}: {own_count} works of evidence in its cluster, {other_count} titles in the other"
            );
        }
    }
    // The field names' own words: the governance camp's label speaks of
    // democracy or governance, the media-studies camp's of politics, power or
    // platforms; neither field name is an input, so this can fail.
    let has = |c: &citemap::report::clusters::Cluster, words: &[&str]| {
        c.terms
            .iter()
            .any(|t| words.iter().any(|w| t.to_lowercase().contains(w)))
    };
    assert!(
        has(seger, &["democra", "governance", "risk", "release"]),
        "{:?}",
        seger.terms
    );
    assert!(
        has(
            luchs,
            &["politic", "power", "capital", "platform", "critical", "ideology"]
        ),
        "{:?}",
        luchs.terms
    );
}

#[test]
fn documents_without_lists_are_placed_by_text_with_a_score() {
    let Some(a) = analyse(Kind::Citation, 42) else {
        return;
    };
    for prefix in ["002", "003"] {
        let doc = a
            .clusters
            .clusters
            .iter()
            .flat_map(|c| &c.documents)
            .find(|d| d.path.contains(&format!("/{prefix}")))
            .unwrap_or_else(|| panic!("{prefix} is placed"));
        assert_eq!(doc.placed_by, PlacedBy::TextSimilarity);
        let score = doc.score.expect("a score");
        assert!(score > 0.0 && score <= 1.0, "{prefix}: {score}");
    }
}

#[test]
fn same_seed_same_clusters_for_every_projection() {
    for kind in [Kind::Citation, Kind::Cocitation, Kind::Coupling] {
        let Some(a) = analyse(kind, 7) else { return };
        let b = analyse(kind, 7).unwrap();
        assert_eq!(
            serde_json::to_string(&a.clusters).unwrap(),
            serde_json::to_string(&b.clusters).unwrap(),
            "{kind:?}"
        );
        assert!(
            cluster_of(&a.clusters, "000").is_some(),
            "{kind:?}: 000 unplaced"
        );
        // Coupling has only the two citing documents, joined by the one
        // work they share: one cluster is its modularity optimum (0 against
        // −0.5 apart), so only the other projections can split the camps.
        if kind != Kind::Coupling {
            assert_ne!(
                cluster_of(&a.clusters, "000"),
                cluster_of(&a.clusters, "004"),
                "{kind:?}"
            );
        }
    }
}

#[test]
fn clusters_command_json_has_the_documented_shape() {
    let Some(dir) = references() else { return };
    let out = Command::cargo_bin("citemap")
        .unwrap()
        .args(["clusters", "--format", "json", "--seed", "3"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["modularity"]
        .as_f64()
        .is_some_and(|m| (-0.5..=1.0).contains(&m)));
    let clusters = v["clusters"].as_array().unwrap();
    assert!(clusters.len() >= 2);
    for c in clusters {
        for key in ["id", "label", "terms", "documents", "works", "size"] {
            assert!(!c[key].is_null(), "missing {key} in {c}");
        }
        assert!(c["size"].as_u64().unwrap() >= 1);
    }
    // The table says how documents without lists were placed.
    let table = Command::cargo_bin("citemap")
        .unwrap()
        .arg("clusters")
        .arg(&dir)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(text.contains("placed by text similarity, score"), "{text}");
}
