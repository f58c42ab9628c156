//! A generated Web of Science plain-text export with known truth, for the
//! scale benchmark of database exports (issue #13).
//!
//! A pool of works (first author, year, journal, volume, first page, DOI
//! for most) is cited with Zipf-skewed popularity; every record of the
//! export is itself a pool work, so records cite records. Each cited
//! reference is written the way WoS writes it, with its damage: the DOI
//! left out (so only author, year, source and locators can join it),
//! `DOI DOI`, a lower-case `p` page, the journal cut at 20 characters
//! instead of its J9 abbreviation, and a full given name instead of
//! initials.

use super::rng::Rng;
use super::words::{DOMAIN, FAMILY, GIVEN};
use std::io::{self, Write};

/// What to generate.
#[derive(Debug, Clone)]
pub struct ExportConfig {
    /// Records in the export.
    pub records: usize,
    /// Cited references per record (on average).
    pub refs_per_record: usize,
    /// Works in the pool (0: ten per record, at least 1,000).
    pub pool: usize,
    /// Seed.
    pub seed: u64,
}

/// What was generated.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct ExportTruth {
    /// Records written.
    pub records: usize,
    /// Cited references written (the sum of the records' `NR`).
    pub cited_references: usize,
    /// Distinct pool works cited at least once (what a perfect resolver
    /// finds among the cited references).
    pub distinct_works: usize,
}

/// A journal: full title and its J9 abbreviation.
struct Journal {
    full: String,
    j9: String,
}

fn abbreviate(word: &str) -> String {
    let w = word.to_ascii_uppercase();
    match w.as_str() {
        "JOURNAL" => "J".into(),
        "INTERNATIONAL" => "INT".into(),
        "REVIEW" => "REV".into(),
        "ANNALS" => "ANN".into(),
        _ => w.chars().take(5).collect(),
    }
}

fn journals(rng: &mut Rng, n: usize) -> Vec<Journal> {
    const HEADS: &[&str] = &[
        "Journal of",
        "International Journal of",
        "Review of",
        "Annals of",
    ];
    let mut out: Vec<Journal> = Vec::with_capacity(n);
    let mut seen = std::collections::HashSet::new();
    while out.len() < n {
        let head = *rng.pick(HEADS);
        let words: Vec<&str> = (0..rng.range(1, 3))
            .map(|_| {
                let d = *rng.pick(DOMAIN);
                d.split_whitespace().next().unwrap_or(d)
            })
            .collect();
        let full = format!("{head} {}", words.join(" "));
        if !seen.insert(full.clone()) {
            if seen.len() > n * 4 {
                break;
            }
            continue;
        }
        let j9: Vec<String> = full
            .split_whitespace()
            .filter(|w| *w != "of")
            .map(abbreviate)
            .collect();
        let mut j9 = j9.join(" ");
        j9.truncate(20);
        out.push(Journal { full, j9 });
    }
    out
}

/// One work of the pool.
struct Work {
    family: &'static str,
    given: &'static str,
    year: u32,
    journal: u32,
    volume: u32,
    page: u32,
    doi: Option<u64>,
}

fn initials(given: &str) -> String {
    given
        .chars()
        .next()
        .map(|c| c.to_ascii_uppercase())
        .into_iter()
        .collect()
}

/// Writes the export to `out`, returning its truth. Deterministic in the
/// configuration.
///
/// # Errors
///
/// Any error writing to `out`.
pub fn write_wos_export<W: Write>(cfg: &ExportConfig, mut out: W) -> io::Result<ExportTruth> {
    let mut rng = Rng::derive(cfg.seed, 13);
    let pool_size = if cfg.pool == 0 {
        (cfg.records * 10).max(1000)
    } else {
        cfg.pool
    };
    let js = journals(&mut rng, 400);
    let pool: Vec<Work> = (0..pool_size)
        .map(|i| Work {
            family: FAMILY[rng.range(0, FAMILY.len())],
            given: GIVEN[rng.range(0, GIVEN.len())],
            year: 1960 + rng.range(0, 64) as u32,
            journal: rng.range(0, js.len()) as u32,
            volume: 1 + rng.range(0, 150) as u32,
            page: 1 + rng.range(0, 3000) as u32,
            doi: rng.chance(0.7).then_some(i as u64),
        })
        .collect();
    let mut cited = vec![false; pool_size];
    let mut truth = ExportTruth::default();
    writeln!(out, "FN Clarivate Analytics Web of Science\nVR 1.0")?;
    // Zipf-like popularity: index = pool * u^3 favours low indices.
    let draw = |rng: &mut Rng| -> usize {
        let u = rng.f64();
        ((u * u * u) * pool_size as f64) as usize % pool_size
    };
    let stride = (pool_size / cfg.records.max(1)).max(1);
    for r in 0..cfg.records {
        // Record r is pool work r * stride, so popular records are cited.
        let me = &pool[(r * stride) % pool_size];
        let j = &js[me.journal as usize];
        let n = cfg.refs_per_record / 2 + rng.range(0, cfg.refs_per_record + 1);
        writeln!(out, "PT J")?;
        writeln!(out, "AU {}, {}", me.family, initials(me.given))?;
        writeln!(out, "TI Generated record {r} on {}", j.full.to_lowercase())?;
        writeln!(out, "SO {}", j.full.to_uppercase())?;
        writeln!(out, "J9 {}", j.j9)?;
        writeln!(out, "PY {}", me.year)?;
        writeln!(out, "VL {}", me.volume)?;
        writeln!(out, "BP {}", me.page)?;
        writeln!(out, "EP {}", me.page + 12)?;
        if let Some(d) = me.doi {
            writeln!(out, "DI 10.5555/synth.{d}")?;
        }
        let mut tag = "CR";
        for _ in 0..n {
            let i = draw(&mut rng);
            cited[i] = true;
            let w = &pool[i];
            let jw = &js[w.journal as usize];
            let author = if rng.chance(0.02) {
                format!("{} {}", w.family, w.given)
            } else {
                format!("{} {}", w.family, initials(w.given))
            };
            let source = if rng.chance(0.05) {
                let mut s = jw.full.to_uppercase();
                s.truncate(20);
                s.trim_end().to_owned()
            } else {
                jw.j9.clone()
            };
            let page = if rng.chance(0.03) { 'p' } else { 'P' };
            write!(
                out,
                "{tag} {author}, {}, {source}, V{}, {page}{}",
                w.year, w.volume, w.page
            )?;
            if let Some(d) = w.doi.filter(|_| !rng.chance(0.15)) {
                let twice = if rng.chance(0.03) { "DOI " } else { "" };
                write!(out, ", DOI {twice}10.5555/synth.{d}")?;
            }
            writeln!(out)?;
            tag = "  ";
        }
        writeln!(out, "NR {n}\nER\n")?;
        truth.records += 1;
        truth.cited_references += n;
    }
    writeln!(out, "EF")?;
    truth.distinct_works = cited.iter().filter(|c| **c).count();
    Ok(truth)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_export_reads_back_whole() {
        let cfg = ExportConfig {
            records: 30,
            refs_per_record: 20,
            pool: 0,
            seed: 7,
        };
        let mut buf = Vec::new();
        let truth = write_wos_export(&cfg, &mut buf).unwrap();
        let sources =
            crate::input::format::read_bytes(std::path::Path::new("x.txt"), &buf).unwrap();
        assert_eq!(sources.len(), truth.records);
        let n: usize = sources
            .iter()
            .map(|s| s.entries.as_ref().map_or(0, Vec::len))
            .sum();
        assert_eq!(n, truth.cited_references);
        assert!(sources.iter().all(|s| s.notes.is_empty()));
    }
}
