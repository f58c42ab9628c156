//! The interactive map: one self-contained HTML file (no CDN, no network,
//! opens from disk) with every view of the corpus, drawn on a canvas by a
//! small hand-written script (`map.js`, `map.css`, compiled in).
//!
//! The data travels as one JSON block in `<script type="application/json">`
//! that the script parses; `<`, `>`, `&` and U+2028/U+2029 are written as
//! `\u` escapes, so a title holding `</script>` cannot end the block. The
//! script puts every text on the page with `textContent`, never as markup,
//! and a Content-Security-Policy forbids any network request.

use super::layout::{self, Options as LayoutOptions};
use super::{Figure, NodeKind, PALETTE, UNGROUPED};
use serde::Serialize;
use std::collections::BTreeMap;

const SCRIPT: &str = include_str!("map.js");
const STYLE: &str = include_str!("map.css");

/// One view of the map: a figure with a name for the view switch.
#[derive(Debug, Clone)]
pub struct View {
    /// Short name, used in the URL (`#view=cocitation`).
    pub name: String,
    /// The button's text.
    pub label: String,
    /// The figure.
    pub figure: Figure,
}

/// A cluster as the map's side panel lists it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ClusterPanel {
    /// 1-based id, as in the report.
    pub id: usize,
    /// Its label.
    pub label: String,
    /// Its distinctive phrases.
    pub terms: Vec<String>,
    /// The works whose titles carry the label's phrases.
    pub evidence: Vec<String>,
    /// Its most cited works: (node id, label).
    pub top: Vec<(String, String)>,
}

/// Everything the map shows.
#[derive(Debug, Clone, Default)]
pub struct Map {
    /// The page title.
    pub title: String,
    /// A one-line summary under it.
    pub summary: String,
    /// The views, the first shown first.
    pub views: Vec<View>,
    /// The clusters (group `i` of every figure is `clusters[i]`).
    pub clusters: Vec<ClusterPanel>,
}

/// One node as the script reads it, a JSON array: [id, label, kind (0
/// document, 1 work, 2 source), group (-1 none), weight, x, y, highlighted
/// (0/1)]. An array rather than an object keeps a 5,000-node view small.
type NodeRow<'a> = (&'a str, &'a str, u8, i64, f64, f64, f64, u8);

#[derive(Serialize)]
struct JsonView<'a> {
    name: &'a str,
    label: &'a str,
    title: &'a str,
    caption: &'a str,
    directed: bool,
    /// The nodes, as [`NodeRow`]s.
    nodes: Vec<NodeRow<'a>>,
    /// [source, target, weight, flags (1 highlighted, 2 dashed)]
    edges: Vec<(usize, usize, f64, u8)>,
}

#[derive(Serialize)]
struct JsonMap<'a> {
    title: &'a str,
    palette: &'a [&'a str],
    ungrouped: &'a str,
    views: Vec<JsonView<'a>>,
    clusters: &'a [ClusterPanel],
    /// The full text shown on hover, once per node id across views.
    tips: BTreeMap<&'a str, &'a str>,
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Harmless in HTML text, but kept out of the page entirely so
            // that no copy of it can end up inside a script.
            '\u{2028}' => out.push_str("&#x2028;"),
            '\u{2029}' => out.push_str("&#x2029;"),
            c => out.push(c),
        }
    }
    out
}

/// Makes JSON safe inside a `<script>` element: `<`, `>` and `&` (which
/// JSON only holds inside strings) become `\u003c`, `\u003e`, `\u0026`,
/// and the line separators U+2028 and U+2029 become escapes too, so no
/// text can close the element or start a comment.
///
/// ```
/// let safe = citemap::render::html::script_safe_json(r#"{"t":"</script>"}"#);
/// assert_eq!(safe, r#"{"t":"\u003c/script\u003e"}"#);
/// ```
pub fn script_safe_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

fn round(x: f64) -> f64 {
    if x.is_finite() {
        (x * 10.0).round() / 10.0
    } else {
        0.0
    }
}

/// The node centres of every view of `map`, view by view, as [`to_html`]
/// writes them (`seed` fixes them). Views are laid out in parallel, each
/// on its own, so the result does not depend on the threads.
pub fn positions(map: &Map, seed: u64) -> Vec<Vec<(f64, f64)>> {
    use rayon::prelude::*;
    let layout_options = LayoutOptions {
        seed,
        ..LayoutOptions::default()
    };
    map.views
        .par_iter()
        .map(|v| layout::positions(&v.figure, &layout_options))
        .collect()
}

/// Writes the map as one HTML page. Each view is laid out with the
/// built-in force layout (`seed` fixes it); labels are chosen in the
/// browser as the reader zooms.
pub fn to_html(map: &Map, seed: u64) -> String {
    let positions = positions(map, seed);
    let mut tips = BTreeMap::new();
    let views = map
        .views
        .iter()
        .zip(&positions)
        .map(|(v, pos)| {
            let f = &v.figure;
            for n in &f.nodes {
                tips.entry(n.id.as_str()).or_insert(n.tooltip.as_str());
            }
            JsonView {
                name: &v.name,
                label: &v.label,
                title: &f.title,
                caption: &f.caption,
                directed: f.directed,
                nodes: f
                    .nodes
                    .iter()
                    .zip(pos)
                    .map(|(n, &(x, y))| {
                        (
                            n.id.as_str(),
                            n.label.as_str(),
                            match n.kind {
                                NodeKind::Document => 0,
                                NodeKind::Work => 1,
                                NodeKind::Source => 2,
                            },
                            n.group.map_or(-1, |g| g as i64),
                            round(n.weight),
                            round(x),
                            round(y),
                            u8::from(n.highlight),
                        )
                    })
                    .collect(),
                edges: f
                    .edges
                    .iter()
                    .filter(|e| e.source < f.nodes.len() && e.target < f.nodes.len())
                    .map(|e| {
                        (
                            e.source,
                            e.target,
                            round(e.weight),
                            u8::from(e.highlight) | (u8::from(e.dashed) << 1),
                        )
                    })
                    .collect(),
            }
        })
        .collect();
    let data = JsonMap {
        title: &map.title,
        palette: PALETTE,
        ungrouped: UNGROUPED,
        views,
        clusters: &map.clusters,
        tips,
    };
    // Serialising plain structs of strings and numbers cannot fail.
    let json = serde_json::to_string(&data).unwrap_or_else(|_| "{}".to_owned());
    let mut page = String::with_capacity(json.len() + SCRIPT.len() + STYLE.len() + 2048);
    page.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // No request may leave the page: not a font, not an image, not a script.
    page.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n",
    );
    page.push_str(&format!("<title>{}</title>\n", escape(&map.title)));
    page.push_str("<style>\n");
    page.push_str(STYLE);
    page.push_str("</style>\n</head>\n<body>\n<header>\n");
    page.push_str(&format!(
        "<h1>{}</h1>\n<span id=\"summary\">{}</span>\n",
        escape(&map.title),
        escape(&map.summary)
    ));
    page.push_str("<nav id=\"views\" aria-label=\"views\"></nav>\n");
    page.push_str(
        "<input id=\"search\" type=\"search\" placeholder=\"Search authors and titles\" \
         aria-label=\"Search authors and titles\">\n</header>\n",
    );
    page.push_str(
        "<main>\n<div id=\"stage\"><canvas id=\"map\" aria-label=\"citation map\"></canvas>\
         <div id=\"caption\"></div></div>\n<aside>\n<section id=\"results\"></section>\n\
         <section id=\"info\"><p>Hover over a node for its full entry; click it to see who \
         cites it and what it is cited with. Drag to pan, scroll to zoom.</p></section>\n\
         <section id=\"clusters\"></section>\n</aside>\n</main>\n",
    );
    page.push_str("<div id=\"tip\" role=\"tooltip\" hidden></div>\n");
    page.push_str(
        "<noscript>The map needs JavaScript; the same figures are in the SVG files.</noscript>\n",
    );
    page.push_str("<script type=\"application/json\" id=\"citemap-data\">");
    page.push_str(&script_safe_json(&json));
    page.push_str("</script>\n<script>\n");
    page.push_str(SCRIPT);
    page.push_str("</script>\n</body>\n</html>\n");
    page
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{Edge, Node};

    fn hostile_map() -> Map {
        let evil = "</script><script>alert(1)</script> \"quoted\" 'single' ]]> & \u{2028}";
        let mut f = Figure::new(evil);
        f.nodes
            .push(Node::new("doc:0", evil, NodeKind::Document).with_tooltip(evil));
        f.nodes
            .push(Node::new("work:0", "Benjamin 2019", NodeKind::Work));
        f.edges.push(Edge::new(0, 1));
        Map {
            title: evil.to_owned(),
            summary: evil.to_owned(),
            views: vec![View {
                name: "citation".into(),
                label: evil.into(),
                figure: f,
            }],
            clusters: vec![ClusterPanel {
                id: 1,
                label: evil.into(),
                ..ClusterPanel::default()
            }],
        }
    }

    #[test]
    fn hostile_text_never_becomes_markup() {
        let page = to_html(&hostile_map(), 1);
        // Exactly the two script elements the page opens itself.
        assert_eq!(page.matches("<script").count(), 2, "{page}");
        assert_eq!(page.matches("</script>").count(), 2);
        assert!(!page.contains("alert(1)</script>"));
        assert!(!page.contains('\u{2028}'));
        // The data block still holds the text, escaped.
        let start = page.find("id=\"citemap-data\">").unwrap() + 18;
        let end = start + page[start..].find("</script>").unwrap();
        let data: serde_json::Value = serde_json::from_str(&page[start..end]).unwrap();
        assert!(data["title"]
            .as_str()
            .unwrap()
            .starts_with("</script><script>alert(1)"));
    }

    #[test]
    fn views_carry_positions_for_every_node() {
        let page = to_html(&hostile_map(), 1);
        let start = page.find("id=\"citemap-data\">").unwrap() + 18;
        let end = start + page[start..].find("</script>").unwrap();
        let data: serde_json::Value = serde_json::from_str(&page[start..end]).unwrap();
        let nodes = data["views"][0]["nodes"].as_array().unwrap();
        assert_eq!(nodes.len(), 2);
        assert!(nodes.iter().all(|n| n[5].is_f64() && n[6].is_f64()));
        assert_eq!(data["views"][0]["edges"][0][0], 0);
    }
}
