//! CSL-JSON libraries (Zotero's "CSL JSON" export, pandoc's `--to csljson`,
//! citeproc inputs), read as a list of entries.
//!
//! The top-level array is cut into its items by a small scanner that knows
//! each item's line, and each item is parsed on its own by `serde_json`, so
//! one bad item (or a file cut short) costs only the items it touches.

use super::library::{self, clean_doi, clean_pages, nonempty, Record};
use crate::model::{Date, Person, Reference, WorkType};
use serde_json::Value;

/// An item that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line where the item starts (or where reading stopped).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// True when `text` reads as CSL-JSON: a JSON array whose first element is
/// an object, or a single object with a `"type"` and an `"id"` or `"title"`.
pub fn looks_like(text: &str) -> bool {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if let Some(rest) = t.strip_prefix('[') {
        return rest.trim_start().starts_with('{');
    }
    if t.starts_with('{') {
        let head = &t[..t.len().min(4_096)];
        let head = &head[..(0..=head.len())
            .rev()
            .find(|&i| head.is_char_boundary(i))
            .unwrap_or(0)];
        return head.contains("\"type\"")
            && (head.contains("\"id\"") || head.contains("\"title\""));
    }
    false
}

/// Reads the items of a CSL-JSON text: every item that can be read, mapped
/// field by field, and a problem for every one that cannot. Never panics.
///
/// ```
/// let json = r#"[{"id": "b19", "type": "book", "title": "Race after Technology",
///   "author": [{"family": "Benjamin", "given": "Ruha"}], "issued": {"date-parts": [[2019]]}}]"#;
/// let (records, problems) = citemap::input::csl_json::records(json);
/// assert!(problems.is_empty());
/// assert_eq!(records[0].reference.short_label(), "Benjamin 2019");
/// ```
pub fn records(text: &str) -> (Vec<Record>, Vec<Problem>) {
    let mut records = Vec::new();
    let mut problems = Vec::new();
    let (items, trouble) = split(text);
    problems.extend(trouble);
    for item in items {
        let src = &text[item.start..item.end];
        match serde_json::from_str::<Value>(src) {
            Ok(Value::Object(map)) => {
                let value = Value::Object(map);
                records.push(Record {
                    key: id(&value),
                    line: item.line,
                    end_line: item.line + src.matches('\n').count(),
                    raw: library::collapse(src),
                    reference: reference(&value),
                });
            }
            Ok(_) => problems.push(Problem {
                line: item.line,
                message: "an item that is not an object".into(),
            }),
            Err(e) => problems.push(Problem {
                line: item.line + e.line().saturating_sub(1),
                message: format!("malformed JSON: {e}"),
            }),
        }
    }
    (records, problems)
}

struct Item {
    start: usize,
    end: usize,
    line: usize,
}

/// Cuts the top-level array (or single object) into objects. Strings are
/// skipped with their escapes, so braces inside titles do not count.
fn split(text: &str) -> (Vec<Item>, Vec<Problem>) {
    let bytes = text.as_bytes();
    let mut items = Vec::new();
    let mut problems = Vec::new();
    let first = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace() && *b != 0xEF && *b != 0xBB && *b != 0xBF);
    let Some(first) = first else {
        return (items, problems);
    };
    // A single object stands for a one-item list.
    let base = usize::from(bytes[first] == b'[');
    let (mut depth, mut in_str, mut esc) = (0usize, false, false);
    let mut line = 1;
    let mut start = None;
    for (i, &b) in bytes.iter().enumerate().skip(first) {
        if b == b'\n' {
            line += 1;
        }
        if in_str {
            match (esc, b) {
                (true, _) => esc = false,
                (false, b'\\') => esc = true,
                (false, b'"') => in_str = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'[' | b'{' => {
                if depth == base && b == b'{' {
                    start = Some((i, line));
                }
                depth += 1;
            }
            b']' | b'}' => {
                depth = depth.saturating_sub(1);
                if depth == base && b == b'}' {
                    if let Some((s, l)) = start.take() {
                        items.push(Item {
                            start: s,
                            end: i + 1,
                            line: l,
                        });
                    }
                }
                if depth == 0 && base == 1 && b == b']' {
                    break;
                }
            }
            _ => {}
        }
    }
    if let Some((_, l)) = start {
        problems.push(Problem {
            line: l,
            message: "the file ends inside this item (truncated?)".into(),
        });
    } else if depth > 0 && items.is_empty() {
        problems.push(Problem {
            line,
            message: "the file ends inside the list (truncated?)".into(),
        });
    }
    (items, problems)
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => nonempty(s),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn id(item: &Value) -> Option<String> {
    item.get("id").and_then(text_of)
}

/// The work type of a CSL type name.
pub fn work_type(name: &str) -> WorkType {
    match name {
        "article-journal" | "review" | "review-book" => WorkType::ArticleJournal,
        "article-magazine" => WorkType::ArticleMagazine,
        "article-newspaper" => WorkType::ArticleNewspaper,
        "book" | "classic" | "collection" => WorkType::Book,
        "chapter" | "entry-encyclopedia" | "entry-dictionary" | "entry" => WorkType::Chapter,
        "paper-conference" => WorkType::PaperConference,
        "report" | "standard" => WorkType::Report,
        "thesis" => WorkType::Thesis,
        "webpage" | "post-weblog" | "post" => WorkType::Webpage,
        "software" => WorkType::Software,
        "dataset" => WorkType::Dataset,
        "article" => WorkType::Preprint,
        "motion_picture" | "broadcast" | "speech" => WorkType::Video,
        _ => WorkType::Other,
    }
}

fn names(v: Option<&Value>) -> Vec<Person> {
    let Some(Value::Array(list)) = v else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|n| {
            if let Some(lit) = n.get("literal").and_then(text_of) {
                return Some(Person::literal(lit));
            }
            let family = n.get("family").and_then(text_of)?;
            let given = n.get("given").and_then(text_of);
            let mut p = Person::new(family, given.as_deref());
            p.particle = n
                .get("non-dropping-particle")
                .or_else(|| n.get("dropping-particle"))
                .and_then(text_of);
            p.suffix = n.get("suffix").and_then(text_of);
            Some(p)
        })
        .collect()
}

/// A CSL date: `{"date-parts": [[2019, 3, 5]]}`, or its `raw`/`literal`.
fn date(v: Option<&Value>) -> Option<Date> {
    let v = v?;
    if let Some(parts) = v
        .get("date-parts")
        .and_then(|p| p.get(0))
        .and_then(Value::as_array)
    {
        let num = |i: usize| {
            parts.get(i).and_then(|x| {
                x.as_i64()
                    .or_else(|| x.as_str().and_then(|s| s.trim().parse().ok()))
            })
        };
        if let Some(year) = num(0).and_then(|y| i32::try_from(y).ok()) {
            let month = num(1)
                .and_then(|m| u8::try_from(m).ok())
                .filter(|m| (1..=12).contains(m));
            let day = num(2)
                .and_then(|d| u8::try_from(d).ok())
                .filter(|d| (1..=31).contains(d));
            return Some(Date {
                year,
                month,
                day: month.and(day),
            });
        }
    }
    v.get("raw")
        .or_else(|| v.get("literal"))
        .and_then(text_of)
        .or_else(|| text_of(v))
        .and_then(|s| library::parse_date(&s))
}

/// Maps one CSL item onto a [`Reference`], field by field.
pub fn reference(item: &Value) -> Reference {
    let s = |k: &str| item.get(k).and_then(text_of);
    let url = s("URL");
    Reference {
        kind: work_type(&s("type").unwrap_or_default()),
        authors: names(item.get("author")),
        et_al: false,
        editors: names(item.get("editor")),
        title: s("title"),
        container_title: s("container-title").or_else(|| s("collection-title")),
        publisher: s("publisher"),
        publisher_place: s("publisher-place"),
        issued: date(item.get("issued")),
        volume: s("volume"),
        issue: s("issue").or_else(|| s("number")),
        pages: s("page").and_then(|p| clean_pages(&p)),
        edition: s("edition"),
        version: s("version"),
        genre: s("genre"),
        doi: s("DOI").and_then(|d| clean_doi(&d)),
        arxiv: url
            .as_deref()
            .and_then(|u| u.split_once("arxiv.org/abs/"))
            .map(|(_, id)| id.to_owned()),
        url,
        accessed: date(item.get("accessed")),
        note: s("note"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_keep_their_lines_and_bad_ones_are_reported() {
        let text = "[\n  {\"id\": \"a\", \"type\": \"book\", \"title\": \"A {brace} \\\" quote\"},\n  {\"id\": 7, \"type\": \"thesis\", \"title\": bad},\n  {\"id\": \"c\", \"type\": \"webpage\",\n   \"title\": \"C\"}\n]";
        let (records, problems) = records(text);
        let ids: Vec<_> = records.iter().map(|r| r.key.clone().unwrap()).collect();
        assert_eq!(ids, ["a", "c"]);
        assert_eq!(records[1].line, 4);
        assert_eq!(records[1].end_line, 5);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 3);
    }

    #[test]
    fn truncated_file_keeps_complete_items() {
        let (records, problems) = records("[{\"id\":\"a\",\"title\":\"A\"},\n{\"id\":\"b\",\"ti");
        assert_eq!(records.len(), 1);
        assert_eq!(problems[0].line, 2);
    }

    #[test]
    fn sniffing() {
        assert!(looks_like(" [\n {\"id\": 1}]"));
        assert!(looks_like("{\"id\": \"x\", \"type\": \"book\"}"));
        assert!(!looks_like("[1] Smith, J. A paper."));
        assert!(!looks_like("{\"name\": \"package\"}"));
    }
}
