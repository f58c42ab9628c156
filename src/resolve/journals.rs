//! Journal abbreviations, and the rule that joins terse cited references
//! (`Vargo SL, 2004, J MARKETING, V68, P1`) to each other and to full ones
//! (`Vargo, S.L., …(2004) Journal of Marketing, 68 (1), pp. 1-17`): same
//! first author, same year, same source (a journal matched through its
//! abbreviations), and volume and first page that agree.
//!
//! The abbreviation table is learned from the corpus: a Web of Science
//! record states its journal's full title (`SO`) beside its abbreviations
//! (`J9`, `JI`), a Scopus record its "Abbreviated Source Title"
//! ([`crate::model::DocumentMeta::venue_abbreviations`]). Abbreviations the
//! table lacks are matched by ISO 4's own rule: every word of the
//! abbreviation begins the corresponding word of the title (`J CONSUM RES`
//! = Journal of Consumer Research), or is its contraction with the first
//! letter kept (`GOVT` = Government).

use super::items::ItemKeys;
use super::normalise::{fold, is_stopword};
use super::works::Keys;
use crate::model::Document;
use rayon::prelude::*;
use std::collections::HashMap;

/// Most representatives compared in one author-and-year block; beyond it a
/// block is a name too common to compare all pairs of (cost stays linear).
const BLOCK_CAP: usize = 400;

/// The matching key of a source title: folded, stopwords dropped, so
/// "Journal of Marketing" is `journal marketing` and "J. Mark." `j mark`.
pub fn source_key(title: &str) -> String {
    let folded = fold(title);
    folded
        .split(' ')
        .filter(|w| !w.is_empty() && !is_stopword(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The abbreviation table: abbreviation key → full-title key.
#[derive(Debug, Clone, Default)]
pub struct Journals {
    full_of: HashMap<String, String>,
}

impl Journals {
    /// Learns the table from the documents' metadata (venue and its
    /// abbreviations).
    ///
    /// ```
    /// use citemap::{Document, DocumentMeta, Style};
    /// use citemap::resolve::journals::Journals;
    /// let meta = DocumentMeta { venue: Some("PROCEEDINGS OF THE NATIONAL ACADEMY OF SCIENCES OF THE UNITED STATES OF AMERICA".into()),
    ///     venue_abbreviations: vec!["P NATL ACAD SCI USA".into()], ..DocumentMeta::default() };
    /// let doc = Document { path: "w.txt:1".into(), meta, section: None, sections: vec![], style: Style::Unknown, entries: vec![], notes: vec![] };
    /// let j = Journals::from_documents(&[doc]);
    /// assert!(j.same("P NATL ACAD SCI USA", "Proceedings of the National Academy of Sciences of the United States of America"));
    /// assert!(!j.same("P NATL ACAD SCI USA", "Nature"));
    /// ```
    pub fn from_documents(docs: &[Document]) -> Self {
        let mut full_of = HashMap::new();
        for d in docs {
            let Some(venue) = &d.meta.venue else { continue };
            let full = source_key(venue);
            if full.is_empty() {
                continue;
            }
            for a in &d.meta.venue_abbreviations {
                let k = source_key(a);
                if !k.is_empty() && k != full {
                    full_of.entry(k).or_insert_with(|| full.clone());
                }
            }
        }
        Journals { full_of }
    }

    /// How many abbreviations the table holds.
    pub fn len(&self) -> usize {
        self.full_of.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.full_of.is_empty()
    }

    /// The full-title key for a source key, when the table knows it.
    fn expand<'a>(&'a self, key: &'a str) -> &'a str {
        self.full_of.get(key).map_or(key, String::as_str)
    }

    /// Whether two source keys name the same source.
    pub fn same_keys(&self, a: &str, b: &str) -> bool {
        if a.is_empty() || b.is_empty() {
            return false;
        }
        let (a, b) = (self.expand(a), self.expand(b));
        a == b || abbreviates(a, b) || abbreviates(b, a)
    }

    /// Whether two source titles, as written, name the same source.
    pub fn same(&self, a: &str, b: &str) -> bool {
        self.same_keys(&source_key(a), &source_key(b))
    }
}

/// Whether one word abbreviates another by ISO 4: a prefix of it
/// (`consum` of `consumer`), or a contraction keeping its first letter and
/// its letters in order (`govt` of `government`, `mgmt` of `management`).
fn abbreviates_word(short: &str, long: &str) -> bool {
    if long.starts_with(short) {
        return true;
    }
    let mut s = short.chars();
    let mut l = long.chars();
    if s.next() != l.next() || short.len() < 3 {
        return false;
    }
    let mut rest = l;
    s.all(|c| rest.by_ref().any(|x| x == c))
}

/// Whether source key `short` abbreviates source key `long`: word by word
/// in order; the abbreviation may stop early only when it looks cut at
/// Web of Science's 20 characters.
///
/// ```
/// use citemap::resolve::journals::{abbreviates, source_key};
/// let k = |s| source_key(s);
/// assert!(abbreviates(&k("J CONSUM RES"), &k("Journal of Consumer Research")));
/// assert!(abbreviates(&k("PS-POLIT SCI POLIT"), &k("PS: Political Science & Politics")));
/// assert!(abbreviates(&k("COMPETITIVE STRATEG"), &k("Competitive Strategy")));
/// assert!(!abbreviates(&k("J MARKETING"), &k("Journal of Marketing Research")));
/// assert!(!abbreviates(&k("J MARKET RES"), &k("Journal of Marketing")));
/// ```
pub fn abbreviates(short: &str, long: &str) -> bool {
    let s: Vec<&str> = short.split(' ').filter(|w| !w.is_empty()).collect();
    let l: Vec<&str> = long.split(' ').filter(|w| !w.is_empty()).collect();
    if s.is_empty() || s.len() > l.len() {
        return false;
    }
    // WoS cuts sources at 20 characters; folding drops some of them.
    let cut = short.len() >= 17;
    if s.len() < l.len() && !cut {
        return false;
    }
    s.iter().zip(&l).all(|(a, b)| abbreviates_word(a, b))
}

/// The author-and-year key of a reference's keys: folded family name with
/// spaces and hyphens dropped, and the year.
fn block_key(k: &Keys) -> Option<(String, i32)> {
    let a: String = k
        .author
        .as_deref()?
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    (!a.is_empty() && a != "anonymous").then_some((a, k.year?))
}

/// A first page as compared: lower case, and "1" of a work without a
/// volume is no page (WoS writes `P1` for whole books).
fn page_of(k: &Keys) -> Option<String> {
    let p = k.first_page.as_deref()?.to_ascii_lowercase();
    (!(p == "1" && k.volume.is_none())).then_some(p)
}

/// Whether two references (same first author and year) are the same work
/// by their source and locators, and how strongly.
pub fn same_by_locator(a: &Keys, b: &Keys, journals: &Journals) -> Option<f32> {
    if let (Some(x), Some(y)) = (&a.doi, &b.doi) {
        if x != y {
            return None;
        }
    }
    // Two titled references are the title rule's to judge: by locators
    // alone, two blog posts of one author, year and site would be one.
    if a.title.is_some() && b.title.is_some() {
        return None;
    }
    let (sa, sb) = (a.source.as_deref()?, b.source.as_deref()?);
    let vol = match (&a.volume, &b.volume) {
        (Some(x), Some(y)) if !x.eq_ignore_ascii_case(y) => return None,
        (Some(_), Some(_)) => Some(true),
        (None, None) => None,
        _ => Some(false),
    };
    let page = match (page_of(a), page_of(b)) {
        (Some(x), Some(y)) if x != y => return None,
        (Some(_), Some(_)) => Some(true),
        (None, None) => None,
        _ => Some(false),
    };
    let long_sources = sa.len() >= 8 && sb.len() >= 8;
    let no_volume = a.volume.is_none() && b.volume.is_none();
    let whole = |k: &Keys| k.title.is_none() || k.container.is_none();
    let untitled = whole(a) && whole(b);
    let score = match (vol, page) {
        (Some(true), Some(true)) => 1.0,
        (Some(true), None) | (None, Some(true)) => 0.95,
        // The same first page, the volume left out on one side.
        (Some(false), Some(true)) => 0.9,
        // Neither gives a volume or a page (a book, a report): the source,
        // which is then the work's title, must carry it alone, so neither
        // may be a titled piece inside that source (a site's home page and
        // one of its pages share author, year and site, yet are two works).
        (None, None) if long_sources && untitled => 0.9,
        // A book cited once whole and once at a page (WoS gives the page
        // cited, not the first page, for books).
        (None, Some(false)) if no_volume && long_sources && untitled => 0.85,
        _ => return None,
    };
    journals.same_keys(sa, sb).then_some(score)
}

/// Pairs of items joined by [`same_by_locator`], compared only inside
/// blocks of one first author and year: identical locators join directly,
/// and each distinct one is compared with the block's representatives.
pub(crate) fn locator_pairs(keys: &ItemKeys, journals: &Journals) -> Vec<(u32, u32, f32)> {
    let mut blocks: super::FastMap<(String, i32), Vec<u32>> = super::FastMap::default();
    for (i, k) in keys.iter().enumerate() {
        let Some(k) = k else { continue };
        if k.source.is_none() {
            continue;
        }
        if let Some(b) = block_key(k) {
            blocks.entry(b).or_default().push(i as u32);
        }
    }
    let blocks: Vec<Vec<u32>> = blocks.into_values().filter(|b| b.len() > 1).collect();
    let key = |i: u32| keys.get(i).expect("blocked items have keys");
    blocks
        .par_iter()
        .flat_map_iter(|block| {
            let mut pairs = Vec::new();
            let mut exact: super::FastMap<(&str, Option<&str>, Option<&str>), u32> =
                super::FastMap::default();
            let mut reps: Vec<u32> = Vec::new();
            for &i in block {
                let k = key(i);
                let id = (
                    k.source.as_deref().unwrap_or(""),
                    k.volume.as_deref(),
                    k.first_page.as_deref(),
                );
                // Identical source, volume and page join directly, but only
                // where there is a volume or page to be identical: the
                // source alone is judged by `same_by_locator`.
                let located = k.volume.is_some() || k.first_page.is_some();
                if let (Some(&r), true) = (exact.get(&id), located) {
                    if k.doi.is_none() || key(r).doi.is_none() || k.doi == key(r).doi {
                        pairs.push((r, i, 1.0));
                        continue;
                    }
                }
                match reps
                    .iter()
                    .find_map(|&r| same_by_locator(key(r), k, journals).map(|s| (r, s)))
                {
                    Some((r, s)) => pairs.push((r, i, s)),
                    None if reps.len() < BLOCK_CAP => {
                        reps.push(i);
                        exact.insert(id, i);
                    }
                    None => {}
                }
            }
            pairs
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::terse::{scopus, wos};

    fn k(r: crate::model::Reference) -> Keys {
        Keys::of(&r)
    }

    #[test]
    fn wos_and_scopus_forms_join() {
        let j = Journals::default();
        let a = k(wos(
            "Vargo SL, 2004, J MARKETING, V68, P1, DOI 10.1509/jmkg.68.1.1.24036",
        ));
        let b = k(scopus("Vargo, S.L., Lusch, R.F., Evolving to a new dominant logic for marketing (2004) Journal of Marketing, 68 (1), pp. 1-17"));
        assert_eq!(same_by_locator(&a, &b, &j), Some(1.0));
        // Another journal, another page, or another volume: different works.
        let c = k(wos("Vargo SL, 2004, J MARKET RES, V68, P1"));
        assert_eq!(same_by_locator(&a, &c, &j), None);
        let d = k(wos("Vargo SL, 2004, J MARKETING, V68, P12"));
        assert_eq!(same_by_locator(&a, &d, &j), None);
        // Books: the truncated WoS source against Scopus's title.
        let e = k(wos("PORTER ME, 1980, COMPETITIVE STRATEG"));
        let f = k(scopus(
            "Porter, M.E., (1980) Competitive Strategy, New York: Free Press",
        ));
        assert!(same_by_locator(&e, &f, &j).is_some());
        // A journal article without locators is not joined to one with them.
        let g = k(wos("Smith J, 2010, NATURE"));
        let h = k(wos("Smith J, 2010, NATURE, V465, P10"));
        assert_eq!(same_by_locator(&g, &h, &j), None);
    }

    #[test]
    fn contractions() {
        assert!(abbreviates_word("govt", "government"));
        assert!(abbreviates_word("manage", "management"));
        assert!(!abbreviates_word("res", "quarterly"));
    }
}
