//! URLs and DOIs damaged on their way out of a PDF: "democratizing-a i/",
//! "https//example.org", "doi: 10.1145/ 3442188".

use std::ops::Range;

/// A URL or DOI found damaged, with its repair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damaged {
    /// Byte range of the damaged text.
    pub range: Range<usize>,
    /// The repaired form.
    pub repaired: String,
    /// True when the repair is only a guess (a DOI that cannot be mended).
    pub unrepairable: bool,
}

const STOP: &[char] = &['<', '>', '"', '“', '”', '‘', '’', '|', '`', '\\', '{', '}'];

/// The end of a URL-like token starting at `at`.
fn token_end(text: &str, at: usize, end: usize) -> usize {
    text[at..end]
        .find(|c: char| c.is_whitespace() || STOP.contains(&c))
        .map_or(end, |i| at + i)
}

fn url_chars(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._~/?#[]@!$&'()*+,;=%:".contains(c))
}

/// URLs split by spaces or with a malformed scheme, in `range` of `text`.
pub fn broken_urls(text: &str, range: Range<usize>) -> Vec<Damaged> {
    let end = range.end.min(text.len());
    let mut out = Vec::new();
    let mut from = range.start.min(end);
    while let Some(off) = text[from..end].find("http") {
        let start = from + off;
        let rest = &text[start..end];
        let (scheme, fixed) = if rest.starts_with("https://") || rest.starts_with("http://") {
            (if rest.starts_with("https") { 8 } else { 7 }, false)
        } else if rest.starts_with("https//") {
            (7, true)
        } else if rest.starts_with("http//") {
            (6, true)
        } else if rest.starts_with("https:/") {
            (7, true)
        } else if rest.starts_with("http:/") {
            (6, true)
        } else {
            from = start + 4;
            continue;
        };
        // "xhttp" is part of a word.
        if start > 0
            && text[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            from = start + 4;
            continue;
        }
        let mut pieces: Vec<&str> = Vec::new();
        let mut stop = token_end(text, start, end);
        pieces.push(&text[start..stop]);
        loop {
            let last = *pieces.last().unwrap_or(&"");
            if last.ends_with(['.', ',', ';', ')', ']']) || !text[stop..end].starts_with(' ') {
                break;
            }
            let n_start = stop + 1;
            let n_end = token_end(text, n_start, end);
            let next = &text[n_start..n_end];
            if !continues(
                text,
                last,
                next,
                n_end,
                end,
                pieces.iter().map(|p| p.len()).sum(),
            ) {
                break;
            }
            pieces.push(next);
            stop = n_end;
        }
        if pieces.len() > 1 || fixed {
            let mut joined: String = pieces.concat();
            if fixed {
                let scheme_name = if joined.starts_with("https") {
                    "https"
                } else {
                    "http"
                };
                let tail = joined[scheme..].trim_start_matches([':', '/']);
                joined = format!("{scheme_name}://{tail}");
            }
            let trimmed = joined.trim_end_matches(['.', ',', ';']).to_owned();
            out.push(Damaged {
                range: start..stop,
                repaired: trimmed,
                unrepairable: false,
            });
        }
        from = stop.max(start + 4);
    }
    out
}

/// Whether `next`, after one space, continues a URL that so far reads
/// `last` (`total` bytes long).
fn continues(
    text: &str,
    last: &str,
    next: &str,
    next_end: usize,
    end: usize,
    total: usize,
) -> bool {
    let bare = next.trim_end_matches(['.', ',', ';']);
    if bare.is_empty()
        || !url_chars(bare)
        || bare.starts_with(['(', '[', '<'])
        || bare.contains("://")
        || bare.to_ascii_lowercase().starts_with("doi")
        || bare.to_ascii_lowercase().starts_with("http")
    {
        return false;
    }
    let inner = bare.trim_start_matches(['/', '-', '.', '_', '?', '#', '=', '&']);
    let starts_with_joint = inner.len() < bare.len();
    let has_joint = inner.contains(['/', '-', '_', '=', '?', '#', '.']);
    if (starts_with_joint || has_joint)
        && bare.chars().any(|c| c.is_ascii_alphanumeric() || c == '/')
    {
        // "Accessed 2023." or "Mar. 09" are not URL tails.
        return !bare.chars().next().is_some_and(|c| c.is_ascii_uppercase()) || bare.contains('/');
    }
    // A short lower-case fragment ("nt", "i/") after a long URL, followed
    // by the end of the entry or a bracket: the line broke inside a word.
    let after = text[next_end..end].trim_start();
    let at_boundary = after.is_empty()
        || after.starts_with(['(', '[', '<', '\n'])
        || after.starts_with("Accessed")
        || text[next_end..end].starts_with('\n');
    total >= 25
        && !last.ends_with('/')
        && bare.len() <= 5
        && bare
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && bare.chars().any(|c| c.is_ascii_lowercase())
        && at_boundary
}

/// True for a well-formed DOI: `10.` a registrant of four to nine digits
/// (dots allowed), `/`, a non-empty suffix without spaces.
pub fn valid_doi(doi: &str) -> bool {
    let Some(rest) = doi.strip_prefix("10.") else {
        return false;
    };
    let Some((registrant, suffix)) = rest.split_once('/') else {
        return false;
    };
    let digits = registrant.split('.').next().unwrap_or("");
    (4..=9).contains(&digits.len())
        && registrant.chars().all(|c| c.is_ascii_digit() || c == '.')
        && !suffix.is_empty()
        && !suffix.chars().any(char::is_whitespace)
}

/// DOIs in `range` of `text` ("doi: 10.…", "doi.org/10.…", "DOI 10.…") that
/// are malformed or split by a space.
pub fn bad_dois(text: &str, range: Range<usize>) -> Vec<Damaged> {
    let end = range.end.min(text.len());
    let lower = text[..end].to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = range.start.min(end);
    while let Some(off) = lower[from..end].find("doi") {
        let at = from + off;
        from = at + 3;
        if at > 0 && lower.as_bytes()[at - 1].is_ascii_alphanumeric() {
            continue;
        }
        let mut k = at + 3;
        let rest = &lower[k..end];
        if rest.starts_with(".org/") {
            k += 5;
        } else if rest.starts_with(':') {
            k += 1;
        } else if !rest.starts_with(' ') {
            continue;
        }
        while k < end && text.as_bytes()[k] == b' ' {
            k += 1;
        }
        let s = k;
        let e = token_end(text, s, end);
        let token = text[s..e].trim_end_matches(['.', ',', ';', ')', ']']);
        if token.is_empty() || !token.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        from = e;
        if valid_doi(token) {
            continue;
        }
        // "10.1145/ 3442188": the suffix went to the next line.
        if text[e..end].starts_with(' ') {
            let n_end = token_end(text, e + 1, end);
            let next = text[e + 1..n_end].trim_end_matches(['.', ',', ';', ')', ']']);
            let joined = format!("{token}{next}");
            if !next.is_empty() && valid_doi(&joined) && token.ends_with(['/', '.', '-']) {
                let n_end = e + 1 + next.len();
                out.push(Damaged {
                    range: s..n_end,
                    repaired: joined,
                    unrepairable: false,
                });
                from = n_end;
                continue;
            }
        }
        out.push(Damaged {
            range: s..s + token.len(),
            repaired: token.to_owned(),
            unrepairable: true,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repairs(text: &str) -> Vec<String> {
        broken_urls(text, 0..text.len())
            .into_iter()
            .map(|d| d.repaired)
            .collect()
    }

    #[test]
    fn split_urls_are_joined() {
        assert_eq!(
            repairs("Available: https://news.microsoft.com/features/democratizing-a i/ (accessed Mar. 09, 2023). [4]"),
            ["https://news.microsoft.com/features/democratizing-a i/".replace(' ', "")]
        );
        assert_eq!(
            repairs("https://exchange.scale.com/public/videos/democratiz ing-and-accelerating-the-future-of-ai-with-kevin-sco tt [12] K."),
            ["https://exchange.scale.com/public/videos/democratizing-and-accelerating-the-future-of-ai-with-kevin-scott"]
        );
        assert_eq!(
            repairs("https://stability.ai/blog/stable-diffusion-announceme nt (accessed"),
            ["https://stability.ai/blog/stable-diffusion-announcement"]
        );
        assert_eq!(
            repairs("see https//example.org/a."),
            ["https://example.org/a"]
        );
    }

    #[test]
    fn whole_urls_are_left_alone() {
        for t in [
            "<https://ai.google/>.",
            "https://huggingface.co/about (accessed Mar. 09, 2023).",
            "http://arxiv.org/abs/1908.09203 [10] D. Author",
            "https://example.org/path. Accessed 2023.",
            "https://cloud.google.com/automl and more",
        ] {
            assert!(repairs(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn dois() {
        assert!(valid_doi("10.7146/aprja.v12i1.140445"));
        assert!(!valid_doi("10.12/x"));
        assert!(!valid_doi("10.1145/"));
        let t = "doi: 10.1145/ 3442188.3445922. and doi: 10.7146/aprja.v12i1.140445. doi:10.12";
        let bad = bad_dois(t, 0..t.len());
        assert_eq!(bad.len(), 2);
        assert_eq!(bad[0].repaired, "10.1145/3442188.3445922");
        assert!(bad[1].unrepairable);
    }
}
