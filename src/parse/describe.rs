//! Bracketed descriptions of what a work is: "[Computer software]",
//! "(Version 1.19.2)", "[Data set]", "(Doctoral dissertation, University of
//! Chicago)", "[Video]".
//!
//! APA and its relatives put these between the title and the source. Left in
//! place they read as part of the title, or their numbers as a volume
//! ("Version 1.19" became volume 1, pages 19). They are taken out of the
//! string before the grammar runs and put back as the work's type, genre,
//! version and, for a thesis, the degree-granting institution.

use crate::model::{Reference, WorkType};

/// What the bracketed descriptions of one reference say.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Described {
    /// The reference string without the descriptions.
    pub text: String,
    /// "1.19.2" from "(Version 1.19.2)".
    pub version: Option<String>,
    /// The description as written: "Computer software", "Doctoral dissertation".
    pub genre: Option<String>,
    /// The type the description names, when it names one.
    pub kind: Option<WorkType>,
    /// "University of Chicago" from "(Doctoral dissertation, University of Chicago)".
    pub institution: Option<String>,
    /// "Original work published 1899", "Reprint, 1996": another date of the
    /// work, kept as a note so it is not read as a volume.
    pub note: Option<String>,
}

impl Described {
    /// Puts what the descriptions say into a reference the grammar read from
    /// [`Described::text`]. The grammar's own fields win where both speak,
    /// except the type: a description is the author's word on that.
    pub fn apply(self, r: &mut Reference) {
        if let Some(kind) = self.kind {
            r.kind = kind;
        }
        if r.version.is_none() {
            r.version = self.version;
        }
        if r.genre.is_none() {
            r.genre = self.genre;
        }
        if let Some(n) = self.note {
            super::add_note(&mut r.note, n);
        }
        if let Some(inst) = self.institution {
            if r.publisher.is_none() {
                r.publisher = Some(inst);
            }
        }
        // A description follows a title, so there is one: "NumPy. Zenodo"
        // read as one abbreviated journal is a title and its source.
        if r.title.is_none() {
            if let Some(c) = r.container_title.take() {
                match c.split_once(". ") {
                    Some((t, rest)) => {
                        r.title = Some(t.to_owned());
                        r.container_title = Some(rest.to_owned());
                    }
                    None => r.container_title = Some(c),
                }
            }
        }
        // "NumPy [Computer software]. Zenodo.": after a description, the
        // source without volume or pages is who published the work.
        let no_numbers = r.volume.is_none() && r.pages.is_none() && r.issue.is_none();
        if no_numbers
            && r.publisher.is_none()
            && matches!(r.kind, WorkType::Software | WorkType::Dataset)
        {
            r.publisher = r.container_title.take();
        }
    }
}

/// How one description reads: its leading words and what they mean.
struct Head {
    words: &'static str,
    kind: Option<WorkType>,
    /// Whether ", Institution" may follow.
    institution: bool,
}

const fn head(words: &'static str, kind: Option<WorkType>, institution: bool) -> Head {
    Head {
        words,
        kind,
        institution,
    }
}

/// Descriptions as APA 7, Chicago and common practice write them, longest
/// first so "doctoral dissertation" wins over "dissertation".
const HEADS: &[Head] = &[
    head(
        "unpublished doctoral dissertation",
        Some(WorkType::Thesis),
        true,
    ),
    head("unpublished master's thesis", Some(WorkType::Thesis), true),
    head("doctoral dissertation", Some(WorkType::Thesis), true),
    head("doctoral thesis", Some(WorkType::Thesis), true),
    head("master's thesis", Some(WorkType::Thesis), true),
    head("masters thesis", Some(WorkType::Thesis), true),
    head("ph.d. dissertation", Some(WorkType::Thesis), true),
    head("ph.d. thesis", Some(WorkType::Thesis), true),
    head("phd dissertation", Some(WorkType::Thesis), true),
    head("phd thesis", Some(WorkType::Thesis), true),
    head("dissertation", Some(WorkType::Thesis), true),
    head("thèse de doctorat", Some(WorkType::Thesis), true),
    head("dissertation thesis", Some(WorkType::Thesis), true),
    head("computer software", Some(WorkType::Software), false),
    head("computer program", Some(WorkType::Software), false),
    head("software", Some(WorkType::Software), false),
    head("source code", Some(WorkType::Software), false),
    head("mobile app", Some(WorkType::Software), false),
    head("data set", Some(WorkType::Dataset), false),
    head("dataset", Some(WorkType::Dataset), false),
    head("data file", Some(WorkType::Dataset), false),
    head("database", Some(WorkType::Dataset), false),
    head("video file", Some(WorkType::Video), false),
    head("video", Some(WorkType::Video), false),
    head("motion picture", Some(WorkType::Video), false),
    head("film", Some(WorkType::Video), false),
    head("audio podcast episode", None, false),
    head("audio podcast", None, false),
    head("podcast episode", None, false),
    head("blog post", None, false),
    head("tweet", None, false),
    head("lecture notes", None, false),
    head("powerpoint slides", None, false),
    head("infographic", None, false),
    head("abstract", None, false),
    head("editorial", None, false),
    head("letter to the editor", None, false),
    head("white paper", Some(WorkType::Report), false),
    head("preprint", Some(WorkType::Preprint), false),
];

/// Finds the bracketed descriptions in `raw`. `None` when there are none,
/// which is the common case and costs one byte scan.
///
/// ```ignore
/// let d = describe::take("Harris, C. R. (2020). NumPy (Version 1.19.2) [Computer software]. Zenodo.").unwrap();
/// assert_eq!(d.text, "Harris, C. R. (2020). NumPy. Zenodo.");
/// assert_eq!(d.version.as_deref(), Some("1.19.2"));
/// ```
pub(crate) fn take(raw: &str) -> Option<Described> {
    let mut out = Described::default();
    let raw = match reprint_at_end(raw) {
        Some(k) => {
            out.note = Some(raw[k..].trim().trim_end_matches('.').to_owned());
            raw[..k].trim_end()
        }
        None => raw,
    };
    if !raw.contains(['(', '[']) {
        return out.note.is_some().then(|| Described {
            text: raw.to_owned(),
            ..out
        });
    }
    let mut text = String::with_capacity(raw.len());
    let mut from = 0;
    let mut found = false;
    let mut i = 0;
    while let Some(k) = raw[i..].find(['(', '[']).map(|k| k + i) {
        let close = if raw.as_bytes()[k] == b'(' { ')' } else { ']' };
        let Some(len) = raw[k + 1..].find(close) else {
            break;
        };
        let inner = &raw[k + 1..k + 1 + len];
        let end = k + 1 + len + 1;
        // A description follows a title; the names at the start are never one.
        if k > 0 && read(inner, &mut out) {
            found = true;
            text.push_str(raw[from..k].trim_end());
            from = end;
        }
        i = end;
    }
    if !found && out.note.is_none() {
        return None;
    }
    text.push_str(&raw[from..]);
    out.text = text;
    Some(out)
}

/// Where a closing "Reprint, 1996." / "Repr. 1996" / "Reprinted 2004."
/// sentence starts: a second date that is not the work's volume.
fn reprint_at_end(raw: &str) -> Option<usize> {
    let t = raw.trim_end().trim_end_matches('.');
    let k = super::text::rfind(t, ". ")? + 2;
    let last = &t[k..];
    let lower = last.to_lowercase();
    let rest = ["reprint", "repr.", "reprinted", "nachdruck", "réimpr."]
        .iter()
        .find_map(|w| lower.strip_prefix(w))?;
    let rest = rest.trim_start_matches([',', ' ']);
    let year = rest.len() == 4 && rest.bytes().all(|b| b.is_ascii_digit());
    year.then_some(k)
}

/// Reads one bracket's contents into `out`; false when it is not a
/// description (a year, an edition, an abbreviation, a translator…).
fn read(inner: &str, out: &mut Described) -> bool {
    let inner = inner.trim();
    if inner.len() > 160 {
        return false;
    }
    let lower = inner.to_lowercase();
    // APA: "(Original work published 1899)".
    for prefix in ["original work published ", "originally published "] {
        if let Some(y) = lower.strip_prefix(prefix) {
            if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) {
                out.note = Some(inner.to_owned());
                return true;
            }
        }
    }
    for prefix in ["version ", "vers. ", "ver. "] {
        if let Some(v) = lower.strip_prefix(prefix) {
            let v = v.trim();
            if !v.is_empty()
                && v.len() <= 24
                && v.starts_with(|c: char| c.is_ascii_digit())
                && !v.contains(' ')
            {
                out.version = Some(inner.get(inner.len() - v.len()..).unwrap_or(v).to_owned());
                return true;
            }
            return false;
        }
    }
    for h in HEADS {
        let Some(after) = lower.strip_prefix(h.words) else {
            continue;
        };
        let institution = if after.is_empty() {
            None
        } else if let Some(inst) = after.strip_prefix(',').filter(|_| h.institution) {
            let inst = inst.trim();
            // Keep the original capitals of the institution.
            let inst = inner.get(inner.len() - inst.len()..).unwrap_or(inst).trim();
            if inst.is_empty() {
                return false;
            }
            Some(inst.to_owned())
        } else {
            continue;
        };
        out.genre = Some(inner.get(..h.words.len()).unwrap_or(h.words).to_owned());
        if h.kind.is_some() {
            out.kind = h.kind;
        }
        if institution.is_some() {
            out.institution = institution;
        }
        return true;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn software_with_version() {
        let d = take(
            "Harris, C. R. (2020). NumPy (Version 1.19.2) [Computer software]. Zenodo. https://doi.org/10.5281/zenodo.4035864",
        )
        .unwrap();
        assert_eq!(
            d.text,
            "Harris, C. R. (2020). NumPy. Zenodo. https://doi.org/10.5281/zenodo.4035864"
        );
        assert_eq!(d.version.as_deref(), Some("1.19.2"));
        assert_eq!(d.genre.as_deref(), Some("Computer software"));
        assert_eq!(d.kind, Some(WorkType::Software));
    }

    #[test]
    fn thesis_keeps_institution_capitals() {
        let d = take("Jones, A. (2012). Networks of citation (Doctoral dissertation, University of Chicago). ProQuest.").unwrap();
        assert_eq!(d.text, "Jones, A. (2012). Networks of citation. ProQuest.");
        assert_eq!(d.institution.as_deref(), Some("University of Chicago"));
        assert_eq!(d.kind, Some(WorkType::Thesis));
    }

    #[test]
    fn second_dates_are_notes() {
        let d = take("Kuhn, Thomas S. The Structure of Scientific Revolutions. 2nd ed. Chicago: University of Chicago Press, 1970. Reprint, 1996.").unwrap();
        assert_eq!(d.note.as_deref(), Some("Reprint, 1996"));
        assert!(d.text.ends_with("Press, 1970."), "{}", d.text);
        let d = take("Freud, S. (1953). The interpretation of dreams. Hogarth Press. (Original work published 1900)").unwrap();
        assert_eq!(d.note.as_deref(), Some("Original work published 1900"));
        assert_eq!(
            d.text,
            "Freud, S. (1953). The interpretation of dreams. Hogarth Press."
        );
    }

    #[test]
    fn ordinary_brackets_are_left_alone() {
        for raw in [
            "Noble, S. U. (2018). Algorithms of oppression. NYU Press.",
            "Cohen, J. (1988). Statistical power analysis (2nd ed.). Erlbaum.",
            "Smith, J. (Ed.). (2001). Videos of the world. Penguin.",
            "Smith J. Video games and learning (review). J Educ. 2001;3:4.",
            "(Software) Carpentry, A. (2015). Lessons.",
            "[Database] missing close",
        ] {
            assert_eq!(take(raw), None, "{raw}");
        }
    }

    #[test]
    fn unclosed_and_odd_input_does_not_panic() {
        for raw in [
            "(",
            "x [",
            "a (Version )",
            "é (Version 2",
            "a [data set",
            "a (Version é)",
        ] {
            let _ = take(raw);
        }
    }
}
