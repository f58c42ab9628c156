//! The main job on a generated corpus of 2,000 documents (the synth
//! generator, 40 references each): it finishes, and every figure stays
//! legible because it is cut to its most cited/connected nodes, with labels
//! that never overlap. Ignored by default (a debug build takes minutes);
//! `scripts/map-large.sh` runs it in release mode.

use assert_cmd::Command;
use citemap::synth::{Config, Generator};

#[test]
#[ignore = "2,000 documents: run scripts/map-large.sh (release build)"]
fn two_thousand_documents() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let generator = Generator::new(Config {
        docs: 2000,
        refs_per_doc: 40,
        seed: 7,
        ..Config::default()
    });
    for i in 0..2000 {
        let (doc, _) = generator.document(i);
        std::fs::write(corpus.join(&doc.name), doc.text).unwrap();
    }
    let out = tmp.path().join("map");
    let started = std::time::Instant::now();
    let output = Command::cargo_bin("citemap")
        .unwrap()
        .arg("map")
        .arg(&corpus)
        .arg("-o")
        .arg(&out)
        .args(["--top", "200"])
        .output()
        .unwrap();
    eprintln!("map on 2,000 documents: {:.1?}", started.elapsed());
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for name in ["citation", "cocitation", "coupling", "clusters", "shared"] {
        let text = std::fs::read_to_string(out.join(format!("{name}.svg"))).unwrap();
        let doc = roxmltree::Document::parse(&text).unwrap();
        let nodes = doc
            .descendants()
            .filter(|n| n.attribute("class").is_some_and(|c| c.starts_with("node")))
            .count();
        assert!(nodes > 0 && nodes <= 300, "{name}: {nodes} nodes");
        let labels: Vec<(f64, f64, f64)> = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("label"))
            .map(|n| {
                let x: f64 = n.attribute("x").unwrap().parse().unwrap();
                let y: f64 = n.attribute("y").unwrap().parse().unwrap();
                let w = citemap::render::layout::text_width(n.text().unwrap_or(""), 11.0);
                (x, y, w)
            })
            .collect();
        for (i, a) in labels.iter().enumerate() {
            for b in &labels[i + 1..] {
                let apart = a.0 + a.2 <= b.0 || b.0 + b.2 <= a.0 || (a.1 - b.1).abs() >= 12.0;
                assert!(apart, "{name}: labels overlap at {a:?} / {b:?}");
            }
        }
    }
    let report = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert!(
        report.contains("2000 files"),
        "{}",
        &report[..200.min(report.len())]
    );
}
