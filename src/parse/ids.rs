//! Identifiers that can stand anywhere in a reference (DOI, URL, arXiv id)
//! and the access-date phrases that go with URLs. They are taken out before
//! the style grammars run, so a URL's dots and slashes never confuse them.

use super::tokens;
use crate::model::Date;

/// What was taken out of a reference string, and what is left.
#[derive(Debug, Default)]
pub struct Identifiers {
    /// Bare DOI.
    pub doi: Option<String>,
    /// First URL that is not a DOI resolver.
    pub url: Option<String>,
    /// arXiv identifier.
    pub arxiv: Option<String>,
    /// Access date.
    pub accessed: Option<Date>,
    /// The string without the identifiers (spans replaced by nothing).
    pub rest: String,
    /// True when the reference names YouTube, Vimeo or similar.
    pub video_host: bool,
    /// True when a code host (GitHub, GitLab) is named.
    pub code_host: bool,
}

fn trim_trailing(s: &str) -> &str {
    let mut s = s;
    loop {
        let t = s.trim_end_matches(['.', ',', ';', ':', '>', ']', '"', '”', '’', '\'', '*']);
        let t = if t.ends_with(')') && t.matches('(').count() < t.matches(')').count() {
            &t[..t.len() - 1]
        } else {
            t
        };
        if t.len() == s.len() {
            return t;
        }
        s = t;
    }
}

fn is_boundary_before(s: &str, at: usize) -> bool {
    s[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// Finds a DOI ("10.NNNN/…") at or after `from`; returns (start, end).
fn find_doi(s: &str) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(k) = super::text::find_bytes(&b[from..], b"10.") {
        let at = from + k;
        from = at + 3;
        if !is_boundary_before(s, at) {
            continue;
        }
        let digits = b[at + 3..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if !(4..=9).contains(&digits) || b.get(at + 3 + digits) != Some(&b'/') {
            continue;
        }
        let tail = &s[at..];
        let len = tail
            .find(|c: char| c.is_whitespace() || c == '<' || c == '>' || c == '"')
            .unwrap_or(tail.len());
        let doi = trim_trailing(&tail[..len]);
        if doi.len() > 3 + digits + 1 {
            return Some((at, at + doi.len()));
        }
    }
    None
}

fn find_url(s: &str) -> Option<(usize, usize)> {
    let lower_has = |pat: &str| {
        let mut best: Option<usize> = None;
        let b = s.as_bytes();
        let p = pat.as_bytes();
        let mut from = 0;
        while let Some(k) = super::text::find_bytes(&b[from..], p) {
            let at = from + k;
            if is_boundary_before(s, at) {
                best = Some(at);
                break;
            }
            from = at + 1;
        }
        best
    };
    let start = [
        lower_has("https://"),
        lower_has("http://"),
        lower_has("www."),
    ]
    .into_iter()
    .flatten()
    .min()?;
    let tail = &s[start..];
    let len = tail
        .find(|c: char| c.is_whitespace() || c == '<' || c == '>' || c == '"' || c == '”')
        .unwrap_or(tail.len());
    let url = trim_trailing(&tail[..len]);
    (url.len() > 8).then_some((start, start + url.len()))
}

fn find_arxiv(s: &str) -> Option<(usize, usize, String)> {
    let lower = s.to_ascii_lowercase();
    let at = super::text::find(&lower, "arxiv")?;
    let after = &s[at + 5..];
    let mut body = after.trim_start_matches([':', ' ']);
    if body.to_ascii_lowercase().starts_with("preprint") {
        body = body[8..].trim_start_matches([':', ' ']);
        if body.to_ascii_lowercase().starts_with("arxiv") {
            body = body[5..].trim_start_matches([':', ' ']);
        }
    }
    let lead = after.len() - body.len();
    let id_len = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '/' || c == '-'))
        .unwrap_or(body.len());
    let id = body[..id_len].trim_end_matches('.');
    let new_style = id.len() >= 9
        && id.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && id.as_bytes()[4] == b'.';
    let old_style = id.contains('/') && id.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    if !(new_style || old_style) {
        return None;
    }
    let end = at + 5 + lead + id.len();
    let mut end_full = end;
    // A category in brackets after the id, "[hep-lat]".
    let rest = &s[end..];
    let t = rest.trim_start();
    if t.starts_with('[') {
        if let Some(close) = t.find(']') {
            if close < 20 {
                end_full = end + (rest.len() - t.len()) + close + 1;
            }
        }
    }
    Some((at, end_full, id.to_owned()))
}

/// Phrases around online sources that carry no field of their own.
const ONLINE_CUES: &[&str] = &[
    "[online]. available:",
    "[online] available:",
    "[online]. available at:",
    "[online]",
    "available online at:",
    "available online:",
    "available online at",
    "available at:",
    "available at",
    "available from:",
    "available from",
    "available:",
    "retrieved from:",
    "retrieved from",
    "online:",
    "url:",
    "url",
    "doi:",
    "doi.",
    "doi",
];

/// Removes a cue word that directly precedes position `at` in `out`.
fn strip_cue_before(out: &mut String) {
    let trimmed_len = out.trim_end_matches([' ', '<', '(', '[']).len();
    let lower = out[..trimmed_len].to_lowercase();
    for cue in ONLINE_CUES {
        if lower.ends_with(cue) {
            let cut = trimmed_len - cue.len();
            if out.is_char_boundary(cut) {
                out.truncate(cut);
                let t = out.trim_end_matches([' ', ',', ';']).len();
                out.truncate(t);
                return;
            }
        }
    }
    out.truncate(trimmed_len);
}

/// Access-date phrases: "Accessed: Mar. 09, 2023.", "(accessed Mar. 09,
/// 2023)", "Accessed 5 May 2020", "Retrieved March 3, 2020, from",
/// "zuletzt abgerufen am 3.4.2020", "consulté le 3 mars 2020".
fn take_accessed(s: &str) -> Option<(usize, usize, Option<Date>)> {
    const CUES: [&str; 8] = [
        "accessed",
        "retrieved",
        "last visited",
        "abgerufen am",
        "zugegriffen am",
        "consulté le",
        "last accessed",
        "viewed",
    ];
    // ASCII lower-casing keeps byte offsets equal to `s`'s.
    let lower = s.to_ascii_lowercase();
    for cue in CUES {
        if let Some(at) = super::text::find_bytes(lower.as_bytes(), cue.as_bytes()) {
            if !s.is_char_boundary(at) {
                continue;
            }
            let mut start = at;
            // Include an opening bracket just before.
            let before = s[..at].trim_end();
            if before.ends_with('(') || before.ends_with('[') {
                start = before.len() - 1;
            } else if lower[..at].trim_end().ends_with("last") {
                start = lower[..at].trim_end().len() - 4;
            }
            let after = &s[at + cue.len()..];
            let lead = after.len() - after.trim_start_matches([':', ' ', ',']).len();
            let lead = lead
                + if after[lead..].to_lowercase().starts_with("on ") {
                    3
                } else {
                    0
                };
            let body = &after[lead..];
            if let Ok((rest, d)) = tokens::date(body) {
                let mut end = s.len() - rest.len();
                let rest_t = rest.trim_start_matches([',', ' ']);
                if rest_t.to_lowercase().starts_with("from") {
                    end = s.len() - rest_t.len() + 4;
                }
                let r2 = &s[end..];
                if r2.starts_with(')') || r2.starts_with(']') {
                    end += 1;
                }
                return Some((start, end, Some(d)));
            }
        }
    }
    None
}

/// Closes the spaces PDF extraction opens inside a URL's scheme ("http
/// ://", "https: //", "https :/ /"), and separates a scheme glued to a cue
/// word ("URLhttp://"), so [`find_url`] sees one token. `None` when there
/// is nothing to mend, the common case.
fn mend_schemes(raw: &str) -> Option<String> {
    let lower = raw.to_ascii_lowercase();
    if !super::text::contains(&lower, "http") {
        return None;
    }
    let b = lower.as_bytes();
    let mut out = String::with_capacity(raw.len());
    let mut from = 0;
    let mut changed = false;
    let mut i = 0;
    while let Some(k) = super::text::find(&lower[i..], "http") {
        let at = i + k;
        i = at + 4;
        let mut j = at + 4;
        if b.get(j) == Some(&b's') {
            j += 1;
        }
        let scheme_end = j;
        let mut spaced = false;
        let mut expect = [b':', b'/', b'/'].into_iter().peekable();
        while let Some(&want) = expect.peek() {
            match b.get(j) {
                Some(b' ') => {
                    spaced = true;
                    j += 1;
                }
                Some(&c) if c == want => {
                    expect.next();
                    j += 1;
                }
                _ => break,
            }
        }
        if expect.peek().is_some() {
            continue;
        }
        while b.get(j) == Some(&b' ') {
            spaced = true;
            j += 1;
        }
        let glued = at >= 3 && lower[..at].ends_with("url");
        if !(spaced || glued) || j >= b.len() {
            continue;
        }
        out.push_str(&raw[from..at]);
        if glued {
            out.push(' ');
        }
        out.push_str(&raw[at..scheme_end]);
        out.push_str("://");
        from = j;
        i = j;
        changed = true;
    }
    changed.then(|| {
        out.push_str(&raw[from..]);
        out
    })
}

/// Cuts what PDF extraction glues to the end of a DOI: ".URL", ",in press",
/// ",hep-th/…", "[arXiv…". A comma or an unmatched '[' never occurs in the
/// DOIs publishers assign today.
fn trim_doi(doi: &str) -> &str {
    let mut d = doi;
    if let Some(k) = d.find(',') {
        d = &d[..k];
    }
    if let Some(k) = d.find('[') {
        if !d[k..].contains(']') {
            d = &d[..k];
        }
    }
    for junk in [".URL", ".Url", ".url", "URL"] {
        if let Some(t) = d.strip_suffix(junk) {
            d = t;
        }
    }
    trim_trailing(d)
}

/// Takes the identifiers out of `raw`.
pub fn extract(raw: &str) -> Identifiers {
    let mut ids = Identifiers::default();
    let mended = mend_schemes(raw);
    let raw = mended.as_deref().unwrap_or(raw);
    let lower = raw.to_ascii_lowercase();
    ids.video_host = super::text::contains(&lower, "youtube.com")
        || super::text::contains(&lower, "youtu.be")
        || super::text::contains(&lower, "vimeo.com");
    ids.code_host =
        super::text::contains(&lower, "github.com") || super::text::contains(&lower, "gitlab.com");
    let mut s = raw.to_owned();
    // The order matters: a DOI resolver URL is a DOI, not a URL.
    for _ in 0..3 {
        let Some((a, b)) = find_url(&s) else { break };
        let url = s[a..b].to_owned();
        let lu = url.to_ascii_lowercase();
        let mut out = s[..a].to_owned();
        strip_cue_before(&mut out);
        if let Some(k) = super::text::find(&lu, "doi.org/") {
            if ids.doi.is_none() {
                ids.doi = Some(url[k + 8..].to_owned());
            }
        } else if let Some(k) = lu
            .find("arxiv.org/abs/")
            .or_else(|| super::text::find(&lu, "arxiv.org/pdf/"))
        {
            if ids.arxiv.is_none() {
                ids.arxiv = Some(url[k + 14..].trim_end_matches(".pdf").to_owned());
            }
            if ids.url.is_none() {
                ids.url = Some(url);
            }
        } else if ids.url.is_none() {
            ids.url = Some(url);
        }
        let mut tail = &s[b..];
        if tail.starts_with('>') {
            tail = &tail[1..];
        }
        out.push(' ');
        out.push_str(tail);
        s = out;
    }
    if let Some((a, b)) = find_doi(&s) {
        if ids.doi.is_none() {
            ids.doi = Some(s[a..b].to_owned());
        }
        let mut out = s[..a].to_owned();
        strip_cue_before(&mut out);
        out.push(' ');
        out.push_str(&s[b..]);
        s = out;
    }
    if let Some((a, b, id)) = find_arxiv(&s) {
        if ids.arxiv.is_none() {
            ids.arxiv = Some(id);
        }
        let mut out = s[..a].to_owned();
        let t = out.trim_end_matches([' ', '[', '(']).len();
        out.truncate(t);
        out.push(' ');
        let tail = s[b..].trim_start_matches([']', ')']);
        out.push_str(tail);
        s = out;
    }
    if let Some((a, b, d)) = take_accessed(&s) {
        ids.accessed = d;
        let mut out = s[..a].to_owned();
        out.push(' ');
        out.push_str(&s[b..]);
        s = out;
    }
    // Leftover "[Online]" markers and empty brackets.
    for marker in ["[Online]", "[online]", "[Internet]", "<>", "()", "[]"] {
        if s.contains(marker) {
            s = s.replace(marker, " ");
        }
    }
    if let Some(d) = ids.doi.as_mut() {
        *d = trim_doi(d).to_owned();
    }
    ids.rest = s;
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doi_with_prefix_is_bare_and_removed() {
        let ids =
            extract("Nat Mach Intell, vol. 4, no. 3, Mar. 2022, doi: 10.1038/s42256-022-00465-9.");
        assert_eq!(ids.doi.as_deref(), Some("10.1038/s42256-022-00465-9"));
        assert!(!ids.rest.contains("doi"));
        let ids = extract("Title. https://doi.org/10.1145/3442188.3445922");
        assert_eq!(ids.doi.as_deref(), Some("10.1145/3442188.3445922"));
        assert!(ids.url.is_none());
    }

    #[test]
    fn spaced_schemes_and_glued_cues_are_mended() {
        let ids = extract("M. Wolf, Quantum channels, https :/ /www.example.org/notes.pdf.");
        assert_eq!(
            ids.url.as_deref(),
            Some("https://www.example.org/notes.pdf")
        );
        let ids = extract("Peskin, Westview, 1995.URL https: //cds.cern.ch/record/257493");
        assert_eq!(
            ids.url.as_deref(),
            Some("https://cds.cern.ch/record/257493")
        );
        let ids = extract("Representations 7 401. URLhttp ://arxiv.org/abs/quant-ph/0608197v2");
        assert_eq!(ids.arxiv.as_deref(), Some("quant-ph/0608197v2"));
        let ids = extract("Solving, http : // reference.example.com/tutorial.html.");
        assert_eq!(
            ids.url.as_deref(),
            Some("http://reference.example.com/tutorial.html")
        );
        // Not a scheme: left alone.
        assert_eq!(mend_schemes("Smith, HTTP: the protocol. 1999."), None);
        assert_eq!(mend_schemes("ends with http :"), None);
    }

    #[test]
    fn glued_tails_are_cut_from_dois() {
        for (raw, doi) in [
            ("Phys. Rev. X 6 (2016) 011023. doi:10.1103/PhysRevX.6.011023.URL https://link.example.org/x", "10.1103/PhysRevX.6.011023"),
            ("Phys. Lett. B (2017), doi:10.1016/j.physletb.2017.05.070,in press", "10.1016/j.physletb.2017.05.070"),
            ("Class. Quant. Grav. 33 (2016) doi:10.1088/0264-9381/33/5/055008[arXiv:1509.00074]", "10.1088/0264-9381/33/5/055008"),
            ("JHEP 11 (2013) 158. doi:10.1007/JHEP11(2013)158", "10.1007/JHEP11(2013)158"),
        ] {
            assert_eq!(extract(raw).doi.as_deref(), Some(doi), "{raw}");
        }
    }

    #[test]
    fn url_and_access_date() {
        let ids = extract(
            "‘About us’, Hugging Face. https://huggingface.co/about (accessed Mar. 09, 2023).",
        );
        assert_eq!(ids.url.as_deref(), Some("https://huggingface.co/about"));
        let d = ids.accessed.unwrap();
        assert_eq!((d.year, d.month, d.day), (2023, Some(3), Some(9)));
        assert!(!ids.rest.contains("accessed"), "{}", ids.rest);
        let ids = extract("Oct. 07, 2021. Accessed: Mar. 09, 2023. [Online]. Available: https://exchange.scale.com/x");
        assert_eq!(ids.url.as_deref(), Some("https://exchange.scale.com/x"));
        assert!(!ids.rest.contains("Online"), "{}", ids.rest);
        assert!(ids.rest.contains("2021"));
    }

    #[test]
    fn arxiv_ids() {
        let ids = extract("PoS LAT 2009 (2009) 010 [arXiv:1005.0539 [hep-lat]].");
        assert_eq!(ids.arxiv.as_deref(), Some("1005.0539"));
        let ids = extract("Release Strategies. arXiv, 2019. http://arxiv.org/abs/1908.09203");
        assert_eq!(ids.arxiv.as_deref(), Some("1908.09203"));
    }
}
