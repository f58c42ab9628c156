//! Scoring a pipeline's output against the truth: field accuracy of parsing
//! and pairwise precision/recall of work resolution.

use crate::model::{Person, Reference};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The fields scored, in report order.
pub const FIELDS: &[&str] = &[
    "type",
    "authors",
    "title",
    "container",
    "year",
    "volume",
    "issue",
    "pages",
    "doi",
    "url",
    "publisher",
];

/// Running counts of field agreement over many entries.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FieldScores {
    /// Entries scored.
    pub entries: usize,
    /// Entries with every scored field right.
    pub exact: usize,
    /// Per field: (right, scored). A field is scored for an entry when the
    /// truth or the parse has it; it is right when both have it and they
    /// agree after normalisation (case, punctuation, dashes, `*`).
    pub fields: HashMap<String, (usize, usize)>,
}

/// Lower-cases, drops Markdown `*`, maps dashes to "-", and trims
/// surrounding punctuation and spaces, so that "Title." and "title" agree.
pub fn normalise(s: &str) -> String {
    let s: String = s
        .chars()
        .filter(|&c| c != '*')
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' => '-',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2018}' | '\u{2019}' => '\'',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    let trimmed = s.trim_matches(|c: char| c.is_whitespace() || ".,;:\"'()[]<>".contains(c));
    trimmed.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn opt(s: &Option<String>) -> Option<String> {
    s.as_deref().map(normalise).filter(|s| !s.is_empty())
}

fn families(people: &[Person]) -> Option<String> {
    if people.is_empty() {
        return None;
    }
    Some(
        people
            .iter()
            .map(|p| normalise(&p.full_family()))
            .collect::<Vec<_>>()
            .join("|"),
    )
}

/// The normalised value of one field of `r`.
pub fn field(r: &Reference, name: &str) -> Option<String> {
    match name {
        "type" => Some(r.kind.csl_name().to_owned()),
        "authors" => families(&r.authors),
        "title" => opt(&r.title),
        "container" => opt(&r.container_title),
        "year" => r.year().map(|y| y.to_string()),
        "volume" => opt(&r.volume),
        "issue" => opt(&r.issue),
        "pages" => opt(&r.pages),
        "doi" => opt(&r.doi),
        "url" => opt(&r.url),
        "publisher" => opt(&r.publisher),
        _ => None,
    }
}

impl FieldScores {
    /// Adds one entry: `parsed` is `None` when the parser gave up.
    pub fn add(&mut self, truth: &Reference, parsed: Option<&Reference>) {
        self.entries += 1;
        let mut all = true;
        for &name in FIELDS {
            let t = field(truth, name);
            let p = parsed.and_then(|p| field(p, name));
            if t.is_none() && p.is_none() {
                continue;
            }
            let slot = self.fields.entry(name.to_owned()).or_default();
            slot.1 += 1;
            if t == p {
                slot.0 += 1;
            } else {
                all = false;
            }
        }
        if all && parsed.is_some() {
            self.exact += 1;
        }
    }

    /// Merges counts from another run.
    pub fn merge(&mut self, other: &FieldScores) {
        self.entries += other.entries;
        self.exact += other.exact;
        for (k, (r, n)) in &other.fields {
            let slot = self.fields.entry(k.clone()).or_default();
            slot.0 += r;
            slot.1 += n;
        }
    }

    /// Accuracy of one field, 0–1 (`None` if never scored).
    pub fn accuracy(&self, name: &str) -> Option<f64> {
        self.fields
            .get(name)
            .filter(|(_, n)| *n > 0)
            .map(|(r, n)| *r as f64 / *n as f64)
    }

    /// Micro-averaged accuracy over all scored fields.
    pub fn overall(&self) -> f64 {
        let (r, n) = self
            .fields
            .values()
            .fold((0, 0), |(a, b), (r, n)| (a + r, b + n));
        if n == 0 {
            0.0
        } else {
            r as f64 / n as f64
        }
    }
}

/// Pairwise precision and recall of a clustering of entries into works.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PairScores {
    /// Of the pairs put together, the share that are the same work.
    pub precision: f64,
    /// Of the pairs that are the same work, the share put together.
    pub recall: f64,
    /// Harmonic mean.
    pub f1: f64,
}

/// Scores `predicted[i]` (the cluster of entry `i`) against `truth[i]` (its
/// true work). Pairs are counted from the contingency table, so this is
/// linear in the number of entries.
///
/// ```
/// use citemap::synth::score::pairwise;
/// let s = pairwise(&[0, 0, 1, 1], &[7, 7, 7, 8]);
/// assert_eq!(s.precision, 0.5); // of 2 pairs put together, (0,1) is right
/// assert!((s.recall - 1.0 / 3.0).abs() < 1e-9); // 3 true pairs, 1 found
/// ```
pub fn pairwise(predicted: &[usize], truth: &[usize]) -> PairScores {
    fn pairs(n: usize) -> f64 {
        (n as f64) * (n as f64 - 1.0) / 2.0
    }
    let mut cells: HashMap<(usize, usize), usize> = HashMap::new();
    let mut pred: HashMap<usize, usize> = HashMap::new();
    let mut tru: HashMap<usize, usize> = HashMap::new();
    for (&p, &t) in predicted.iter().zip(truth) {
        *cells.entry((p, t)).or_default() += 1;
        *pred.entry(p).or_default() += 1;
        *tru.entry(t).or_default() += 1;
    }
    let tp: f64 = cells.values().map(|&n| pairs(n)).sum();
    let pp: f64 = pred.values().map(|&n| pairs(n)).sum();
    let tt: f64 = tru.values().map(|&n| pairs(n)).sum();
    let precision = if pp > 0.0 { tp / pp } else { 1.0 };
    let recall = if tt > 0.0 { tp / tt } else { 1.0 };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    PairScores {
        precision,
        recall,
        f1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    #[test]
    fn normalisation_ignores_case_punctuation_and_dashes() {
        assert_eq!(normalise("*Big Data & Society*,"), "big data & society");
        assert_eq!(normalise("12\u{2013}19."), "12-19");
        assert_ne!(normalise("Title A"), normalise("Title B"));
    }

    #[test]
    fn field_scores_count_misses_and_extras() {
        let truth = Reference {
            title: Some("A Title".into()),
            issued: Some(Date::year(2019)),
            authors: vec![Person::new("Smith", Some("J."))],
            ..Reference::default()
        };
        let mut good = truth.clone();
        good.title = Some("a title.".into());
        let mut bad = truth.clone();
        bad.issued = None;
        bad.volume = Some("3".into());
        let mut s = FieldScores::default();
        s.add(&truth, Some(&good));
        s.add(&truth, Some(&bad));
        s.add(&truth, None);
        assert_eq!(s.entries, 3);
        assert_eq!(s.exact, 1);
        assert_eq!(s.fields["year"], (1, 3));
        assert_eq!(s.fields["volume"], (0, 1));
        assert_eq!(s.fields["title"], (2, 3));
    }

    #[test]
    fn pairwise_perfect_and_all_merged() {
        let truth = [1, 1, 2, 3, 3, 3];
        let perfect = pairwise(&[9, 9, 8, 7, 7, 7], &truth);
        assert_eq!((perfect.precision, perfect.recall), (1.0, 1.0));
        let merged = pairwise(&[0; 6], &truth);
        assert_eq!(merged.recall, 1.0);
        assert!((merged.precision - 4.0 / 15.0).abs() < 1e-12);
    }
}
