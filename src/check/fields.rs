//! Which fields each type of work needs for a reader to find it.

use crate::model::{Reference, WorkType};

/// The fields `reference` lacks for its type, as readable names
/// ("publisher", "volume or pages"). Empty for a complete reference and for
/// `WorkType::Other`, where nothing is known to be required.
///
/// ```
/// use citemap::{Reference, WorkType};
/// let r = Reference { kind: WorkType::Book, title: Some("T".into()), ..Reference::default() };
/// assert_eq!(citemap::check::missing_fields(&r), ["publisher", "year"]);
/// ```
pub fn missing_fields(r: &Reference) -> Vec<&'static str> {
    let has = |o: &Option<String>| o.as_deref().is_some_and(|s| !s.trim().is_empty());
    let year = r.issued.is_some();
    let located = has(&r.url) || has(&r.doi) || has(&r.arxiv);
    let mut missing = Vec::new();
    let mut need = |ok: bool, name: &'static str| {
        if !ok {
            missing.push(name);
        }
    };
    if r.kind != WorkType::Other {
        need(has(&r.title) || has(&r.container_title), "title");
    }
    match r.kind {
        WorkType::Book => {
            need(has(&r.publisher), "publisher");
            need(year, "year");
        }
        WorkType::Chapter => {
            need(has(&r.container_title), "container");
            need(has(&r.publisher), "publisher");
            need(year, "year");
        }
        WorkType::ArticleJournal => {
            need(has(&r.container_title), "container");
            need(year, "year");
            need(has(&r.volume) || has(&r.pages), "volume or pages");
        }
        WorkType::ArticleMagazine | WorkType::ArticleNewspaper | WorkType::PaperConference => {
            need(has(&r.container_title), "container");
            need(year, "year");
        }
        WorkType::Webpage => {
            need(has(&r.url), "URL");
            need(r.accessed.is_some() || year, "access date or year");
        }
        WorkType::Report | WorkType::Thesis => {
            need(has(&r.publisher) || located, "publisher or institution");
            need(year, "year");
        }
        WorkType::Video | WorkType::Software | WorkType::Dataset | WorkType::Preprint => {
            need(
                located || has(&r.publisher) || has(&r.container_title),
                "URL, DOI or publisher",
            );
            need(year || r.accessed.is_some(), "year");
        }
        WorkType::Other => {}
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    fn r(kind: WorkType) -> Reference {
        Reference {
            kind,
            title: Some("A title".into()),
            ..Reference::default()
        }
    }

    #[test]
    fn journal_article_needs_volume_or_pages() {
        let mut a = r(WorkType::ArticleJournal);
        a.container_title = Some("Big Data & Society".into());
        a.issued = Some(Date::year(2023));
        assert_eq!(missing_fields(&a), ["volume or pages"]);
        a.pages = Some("1-20".into());
        assert!(missing_fields(&a).is_empty());
    }

    #[test]
    fn web_page_needs_url_and_date() {
        let mut w = r(WorkType::Webpage);
        assert_eq!(missing_fields(&w), ["URL", "access date or year"]);
        w.url = Some("https://ai.google/".into());
        w.accessed = Some(Date::year(2023));
        assert!(missing_fields(&w).is_empty());
    }

    #[test]
    fn other_needs_nothing() {
        assert!(missing_fields(&Reference::default()).is_empty());
    }
}

/// The fields `entry` lacks: [`missing_fields`] of its parsed reference,
/// less those its raw text plainly has ("pp. 4-5", "2019", "https://…")
/// but the parser did not pick up. A missing field is one the entry does
/// not carry, not one the parser missed.
pub fn missing_in_entry(entry: &crate::model::Entry) -> Vec<&'static str> {
    let Some(r) = entry.reference() else {
        return Vec::new();
    };
    let raw: &str = &entry.raw;
    let lower = raw.to_lowercase();
    missing_fields(r)
        .into_iter()
        .filter(|field| match *field {
            "year" => !has_year(raw),
            "volume or pages" => {
                !(lower.contains("vol.")
                    || lower.contains("pp.")
                    || lower.contains("p. ")
                    || has_number_range(raw))
            }
            "URL" => !(lower.contains("http") || lower.contains("www.")),
            "access date or year" => !(lower.contains("accessed") || has_year(raw)),
            "publisher" | "publisher or institution" => !has_publisher(raw),
            _ => true,
        })
        .collect()
}

/// A publisher the parser may have folded into the editors: "…, edited by
/// Andreas Sudmann. transcript, 2019", or a word only publishers use.
fn has_publisher(raw: &str) -> bool {
    const WORDS: &[&str] = &[
        "Press",
        "Publish",
        "Verlag",
        "Books",
        "Institute",
        "Editions",
    ];
    if WORDS.iter().any(|w| raw.contains(w)) {
        return true;
    }
    let Some(at) = raw.find("edited by ") else {
        return false;
    };
    let after = &raw[at..];
    let Some(stop) = after.find(". ") else {
        return false;
    };
    let segment = &after[stop + 2..];
    match segment.find(',') {
        Some(comma) => comma > 1 && has_year(&segment[comma..]),
        None => false,
    }
}

fn has_year(raw: &str) -> bool {
    raw.as_bytes().windows(4).enumerate().any(|(i, w)| {
        w.iter().all(u8::is_ascii_digit)
            && matches!(w[0], b'1' | b'2')
            && (i == 0 || !raw.as_bytes()[i - 1].is_ascii_digit())
            && raw
                .as_bytes()
                .get(i + 4)
                .is_none_or(|b| !b.is_ascii_digit())
    })
}

/// "610-623", "12–19": pages the parser may have left in another field.
fn has_number_range(raw: &str) -> bool {
    let chars: Vec<char> = raw.chars().collect();
    chars
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && matches!(w[1], '-' | '–' | '—') && w[2].is_ascii_digit())
}

#[cfg(test)]
mod entry_tests {
    use super::*;
    use crate::model::{Date, Entry, Outcome, Span, Style};

    fn entry(raw: &str, r: Reference) -> Entry {
        Entry {
            span: Span::default(),
            label: None,
            marker: None,
            raw: raw.into(),
            style: Style::Mla,
            outcome: Outcome::Parsed {
                reference: r.into(),
                confidence: 0.9,
            },
        }
    }

    #[test]
    fn raw_evidence_overrides_a_parser_miss() {
        let r = Reference {
            kind: WorkType::ArticleJournal,
            title: Some("On Nonscalability".into()),
            container_title: Some("Common Knowledge".into()),
            issued: Some(Date::year(2012)),
            ..Reference::default()
        };
        let with_pages = entry("Tsing, Anna. \"On Nonscalability.\" *Common Knowledge*, vol. 18, no. 3, 2012, pp. 505-524.", r.clone());
        assert!(missing_in_entry(&with_pages).is_empty());
        let chapter = Reference {
            kind: WorkType::Chapter,
            title: Some("Mapping".into()),
            container_title: Some("The Democratization of AI".into()),
            issued: Some(Date::year(2019)),
            ..Reference::default()
        };
        let folded = entry("Burkhardt, Marcus. \"Mapping.\" *The Democratization of AI*, edited by Andreas Sudmann. transcript, 2019, pp. 209-221.", chapter);
        assert!(missing_in_entry(&folded).is_empty());
        let without = entry(
            "Ito, Joichi. \"Resisting Reduction.\" *Journal of Design and Science*, 2018",
            r,
        );
        assert_eq!(missing_in_entry(&without), ["volume or pages"]);
    }
}
