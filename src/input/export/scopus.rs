//! Scopus CSV exports: one record per row, cited references in the
//! `References` column separated by "; " (authors inside a reference too,
//! since 2023: [`crate::parse::terse::split_scopus_list`] rejoins them).

use super::{
    bare_doi, batch::Batcher, csv_error, csv_reader, nonempty, pages, person, Columns, Form, Record,
};
use crate::error::Result;
use crate::input::{Format, Source};

const FORMAT: &str = "Scopus CSV";

/// Reads a Scopus CSV export, one [`Source`] per row.
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
    let mut out = Batcher::new(path, Format::ScopusCsv);
    for row in reader.records() {
        let row = row.map_err(|e| csv_error(path, FORMAT, &e))?;
        let line = row
            .position()
            .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
        let mut rec = Record::default();
        let m = &mut rec.meta;
        m.title = nonempty(cols.get(&row, "Title"));
        let authors = cols.get(&row, "Authors");
        m.authors = if authors.contains("; ") {
            authors.split("; ").filter_map(person).collect()
        } else {
            // Before 2023: "Aria M., Cuccurullo C."
            authors.split(", ").filter_map(person).collect()
        };
        m.year = super::year(cols.get(&row, "Year"));
        m.venue = nonempty(cols.get(&row, "Source title"));
        m.venue_abbreviations
            .extend(nonempty(cols.get(&row, "Abbreviated Source Title")));
        m.volume = nonempty(cols.get(&row, "Volume"));
        m.pages = pages(cols.get(&row, "Page start"), cols.get(&row, "Page end"))
            .or_else(|| nonempty(cols.get(&row, "Art. No.")));
        m.doi = bare_doi(cols.get(&row, "DOI"));
        m.url = nonempty(cols.get(&row, "Link"));
        m.source = nonempty(cols.get(&row, "EID"));
        rec.text = [cols.get(&row, "Title"), cols.get(&row, "Abstract")].join("\n");
        rec.cited = crate::parse::terse::split_scopus_list(cols.get(&row, "References"))
            .into_iter()
            .map(|r| (r, line))
            .collect();
        out.push(rec, Form::Scopus);
    }
    Ok(out.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows() {
        let t = "\u{feff}\"Authors\",\"Title\",\"Year\",\"Source title\",\"Volume\",\"Page start\",\"Page end\",\"DOI\",\"References\",\"EID\"\n\"Liu F.; Li C.\",\"A study\",2026,\"Digital Health\",\"12\",\"1\",\"9\",\"10.1/x\",\"Calin GA; Ferracin M; Cimmino A, A signature., N Engl J Med, 353, pp. 1793-801, (2005); The global epidemic, Lancet Rheumatol, 5, (2023)\",\"2-s2.0-1\"\n";
        let s = read("s.csv", t).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].meta.authors.len(), 2);
        assert_eq!(s[0].meta.pages.as_deref(), Some("1-9"));
        assert_eq!(s[0].entries.as_ref().unwrap().len(), 2);
    }
}
