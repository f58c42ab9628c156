//! The data model shared by every stage: documents → entries → references.
//!
//! The model is honest about partial data (as hayagriva's is): every field a
//! reference string may lack is an `Option`, a date may have only a year, and a
//! name that cannot be split into family and given parts is kept whole as a
//! literal (organisations such as "Hugging Face" are literals).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// What kind of work a reference points to, in CSL's vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum WorkType {
    /// A book or monograph.
    Book,
    /// A chapter or contribution in an edited book.
    Chapter,
    /// An article in a scholarly journal.
    ArticleJournal,
    /// An article in a magazine.
    ArticleMagazine,
    /// An article in a newspaper.
    ArticleNewspaper,
    /// A web page or blog post.
    Webpage,
    /// A paper in conference proceedings.
    PaperConference,
    /// A report, white paper or working paper.
    Report,
    /// A thesis or dissertation.
    Thesis,
    /// A video, recorded talk or broadcast.
    Video,
    /// Software or a code repository.
    Software,
    /// A dataset.
    Dataset,
    /// A preprint (arXiv, SSRN, …).
    Preprint,
    /// Anything the parser could not classify.
    #[default]
    Other,
}

impl WorkType {
    /// The CSL type name (`"article-journal"`, `"book"`, …).
    pub fn csl_name(self) -> &'static str {
        match self {
            WorkType::Book => "book",
            WorkType::Chapter => "chapter",
            WorkType::ArticleJournal => "article-journal",
            WorkType::ArticleMagazine => "article-magazine",
            WorkType::ArticleNewspaper => "article-newspaper",
            WorkType::Webpage => "webpage",
            WorkType::PaperConference => "paper-conference",
            WorkType::Report => "report",
            WorkType::Thesis => "thesis",
            WorkType::Video => "motion_picture",
            WorkType::Software => "software",
            WorkType::Dataset => "dataset",
            WorkType::Preprint => "article",
            WorkType::Other => "document",
        }
    }
}

impl fmt::Display for WorkType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.csl_name())
    }
}

/// A person or an organisation named as author or editor.
///
/// `family` always holds something: for a literal (an organisation, or a name
/// that could not be split) it holds the whole name and `literal` is true.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct Person {
    /// Family name ("Dyer-Witheford"), or the whole name of a literal.
    pub family: String,
    /// Given names or initials ("Nick", "E. M.").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given: Option<String>,
    /// A prefix of the family name such as "van" or "de la".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub particle: Option<String>,
    /// A suffix such as "Jr." or "III".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
    /// True for organisations and names kept whole.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub literal: bool,
}

impl Person {
    /// A person with a family and optional given name.
    ///
    /// ```
    /// let p = citemap::Person::new("Benjamin", Some("Ruha"));
    /// assert_eq!(p.to_string(), "Ruha Benjamin");
    /// ```
    pub fn new(family: impl Into<String>, given: Option<&str>) -> Self {
        Person {
            family: family.into(),
            given: given.map(str::to_owned),
            ..Person::default()
        }
    }

    /// An organisation or other name kept whole ("Hugging Face").
    pub fn literal(name: impl Into<String>) -> Self {
        Person {
            family: name.into(),
            literal: true,
            ..Person::default()
        }
    }

    /// The family name with its particle, as it sorts in a bibliography
    /// ("van Dijck").
    pub fn full_family(&self) -> String {
        match &self.particle {
            Some(p) => format!("{p} {}", self.family),
            None => self.family.clone(),
        }
    }
}

impl fmt::Display for Person {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(g) = &self.given {
            write!(f, "{g} ")?;
        }
        f.write_str(&self.full_family())?;
        if let Some(s) = &self.suffix {
            write!(f, " {s}")?;
        }
        Ok(())
    }
}

/// A calendar date that may be known only in part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Date {
    /// The year (negative for BCE).
    pub year: i32,
    /// The month, 1–12.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    /// The day of the month, 1–31.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<u8>,
}

impl Date {
    /// A date known only by its year.
    pub fn year(year: i32) -> Self {
        Date {
            year,
            month: None,
            day: None,
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// The citation style a reference (or a whole list) is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Style {
    /// MLA 8/9: `Author. "Title." *Container*, …, Year.`
    Mla,
    /// APA 7: `Author, A. (Year). Title. Container, vol(issue), pages.`
    Apa,
    /// Chicago notes-bibliography or author-date.
    Chicago,
    /// Harvard author-date.
    Harvard,
    /// IEEE numeric: `[n] A. Author, "Title," Container, vol. x, …`
    Ieee,
    /// Vancouver/ICMJE numeric: `Author AB, Author C. Title. Journal. Year;vol(issue):pages.`
    Vancouver,
    /// Not recognised, or too short to tell.
    #[default]
    Unknown,
}

impl fmt::Display for Style {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Style::Mla => "MLA",
            Style::Apa => "APA",
            Style::Chicago => "Chicago",
            Style::Harvard => "Harvard",
            Style::Ieee => "IEEE",
            Style::Vancouver => "Vancouver",
            Style::Unknown => "unknown",
        })
    }
}

/// The fields parsed out of one reference string.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Reference {
    /// The kind of work.
    #[serde(rename = "type")]
    pub kind: WorkType,
    /// Authors in the order given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Person>,
    /// True when the author list ends in "et al." or "and others".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub et_al: bool,
    /// Editors of the work or of its container.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub editors: Vec<Person>,
    /// The title of the work itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The journal, book, site or proceedings the work appears in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container_title: Option<String>,
    /// The publisher.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// The place of publication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher_place: Option<String>,
    /// When the work was issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<Date>,
    /// The volume.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<String>,
    /// The issue or number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue: Option<String>,
    /// Pages or a page range, with an en dash normalised to "-".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<String>,
    /// The edition ("2nd").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    /// The version of software or a dataset ("1.19.2").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// What kind of work the reference says it is, in its words ("Doctoral
    /// dissertation", "Computer software", "Data set").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub genre: Option<String>,
    /// A bare DOI ("10.1038/…"), lower-cased prefix, no resolver URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
    /// A URL, repaired of PDF line-break damage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// An arXiv identifier ("2403.12774").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arxiv: Option<String>,
    /// When an online source was accessed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessed: Option<Date>,
    /// Anything left over that belongs to no field ("Recorded talk", "Forthcoming").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Reference {
    /// The people a citation names the work by: its authors, or, for an
    /// edited volume without authors, its editors ("Robert and
    /// Weaver-Hightower (2011)").
    pub fn cited_persons(&self) -> &[Person] {
        if self.authors.is_empty() {
            &self.editors
        } else {
            &self.authors
        }
    }

    /// The year of issue, if known.
    pub fn year(&self) -> Option<i32> {
        self.issued.map(|d| d.year)
    }

    /// A short human label such as "Benjamin 2019" or "Hugging Face n.d.".
    ///
    /// ```
    /// use citemap::{Date, Person, Reference};
    /// let mut dijck = Person::new("Dijck", Some("José"));
    /// dijck.particle = Some("van".into());
    /// let r = Reference { authors: vec![dijck], issued: Some(Date::year(2013)), ..Reference::default() };
    /// assert_eq!(r.short_label(), "van Dijck 2013");
    /// ```
    pub fn short_label(&self) -> String {
        let who = match self.authors.first() {
            Some(p) if self.authors.len() == 2 => {
                format!("{} & {}", p.full_family(), self.authors[1].full_family())
            }
            Some(p) if self.authors.len() > 2 || self.et_al => {
                format!("{} et al.", p.full_family())
            }
            Some(p) => p.full_family(),
            None => self
                .container_title
                .clone()
                .or_else(|| self.title.clone())
                .unwrap_or_else(|| "Anon.".into()),
        };
        match self.year() {
            Some(y) => format!("{who} {y}"),
            None => format!("{who} n.d."),
        }
    }
}

/// Where in a source file something was found (1-based, inclusive lines).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct Span {
    /// The file, as the user named it; shared by the entries of one
    /// document.
    pub path: Arc<str>,
    /// First line, 1-based.
    pub line: usize,
    /// Last line, 1-based, inclusive.
    pub end_line: usize,
    /// Column of the first character on `line`, 1-based (in characters).
    pub column: usize,
}

/// The result of parsing one entry: fields with a confidence, or the reason
/// parsing failed. Nothing is dropped: an unparsed entry keeps its raw text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum Outcome {
    /// Fields were found.
    Parsed {
        /// The fields, shared: a database export cites one work in the same
        /// words many times, and every entry written alike holds one parse
        /// (an inline `Reference` would cost each entry 400 bytes).
        reference: Arc<Reference>,
        /// How sure the parser is, 0.0–1.0.
        confidence: f32,
    },
    /// No usable fields; `reason` says why.
    Unparsed {
        /// A sentence for the user.
        reason: String,
    },
}

/// One entry of a works-cited list, as found in a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Where the entry stands in its document.
    pub span: Span,
    /// Its label in a numbered list ("3" for "[3]"), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The label as printed before the entry ("\[3\]", "3."), when the
    /// entry has one; the CSL-JSON export puts it back in front of `raw`,
    /// so that the exported text is the entry as the document prints it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// The entry text after PDF repairs (joined lines, mended URLs);
    /// shared, like its parse, by the entries of a database export that
    /// cite a work in the same words.
    pub raw: Arc<str>,
    /// The style this entry was parsed as.
    pub style: Style,
    /// Parsed fields, or why not.
    pub outcome: Outcome,
}

impl Entry {
    /// The parsed reference, if parsing succeeded.
    pub fn reference(&self) -> Option<&Reference> {
        match &self.outcome {
            Outcome::Parsed { reference, .. } => Some(reference.as_ref()),
            Outcome::Unparsed { .. } => None,
        }
    }
}

/// Bibliographic metadata about a document itself (from a front-matter header
/// in `references/`, or what could be read off the document).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DocumentMeta {
    /// The document's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Its authors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Person>,
    /// Year of publication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Journal, site or series.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    /// DOI of the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
    /// URL of the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Volume of the journal issue (database exports state it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<String>,
    /// Pages, first page first (database exports state them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<String>,
    /// Abbreviations of `venue` the source states (Web of Science's J9 and
    /// JI: "J MARKETING", "J. Mark."); resolution learns its journal table
    /// from them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub venue_abbreviations: Vec<String>,
    /// Field of study. Informational only: analyses must never read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Where the document came from, such as the seed file it was copied
    /// from (front-matter key `source`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// The works-cited section found in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// The heading as written ("Works cited"), or a description of how the
    /// section was found when it had no heading.
    pub heading: String,
    /// First line of the section body, 1-based.
    pub line: usize,
    /// Last line of the section, 1-based, inclusive.
    pub end_line: usize,
}

/// A document after extraction: its text, its works-cited entries and notes
/// about anything the user should know (no section found, entries rejoined …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The path as given by the user.
    pub path: String,
    /// Metadata, when the document carries a front-matter header.
    #[serde(default)]
    pub meta: DocumentMeta,
    /// The works-cited section, if one was found (the first, when there
    /// are several).
    pub section: Option<Section>,
    /// Every works-cited section, in document order, when the document has
    /// more than one (a paper and its supplement, the chapters of a
    /// thesis); empty otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
    /// The style detected for the whole list.
    pub style: Style,
    /// Every entry, parsed or not, in document order.
    pub entries: Vec<Entry>,
    /// Messages for the user, such as "no works-cited section found".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}
