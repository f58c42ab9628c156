//! Readable labels for clusters, and placing documents that have no
//! works-cited list.
//!
//! Labels come from the words that set a cluster's works apart from the rest:
//! the titles and venues of the works in each cluster are scored with a
//! class-based TF-IDF (Grootendorst 2022, "BERTopic", arXiv:2203.05794):
//!
//! w(t, c) = df(t, c) / n_c · ln(1 + A / f(t)) · (df(t, c) / f(t))²
//!
//! where df(t, c) is how many texts of cluster c contain term t, n_c the
//! number of texts of c, f(t) how many texts of all clusters contain t, and A
//! the average number of texts per cluster. Counting texts rather than
//! occurrences keeps one long title from speaking for a whole cluster; the
//! last factor, the squared share of the term's texts that lie in c (its
//! exclusivity, as in FREX, Bischof & Airoldi 2012), keeps a word every
//! cluster uses out of every label.
//! Terms are single words and two-word phrases ("machine learning") after
//! stop words are removed; a phrase hides its own words in the label.
//!
//! # Example
//!
//! ```
//! use citemap::analyze::labels::label_clusters;
//!
//! let clusters = vec![
//!     vec!["Platform capitalism".to_string(), "Cyber-proletariat: global labour".to_string(),
//!          "Inhuman power: artificial intelligence and the future of capitalism".to_string()],
//!     vec!["Democratising AI governance".to_string(), "Open source AI governance".to_string(),
//!          "Model evaluation for extreme risks".to_string()],
//! ];
//! let labels = label_clusters(&clusters, 3);
//! assert_eq!(labels[0].terms[0].term, "artificial intelligence");
//! assert!(labels[1].label.contains("governance"));
//! ```

use std::collections::{BTreeMap, HashMap, HashSet};

/// One scored term of a cluster.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Term {
    /// The term as it reads best (its most frequent spelling).
    pub term: String,
    /// Its c-TF-IDF score; higher sets the cluster apart more.
    pub score: f64,
}

/// The label of one cluster.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ClusterLabel {
    /// A short label from the best terms ("capitalism · labour · platform").
    pub label: String,
    /// The best terms, best first.
    pub terms: Vec<Term>,
    /// The evidence: indices (into the cluster's texts, in the order
    /// given) of the texts that carry a term of the label, at most
    /// [`EVIDENCE`].
    pub evidence: Vec<usize>,
}

/// How many texts of evidence a label keeps.
pub const EVIDENCE: usize = 5;

/// Scores the terms of each cluster's texts (titles and venues of its works)
/// against the other clusters' and returns the `top` best of each.
///
/// A cluster with no usable words gets the label "(untitled)". The result is
/// deterministic: ties are broken alphabetically.
pub fn label_clusters(clusters: &[Vec<String>], top: usize) -> Vec<ClusterLabel> {
    label_clusters_excluding(clusters, top, &[])
}

/// As [`label_clusters`], but never choosing a term of the `names` given:
/// organisations that author the works ("Hugging Face", "Meta AI") are
/// who a literature cites, not what it is about.
///
/// ```
/// use citemap::analyze::labels::label_clusters_excluding;
/// let clusters = vec![
///     vec!["Hugging Face and platform capitalism".to_string(), "Hugging Face Hub".to_string()],
///     vec!["AI governance and democracy".to_string()],
/// ];
/// let labels = label_clusters_excluding(&clusters, 3, &["Hugging Face".to_string()]);
/// assert!(!labels[0].label.to_lowercase().contains("hugging"));
/// assert!(labels[0].label.contains("capitalism"));
/// ```
pub fn label_clusters_excluding(
    clusters: &[Vec<String>],
    top: usize,
    names: &[String],
) -> Vec<ClusterLabel> {
    let excluded: HashSet<String> = names
        .iter()
        .flat_map(|n| terms_of(n))
        .flat_map(|t| {
            let words: Vec<String> = t.split(' ').map(str::to_owned).collect();
            std::iter::once(t).chain(words)
        })
        .collect();
    let analysed: Vec<Vec<Vec<String>>> = clusters
        .iter()
        .map(|texts| texts.iter().map(|t| terms_of(t)).collect())
        .collect();
    let mut spelling = Spelling::default();
    for texts in clusters {
        for text in texts {
            spelling.observe(text);
        }
    }
    // f(t): in how many texts, over all clusters, each term appears.
    let mut everywhere: HashMap<&str, usize> = HashMap::new();
    let mut text_count = 0usize;
    for texts in &analysed {
        for terms in texts {
            text_count += 1;
            for t in terms.iter().collect::<HashSet<_>>() {
                *everywhere.entry(t.as_str()).or_default() += 1;
            }
        }
    }
    let average = text_count as f64 / clusters.len().max(1) as f64;
    analysed
        .iter()
        .map(|texts| {
            let texts: &Vec<Vec<String>> = texts;
            let mut df: BTreeMap<&str, usize> = BTreeMap::new();
            for terms in texts {
                for t in terms.iter().collect::<HashSet<_>>() {
                    *df.entry(t.as_str()).or_default() += 1;
                }
            }
            let n_c = texts.len().max(1) as f64;
            let mut scored: Vec<(&str, f64)> = df
                .iter()
                .map(|(&t, &d)| {
                    let f = everywhere[t] as f64;
                    // Phrases read better than words and are rarer; a small
                    // bonus lets a phrase beat its own words at equal counts.
                    let bonus = match t.matches(' ').count() {
                        0 => 1.0,
                        1 => 1.2,
                        _ => 1.3,
                    };
                    // The share of the term's texts that fall in this
                    // cluster, squared: a term common to every cluster
                    // ("AI" in a corpus about AI) names none of them.
                    let exclusive = (d as f64 / f).powi(2);
                    (
                        t,
                        bonus * exclusive * d as f64 / n_c * (1.0 + average / f).ln(),
                    )
                })
                .collect();
            scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
            // The label: the best two- and three-word phrases, each from
            // at least two of the cluster's texts when there are such,
            // none sharing a word with another, none made of generic
            // words; a bare word only when no phrase exists, and never a
            // bare abbreviation or a generic word.
            let mut phrases: Vec<&str> = Vec::new();
            for min_df in [2, 1] {
                // Phrases of a single text only when no other exists.
                if min_df == 1 && !phrases.is_empty() {
                    break;
                }
                for &(t, _) in &scored {
                    if phrases.len() >= 3 {
                        break;
                    }
                    let words: Vec<&str> = t.split(' ').collect();
                    if words.len() < 2
                        || df[t] < min_df
                        || phrases.contains(&t)
                        || words.iter().any(|w| excluded.contains(*w))
                        || !is_label_phrase(&words, &spelling)
                        || phrases
                            .iter()
                            .any(|p| p.split(' ').any(|w| words.contains(&w)))
                    {
                        continue;
                    }
                    phrases.push(t);
                }
            }
            if phrases.is_empty() {
                if let Some(&(t, _)) = scored.iter().find(|&&(t, _)| {
                    !t.contains(' ') && !excluded.contains(t) && is_label_word(t, &spelling)
                }) {
                    phrases.push(t);
                }
            }
            let mut chosen: Vec<Term> = phrases
                .iter()
                .map(|&t| Term {
                    term: spelling.best(t),
                    score: scored.iter().find(|s| s.0 == t).map_or(0.0, |s| s.1),
                })
                .collect();
            let mut hidden: HashSet<&str> = phrases.iter().flat_map(|p| p.split(' ')).collect();
            for &(t, score) in &scored {
                if chosen.len() >= top {
                    break;
                }
                if hidden.contains(t)
                    || phrases.contains(&t)
                    || t.split(' ').any(|w| excluded.contains(w))
                {
                    continue;
                }
                let words: Vec<&str> = t.split(' ').collect();
                // A bare abbreviation or generic word is no term of a field.
                if words.len() == 1 && !is_label_word(t, &spelling)
                    || words.len() > 1 && !is_label_phrase(&words, &spelling)
                {
                    continue;
                }
                // A word already shown inside a chosen phrase, or a phrase
                // whose words are all already shown, adds nothing.
                if words.len() > 1 {
                    if words.iter().all(|w| {
                        chosen
                            .iter()
                            .any(|c| c.term.eq_ignore_ascii_case(&spelling.best(w)))
                            || hidden.contains(w)
                    }) {
                        continue;
                    }
                    hidden.extend(words);
                }
                chosen.push(Term {
                    term: spelling.best(t),
                    score,
                });
            }
            let label = if phrases.is_empty() {
                "(untitled)".to_owned()
            } else {
                chosen
                    .iter()
                    .take(phrases.len())
                    .map(|t| t.term.as_str())
                    .collect::<Vec<_>>()
                    .join(" · ")
            };
            let evidence = texts
                .iter()
                .enumerate()
                .filter(|(_, terms)| terms.iter().any(|t| phrases.contains(&t.as_str())))
                .map(|(i, _)| i)
                .take(EVIDENCE)
                .collect();
            ClusterLabel {
                label,
                terms: chosen,
                evidence,
            }
        })
        .collect()
}

/// How well a text matches one cluster.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Placement {
    /// The best cluster's index, or `None` when the text shares no term with
    /// any cluster.
    pub cluster: Option<usize>,
    /// Cosine similarity with the best cluster, 0–1.
    pub score: f64,
    /// The similarity with every cluster, by index.
    pub scores: Vec<f64>,
}

/// Places texts (documents without a works-cited list: their title and
/// text) among clusters described by texts (their works' titles and venues),
/// by TF-IDF cosine similarity. Term frequencies are damped (1 + ln tf) so a
/// long page does not drown its title.
pub fn place(texts: &[String], clusters: &[Vec<String>]) -> Vec<Placement> {
    let profiles: Vec<HashMap<String, f64>> = clusters
        .iter()
        .map(|texts| {
            let mut counts = HashMap::new();
            for t in texts {
                for term in terms_of(t) {
                    *counts.entry(term).or_insert(0.0) += 1.0;
                }
            }
            counts
        })
        .collect();
    // Inverse cluster frequency: a term every cluster has says nothing.
    let mut cf: HashMap<&str, usize> = HashMap::new();
    for p in &profiles {
        for t in p.keys() {
            *cf.entry(t.as_str()).or_default() += 1;
        }
    }
    let k = profiles.len() as f64;
    let idf = |t: &str| cf.get(t).map_or(0.0, |&c| (1.0 + k / c as f64).ln());
    let weigh = |counts: &HashMap<String, f64>| -> HashMap<String, f64> {
        counts
            .iter()
            .map(|(t, &c)| (t.clone(), (1.0 + c.ln()) * idf(t)))
            .filter(|(_, w)| *w > 0.0)
            .collect()
    };
    let cluster_vectors: Vec<HashMap<String, f64>> = profiles.iter().map(weigh).collect();
    texts
        .iter()
        .map(|text| {
            let mut counts = HashMap::new();
            for term in terms_of(text) {
                *counts.entry(term).or_insert(0.0) += 1.0;
            }
            let v = weigh(&counts);
            let scores: Vec<f64> = cluster_vectors.iter().map(|c| cosine(&v, c)).collect();
            let mut best: Option<usize> = None;
            for (i, &s) in scores.iter().enumerate() {
                if s > 0.0 && best.is_none_or(|b| s > scores[b]) {
                    best = Some(i);
                }
            }
            Placement {
                cluster: best,
                score: best.map_or(0.0, |b| scores[b]),
                scores,
            }
        })
        .collect()
}

fn cosine(a: &HashMap<String, f64>, b: &HashMap<String, f64>) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // Sorted keys keep the floating-point sum, and so the result, identical
    // from run to run.
    let mut keys: Vec<&String> = small.keys().filter(|k| large.contains_key(*k)).collect();
    keys.sort();
    let dot: f64 = keys.iter().map(|k| small[*k] * large[*k]).sum();
    let norm = |m: &HashMap<String, f64>| {
        let mut v: Vec<f64> = m.values().copied().collect();
        v.sort_by(f64::total_cmp);
        v.iter().map(|x| x * x).sum::<f64>().sqrt()
    };
    let denominator = norm(a) * norm(b);
    if denominator > 0.0 {
        (dot / denominator).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// The terms of a text: lower-cased, stemmed words that are not stop words,
/// and the two- and three-word phrases of adjacent such words.
pub fn terms_of(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    // Phrases never cross punctuation: "Artificial Intelligence. Net
    // Politics" has no phrase "intelligence net".
    for clause in text.split(is_clause_break) {
        let mut previous: Option<String> = None;
        let mut before: Option<String> = None;
        for raw in words(clause) {
            let lower = raw.to_lowercase();
            if is_stop_word(&lower) {
                previous = None;
                before = None;
                continue;
            }
            let stem = stem(&lower);
            if let Some(p) = previous.take() {
                if let Some(b) = before.take() {
                    out.push(format!("{b} {p} {stem}"));
                }
                out.push(format!("{p} {stem}"));
                before = Some(p);
            }
            out.push(stem.clone());
            previous = Some(stem);
        }
    }
    out
}

fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '.' | ':'
            | ';'
            | '!'
            | '?'
            | ','
            | '('
            | ')'
            | '['
            | ']'
            | '"'
            | '“'
            | '”'
            | '‘'
            | '—'
            | '–'
            | '|'
            | '/'
    )
}

/// Words of a text: runs of letters and digits that contain a letter, at
/// least two characters long. Apostrophes inside words are dropped
/// ("Europe's" → "Europes" → stem "europe").
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
        })
        .filter(|w| w.chars().count() >= 2 && w.chars().any(char::is_alphabetic))
}

/// A light plural stemmer: enough to merge "technologies"/"technology" and
/// "models"/"model" without mangling "analysis" or "access".
fn stem(word: &str) -> String {
    let n = word.chars().count();
    if n > 4 && word.ends_with("ies") {
        return format!("{}y", &word[..word.len() - 3]);
    }
    if n > 3 && word.ends_with('s') && !["ss", "us", "is", "os"].iter().any(|e| word.ends_with(e)) {
        return word[..word.len() - 1].to_owned();
    }
    word.to_owned()
}

/// Remembers how each stem is most often spelled, so labels show "AI" and
/// "Hugging Face" rather than "ai" and "hugging face".
#[derive(Default)]
struct Spelling(HashMap<String, BTreeMap<String, usize>>);

impl Spelling {
    fn observe(&mut self, text: &str) {
        for raw in words(text) {
            let lower = raw.to_lowercase();
            if is_stop_word(&lower) {
                continue;
            }
            // Title case is how titles are written, not how the word is
            // spelled; only all-caps acronyms keep their capitals.
            let form = if raw.chars().count() > 1
                && raw.chars().all(|c| c.is_uppercase() || c.is_numeric())
            {
                raw.clone()
            } else {
                lower.clone()
            };
            *self
                .0
                .entry(stem(&lower))
                .or_default()
                .entry(form)
                .or_default() += 1;
        }
    }

    fn best(&self, term: &str) -> String {
        term.split(' ')
            .map(|stem| {
                self.0
                    .get(stem)
                    .and_then(|forms| forms.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))))
                    .map_or_else(|| stem.to_owned(), |(f, _)| f.clone())
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Whether a phrase (its stems) can name a field: one word at least is
/// neither generic nor an abbreviation ("AWS politics" cannot), and none
/// is venue boilerplate ("international conference").
fn is_label_phrase(words: &[&str], spelling: &Spelling) -> bool {
    let boilerplate = words.iter().any(|w| VENUE_WORDS.binary_search(w).is_ok());
    let content = words
        .iter()
        .filter(|w| !is_generic(w) && !is_abbreviation(&spelling.best(w)))
        .count();
    content > 0 && !boilerplate
}

/// Whether a single word can stand as a term: not an abbreviation, not
/// generic, at least four letters.
fn is_label_word(word: &str, spelling: &Spelling) -> bool {
    word.chars().count() >= 4 && !is_generic(word) && !is_abbreviation(&spelling.best(word))
}

/// All capitals ("AWS", "NLP"), or a run of letters with a digit: an
/// abbreviation means nothing to a reader outside its field.
fn is_abbreviation(form: &str) -> bool {
    let letters = form.chars().filter(|c| c.is_alphabetic()).count();
    letters > 0
        && (form.chars().all(|c| c.is_uppercase() || c.is_numeric())
            || (letters <= 4 && form.chars().any(|c| c.is_numeric())))
}

/// Words too general to name a field on their own ("open", "society",
/// "future", "new").
fn is_generic(word: &str) -> bool {
    GENERIC.binary_search(&word).is_ok()
}

// Sorted stems, for binary search (a unit test checks the order).
const GENERIC: &[&str] = &[
    "age",
    "analysi",
    "analysis",
    "approach",
    "article",
    "based",
    "beyond",
    "book",
    "case",
    "challenge",
    "change",
    "chapter",
    "data",
    "design",
    "development",
    "edition",
    "effect",
    "everyone",
    "everything",
    "evidence",
    "first",
    "future",
    "general",
    "global",
    "good",
    "guide",
    "history",
    "human",
    "idea",
    "impact",
    "introduction",
    "issue",
    "know",
    "life",
    "make",
    "making",
    "matter",
    "method",
    "modern",
    "need",
    "net",
    "network",
    "new",
    "news",
    "note",
    "open",
    "overview",
    "paper",
    "part",
    "people",
    "perspective",
    "politic",
    "politics",
    "power",
    "practice",
    "problem",
    "process",
    "project",
    "question",
    "reader",
    "report",
    "research",
    "review",
    "role",
    "science",
    "society",
    "studies",
    "study",
    "system",
    "take",
    "technology",
    "theory",
    "thing",
    "time",
    "toward",
    "towards",
    "understanding",
    "update",
    "use",
    "using",
    "via",
    "video",
    "way",
    "work",
    "world",
];

// Stems of words that make a phrase venue boilerplate rather than a
// subject. Sorted.
const VENUE_WORDS: &[&str] = &[
    "annual",
    "conference",
    "journal",
    "meeting",
    "proceeding",
    "proceedings",
    "symposium",
    "transaction",
    "transactions",
    "workshop",
];

/// English function words plus the words every reference list is full of
/// (publishers, months, "accessed", URL parts), which say nothing about a
/// cluster's subject.
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

// Sorted, for binary search (a unit test checks the order).
const STOP_WORDS: &[&str] = &[
    "about",
    "above",
    "accessed",
    "across",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "among",
    "an",
    "and",
    "any",
    "apr",
    "april",
    "are",
    "arxiv",
    "as",
    "at",
    "aug",
    "august",
    "available",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "blog",
    "both",
    "but",
    "by",
    "can",
    "cannot",
    "co",
    "com",
    "could",
    "dec",
    "december",
    "did",
    "do",
    "does",
    "doi",
    "doing",
    "down",
    "during",
    "each",
    "ed",
    "edited",
    "edition",
    "eds",
    "et",
    "etc",
    "eu",
    "feb",
    "february",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "home",
    "homepage",
    "how",
    "html",
    "http",
    "https",
    "ibid",
    "if",
    "in",
    "inc",
    "into",
    "introducing",
    "introduction",
    "is",
    "it",
    "its",
    "itself",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "just",
    "ltd",
    "mar",
    "march",
    "may",
    "me",
    "more",
    "most",
    "my",
    "new",
    "no",
    "nor",
    "not",
    "nov",
    "november",
    "now",
    "oct",
    "october",
    "of",
    "off",
    "official",
    "on",
    "once",
    "online",
    "only",
    "or",
    "org",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "page",
    "part",
    "pdf",
    "pp",
    "press",
    "proceedings",
    "publishing",
    "retrieved",
    "same",
    "sep",
    "sept",
    "september",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "university",
    "until",
    "up",
    "url",
    "us",
    "very",
    "via",
    "video",
    "vol",
    "vs",
    "was",
    "we",
    "website",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "www",
    "yet",
    "you",
    "your",
    "yours",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted() {
        assert!(
            STOP_WORDS.windows(2).all(|w| w[0] < w[1]),
            "STOP_WORDS must stay sorted"
        );
    }

    #[test]
    fn word_lists_are_sorted() {
        assert!(GENERIC.windows(2).all(|w| w[0] < w[1]), "GENERIC");
        assert!(VENUE_WORDS.windows(2).all(|w| w[0] < w[1]), "VENUE_WORDS");
    }

    #[test]
    fn labels_are_phrases_never_bare_abbreviations_or_generic_words() {
        let clusters = vec![
            vec![
                "Pattern discrimination and the political economy of AWS".to_string(),
                "Pattern discrimination in net cultures".to_string(),
                "The political economy of open platforms".to_string(),
                "AWS politics".to_string(),
            ],
            vec![
                "Large language models and democracy".to_string(),
                "Democracy and large language models".to_string(),
                "Open society".to_string(),
            ],
        ];
        let labels = label_clusters(&clusters, 6);
        assert_eq!(
            labels[0].label, "pattern discrimination · political economy",
            "{:?}",
            labels[0]
        );
        assert_eq!(labels[1].label, "large language models", "{:?}", labels[1]);
        for l in &labels {
            for part in l.label.split(" · ") {
                assert!(part.contains(' '), "bare word {part:?} in {:?}", l.label);
            }
            assert!(l
                .terms
                .iter()
                .all(|t| t.term != "AWS" && t.term != "open" && t.term != "open society"));
        }
        // Evidence: the texts that carry the label's phrases.
        assert_eq!(labels[0].evidence, vec![0, 1, 2]);
        assert_eq!(labels[1].evidence, vec![0, 1]);
    }

    #[test]
    fn stems_plurals_only() {
        assert_eq!(stem("technologies"), "technology");
        assert_eq!(stem("models"), "model");
        assert_eq!(stem("analysis"), "analysis");
        assert_eq!(stem("access"), "access");
    }

    #[test]
    fn phrases_stop_at_punctuation() {
        let t = terms_of("Artificial Intelligence. Net Politics");
        assert!(t.contains(&"net politic".to_string()) || t.contains(&"net politics".to_string()));
        assert!(!t.iter().any(|x| x == "intelligence net"));
    }

    #[test]
    fn phrases_skip_stop_words() {
        let t = terms_of("The Democratization of Machine Learning");
        assert!(t.contains(&"machine learning".to_string()));
        assert!(!t.iter().any(|x| x.contains("of")));
    }

    #[test]
    fn places_text_by_similarity() {
        let clusters = vec![
            vec!["platform capitalism labour".to_string()],
            vec!["AI governance risk".to_string()],
        ];
        let p = place(
            &[
                "governance of frontier AI risk".to_string(),
                "zebra".to_string(),
            ],
            &clusters,
        );
        assert_eq!(p[0].cluster, Some(1));
        assert!(p[0].score > 0.0);
        assert_eq!(p[1].cluster, None);
    }
}
