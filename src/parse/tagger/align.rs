//! Turns annotated field values into one label per token, by finding each
//! value in the text the way `score-refs` compares them: case, accents,
//! punctuation and spacing ignored, whole words only.

use super::features::Token;
use super::Label;
use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// The folded text: only ASCII letters and digits, lower-cased, each with
/// the token it came from and whether a word boundary precedes it.
struct Folded {
    chars: String,
    token: Vec<usize>,
    boundary_before: Vec<bool>,
}

fn fold_into(s: &str, mut push: impl FnMut(char, usize, bool)) {
    let mut prev_alnum = false;
    for (i, c) in s.char_indices() {
        let mut any = false;
        for d in std::iter::once(c).nfkd() {
            if is_combining_mark(d) {
                continue;
            }
            for l in d.to_lowercase() {
                if l.is_ascii_alphanumeric() {
                    push(l, i, !prev_alnum);
                    any = true;
                }
            }
        }
        // Letters that fold to nothing (Greek, CJK) still join a word.
        prev_alnum = any || c.is_alphanumeric();
    }
}

/// `s` folded as `score-refs` folds it.
pub fn fold(s: &str) -> String {
    let mut out = String::new();
    fold_into(s, |c, _, _| out.push(c));
    out
}

fn folded(text: &str, tokens: &[Token]) -> Folded {
    let mut f = Folded {
        chars: String::new(),
        token: Vec::new(),
        boundary_before: Vec::new(),
    };
    let mut t = 0;
    fold_into(text, |c, at, boundary| {
        while t + 1 < tokens.len() && tokens[t].end <= at {
            t += 1;
        }
        f.chars.push(c);
        f.token.push(t);
        f.boundary_before.push(boundary);
    });
    f
}

/// Labels `tokens` of `text` from annotated `fields` (label, values).
/// Returns the labels and the labels of the values that could not be found.
pub fn align(
    text: &str,
    tokens: &[Token],
    fields: &[(Label, Vec<String>)],
) -> (Vec<Label>, Vec<Label>) {
    let mut labels = vec![Label::Other; tokens.len()];
    let f = folded(text, tokens);
    let mut missed = Vec::new();
    // Long text fields first, so that a short number inside a title is not
    // taken for the volume.
    let mut order: Vec<(Label, &str)> = fields
        .iter()
        .flat_map(|(l, vs)| vs.iter().map(move |v| (*l, v.as_str())))
        .collect();
    order.sort_by_key(|(l, _)| l.numeric());
    for (label, value) in order {
        let fv = fold(value);
        if fv.is_empty() {
            continue;
        }
        let boundary_after = |end: usize| end >= f.boundary_before.len() || f.boundary_before[end];
        let mut best: Option<(usize, usize)> = None;
        for (at, _) in f.chars.match_indices(fv.as_str()) {
            let end = at + fv.len();
            if !f.boundary_before[at] || !boundary_after(end) {
                continue;
            }
            let (a, b) = (f.token[at], f.token[end - 1]);
            let free = labels[a..=b].iter().all(|l| *l == Label::Other);
            if free {
                best = Some((a, b));
                break;
            }
        }
        match best {
            Some((a, b)) => labels[a..=b].iter_mut().for_each(|l| *l = label),
            None => missed.push(label),
        }
    }
    (labels, missed)
}

#[cfg(test)]
mod tests {
    use super::super::features::tokenize;
    use super::*;

    #[test]
    fn values_label_whole_words_ignoring_case_and_marks() {
        let text = "Müller A. Über Wärme. J Chem Phys 12:3 (1999).";
        let toks = tokenize(text);
        let fields = vec![
            (Label::Author, vec!["Muller A".to_owned()]),
            (Label::Title, vec!["uber warme".to_owned()]),
            (Label::Container, vec!["J. Chem. Phys.".to_owned()]),
            (Label::Volume, vec!["12".to_owned()]),
            (Label::Pages, vec!["3".to_owned()]),
            (Label::Date, vec!["1999".to_owned()]),
        ];
        let (labels, missed) = align(text, &toks, &fields);
        use Label::*;
        // "12:3" is one token: it takes the volume, and the pages are missed.
        assert_eq!(missed, [Pages]);
        assert_eq!(
            labels,
            [Author, Author, Title, Title, Container, Container, Container, Volume, Date]
        );
    }
}
