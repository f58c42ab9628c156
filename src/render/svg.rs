//! Self-contained SVG: laid out in Rust ([`super::layout`]), no fonts or
//! scripts to fetch, every text escaped. Groups are drawn as soft hulls
//! behind their nodes and named in a legend; the full reference of each
//! node is its `<title>`, which browsers show on hover.

use super::layout::{self, Placed, LABEL_SIZE};
use super::{group_colour, Figure, NodeKind, HIGHLIGHT};
use std::fmt::Write;

/// SVG settings.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Options {
    /// Layout settings.
    pub layout: layout::Options,
}

/// Escapes text for XML content and attribute values, and drops characters
/// XML 1.0 forbids (most control characters).
///
/// ```
/// assert_eq!(citemap::render::svg::escape("<a & \"b\">"), "&lt;a &amp; &quot;b&quot;&gt;");
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

const MARGIN: f64 = 24.0;
const TITLE_HEIGHT: f64 = 52.0;
const FONT: &str = "Helvetica Neue, Helvetica, Arial, Liberation Sans, sans-serif";

/// Draws the figure as a complete SVG document.
pub fn to_svg(figure: &Figure, options: &Options) -> String {
    let placed = layout::layout(figure, &options.layout);
    render(figure, &placed)
}

/// Draws a figure with positions already computed.
pub fn render(figure: &Figure, placed: &[Placed]) -> String {
    let (mut left, mut top, mut right, mut bottom) = (0.0f64, 0.0f64, 320.0f64, 0.0f64);
    if let Some(first) = placed.first() {
        (left, top, right, bottom) = first.bounds();
        for p in placed {
            let b = p.bounds();
            left = left.min(b.0);
            top = top.min(b.1);
            right = right.max(b.2);
            bottom = bottom.max(b.3);
        }
    }
    let hull_pad = 14.0;
    left -= hull_pad;
    top -= hull_pad;
    right += hull_pad;
    bottom += hull_pad;
    let legend = legend_lines(figure);
    let legend_height = 22.0 + 18.0 * legend.len() as f64;
    let title_width = (layout::text_width(&figure.title, 18.0) * layout::BOLD)
        .max(layout::text_width(&figure.caption, 12.0));
    let legend_width = legend
        .iter()
        .map(|(_, text)| 30.0 + layout::text_width(text, 12.0))
        .fold(0.0, f64::max);
    let content_width = (right - left).max(title_width).max(legend_width);
    let width = (content_width + 2.0 * MARGIN).ceil();
    let height = (TITLE_HEIGHT + (bottom - top) + legend_height + 2.0 * MARGIN).ceil();
    // Map layout coordinates into the drawing area below the title.
    let dx = MARGIN - left + (content_width - (right - left)) / 2.0;
    let dy = MARGIN + TITLE_HEIGHT - top;
    let at = |p: &Placed| (p.x + dx, p.y + dy);

    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="{FONT}" role="img">"#
    );
    let _ = write!(s, "<title>{}</title>", escape(&figure.title));
    s.push_str("<style>.edge{stroke:#5A5A5A;stroke-opacity:.28;fill:none}.edge.shared{stroke:#C0392B;stroke-opacity:.7}.label{font-size:11px;fill:#1A1A1A;paint-order:stroke;stroke:#FFFFFF;stroke-width:3px;stroke-linejoin:round}.doc .label{font-weight:bold}.hull{stroke-linejoin:round}</style>");
    let _ = write!(s, r##"<rect width="100%" height="100%" fill="#FFFFFF"/>"##);
    let _ = write!(
        s,
        r##"<text x="{MARGIN}" y="{:.1}" font-size="18" font-weight="bold" fill="#1A1A1A">{}</text>"##,
        MARGIN + 18.0,
        escape(&figure.title)
    );
    if !figure.caption.is_empty() {
        let _ = write!(
            s,
            r##"<text x="{MARGIN}" y="{:.1}" font-size="12" fill="#555555">{}</text>"##,
            MARGIN + 38.0,
            escape(&figure.caption)
        );
    }

    // Group hulls behind everything.
    s.push_str(r#"<g class="hulls">"#);
    // Hulls of a crowded figure overlap into a wash; colour alone tells the
    // groups apart there.
    let hulls = !figure.no_hulls && figure.nodes.len() <= 150;
    for g in 0..if hulls { figure.groups.len() } else { 0 } {
        let points: Vec<(f64, f64)> = figure
            .nodes
            .iter()
            .zip(placed)
            .filter(|(n, _)| n.group == Some(g))
            .flat_map(|(_, p)| {
                let (x, y) = at(p);
                let r = p.radius + 6.0;
                (0..8).map(move |k| {
                    let a = std::f64::consts::TAU * k as f64 / 8.0;
                    (x + r * a.cos(), y + r * a.sin())
                })
            })
            .collect();
        let hull = convex_hull(points);
        if hull.len() < 3 {
            continue;
        }
        let colour = group_colour(Some(g));
        let mut d = String::new();
        for (i, (x, y)) in hull.iter().enumerate() {
            let _ = write!(d, "{}{x:.1},{y:.1}", if i == 0 { "M" } else { "L" });
        }
        d.push('Z');
        let _ = write!(
            s,
            r#"<path class="hull" d="{d}" fill="{colour}" fill-opacity="0.08" stroke="{colour}" stroke-opacity="0.35" stroke-width="10"><title>{}</title></path>"#,
            escape(&figure.groups[g].label)
        );
    }
    s.push_str("</g>");

    // Edges, plain first so highlighted ones draw on top.
    s.push_str(r#"<g class="edges">"#);
    for highlighted in [false, true] {
        for e in figure.edges.iter().filter(|e| e.highlight == highlighted) {
            let (Some(a), Some(b)) = (placed.get(e.source), placed.get(e.target)) else {
                continue;
            };
            let ((x1, y1), (x2, y2)) = (at(a), at(b));
            let width = 0.8 + e.weight.max(0.0).sqrt().min(4.0) * 0.7;
            let class = if e.highlight { "edge shared" } else { "edge" };
            let dash = if e.dashed {
                r#" stroke-dasharray="5 4""#
            } else {
                ""
            };
            let _ = write!(
                s,
                r#"<line class="{class}" x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke-width="{width:.2}"{dash}/>"#
            );
        }
    }
    s.push_str("</g>");

    // Nodes and labels; heavier nodes last so they sit on top.
    let mut order: Vec<usize> = (0..figure.nodes.len().min(placed.len())).collect();
    order.sort_by(|&a, &b| {
        figure.nodes[a]
            .weight
            .total_cmp(&figure.nodes[b].weight)
            .then(a.cmp(&b))
    });
    s.push_str(r#"<g class="nodes">"#);
    for i in order {
        let node = &figure.nodes[i];
        let p = &placed[i];
        let (x, y) = at(p);
        let r = p.radius;
        let fill = group_colour(node.group);
        let (stroke, stroke_width) = if node.highlight {
            (HIGHLIGHT, 2.5)
        } else {
            ("#FFFFFF", 1.2)
        };
        let class = if node.kind == NodeKind::Document {
            "node doc"
        } else {
            "node"
        };
        let _ = write!(
            s,
            r#"<g class="{class}"><title>{}</title>"#,
            escape(&node.tooltip)
        );
        match node.kind {
            NodeKind::Document => {
                let _ = write!(
                    s,
                    r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="2.5" fill="{fill}" stroke="{stroke}" stroke-width="{stroke_width}"/>"#,
                    x - r,
                    y - r,
                    2.0 * r,
                    2.0 * r
                );
            }
            NodeKind::Work => {
                let _ = write!(
                    s,
                    r#"<circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}" fill="{fill}" fill-opacity="0.9" stroke="{stroke}" stroke-width="{stroke_width}"/>"#
                );
            }
            NodeKind::Source => {
                let _ = write!(
                    s,
                    r#"<path d="M{x:.1},{:.1}L{:.1},{y:.1}L{x:.1},{:.1}L{:.1},{y:.1}Z" fill="{fill}" stroke="{stroke}" stroke-width="{stroke_width}"/>"#,
                    y - r,
                    x + r,
                    y + r,
                    x - r
                );
            }
        }
        if p.labelled {
            let _ = write!(
                s,
                r#"<text class="label" x="{:.1}" y="{:.1}">{}</text>"#,
                x + r + 4.0,
                y + LABEL_SIZE * 0.35,
                escape(&node.label)
            );
        }
        s.push_str("</g>");
    }
    s.push_str("</g>");

    // Legend under the drawing.
    let mut ly = MARGIN + TITLE_HEIGHT + (bottom - top) + 20.0;
    s.push_str(r#"<g class="legend" font-size="12">"#);
    for (swatch, text) in &legend {
        s.push_str(&swatch.draw(ly));
        let _ = write!(
            s,
            r##"<text x="{:.1}" y="{:.1}" fill="#1A1A1A">{}</text>"##,
            MARGIN + 22.0,
            ly + 4.0,
            escape(text)
        );
        ly += 18.0;
    }
    s.push_str("</g></svg>\n");
    s
}

/// What a legend row shows before its text.
enum Swatch {
    Group(usize),
    Document,
    Dashed,
    Shared,
}

impl Swatch {
    fn draw(&self, y: f64) -> String {
        let x = MARGIN + 6.0;
        match self {
            Swatch::Group(g) => format!(
                r#"<circle cx="{x:.1}" cy="{y:.1}" r="6" fill="{}"/>"#,
                group_colour(Some(*g))
            ),
            Swatch::Document => format!(
                r##"<rect x="{:.1}" y="{:.1}" width="12" height="12" rx="2" fill="#555555"/>"##,
                x - 6.0,
                y - 6.0
            ),
            Swatch::Dashed => format!(
                r##"<line x1="{:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#5A5A5A" stroke-width="1.5" stroke-dasharray="4 3"/>"##,
                x - 7.0,
                x + 7.0
            ),
            Swatch::Shared => format!(
                r##"<circle cx="{x:.1}" cy="{y:.1}" r="5" fill="#FFFFFF" stroke="{HIGHLIGHT}" stroke-width="2.5"/>"##
            ),
        }
    }
}

/// Legend rows: a swatch and its text.
fn legend_lines(figure: &Figure) -> Vec<(Swatch, String)> {
    let mut rows = Vec::new();
    for (g, group) in figure.groups.iter().enumerate() {
        if !figure.nodes.iter().any(|n| n.group == Some(g)) {
            continue;
        }
        rows.push((
            Swatch::Group(g),
            format!("Cluster {}: {}", g + 1, group.label),
        ));
    }
    if figure.nodes.iter().any(|n| n.kind == NodeKind::Document) {
        rows.push((
            Swatch::Document,
            if figure.key.is_empty() {
                "square: a document of the corpus; circle: a cited work, sized by times cited"
                    .to_owned()
            } else {
                figure.key.clone()
            },
        ));
    }
    if figure.edges.iter().any(|e| e.dashed) {
        rows.push((
            Swatch::Dashed,
            "dashed: a document without a works-cited list, placed by the similarity of its text"
                .to_owned(),
        ));
    }
    if figure.nodes.iter().any(|n| n.highlight) {
        rows.push((
            Swatch::Shared,
            "red outline and edges: a source shared by more than one document".to_owned(),
        ));
    }
    rows
}

/// Andrew's monotone chain; points in, hull out (counter-clockwise).
fn convex_hull(mut points: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    points.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    points.dedup();
    if points.len() < 3 {
        return points;
    }
    let cross = |o: (f64, f64), a: (f64, f64), b: (f64, f64)| {
        (a.0 - o.0) * (b.1 - o.1) - (a.1 - o.1) * (b.0 - o.0)
    };
    let mut hull: Vec<(f64, f64)> = Vec::with_capacity(points.len() * 2);
    for pass in 0..2 {
        let start = hull.len();
        let iter: Box<dyn Iterator<Item = &(f64, f64)>> = if pass == 0 {
            Box::new(points.iter())
        } else {
            Box::new(points.iter().rev())
        };
        for &p in iter {
            while hull.len() >= start + 2
                && cross(hull[hull.len() - 2], hull[hull.len() - 1], p) <= 0.0
            {
                hull.pop();
            }
            hull.push(p);
        }
        hull.pop();
    }
    hull
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hull_of_square() {
        let h = convex_hull(vec![
            (0.0, 0.0),
            (1.0, 0.0),
            (1.0, 1.0),
            (0.0, 1.0),
            (0.5, 0.5),
        ]);
        assert_eq!(h.len(), 4);
    }

    #[test]
    fn escape_drops_forbidden_characters() {
        assert_eq!(escape("a\u{1}b"), "ab");
    }
}
