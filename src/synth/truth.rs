//! What the generator knows to be true about a corpus: written out as
//! `truth.json` and read back by accuracy tests and benchmarks.

use super::pool::Work;
use super::Config;
use crate::model::{Reference, Style};
use serde::{Deserialize, Serialize};

/// Everything true about a generated corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Truth {
    /// The configuration the corpus was generated with (seed included).
    pub config: Config,
    /// The shared pool of works, indexed by work id.
    pub works: Vec<Work>,
    /// One record per document, in the order of [`super::Corpus::documents`].
    pub documents: Vec<TruthDoc>,
}

/// The truth about one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TruthDoc {
    /// The file name, as in [`super::SynthDoc::name`].
    pub name: String,
    /// The citation style of the list and of the in-text citations.
    pub style: Style,
    /// The research field the document belongs to (planted community).
    pub field: usize,
    /// True when the document is Markdown-like ("- " bullets, `*italics*`,
    /// one paragraph per line) rather than PDF-like wrapped text.
    pub markdown: bool,
    /// The heading of the reference list as written ("Works Cited").
    pub heading: String,
    /// 1-based line of that heading.
    pub heading_line: usize,
    /// The entries of the list, in document order.
    pub entries: Vec<TruthEntry>,
    /// In-text citations (markers for Chicago notes), in document order.
    pub citations: Vec<TruthCitation>,
    /// The notes of a Chicago document, in order; empty for other styles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<TruthNote>,
    /// 1-based lines holding page-break furniture (page number, running
    /// head) inside the list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub page_break_lines: Vec<usize>,
}

/// A kind of damage done to an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Damage {
    /// A space inserted inside a URL.
    UrlSplit,
    /// A word hyphenated across a line break.
    Hyphenation,
    /// A page break (page number, form feed, running head) inside the entry.
    PageBreak,
    /// The first author's family name is misspelt.
    Misspelling,
}

/// One entry of a reference list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TruthEntry {
    /// The work the entry cites (index into [`Truth::works`]).
    pub work: usize,
    /// The label of a numbered list ("3" for "[3]").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// First line of the entry, 1-based.
    pub line: usize,
    /// Last line of the entry, 1-based, inclusive.
    pub end_line: usize,
    /// The entry on one line, as a perfect extractor would repair it:
    /// no wrapping, hyphenation, split URLs or page breaks (a misspelling
    /// stays: it cannot be repaired from the text). Markdown italics kept.
    pub text: String,
    /// The fields exactly as written (initials where the style uses
    /// initials, sentence case in APA, the misspelt name if misspelt); pages
    /// with "-", DOIs bare.
    pub reference: Reference,
    /// The damage done to this entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub damage: Vec<Damage>,
}

/// How an in-text citation is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CitationKind {
    /// "(Family 23)", "(Family, 2019)".
    Parenthetical,
    /// "Family (2019)" (APA).
    Narrative,
    /// "[3]", "[3], [7]", "[3]–[5]" (IEEE).
    Numeric,
    /// A note marker ("resources.12"); the note names the work (Chicago).
    Note,
}

/// One in-text citation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TruthCitation {
    /// The citation exactly as it stands in the text (a line break may
    /// replace a space).
    pub text: String,
    /// Byte offset of its start in the document.
    pub start: usize,
    /// Byte offset just past its end.
    pub end: usize,
    /// 1-based line of its start.
    pub line: usize,
    /// How it is written.
    pub kind: CitationKind,
    /// The entries it cites (indices into [`TruthDoc::entries`]).
    pub entries: Vec<usize>,
    /// The works it cites.
    pub works: Vec<usize>,
    /// True when a name in it is misspelt.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub misspelt: bool,
}

/// One note of a Chicago document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TruthNote {
    /// The note number.
    pub number: usize,
    /// 1-based line where the note starts.
    pub line: usize,
    /// The entry the note cites (index into [`TruthDoc::entries`]).
    pub entry: usize,
    /// The work it cites.
    pub work: usize,
}

impl Truth {
    /// The number of entries over all documents.
    pub fn entry_count(&self) -> usize {
        self.documents.iter().map(|d| d.entries.len()).sum()
    }
}
