//! Which files are the same document, and which documents are works cited
//! elsewhere in the corpus.
//!
//! Files join when their metadata share a DOI or a title, or when one file's
//! title stands in the opening text of another (a portal page and the PDF of
//! the same article, as 001 and 000 of the seed corpus). A document whose
//! metadata matches a cited work becomes that work's node.

use super::normalise::{doi_key, fold, title_tokens};
use super::works::{title_similarity, Keys, Matcher};
use super::{DocNode, DocNodeId, Evidence, Resolution, Rule};
use crate::model::{Document, Reference};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// How much of a document's opening text is searched for other documents'
/// titles.
const HEAD_CHARS: usize = 4000;
/// How much of it is searched for the document's own DOI: a cover page
/// states it near the top; further down a DOI is more likely a citation.
const DOI_CHARS: usize = 2000;
/// Words in a row that index a head; a title needs at least this many.
const SHINGLE: usize = 4;

/// The first `HEAD_CHARS` characters of `text`: what a caller passes as a
/// document's head to [`super::resolve`].
pub fn head(text: &str) -> &str {
    match text.char_indices().nth(HEAD_CHARS) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

/// The first DOI written in `text`.
///
/// ```
/// use citemap::resolve::documents::find_doi;
/// assert_eq!(find_doi("DOI:\n[10.7146/aprja.v12i1.140445](https://doi.org/x)").as_deref(),
///            Some("10.7146/aprja.v12i1.140445"));
/// ```
pub fn find_doi(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(pos) = text[from..].find("10.") {
        let start = from + pos;
        from = start + 3;
        if start > 0 && bytes[start - 1].is_ascii_alphanumeric() {
            continue;
        }
        let end = text[start..]
            .find(|c: char| c.is_whitespace() || matches!(c, ')' | ']' | '>' | '"' | '<' | '\''))
            .map_or(text.len(), |e| start + e);
        if let Some(doi) = doi_key(&text[start..end]) {
            return Some(doi);
        }
    }
    None
}

/// A title read off the opening text when the metadata has none: the first
/// line of four to forty words.
fn sniff_title(head: &str) -> Option<String> {
    head.lines()
        .map(|l| l.trim().trim_start_matches('#').trim())
        .find(|l| {
            let words = l.split_whitespace().count();
            (SHINGLE..=40).contains(&words) && l.len() <= 300
        })
        .map(str::to_owned)
}

/// Hashes of the word shingles of folded text, in order. Equal shingles
/// hash equal; two that collide only make a candidate the full title check
/// then rejects, so hashes stand in for the shingles without a string each.
fn shingle_hashes(folded: &str) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    let words: Vec<u64> = folded
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect();
    words
        .windows(SHINGLE)
        .map(|w| {
            w.iter()
                .zip(0u32..)
                .fold(0, |h, (&x, k)| h ^ x.rotate_left(16 * k))
        })
        .collect()
}

struct Identity {
    doi: Option<String>,
    title: Option<String>,
    sniffed: bool,
    year: Option<i32>,
}

fn identity(doc: &Document, head: &str) -> Identity {
    let meta = &doc.meta;
    let doi = meta.doi.as_deref().and_then(doi_key).or_else(|| {
        let cut = head
            .char_indices()
            .nth(DOI_CHARS)
            .map_or(head.len(), |(i, _)| i);
        find_doi(&head[..cut])
    });
    let (title, sniffed) = match meta.title.as_deref().map(fold).filter(|t| !t.is_empty()) {
        Some(t) => (Some(t), false),
        None => (sniff_title(head).map(|t| fold(&t)), true),
    };
    Identity {
        doi,
        title,
        sniffed,
        year: meta.year,
    }
}

struct Union(Vec<u32>);

impl Union {
    fn find(&mut self, mut x: u32) -> u32 {
        while self.0[x as usize] != x {
            x = self.0[x as usize];
        }
        x
    }
    fn join(&mut self, a: u32, b: u32) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        self.0[ra.max(rb) as usize] = ra.min(rb);
        true
    }
}

/// Smallest works-cited list, in entries, that can speak against a join.
const LIST_EVIDENCE: usize = 3;

fn list_len(res: &Resolution, doc: usize) -> usize {
    res.work_of.get(doc).map_or(0, Vec::len)
}

/// True when files `a` and `b` both have works-cited lists of some length
/// and fewer than half the works of the shorter list are in the other: two
/// papers that share a title (common for generic titles) are then not one
/// document. A portal page without a list never contradicts its full text.
fn lists_contradict(res: &Resolution, a: usize, b: usize) -> bool {
    let (Some(wa), Some(wb)) = (res.work_of.get(a), res.work_of.get(b)) else {
        return false;
    };
    let (short, long) = if wa.len() <= wb.len() {
        (wa, wb)
    } else {
        (wb, wa)
    };
    if short.len() < LIST_EVIDENCE {
        return false;
    }
    let long: std::collections::HashSet<_> = long.iter().collect();
    let shared = short.iter().filter(|w| long.contains(w)).count();
    shared * 2 < short.len()
}

/// Groups files into document nodes and finds each node's cited work.
pub(crate) fn resolve_documents(
    docs: &[Document],
    heads: &[&str],
    res: &Resolution,
    matcher: &Matcher,
) -> (Vec<DocNode>, Vec<DocNodeId>) {
    let n = docs.len();
    let head_of = |i: usize| heads.get(i).map_or("", |h| head(h));
    let ids: Vec<Identity> = (0..n).map(|i| identity(&docs[i], head_of(i))).collect();
    let mut union = Union((0..n as u32).collect());
    // For each group's root, the member whose works-cited list is longest.
    let mut holder: Vec<usize> = (0..n).collect();
    let mut evidence: Vec<(u32, u32, Evidence)> = Vec::new();
    let mut join = |union: &mut Union, a: usize, b: usize, rule, score: f64| {
        // Two versions of one paper cite the same works; files whose lists
        // share little are different papers, whatever their titles say.
        // Compared per group, through the member with the longest list, so
        // a page without a list cannot chain two such papers together.
        let (ra, rb) = (union.find(a as u32), union.find(b as u32));
        let (ha, hb) = (holder[ra as usize], holder[rb as usize]);
        if ra == rb || lists_contradict(res, ha, hb) {
            return;
        }
        let longer = if list_len(res, ha) >= list_len(res, hb) {
            ha
        } else {
            hb
        };
        if union.join(a as u32, b as u32) {
            let root = union.find(a as u32);
            holder[root as usize] = longer;
            evidence.push((
                a as u32,
                b as u32,
                Evidence {
                    rule,
                    score: score as f32,
                },
            ));
        }
    };

    let mut by_doi: HashMap<&str, usize> = HashMap::new();
    for (i, id) in ids.iter().enumerate() {
        if let Some(d) = id.doi.as_deref() {
            match by_doi.get(d) {
                Some(&j) => join(&mut union, j, i, Rule::DocumentDoi, 1.0),
                None => {
                    by_doi.insert(d, i);
                }
            }
        }
    }
    let mut by_title: HashMap<&str, usize> = HashMap::new();
    for (i, id) in ids.iter().enumerate() {
        let Some(t) = id
            .title
            .as_deref()
            .filter(|t| !id.sniffed && title_tokens(t).len() >= 2)
        else {
            continue;
        };
        match by_title.get(t) {
            Some(&j) if years_agree(ids[j].year, id.year) => {
                join(&mut union, j, i, Rule::DocumentTitle, 1.0)
            }
            Some(_) => {}
            None => {
                by_title.insert(t, i);
            }
        }
    }
    // A title in another file's opening text. Heads are indexed by the
    // titles' opening shingles only: every shingle of every head would be
    // millions of entries for a large corpus.
    let first_shingle =
        |id: &Identity| -> Option<u64> { shingle_hashes(id.title.as_deref()?).first().copied() };
    let mut shingle_docs: HashMap<u64, Vec<usize>> = ids
        .iter()
        .filter_map(first_shingle)
        .map(|h| (h, Vec::new()))
        .collect();
    // Padded once here, not per candidate: a popular opening shingle makes
    // a title meet thousands of heads.
    let folded_heads: Vec<String> = (0..n).map(|i| format!(" {} ", fold(head_of(i)))).collect();
    for (i, h) in folded_heads.iter().enumerate() {
        for s in shingle_hashes(h) {
            if let Some(list) = shingle_docs.get_mut(&s) {
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
    }
    for (i, id) in ids.iter().enumerate() {
        let (Some(t), Some(first)) = (id.title.as_deref(), first_shingle(id)) else {
            continue;
        };
        let padded = format!(" {t} ");
        let finder = memchr::memmem::Finder::new(padded.as_bytes());
        for &j in shingle_docs.get(&first).map(Vec::as_slice).unwrap_or(&[]) {
            if j != i && finder.find(folded_heads[j].as_bytes()).is_some() {
                join(&mut union, j, i, Rule::DocumentHead, 1.0);
            }
        }
    }

    // A document that is a work cited elsewhere.
    let mut cited: Vec<Option<(u32, Evidence)>> = vec![None; n];
    let mut by_work: HashMap<u32, usize> = HashMap::new();
    for i in 0..n {
        let meta = &docs[i].meta;
        let reference = Reference {
            title: meta.title.clone(),
            authors: meta.authors.clone(),
            issued: meta.year.map(crate::model::Date::year),
            container_title: meta.venue.clone(),
            doi: ids[i].doi.clone(),
            url: meta.url.clone(),
            volume: meta.volume.clone(),
            pages: meta.pages.clone(),
            ..Reference::default()
        };
        let keys = Keys::of(&reference);
        if let Some((w, e)) = matcher.find(&keys) {
            // A document does not become a work that only it cites.
            let cited_elsewhere = res.works[w as usize]
                .entries
                .iter()
                .any(|r| r.doc as usize != i);
            if !cited_elsewhere {
                continue;
            }
            cited[i] = Some((w, e));
            match by_work.get(&w) {
                Some(&j) => join(&mut union, j, i, Rule::DocumentCited, f64::from(e.score)),
                None => {
                    by_work.insert(w, i);
                }
            }
        }
    }

    let mut node_of_root: BTreeMap<u32, DocNodeId> = BTreeMap::new();
    let mut nodes: Vec<DocNode> = Vec::new();
    let mut doc_node = Vec::with_capacity(n);
    for i in 0..n {
        let root = union.find(i as u32);
        let id = *node_of_root.entry(root).or_insert_with(|| {
            nodes.push(DocNode {
                key: docs[i].path.clone(),
                label: label_of(&docs[i], head_of(i)),
                files: Vec::new(),
                work: None,
                evidence: Vec::new(),
            });
            (nodes.len() - 1) as DocNodeId
        });
        let node = &mut nodes[id as usize];
        node.files.push(i as u32);
        if let Some((w, e)) = cited[i] {
            if node.work.is_none() {
                node.work = Some(w);
                node.evidence.push(Evidence {
                    rule: Rule::DocumentCited,
                    score: e.score,
                });
            }
        }
        doc_node.push(id);
    }
    for (a, _, e) in evidence {
        nodes[doc_node[a as usize] as usize].evidence.push(e);
    }
    (nodes, doc_node)
}

fn years_agree(a: Option<i32>, b: Option<i32>) -> bool {
    !matches!((a, b), (Some(x), Some(y)) if (x - y).abs() > 1)
}

/// A document node's label: its title, else what its opening shows, else
/// its file name.
fn label_of(doc: &Document, head: &str) -> String {
    doc.meta
        .title
        .clone()
        .or_else(|| sniff_title(head))
        .map(|t| super::works::truncate(&t, 80))
        .unwrap_or_else(|| {
            Path::new(&doc.path)
                .file_name()
                .map_or_else(|| doc.path.clone(), |f| f.to_string_lossy().into_owned())
        })
}

/// Notes files that share a name in different folders: they stay separate
/// documents (identity is the whole path), but the user should know.
pub(crate) fn note_duplicate_file_names(docs: &[Document], notes: &mut Vec<String>) {
    let mut by_name: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for d in docs {
        if let Some(name) = Path::new(&d.path).file_name() {
            by_name
                .entry(name.to_string_lossy().into_owned())
                .or_default()
                .push(&d.path);
        }
    }
    for (name, paths) in by_name {
        if paths.len() > 1 {
            notes.push(format!(
                "{name}: the same file name in different folders ({}); kept apart unless their contents match",
                paths.join(", ")
            ));
        }
    }
}

/// Whether two document titles are close enough to be one document; used
/// by callers that compare metadata by hand.
pub fn same_document_title(a: &str, b: &str) -> bool {
    title_similarity(&fold(a), &fold(b)) >= 0.95
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing() {
        assert_eq!(
            sniff_title(
                "\n\nUniversity of Groningen\n\nAI for All?\n\nA Peer Reviewed Journal About\n"
            )
            .as_deref(),
            Some("A Peer Reviewed Journal About")
        );
        assert_eq!(find_doi("no doi here 10.x"), None);
        assert_eq!(find_doi("x10.1234/abc"), None);
        assert_eq!(find_doi("see doi:10.1234/abc."), Some("10.1234/abc".into()));
    }

    #[test]
    fn heads_are_cut_on_char_boundaries() {
        let s = "é".repeat(HEAD_CHARS + 10);
        assert_eq!(head(&s).chars().count(), HEAD_CHARS);
    }
}
