//! Resolution: deciding which entries, across documents and citation styles,
//! name the same work, person, organisation, venue or document.
//!
//! Works merge by DOI, then by normalised URL, then by a fuzzy match of title,
//! first author and year inside blocks of entries that share a rare title
//! word (so the cost grows with the corpus, not its square). Every merge keeps
//! its [`Evidence`]; a small TOML file of "same"/"different" pairs
//! ([`overrides`]) lets a user correct any of them.
//!
//! ```
//! use citemap::{Document, Entry, Outcome, Reference, Span, Style, Date, Person};
//! use citemap::resolve::{resolve, Options};
//!
//! fn doc(path: &str, title: &str, who: Option<Person>) -> Document {
//!     let reference = Reference {
//!         title: Some(title.into()),
//!         authors: who.into_iter().collect(),
//!         container_title: Some("Microsoft Features".into()),
//!         issued: Some(Date::year(2016)),
//!         ..Reference::default()
//!     };
//!     let entry = Entry {
//!         span: Span::default(), label: None, marker: None, raw: title.into(),
//!         style: Style::Unknown,
//!         outcome: Outcome::Parsed { reference: reference.into(), confidence: 1.0 },
//!     };
//!     Document { path: path.into(), meta: Default::default(), section: None, sections: vec![],
//!                style: Style::Unknown, entries: vec![entry], notes: vec![] }
//! }
//! let docs = [
//!     doc("a.txt", "Democratizing AI. For Every Person and Every Organization.",
//!         Some(Person::literal("Microsoft News Center"))),
//!     doc("b.txt", "Democratizing AI: For Every Person and Organization", None),
//! ];
//! let res = resolve(&docs, &[], &Options::default());
//! assert_eq!(res.works.len(), 1);
//! assert_eq!(res.merges.len(), 1);
//! ```

pub mod documents;
mod items;
pub mod journals;
pub mod normalise;
pub mod overrides;
pub mod people;
pub mod works;

use crate::model::{Document, Reference};
use serde::Serialize;
use std::collections::HashMap;

pub use overrides::Overrides;

/// A hash map for resolution's hot indexes (millions of keys in a large
/// export): foldhash, randomly seeded like the standard hasher, and faster.
pub(crate) type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// Which rule joined two things.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// The user said so in the overrides file.
    Override,
    /// Same DOI (arXiv ids count as their DOI).
    Doi,
    /// Same URL after repair and normalisation.
    Url,
    /// Similar title, with first author and year not contradicting.
    Title,
    /// Same person or organisation name key.
    Name,
    /// Two documents with the same DOI in their metadata.
    DocumentDoi,
    /// Two documents with the same title (and compatible year) in their metadata.
    DocumentTitle,
    /// One document's title stands in the opening text of another (a cover
    /// page or portal page for the same article).
    DocumentHead,
    /// A document is a work cited elsewhere in the corpus.
    DocumentCited,
    /// Same first author and year, the same source (journal abbreviations
    /// matched) and agreeing volume and first page: the terse references of
    /// citation-database exports.
    Locator,
}

impl Rule {
    /// The kebab-case name used in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Rule::Override => "override",
            Rule::Doi => "doi",
            Rule::Url => "url",
            Rule::Title => "title",
            Rule::Name => "name",
            Rule::DocumentDoi => "document-doi",
            Rule::DocumentTitle => "document-title",
            Rule::DocumentHead => "document-head",
            Rule::DocumentCited => "document-cited",
            Rule::Locator => "locator",
        }
    }
}

/// Why two things were merged: the rule and how strongly it matched
/// (1.0 for identifiers, the title similarity for fuzzy matches).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Evidence {
    /// The rule that fired.
    pub rule: Rule,
    /// Its score, 0.0–1.0.
    pub score: f32,
}

/// One entry of one document, by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct EntryRef {
    /// Index of the document in the slice given to [`resolve`].
    pub doc: u32,
    /// Index of the entry in `Document::entries` (0-based).
    pub entry: u32,
}

impl EntryRef {
    /// The entry's reference, if it was parsed.
    pub fn reference<'a>(&self, docs: &'a [Document]) -> Option<&'a Reference> {
        docs.get(self.doc as usize)?
            .entries
            .get(self.entry as usize)?
            .reference()
    }

    /// The entry's text as written.
    pub fn raw<'a>(&self, docs: &'a [Document]) -> &'a str {
        docs.get(self.doc as usize)
            .and_then(|d| d.entries.get(self.entry as usize))
            .map_or("", |e| &*e.raw)
    }

    /// "path#n" (n 1-based), the form the overrides file uses.
    pub fn locator(&self, docs: &[Document]) -> String {
        let path = docs.get(self.doc as usize).map_or("?", |d| d.path.as_str());
        format!("{path}#{}", self.entry + 1)
    }
}

/// A merge of two entries into one work, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Merge {
    /// One entry.
    pub a: EntryRef,
    /// The other.
    pub b: EntryRef,
    /// Why.
    pub evidence: Evidence,
}

/// Index of a work in [`Resolution::works`].
pub type WorkId = u32;
/// Index of a person or organisation in [`Resolution::agents`].
pub type AgentId = u32;
/// Index of a venue in [`Resolution::venues`].
pub type VenueId = u32;
/// Index of a document node in [`Resolution::documents`].
pub type DocNodeId = u32;

/// A work: every entry that names it, and what they agree on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Work {
    /// A stable key ("doi:…", "url:…", "title:…").
    pub key: String,
    /// A short human label ("Microsoft News Center 2016: Democratizing AI …").
    pub label: String,
    /// The entries naming it, in corpus order.
    pub entries: Vec<EntryRef>,
    /// Its authors (people and organisations), first author first.
    pub authors: Vec<AgentId>,
    /// Where it was published.
    pub venue: Option<VenueId>,
    /// The year, when an entry gives one.
    pub year: Option<i32>,
}

/// Whether an agent is a person or an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AgentKind {
    /// A person.
    Person,
    /// An organisation (a literal name) or a family of them.
    Organisation,
}

/// A person, or an organisation family ("Google AI", "Google Cloud" →
/// Google).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agent {
    /// Person or organisation.
    pub kind: AgentKind,
    /// The matching key ("apprich|c", "org:google").
    pub key: String,
    /// The fullest form of the name.
    pub label: String,
    /// Every spelling met, sorted.
    pub variants: Vec<String>,
    /// Works by this agent.
    pub works: Vec<WorkId>,
    /// How the spellings were joined (`None` when only one was met).
    pub evidence: Option<Evidence>,
}

/// A journal, site, magazine or proceedings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Venue {
    /// The matching key.
    pub key: String,
    /// The most common spelling.
    pub label: String,
    /// Works published there.
    pub works: Vec<WorkId>,
}

/// One node per distinct document: files that are the same article (a
/// portal page and its PDF) share a node.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocNode {
    /// The key (the first path).
    pub key: String,
    /// The title, or the file name.
    pub label: String,
    /// Indexes of the documents (files) in this node.
    pub files: Vec<u32>,
    /// The work this document is, when another document cites it.
    pub work: Option<WorkId>,
    /// How the files (and the cited work) were joined.
    pub evidence: Vec<Evidence>,
}

/// Settings for [`resolve`].
#[derive(Debug, Clone)]
pub struct Options {
    /// Minimum title similarity for a fuzzy work merge (0.0–1.0).
    pub title_threshold: f64,
    /// The user's corrections.
    pub overrides: Overrides,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            title_threshold: 0.88,
            overrides: Overrides::default(),
        }
    }
}

/// Everything resolution found.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Resolution {
    /// The works; every entry of every document belongs to exactly one.
    pub works: Vec<Work>,
    /// Which work each entry belongs to: `work_of[doc][entry]`.
    pub work_of: Vec<Vec<WorkId>>,
    /// The merges that joined entries into works (a spanning forest: one per
    /// join), each with its evidence.
    pub merges: Vec<Merge>,
    /// People and organisation families.
    pub agents: Vec<Agent>,
    /// Venues.
    pub venues: Vec<Venue>,
    /// Document nodes.
    pub documents: Vec<DocNode>,
    /// Which document node each document (file) belongs to.
    pub doc_node: Vec<DocNodeId>,
    /// Things the user should know: duplicate entries in one document,
    /// entries with no title, same file names in different folders.
    pub notes: Vec<String>,
}

impl Resolution {
    /// The merges inside one work.
    pub fn merges_of(&self, work: WorkId) -> impl Iterator<Item = &Merge> {
        self.merges
            .iter()
            .filter(move |m| self.work_of[m.a.doc as usize][m.a.entry as usize] == work)
    }
}

/// Resolves works, people, venues and documents across `docs`.
///
/// `heads` holds the opening text of each document (same order as `docs`),
/// used to find a document that is a cover or portal page of another; pass
/// `&[]` when the text is not at hand.
///
/// Complexity: near-linear in the number of entries (keys are hashed; fuzzy
/// title comparison only inside blocks of entries sharing a rare word).
pub fn resolve(docs: &[Document], heads: &[&str], options: &Options) -> Resolution {
    let mut notes = Vec::new();
    let works = works::resolve_works(docs, options, &mut notes);
    let (agents, venues, work_list) = people::resolve_agents(docs, works.works);
    let mut res = Resolution {
        works: work_list,
        work_of: works.work_of,
        merges: works.merges,
        agents,
        venues,
        documents: Vec::new(),
        doc_node: Vec::new(),
        notes,
    };
    let (nodes, doc_node) = documents::resolve_documents(docs, heads, &res, &works.matcher);
    res.documents = nodes;
    res.doc_node = doc_node;
    documents::note_duplicate_file_names(docs, &mut res.notes);
    res
}
