//! OpenAlex works: JSON lines as its API returns them (one work object per
//! line, `referenced_works` a list of work ids) and the CSV of its web
//! export (columns named by JSON path, lists joined by "|"). Cited works are
//! OpenAlex ids: they join a record whose own id they name.

use super::{
    bare_doi, batch::Batcher, csv_error, csv_reader, nonempty, person_given_first, Columns, Form,
    Record,
};
use crate::error::{Error, Result};
use crate::input::{Format, Source};
use serde_json::Value;

/// One work object as a record.
fn work(v: &Value, line: usize) -> Record {
    let s = |p: &str| v.pointer(p).and_then(Value::as_str).unwrap_or("");
    let mut rec = Record::default();
    let m = &mut rec.meta;
    m.title = nonempty(s("/display_name")).or_else(|| nonempty(s("/title")));
    m.year = v
        .pointer("/publication_year")
        .and_then(Value::as_i64)
        .and_then(|y| i32::try_from(y).ok());
    m.doi = bare_doi(s("/doi"));
    m.url = nonempty(s("/id"));
    m.venue = nonempty(s("/primary_location/source/display_name"));
    m.volume = nonempty(s("/biblio/volume"));
    m.pages = super::pages(s("/biblio/first_page"), s("/biblio/last_page"));
    m.authors = v
        .pointer("/authorships")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|x| x.pointer("/author/display_name").and_then(Value::as_str))
                .filter_map(person_given_first)
                .collect()
        })
        .unwrap_or_default();
    rec.text = m.title.clone().unwrap_or_default();
    rec.cited = v
        .pointer("/referenced_works")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(|id| (id.to_owned(), line))
                .collect()
        })
        .unwrap_or_default();
    rec
}

/// Reads OpenAlex JSON lines, one [`Source`] per work.
///
/// # Errors
///
/// [`Error::Export`] for a line that is not JSON.
pub fn read_jsonl(path: &str, text: &str) -> Result<Vec<Source>> {
    let mut out = Batcher::new(path, Format::OpenAlexJsonl);
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line).map_err(|e| Error::Export {
            path: path.into(),
            line: i + 1,
            format: "OpenAlex JSON lines",
            message: e.to_string(),
        })?;
        // An API page ({"results": [...]}) holds many works.
        let works: Vec<&Value> = match v.get("results").and_then(Value::as_array) {
            Some(list) => list.iter().collect(),
            None => vec![&v],
        };
        for w in works {
            out.push(work(w, i + 1), Form::Id);
        }
    }
    Ok(out.finish())
}

/// Reads the CSV of OpenAlex's web export, one [`Source`] per row. Its
/// reference lists (`referenced_works`, when the export has the column)
/// are "|"-separated ids; an export without the column gives records with
/// empty lists, which other records may still cite.
///
/// # Errors
///
/// [`Error::Export`] when a row cannot be read as CSV.
pub fn read_csv(path: &str, text: &str) -> Result<Vec<Source>> {
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv_reader(text, b',', true);
    let headers = reader
        .headers()
        .map_err(|e| csv_error(path, "OpenAlex CSV", &e))?
        .clone();
    let cols = Columns::new(&headers);
    let mut out = Batcher::new(path, Format::OpenAlexCsv);
    for row in reader.records() {
        let row = row.map_err(|e| csv_error(path, "OpenAlex CSV", &e))?;
        let line = row
            .position()
            .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
        let mut rec = Record::default();
        let m = &mut rec.meta;
        m.title =
            nonempty(cols.get(&row, "display_name")).or_else(|| nonempty(cols.get(&row, "title")));
        m.year = super::year(cols.get(&row, "publication_year"))
            .or_else(|| super::year(cols.get(&row, "publication_date")));
        m.doi = bare_doi(cols.get(&row, "doi"));
        m.url = nonempty(cols.get(&row, "id"));
        m.venue = nonempty(cols.get(&row, "primary_location.source.display_name"));
        m.volume = nonempty(cols.get(&row, "biblio.volume"));
        m.pages = super::pages(
            cols.get(&row, "biblio.first_page"),
            cols.get(&row, "biblio.last_page"),
        );
        m.authors = cols
            .get(&row, "authorships.author.display_name")
            .split('|')
            .filter_map(person_given_first)
            .collect();
        rec.text = [cols.get(&row, "display_name"), cols.get(&row, "abstract")].join("\n");
        rec.cited = cols
            .get(&row, "referenced_works")
            .split(['|', ';', ' '])
            .filter(|s| !s.trim().is_empty())
            .map(|s| (s.trim().to_owned(), line))
            .collect();
        out.push(rec, Form::Id);
    }
    Ok(out.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_cite_each_other() {
        let t = r#"{"id":"https://openalex.org/W1","display_name":"A","publication_year":2017,"doi":"https://doi.org/10.1/a","authorships":[{"author":{"display_name":"Massimo Aria"}}],"referenced_works":["https://openalex.org/W2","https://openalex.org/W3"]}
{"id":"https://openalex.org/W2","display_name":"B","publication_year":2015,"referenced_works":[]}
"#;
        let s = read_jsonl("o.jsonl", t).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].meta.authors[0].family, "Aria");
        assert_eq!(s[0].meta.doi.as_deref(), Some("10.1/a"));
        let e = s[0].entries.as_ref().unwrap();
        assert_eq!(
            e[0].reference().unwrap().url.as_deref(),
            Some("https://openalex.org/W2")
        );
        assert!(read_jsonl("o.jsonl", "{oops\n").is_err());
    }
}
