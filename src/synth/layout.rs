//! PDF-like layout and damage: line wrapping with hyphenation and broken
//! URLs, URLs split by a space, misspelt names.

use super::rng::Rng;

/// A wrapped text and where bytes were inserted into the original.
pub(crate) struct Wrapped {
    pub text: String,
    /// `(offset in the original, bytes inserted there)`, ascending.
    pub insertions: Vec<(usize, usize)>,
    /// How many words were hyphenated across a line break.
    pub hyphenated: usize,
}

impl Wrapped {
    /// Maps an offset of the original text to the wrapped text. Valid for
    /// offsets at word starts and inside protected ranges, where nothing is
    /// ever inserted.
    pub(crate) fn map(&self, orig: usize) -> usize {
        orig + self
            .insertions
            .iter()
            .take_while(|(pos, _)| *pos <= orig)
            .map(|(_, n)| n)
            .sum::<usize>()
    }
}

/// Pushes `piece` (starting at byte `at` of the original) at the start of a
/// line, cutting a URL longer than the line every `width` bytes; returns
/// the column after it.
fn push_at_line_start(
    out: &mut String,
    mut piece: &str,
    mut at: usize,
    width: usize,
    url: bool,
    insertions: &mut Vec<(usize, usize)>,
) -> usize {
    if url {
        while piece.is_ascii() && piece.len() > width && width > 0 {
            out.push_str(&piece[..width]);
            out.push('\n');
            insertions.push((at + width, 1));
            at += width;
            piece = &piece[width..];
        }
    }
    out.push_str(piece);
    piece.chars().count()
}

fn hyphenable(word: &str) -> Option<usize> {
    let core = word.trim_end_matches(['.', ',', ';', ':']);
    (core.len() >= 7 && core.bytes().all(|b| b.is_ascii_lowercase())).then_some(core.len())
}

/// Wraps one line of text to `width` columns as a PDF's text layer does:
/// spaces become line breaks, some long words are hyphenated across the
/// break (with probability `hyphenate`), and URLs that do not fit are cut
/// where the line ends. Byte ranges in `protected` are never cut inside
/// (line breaks may still replace their spaces).
pub(crate) fn wrap(
    line: &str,
    width: usize,
    hyphenate: f64,
    protected: &[(usize, usize)],
    rng: &mut Rng,
) -> Wrapped {
    let mut out = String::with_capacity(line.len() + line.len() / width.max(1) * 2);
    let mut insertions = Vec::new();
    let mut hyphenated = 0;
    let mut col = 0usize;
    let mut start = 0usize;
    for word in line.split(' ') {
        let wstart = start;
        start += word.len() + 1;
        let wlen = word.chars().count();
        let is_url = word.starts_with("http");
        let guarded = protected
            .iter()
            .any(|&(a, b)| wstart < b && wstart + word.len() > a);
        if col == 0 {
            col = push_at_line_start(&mut out, word, wstart, width, is_url, &mut insertions);
            continue;
        }
        if col + 1 + wlen <= width {
            out.push(' ');
            out.push_str(word);
            col += 1 + wlen;
            continue;
        }
        let room = width.saturating_sub(col + 1);
        if !guarded && room >= 3 {
            if let Some(core) = hyphenable(word) {
                if rng.chance(hyphenate) {
                    // Keep at least two letters on the line and three on the next.
                    let k = (room - 1).min(core - 3);
                    if k >= 2 {
                        out.push(' ');
                        out.push_str(&word[..k]);
                        out.push_str("-\n");
                        out.push_str(&word[k..]);
                        insertions.push((wstart + k, 2));
                        hyphenated += 1;
                        col = wlen - k;
                        continue;
                    }
                }
            }
            if is_url && room >= 8 && word.is_ascii() {
                let k = room.min(word.len() - 1);
                out.push(' ');
                out.push_str(&word[..k]);
                out.push('\n');
                insertions.push((wstart + k, 1));
                col = push_at_line_start(
                    &mut out,
                    &word[k..],
                    wstart + k,
                    width,
                    true,
                    &mut insertions,
                );
                continue;
            }
        }
        out.push('\n');
        col = if guarded {
            out.push_str(word);
            wlen
        } else {
            push_at_line_start(&mut out, word, wstart, width, is_url, &mut insertions)
        };
    }
    Wrapped {
        text: out,
        insertions,
        hyphenated,
    }
}

/// Inserts a space inside the first URL of `text`, as PDF extraction does
/// ("https://news.example.com/features/democratizing-a i/"). `None` when the
/// text has no URL long enough.
pub(crate) fn split_url(text: &str, rng: &mut Rng) -> Option<String> {
    let at = text.find("http")?;
    let url_len = text[at..]
        .find(char::is_whitespace)
        .unwrap_or(text.len() - at);
    let url = &text[at..at + url_len];
    let lo = url.find("//")? + 4;
    if url_len < lo + 4 || !url.is_ascii() {
        return None;
    }
    let cut = at + rng.range(lo, url_len - 2);
    let mut s = String::with_capacity(text.len() + 1);
    s.push_str(&text[..cut]);
    s.push(' ');
    s.push_str(&text[cut..]);
    Some(s)
}

/// Misspells a name by swapping two adjacent letters or dropping one (never
/// the first). `None` for names too short to misspell recognisably.
pub(crate) fn misspell(name: &str, rng: &mut Rng) -> Option<String> {
    let chars: Vec<char> = name.chars().collect();
    if chars.len() < 4 || !chars.iter().all(|c| c.is_alphabetic()) {
        return None;
    }
    for _ in 0..8 {
        let mut c = chars.clone();
        let i = rng.range(1, c.len() - 1);
        if rng.chance(0.5) {
            c.swap(i, i + 1);
        } else {
            c.remove(i);
        }
        let s: String = c.into_iter().collect();
        if s != name {
            return Some(s);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_lines_short_and_text_recoverable() {
        let text = "the quick brown fox jumps over the extraordinarily lazy dog and continues running through https://example.org/a/very/long/path/that/does/not/fit";
        let mut rng = Rng::new(3);
        let mut hyphenated = 0;
        for width in 20..40 {
            let w = wrap(text, width, 1.0, &[], &mut rng);
            hyphenated += w.hyphenated;
            assert!(
                w.text.lines().all(|l| l.chars().count() <= width),
                "{}",
                w.text
            );
        }
        assert!(hyphenated > 0);
        let w = wrap(text, 30, 1.0, &[], &mut rng);
        // Undo: drop inserted "-\n" and "\n", turn remaining breaks into spaces.
        let mut undone = String::new();
        let mut last = 0;
        for &(pos, n) in &w.insertions {
            let mapped = w.map(pos) - n;
            undone.push_str(&w.text[last..mapped]);
            last = mapped + n;
        }
        undone.push_str(&w.text[last..]);
        assert_eq!(undone.replace('\n', " "), text);
    }

    #[test]
    fn protected_ranges_are_not_cut() {
        let text = "aaaa bbbbbbbbbbbbbbbbbbbbbb cccc";
        let mut rng = Rng::new(1);
        let w = wrap(text, 12, 1.0, &[(5, 27)], &mut rng);
        assert!(w.insertions.is_empty());
        assert!(w.text.contains("bbbbbbbbbbbbbbbbbbbbbb"));
    }

    #[test]
    fn url_split_and_misspelling_change_one_thing() {
        let mut rng = Rng::new(9);
        let orig = "See https://example.org/path/x. Done";
        let s = split_url(orig, &mut rng).unwrap();
        let i = s
            .bytes()
            .zip(orig.bytes())
            .position(|(a, b)| a != b)
            .unwrap();
        assert!(i > "See https://".len());
        assert_eq!(format!("{}{}", &s[..i], &s[i + 1..]), orig);
        let m = misspell("Benjamin", &mut rng).unwrap();
        assert_ne!(m, "Benjamin");
        assert!(m.len() + 1 >= "Benjamin".len());
        assert!(misspell("Li", &mut rng).is_none());
    }
}
