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
