//! The shared pool of works that documents cite, and the Zipf-like sampler
//! that makes a few of them very popular.

use super::rng::Rng;
use super::words::*;
use crate::model::{Date, Person, Reference, WorkType};
use serde::{Deserialize, Serialize};

/// One work of the pool: its canonical fields (full given names, title in
/// title case, full container name) and the research field it belongs to.
///
/// Work `0` is the most popular, work `1` the next, and so on (Zipf rank).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Work {
    /// Identity of the work; equals its index in [`super::Truth::works`].
    pub id: usize,
    /// The research field (topic community) the work belongs to; documents
    /// of the same field cite mostly its works, which gives the co-citation
    /// graph a planted community structure.
    pub field: usize,
    /// The canonical fields.
    pub reference: Reference,
    /// The container's abbreviation as IEEE lists print it, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container_abbrev: Option<String>,
}

/// Builds `size` works from `seed`, spread over `fields` fields.
pub(crate) fn build(seed: u64, size: usize, fields: usize) -> Vec<Work> {
    let mut rng = Rng::derive(seed, u64::MAX);
    // Authors recur across works, as real authors do, so that resolving
    // people is part of the problem.
    let people: Vec<Person> = (0..(size / 3).max(60)).map(|_| person(&mut rng)).collect();
    (0..size)
        .map(|id| {
            let mut r = Rng::derive(seed ^ 0x5EED_F00D, id as u64);
            let field = Rng::derive(seed, id as u64 ^ 0xF1E1D).range(0, fields.max(1));
            work(&mut r, id, field, &people)
        })
        .collect()
}

fn person(rng: &mut Rng) -> Person {
    let family = *rng.pick(FAMILY);
    let mut given = (*rng.pick(GIVEN)).to_owned();
    if rng.chance(0.2) {
        let initial = (b'A' + rng.range(0, 26) as u8) as char;
        given.push_str(&format!(" {initial}."));
    }
    Person::new(family, Some(&given))
}

fn authors(rng: &mut Rng, people: &[Person], kind: WorkType) -> Vec<Person> {
    if kind == WorkType::Webpage && rng.chance(0.4) {
        return vec![Person::literal(*rng.pick(ORGS))];
    }
    let n = match rng.f64() {
        x if x < 0.40 => 1,
        x if x < 0.65 => 2,
        x if x < 0.80 => 3,
        _ => rng.range(4, 7),
    };
    let mut out: Vec<Person> = Vec::with_capacity(n);
    while out.len() < n {
        let p = rng.pick(people).clone();
        if !out.iter().any(|q| q.family == p.family) {
            out.push(p);
        }
    }
    out
}

fn title(rng: &mut Rng) -> String {
    let adj = rng.pick(ADJ);
    let noun = rng.pick(NOUN);
    let noun2 = rng.pick(NOUN);
    let dom = rng.pick(DOMAIN);
    let ger = rng.pick(GERUND);
    match rng.range(0, 8) {
        0 => format!("{ger} {noun}: {adj} {noun2} in {dom}"),
        1 => format!("The {adj} {noun} of {dom}"),
        2 => format!("{adj} {noun} and the Politics of {noun2}"),
        3 => format!("{noun}, {noun2}, and {adj} Futures"),
        4 => format!("Toward {adj} {noun}: Lessons from {dom}"),
        5 => format!("Who Owns {adj} {noun}?"),
        6 => format!("{ger} {dom}"),
        _ => format!("{adj} {noun} for {dom}"),
    }
}

fn year(rng: &mut Rng) -> i32 {
    // Skewed towards recent years, as reference lists are.
    let x = rng.f64();
    2024 - (x * x * 40.0) as i32
}

fn pages(rng: &mut Rng) -> String {
    let start = rng.range(1, 400);
    format!("{start}-{}", start + rng.range(6, 30))
}

fn slug(title: &str) -> String {
    let mut s = String::new();
    for w in title.split(|c: char| !c.is_alphanumeric()) {
        if w.is_empty() {
            continue;
        }
        if !s.is_empty() {
            s.push('-');
        }
        s.push_str(&w.to_lowercase());
    }
    s
}

fn doi(rng: &mut Rng, year: i32) -> String {
    let prefix = rng.pick(DOI_PREFIXES);
    match rng.range(0, 3) {
        0 => format!(
            "{prefix}/{}.{}",
            rng.range(1_000_000, 9_999_999),
            rng.range(1_000_000, 9_999_999)
        ),
        1 => format!(
            "{prefix}/s{}-{year}-{:05}-{}",
            rng.range(10000, 99999),
            rng.range(0, 99999),
            rng.range(0, 10)
        ),
        _ => format!("{prefix}/{year}.{:06}", rng.range(0, 999_999)),
    }
}

fn work(rng: &mut Rng, id: usize, field: usize, people: &[Person]) -> Work {
    let kind = match rng.f64() {
        x if x < 0.45 => WorkType::ArticleJournal,
        x if x < 0.65 => WorkType::Book,
        x if x < 0.77 => WorkType::Chapter,
        x if x < 0.90 => WorkType::Webpage,
        _ => WorkType::PaperConference,
    };
    let y = year(rng);
    let t = title(rng);
    let mut r = Reference {
        kind,
        authors: authors(rng, people, kind),
        issued: Some(Date::year(y)),
        ..Reference::default()
    };
    let mut abbrev = None;
    match kind {
        WorkType::ArticleJournal => {
            let (name, ab) = rng.pick(JOURNALS);
            r.container_title = Some((*name).to_owned());
            abbrev = Some((*ab).to_owned());
            r.volume = Some(rng.range(1, 60).to_string());
            if rng.chance(0.75) {
                r.issue = Some(rng.range(1, 12).to_string());
            }
            r.pages = Some(pages(rng));
            if rng.chance(0.8) {
                r.doi = Some(doi(rng, y));
            }
        }
        WorkType::Book => {
            let (publisher, place) = rng.pick(PUBLISHERS);
            r.publisher = Some((*publisher).to_owned());
            r.publisher_place = Some((*place).to_owned());
            if rng.chance(0.1) {
                r.edition = Some(rng.pick(&["2nd", "3rd", "Revised"]).to_string());
            }
        }
        WorkType::Chapter => {
            let (publisher, place) = rng.pick(PUBLISHERS);
            r.publisher = Some((*publisher).to_owned());
            r.publisher_place = Some((*place).to_owned());
            r.container_title = Some(title(rng));
            let n = rng.range(1, 3);
            r.editors = (0..n).map(|_| rng.pick(people).clone()).collect();
            r.pages = Some(pages(rng));
        }
        WorkType::Webpage => {
            let (site, domain) = rng.pick(SITES);
            r.container_title = Some((*site).to_owned());
            let month = rng.range(1, 13) as u8;
            let day = rng.range(1, 29) as u8;
            r.issued = Some(Date {
                year: y,
                month: Some(month),
                day: Some(day),
            });
            r.url = Some(format!("https://{domain}/{y}/{month:02}/{}", slug(&t)));
            if rng.chance(0.5) {
                r.accessed = Some(Date {
                    year: (y + 1).min(2025),
                    month: Some(rng.range(1, 13) as u8),
                    day: Some(rng.range(1, 29) as u8),
                });
            }
        }
        _ => {
            let (name, ab) = rng.pick(CONFERENCES);
            r.container_title = Some((*name).to_owned());
            abbrev = Some((*ab).to_owned());
            r.publisher = Some(rng.pick(&["ACM", "IEEE", "Curran Associates"]).to_string());
            r.publisher_place = Some(rng.pick(CONF_PLACES).to_string());
            r.pages = Some(pages(rng));
            if rng.chance(0.7) {
                r.doi = Some(doi(rng, y));
            }
        }
    }
    r.title = Some(t);
    Work {
        id,
        field,
        reference: r,
        container_abbrev: abbrev,
    }
}

/// Draws work ids with probability proportional to `1 / (rank + 1)^s`,
/// overall and within each field.
pub(crate) struct Sampler {
    all: Vec<f64>,
    by_field: Vec<(Vec<usize>, Vec<f64>)>,
}

fn cumulative(n: usize, s: f64) -> Vec<f64> {
    let mut acc = 0.0;
    (0..n)
        .map(|r| {
            acc += 1.0 / ((r + 1) as f64).powf(s);
            acc
        })
        .collect()
}

fn draw(cum: &[f64], rng: &mut Rng) -> usize {
    let total = cum.last().copied().unwrap_or(0.0);
    let x = rng.f64() * total;
    cum.partition_point(|&c| c <= x)
        .min(cum.len().saturating_sub(1))
}

impl Sampler {
    pub(crate) fn new(works: &[Work], fields: usize, s: f64) -> Self {
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); fields.max(1)];
        for w in works {
            members[w.field].push(w.id);
        }
        let by_field = members
            .into_iter()
            .map(|ids| {
                let cum = cumulative(ids.len(), s);
                (ids, cum)
            })
            .collect();
        Sampler {
            all: cumulative(works.len(), s),
            by_field,
        }
    }

    /// One work: from `field` with probability `locality`, else from the
    /// whole pool.
    pub(crate) fn sample(&self, rng: &mut Rng, field: usize, locality: f64) -> usize {
        if rng.chance(locality) {
            if let Some((ids, cum)) = self.by_field.get(field) {
                if !ids.is_empty() {
                    return ids[draw(cum, rng)];
                }
            }
        }
        draw(&self.all, rng)
    }

    /// `k` distinct works (fewer if the pool is smaller).
    pub(crate) fn distinct(
        &self,
        rng: &mut Rng,
        k: usize,
        field: usize,
        locality: f64,
    ) -> Vec<usize> {
        let n = self.all.len();
        let k = k.min(n);
        let mut out = Vec::with_capacity(k);
        let mut tries = 0;
        while out.len() < k {
            let id = if tries < k * 50 {
                self.sample(rng, field, locality)
            } else {
                // The head is exhausted: fall back to uniform draws.
                rng.range(0, n)
            };
            tries += 1;
            if !out.contains(&id) {
                out.push(id);
            }
        }
        out
    }
}
