//! Figures as a browser sees them: every SVG of the main job parses as XML,
//! draws something, keeps its labels apart (measured from the SVG itself),
//! and hostile titles cannot inject markup. Where Chromium is installed the
//! SVGs are also rendered once and checked not to be blank.

use assert_cmd::Command;
use citemap::render::{self, layout::text_width, Edge, Figure, Group, Node, NodeKind};
use std::path::Path;

mod common;
use common::references_dir as references;

fn map_corpus() -> Option<tempfile::TempDir> {
    let dir = references()?;
    let out = tempfile::tempdir().unwrap();
    let status = Command::cargo_bin("citemap")
        .unwrap()
        .arg("map")
        .arg(&dir)
        .arg("-o")
        .arg(out.path())
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    Some(out)
}

const FIGURES: &[&str] = &["citation", "cocitation", "coupling", "clusters", "shared"];

/// Label boxes read back from the SVG: (left, top, right, bottom).
fn label_boxes(doc: &roxmltree::Document) -> Vec<(String, (f64, f64, f64, f64))> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text") && n.attribute("class") == Some("label"))
        .map(|n| {
            let x: f64 = n.attribute("x").unwrap().parse().unwrap();
            let y: f64 = n.attribute("y").unwrap().parse().unwrap();
            let text = n.text().unwrap_or("").to_owned();
            let bold = n.parent().and_then(|p| p.attribute("class")) == Some("node doc");
            let w = text_width(&text, 11.0) * if bold { 1.12 } else { 1.0 };
            (text, (x, y - 9.0, x + w, y + 3.0))
        })
        .collect()
}

#[test]
fn corpus_svgs_parse_draw_and_keep_labels_apart() {
    let Some(out) = map_corpus() else { return };
    for name in FIGURES {
        let path = out.path().join(format!("{name}.svg"));
        let text = std::fs::read_to_string(&path).unwrap();
        let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{name}.svg: {e}"));
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        let width: f64 = root.attribute("width").unwrap().parse().unwrap();
        let height: f64 = root.attribute("height").unwrap().parse().unwrap();
        assert!(width > 100.0 && height > 100.0, "{name}: {width}×{height}");
        let shapes = doc
            .descendants()
            .filter(|n| {
                n.has_tag_name("circle") || n.has_tag_name("rect") || n.has_tag_name("path")
            })
            .count();
        assert!(shapes >= 3, "{name}: only {shapes} shapes");
        let labels = label_boxes(&doc);
        assert!(!labels.is_empty(), "{name}: no labels");
        for (i, (a, ba)) in labels.iter().enumerate() {
            assert!(
                ba.0 >= 0.0 && ba.2 <= width && ba.1 >= 0.0 && ba.3 <= height,
                "{name}: {a} outside"
            );
            for (b, bb) in &labels[i + 1..] {
                let apart = ba.2 <= bb.0 || bb.2 <= ba.0 || ba.3 <= bb.1 || bb.3 <= ba.1;
                assert!(apart, "{name}: labels {a:?} and {b:?} overlap");
            }
        }
        // Tooltips carry the full reference.
        assert!(
            doc.descendants().any(|n| n.has_tag_name("title")),
            "{name}: no tooltips"
        );
    }
}

#[test]
fn corpus_dot_files_parse_and_group_clusters() {
    let Some(out) = map_corpus() else { return };
    for name in FIGURES {
        let text = std::fs::read_to_string(out.path().join(format!("{name}.dot"))).unwrap();
        graphviz_rust::parse(&text).unwrap_or_else(|e| panic!("{name}.dot: {e}"));
    }
    let citation = std::fs::read_to_string(out.path().join("citation.dot")).unwrap();
    assert!(
        citation.contains("subgraph cluster_0"),
        "no cluster subgraph"
    );
    assert!(citation.contains("tooltip="), "no tooltips");
    // The shared work is highlighted in the citation network.
    assert!(citation.contains("#C0392B"), "no highlighted shared source");
}

fn hostile() -> Figure {
    let mut f = Figure::new("<script>alert(1)</script> & \"quotes\"");
    f.caption = "a ]]> b \u{1} c".into();
    f.groups.push(Group {
        label: "<b>bold</b> & 'x'".into(),
    });
    f.nodes.push(
        Node::new("d\"0", "Doc <i>", NodeKind::Document)
            .with_tooltip("</title><script>x</script>")
            .in_group(0),
    );
    f.nodes.push(
        Node::new("w}1", "W & {1}", NodeKind::Work)
            .with_tooltip("line\nbreak \\ \"q\"")
            .in_group(0),
    );
    f.nodes
        .push(Node::new("s\\2", "Src\u{7}", NodeKind::Source).highlighted(true));
    f.edges.push(Edge::new(0, 1));
    f.edges.push(Edge::new(0, 2));
    f
}

#[test]
fn hostile_titles_stay_text() {
    let f = hostile();
    let svg = render::svg::to_svg(&f, &Default::default());
    let doc = roxmltree::Document::parse(&svg).expect("escaped SVG parses");
    assert!(!doc
        .descendants()
        .any(|n| n.has_tag_name("script") || n.has_tag_name("b") || n.has_tag_name("i")));
    assert!(doc.descendants().any(|n| n
        .text()
        .is_some_and(|t| t.contains("<script>alert(1)</script>"))));
    let dot = render::dot::to_dot(&f);
    let parsed = graphviz_rust::parse(&dot).expect("escaped DOT parses");
    let again = graphviz_rust::printer::DotPrinter::print(&parsed, &mut Default::default());
    assert!(again.contains(r#""d\"0""#), "{again}");
}

#[test]
fn large_figures_are_cut_to_a_legible_size() {
    let mut f = Figure::new("big");
    f.groups = (0..5)
        .map(|g| Group {
            label: format!("g{g}"),
        })
        .collect();
    for i in 0..2000 {
        f.nodes.push(
            Node::new(format!("{i}"), format!("Author {i} 2020"), NodeKind::Work)
                .weighing((i % 17) as f64)
                .in_group(i % 5),
        );
        if i > 0 {
            f.edges.push(Edge::new(i, (i * 7919) % i));
        }
    }
    let small = f
        .filtered(&render::Filter {
            min_weight: Some(10),
            top: Some(150),
        })
        .capped(300);
    assert!(small.nodes.len() <= 150, "{}", small.nodes.len());
    assert!(small.caption.contains("hidden"), "{}", small.caption);
    let placed = render::layout::layout(&small, &Default::default());
    assert!(!render::layout::any_overlap(&placed));
}

/// Renders each SVG in headless Chromium and checks the screenshot is not
/// blank. Runs only where Chromium is installed (never required by CI).
#[test]
fn chromium_renders_every_figure() {
    let Some(chromium) = [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .iter()
    .map(Path::new)
    .find(|p| p.exists()) else {
        eprintln!("SKIP: no Chromium installed (scripts/render-check.sh does the same by hand)");
        return;
    };
    let Some(out) = map_corpus() else { return };
    for name in FIGURES {
        let svg = out.path().join(format!("{name}.svg"));
        let png = out.path().join(format!("{name}.png"));
        let status = std::process::Command::new(chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--window-size=1600,1200",
            ])
            .arg(format!("--screenshot={}", png.display()))
            .arg(format!("file://{}", svg.display()))
            .output()
            .unwrap();
        assert!(
            png.is_file(),
            "{name}: no screenshot: {}",
            String::from_utf8_lossy(&status.stderr)
        );
        // A blank white 1600×1200 PNG compresses to a few kB; a drawing
        // does not.
        let size = std::fs::metadata(&png).unwrap().len();
        assert!(
            size > 20_000,
            "{name}: screenshot looks blank ({size} bytes)"
        );
    }
}
