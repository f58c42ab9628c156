//! Matching keys for titles, names, URLs and DOIs.
//!
//! Every key is built from text folded the same way: Unicode compatibility
//! decomposition, accents dropped, lower case, punctuation turned into single
//! spaces. "Kjösen" and "Kjosen", "‘Democratizing AI’" and "Democratizing AI"
//! give the same key.

use unicode_normalization::char::is_combining_mark;

/// Folds text for matching: NFKD, accents removed, lower case, every run of
/// non-alphanumeric characters turned into one space, trimmed.
///
/// ```
/// use citemap::resolve::normalise::fold;
/// assert_eq!(fold("Kjösen, Atle—Mikkola"), "kjosen atle mikkola");
/// assert_eq!(fold("‘Democratizing AI’"), "democratizing ai");
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut push = |c: char| {
        if is_combining_mark(c) {
            return;
        }
        // Letters NFKD does not decompose but readers treat as plain ones.
        let mapped: &str = match c {
            'ß' => "ss",
            'æ' | 'Æ' => "ae",
            'œ' | 'Œ' => "oe",
            'ø' | 'Ø' => "o",
            'đ' | 'Đ' => "d",
            'ł' | 'Ł' => "l",
            'þ' | 'Þ' => "th",
            'ı' => "i",
            // Apostrophes join a word rather than split it ("O'Neil", "Let's").
            '\'' | '’' | 'ʼ' => return,
            _ => "",
        };
        if !mapped.is_empty() || c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            if mapped.is_empty() {
                out.extend(c.to_lowercase());
            } else {
                out.push_str(mapped);
            }
        } else {
            pending_space = true;
        }
    };
    for ch in text.chars() {
        // Most text is ASCII, which compatibility decomposition leaves alone.
        if ch.is_ascii() {
            push(ch);
        } else {
            unicode_normalization::char::decompose_compatible(ch, &mut push);
        }
    }
    out
}

/// Words that carry no identity in a title.
const STOPWORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "on", "in", "to", "for", "with", "by", "at", "from", "is",
    "as", "its", "it", "be", "are", "la", "le", "les", "de", "der", "die", "das", "und", "du",
];

/// Whether a folded word is a stopword.
pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(&word)
}

/// The folded title, used for exact and fuzzy title comparison.
///
/// ```
/// use citemap::resolve::normalise::title_key;
/// assert_eq!(
///     title_key("Democratizing AI. For Every Person and Every Organization."),
///     "democratizing ai for every person and every organization"
/// );
/// ```
pub fn title_key(title: &str) -> String {
    fold(title)
}

/// The content words of a folded title (stopwords dropped), in order.
pub fn title_tokens(key: &str) -> Vec<&str> {
    key.split(' ')
        .filter(|w| !w.is_empty() && !is_stopword(w))
        .collect()
}

/// A bare, lower-cased DOI from any of the ways it is written
/// ("doi: 10…", "https://doi.org/10…", "DOI 10…"), or `None` when the text
/// holds no DOI.
///
/// ```
/// use citemap::resolve::normalise::doi_key;
/// assert_eq!(doi_key("https://doi.org/10.1038/S42256-022-00465-9."), Some("10.1038/s42256-022-00465-9".into()));
/// assert_eq!(doi_key("not a doi"), None);
/// ```
pub fn doi_key(text: &str) -> Option<String> {
    let lower = text.trim().to_lowercase();
    let start = lower.find("10.")?;
    let rest: String = lower[start..]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let trimmed = rest.trim_end_matches(['.', ',', ';', ')', ']', '>']);
    let (prefix, suffix) = trimmed.split_once('/')?;
    if prefix.len() < 4
        || suffix.is_empty()
        || !prefix[3..].chars().all(|c| c.is_ascii_digit() || c == '.')
    {
        return None;
    }
    Some(trimmed.to_owned())
}

/// The DOI arXiv assigns to a preprint id ("2403.12774v2" →
/// "10.48550/arxiv.2403.12774"), so an arXiv URL, an arXiv id and an arXiv
/// DOI all give the same key.
pub fn arxiv_doi(id: &str) -> Option<String> {
    let id = id.trim().to_lowercase();
    let id = id.strip_prefix("arxiv:").unwrap_or(&id).trim();
    let id = match id.rfind('v') {
        Some(v) if v > 0 && id[v + 1..].chars().all(|c| c.is_ascii_digit()) && v + 1 < id.len() => {
            &id[..v]
        }
        _ => id,
    };
    let ok =
        id.len() >= 9 && id.contains('.') && id.chars().all(|c| c.is_ascii_digit() || c == '.');
    ok.then(|| format!("10.48550/arxiv.{id}"))
}

/// Query parameters that track a visit and say nothing about the page.
fn is_tracking_param(param: &str) -> bool {
    let name = param.split('=').next().unwrap_or("");
    name.starts_with("utm_") || matches!(name, "sh" | "fbclid" | "gclid" | "ref" | "source")
}

/// A URL reduced to what identifies the page: whitespace from PDF line breaks
/// removed, scheme, "www.", fragment, tracking parameters, "index.html" and
/// trailing slashes dropped, lower case.
///
/// ```
/// use citemap::resolve::normalise::url_key;
/// assert_eq!(
///     url_key("https://news.microsoft.com/features/democratizing-a i/"),
///     url_key("<https://news.microsoft.com/features/democratizing-ai/>.")
/// );
/// assert_eq!(url_key("https://danieljeffries.substack.com/p/lets-speed-up-ai ?utm_medium=email").as_deref(),
///            Some("danieljeffries.substack.com/p/lets-speed-up-ai"));
/// ```
pub fn url_key(url: &str) -> Option<String> {
    let joined: String = url
        .trim()
        .trim_start_matches('<')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let joined = joined.trim_end_matches(['.', ',', ';', '>', ')']);
    let lower = joined.to_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .unwrap_or(&lower);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let rest = rest.split('#').next().unwrap_or("");
    let (path, query) = match rest.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (rest, None),
    };
    let path = path.strip_suffix("index.html").unwrap_or(path);
    let path = path.trim_end_matches('/');
    if path.is_empty() || !path.contains('.') {
        return None;
    }
    let mut key = path.to_owned();
    if let Some(q) = query {
        let kept: Vec<&str> = q
            .split('&')
            .filter(|p| !p.is_empty() && !is_tracking_param(p))
            .collect();
        if !kept.is_empty() {
            key.push('?');
            key.push_str(&kept.join("&"));
        }
    }
    Some(key)
}

/// The host of a URL key ("huggingface.co/docs" → "huggingface.co").
pub fn url_host(key: &str) -> &str {
    key.split(['/', '?']).next().unwrap_or(key)
}

/// The arXiv id in an arXiv URL key ("arxiv.org/abs/1908.09203").
pub fn arxiv_from_url(key: &str) -> Option<String> {
    let rest = key
        .strip_prefix("arxiv.org/abs/")
        .or_else(|| key.strip_prefix("arxiv.org/pdf/"))?;
    arxiv_doi(rest.trim_end_matches(".pdf"))
}

/// The key of a person: folded family name and the first initial of the
/// given name, so "Apprich, Clemens" and "C. Apprich" meet.
///
/// ```
/// use citemap::resolve::normalise::person_key;
/// assert_eq!(person_key("Apprich", Some("Clemens")), person_key("Apprich", Some("C.")));
/// assert_eq!(person_key("Kjösen", Some("Atle Mikkola")), "kjosen|a");
/// ```
pub fn person_key(family: &str, given: Option<&str>) -> String {
    let fam = fold(family);
    let initial = given
        .map(fold)
        .and_then(|g| g.chars().next())
        .map(String::from)
        .unwrap_or_default();
    format!("{fam}|{initial}")
}

/// Words naming a unit, channel or site of an organisation rather than the
/// organisation: "Google AI", "Google Cloud" and "Google Developers" are all
/// Google; "Microsoft News Center" and "Microsoft Features" are Microsoft.
const ORG_UNIT_WORDS: &[&str] = &[
    "ai",
    "cloud",
    "developers",
    "developer",
    "blog",
    "news",
    "center",
    "centre",
    "newsroom",
    "features",
    "learn",
    "research",
    "labs",
    "lab",
    "inc",
    "ltd",
    "llc",
    "corp",
    "corporation",
    "official",
    "website",
    "team",
    "docs",
    "documentation",
    "hub",
];

/// The family key of an organisation: folded, unit words stripped from the
/// end, spaces removed, so "Hugging Face", "Hugging Face Blog" and the host
/// "huggingface.co" share "huggingface". A name that is nothing but unit
/// words keeps its folded form.
///
/// ```
/// use citemap::resolve::normalise::org_family_key;
/// assert_eq!(org_family_key("Google AI"), org_family_key("Google Developers"));
/// assert_eq!(org_family_key("Hugging Face"), "huggingface");
/// assert_ne!(org_family_key("Partnership on AI"), org_family_key("Google AI"));
/// ```
pub fn org_family_key(name: &str) -> String {
    let folded = fold(name);
    let mut words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    while words.len() > 1 && words.last().is_some_and(|w| ORG_UNIT_WORDS.contains(w)) {
        // "Partnership on AI": stripping would leave a dangling "on".
        if words.len() >= 2 && is_stopword(words[words.len() - 2]) {
            break;
        }
        words.pop();
    }
    words.concat()
}

/// The organisation a host belongs to ("huggingface.co" → "huggingface"):
/// the label before the public suffix.
pub fn host_family_key(host: &str) -> String {
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    let n = labels.len();
    let pick = if n >= 3 && matches!(labels[n - 2], "co" | "com" | "ac" | "org" | "gov") {
        labels[n - 3]
    } else if n >= 2 {
        labels[n - 2]
    } else {
        labels.first().copied().unwrap_or("")
    };
    fold(pick).replace(' ', "")
}

/// The key of a venue (journal, site, proceedings): folded, a leading "the"
/// dropped, so "*WIRED*" and "Wired" meet.
pub fn venue_key(name: &str) -> String {
    let folded = fold(name);
    folded
        .strip_prefix("the ")
        .map(str::to_owned)
        .unwrap_or(folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_joins_apostrophes_and_splits_punctuation() {
        assert_eq!(fold("O’Neil, Cathy"), "oneil cathy");
        assert_eq!(fold("Dyer-Witheford"), "dyer witheford");
        assert_eq!(fold("  "), "");
    }

    #[test]
    fn doi_forms_meet() {
        let a = doi_key("doi: 10.1145/3442188.3445922.");
        let b = doi_key("https://doi.org/10.1145/3442188.3445922");
        assert!(a.is_some());
        assert_eq!(a, b);
        assert_eq!(doi_key("10.x/abc"), None);
    }

    #[test]
    fn arxiv_forms_meet() {
        assert_eq!(
            arxiv_doi("2209.00626v3"),
            doi_key("doi: 10.48550/arXiv.2209.00626")
        );
        assert_eq!(
            arxiv_from_url(&url_key("http://arxiv.org/abs/1908.09203").unwrap()),
            arxiv_doi("1908.09203")
        );
        assert_eq!(arxiv_doi("v2"), None);
    }

    #[test]
    fn url_keys() {
        assert_eq!(
            url_key("https://huggingface.co").as_deref(),
            Some("huggingface.co")
        );
        assert_eq!(
            url_key("https://www.wired.com/2015/11/x/").as_deref(),
            Some("wired.com/2015/11/x")
        );
        assert_eq!(
            url_key("https://www.youtube.com/watch?v=Y2VF8tmLFHw").as_deref(),
            Some("youtube.com/watch?v=y2vf8tmlfhw")
        );
        assert_eq!(url_key("#"), None);
        assert_eq!(url_key(""), None);
    }

    #[test]
    fn hosts_give_organisations() {
        assert_eq!(
            host_family_key("huggingface.co"),
            org_family_key("Hugging Face")
        );
        assert_eq!(host_family_key("news.bbc.co.uk"), "bbc");
        assert_eq!(host_family_key(""), "");
    }

    #[test]
    fn org_families() {
        assert_eq!(org_family_key("Google Cloud"), "google");
        assert_eq!(org_family_key("Meta AI"), org_family_key("Meta"));
        assert_eq!(
            org_family_key("Microsoft News Center"),
            org_family_key("Microsoft Features")
        );
        assert_eq!(org_family_key("AI"), "ai");
    }
}
