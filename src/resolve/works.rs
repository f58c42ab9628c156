//! Which entries name the same work: DOI, then URL, then a blocked fuzzy
//! match of title, first author and year, joined with union-find.

use super::items::ItemKeys;
use super::normalise::{
    arxiv_doi, arxiv_from_url, doi_key, fold, title_key, title_tokens, url_host, url_key, venue_key,
};
use super::FastMap;
use super::{EntryRef, Evidence, Merge, Options, Rule, Work, WorkId};
use crate::model::{Document, Reference};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;
use std::sync::Arc;

/// A block larger than this holds a common word, not a rare one; it is
/// skipped so that cost stays near-linear.
const BLOCK_CAP: usize = 400;
/// How many of a title's rarest words become blocking keys (more tolerates
/// more typos).
const RARE_WORDS: usize = 3;
/// Below this title similarity two entries with the same URL are kept apart
/// (a site's home page cited for two different things), and so are two
/// entries with the same DOI and different first authors (a run-on entry
/// that swallowed the next entry's DOI).
const ID_TITLE_FLOOR: f64 = 0.4;

/// Whether two entries sharing an identifier contradict each other too much
/// to be joined by it: dissimilar titles, and for a DOI also different first
/// authors.
fn identifier_conflict(a: &Keys, b: &Keys, author_counts: bool) -> bool {
    // Terse references (database exports) have no title to compare, and
    // their DOIs are sometimes another work's: a different first author, a
    // year more than one apart or another volume keeps them apart.
    if author_counts && (a.title.is_none() || b.title.is_none()) {
        let authors_differ =
            matches!((&a.author, &b.author), (Some(x), Some(y)) if !names_agree(x, y));
        let years_differ = matches!((a.year, b.year), (Some(x), Some(y)) if (x - y).abs() > 1);
        let volumes_differ = matches!((&a.volume, &b.volume),
            (Some(x), Some(y)) if !x.eq_ignore_ascii_case(y));
        if authors_differ || years_differ || volumes_differ {
            return true;
        }
    }
    let titles_differ = matches!((&a.title, &b.title),
        (Some(x), Some(y)) if title_similarity(x, y) < ID_TITLE_FLOOR);
    let authors_agree = match (&a.author, &b.author) {
        (Some(x), Some(y)) => names_agree(x, y),
        _ => false,
    };
    titles_differ && !(author_counts && authors_agree)
}

/// The matching keys of one reference. Its strings are shared: the keys of
/// a large corpus (an export of 5M cited references) meet a few thousand
/// authors, volumes and sources many times over
/// ([`super::items`] interns them).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Keys {
    /// Bare lower-case DOI (arXiv ids as their DOI).
    pub doi: Option<Arc<str>>,
    /// Normalised URL.
    pub url: Option<Arc<str>>,
    /// Folded title.
    pub title: Option<Arc<str>>,
    /// Folded family name (or whole literal) of the first author.
    pub author: Option<Arc<str>>,
    /// Year of issue.
    pub year: Option<i32>,
    /// Folded container title.
    pub container: Option<Arc<str>>,
    /// The volume, as written.
    pub volume: Option<Arc<str>>,
    /// The first page, as written ("1" of "1-17").
    pub first_page: Option<Arc<str>>,
    /// The source key ([`super::journals::source_key`]) of the container, or
    /// of the title of a work with none (a book): what the locator rule
    /// compares across abbreviations.
    pub source: Option<Arc<str>>,
}

impl Keys {
    /// The keys of a reference.
    ///
    /// ```
    /// use citemap::{Reference, Person};
    /// use citemap::resolve::works::Keys;
    /// let r = Reference { url: Some("http://arxiv.org/abs/1908.09203".into()),
    ///                     authors: vec![Person::new("Solaiman", Some("I."))], ..Default::default() };
    /// let k = Keys::of(&r);
    /// assert_eq!(k.doi.as_deref(), Some("10.48550/arxiv.1908.09203"));
    /// assert_eq!(k.author.as_deref(), Some("solaiman"));
    /// ```
    pub fn of(r: &Reference) -> Keys {
        let url = r.url.as_deref().and_then(url_key);
        let doi = r
            .doi
            .as_deref()
            .and_then(doi_key)
            .or_else(|| r.arxiv.as_deref().and_then(arxiv_doi))
            .or_else(|| {
                let u = url.as_deref()?;
                if url_host(u).ends_with("doi.org") {
                    doi_key(u)
                } else {
                    arxiv_from_url(u)
                }
            });
        let nonempty = |s: String| (!s.is_empty()).then(|| Arc::from(s));
        Keys {
            doi: doi.map(Arc::from),
            url: url.map(Arc::from),
            title: r.title.as_deref().map(title_key).and_then(nonempty),
            author: r
                .authors
                .first()
                .map(|p| fold(&p.full_family()))
                .and_then(nonempty),
            year: r.year(),
            container: r
                .container_title
                .as_deref()
                .map(venue_key)
                .and_then(nonempty),
            volume: r
                .volume
                .as_deref()
                .map(str::trim)
                .and_then(|v| nonempty(v.to_owned())),
            first_page: r
                .pages
                .as_deref()
                .and_then(|p| p.split(['-', '–', ',']).next())
                .map(str::trim)
                .and_then(|p| nonempty(p.to_owned())),
            source: r
                .container_title
                .as_deref()
                .or(r.title.as_deref())
                .map(super::journals::source_key)
                .and_then(nonempty),
        }
    }
}

/// How alike two folded titles are, 0.0–1.0: the better of character-bigram
/// similarity and its mean with content-word overlap, and 0.9 when one title
/// is the other with a subtitle added.
///
/// ```
/// use citemap::resolve::works::title_similarity;
/// let s = title_similarity("democratizing ai for every person and every organization",
///                          "democratizing ai for every person and organization");
/// assert!(s > 0.9);
/// assert!(title_similarity("about", "about us") < 0.88);
/// ```
pub fn title_similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    let chars = strsim::sorensen_dice(a, b);
    let ta: HashSet<&str> = title_tokens(a).into_iter().collect();
    let tb: HashSet<&str> = title_tokens(b).into_iter().collect();
    let words = if ta.is_empty() || tb.is_empty() {
        0.0
    } else {
        2.0 * ta.intersection(&tb).count() as f64 / (ta.len() + tb.len()) as f64
    };
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let subtitle = if title_tokens(short).len() >= 3
        && long.starts_with(short)
        && long.as_bytes().get(short.len()) == Some(&b' ')
    {
        0.9
    } else {
        0.0
    };
    chars.max((chars + words) / 2.0).max(subtitle)
}

/// How much lower the title threshold is when first author and year agree.
const VOUCHED_EASING: f64 = 0.08;

/// Whether two folded family names are one name, allowing a typo: close by
/// Jaro-Winkler, or at most one edit in five letters (Damerau-Levenshtein,
/// so a dropped or swapped letter near the start counts too).
pub fn names_agree(a: &str, b: &str) -> bool {
    a == b
        || strsim::jaro_winkler(a, b) >= 0.88
        || strsim::normalized_damerau_levenshtein(a, b) >= 0.8
}

/// Whether two titles' lengths leave [`title_similarity`] any chance of
/// reaching `threshold`: bigram overlap is bounded by the length ratio `r`
/// (at most 2r/(1+r)), and word overlap by 1. Skips most blocked candidate
/// pairs without building bigram sets.
fn within_reach(a: &str, b: &str, threshold: f64) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.starts_with(short) {
        return true;
    }
    let r = short.len() as f64 / long.len().max(1) as f64;
    let chars = 2.0 * r / (1.0 + r);
    (chars + 1.0) / 2.0 >= threshold
}

/// A title too short to identify a work on its own ("About", "Hugging Face").
fn is_short(title: &str) -> bool {
    title.len() < 15 || title_tokens(title).len() < 3
}

/// Whether two references are the same work by the title rule, and how
/// strongly: `Some(score)` or `None`.
///
/// Years more than one apart, different first authors or different DOIs
/// veto a merge. A similar title must be backed by the same first author,
/// year or container, unless it is near-identical; a short title must be
/// identical and backed by the same author or container.
pub fn same_by_title(a: &Keys, b: &Keys, threshold: f64) -> Option<f32> {
    let (ta, tb) = (a.title.as_deref()?, b.title.as_deref()?);
    if let (Some(x), Some(y)) = (&a.doi, &b.doi) {
        if x != y {
            return None;
        }
    }
    let year_equal = match (a.year, b.year) {
        (Some(x), Some(y)) if (x - y).abs() > 1 => return None,
        (Some(x), Some(y)) => x == y,
        _ => false,
    };
    let author_equal = match (&a.author, &b.author) {
        (Some(x), Some(y)) if names_agree(x, y) => true,
        (Some(_), Some(_)) => return None,
        _ => false,
    };
    let container_equal = matches!((&a.container, &b.container), (Some(x), Some(y)) if x == y);
    // The same first author and the same year together vouch for a title
    // with a typo or two that similarity alone would not.
    let vouched = author_equal && year_equal;
    if is_short(ta) || is_short(tb) {
        if ta == tb {
            return (author_equal || container_equal).then_some(1.0);
        }
        let worded = title_tokens(ta).len() >= 2 && title_tokens(tb).len() >= 2;
        if !(vouched && worded && within_reach(ta, tb, threshold)) {
            return None;
        }
        let score = title_similarity(ta, tb);
        return (score >= threshold).then_some(score as f32);
    }
    let threshold = if vouched {
        threshold - VOUCHED_EASING
    } else {
        threshold
    };
    if !within_reach(ta, tb, threshold) {
        return None;
    }
    let score = title_similarity(ta, tb);
    let backed = author_equal || year_equal || container_equal || score >= 0.97;
    (score >= threshold && backed).then_some(score as f32)
}

/// Union-find over entries with "different" constraints and a log of the
/// joins that happened.
struct Joiner {
    parent: Vec<u32>,
    apart: Vec<(u32, u32)>,
    merges: Vec<(u32, u32, Evidence)>,
}

impl Joiner {
    fn new(n: usize, apart: Vec<(u32, u32)>) -> Self {
        Joiner {
            parent: (0..n as u32).collect(),
            apart,
            merges: Vec::new(),
        }
    }

    fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let grand = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = grand;
            x = grand;
        }
        x
    }

    /// Joins the sets of `a` and `b` unless a "different" pair spans them.
    fn join(&mut self, a: u32, b: u32, evidence: Evidence) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        for i in 0..self.apart.len() {
            let (x, y) = self.apart[i];
            let (rx, ry) = (self.find(x), self.find(y));
            if (rx == ra && ry == rb) || (rx == rb && ry == ra) {
                return false;
            }
        }
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[hi as usize] = lo;
        self.merges.push((a, b, evidence));
        true
    }
}

/// Entry positions to item numbers without a hash map: items are numbered
/// document by document.
struct ItemIndex {
    offsets: Vec<u32>,
    lens: Vec<u32>,
}

impl ItemIndex {
    fn new(docs: &[Document]) -> Self {
        let mut offsets = Vec::with_capacity(docs.len());
        let mut next = 0u32;
        for d in docs {
            offsets.push(next);
            next += d.entries.len() as u32;
        }
        ItemIndex {
            offsets,
            lens: docs.iter().map(|d| d.entries.len() as u32).collect(),
        }
    }

    fn get(&self, r: EntryRef) -> Option<u32> {
        let d = r.doc as usize;
        (r.entry < *self.lens.get(d)?).then(|| self.offsets[d] + r.entry)
    }
}

/// Finds, for a reference, the work it names among resolved entries.
/// Documents use it to find themselves among the works cited elsewhere.
#[derive(Debug, Default)]
pub struct Matcher {
    keys: ItemKeys,
    work_of_item: Vec<WorkId>,
    by_doi: FastMap<Arc<str>, u32>,
    by_url: FastMap<Arc<str>, u32>,
    by_word: HashMap<String, Vec<u32>>,
    /// Items by the hash of their locator key (the key itself, four
    /// strings, would cost more than the item's keys); a hit is checked
    /// against the item's own key.
    by_locator: FastMap<u64, u32>,
    locator_hasher: foldhash::fast::RandomState,
    journals: super::journals::Journals,
    threshold: f64,
}

/// First author, year, volume and first page: how a document finds the
/// terse references that cite it.
type LocatorKey = (String, i32, String, String);

fn locator_key(k: &Keys) -> Option<LocatorKey> {
    let a: String = k
        .author
        .as_deref()?
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    Some((
        a,
        k.year?,
        k.volume.clone()?.to_ascii_lowercase(),
        k.first_page.clone()?.to_ascii_lowercase(),
    ))
}

impl Matcher {
    /// The work `keys` names, with the evidence, if any.
    pub fn find(&self, keys: &Keys) -> Option<(WorkId, Evidence)> {
        let hit = |item: u32, rule| {
            Some((
                self.work_of_item[item as usize],
                Evidence { rule, score: 1.0 },
            ))
        };
        if let Some(i) = keys.doi.as_ref().and_then(|d| self.by_doi.get(d)) {
            return hit(*i, Rule::Doi);
        }
        if let Some(i) = keys.url.as_ref().and_then(|u| self.by_url.get(u)) {
            return hit(*i, Rule::Url);
        }
        let located = locator_key(keys).and_then(|l| {
            let &i = self.by_locator.get(&self.locator_hasher.hash_one(&l))?;
            let other = self.keys.get(i)?;
            (locator_key(other).as_ref() == Some(&l)).then_some(i)
        });
        if let Some(i) = located {
            if let Some(other) = self.keys.get(i) {
                if let Some(score) = super::journals::same_by_locator(keys, other, &self.journals) {
                    return Some((
                        self.work_of_item[i as usize],
                        Evidence {
                            rule: Rule::Locator,
                            score,
                        },
                    ));
                }
            }
        }
        let title = keys.title.as_deref()?;
        let mut best: Option<(WorkId, f32)> = None;
        let mut seen = HashSet::new();
        for word in title_tokens(title) {
            for &item in self.by_word.get(word).map(Vec::as_slice).unwrap_or(&[]) {
                if !seen.insert(item) {
                    continue;
                }
                let Some(other) = self.keys.get(item) else {
                    continue;
                };
                if let Some(score) = same_by_title(keys, other, self.threshold) {
                    if best.is_none_or(|(_, s)| score > s) {
                        best = Some((self.work_of_item[item as usize], score));
                    }
                }
            }
        }
        best.map(|(w, score)| {
            (
                w,
                Evidence {
                    rule: Rule::Title,
                    score,
                },
            )
        })
    }
}

/// What work resolution gives [`super::resolve`].
pub(crate) struct WorksOutput {
    pub works: Vec<Work>,
    pub work_of: Vec<Vec<WorkId>>,
    pub merges: Vec<Merge>,
    pub matcher: Matcher,
}

/// Two items and how strongly they matched.
type ScoredPair = (u32, u32, f32);

/// Candidate title pairs: within groups of identical titles, then across
/// groups that share a rare word or the same first author and year.
fn title_pairs(keys: &ItemKeys, threshold: f64) -> Vec<ScoredPair> {
    let mut groups: HashMap<&str, Vec<u32>> = HashMap::new();
    let mut order: Vec<&str> = Vec::new();
    for (i, k) in keys.iter().enumerate() {
        if let Some(t) = k.and_then(|k| k.title.as_deref()) {
            let g = groups.entry(t).or_default();
            if g.is_empty() {
                order.push(t);
            }
            g.push(i as u32);
        }
    }
    let key = |i: u32| keys.get(i).expect("titled items have keys");

    // Within an exact-title group, each entry joins the first sub-cluster
    // whose representative it matches.
    let per_group: Vec<(Vec<u32>, Vec<ScoredPair>)> = order
        .par_iter()
        .map(|t| {
            let mut reps: Vec<u32> = Vec::new();
            let mut pairs = Vec::new();
            for &i in &groups[t] {
                match reps
                    .iter()
                    .find_map(|&r| same_by_title(key(r), key(i), threshold).map(|s| (r, s)))
                {
                    Some((r, s)) => pairs.push((r, i, s)),
                    None => reps.push(i),
                }
            }
            (reps, pairs)
        })
        .collect();
    let mut pairs: Vec<(u32, u32, f32)> = Vec::new();
    let mut reps: Vec<u32> = Vec::new();
    for (r, p) in per_group {
        reps.extend(r);
        pairs.extend(p);
    }

    // Block representatives on their rarest title words and on author+year.
    let mut df: HashMap<&str, u32> = HashMap::new();
    for &r in &reps {
        let t = key(r).title.as_deref().unwrap_or("");
        let words: HashSet<&str> = title_tokens(t).into_iter().collect();
        for w in words {
            *df.entry(w).or_default() += 1;
        }
    }
    let mut blocks: HashMap<String, Vec<u32>> = HashMap::new();
    for &r in &reps {
        let k = key(r);
        let mut words: Vec<&str> = title_tokens(k.title.as_deref().unwrap_or(""));
        words.sort_unstable();
        words.dedup();
        words.sort_by_key(|w| (df.get(w).copied().unwrap_or(0), std::cmp::Reverse(w.len())));
        for w in words.into_iter().take(RARE_WORDS) {
            blocks.entry(format!("w:{w}")).or_default().push(r);
        }
        if let (Some(a), Some(y)) = (&k.author, k.year) {
            blocks.entry(format!("a:{a}|{y}")).or_default().push(r);
        }
    }
    let mut candidates: Vec<(u32, u32)> = blocks
        .into_values()
        .filter(|b| b.len() > 1 && b.len() <= BLOCK_CAP)
        .flat_map(|b| {
            let mut v = Vec::with_capacity(b.len() * (b.len() - 1) / 2);
            for (x, &i) in b.iter().enumerate() {
                for &j in &b[x + 1..] {
                    v.push((i.min(j), i.max(j)));
                }
            }
            v
        })
        .collect();
    candidates.par_sort_unstable();
    candidates.dedup();
    let cross: Vec<(u32, u32, f32)> = candidates
        .par_iter()
        .filter_map(|&(i, j)| same_by_title(key(i), key(j), threshold).map(|s| (i, j, s)))
        .collect();
    pairs.extend(cross);
    pairs
}

/// Resolves the works of `docs`.
pub(crate) fn resolve_works(
    docs: &[Document],
    options: &Options,
    notes: &mut Vec<String>,
) -> WorksOutput {
    let refs: Vec<EntryRef> = docs
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| {
            (0..doc.entries.len()).map(move |e| EntryRef {
                doc: d as u32,
                entry: e as u32,
            })
        })
        .collect();
    let item_of = ItemIndex::new(docs);
    let keys = ItemKeys::new(docs, &refs);

    let (same, apart) = options.overrides.resolve_pairs(docs, notes);
    let to_items = |pairs: Vec<(EntryRef, EntryRef)>| -> Vec<(u32, u32)> {
        pairs
            .into_iter()
            .filter_map(|(a, b)| Some((item_of.get(a)?, item_of.get(b)?)))
            .collect()
    };
    let mut joiner = Joiner::new(refs.len(), to_items(apart));
    for (a, b) in to_items(same) {
        joiner.join(
            a,
            b,
            Evidence {
                rule: Rule::Override,
                score: 1.0,
            },
        );
    }

    let exact = |rule| Evidence { rule, score: 1.0 };
    let mut by_doi: FastMap<Arc<str>, u32> = FastMap::default();
    let mut by_url: FastMap<Arc<str>, u32> = FastMap::default();
    for (i, k) in keys.iter().enumerate() {
        let Some(k) = k else { continue };
        if let Some(d) = &k.doi {
            match by_doi.get(d) {
                Some(&first) => {
                    let other = keys.get(first).expect("indexed items have keys");
                    if !identifier_conflict(k, other, true) {
                        joiner.join(first, i as u32, exact(Rule::Doi));
                    }
                }
                None => {
                    by_doi.insert(d.clone(), i as u32);
                }
            }
        }
    }
    for (i, k) in keys.iter().enumerate() {
        let Some(k) = k else { continue };
        if let Some(u) = &k.url {
            match by_url.get(u) {
                Some(&first) => {
                    let other = keys.get(first).expect("indexed items have keys");
                    if !identifier_conflict(k, other, false) {
                        joiner.join(first, i as u32, exact(Rule::Url));
                    }
                }
                None => {
                    by_url.insert(u.clone(), i as u32);
                }
            }
        }
    }
    // Terse references (database exports) have no title: first author,
    // year, source and locators join them.
    let journals = super::journals::Journals::from_documents(docs);
    for (a, b, score) in super::journals::locator_pairs(&keys, &journals) {
        joiner.join(
            a,
            b,
            Evidence {
                rule: Rule::Locator,
                score,
            },
        );
    }
    let mut pairs = title_pairs(&keys, options.title_threshold);
    pairs.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    for (a, b, score) in pairs {
        joiner.join(
            a,
            b,
            Evidence {
                rule: Rule::Title,
                score,
            },
        );
    }

    // Number the works in corpus order of their first entry.
    let mut work_of_root: FastMap<u32, WorkId> = FastMap::default();
    let mut works: Vec<Work> = Vec::new();
    let mut work_of_item: Vec<WorkId> = Vec::with_capacity(refs.len());
    for (i, r) in refs.iter().enumerate() {
        let root = joiner.find(i as u32);
        let id = *work_of_root.entry(root).or_insert_with(|| {
            works.push(Work {
                key: String::new(),
                label: String::new(),
                entries: Vec::new(),
                authors: Vec::new(),
                venue: None,
                year: None,
            });
            (works.len() - 1) as WorkId
        });
        works[id as usize].entries.push(*r);
        work_of_item.push(id);
    }
    works
        .par_iter_mut()
        .for_each(|work| describe(work, docs, &keys, &item_of));
    let mut work_of: Vec<Vec<WorkId>> = docs.iter().map(|d| vec![0; d.entries.len()]).collect();
    for (i, r) in refs.iter().enumerate() {
        work_of[r.doc as usize][r.entry as usize] = work_of_item[i];
    }
    note_problems(docs, &refs, &keys, &works, notes);

    let merges = joiner
        .merges
        .iter()
        .map(|&(a, b, evidence)| Merge {
            a: refs[a as usize],
            b: refs[b as usize],
            evidence,
        })
        .collect();
    // Documents look themselves up by title word; one entry per distinct
    // title (and work) is enough to find the work.
    let mut by_word: HashMap<String, Vec<u32>> = HashMap::new();
    let mut indexed: HashSet<(&str, WorkId)> = HashSet::new();
    for (i, k) in keys.iter().enumerate() {
        let Some(t) = k.and_then(|k| k.title.as_deref()) else {
            continue;
        };
        if !indexed.insert((t, work_of_item[i])) {
            continue;
        }
        for w in title_tokens(t) {
            let list = match by_word.get_mut(w) {
                Some(list) => list,
                None => by_word.entry(w.to_owned()).or_default(),
            };
            if list.len() < BLOCK_CAP && list.last() != Some(&(i as u32)) {
                list.push(i as u32);
            }
        }
    }
    let locator_hasher = foldhash::fast::RandomState::default();
    let mut by_locator: FastMap<u64, u32> = FastMap::default();
    for (i, k) in keys.iter().enumerate() {
        if let Some(l) = k.and_then(locator_key) {
            by_locator
                .entry(locator_hasher.hash_one(&l))
                .or_insert(i as u32);
        }
    }
    WorksOutput {
        works,
        work_of,
        merges,
        matcher: Matcher {
            keys,
            work_of_item,
            by_doi,
            by_url,
            by_word,
            by_locator,
            locator_hasher,
            journals,
            threshold: options.title_threshold,
        },
    }
}

/// Fills a work's key, label and year from its best-described entry.
fn describe(work: &mut Work, docs: &[Document], keys: &ItemKeys, item_of: &ItemIndex) {
    let richness = |r: &EntryRef| {
        r.reference(docs).map_or(0, |x| {
            usize::from(x.title.is_some()) * 4
                + usize::from(!x.authors.is_empty()) * 2
                + usize::from(x.issued.is_some())
                + usize::from(x.container_title.is_some())
        })
    };
    let best = work
        .entries
        .iter()
        .copied()
        .max_by_key(|r| (richness(r), std::cmp::Reverse(*r)))
        .expect("a work has at least one entry");
    let member_keys = || {
        work.entries
            .iter()
            .filter_map(|r| keys.get(item_of.get(*r)?))
    };
    work.year = best.reference(docs).and_then(Reference::year);
    work.key = if let Some(d) = member_keys().find_map(|k| k.doi.clone()) {
        format!("doi:{d}")
    } else if let Some(u) = member_keys().find_map(|k| k.url.clone()) {
        format!("url:{u}")
    } else if let Some(k) = member_keys().find(|k| k.title.is_some()) {
        let year = k.year.map_or_else(|| "nd".to_owned(), |y| y.to_string());
        format!("title:{}|{year}", k.title.as_deref().unwrap_or(""))
    } else {
        format!("entry:{}", best.locator(docs))
    };
    work.label = match best.reference(docs) {
        Some(r) => {
            let mut label = r.short_label();
            if let Some(t) = &r.title {
                label.push_str(": ");
                label.push_str(&truncate(t, 70));
            }
            label
        }
        None => truncate(best.raw(docs), 80),
    };
}

/// At most `max` characters of `s`, with "…" when cut.
pub(crate) fn truncate(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Reports untitled and unparsed entries, and duplicates within a document.
fn note_problems(
    docs: &[Document],
    refs: &[EntryRef],
    keys: &ItemKeys,
    works: &[Work],
    notes: &mut Vec<String>,
) {
    for (r, k) in refs.iter().zip(keys.iter()) {
        match k {
            None => notes.push(format!(
                "{}: entry not parsed; kept as a work of its own",
                r.locator(docs)
            )),
            // Terse references (exports) are matched by their locators.
            Some(k) if k.title.is_none() && k.source.is_some() => {}
            Some(k) if k.title.is_none() && k.doi.is_none() && k.url.is_none() => {
                notes.push(format!(
                    "{}: entry has no title, DOI or URL; kept as a work of its own",
                    r.locator(docs)
                ))
            }
            Some(k) if k.title.is_none() => notes.push(format!(
                "{}: entry has no title; matched by identifier only",
                r.locator(docs)
            )),
            _ => {}
        }
    }
    for work in works {
        // A work's entries are in corpus order, so one document's stand
        // together (sorted here only if that ever changes).
        let sorted;
        let entries = if work.entries.is_sorted() {
            &work.entries
        } else {
            let mut v = work.entries.clone();
            v.sort();
            sorted = v;
            &sorted
        };
        for run in entries.chunk_by(|a, b| a.doc == b.doc) {
            if run.len() < 2 {
                continue;
            }
            let list: Vec<String> = run.iter().map(|r| format!("#{}", r.entry + 1)).collect();
            notes.push(format!(
                "{}: entries {} name the same work (duplicate entry)",
                docs[run[0].doc as usize].path,
                list.join(", ")
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Person};

    fn keys(title: &str, author: Option<&str>, year: Option<i32>) -> Keys {
        Keys::of(&Reference {
            title: Some(title.into()),
            authors: author.map(|a| Person::new(a, None)).into_iter().collect(),
            issued: year.map(Date::year),
            ..Reference::default()
        })
    }

    #[test]
    fn short_titles_need_more_than_the_title() {
        let a = keys("Hugging Face", Some("Crunchbase"), Some(2023));
        let b = keys("Hugging Face", Some("Osman"), Some(2022));
        assert_eq!(same_by_title(&a, &b, 0.88), None);
        let c = keys("About", None, None);
        assert_eq!(same_by_title(&c, &c, 0.88), None);
    }

    #[test]
    fn typos_merge_but_other_authors_veto() {
        let a = keys(
            "The Culture of Connectivity. A Critical History of Social Media",
            Some("van Dijck"),
            Some(2013),
        );
        let b = keys(
            "The Culture of Conectivity: A Critical Histroy of Social Media",
            Some("van Dijk"),
            Some(2013),
        );
        assert!(same_by_title(&a, &b, 0.88).is_some());
        let c = keys(
            "The Culture of Connectivity. A Critical History of Social Media",
            Some("Tkacz"),
            Some(2013),
        );
        assert_eq!(same_by_title(&a, &c, 0.88), None);
        let d = keys(
            "The Culture of Connectivity. A Critical History of Social Media",
            Some("van Dijck"),
            Some(2003),
        );
        assert_eq!(same_by_title(&a, &d, 0.88), None);
    }

    #[test]
    fn author_and_year_vouch_for_typos() {
        let a = keys(
            "Who Onws Digital Models?",
            Some("Open Knowledge Foundation"),
            Some(2007),
        );
        let b = keys(
            "Who Owns Digital Models?",
            Some("Open Knowledge Foundation"),
            Some(2007),
        );
        assert!(same_by_title(&a, &b, 0.88).is_some());
        let c = keys("Counting the Achive", Some("Kowalski"), Some(2022));
        let d = keys("Counting the Archive", Some("Kowalski"), Some(2022));
        assert!(same_by_title(&c, &d, 0.88).is_some());
        // Without the year the short title must be exact.
        let e = keys("Counting the Archive", Some("Kowalski"), None);
        assert_eq!(same_by_title(&c, &e, 0.88), None);
        // Different words are different works, even by one author in one year.
        let f = keys(
            "Who Owns Digital Markets?",
            Some("Open Knowledge Foundation"),
            Some(2007),
        );
        assert_eq!(same_by_title(&b, &f, 0.88), None);
        assert!(names_agree("wisniewski", "wsniewski"));
        assert!(!names_agree("li", "lu"));
        assert!(!names_agree("kim", "kin"));
    }

    #[test]
    fn subtitles_may_be_left_out() {
        let a = keys(
            "Race after Technology. Abolitionist Tools for the New Jim Code",
            Some("Benjamin"),
            Some(2019),
        );
        let b = keys("Race after Technology", Some("Benjamin"), Some(2019));
        assert!(same_by_title(&a, &b, 0.88).is_some());
    }

    #[test]
    fn different_dois_veto() {
        let mut a = keys(
            "Artificial Intelligence, Values, and Alignment",
            Some("Gabriel"),
            Some(2020),
        );
        let mut b = a.clone();
        a.doi = Some("10.1/a".into());
        b.doi = Some("10.1/b".into());
        assert_eq!(same_by_title(&a, &b, 0.88), None);
    }

    #[test]
    fn joiner_respects_apart_pairs() {
        let mut j = Joiner::new(3, vec![(0, 2)]);
        let e = Evidence {
            rule: Rule::Title,
            score: 1.0,
        };
        assert!(j.join(0, 1, e));
        assert!(!j.join(1, 2, e));
        assert_eq!(j.merges.len(), 1);
    }
}
