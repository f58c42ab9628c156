//! What a PDF's page layout says about a works-cited section, beyond the
//! text: the vertical space that separates entries (the PDF's blank line),
//! the hanging indent that marks where each entry starts, and the heading in
//! a larger font that ends the list.
//!
//! The line models are trained on plain text, where an entry's first line is
//! told by its words and by blank lines; a PDF has no blank lines and no
//! leading spaces, only positions. These functions turn the positions into
//! the same signals, and each answers only when the layout is clear, so a
//! list set without hanging indents or spacing is left to the models.

use super::features::{label_of, DocLine};
use crate::input::LineLayout;
use std::collections::BTreeMap;

/// Horizontal tolerance, in points, for two lines to start at one edge.
const SAME_EDGE: f32 = 1.5;
/// The smallest and largest hanging indent, in points.
const INDENT: (f32, f32) = (3.0, 40.0);

/// Marks, for each line, whether wider vertical space than the document's
/// usual line pitch stands before it on its page and column: what a blank
/// line is in plain text. Lines without a layout get `false`.
pub fn gaps_before(layout: &[Option<LineLayout>]) -> Vec<bool> {
    let pitch = usual_pitch(layout);
    let mut out = vec![false; layout.len()];
    let Some(pitch) = pitch else {
        return out;
    };
    for k in 1..layout.len() {
        let (Some(a), Some(b)) = (layout[k - 1], layout[k]) else {
            continue;
        };
        if a.page != b.page || column(&a) != column(&b) {
            continue;
        }
        let dy = b.y - a.y;
        let font = a.font_size.max(b.font_size);
        out[k] = dy > pitch * 1.3 && dy > font * 1.45;
    }
    out
}

/// The usual distance between the baselines of consecutive lines in one
/// column of one page: the lower quartile of the distances (a list of
/// one-line entries is mostly gaps), ignoring sub- and superscripts set on
/// lines of their own.
fn usual_pitch(layout: &[Option<LineLayout>]) -> Option<f32> {
    let mut dys: Vec<f32> = layout
        .windows(2)
        .filter_map(|w| match (w[0], w[1]) {
            (Some(a), Some(b)) if a.page == b.page && column(&a) == column(&b) => {
                Some(b.y - a.y).filter(|&d| d > a.font_size.max(b.font_size) * 0.9)
            }
            _ => None,
        })
        .collect();
    if dys.len() < 3 {
        return None;
    }
    dys.sort_by(f32::total_cmp);
    Some(dys[dys.len() / 4])
}

/// 0 for the left half of the page, 1 for the right: a line that starts past
/// the middle is in a second column (or is centred, and then no entry).
fn column(l: &LineLayout) -> u8 {
    u8::from(l.page_width > 0.0 && l.x > l.page_width * 0.45)
}

/// Where entries start, read from a hanging indent: `Some(true)` for a line
/// at the list's left edge (or opening with a label), `Some(false)` for an
/// indented one, `None` for every line when the section has no clear hanging
/// indent (or no layout). `lines` are the section's body lines.
///
/// A list set the other way round (first lines indented, as paragraphs)
/// is recognised too: the line after an entry's short last line starts the
/// next entry, so the level such lines sit at is the starting level.
pub fn hanging_starts(lines: &[DocLine<'_>]) -> Option<Vec<bool>> {
    let layout: Vec<LineLayout> = lines.iter().map(|l| l.layout).collect::<Option<_>>()?;
    if layout.len() < 4 {
        return None;
    }
    // The left edge of each column on each page; a page whose lines are all
    // indented continuations (the end of an entry run over) is set right by
    // the edge the other pages share.
    let mut edges: BTreeMap<(u32, u8), f32> = BTreeMap::new();
    for l in &layout {
        let e = edges.entry((l.page, column(l))).or_insert(l.x);
        *e = e.min(l.x);
    }
    // Each column's usual edge: that of the page where it holds most lines.
    let mut common: BTreeMap<u8, (usize, f32)> = BTreeMap::new();
    for (&(page, col), &x) in &edges {
        let n = layout
            .iter()
            .filter(|l| l.page == page && column(l) == col)
            .count();
        let c = common.entry(col).or_insert((n, x));
        if n > c.0 {
            *c = (n, x);
        }
    }
    for ((page, col), edge) in edges.iter_mut() {
        let Some(&(_, common)) = common.get(col) else {
            continue;
        };
        let one_level = layout
            .iter()
            .filter(|l| l.page == *page && column(l) == *col)
            .all(|l| (l.x - *edge).abs() < SAME_EDGE);
        if one_level && (INDENT.0..=INDENT.1).contains(&(*edge - common)) {
            *edge = common;
        }
    }
    let offsets: Vec<f32> = layout
        .iter()
        .map(|l| l.x - edges[&(l.page, column(l))])
        .collect();
    let indented: Vec<f32> = offsets
        .iter()
        .copied()
        .filter(|&o| (INDENT.0..=INDENT.1).contains(&o))
        .collect();
    let flush = offsets.iter().filter(|&&o| o < SAME_EDGE).count();
    let other = offsets.len() - flush - indented.len();
    if flush < 3 || indented.len() < 2 || other * 10 > offsets.len() {
        return None;
    }
    // The indent must be one indent, not text set ragged.
    let mut sorted = indented.clone();
    sorted.sort_by(f32::total_cmp);
    let step = sorted[sorted.len() / 2];
    let steady = indented
        .iter()
        .filter(|&&o| (o - step).abs() < SAME_EDGE)
        .count();
    if steady * 10 < indented.len() * 8 {
        return None;
    }
    // Which level starts entries: the level of the line after a short line
    // (an entry's last line) on the same page.
    let widest = layout.iter().map(|l| l.width).fold(0.0f32, f32::max);
    let (mut after_short_flush, mut after_short_indented) = (0usize, 0usize);
    for k in 1..layout.len() {
        if layout[k - 1].page == layout[k].page && layout[k - 1].width < widest * 0.8 {
            if offsets[k] < SAME_EDGE {
                after_short_flush += 1;
            } else if (offsets[k] - step).abs() < SAME_EDGE {
                after_short_indented += 1;
            }
        }
    }
    if after_short_flush == after_short_indented {
        return None;
    }
    let hanging = after_short_flush > after_short_indented;
    Some(
        lines
            .iter()
            .zip(&offsets)
            .map(|(l, &o)| {
                let at_edge = o < SAME_EDGE;
                label_of(l.text).is_some() || at_edge == hanging
            })
            .collect(),
    )
}

/// How many of the section's body lines belong to the list: the list ends
/// before a line set in a clearly larger font than the list's own (the next
/// section's heading) when what follows it does not read as references.
/// `reads_as_reference` judges a line of text.
pub fn lines_before_heading(
    lines: &[DocLine<'_>],
    reads_as_reference: impl Fn(&str) -> bool,
) -> usize {
    let mut fonts: Vec<f32> = lines
        .iter()
        .filter_map(|l| l.layout.map(|x| x.font_size))
        .collect();
    if fonts.len() < 3 {
        return lines.len();
    }
    fonts.sort_by(f32::total_cmp);
    let body = fonts[fonts.len() / 2];
    for (k, l) in lines.iter().enumerate().skip(1) {
        let Some(x) = l.layout else { continue };
        if x.font_size < body * 1.15 || l.text.trim().chars().count() > 120 {
            continue;
        }
        let next: Vec<&str> = lines[k + 1..].iter().take(4).map(|l| l.text).collect();
        let referenced = next.iter().filter(|t| reads_as_reference(t)).count();
        if referenced * 2 < next.len().max(1) {
            return k;
        }
    }
    lines.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(page: u32, x: f32, y: f32, width: f32, font: f32) -> Option<LineLayout> {
        Some(LineLayout {
            page,
            x,
            y,
            width,
            font_size: font,
            page_width: 600.0,
            page_height: 800.0,
        })
    }

    fn doc<'a>(text: &[&'a str], layout: &[Option<LineLayout>]) -> Vec<DocLine<'a>> {
        text.iter()
            .zip(layout)
            .map(|(t, l)| DocLine {
                text: t,
                gap_before: false,
                layout: *l,
            })
            .collect()
    }

    /// A hanging-indent list over a page break: first lines at x = 81,
    /// continuations at 92, the last entry's continuation alone at the top
    /// of the next page (where it is the leftmost line).
    fn hanging() -> (Vec<&'static str>, Vec<Option<LineLayout>>) {
        let text = vec![
            "Bates DM (2003). Converting a Large Package to Classes and",
            "Methods. In Proceedings of the Workshop.",
            "Chambers JM (1998). Programming with Data. Springer-Verlag,",
            "New York.",
            "Godfrey K (1983). Compartmental Models. Academic Press, London.",
            "Golub G, Pereyra V (2003). Separable Nonlinear Least Squares:",
            "the Variable Projection Method. Inverse Problems, 19, 1-26.",
            "Istratov AA (1999). Exponential Analysis in Physical Phenomena.",
            "Review of Scientific Instruments, 70(2), 1233-1257.",
        ];
        let layout = vec![
            at(1, 81.0, 100.0, 440.0, 11.0),
            at(1, 91.9, 113.5, 200.0, 11.0),
            at(1, 81.0, 134.0, 440.0, 11.0),
            at(1, 91.9, 147.5, 50.0, 11.0),
            at(1, 81.0, 168.0, 439.0, 11.0),
            at(1, 81.0, 188.5, 441.0, 11.0),
            at(1, 91.9, 202.0, 296.0, 11.0),
            at(1, 81.0, 222.5, 441.0, 11.0),
            at(2, 91.9, 100.0, 196.0, 11.0),
        ];
        (text, layout)
    }

    #[test]
    fn hanging_indent_marks_first_lines() {
        let (text, layout) = hanging();
        let starts = hanging_starts(&doc(&text, &layout)).unwrap();
        assert_eq!(
            starts,
            [true, false, true, false, true, true, false, true, false]
        );
    }

    #[test]
    fn paragraph_indent_marks_indented_lines() {
        let (text, mut layout) = hanging();
        // The same list set as paragraphs: first lines indented.
        for l in layout.iter_mut().flatten() {
            l.x = if l.x > 85.0 { 81.0 } else { 91.9 };
        }
        let starts = hanging_starts(&doc(&text, &layout)).unwrap();
        assert_eq!(
            starts,
            [true, false, true, false, true, true, false, true, false]
        );
    }

    #[test]
    fn flush_list_is_left_to_the_models() {
        let (text, mut layout) = hanging();
        for l in layout.iter_mut().flatten() {
            l.x = 81.0;
        }
        assert_eq!(hanging_starts(&doc(&text, &layout)), None);
        let plain: Vec<Option<LineLayout>> = vec![None; text.len()];
        assert_eq!(hanging_starts(&doc(&text, &plain)), None);
    }

    #[test]
    fn wider_spacing_is_a_gap() {
        let (_, layout) = hanging();
        let gaps = gaps_before(&layout);
        // Entries are 20.5 points apart, lines of one entry 13.5; the page
        // break is no gap.
        assert_eq!(
            gaps,
            [false, false, true, false, true, true, false, true, false]
        );
    }

    #[test]
    fn larger_heading_ends_the_list() {
        let (mut text, mut layout) = hanging();
        text.extend([
            "A. Partitioned versus unpartitioned algorithms",
            "This appendix considers in detail the memory requirements of",
            "the partitioned algorithm introduced in Section 2, and compares",
        ]);
        layout.extend([
            at(3, 78.0, 100.0, 446.0, 14.5),
            at(3, 81.0, 124.0, 441.0, 11.0),
            at(3, 81.0, 137.5, 441.0, 11.0),
        ]);
        let lines = doc(&text, &layout);
        let refy = |t: &str| t.contains('(') && t.contains(')');
        assert_eq!(lines_before_heading(&lines, refy), 9);
        // A larger subheading followed by more references stays inside.
        let mut text2 = text.clone();
        text2[10] = "Meyer D (2006). vcd: Visualizing Categorical Data (version 1).";
        text2[11] = "Moshier SL (1992). Cephes Mathematical Library (online).";
        assert_eq!(lines_before_heading(&doc(&text2, &layout), refy), 12);
    }
}
