//! Small text helpers shared by the scanner and the resolver: folding names
//! for tolerant comparison and mapping byte offsets to lines and columns.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Lower-cases, keeps letters and digits only and strips diacritics: "Kjösen" → "kjosen".
pub(crate) fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        // Letters that carry their mark inside (no decomposition): a PDF
        // or a font may write "García" as a dotless ı and a combining
        // accent.
        .map(|c| match c {
            'ı' => 'i',
            'ł' => 'l',
            'ø' => 'o',
            'đ' | 'ð' => 'd',
            c => c,
        })
        .collect()
}

/// The words of a title, folded, without a leading article and with a
/// plural "s" dropped, so that short titles compare by prefix.
pub(crate) fn title_words(s: &str) -> Vec<String> {
    let mut words: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect();
    while words
        .first()
        .is_some_and(|w| matches!(w.as_str(), "the" | "a" | "an"))
    {
        words.remove(0);
    }
    words
}

/// A word reduced for loose comparison: "cultures" → "culture".
pub(crate) fn stem(w: &str) -> &str {
    if w.len() > 3 {
        w.strip_suffix('s').unwrap_or(w)
    } else {
        w
    }
}

/// Maps byte offsets of one text to 1-based lines and character columns.
///
/// Columns are counted from the last offset asked for when it lies earlier
/// on the same line, so asking in text order costs O(n) in all, even when a
/// PDF put a whole paper on one line.
#[derive(Debug, Clone)]
pub(crate) struct LineIndex {
    starts: Vec<usize>,
    last: std::cell::Cell<(usize, usize)>,
}

impl LineIndex {
    pub(crate) fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex {
            starts,
            last: std::cell::Cell::new((0, 1)),
        }
    }

    /// The 1-based line holding byte `offset`.
    pub(crate) fn line(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// The byte offset where 1-based `line` starts (the text's end past the last line).
    pub(crate) fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line.checked_sub(1)?).copied()
    }

    /// The 1-based column, in characters, of byte `offset`.
    pub(crate) fn column(&self, text: &str, offset: usize) -> usize {
        let line = self.line(offset);
        let start = self.starts[line - 1];
        let (last, last_col) = self.last.get();
        let (from, col) = if last >= start && last <= offset && self.line(last) == line {
            (last, last_col)
        } else {
            (start, 1)
        };
        let Some(between) = text.get(from..offset) else {
            return 1;
        };
        let col = col + between.chars().count();
        self.last.set((offset, col));
        col
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_diacritics_and_hyphens() {
        assert_eq!(fold("Kjösen"), "kjosen");
        assert_eq!(fold("Costanza-Chock"), fold("Costanza Chock"));
    }

    #[test]
    fn titles_lose_articles() {
        assert_eq!(
            title_words("The Culture of Connectivity."),
            ["culture", "of", "connectivity"]
        );
    }

    #[test]
    fn lines_and_columns() {
        let t = "ab\nçd(x)\n";
        let ix = LineIndex::new(t);
        let off = t.find('(').unwrap();
        assert_eq!(ix.line(off), 2);
        assert_eq!(ix.column(t, off), 3);
        assert_eq!(ix.line(0), 1);
        // Asked again, out of order and in order, the answer holds.
        assert_eq!(ix.column(t, 0), 1);
        assert_eq!(ix.column(t, off + 1), 4);
        assert_eq!(ix.column(t, off), 3);
    }
}
