//! From positioned glyphs to text lines in reading order.
//!
//! A PDF page is a bag of glyphs with positions; nothing in the file says
//! which glyphs make a line or in what order columns are read. This module
//! rebuilds that, independent of the PDF library underneath:
//!
//! 1. glyphs in drawing order become *segments* (runs on one baseline with
//!    no gap wider than a few spaces, so the two halves of a two-column
//!    page never join);
//! 2. a *gutter* is looked for in the middle of the page: an empty vertical
//!    band with many segments on both sides of it;
//! 3. segments that cross the gutter (titles, wide figures, footers) cut the
//!    page into bands; inside a band the left column is read before the
//!    right one, top to bottom;
//! 4. segments on one baseline in one column make a line.

use crate::input::LineLayout;

/// One glyph (or a few characters a font maps one glyph to), in page
/// coordinates: points, origin top left, `y` the baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Left edge.
    pub x: f32,
    /// Baseline, from the top of the page.
    pub y: f32,
    /// Advance width.
    pub width: f32,
    /// Font size as drawn (text matrix applied).
    pub size: f32,
    /// The characters.
    pub text: String,
}

/// A page's glyphs in drawing order, with its size.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// 1-based page number.
    pub number: u32,
    /// Page width in points.
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// Glyphs in the order the content stream draws them.
    pub glyphs: Vec<Glyph>,
}

/// One text line with where it stood.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The line's text, words separated by single spaces.
    pub text: String,
    /// Its position.
    pub layout: LineLayout,
}

/// A gap wider than this many font sizes between two glyphs on one baseline
/// ends a segment: word spaces in justified text stay well under one em,
/// column gutters are wider.
const SEGMENT_GAP_EM: f32 = 1.0;
/// A gap wider than this many font sizes is a word space (kerning stays
/// under it; pdftotext and pdf-extract use about 0.1 too).
const WORD_GAP_EM: f32 = 0.12;
/// Baselines closer than this many font sizes are one line (superscripts
/// and subscripts sit within it).
const BASELINE_EM: f32 = 0.45;

#[derive(Debug, Clone)]
struct Segment {
    x0: f32,
    x1: f32,
    y: f32,
    glyphs: Vec<Glyph>,
}

impl Segment {
    fn size(&self) -> f32 {
        modal_size(&self.glyphs)
    }
}

/// The font size most glyphs have (ties go to the larger).
fn modal_size(glyphs: &[Glyph]) -> f32 {
    let mut counts: Vec<(f32, usize)> = Vec::new();
    for g in glyphs {
        let s = (g.size * 2.0).round() / 2.0;
        match counts.iter_mut().find(|(k, _)| *k == s) {
            Some((_, n)) => *n += g.text.chars().count().max(1),
            None => counts.push((s, g.text.chars().count().max(1))),
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(a.0.total_cmp(&b.0)))
        .map_or(0.0, |(s, _)| s)
}

fn segments(glyphs: &[Glyph]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    for g in glyphs {
        if !(g.x.is_finite() && g.y.is_finite() && g.width.is_finite() && g.size.is_finite()) {
            continue;
        }
        let size = g.size.abs().max(1.0);
        let joins = out.last().is_some_and(|s| {
            (g.y - s.y).abs() <= BASELINE_EM * size
                && g.x >= s.x1 - 0.5 * size
                && g.x <= s.x1 + SEGMENT_GAP_EM * size
        });
        if joins {
            let s = out.last_mut().expect("checked above");
            s.x1 = s.x1.max(g.x + g.width.max(0.0));
            s.glyphs.push(g.clone());
        } else {
            out.push(Segment {
                x0: g.x,
                x1: g.x + g.width.max(0.0),
                y: g.y,
                glyphs: vec![g.clone()],
            });
        }
    }
    // A segment of spaces only carries nothing to read.
    out.retain(|s| s.glyphs.iter().any(|g| !g.text.trim().is_empty()));
    out
}

/// The x range of an empty vertical band between two columns, if the page
/// has two columns somewhere.
fn gutter(segs: &[Segment], width: f32) -> Option<(f32, f32)> {
    if width <= 0.0 || segs.len() < 10 {
        return None;
    }
    let w = width.min(5000.0).ceil() as usize;
    let mut cover = vec![0u32; w + 1];
    for s in segs {
        let a = s.x0.clamp(0.0, w as f32) as usize;
        let b = s.x1.clamp(0.0, w as f32) as usize;
        for c in &mut cover[a..=b] {
            *c += 1;
        }
    }
    // The emptiest run of points in the middle fifth-to-four-fifths.
    let (lo, hi) = (w * 3 / 10, w * 7 / 10);
    let min = *cover[lo..=hi].iter().min()?;
    // Few segments may cross (a title, a wide figure, a footer).
    if min as usize > segs.len() / 8 {
        return None;
    }
    let mut best: Option<(usize, usize)> = None;
    let mut start = None;
    for x in lo..=hi + 1 {
        let empty = x <= hi && cover.get(x) == Some(&min);
        match (empty, start) {
            (true, None) => start = Some(x),
            (false, Some(a)) => {
                if best.is_none_or(|(b0, b1)| x - a > b1 - b0) {
                    best = Some((a, x));
                }
                start = None;
            }
            _ => {}
        }
    }
    let (a, b) = best?;
    let (a, b) = (a as f32, b as f32);
    if b - a < 6.0 {
        return None;
    }
    // Both sides must hold text lines, side by side.
    let baselines = |left: bool| {
        let mut ys: Vec<i32> = segs
            .iter()
            .filter(|s| {
                if left {
                    s.x1 <= a + 1.0
                } else {
                    s.x0 >= b - 1.0
                }
            })
            .map(|s| s.y.round() as i32)
            .collect();
        ys.sort_unstable();
        ys.dedup();
        ys.len()
    };
    (baselines(true) >= 5 && baselines(false) >= 5).then_some((a, b))
}

/// Rebuilds a page's lines in reading order.
pub fn page_lines(page: &Page) -> Vec<Line> {
    let segs = segments(&page.glyphs);
    let Some((g0, g1)) = gutter(&segs, page.width) else {
        return lines_of(segs, page);
    };
    // Cut the page into bands at segments that cross the gutter.
    let mid = (g0 + g1) / 2.0;
    let mut crossing: Vec<Segment> = Vec::new();
    let mut columns: Vec<Segment> = Vec::new();
    for s in segs {
        if s.x0 < g0 - 1.0 && s.x1 > g1 + 1.0 {
            crossing.push(s);
        } else {
            columns.push(s);
        }
    }
    let spanning = lines_of(crossing, page);
    let mut out = Vec::new();
    let mut rest = columns;
    for span in spanning {
        let top = span.layout.y - span.layout.font_size;
        let (above, below): (Vec<Segment>, Vec<Segment>) =
            rest.into_iter().partition(|s| s.y < top);
        out.extend(two_columns(above, mid, page));
        out.push(span);
        rest = below;
    }
    out.extend(two_columns(rest, mid, page));
    out
}

fn two_columns(segs: Vec<Segment>, mid: f32, page: &Page) -> Vec<Line> {
    let (left, right): (Vec<Segment>, Vec<Segment>) =
        segs.into_iter().partition(|s| (s.x0 + s.x1) / 2.0 < mid);
    let mut out = lines_of(left, page);
    out.extend(lines_of(right, page));
    out
}

/// Groups segments of one column into lines, top to bottom.
fn lines_of(mut segs: Vec<Segment>, page: &Page) -> Vec<Line> {
    segs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut groups: Vec<Vec<Segment>> = Vec::new();
    for s in segs {
        let tol = BASELINE_EM * s.size().max(1.0);
        match groups.last_mut() {
            Some(g) if (s.y - g[0].y).abs() <= tol => g.push(s),
            _ => groups.push(vec![s]),
        }
    }
    groups
        .into_iter()
        .filter_map(|mut g| {
            g.sort_by(|a, b| a.x0.total_cmp(&b.x0));
            // The main baseline is the one of the largest segment, so a
            // superscript does not move the line.
            let main = g.iter().max_by_key(|s| s.glyphs.len()).map_or(0.0, |s| s.y);
            let glyphs: Vec<Glyph> = g.iter().flat_map(|s| s.glyphs.iter().cloned()).collect();
            let text = join_glyphs(&glyphs);
            if text.is_empty() {
                return None;
            }
            let x0 = g.iter().map(|s| s.x0).fold(f32::INFINITY, f32::min);
            let x1 = g.iter().map(|s| s.x1).fold(f32::NEG_INFINITY, f32::max);
            Some(Line {
                text,
                layout: LineLayout {
                    page: page.number,
                    x: x0,
                    y: main,
                    width: (x1 - x0).max(0.0),
                    font_size: modal_size(&glyphs),
                    page_width: page.width,
                    page_height: page.height,
                },
            })
        })
        .collect()
}

/// Joins glyphs left to right, putting one space where the gap between two
/// glyphs is wide enough to be a word space.
fn join_glyphs(glyphs: &[Glyph]) -> String {
    let mut text = String::new();
    let mut end: Option<f32> = None;
    for g in glyphs {
        let size = g.size.abs().max(1.0);
        if let Some(e) = end {
            if g.x - e > WORD_GAP_EM * size && !text.ends_with(' ') {
                text.push(' ');
            }
        }
        for c in g.text.chars() {
            let c = if c.is_whitespace() { ' ' } else { c };
            if c == ' ' && (text.is_empty() || text.ends_with(' ')) {
                continue;
            }
            if !c.is_control() {
                text.push(c);
            }
        }
        end = Some(end.map_or(g.x + g.width, |e: f32| e.max(g.x + g.width)));
        if g.x + g.width < end.unwrap_or(0.0) - size {
            end = Some(g.x + g.width);
        }
    }
    text.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(x: f32, y: f32, s: &str) -> Vec<Glyph> {
        s.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                x: x + i as f32 * 5.0,
                y,
                width: 5.0,
                size: 10.0,
                text: c.to_string(),
            })
            .collect()
    }

    #[test]
    fn two_columns_are_read_one_after_the_other() {
        let mut glyphs = Vec::new();
        for i in 0..8 {
            let y = 100.0 + i as f32 * 12.0;
            // Drawn interleaved, as some producers do.
            glyphs.extend(word(50.0, y, &format!("left{i}")));
            glyphs.extend(word(320.0, y, &format!("right{i}")));
        }
        let page = Page {
            number: 1,
            width: 600.0,
            height: 800.0,
            glyphs,
        };
        let lines: Vec<String> = page_lines(&page).into_iter().map(|l| l.text).collect();
        assert_eq!(lines[0], "left0");
        assert_eq!(lines[7], "left7");
        assert_eq!(lines[8], "right0");
        assert_eq!(lines.len(), 16);
    }

    #[test]
    fn words_get_one_space_and_lines_keep_their_position() {
        let mut glyphs = word(72.0, 90.0, "Smith");
        glyphs.extend(word(72.0 + 25.0 + 4.0, 90.0, "J."));
        let page = Page {
            number: 3,
            width: 612.0,
            height: 792.0,
            glyphs,
        };
        let lines = page_lines(&page);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text, "Smith J.");
        assert_eq!(lines[0].layout.page, 3);
        assert_eq!(lines[0].layout.x, 72.0);
        assert_eq!(lines[0].layout.font_size, 10.0);
    }
}
