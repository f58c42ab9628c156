//! In-text citations on papers rendered by pandoc in five CSL styles
//! (`tests/fixtures/rendered/`, made by `scripts/render-papers.sh`), where
//! the truth is known: pandoc's Lua filter recorded which keys each
//! citation cites and which defects were planted.
//!
//! Scored per cited item, the same way in every style: an item counts as
//! found when a citation the check reports covers the place pandoc wrote it
//! and resolves one of its items to the entry of that key. A reported item
//! whose citation covers no rendered citation is a false citation.
//!
//! `cargo test --release --test cite_rendered -- --nocapture` prints the
//! figures per style (`scripts/score-citations.sh` does just that).

use citemap::check::{check_document, citations, Config, Kind, Severity};
use citemap::cite::Resolution;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
struct Truth {
    citations: Vec<TruthCite>,
    entries: Vec<TruthEntry>,
    defects: Vec<Defect>,
}

#[derive(Debug, Deserialize)]
struct TruthCite {
    keys: Vec<String>,
    text: String,
    /// The author's footnote this citation stands in.
    note: Option<usize>,
    /// The footnote a notes style made of this citation.
    marker: Option<usize>,
    #[serde(default)]
    defects: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct TruthEntry {
    key: String,
    text: String,
}

#[derive(Debug, Deserialize)]
struct Defect {
    kind: String,
    key: String,
}

const STYLES: [&str; 5] = ["apa", "mla", "chicago-ad", "ieee", "chicago-notes"];

/// The first held-out paper (`tests/fixtures/heldout/`) is held out no
/// longer: its MLA figure, 90.9 % (20 of 22 items) on its first run, led
/// to the fix for organisations' names with abbreviations ("U.S.
/// Environmental Protection Agency"), after which every style reaches
/// 100 %. It stays as a regression test at that figure.
const FORMERLY_HELD_OUT_FLOOR: f64 = 100.0;

/// The papers of `tests/fixtures/heldout2/` are held out no longer: their
/// first run (APA 88.5 %, Chicago author-date 90.4 %, IEEE 100 %, MLA
/// 78.8 % with one false item, Chicago notes 96.2 %) led to fixes for long
/// organisation names, names wrapped onto indented lines, a whole short
/// title against a longer one it starts, a year alone continuing the
/// author last named in the paragraph, an organisation named in prose just
/// before its own citation, and MLA editors and untitled short titles.
/// They stay as a regression test at
/// what they reach since: per paper and style, right % at least, false
/// items, errors and warnings at most.
const FORMER_HELD_OUT2_FLOORS: &[(&str, &str, f64, usize, usize, usize, usize)] = &[
    ("12-library-access", "apa", 100.0, 0, 0, 0, 0),
    ("12-library-access", "chicago-ad", 100.0, 0, 0, 0, 0),
    ("12-library-access", "chicago-notes", 96.3, 0, 0, 0, 0),
    ("12-library-access", "ieee", 100.0, 0, 0, 0, 0),
    ("12-library-access", "mla", 92.6, 0, 0, 1, 0),
    ("13-fisheries-commons", "apa", 96.0, 0, 0, 0, 0),
    ("13-fisheries-commons", "chicago-ad", 96.0, 0, 0, 1, 0),
    ("13-fisheries-commons", "chicago-notes", 96.0, 0, 0, 0, 0),
    ("13-fisheries-commons", "ieee", 100.0, 0, 0, 0, 0),
    ("13-fisheries-commons", "mla", 88.0, 0, 0, 1, 0),
];

/// `tests/fixtures/heldout3/`: held out until its first run (APA 92.7,
/// Chicago author-date 94.5, IEEE 100, MLA 96.4, Chicago notes 94.5 %)
/// led to the fixes of the next round; now a regression test at what it
/// reaches since.
const FORMER_HELD_OUT3_FLOORS: &[(&str, &str, f64, usize, usize, usize, usize)] = &[
    // (paper, style, right % at least, false items, errors, warnings,
    // planted defects not reported, at most)
    ("14-urban-water", "apa", 100.0, 0, 0, 0, 0),
    ("14-urban-water", "chicago-ad", 100.0, 0, 0, 0, 0),
    ("14-urban-water", "chicago-notes", 100.0, 0, 0, 0, 0),
    ("14-urban-water", "ieee", 100.0, 0, 0, 0, 0),
    ("14-urban-water", "mla", 100.0, 0, 0, 0, 0),
    ("15-school-meals", "apa", 100.0, 0, 0, 0, 0),
    ("15-school-meals", "chicago-ad", 100.0, 0, 0, 0, 0),
    ("15-school-meals", "chicago-notes", 100.0, 0, 0, 0, 0),
    ("15-school-meals", "ieee", 100.0, 0, 0, 0, 0),
    ("15-school-meals", "mla", 100.0, 0, 0, 0, 0),
];

/// `tests/fixtures/heldout4/`, written and rendered before they were
/// scored, then scored once with the rules as they then stood: APA 100,
/// Chicago author-date 98.0, IEEE 98.0, MLA 86.3 (4 false items), Chicago
/// notes 96.1 % of items right; 7 warnings on the 10 clean papers (per
/// paper: 16-minimum-wage 100 / 96.2 / 96.2 / 96.2 / 84.6 with 3 false
/// items, 17-restitution 100 / 100 / 96.0 / 100 / 88.0 with 1, in the
/// order APA, Chicago author-date, Chicago notes, IEEE, MLA). That run led
/// to the fixes of its round, so they are no longer held out: the floors
/// are what they reach since.
const FORMER_HELD_OUT4_FLOORS: &[(&str, &str, f64, usize, usize, usize, usize)] = &[
    // (paper, style, right % at least, false items, errors, warnings,
    // planted defects not reported, at most)
    ("16-minimum-wage", "apa", 100.0, 0, 0, 0, 0),
    ("16-minimum-wage", "chicago-ad", 100.0, 0, 0, 0, 0),
    ("16-minimum-wage", "chicago-notes", 100.0, 0, 0, 0, 0),
    ("16-minimum-wage", "ieee", 100.0, 0, 0, 0, 0),
    ("16-minimum-wage", "mla", 100.0, 0, 0, 0, 0),
    ("17-restitution", "apa", 100.0, 0, 0, 0, 0),
    ("17-restitution", "chicago-ad", 100.0, 0, 0, 0, 0),
    ("17-restitution", "chicago-notes", 100.0, 0, 0, 0, 0),
    ("17-restitution", "ieee", 100.0, 0, 0, 0, 0),
    ("17-restitution", "mla", 100.0, 0, 0, 0, 0),
];

/// `tests/fixtures/heldout5/`, written and rendered (by a helper that
/// never read the rules) before they were scored, then scored once with
/// the rules as they then stood: APA 88.1, Chicago author-date 90.7,
/// Chicago notes 98.3, IEEE 97.5, MLA 89.0 % of items right, 6.7 % of MLA
/// items false; 18 warnings on 15 papers; 13 of 15 planted defects
/// reported. That run is the figure to trust for a new paper; it led to
/// the fixes of its round (reprint years, volume and note locators,
/// lower-case names, notes after an unnumbered list, table cells), so
/// these papers are no longer held out: the floors are what they reach
/// since.
const FORMER_HELD_OUT5_FLOORS: &[(&str, &str, f64, usize, usize, usize, usize)] = &[
    // (paper, style, right % at least, false items, errors, warnings,
    // planted defects not reported, at most)
    ("18-sleep-memory", "apa", 100.0, 0, 0, 0, 0),
    ("18-sleep-memory", "chicago-ad", 100.0, 0, 0, 0, 0),
    ("18-sleep-memory", "chicago-notes", 100.0, 0, 0, 0, 0),
    ("18-sleep-memory", "ieee", 100.0, 0, 0, 0, 0),
    ("18-sleep-memory", "mla", 100.0, 0, 0, 0, 0),
    ("18-sleep-memory-defects", "apa", 100.0, 0, 0, 0, 0),
    ("18-sleep-memory-defects", "chicago-ad", 100.0, 0, 0, 0, 0),
    ("18-sleep-memory-defects", "chicago-notes", 97.4, 0, 0, 0, 0),
    ("18-sleep-memory-defects", "ieee", 100.0, 0, 0, 0, 0),
    ("18-sleep-memory-defects", "mla", 100.0, 0, 0, 0, 0),
    ("19-manuscripts", "apa", 100.0, 0, 0, 0, 0),
    ("19-manuscripts", "chicago-ad", 100.0, 0, 0, 0, 0),
    ("19-manuscripts", "chicago-notes", 100.0, 0, 0, 0, 0),
    ("19-manuscripts", "ieee", 100.0, 0, 0, 0, 0),
    ("19-manuscripts", "mla", 97.3, 0, 0, 1, 0),
];

/// `tests/fixtures/heldout6/`, written and rendered (by a helper that
/// never read the rules) before they were scored, then scored once with
/// the rules as they stood after heldout5's round: APA 84.1, Chicago
/// author-date 83.3, Chicago notes 92.4, IEEE 99.2, MLA 90.9 % of items
/// right (MLA 4.9 % false), 1 error and 25 warnings on 15 papers, 17 of
/// 25 planted defects reported. That run is the figure to trust for a new
/// paper; it led to the fixes of its round (an organisation's acronym in
/// brackets inside a citation, a family name that is also a label, MLA's
/// bare names of works by two, notes on pages, DOI lines taken for running
/// heads, remarks in notes), so these papers are no longer held out: the
/// floors are what they reach since.
const FORMER_HELD_OUT6_FLOORS: &[(&str, &str, f64, usize, usize, usize, usize)] = &[
    // (paper, style, right % at least, false items, errors, warnings,
    // planted defects not reported, at most)
    ("20-remittances", "apa", 97.7, 0, 0, 0, 0),
    ("20-remittances", "chicago-ad", 97.7, 0, 0, 0, 0),
    ("20-remittances", "chicago-notes", 100.0, 0, 0, 0, 0),
    ("20-remittances", "ieee", 100.0, 0, 0, 0, 0),
    ("20-remittances", "mla", 97.7, 0, 0, 0, 0),
    ("20-remittances-defects", "apa", 100.0, 0, 0, 0, 1),
    ("20-remittances-defects", "chicago-ad", 97.6, 0, 0, 1, 3),
    ("20-remittances-defects", "chicago-notes", 100.0, 0, 0, 0, 1),
    ("20-remittances-defects", "ieee", 100.0, 0, 0, 0, 0),
    ("20-remittances-defects", "mla", 97.6, 0, 0, 1, 3),
    ("21-lithium-batteries", "apa", 100.0, 0, 0, 0, 0),
    ("21-lithium-batteries", "chicago-ad", 100.0, 0, 0, 0, 0),
    ("21-lithium-batteries", "chicago-notes", 97.9, 0, 0, 0, 0),
    ("21-lithium-batteries", "ieee", 97.9, 1, 0, 0, 0),
    ("21-lithium-batteries", "mla", 100.0, 1, 0, 0, 0),
];

/// `tests/fixtures/heldout7/`, written and rendered (by a helper that
/// never read the rules) before they were scored, then scored once with
/// the rules as they stood after heldout6's round: APA 90.2, Chicago
/// author-date 90.6, Chicago notes 85.2, IEEE 97.1, MLA 88.1 % of items
/// right, 4.3–6.6 % false (most in the fine-particles paper), 1 error and
/// 31 warnings on 15 papers, 19 of 33 planted defects reported. The
/// notes figure was the truth's fault more than the rules': pandoc 2.17
/// numbers a note in an image's caption twice, so the truth's note
/// numbers ran one behind the rendering after the figure. With the
/// caption written as a paragraph (the rendering is otherwise the same)
/// and the same rules, Chicago notes is 97.1 %. The fixes of its round
/// (multi-year works, particles, prefixes, units' exponents, MLA asides,
/// running heads that were a shared volume's line, a year that fits none
/// of an author's works, an organisation with a year in its name, and
/// the scorer's notes after a numbered list) bring it to APA 100,
/// Chicago author-date 99.6, Chicago notes 97.1, IEEE 100, MLA 95.9 %,
/// 26 of 33 defects; these papers are no longer held out, and the floors
/// hold what they reach now.
const FORMER_HELD_OUT7_FLOORS: &[(&str, &str, f64, usize, usize, usize, usize)] = &[
    // (paper, style, right % at least, false items, errors, warnings,
    // planted defects not reported, at most)
    ("22-dutch-art-market", "apa", 100.0, 0, 0, 0, 0),
    ("22-dutch-art-market", "chicago-ad", 100.0, 0, 0, 0, 0),
    ("22-dutch-art-market", "chicago-notes", 97.7, 0, 1, 0, 0),
    ("22-dutch-art-market", "ieee", 100.0, 0, 0, 0, 0),
    // Two false items since heldout18's round: "…; Biesboer" in a table's
    // cell after a citation reads as one more work of a list of works.
    ("22-dutch-art-market", "mla", 96.6, 2, 0, 0, 0),
    ("22-dutch-art-market-defects", "apa", 100.0, 0, 0, 0, 0),
    (
        "22-dutch-art-market-defects",
        "chicago-ad",
        98.8,
        0,
        0,
        0,
        2,
    ),
    (
        "22-dutch-art-market-defects",
        "chicago-notes",
        97.6,
        0,
        0,
        0,
        3,
    ),
    ("22-dutch-art-market-defects", "ieee", 100.0, 0, 0, 0, 0),
    ("22-dutch-art-market-defects", "mla", 95.2, 2, 0, 0, 2),
    ("23-fine-particles", "apa", 100.0, 0, 0, 0, 0),
    ("23-fine-particles", "chicago-ad", 100.0, 0, 0, 0, 0),
    ("23-fine-particles", "chicago-notes", 95.8, 1, 0, 1, 0),
    ("23-fine-particles", "ieee", 100.0, 1, 0, 0, 0),
    ("23-fine-particles", "mla", 95.8, 0, 0, 0, 0),
];

/// `tests/fixtures/heldout8/`, written and rendered by a helper that
/// never read the rules, committed before they were scored (language
/// revitalization, with a defects copy; protein structure prediction),
/// then scored once with the rules as they stood after heldout7's round:
/// APA 89.7, Chicago author-date 87.0, Chicago notes 85.8, IEEE 99.2,
/// MLA 83.8 % of items right, 0.4–3.8 % false, 13 errors and 24 warnings
/// on 15 papers, 18 of 23 planted defects reported. The fixes of its
/// round (notes after the list, dated group heads, MLA asides, long and
/// lower-case organisation names, works told apart by more names or full
/// initials, a year after a possessive) brought it to APA 96.8, Chicago
/// author-date 96.4, Chicago notes 97.6, IEEE 99.2, MLA 91.7 %; these
/// papers are no longer held out, and the floors hold what they reach.
const FORMER_HELD_OUT8_FLOORS: &[(&str, &str, f64, usize, usize, usize, usize)] = &[
    // (paper, style, right % at least, false items, errors, warnings,
    // planted defects not reported, at most)
    ("24-language-revitalization", "apa", 98.9, 1, 0, 0, 0),
    ("24-language-revitalization", "chicago-ad", 98.9, 1, 0, 0, 0),
    (
        "24-language-revitalization",
        "chicago-notes",
        97.7,
        1,
        1,
        0,
        0,
    ),
    ("24-language-revitalization", "ieee", 100.0, 0, 0, 0, 0),
    ("24-language-revitalization", "mla", 92.0, 2, 0, 0, 0),
    (
        "24-language-revitalization-defects",
        "apa",
        97.6,
        1,
        0,
        0,
        0,
    ),
    (
        "24-language-revitalization-defects",
        "chicago-ad",
        96.5,
        1,
        0,
        1,
        2,
    ),
    (
        "24-language-revitalization-defects",
        "chicago-notes",
        97.6,
        1,
        1,
        0,
        1,
    ),
    (
        "24-language-revitalization-defects",
        "ieee",
        100.0,
        0,
        0,
        0,
        0,
    ),
    (
        "24-language-revitalization-defects",
        "mla",
        92.9,
        2,
        0,
        0,
        2,
    ),
    ("25-protein-structure", "apa", 93.8, 1, 0, 0, 0),
    ("25-protein-structure", "chicago-ad", 93.8, 1, 0, 0, 0),
    ("25-protein-structure", "chicago-notes", 97.5, 0, 0, 0, 0),
    ("25-protein-structure", "ieee", 97.5, 1, 0, 0, 0),
    ("25-protein-structure", "mla", 90.1, 1, 0, 1, 0),
];

/// `tests/fixtures/heldout9/`, written and rendered by a helper that
/// never read the rules, committed before they were scored (medieval
/// pilgrimage, with a defects copy; earthquake early warning), then
/// scored once with the rules as they stood after heldout8's round: APA
/// 94.6, Chicago author-date 93.9, Chicago notes 91.7, IEEE 100, MLA
/// 88.5 % of items right, 0–3.2 % false, 11 errors and 14 warnings on 15
/// papers, 19 of 23 planted defects reported. Its round's fixes raised them to the
/// floors below; now a regression test.
const FORMER_HELD_OUT9_FLOORS: &[(&str, &str, f64, usize, usize, usize, usize)] = &[
    // (paper, style, right % at least, false items, errors, warnings,
    // planted defects not reported, at most)
    ("26-medieval-pilgrimage", "apa", 99.1, 0, 0, 1, 0),
    ("26-medieval-pilgrimage", "chicago-ad", 100.0, 0, 0, 0, 0),
    ("26-medieval-pilgrimage", "chicago-notes", 96.2, 3, 0, 0, 0),
    ("26-medieval-pilgrimage", "ieee", 100.0, 0, 0, 0, 0),
    ("26-medieval-pilgrimage", "mla", 97.2, 3, 0, 0, 0),
    ("26-medieval-pilgrimage-defects", "apa", 99.0, 0, 0, 0, 1),
    (
        "26-medieval-pilgrimage-defects",
        "chicago-ad",
        100.0,
        0,
        1,
        0,
        1,
    ),
    (
        "26-medieval-pilgrimage-defects",
        "chicago-notes",
        96.2,
        3,
        0,
        0,
        2,
    ),
    ("26-medieval-pilgrimage-defects", "ieee", 100.0, 0, 0, 0, 0),
    ("26-medieval-pilgrimage-defects", "mla", 98.1, 3, 0, 0, 1),
    ("27-earthquake-early-warning", "apa", 100.0, 0, 0, 0, 0),
    (
        "27-earthquake-early-warning",
        "chicago-ad",
        97.1,
        0,
        0,
        2,
        0,
    ),
    (
        "27-earthquake-early-warning",
        "chicago-notes",
        96.1,
        1,
        0,
        0,
        0,
    ),
    ("27-earthquake-early-warning", "ieee", 100.0, 0, 0, 0, 0),
    ("27-earthquake-early-warning", "mla", 98.1, 1, 0, 1, 0),
];

/// `tests/fixtures/heldout10/`, written and rendered by a helper that
/// never read the rules, committed before they were scored (colonial
/// cartography, with a defects copy; antimicrobial resistance), then
/// scored once with the rules as they stood after heldout9's round: APA
/// 91.5, Chicago author-date 91.5, Chicago notes 93.0, IEEE 98.2, MLA
/// 87.9 % of items right, 0–5.7 % false, 5 errors and 9 warnings on 15
/// papers, 16 of 23 planted defects reported. That run is the figure to
/// trust for a new paper; the floors hold what they reach since, as a
/// regression test.
const FORMER_HELD_OUT10_FLOORS: &[(&str, &str, f64, usize, usize, usize, usize)] = &[
    // (paper, style, right % at least, false items, errors, warnings,
    // planted defects not reported, at most)
    ("28-colonial-cartography", "apa", 95.3, 0, 0, 0, 0),
    ("28-colonial-cartography", "chicago-ad", 94.1, 0, 0, 0, 0),
    ("28-colonial-cartography", "chicago-notes", 90.6, 2, 1, 0, 0),
    ("28-colonial-cartography", "ieee", 98.8, 1, 0, 0, 0),
    ("28-colonial-cartography", "mla", 89.4, 8, 1, 0, 0),
    ("28-colonial-cartography-defects", "apa", 95.2, 0, 0, 0, 1),
    (
        "28-colonial-cartography-defects",
        "chicago-ad",
        92.8,
        0,
        0,
        0,
        2,
    ),
    (
        "28-colonial-cartography-defects",
        "chicago-notes",
        90.4,
        6,
        1,
        0,
        2,
    ),
    ("28-colonial-cartography-defects", "ieee", 98.8, 1, 0, 0, 0),
    ("28-colonial-cartography-defects", "mla", 90.4, 7, 1, 0, 2),
    ("29-antibiotic-resistance", "apa", 98.1, 0, 0, 0, 0),
    ("29-antibiotic-resistance", "chicago-ad", 98.1, 0, 0, 0, 0),
    (
        "29-antibiotic-resistance",
        "chicago-notes",
        97.1,
        1,
        0,
        0,
        0,
    ),
    ("29-antibiotic-resistance", "ieee", 97.1, 3, 0, 0, 0),
    ("29-antibiotic-resistance", "mla", 88.5, 2, 2, 2, 0),
];

/// `tests/fixtures/heldout11/`, written and rendered by a helper that
/// never read the rules, committed before they were scored (early-modern
/// book censorship, with a defects copy; quantum error correction), then
/// scored once with the rules as they stood after heldout10's round: APA
/// 86.6, Chicago author-date 87.5, Chicago notes 93.3, IEEE 98.1, MLA
/// 90.7 % of items right, 2.1–5.8 % false, 16 errors and 32 warnings on
/// the 10 clean renderings, 20 of 23 planted defects reported. That run is
/// the figure to trust for a new paper; the floors hold what they reach
/// since, as a regression test.
const FORMER_HELD_OUT11_FLOORS: &[(&str, &str, f64, usize, usize, usize, usize)] = &[
    // (paper, style, right % at least, false items, errors, warnings,
    // planted defects not reported, at most)
    ("30-book-censorship", "apa", 100.0, 3, 2, 1, 0),
    ("30-book-censorship", "chicago-ad", 100.0, 4, 0, 1, 0),
    ("30-book-censorship", "chicago-notes", 96.2, 2, 0, 0, 0),
    ("30-book-censorship", "ieee", 100.0, 0, 0, 0, 0),
    ("30-book-censorship", "mla", 95.2, 6, 2, 1, 0),
    ("30-book-censorship-defects", "apa", 100.0, 3, 2, 1, 0),
    (
        "30-book-censorship-defects",
        "chicago-ad",
        100.0,
        4,
        0,
        1,
        1,
    ),
    (
        "30-book-censorship-defects",
        "chicago-notes",
        96.1,
        2,
        0,
        0,
        1,
    ),
    ("30-book-censorship-defects", "ieee", 100.0, 0, 0, 0, 0),
    ("30-book-censorship-defects", "mla", 95.1, 6, 2, 1, 1),
    ("31-quantum-error-correction", "apa", 100.0, 0, 1, 0, 0),
    (
        "31-quantum-error-correction",
        "chicago-ad",
        100.0,
        0,
        0,
        0,
        0,
    ),
    (
        "31-quantum-error-correction",
        "chicago-notes",
        95.3,
        0,
        1,
        0,
        0,
    ),
    ("31-quantum-error-correction", "ieee", 96.2, 4, 0, 0, 0),
    ("31-quantum-error-correction", "mla", 90.6, 10, 1, 2, 0),
];

/// `tests/fixtures/heldout12/`, written and rendered by a helper that
/// never read the rules, committed before they were scored (civil
/// examinations in China, Korea, Vietnam and the Ottoman Empire, with a
/// defects copy; wind-farm wakes). Their first run (commit "heldout12
/// scored once at cad51b7 …") is the figure to trust for a new paper; the
/// floors hold what they reach since, as a regression test.
const FORMER_HELD_OUT12_FLOORS: &[(&str, &str, f64, usize, usize, usize, usize)] = &[
    // (paper, style, right % at least, false items, errors, warnings,
    // planted defects not reported, at most)
    ("32-civil-examinations", "apa", 100.0, 0, 0, 0, 0),
    ("32-civil-examinations", "chicago-ad", 99.2, 0, 0, 0, 0),
    ("32-civil-examinations", "chicago-notes", 97.6, 1, 0, 0, 0),
    ("32-civil-examinations", "ieee", 100.0, 1, 0, 0, 0),
    ("32-civil-examinations", "mla", 93.5, 7, 0, 0, 0),
    ("32-civil-examinations-defects", "apa", 100.0, 0, 0, 0, 0),
    (
        "32-civil-examinations-defects",
        "chicago-ad",
        99.2,
        0,
        0,
        0,
        0,
    ),
    (
        "32-civil-examinations-defects",
        "chicago-notes",
        97.5,
        1,
        0,
        0,
        1,
    ),
    ("32-civil-examinations-defects", "ieee", 100.0, 1, 0, 0, 0),
    ("32-civil-examinations-defects", "mla", 93.4, 7, 0, 0, 0),
    ("33-wind-farm-wakes", "apa", 100.0, 1, 2, 0, 0),
    ("33-wind-farm-wakes", "chicago-ad", 99.2, 1, 1, 1, 0),
    ("33-wind-farm-wakes", "chicago-notes", 100.0, 1, 0, 0, 0),
    ("33-wind-farm-wakes", "ieee", 96.0, 10, 0, 0, 0),
    ("33-wind-farm-wakes", "mla", 92.9, 9, 1, 2, 0),
];

/// `tests/fixtures/heldout13/`, written and rendered by a helper that
/// never read the rules, committed before they were scored (Andean textile
/// economies, with a defects copy; coral bleaching). Their first run
/// (commit "heldout13 scored once at cff4b77 …") is the figure to trust
/// for a new paper; the floors hold what they reach since, as a
/// regression test.
const FORMER_HELD_OUT13_FLOORS: &[(&str, &str, f64, usize, usize, usize, usize)] = &[
    // (paper, style, right % at least, false items, errors, warnings,
    // planted defects not reported, at most)
    ("34-andean-textiles", "apa", 100.0, 0, 0, 0, 0),
    ("34-andean-textiles", "chicago-ad", 100.0, 0, 0, 0, 0),
    ("34-andean-textiles", "chicago-notes", 99.2, 0, 0, 0, 0),
    ("34-andean-textiles", "ieee", 100.0, 0, 0, 0, 0),
    ("34-andean-textiles", "mla", 96.9, 0, 0, 1, 0),
    ("34-andean-textiles-defects", "apa", 100.0, 0, 0, 0, 0),
    (
        "34-andean-textiles-defects",
        "chicago-ad",
        100.0,
        0,
        0,
        0,
        0,
    ),
    (
        "34-andean-textiles-defects",
        "chicago-notes",
        99.2,
        0,
        0,
        0,
        3,
    ),
    ("34-andean-textiles-defects", "ieee", 100.0, 0, 0, 0, 0),
    ("34-andean-textiles-defects", "mla", 95.9, 0, 0, 2, 2),
    ("35-coral-bleaching", "apa", 100.0, 0, 0, 0, 0),
    ("35-coral-bleaching", "chicago-ad", 100.0, 1, 0, 0, 0),
    ("35-coral-bleaching", "chicago-notes", 98.4, 1, 1, 0, 0),
    ("35-coral-bleaching", "ieee", 98.4, 2, 0, 0, 0),
    ("35-coral-bleaching", "mla", 96.8, 1, 0, 0, 0),
];

/// `tests/fixtures/heldout14/`, written and rendered by a helper that
/// never read the rules, committed before they were scored (early modern
/// music printing, with a defects copy; glacier mass balance). Their first
/// run, with the rules of 795daf1, is the figure to trust for a new paper:
/// APA 97.8 %, Chicago author-date 97.5, Chicago notes 96.1, IEEE 97.5,
/// MLA 83.9 % right; false 0.8 / 0.8 / 1.3 / 1.6 / 1.1 %; 12 errors and 10
/// warnings on the 10 clean renderings; 16 of 28 planted defects reported.
/// The floors hold what they reach since.
const FORMER_HELD_OUT14_FLOORS: &[(&str, &str, f64, usize, usize, usize, usize)] = &[
    // (paper, style, right % at least, false items, errors, warnings,
    // planted defects not reported, at most)
    ("36-music-printing", "apa", 98.3, 0, 0, 0, 0),
    ("36-music-printing", "chicago-ad", 98.3, 0, 0, 0, 0),
    ("36-music-printing", "chicago-notes", 95.4, 2, 1, 0, 0),
    ("36-music-printing", "ieee", 100.0, 0, 0, 0, 0),
    ("36-music-printing", "mla", 91.4, 2, 0, 0, 0),
    ("36-music-printing-defects", "apa", 97.6, 0, 0, 1, 0),
    ("36-music-printing-defects", "chicago-ad", 97.6, 0, 0, 1, 0),
    (
        "36-music-printing-defects",
        "chicago-notes",
        94.7,
        4,
        1,
        0,
        3,
    ),
    ("36-music-printing-defects", "ieee", 100.0, 0, 0, 0, 0),
    ("36-music-printing-defects", "mla", 90.6, 2, 0, 0, 3),
    ("37-glacier-mass-balance", "apa", 100.0, 0, 0, 0, 0),
    ("37-glacier-mass-balance", "chicago-ad", 100.0, 0, 0, 0, 0),
    ("37-glacier-mass-balance", "chicago-notes", 98.2, 1, 0, 0, 0),
    ("37-glacier-mass-balance", "ieee", 97.0, 5, 0, 0, 0),
    ("37-glacier-mass-balance", "mla", 95.8, 0, 0, 1, 0),
];

/// `tests/fixtures/heldout15/`, written and rendered by a helper that
/// never read the rules, committed before they were scored (Ottoman tax
/// registers, with a defects copy; epidemic forecasting). Their first run,
/// with the rules of bd88516, is the figure to trust for a new paper: APA
/// 98.5 %, Chicago author-date 98.8, Chicago notes 99.7, IEEE 100.0, MLA
/// 95.3 % right; false 0.17 / 0.17 / 0.16 / 0.17 / 1.25 %; 2 errors and 14
/// warnings on the 10 clean renderings; 39 of 43 planted defects reported.
/// The floors held what they reached after its round's fixes; a regression
/// test since heldout16.
const FORMER_HELD_OUT15_FLOORS: &[(&str, &str, f64, usize, usize, usize, usize)] = &[
    // (paper, style, right % at least, false items, errors, warnings,
    // planted defects not reported, at most)
    ("38-ottoman-tahrir", "apa", 98.5, 0, 0, 1, 0),
    ("38-ottoman-tahrir", "chicago-ad", 99.0, 0, 0, 1, 0),
    ("38-ottoman-tahrir", "chicago-notes", 99.5, 0, 0, 0, 0),
    ("38-ottoman-tahrir", "ieee", 100.0, 0, 0, 0, 0),
    ("38-ottoman-tahrir", "mla", 96.1, 2, 0, 2, 0),
    ("38-ottoman-tahrir-defects", "apa", 98.5, 0, 0, 1, 0),
    ("38-ottoman-tahrir-defects", "chicago-ad", 99.0, 0, 0, 1, 0),
    (
        "38-ottoman-tahrir-defects",
        "chicago-notes",
        99.5,
        0,
        0,
        0,
        0,
    ),
    ("38-ottoman-tahrir-defects", "ieee", 100.0, 0, 0, 0, 0),
    ("38-ottoman-tahrir-defects", "mla", 95.9, 3, 0, 2, 2),
    ("39-epidemic-forecasting", "apa", 100.0, 0, 0, 0, 0),
    ("39-epidemic-forecasting", "chicago-ad", 100.0, 0, 0, 0, 0),
    (
        "39-epidemic-forecasting",
        "chicago-notes",
        100.0,
        0,
        0,
        0,
        0,
    ),
    ("39-epidemic-forecasting", "ieee", 100.0, 0, 0, 0, 0),
    ("39-epidemic-forecasting", "mla", 99.0, 2, 0, 0, 0),
];

/// `tests/fixtures/heldout16/`, written and rendered by a helper that
/// never read the rules, committed before they were scored (lighthouse
/// administration, with a defects copy; battery-free soil sensing).
/// Their first run, with the rules of fd8f283, is the figure to trust for a
/// new paper: APA 95.8 %, Chicago author-date 95.8, Chicago notes 93.1, IEEE
/// 100.0, MLA 92.9 % right; false 0.66 / 0.66 / 0.63 / 0.32 / 5.53 %; 15
/// errors and 15 warnings on the 10 clean renderings; 27 of 33 planted
/// defects reported. (That is with one source citation mended: pandoc had
/// not parsed a group whose suffix held a second key, "…, and
/// @nancollas2018, 230--244, …", and printed one narrative citation for
/// nine; scored as written the run was 92.9 / 92.9 / 90.5 / 97.1 / 90.1.)
/// The floors held what they reached after its round's fixes; a regression
/// test since heldout17.
const FORMER_HELD_OUT16_FLOORS: &[(&str, &str, f64, usize, usize, usize, usize)] = &[
    // (paper, style, right % at least, false items, errors, warnings,
    // planted defects not reported, at most)
    // The lighthouse paper's MLA floor fell by one item (95.7 to 95.2)
    // when the parser read "Sánchez Terry, Miguel Ángel." as one person
    // with a double surname, not two: the bare "Sánchez Terry" in a
    // table's cell no longer resolves.
    ("40-coastal-lights", "apa", 99.5, 1, 0, 0, 0),
    ("40-coastal-lights", "chicago-ad", 99.5, 1, 0, 0, 0),
    ("40-coastal-lights", "chicago-notes", 100.0, 0, 0, 0, 0),
    ("40-coastal-lights", "ieee", 100.0, 0, 0, 0, 0),
    ("40-coastal-lights", "mla", 95.2, 15, 0, 2, 0),
    ("40-coastal-lights-defects", "apa", 99.5, 1, 0, 0, 0),
    ("40-coastal-lights-defects", "chicago-ad", 99.5, 1, 0, 0, 0),
    (
        "40-coastal-lights-defects",
        "chicago-notes",
        100.0,
        0,
        0,
        0,
        0,
    ),
    ("40-coastal-lights-defects", "ieee", 100.0, 0, 0, 0, 0),
    ("40-coastal-lights-defects", "mla", 94.6, 15, 0, 2, 1),
    ("41-batteryless-sensing", "apa", 100.0, 1, 0, 0, 0),
    ("41-batteryless-sensing", "chicago-ad", 100.0, 1, 0, 0, 0),
    ("41-batteryless-sensing", "chicago-notes", 98.6, 3, 0, 0, 0),
    ("41-batteryless-sensing", "ieee", 100.0, 1, 0, 0, 0),
    ("41-batteryless-sensing", "mla", 91.4, 7, 2, 8, 0),
];

/// `tests/fixtures/heldout17/`, written and rendered by a helper that
/// never read the rules, committed before they were scored (postal
/// services and letter-writing manuals, with a defects copy; passive
/// acoustic monitoring of whales). Their first run, with the rules of
/// d1167a4, is the figure to trust for a new paper: APA 96.8 %, Chicago
/// author-date 97.1, Chicago notes 97.1, IEEE 100.0, MLA 95.8 % right;
/// false 0.16 / 0.16 / 1.39 / 0.16 / 1.59 %; no error and 10 warnings on
/// the 10 clean renderings; 34 of 43 planted defects reported.
/// The floors held what they reached after its round's fixes; a regression
/// test since heldout18.
const FORMER_HELD_OUT17_FLOORS: &[(&str, &str, f64, usize, usize, usize, usize)] = &[
    // (paper, style, right % at least, false items, errors, warnings,
    // planted defects not reported, at most)
    ("42-posts-and-letters", "apa", 99.1, 0, 0, 0, 0),
    ("42-posts-and-letters", "chicago-ad", 99.5, 0, 0, 0, 0),
    ("42-posts-and-letters", "chicago-notes", 98.6, 0, 0, 0, 0),
    ("42-posts-and-letters", "ieee", 100.0, 0, 0, 0, 0),
    ("42-posts-and-letters", "mla", 97.7, 4, 0, 0, 0),
    ("42-posts-and-letters-defects", "apa", 99.0, 0, 0, 0, 1),
    (
        "42-posts-and-letters-defects",
        "chicago-ad",
        99.5,
        0,
        0,
        0,
        1,
    ),
    (
        "42-posts-and-letters-defects",
        "chicago-notes",
        97.6,
        2,
        0,
        0,
        3,
    ),
    ("42-posts-and-letters-defects", "ieee", 100.0, 0, 0, 0, 0),
    ("42-posts-and-letters-defects", "mla", 97.1, 3, 0, 0, 4),
    ("43-whale-acoustics", "apa", 100.0, 0, 0, 0, 0),
    ("43-whale-acoustics", "chicago-ad", 100.0, 0, 0, 0, 0),
    ("43-whale-acoustics", "chicago-notes", 99.0, 0, 0, 0, 0),
    ("43-whale-acoustics", "ieee", 100.0, 0, 0, 0, 0),
    ("43-whale-acoustics", "mla", 99.0, 1, 0, 0, 0),
];

/// `tests/fixtures/heldout18/`, written and rendered by a helper that
/// never read the rules, committed before they were scored (colonial
/// botanic gardens and herbaria, with a defects copy; soil organic carbon
/// in croplands). Their first run, with the rules of 21bf164, is the
/// figure to trust for a new paper: APA 97.2 %, Chicago author-date 96.1,
/// Chicago notes 98.9, IEEE 100.0, MLA 90.2 % right; false 0.00 / 0.00 /
/// 0.27 / 0.00 / 8.67 %; no error and 13 warnings on the 10 clean
/// renderings; 38 of 38 planted defects reported.
/// The floors held what they reached after its round's fixes; a regression
/// test since heldout19.
const FORMER_HELD_OUT18_FLOORS: &[(&str, &str, f64, usize, usize, usize, usize)] = &[
    // (paper, style, right % at least, false items, errors, warnings,
    // planted defects not reported, at most)
    ("44-botanic-gardens", "apa", 99.2, 0, 0, 2, 0),
    ("44-botanic-gardens", "chicago-ad", 98.4, 0, 0, 1, 0),
    ("44-botanic-gardens", "chicago-notes", 99.2, 0, 0, 0, 0),
    ("44-botanic-gardens", "ieee", 100.0, 0, 0, 0, 0),
    ("44-botanic-gardens", "mla", 97.7, 3, 0, 1, 0),
    ("44-botanic-gardens-defects", "apa", 99.2, 0, 0, 2, 0),
    ("44-botanic-gardens-defects", "chicago-ad", 98.4, 0, 0, 1, 0),
    (
        "44-botanic-gardens-defects",
        "chicago-notes",
        99.2,
        0,
        0,
        0,
        0,
    ),
    ("44-botanic-gardens-defects", "ieee", 100.0, 0, 0, 0, 0),
    ("44-botanic-gardens-defects", "mla", 97.6, 3, 0, 1, 0),
    ("45-soil-carbon", "apa", 100.0, 0, 0, 0, 0),
    ("45-soil-carbon", "chicago-ad", 100.0, 0, 0, 0, 0),
    ("45-soil-carbon", "chicago-notes", 100.0, 0, 0, 0, 0),
    ("45-soil-carbon", "ieee", 100.0, 0, 0, 0, 0),
    ("45-soil-carbon", "mla", 95.2, 0, 0, 1, 0),
];

/// `tests/fixtures/heldout19/`, written and rendered by a helper that
/// never read the rules, committed before they were scored (weights and
/// measures and their standardisation, 1500–1950, with a defects copy;
/// groundwater depletion from satellite gravimetry). Their first run,
/// with the rules of ac32aca, is the figure to trust for a new paper: APA
/// 94.6 %, Chicago author-date 95.5,
/// Chicago notes 95.1, IEEE 100.0, MLA 93.3 % right; false 0.90 / 0.90 /
/// 1.35 / 0.00 / 3.26 %; 14 errors and 14 warnings on the 10 clean
/// renderings; 32 of 38 planted defects reported.
/// The floors held what they reached after its round's fixes; a regression
/// test since heldout20.
const FORMER_HELD_OUT19_FLOORS: &[(&str, &str, f64, usize, usize, usize, usize)] = &[
    // (paper, style, right % at least, false items, errors, warnings,
    // planted defects not reported, at most)
    ("46-weights-measures", "apa", 97.9, 0, 0, 0, 0),
    ("46-weights-measures", "chicago-ad", 97.9, 0, 0, 0, 0),
    ("46-weights-measures", "chicago-notes", 97.2, 3, 0, 0, 0),
    ("46-weights-measures", "ieee", 100.0, 0, 0, 0, 0),
    ("46-weights-measures", "mla", 96.5, 7, 0, 2, 0),
    ("46-weights-measures-defects", "apa", 97.8, 0, 0, 0, 1),
    (
        "46-weights-measures-defects",
        "chicago-ad",
        98.6,
        0,
        0,
        0,
        1,
    ),
    (
        "46-weights-measures-defects",
        "chicago-notes",
        97.8,
        2,
        1,
        0,
        3,
    ),
    ("46-weights-measures-defects", "ieee", 100.0, 0, 0, 0, 0),
    ("46-weights-measures-defects", "mla", 97.1, 6, 0, 2, 1),
    ("47-grace-groundwater", "apa", 98.8, 0, 1, 1, 0),
    ("47-grace-groundwater", "chicago-ad", 99.4, 0, 1, 1, 0),
    ("47-grace-groundwater", "chicago-notes", 97.6, 1, 0, 1, 0),
    ("47-grace-groundwater", "ieee", 100.0, 0, 0, 0, 0),
    ("47-grace-groundwater", "mla", 97.6, 1, 0, 2, 0),
];

/// `tests/fixtures/heldout20/`, written and rendered by a helper that
/// never read the rules, committed before they were scored (the making of
/// dictionaries, 1500–1950, with a defects copy; detecting and
/// characterising transiting exoplanets). Their first run, with the
/// rules of 6460a32, is the figure to trust for a new paper: APA 97.2 %,
/// Chicago author-date 97.6, Chicago notes 98.4, IEEE 100.0, MLA 93.3 %
/// right; false 0.00 / 0.00 / 1.35 / 0.00 / 1.61 %; 3 errors and 21
/// warnings on the 10 clean renderings; 28 of 33 planted defects reported.
/// The floors held what they reached after its round's fixes; a regression
/// test since heldout21.
const FORMER_HELD_OUT20_FLOORS: &[(&str, &str, f64, usize, usize, usize, usize)] = &[
    // (paper, style, right % at least, false items, errors, warnings,
    // planted defects not reported, at most)
    ("48-lexicography", "apa", 98.2, 0, 0, 1, 0),
    ("48-lexicography", "chicago-ad", 98.8, 0, 0, 2, 0),
    ("48-lexicography", "chicago-notes", 98.8, 2, 0, 0, 0),
    ("48-lexicography", "ieee", 100.0, 0, 0, 0, 0),
    ("48-lexicography", "mla", 97.0, 2, 1, 3, 0),
    ("48-lexicography-defects", "apa", 98.2, 0, 0, 1, 0),
    ("48-lexicography-defects", "chicago-ad", 98.8, 0, 0, 2, 0),
    ("48-lexicography-defects", "chicago-notes", 98.2, 2, 0, 0, 0),
    ("48-lexicography-defects", "ieee", 100.0, 0, 0, 0, 0),
    ("48-lexicography-defects", "mla", 96.4, 2, 1, 3, 1),
    ("49-exoplanet-transits", "apa", 100.0, 0, 0, 0, 0),
    ("49-exoplanet-transits", "chicago-ad", 100.0, 0, 0, 0, 0),
    ("49-exoplanet-transits", "chicago-notes", 98.2, 3, 0, 0, 0),
    ("49-exoplanet-transits", "ieee", 100.0, 0, 0, 0, 0),
    ("49-exoplanet-transits", "mla", 95.9, 2, 0, 0, 0),
];

/// `tests/fixtures/heldout21/`, written and rendered by a helper that
/// never read the rules, committed before they were scored (early
/// photography and its archives, 1839–1914, with a defects copy; CRISPR
/// gene drives for vector and invasive-species control). Their first run,
/// with the rules of 1b08282, is the figure to trust for a new paper:
/// APA 98.1 %, Chicago author-date 97.4, Chicago notes 97.0, IEEE 100.0,
/// MLA 96.8 % right; false 1.13 / 1.13 / 1.12 / 0.00 / 1.38 %; 3 errors
/// and 16 warnings on the 10 clean renderings; 19 of 28 planted defects
/// reported.
/// The floors hold what they reach since.
const HELD_OUT_FLOORS: &[(&str, &str, f64, usize, usize, usize, usize)] = &[
    // (paper, style, right % at least, false items, errors, warnings,
    // planted defects not reported, at most)
    ("50-early-photography", "apa", 100.0, 3, 1, 0, 0),
    ("50-early-photography", "chicago-ad", 100.0, 3, 1, 0, 0),
    ("50-early-photography", "chicago-notes", 97.2, 1, 0, 1, 0),
    ("50-early-photography", "ieee", 100.0, 0, 0, 0, 0),
    ("50-early-photography", "mla", 98.3, 3, 1, 3, 0),
    ("50-early-photography-defects", "apa", 100.0, 3, 1, 0, 0),
    (
        "50-early-photography-defects",
        "chicago-ad",
        100.0,
        3,
        1,
        0,
        0,
    ),
    (
        "50-early-photography-defects",
        "chicago-notes",
        97.1,
        1,
        0,
        1,
        1,
    ),
    ("50-early-photography-defects", "ieee", 100.0, 0, 0, 0, 0),
    ("50-early-photography-defects", "mla", 98.3, 3, 1, 3, 1),
    ("51-gene-drives", "apa", 96.7, 0, 0, 3, 0),
    ("51-gene-drives", "chicago-ad", 96.7, 0, 0, 3, 0),
    ("51-gene-drives", "chicago-notes", 97.8, 2, 0, 0, 0),
    ("51-gene-drives", "ieee", 100.0, 0, 0, 0, 0),
    ("51-gene-drives", "mla", 97.2, 1, 0, 3, 0),
];

/// The papers the rules were developed on.
fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rendered")
}

/// The first held-out paper, used since to develop the rules (see
/// `FORMERLY_HELD_OUT_FLOOR`).
fn held_out_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/heldout")
}

/// The second pair of held-out papers, used since to develop the rules
/// (see `FORMER_HELD_OUT2_FLOORS`).
fn held_out2_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/heldout2")
}

/// The third pair, held out until it led to the fixes of its round (see
/// `FORMER_HELD_OUT3_FLOORS`).
fn held_out3_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/heldout3")
}

/// The fourth pair, held out until it led to the fixes of its round (see
/// `FORMER_HELD_OUT4_FLOORS`).
fn held_out4_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/heldout4")
}

/// The fifth set, held out until it led to the fixes of its round (see
/// `FORMER_HELD_OUT5_FLOORS`).
fn held_out5_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/heldout5")
}

/// The sixth set, held out until it led to the fixes of its round (see
/// `FORMER_HELD_OUT6_FLOORS`).
fn held_out6_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/heldout6")
}

/// The seventh set, held out until it led to the fixes of its round (see
/// `FORMER_HELD_OUT7_FLOORS`).
fn held_out7_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/heldout7")
}

/// The eighth set, held out until it led to the fixes of its round (see
/// `FORMER_HELD_OUT8_FLOORS`).
fn held_out8_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/heldout8")
}

/// The ninth set, held out until it led to the fixes of its round (see
/// `FORMER_HELD_OUT9_FLOORS`).
fn held_out9_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/heldout9")
}

/// Papers written after the rules and never looked at while developing
/// them: their figures say how far the rules carry beyond `dir()`.
fn held_out10_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/heldout10")
}

fn held_out11_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/heldout11")
}

fn held_out12_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/heldout12")
}

fn held_out13_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/heldout13")
}

fn held_out14_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/heldout14")
}

fn held_out15_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/heldout15")
}

fn held_out16_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/heldout16")
}

fn held_out17_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/heldout17")
}

fn held_out18_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/heldout18")
}

fn held_out19_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/heldout19")
}

fn held_out20_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/heldout20")
}

fn held_out21_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/heldout21")
}

/// Every rendered paper: (name, style, text path, truth).
fn papers() -> Vec<(String, &'static str, PathBuf, Truth)> {
    papers_in(&dir())
}

/// Every rendered paper under `dir`.
fn papers_in(dir: &Path) -> Vec<(String, &'static str, PathBuf, Truth)> {
    let mut out = Vec::new();
    let mut names: Vec<String> = std::fs::read_dir(dir.join("src"))
        .unwrap_or_else(|e| panic!("{}/src: {e}", dir.display()))
        .filter_map(|e| {
            let p = e.ok()?.path();
            (p.extension()? == "md").then(|| p.file_stem()?.to_str().map(str::to_owned))?
        })
        .collect();
    names.sort();
    for name in names {
        for style in STYLES {
            let txt = dir.join(format!("{name}.{style}.txt"));
            let json = dir.join(format!("{name}.{style}.json"));
            if std::env::var_os("CITEMAP_PARTIAL").is_some() && !json.is_file() {
                continue;
            }
            let truth: Truth =
                serde_json::from_str(&std::fs::read_to_string(&json).unwrap_or_else(|e| {
                    panic!("{}: {e} (run scripts/render-papers.sh)", json.display())
                }))
                .expect("truth parses");
            out.push((name.clone(), style, txt, truth));
        }
    }
    out
}

/// The text with whitespace runs collapsed to one space, and for each byte
/// of it the offset in the original.
fn normalise(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    let mut space = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
                map.push(i);
            }
            space = true;
        } else {
            out.push(c);
            for k in 0..c.len_utf8() {
                map.push(i + k);
            }
            space = false;
        }
    }
    map.push(text.len());
    (out, map)
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn words(s: &str) -> HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1)
        .map(str::to_lowercase)
        .collect()
}

/// The rendered paper's entries matched to their keys by shared words.
fn entry_keys(doc: &citemap::Document, truth: &Truth) -> Vec<Option<String>> {
    let truth_words: Vec<HashSet<String>> = truth.entries.iter().map(|e| words(&e.text)).collect();
    doc.entries
        .iter()
        .map(|e| {
            let w = words(&e.raw);
            truth_words
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let shared = w.intersection(t).count() as f64;
                    (i, 2.0 * shared / (w.len() + t.len()).max(1) as f64)
                })
                .filter(|&(_, s)| s >= 0.6)
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(i, _)| truth.entries[i].key.clone())
        })
        .collect()
}

/// Where each truth citation stands in the text (byte range), if found.
fn locate(text: &str, truth: &Truth) -> Vec<Option<Range<usize>>> {
    let (norm, map) = normalise(text);
    // The list starts where its first entry does.
    let list_start = truth
        .entries
        .iter()
        .filter_map(|e| norm.find(&squash(&e.text)))
        .min()
        .unwrap_or(norm.len());
    let mut cursor = 0;
    let mut previous = 0;
    let mut used: Vec<usize> = Vec::new();
    truth
        .citations
        .iter()
        .map(|c| {
            if let Some(n) = c.marker {
                let m = format!("[{n}]");
                let at = norm[..list_start].find(&m)?;
                return Some(map[at]..map[at + m.len()]);
            }
            let want = squash(&c.text);
            if want.is_empty() {
                return None;
            }
            let from = match c.note {
                // The note's own paragraph: in a numbered list the notes
                // follow the entries, whose labels look the same, so the
                // last paragraph that opens with the number.
                Some(n) => {
                    let head = format!(" [{n}] ");
                    let opens_paragraph = |k: usize| {
                        map.get(k + 1)
                            .is_some_and(|&at| text[..at].trim_end_matches(' ').ends_with("\n\n"))
                    };
                    let heads: Vec<usize> = norm[list_start..]
                        .match_indices(&head)
                        .map(|(k, _)| list_start + k)
                        .collect();
                    heads
                        .iter()
                        .rev()
                        .find(|&&k| opens_paragraph(k))
                        .or(heads.first())
                        .copied()?
                }
                None => cursor,
            };
            // Captions come before their table in pandoc's tree but after
            // it in the text: when the next occurrence is not ahead, take
            // the first one not yet used.
            let bound = if c.note.is_some() {
                norm.len()
            } else {
                list_start
            };
            let unused_from = |lo: usize| {
                norm[..bound]
                    .match_indices(&want)
                    .map(|(k, _)| k)
                    .find(|k| *k >= lo && !used.contains(k))
            };
            let at = match norm[from..bound.max(from)].find(&want) {
                Some(k) if c.note.is_some() || !used.contains(&(from + k)) => from + k,
                _ => unused_from(previous).or_else(|| unused_from(0))?,
            };
            if c.note.is_none() && at >= cursor {
                previous = cursor;
                cursor = at + want.len();
            }
            used.push(at);
            Some(map[at]..map[at + want.len()])
        })
        .collect()
}

#[derive(Default, Debug, Clone)]
struct Score {
    papers: usize,
    items: usize,
    right: usize,
    found_items: usize,
    false_items: usize,
    /// uncited-entry, unresolved-citation, no-references on clean papers.
    clean_errors: usize,
    clean_warnings: usize,
    defects: usize,
    defects_reported: usize,
    misses: Vec<String>,
}

impl Score {
    /// One row of the table the scorer prints.
    fn print_row(&self, label: &str) {
        println!(
            "{:<14} {:>6} {:>7} {:>8.1} {:>7.2} {:>4}e/{:<4} {:>9} {:>9}",
            label,
            self.papers,
            self.items,
            pct(self.right, self.items),
            pct(self.false_items, self.found_items.max(1)) * (self.false_items > 0) as u8 as f64,
            self.clean_errors,
            self.clean_warnings,
            self.defects,
            self.defects_reported
        );
    }

    /// Adds another score's counts (not its misses).
    fn add(&mut self, s: &Score) {
        self.papers += s.papers;
        self.items += s.items;
        self.right += s.right;
        self.found_items += s.found_items;
        self.false_items += s.false_items;
        self.clean_errors += s.clean_errors;
        self.clean_warnings += s.clean_warnings;
        self.defects += s.defects;
        self.defects_reported += s.defects_reported;
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn line_of(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].matches('\n').count() + 1
}

fn score_paper(name: &str, style: &str, path: &Path, truth: &Truth, s: &mut Score) {
    let text = std::fs::read_to_string(path).expect("rendered text");
    let label = format!("{name}.{style}");
    let doc = citemap::extract::extract_text(&path.display().to_string(), &text);
    if std::env::var("CITEMAP_DEBUG").is_ok_and(|d| d == label) {
        for e in &doc.entries {
            eprintln!("entry {} {:?} {:?}", e.span.line, e.label, e.raw);
        }
        for r in citations(&text, &doc, None) {
            eprintln!(
                "cite {} {:?} {:?}",
                r.citation.span.line,
                r.citation.text,
                r.targets
                    .iter()
                    .map(|t| t.as_ref().map(|m| m.entry))
                    .collect::<Vec<_>>()
            );
        }
    }
    let found: Vec<Resolution> = citations(&text, &doc, None);
    let keys = entry_keys(&doc, truth);
    // Citations in a multiline table's cells are located where the cells
    // read whole (the same lines and offsets; see `cite::table`).
    let view = citemap::cite::table::cells_in_reading_order(&text);
    let where_ = locate(&view, truth);
    let dropped: HashSet<&str> = truth
        .defects
        .iter()
        .filter(|d| d.kind == "drop-entry")
        .map(|d| d.key.as_str())
        .collect();
    s.papers += 1;
    // Recall, per cited item.
    for (c, range) in truth.citations.iter().zip(&where_) {
        for key in &c.keys {
            if dropped.contains(key.as_str()) {
                continue;
            }
            s.items += 1;
            let Some(range) = range else {
                s.misses.push(format!("{label}: not located: {:?}", c.text));
                continue;
            };
            let hit = found.iter().any(|r| {
                overlaps(&r.citation.range, range)
                    && r.targets
                        .iter()
                        .flatten()
                        .any(|m| keys[m.entry].as_deref() == Some(key.as_str()))
            });
            if hit {
                s.right += 1;
            } else {
                let near: Vec<&str> = found
                    .iter()
                    .filter(|r| overlaps(&r.citation.range, range))
                    .map(|r| r.citation.text.as_str())
                    .collect();
                s.misses.push(format!(
                    "{label}:{} missed {key} in {:?}; found there: {near:?}",
                    line_of(&text, range.start),
                    &text[range.clone()]
                ));
            }
        }
    }
    // False citations: reported items covering no rendered citation.
    let located: Vec<&Range<usize>> = where_.iter().flatten().collect();
    for r in &found {
        let n = r.citation.items.len();
        s.found_items += n;
        if !located.iter().any(|t| overlaps(t, &r.citation.range)) {
            s.false_items += n;
            s.misses.push(format!(
                "{label}:{} false citation {:?}",
                r.citation.span.line, r.citation.text
            ));
        }
    }
    // Problems.
    let report = check_document(&text, &doc, &Config::default());
    let alarm = |k: Kind| {
        matches!(
            k,
            Kind::UncitedEntry | Kind::UnresolvedCitation | Kind::NoReferences
        )
    };
    // (kind, first line, last line) of where each defect must be reported.
    let mut expected: Vec<(Kind, usize, usize)> = Vec::new();
    for d in &truth.defects {
        match d.kind.as_str() {
            "drop-entry" => {
                for (c, range) in truth.citations.iter().zip(&where_) {
                    if c.keys.contains(&d.key) {
                        if let Some(r) = range {
                            expected.push((
                                Kind::UnresolvedCitation,
                                line_of(&text, r.start),
                                line_of(&text, r.end.saturating_sub(1)),
                            ));
                        }
                    }
                }
            }
            "uncited" => {
                let line = keys
                    .iter()
                    .position(|k| k.as_deref() == Some(d.key.as_str()))
                    .map_or(0, |i| doc.entries[i].span.line);
                expected.push((Kind::UncitedEntry, line, line));
            }
            "misspell" | "wrong-year" if matches!(style, "apa" | "mla" | "chicago-ad") => {
                let kind = if d.kind == "misspell" {
                    Kind::NameMismatch
                } else {
                    Kind::YearMismatch
                };
                for (c, range) in truth.citations.iter().zip(&where_) {
                    if c.defects.contains(&d.kind) && c.keys.contains(&d.key) {
                        if let Some(r) = range {
                            // The item may sit on a later line of a
                            // citation that wraps.
                            expected.push((
                                kind,
                                line_of(&text, r.start),
                                line_of(&text, r.end.saturating_sub(1)),
                            ));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let mut used = vec![false; report.problems.len()];
    for (kind, line, last) in &expected {
        s.defects += 1;
        let hit = report
            .problems
            .iter()
            .enumerate()
            .find(|(i, p)| !used[*i] && p.kind == *kind && (*line..=*last).contains(&p.line));
        match hit {
            Some((i, _)) => {
                used[i] = true;
                s.defects_reported += 1;
            }
            None => s.misses.push(format!(
                "{label}: planted {} not reported at line {line}",
                kind.name()
            )),
        }
    }
    for (i, p) in report.problems.iter().enumerate() {
        if used[i] || !alarm(p.kind) {
            continue;
        }
        match p.severity {
            Severity::Error => s.clean_errors += 1,
            _ => s.clean_warnings += 1,
        }
        s.misses.push(format!(
            "{label}:{} false alarm {}: {}",
            p.line,
            p.kind.name(),
            p.message
        ));
    }
}

fn scores(dir: &Path) -> BTreeMap<&'static str, Score> {
    scores_of(dir, None)
}

/// The scores of the papers in `dir`, or of the one named `only`.
fn scores_of(dir: &Path, only: Option<&str>) -> BTreeMap<&'static str, Score> {
    let mut by_style: BTreeMap<&'static str, Score> = BTreeMap::new();
    for (name, style, path, truth) in papers_in(dir) {
        if only.is_some_and(|o| o != name) {
            continue;
        }
        score_paper(
            &name,
            style,
            &path,
            &truth,
            by_style.entry(style).or_default(),
        );
    }
    by_style
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        100.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// Prints the table of `by_style`, with up to `CITEMAP_SHOW` misses of
/// each style.
fn print_table(by_style: &BTreeMap<&'static str, Score>) {
    let show = std::env::var("CITEMAP_SHOW").map_or(0, |v| v.parse().unwrap_or(0));
    println!(
        "{:<14} {:>6} {:>7} {:>8} {:>7} {:>9} {:>9} {:>9}",
        "style", "papers", "items", "right %", "false %", "alarms", "defects", "reported"
    );
    let mut total = Score::default();
    for (style, s) in by_style {
        s.print_row(style);
        for m in s.misses.iter().take(show) {
            println!("    {m}");
        }
        total.add(s);
    }
    total.print_row("all");
}

#[test]
fn rendered_papers_in_every_style() {
    let by_style = scores(&dir());
    print_table(&by_style);
    // The targets are ≥ 98 % right, ≤ 1 % false, no error and at
    // most one warning in ten clean papers, every defect reported. Floors
    // hold each style at what it reaches today, so progress is kept.
    let floors: [(&str, f64, usize); 5] = [
        // (style, right % floor, false-alarm ceiling)
        ("apa", 99.5, 0),
        ("chicago-ad", 99.5, 0),
        ("ieee", 99.5, 0),
        // 98.0: "Noble" and "Eubanks" alone in the cells of a table of
        // 02-algorithmic-harm are citations there, while heldout5's tables
        // list authors as data;
        // plain text cannot tell them apart, and a cell naming authors the
        // text cites elsewhere is read as data (`check::mla`).
        ("mla", 98.0, 0),
        ("chicago-notes", 98.0, 0),
    ];
    let mut failed = Vec::new();
    for (style, right, alarms) in floors {
        let Some(s) = by_style.get(style) else {
            failed.push(format!("{style}: no papers"));
            continue;
        };
        if pct(s.right, s.items) < right {
            failed.push(format!(
                "{style}: {:.1} % right < {right}",
                pct(s.right, s.items)
            ));
        }
        if right >= 98.0 && s.false_items * 100 > s.found_items {
            failed.push(format!("{style}: {} false items", s.false_items));
        }
        if s.clean_errors + s.clean_warnings > alarms {
            failed.push(format!(
                "{style}: {} errors, {} warnings on {} papers",
                s.clean_errors, s.clean_warnings, s.papers
            ));
        }
    }
    // Planted defects in the author-date, numeric and MLA styles.
    for style in ["apa", "chicago-ad", "ieee", "mla"] {
        let s = &by_style[style];
        if s.defects_reported < s.defects {
            failed.push(format!(
                "{style}: {} of {} defects reported",
                s.defects_reported, s.defects
            ));
        }
    }
    assert!(
        failed.is_empty(),
        "{failed:#?}\n(CITEMAP_SHOW=50 to list what was missed)"
    );
}

#[test]
fn truth_covers_every_rendered_citation() {
    // The scorer itself: every citation pandoc rendered is located in the
    // text, so misses are the scanner's, never the scorer's.
    for (name, style, path, truth) in papers()
        .into_iter()
        .chain(papers_in(&held_out_dir()))
        .chain(papers_in(&held_out2_dir()))
        .chain(papers_in(&held_out3_dir()))
        .chain(papers_in(&held_out4_dir()))
    {
        let text = std::fs::read_to_string(&path).unwrap();
        let missing: Vec<&str> = truth
            .citations
            .iter()
            .zip(locate(&text, &truth))
            .filter(|(_, r)| r.is_none())
            .map(|(c, _)| c.text.as_str())
            .collect();
        assert!(missing.is_empty(), "{name}.{style}: {missing:?}");
        assert!(!truth.citations.is_empty(), "{name}.{style}");
        let keys: HashMap<&str, usize> = truth
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.key.as_str(), i))
            .collect();
        assert_eq!(keys.len(), truth.entries.len());
    }
}

#[test]
fn formerly_held_out_paper_in_every_style() {
    // `tests/fixtures/heldout/`: held out until its MLA figure led to a
    // fix (see `FORMERLY_HELD_OUT_FLOOR`); now a regression test.
    let by_style = scores(&held_out_dir());
    print_table(&by_style);
    for (style, s) in &by_style {
        assert!(
            pct(s.right, s.items) >= FORMERLY_HELD_OUT_FLOOR,
            "formerly held-out {style}: {:.1} % right",
            pct(s.right, s.items)
        );
    }
}

/// Scores each paper of `dir` per style against `floors`, printing the
/// tables; the papers and styles that fall below their floor.
fn per_paper_floors(
    dir: &Path,
    floors: &[(&str, &str, f64, usize, usize, usize, usize)],
) -> Vec<String> {
    let mut names: Vec<String> = papers_in(dir).into_iter().map(|p| p.0).collect();
    names.dedup();
    let mut failed = Vec::new();
    for name in &names {
        println!("{name}");
        let by_style = scores_of(dir, Some(name));
        print_table(&by_style);
        for (style, s) in &by_style {
            let Some(floor) = floors.iter().find(|f| f.0 == name && f.1 == *style) else {
                failed.push(format!("{name}.{style}: no floor"));
                continue;
            };
            let right = pct(s.right, s.items);
            // The floor is a rounded figure: a tenth of a point below it
            // is the same run.
            if right + 0.05 < floor.2
                || s.false_items > floor.3
                || s.clean_errors > floor.4
                || s.clean_warnings > floor.5
                // Every planted defect reported at its line, but for
                // those a first held-out run missed.
                || s.defects_reported + floor.6 < s.defects
            {
                failed.push(format!(
                    "{name}.{style}: {right:.1} % right, {} false, {}e/{} alarms",
                    s.false_items, s.clean_errors, s.clean_warnings
                ));
            }
        }
    }
    println!("all papers of {}", dir.display());
    print_table(&scores(dir));
    failed
}

#[test]
fn formerly_held_out_papers_of_heldout2() {
    // `tests/fixtures/heldout2/`: held out until their figures led to
    // fixes (see `FORMER_HELD_OUT2_FLOORS`); now a regression test.
    let failed = per_paper_floors(&held_out2_dir(), FORMER_HELD_OUT2_FLOORS);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn formerly_held_out_papers_of_heldout3() {
    // `tests/fixtures/heldout3/`: held out until their figures led to
    // fixes (see `FORMER_HELD_OUT3_FLOORS`); now a regression test.
    let failed = per_paper_floors(&held_out3_dir(), FORMER_HELD_OUT3_FLOORS);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn formerly_held_out_papers_of_heldout4() {
    // `tests/fixtures/heldout4/`: held out until their figures led to
    // fixes (see `FORMER_HELD_OUT4_FLOORS`); now a regression test.
    let failed = per_paper_floors(&held_out4_dir(), FORMER_HELD_OUT4_FLOORS);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn formerly_held_out_papers_of_heldout5() {
    // `tests/fixtures/heldout5/`: held out until their figures led to
    // fixes (see `FORMER_HELD_OUT5_FLOORS`); now a regression test.
    let failed = per_paper_floors(&held_out5_dir(), FORMER_HELD_OUT5_FLOORS);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn formerly_held_out_papers_of_heldout6() {
    // `tests/fixtures/heldout6/`: held out until their figures led to
    // fixes (see `FORMER_HELD_OUT6_FLOORS`); now a regression test.
    let failed = per_paper_floors(&held_out6_dir(), FORMER_HELD_OUT6_FLOORS);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn formerly_held_out_papers_of_heldout7() {
    // `tests/fixtures/heldout7/`: held out until their figures led to
    // fixes (see `FORMER_HELD_OUT7_FLOORS`); now a regression test.
    let failed = per_paper_floors(&held_out7_dir(), FORMER_HELD_OUT7_FLOORS);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn formerly_held_out_papers_of_heldout8() {
    // `tests/fixtures/heldout8/`: held out until their figures led to
    // fixes (see `FORMER_HELD_OUT8_FLOORS`); now a regression test.
    let failed = per_paper_floors(&held_out8_dir(), FORMER_HELD_OUT8_FLOORS);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn formerly_held_out_papers_of_heldout9() {
    // `tests/fixtures/heldout9/`: held out until their figures led to
    // fixes (see `FORMER_HELD_OUT9_FLOORS`); now a regression test.
    let failed = per_paper_floors(&held_out9_dir(), FORMER_HELD_OUT9_FLOORS);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn formerly_held_out_papers_of_heldout10() {
    // `tests/fixtures/heldout10/`: held out until their figures led to
    // fixes (see `FORMER_HELD_OUT10_FLOORS`); now a regression test.
    let failed = per_paper_floors(&held_out10_dir(), FORMER_HELD_OUT10_FLOORS);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn formerly_held_out_papers_of_heldout11() {
    // `tests/fixtures/heldout11/`: held out until their figures led to
    // fixes (see `FORMER_HELD_OUT11_FLOORS`); now a regression test.
    let failed = per_paper_floors(&held_out11_dir(), FORMER_HELD_OUT11_FLOORS);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn formerly_held_out_papers_of_heldout12() {
    // `tests/fixtures/heldout12/`: held out until their figures led to
    // fixes (see `FORMER_HELD_OUT12_FLOORS`); now a regression test.
    let failed = per_paper_floors(&held_out12_dir(), FORMER_HELD_OUT12_FLOORS);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn formerly_held_out_papers_of_heldout13() {
    // `tests/fixtures/heldout13/`: held out until their figures led to
    // fixes (see `FORMER_HELD_OUT13_FLOORS`); now a regression test.
    let failed = per_paper_floors(&held_out13_dir(), FORMER_HELD_OUT13_FLOORS);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn formerly_held_out_papers_of_heldout14() {
    // `tests/fixtures/heldout14/`: held out until their figures led to
    // fixes (see `FORMER_HELD_OUT14_FLOORS`); now a regression test.
    let failed = per_paper_floors(&held_out14_dir(), FORMER_HELD_OUT14_FLOORS);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn formerly_held_out_papers_of_heldout15() {
    // `tests/fixtures/heldout15/`: held out until their figures led to
    // fixes (see `FORMER_HELD_OUT15_FLOORS`); now a regression test.
    let failed = per_paper_floors(&held_out15_dir(), FORMER_HELD_OUT15_FLOORS);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn formerly_held_out_papers_of_heldout16() {
    // `tests/fixtures/heldout16/`: held out until their figures led to
    // fixes (see `FORMER_HELD_OUT16_FLOORS`); now a regression test.
    let failed = per_paper_floors(&held_out16_dir(), FORMER_HELD_OUT16_FLOORS);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn formerly_held_out_papers_of_heldout17() {
    // `tests/fixtures/heldout17/`: held out until their figures led to
    // fixes (see `FORMER_HELD_OUT17_FLOORS`); now a regression test.
    let failed = per_paper_floors(&held_out17_dir(), FORMER_HELD_OUT17_FLOORS);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn formerly_held_out_papers_of_heldout18() {
    // `tests/fixtures/heldout18/`: held out until their figures led to
    // fixes (see `FORMER_HELD_OUT18_FLOORS`); now a regression test.
    let failed = per_paper_floors(&held_out18_dir(), FORMER_HELD_OUT18_FLOORS);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn formerly_held_out_papers_of_heldout19() {
    // `tests/fixtures/heldout19/`: held out until their figures led to
    // fixes (see `FORMER_HELD_OUT19_FLOORS`); now a regression test.
    let failed = per_paper_floors(&held_out19_dir(), FORMER_HELD_OUT19_FLOORS);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn formerly_held_out_papers_of_heldout20() {
    // `tests/fixtures/heldout20/`: held out until their figures led to
    // fixes (see `FORMER_HELD_OUT20_FLOORS`); now a regression test.
    let failed = per_paper_floors(&held_out20_dir(), FORMER_HELD_OUT20_FLOORS);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn held_out_papers_in_every_style() {
    // `tests/fixtures/heldout21/`: the last papers written before the rules
    // saw them. Their first run is the honest estimate of what the floors
    // above mean on a new paper (see `HELD_OUT_FLOORS` for it); the floors
    // hold what they reach since.
    let failed = per_paper_floors(&held_out21_dir(), HELD_OUT_FLOORS);
    println!("all held-out papers");
    assert!(failed.is_empty(), "{failed:#?}");
}
