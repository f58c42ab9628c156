//! BibTeX output. Values are escaped for LaTeX, so a title with `&`, `%`,
//! `$` or braces never breaks a user's build.

use super::{citation_keys, one_line};
use crate::model::{Entry, Outcome, Person, Reference, WorkType};
use std::io::{self, Write};

/// The BibTeX entry type for a work type.
pub fn entry_type(kind: WorkType) -> &'static str {
    match kind {
        WorkType::ArticleJournal | WorkType::ArticleMagazine | WorkType::ArticleNewspaper => {
            "article"
        }
        WorkType::Book => "book",
        WorkType::Chapter => "incollection",
        WorkType::PaperConference => "inproceedings",
        WorkType::Report => "techreport",
        WorkType::Thesis => "phdthesis",
        _ => "misc",
    }
}

/// Escapes text for a braced BibTeX value.
///
/// ```
/// assert_eq!(citemap::export::bibtex::escape("AI & Society 100% {x}"), r"AI \& Society 100\% \{x\}");
/// ```
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in one_line(s).chars() {
        match c {
            '&' | '%' | '$' | '#' | '_' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str(r"\textasciitilde{}"),
            '^' => out.push_str(r"\textasciicircum{}"),
            '\\' => out.push_str(r"\textbackslash{}"),
            _ => out.push(c),
        }
    }
    out
}

fn names(people: &[Person], et_al: bool) -> String {
    let mut parts: Vec<String> = people
        .iter()
        .map(|p| {
            if p.literal {
                // Double braces keep BibTeX from splitting "Hugging Face" into
                // a given and a family name.
                format!("{{{}}}", escape(&p.family))
            } else {
                let family = escape(&p.full_family());
                let mut s = family;
                if let Some(suffix) = &p.suffix {
                    s = format!("{s}, {}", escape(suffix));
                }
                match &p.given {
                    Some(g) => format!("{s}, {}", escape(g)),
                    None => s,
                }
            }
        })
        .collect();
    if et_al {
        parts.push("others".into());
    }
    parts.join(" and ")
}

fn fields(r: &Reference) -> Vec<(&'static str, String)> {
    let mut f = Vec::new();
    if !r.authors.is_empty() {
        f.push(("author", names(&r.authors, r.et_al)));
    }
    if !r.editors.is_empty() {
        f.push(("editor", names(&r.editors, false)));
    }
    if let Some(t) = &r.title {
        f.push(("title", escape(t)));
    }
    if let Some(c) = &r.container_title {
        let key = match r.kind {
            WorkType::ArticleJournal | WorkType::ArticleMagazine | WorkType::ArticleNewspaper => {
                "journal"
            }
            WorkType::Chapter | WorkType::PaperConference => "booktitle",
            _ => "howpublished",
        };
        f.push((key, escape(c)));
    }
    if let Some(p) = &r.publisher {
        let key = match r.kind {
            WorkType::Report => "institution",
            WorkType::Thesis => "school",
            _ => "publisher",
        };
        f.push((key, escape(p)));
    }
    let plain = [
        ("address", &r.publisher_place),
        ("volume", &r.volume),
        ("number", &r.issue),
        ("edition", &r.edition),
        ("version", &r.version),
        ("type", &r.genre),
        ("doi", &r.doi),
        ("url", &r.url),
        ("note", &r.note),
    ];
    for (key, value) in plain {
        if let Some(v) = value {
            f.push((key, escape(v)));
        }
    }
    if let Some(p) = &r.pages {
        f.push(("pages", escape(&p.replace('-', "--"))));
    }
    if let Some(d) = &r.issued {
        f.push(("year", d.year.to_string()));
        if let Some(m) = d.month {
            f.push(("month", m.to_string()));
        }
    }
    if let Some(a) = &r.arxiv {
        f.push(("eprint", escape(a)));
        f.push(("archiveprefix", "arXiv".into()));
    }
    if let Some(d) = &r.accessed {
        f.push(("urldate", d.to_string()));
    }
    f
}

/// Writes entries as BibTeX. An unparsed entry becomes a `@comment` with its
/// raw text and the reason, so the count of records still matches the input.
pub fn write<W: Write + ?Sized>(out: &mut W, entries: &[Entry]) -> io::Result<()> {
    let keys = citation_keys(entries);
    for (entry, key) in entries.iter().zip(&keys) {
        write_entry(out, entry, key)?;
    }
    Ok(())
}

/// Writes one record of [`write`] with its citation key.
pub fn write_entry<W: Write + ?Sized>(out: &mut W, entry: &Entry, key: &str) -> io::Result<()> {
    match &entry.outcome {
        Outcome::Parsed { reference, .. } => {
            writeln!(out, "@{}{{{key},", entry_type(reference.kind))?;
            for (name, value) in fields(reference) {
                writeln!(out, "  {name} = {{{value}}},")?;
            }
            writeln!(out, "}}\n")?;
        }
        Outcome::Unparsed { reason } => {
            writeln!(
                out,
                "@comment{{citemap: {}:{} not parsed ({}): {}}}\n",
                escape(&entry.span.path),
                entry.span.line,
                escape(reason),
                escape(&entry.raw)
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Span, Style};

    #[test]
    fn writes_a_chapter_with_escaped_fields() {
        let r = Reference {
            kind: WorkType::Chapter,
            authors: vec![Person::new("Apprich", Some("Clemens"))],
            editors: vec![Person::literal("Meson & Co")],
            title: Some("Introduction".into()),
            container_title: Some("Pattern Discrimination".into()),
            pages: Some("ix-xii".into()),
            issued: Some(Date::year(2018)),
            ..Reference::default()
        };
        let e = Entry {
            span: Span::default(),
            label: None,
            marker: None,
            raw: String::new().into(),
            style: Style::Mla,
            outcome: Outcome::Parsed {
                reference: r.into(),
                confidence: 1.0,
            },
        };
        let mut buf = Vec::new();
        write(&mut buf, &[e]).unwrap();
        let s = String::from_utf8(buf).unwrap();
        assert!(s.starts_with("@incollection{apprich2018,"), "{s}");
        assert!(s.contains("author = {Apprich, Clemens},"));
        assert!(s.contains(r"editor = {{Meson \& Co}},"));
        assert!(s.contains("booktitle = {Pattern Discrimination},"));
        assert!(s.contains("pages = {ix--xii},"));
    }
}
