//! Repairing PDF damage in one entry's text: URLs split by spaces, words
//! hyphenated across lines, ligatures, doubled spaces.
//!
//! URL mending is the delicate part. PDF tools break long URLs wherever the
//! line ended and then print a space there, so
//! `https://news.microsoft.com/features/democratizing-a i/` must become
//! `…/democratizing-ai/`, while `https://huggingface.co/about (accessed …)`
//! must stay apart. A fragment is glued back when it can only be part of the
//! URL: it holds URL punctuation (`/ - _ . ? = & %`) or it is a short
//! lower-case stub right before the end of the entry or before
//! "(accessed …" / "Accessed" / "\[Online\]".

use crate::input::normalize::normalize;
use std::borrow::Cow;

/// Words that follow a URL in running text and are never part of it.
const NOT_URL: &[&str] = &[
    "and",
    "or",
    "in",
    "on",
    "at",
    "the",
    "of",
    "to",
    "from",
    "via",
    "see",
    "doi",
    "doi:",
    "accessed",
    "accessed:",
    "retrieved",
    "available",
    "available:",
    "last",
    "viewed",
    "pp.",
    "vol.",
    "no.",
];

/// Longest fragment without URL punctuation that is still glued to a URL.
const MAX_STUB: usize = 15;

/// Repairs one entry's text; line breaks in it are the source's (`\n`).
///
/// ```
/// use citemap::extract::repair::repair_entry;
/// assert_eq!(
///     repair_entry("https://news.microsoft.com/features/democratizing-a i/ (accessed Mar. 09, 2023)."),
///     "https://news.microsoft.com/features/democratizing-ai/ (accessed Mar. 09, 2023)."
/// );
/// assert_eq!(repair_entry("Informa-\ntion  and Dyer-\nWitheford"), "Information and Dyer-Witheford");
/// ```
pub fn repair_entry(raw: &str) -> Cow<'_, str> {
    let text = normalize(raw);
    match (repair_normalized(&text), text) {
        (Some(mended), _) => Cow::Owned(mended),
        (None, Cow::Owned(text)) => Cow::Owned(text),
        (None, Cow::Borrowed(_)) => Cow::Borrowed(raw),
    }
}

/// [`repair_entry`] on text that is normalised already (cut from a
/// document that was): `None` when nothing changes.
pub(crate) fn repair_normalized(text: &str) -> Option<String> {
    let joined = join_lines(&unescape_markdown(text));
    let spaced: String = joined.split_whitespace().collect::<Vec<_>>().join(" ");
    let mended = mend_urls(&spaced);
    (mended != text).then_some(mended)
}

/// Joins the lines of an entry: a word hyphenated at a line end loses its
/// hyphen when both halves are lower case ("informa-" + "tion"), keeps it
/// otherwise ("Dyer-" + "Witheford", "241-" + "262"); other line breaks
/// become spaces.
fn join_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        let line = line.trim();
        if i > 0 && !out.is_empty() && !line.is_empty() {
            // Only the end of the text can hold the last token's URL start;
            // scanning all of it per line would be quadratic.
            let mut tail = out.len().saturating_sub(512);
            while !out.is_char_boundary(tail) {
                tail += 1;
            }
            let last_token = out[tail..].rsplit(' ').next().unwrap_or("");
            let in_url = is_url_start(last_token);
            if out.ends_with('-') && !out.ends_with(" -") && !out.ends_with("--") {
                let before = out[..out.len() - 1].chars().last();
                let lower_both =
                    before.is_some_and(char::is_lowercase) && line.starts_with(char::is_lowercase);
                if lower_both && !in_url {
                    out.pop();
                }
            } else {
                out.push(' ');
            }
        }
        out.push_str(line);
    }
    out
}

/// Drops Markdown's backslash escapes ("Fresh Off \\$2B" → "Fresh Off $2B"):
/// the escapes belong to the file format, not to the reference.
fn unescape_markdown(text: &str) -> Cow<'_, str> {
    if !text.contains('\\') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            continue;
        }
        out.push(c);
    }
    Cow::Owned(out)
}

/// True when a token opens a URL or a DOI.
fn is_url_start(token: &str) -> bool {
    url_offset(token).is_some()
}

/// Byte offset at which a URL or DOI starts inside a token.
fn url_offset(token: &str) -> Option<usize> {
    // Every form below holds a slash or "www."; most words hold neither.
    if !token.contains('/') && !token.contains("www.") {
        return None;
    }
    ["https://", "http://", "www.", "doi.org/"]
        .iter()
        .filter_map(|p| token.find(p))
        .min()
        .or_else(|| {
            let t = token.trim_start_matches(['(', '<', '[']);
            let digits = t.strip_prefix("10.")?;
            let reg = digits.split('/').next()?;
            (reg.len() >= 4 && reg.chars().all(|c| c.is_ascii_digit()) && digits.contains('/'))
                .then(|| token.len() - t.len())
        })
}

fn is_url_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c)
}

fn has_url_punct(s: &str) -> bool {
    s.contains(['/', '-', '_', '.', '?', '=', '&', '%', '#', '~'])
}

fn mend_urls(text: &str) -> String {
    let tokens: Vec<&str> = text.split(' ').collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < tokens.len() {
        if i > 0 {
            out.push(' ');
        }
        let token_start = out.len();
        out.push_str(tokens[i]);
        i += 1;
        if let Some(at) = url_offset(tokens[i - 1]) {
            let angled = tokens[i - 1][..at].ends_with('<');
            let mut closed = angled && tokens[i - 1][at..].contains('>');
            while i < tokens.len() && !closed {
                let url = &out[token_start..];
                if !continues_url(url, tokens[i], tokens.get(i + 1).copied(), angled) {
                    break;
                }
                out.push_str(tokens[i]);
                closed = angled && tokens[i].contains('>');
                i += 1;
            }
        }
    }
    out
}

/// Whether `next` is a piece of the URL ending `url`, given the token after
/// it.
fn continues_url(url: &str, next: &str, after: Option<&str>, angled: bool) -> bool {
    if next.is_empty() || next.starts_with(['(', '[', '<', '"', '“', '‘', '\'']) {
        return false;
    }
    if angled {
        // Inside <…> everything up to '>' is the URL.
        return next.chars().all(|c| is_url_char(c) || c == '>');
    }
    if url.ends_with([',', ';']) || url.ends_with(')') {
        return false;
    }
    let core = next.trim_end_matches(['.', ',', ';', ')']);
    if core.is_empty() {
        // A full stop set off by a line break: "…/2022.795908 ."
        return next.len() <= 2;
    }
    if !core.chars().all(is_url_char) {
        return false;
    }
    if NOT_URL.iter().any(|w| next.eq_ignore_ascii_case(w)) {
        return false;
    }
    let is_year = core.len() == 4
        && core
            .parse::<u32>()
            .is_ok_and(|y| (1500..=2099).contains(&y));
    if is_year {
        return false;
    }
    let starts_upper = next.starts_with(char::is_uppercase);
    if url.ends_with('.') && starts_upper {
        return false;
    }
    if has_url_punct(core) {
        // "i/", "o-large-scale…", "?utm_medium=email", "rms.html", "/02/…"
        return !starts_upper || core.contains('/');
    }
    // A bare stub: only right before the end or before an access note.
    let stub = core.len() <= MAX_STUB && !starts_upper;
    let ends_here = match after {
        None => true,
        Some(a) => {
            a.starts_with(['(', '[', '-', '/', '.', '_', '?', '#'])
                || ["accessed", "retrieved", "last", "available"]
                    .iter()
                    .any(|w| a.to_lowercase().starts_with(w))
        }
    };
    stub && ends_here
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(s: &str) -> String {
        repair_entry(s).into_owned()
    }

    #[test]
    fn urls_split_by_spaces_are_joined() {
        for (broken, whole) in [
            (
                "Available: https://exchange.scale.com/public/videos/emad-most aque-stability-ai-stable-diffusion-open-source",
                "Available: https://exchange.scale.com/public/videos/emad-mostaque-stability-ai-stable-diffusion-open-source",
            ),
            (
                "https://www.propublica.org/article/machine-bias-ris k-assessments-in-criminal-sentencing",
                "https://www.propublica.org/article/machine-bias-risk-assessments-in-criminal-sentencing",
            ),
            (
                "https://partnershiponai.org/wp-content/uploads/2023 /02/PAI_synthetic_media_framework.pdf",
                "https://partnershiponai.org/wp-content/uploads/2023/02/PAI_synthetic_media_framework.pdf",
            ),
            (
                "https://stability.ai/blog/stable-diffusion-announceme nt (accessed Mar. 09, 2023).",
                "https://stability.ai/blog/stable-diffusion-announcement (accessed Mar. 09, 2023).",
            ),
            (
                "https://danieljeffries.substack.com/p/lets-speed-up-ai ?utm_medium=email (accessed Mar. 09, 2023).",
                "https://danieljeffries.substack.com/p/lets-speed-up-ai?utm_medium=email (accessed Mar. 09, 2023).",
            ),
            (
                "https://www.lesswrong.com/posts/uFNgRumrDTpBf QGrs/let-s-think-about-slowing-down-ai (accessed",
                "https://www.lesswrong.com/posts/uFNgRumrDTpBfQGrs/let-s-think-about-slowing-down-ai (accessed",
            ),
            (
                "https://www.technologyreview.com/2022/07/12/105 5817/inside-a-radical-new-project-to-democratize-ai /",
                "https://www.technologyreview.com/2022/07/12/1055817/inside-a-radical-new-project-to-democratize-ai/",
            ),
            (
                "https://www.vox.com/future-perfect/23591534/chatg pt-artificial-intelligence-google-baidu-microsoft-ope nai (accessed Mar. 09, 2023).",
                "https://www.vox.com/future-perfect/23591534/chatgpt-artificial-intelligence-google-baidu-microsoft-openai (accessed Mar. 09, 2023).",
            ),
            (
                "https://exchange.scale.com/public/videos/democratiz ing-and-accelerating-the-future-of-ai-with-kevin-sco tt",
                "https://exchange.scale.com/public/videos/democratizing-and-accelerating-the-future-of-ai-with-kevin-scott",
            ),
            (
                "https://h2o.ai/platform/ai-cloud/make/h2o-driverless -ai/ (accessed",
                "https://h2o.ai/platform/ai-cloud/make/h2o-driverless-ai/ (accessed",
            ),
            (
                "https://www.theguardian.com/environment/2011/jan /06/bp-oil-spill-deepwater-horizon",
                "https://www.theguardian.com/environment/2011/jan/06/bp-oil-spill-deepwater-horizon",
            ),
        ] {
            assert_eq!(fix(broken), whole);
        }
    }

    #[test]
    fn doi_broken_twice_and_a_lone_full_stop() {
        assert_eq!(
            fix("https://doi.org/10.1080/s625 52 -2015-73963-7."),
            "https://doi.org/10.1080/s62552-2015-73963-7."
        );
        assert_eq!(
            fix("https://doi.org/10.1093/7093932.298 6546."),
            "https://doi.org/10.1093/7093932.2986546."
        );
        assert_eq!(
            fix("https://doi.org/10.7146/2022.795908\n."),
            "https://doi.org/10.7146/2022.795908."
        );
    }

    #[test]
    fn urls_are_not_glued_to_following_words() {
        for keep in [
            "https://huggingface.co/about (accessed Mar. 09, 2023).",
            "https://x.org/a. Accessed 3 May 2020.",
            "https://x.org/a and https://y.org/b",
            "<https://www.metamute.org/editorial/articles/californian-ideology>. More",
            "Available: http://arxiv.org/abs/1908.09203",
            "https://x.org/report 2019.",
        ] {
            assert_eq!(fix(keep), keep);
        }
    }

    #[test]
    fn angled_urls_are_joined_up_to_the_bracket() {
        assert_eq!(
            fix("<https://x.org/a-\nb/c>. Next"),
            "<https://x.org/a-b/c>. Next"
        );
    }

    #[test]
    fn dois_split_by_a_space() {
        assert_eq!(
            fix("doi: 10.1038/s42256- 022-00465-9."),
            "doi: 10.1038/s42256-022-00465-9."
        );
    }

    #[test]
    fn markdown_escapes_are_dropped() {
        assert_eq!(
            fix(r"Fresh Off \$2B \*not italic\*"),
            "Fresh Off $2B *not italic*"
        );
    }

    #[test]
    fn ligatures_and_spaces() {
        assert_eq!(fix("ﬁrst  \u{a0}ﬂoor\u{ad}s"), "first floors");
    }
}
