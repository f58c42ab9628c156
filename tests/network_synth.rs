//! Resolution accuracy on a generated corpus with known truth
//! (`citemap::synth`): many documents citing an overlapping pool of works
//! in mixed styles, with misspelt names. Prints pairwise precision and
//! recall of work merges.
//!
//! Two measurements:
//! - resolution alone, on the fields as each style writes them (initials,
//!   sentence case, misspellings), so only resolution is judged;
//! - resolution alone with extra noise: typos in titles, identifiers and
//!   containers dropped, so the fuzzy title rule carries most merges;
//! - end to end, from the generated text through extraction and parsing.

use citemap::resolve::{resolve, Options};
use citemap::synth::{generate, Config, Corpus};
use citemap::{Document, DocumentMeta, Entry, Outcome, Span};

/// Pairwise precision and recall of a clustering (`predicted[i]`) against
/// the truth (`truth[i]`), counted from the contingency table.
fn pairwise(predicted: &[usize], truth: &[usize]) -> (f64, f64) {
    use std::collections::HashMap;
    let pairs = |n: usize| (n as f64) * (n as f64 - 1.0) / 2.0;
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
    (
        if pp > 0.0 { tp / pp } else { 1.0 },
        if tt > 0.0 { tp / tt } else { 1.0 },
    )
}

fn corpus(seed: u64) -> Corpus {
    generate(&Config {
        docs: 60,
        refs_per_doc: 30,
        seed,
        ..Config::default()
    })
}

/// Documents whose entries carry the fields exactly as written.
fn written_fields(c: &Corpus) -> Vec<Document> {
    c.truth
        .documents
        .iter()
        .map(|d| Document {
            path: d.name.clone(),
            meta: DocumentMeta::default(),
            section: None,
            sections: Vec::new(),
            style: d.style,
            entries: d
                .entries
                .iter()
                .map(|e| Entry {
                    span: Span::default(),
                    label: e.label.clone(),
                    marker: None,
                    raw: e.text.clone().into(),
                    style: d.style,
                    outcome: Outcome::Parsed {
                        reference: e.reference.clone().into(),
                        confidence: 1.0,
                    },
                })
                .collect(),
            notes: vec![],
        })
        .collect()
}

#[test]
fn resolution_alone_is_precise_and_complete() {
    for seed in [1, 2, 3] {
        let c = corpus(seed);
        let docs = written_fields(&c);
        let res = resolve(&docs, &[], &Options::default());
        let mut predicted = Vec::new();
        let mut truth = Vec::new();
        for (d, td) in c.truth.documents.iter().enumerate() {
            for (e, te) in td.entries.iter().enumerate() {
                predicted.push(res.work_of[d][e] as usize);
                truth.push(te.work);
            }
        }
        let (precision, recall) = pairwise(&predicted, &truth);
        println!(
            "seed {seed}: {} entries, {} true works, {} resolved; precision {:.4}, recall {:.4}",
            truth.len(),
            truth.iter().collect::<std::collections::HashSet<_>>().len(),
            res.works.len(),
            precision,
            recall
        );
        assert!(precision > 0.98, "seed {seed}: precision {:.4}", precision);
        assert!(recall > 0.98, "seed {seed}: recall {:.4}", recall);
    }
}

/// A small deterministic generator (SplitMix64) for the extra noise.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    /// Swaps two neighbouring letters, or drops one, in a word of four or
    /// more letters.
    fn typo(&mut self, text: &str) -> String {
        let mut words: Vec<String> = text.split(' ').map(str::to_owned).collect();
        let long: Vec<usize> = (0..words.len())
            .filter(|&i| words[i].chars().count() >= 4)
            .collect();
        if long.is_empty() {
            return text.to_owned();
        }
        let w = long[self.below(long.len())];
        let mut chars: Vec<char> = words[w].chars().collect();
        let at = 1 + self.below(chars.len() - 2);
        if self.chance(0.5) {
            chars.swap(at, at + 1);
        } else {
            chars.remove(at);
        }
        words[w] = chars.into_iter().collect();
        words.join(" ")
    }
}

#[test]
fn resolution_survives_typos_and_missing_fields() {
    for seed in [11, 12] {
        let c = corpus(seed);
        let mut docs = written_fields(&c);
        let mut noise = Noise(seed);
        for d in &mut docs {
            for e in &mut d.entries {
                if let Outcome::Parsed { reference: r, .. } = &mut e.outcome {
                    let r = std::sync::Arc::make_mut(r);
                    if noise.chance(0.3) {
                        r.title = r.title.as_deref().map(|t| noise.typo(t));
                    }
                    if noise.chance(0.6) {
                        r.doi = None;
                        r.url = None;
                    }
                    if noise.chance(0.2) {
                        r.container_title = None;
                    }
                }
            }
        }
        let res = resolve(&docs, &[], &Options::default());
        let mut predicted = Vec::new();
        let mut truth = Vec::new();
        for (d, td) in c.truth.documents.iter().enumerate() {
            for (e, te) in td.entries.iter().enumerate() {
                predicted.push(res.work_of[d][e] as usize);
                truth.push(te.work);
            }
        }
        let (precision, recall) = pairwise(&predicted, &truth);
        println!("noisy seed {seed}: {} entries, {} resolved works; precision {precision:.4}, recall {recall:.4}", truth.len(), res.works.len());
        assert!(precision > 0.98, "seed {seed}: precision {precision:.4}");
        assert!(recall > 0.98, "seed {seed}: recall {recall:.4}");
    }
}

#[test]
fn end_to_end_from_generated_text() {
    let c = corpus(7);
    let docs: Vec<Document> = c
        .documents
        .iter()
        .map(|d| citemap::extract::extract_text(&d.name, &d.text))
        .collect();
    let heads: Vec<&str> = c.documents.iter().map(|d| d.text.as_str()).collect();
    let res = resolve(&docs, &heads, &Options::default());
    // Every generated document is a different document.
    assert_eq!(
        res.documents.len(),
        docs.len(),
        "{:#?}",
        res.documents
            .iter()
            .filter(|d| d.files.len() > 1)
            .collect::<Vec<_>>()
    );
    // An extracted entry is scored when its lines overlap exactly one true
    // entry; run-on or split entries are extraction errors, counted apart.
    let truth_of = |d: usize, e: usize| -> Option<usize> {
        let span = &docs[d].entries[e].span;
        let mut hits = c.truth.documents[d]
            .entries
            .iter()
            .filter(|t| t.line <= span.end_line && span.line <= t.end_line);
        match (hits.next(), hits.next()) {
            (Some(t), None) => Some(t.work),
            _ => None,
        }
    };
    let mut predicted = Vec::new();
    let mut truth = Vec::new();
    let mut unmatched = 0;
    for (d, doc) in docs.iter().enumerate() {
        for e in 0..doc.entries.len() {
            match truth_of(d, e) {
                Some(w) => {
                    predicted.push(res.work_of[d][e] as usize);
                    truth.push(w);
                }
                None => unmatched += 1,
            }
        }
    }
    let (precision, recall) = pairwise(&predicted, &truth);
    println!(
        "end to end: {} entries matched to truth ({} not), precision {:.4}, recall {:.4}",
        truth.len(),
        unmatched,
        precision,
        recall
    );
    assert!(
        truth.len() * 10 >= (truth.len() + unmatched) * 9,
        "most entries extract cleanly"
    );
    // Floors well under the figures measured at commit (1.00 / 0.94): they guard against a
    // regression, the printed figures are the measurement.
    assert!(precision > 0.9, "end-to-end precision {precision:.4}");
    assert!(recall > 0.85, "end-to-end recall {recall:.4}");
}
