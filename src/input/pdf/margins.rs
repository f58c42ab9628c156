//! Running heads, running feet and page numbers, recognised by where they
//! stand: in the top or bottom tenth of the page, repeated (digits aside)
//! on several pages, or a bare page number. They interrupt the text that
//! flows across a page break, a works-cited list above all, so the reader
//! leaves them out and says how many it left out.

use super::layout::Line;
use std::collections::HashMap;

/// The share of the page height at the top and at the bottom where running
/// heads and feet stand.
const MARGIN: f32 = 0.1;

/// Which band of the page a line stands in.
fn band(line: &Line) -> Option<bool> {
    let h = line.layout.page_height;
    if h <= 0.0 {
        return None;
    }
    if line.layout.y < MARGIN * h {
        Some(true)
    } else if line.layout.y > (1.0 - MARGIN) * h {
        Some(false)
    } else {
        None
    }
}

/// The text with digits and spaces smoothed out, so "Page 3" and "Page 14"
/// are the same running foot.
fn key(text: &str) -> String {
    let mut k = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !k.ends_with('#') {
                k.push('#');
            }
        } else if !c.is_whitespace() {
            k.extend(c.to_lowercase());
        }
    }
    k
}

/// A page number: 1 to 4 digits or a short roman numeral, alone.
fn is_page_number(text: &str) -> bool {
    let t = text.trim();
    (!t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()))
        || (!t.is_empty() && t.len() <= 6 && t.chars().all(|c| "ivxlcIVXLC".contains(c)))
}

/// Marks the lines to drop across a document's pages: `pages[p][i]` is
/// true when line `i` of page `p` is a running head, foot or page number.
pub fn running_lines(pages: &[Vec<Line>]) -> Vec<Vec<bool>> {
    let mut seen: HashMap<(bool, String), std::collections::HashSet<usize>> = HashMap::new();
    for (p, lines) in pages.iter().enumerate() {
        for l in lines {
            if let Some(top) = band(l) {
                seen.entry((top, key(&l.text))).or_default().insert(p);
            }
        }
    }
    // Odd and even pages often carry different heads, so two pages are
    // enough when the document has at least three.
    let repeated = |top: bool, text: &str| {
        pages.len() >= 3 && seen.get(&(top, key(text))).is_some_and(|s| s.len() >= 2)
    };
    pages
        .iter()
        .map(|lines| {
            lines
                .iter()
                .map(|l| match band(l) {
                    Some(top) => is_page_number(&l.text) || repeated(top, &l.text),
                    None => false,
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::LineLayout;

    fn line(page: u32, y: f32, text: &str) -> Line {
        Line {
            text: text.into(),
            layout: LineLayout {
                page,
                y,
                page_height: 800.0,
                page_width: 600.0,
                ..LineLayout::default()
            },
        }
    }

    #[test]
    fn repeated_heads_and_page_numbers_go_body_text_stays() {
        let pages: Vec<Vec<Line>> = (1..=3)
            .map(|p| {
                vec![
                    line(p, 40.0, &format!("Journal of Things {p} (2008)")),
                    line(p, 300.0, "Smith J 2001 A title"),
                    line(p, 760.0, &p.to_string()),
                ]
            })
            .collect();
        let marks = running_lines(&pages);
        for m in &marks {
            assert_eq!(m, &[true, false, true]);
        }
    }

    #[test]
    fn a_unique_line_in_the_margin_stays() {
        let pages = vec![
            vec![line(1, 40.0, "A Title")],
            vec![line(2, 300.0, "x")],
            vec![line(3, 300.0, "y")],
        ];
        assert_eq!(running_lines(&pages)[0], [false]);
    }
}
