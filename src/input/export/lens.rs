//! Lens.org scholarly CSV exports: one record per row, cited works in the
//! `References` column as Lens IDs separated by "; ". A cited Lens ID joins
//! the record that has it.

use super::{
    bare_doi, batch::Batcher, csv_error, csv_reader, nonempty, pages, person_given_first, Columns,
    Form, Record,
};
use crate::error::Result;
use crate::input::{Format, Source};

const FORMAT: &str = "Lens.org CSV";

/// The URL standing for a Lens ID, so records and citations of it share a
/// key.
pub fn lens_url(id: &str) -> String {
    format!("https://www.lens.org/lens/scholar/article/{}", id.trim())
}

/// Reads a Lens.org scholarly CSV export, one [`Source`] per row.
///
/// # Errors
///
/// [`crate::Error::Export`] when a row cannot be read as CSV.
pub fn read(path: &str, text: &str) -> Result<Vec<Source>> {
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv_reader(text, b',', true);
    let headers = reader
        .headers()
        .map_err(|e| csv_error(path, FORMAT, &e))?
        .clone();
    let cols = Columns::new(&headers);
    let mut out = Batcher::new(path, Format::LensCsv);
    for row in reader.records() {
        let row = row.map_err(|e| csv_error(path, FORMAT, &e))?;
        let line = row
            .position()
            .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
        let mut rec = Record::default();
        let m = &mut rec.meta;
        m.title = nonempty(cols.get(&row, "Title"));
        m.year = super::year(cols.get(&row, "Publication Year"))
            .or_else(|| super::year(cols.get(&row, "Date Published")));
        m.venue = nonempty(cols.get(&row, "Source Title"));
        m.volume = nonempty(cols.get(&row, "Volume"));
        m.pages = pages(cols.get(&row, "Start Page"), cols.get(&row, "End Page"));
        m.doi = bare_doi(cols.get(&row, "DOI"));
        m.url = nonempty(cols.get(&row, "Lens ID")).map(|id| lens_url(&id));
        m.authors = cols
            .get(&row, "Author/s")
            .split("; ")
            .filter_map(person_given_first)
            .collect();
        rec.text = [cols.get(&row, "Title"), cols.get(&row, "Abstract")].join("\n");
        rec.cited = cols
            .get(&row, "References")
            .split(';')
            .filter(|s| !s.trim().is_empty())
            .map(|s| (lens_url(s), line))
            .collect();
        out.push(rec, Form::Id);
    }
    Ok(out.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows() {
        let t = "\"Lens ID\",\"Title\",\"Publication Year\",\"Author/s\",\"References\"\n\"000-1\",\"A\",2020,\"Petar Radanliev; David De Roure\",\"000-2; 000-3\"\n";
        let s = read("l.csv", t).unwrap();
        assert_eq!(s[0].meta.authors.len(), 2);
        assert_eq!(s[0].entries.as_ref().unwrap().len(), 2);
        assert_eq!(
            s[0].meta.url.as_deref(),
            Some("https://www.lens.org/lens/scholar/article/000-1")
        );
    }
}
