//! CSL-JSON, the interchange format of Zotero, Pandoc and citeproc.
//!
//! Standard fields go where the CSL-JSON schema puts them; what CSL has no
//! field for (source file and line, detected style, raw text, parse status)
//! goes under a `citemap` key that CSL processors ignore.

use super::citation_keys;
use crate::model::{Date, Entry, Outcome, Person, Reference};
use serde_json::{json, Map, Value};
use std::io::{self, Write};

/// The CSL-JSON name object of a person or organisation.
pub fn name(person: &Person) -> Value {
    let mut m = Map::new();
    if person.literal {
        m.insert("literal".into(), json!(person.family));
        return Value::Object(m);
    }
    m.insert("family".into(), json!(person.family));
    if let Some(g) = &person.given {
        m.insert("given".into(), json!(g));
    }
    if let Some(p) = &person.particle {
        m.insert("non-dropping-particle".into(), json!(p));
    }
    if let Some(s) = &person.suffix {
        m.insert("suffix".into(), json!(s));
    }
    Value::Object(m)
}

/// A CSL date object: `{"date-parts": [[2019, 5, 9]]}`.
pub fn date(d: &Date) -> Value {
    let mut parts = vec![json!(d.year)];
    if let Some(m) = d.month {
        parts.push(json!(m));
        if let Some(day) = d.day {
            parts.push(json!(day));
        }
    }
    json!({ "date-parts": [parts] })
}

/// The standard CSL-JSON fields of a reference (no `id`, no `citemap` key).
pub fn fields(r: &Reference) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("type".into(), json!(r.kind.csl_name()));
    if !r.authors.is_empty() {
        m.insert("author".into(), r.authors.iter().map(name).collect());
    }
    if !r.editors.is_empty() {
        m.insert("editor".into(), r.editors.iter().map(name).collect());
    }
    let text = [
        ("title", &r.title),
        ("container-title", &r.container_title),
        ("publisher", &r.publisher),
        ("publisher-place", &r.publisher_place),
        ("volume", &r.volume),
        ("issue", &r.issue),
        ("page", &r.pages),
        ("edition", &r.edition),
        ("version", &r.version),
        ("genre", &r.genre),
        ("DOI", &r.doi),
        ("URL", &r.url),
        ("note", &r.note),
    ];
    for (key, value) in text {
        if let Some(v) = value {
            m.insert(key.into(), json!(v));
        }
    }
    if let Some(d) = &r.issued {
        m.insert("issued".into(), date(d));
    }
    if let Some(d) = &r.accessed {
        m.insert("accessed".into(), date(d));
    }
    if let Some(a) = &r.arxiv {
        // CSL has no arXiv field; the convention (Zotero, Better BibTeX) is
        // `number` for the identifier of a preprint.
        m.insert("number".into(), json!(format!("arXiv:{a}")));
    }
    m
}

/// One CSL-JSON item for an entry, with `id` and the `citemap` extras.
pub fn item(entry: &Entry, id: &str) -> Value {
    let mut m = match &entry.outcome {
        Outcome::Parsed { reference, .. } => fields(reference),
        Outcome::Unparsed { .. } => {
            let mut m = Map::new();
            m.insert("type".into(), json!("document"));
            m
        }
    };
    m.insert("id".into(), json!(id));
    let mut extra = Map::new();
    extra.insert("source".into(), json!(entry.span.path));
    extra.insert("line".into(), json!(entry.span.line));
    extra.insert("end-line".into(), json!(entry.span.end_line));
    if let Some(l) = &entry.label {
        extra.insert("label".into(), json!(l));
    }
    extra.insert("style".into(), json!(entry.style));
    // The entry as printed: its label ("[12]") in front of the text, as
    // the document has it; the label alone stays in "label".
    let raw = match &entry.marker {
        Some(m) => json!(format!("{m} {}", entry.raw)),
        None => json!(entry.raw),
    };
    extra.insert("raw".into(), raw);
    match &entry.outcome {
        Outcome::Parsed { confidence, .. } => {
            extra.insert("status".into(), json!("parsed"));
            extra.insert("confidence".into(), json!(round2(*confidence)));
        }
        Outcome::Unparsed { reason } => {
            extra.insert("status".into(), json!("unparsed"));
            extra.insert("reason".into(), json!(reason));
        }
    }
    m.insert("citemap".into(), Value::Object(extra));
    Value::Object(m)
}

fn round2(x: f32) -> f64 {
    (f64::from(x) * 100.0).round() / 100.0
}

/// Writes entries as a CSL-JSON array, one item per line, in order.
///
/// One item a line keeps the output aligned with line-oriented input (as
/// `citemap parse` promises) while the whole stays a valid JSON array.
pub fn write<W: Write + ?Sized>(out: &mut W, entries: &[Entry]) -> io::Result<()> {
    let keys = citation_keys(entries);
    out.write_all(b"[")?;
    for (i, (entry, key)) in entries.iter().zip(&keys).enumerate() {
        write_item(out, entry, key, i == 0)?;
    }
    out.write_all(b"\n]\n")
}

/// Writes one item of the array [`write`] writes, after the opening "\["
/// (`first`) or after the previous item; the caller closes the array with
/// "\n]\n".
pub fn write_item<W: Write + ?Sized>(
    out: &mut W,
    entry: &Entry,
    key: &str,
    first: bool,
) -> io::Result<()> {
    out.write_all(if first { b"\n" } else { b",\n" })?;
    serde_json::to_writer(&mut *out, &item(entry, key))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Span, Style, WorkType};

    fn entry(outcome: Outcome) -> Entry {
        Entry {
            span: Span {
                path: "a.md".into(),
                line: 3,
                end_line: 4,
                column: 1,
            },
            label: Some("7".into()),
            marker: None,
            raw: "raw text".into(),
            style: Style::Ieee,
            outcome,
        }
    }

    #[test]
    fn parsed_entry_has_standard_fields_and_extras() {
        let r = Reference {
            kind: WorkType::ArticleJournal,
            authors: vec![
                Person::new("Gabriel", Some("I.")),
                Person::literal("OpenAI"),
            ],
            title: Some("Artificial Intelligence, Values, and Alignment".into()),
            container_title: Some("Minds & Machines".into()),
            issued: Some(Date {
                year: 2020,
                month: Some(9),
                day: None,
            }),
            pages: Some("411-437".into()),
            doi: Some("10.1007/s11023-020-09539-2".into()),
            ..Reference::default()
        };
        let v = item(
            &entry(Outcome::Parsed {
                reference: r.into(),
                confidence: 0.912,
            }),
            "gabriel2020",
        );
        assert_eq!(v["type"], "article-journal");
        assert_eq!(v["author"][0]["family"], "Gabriel");
        assert_eq!(v["author"][1]["literal"], "OpenAI");
        assert_eq!(v["issued"]["date-parts"][0], json!([2020, 9]));
        assert_eq!(v["page"], "411-437");
        assert_eq!(v["DOI"], "10.1007/s11023-020-09539-2");
        assert_eq!(v["citemap"]["line"], 3);
        assert_eq!(v["citemap"]["style"], "ieee");
        assert_eq!(v["citemap"]["confidence"], 0.91);
    }

    #[test]
    fn unparsed_entry_keeps_raw_text_and_reason() {
        let v = item(
            &entry(Outcome::Unparsed {
                reason: "no fields found".into(),
            }),
            "x",
        );
        assert_eq!(v["type"], "document");
        assert_eq!(v["citemap"]["raw"], "raw text");
        assert_eq!(v["citemap"]["reason"], "no fields found");
    }

    #[test]
    fn raw_text_is_the_entry_as_printed_with_its_label() {
        let mut e = entry(Outcome::Unparsed { reason: "x".into() });
        e.marker = Some("[7]".into());
        let v = item(&e, "x");
        assert_eq!(v["citemap"]["raw"], "[7] raw text");
        assert_eq!(v["citemap"]["label"], "7");
    }

    #[test]
    fn array_is_valid_json_with_one_item_per_line() {
        let entries = vec![
            entry(Outcome::Unparsed { reason: "a".into() }),
            entry(Outcome::Unparsed { reason: "b".into() }),
        ];
        let mut buf = Vec::new();
        write(&mut buf, &entries).unwrap();
        let text = String::from_utf8(buf).unwrap();
        let parsed: Vec<Value> = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed.len(), 2);
        assert_eq!(text.lines().count(), 4);
        let mut empty = Vec::new();
        write(&mut empty, &[]).unwrap();
        assert_eq!(
            serde_json::from_slice::<Vec<Value>>(&empty).unwrap().len(),
            0
        );
    }
}
