//! Tables whose cells wrap over several lines, read cell by cell.
//!
//! Plain text lays a table's cells side by side, so a citation that wraps
//! inside its cell ("Espinosa-Aranda et al." above "(1995); Santos-Reyes")
//! is cut by the neighbouring cells' words on every line, and "(1995)"
//! alone reads as a stray year. Pandoc's multiline tables (and text laid
//! out like them) mark their columns with a line of dash runs under the
//! header and end with a line of dashes; their rows stand apart by blank
//! lines. Each such row is rewritten with its cells one after the other,
//! in the same lines and the same number of bytes per line, so that
//! every offset, line and column outside the table stays what it was and
//! a citation inside reports the row's lines.

use std::borrow::Cow;

/// Lines above the column line where the table's top border may stand.
const BORDER_REACH: usize = 8;

/// Rows of at most this many lines are rewritten (a longer "row" is not a
/// table's).
const MAX_ROW_LINES: usize = 24;

/// The text with every multiline table's rows read cell by cell, or the
/// text itself when it has none.
///
/// ```
/// # use citemap::cite::table::cells_in_reading_order;
/// let text = "  ----------------------\n  A       B\n  ------- --------------\n  x       Noble et al.\n          (2018)\n\n  ----------------------\n";
/// let read = cells_in_reading_order(text);
/// let words: Vec<&str> = read.split_whitespace().collect();
/// assert_eq!(words.join(" "), "---------------------- A B ------- -------------- x | Noble et al. (2018) ----------------------");
/// assert_eq!(read.len(), text.len());
/// assert_eq!(read.lines().count(), text.lines().count());
/// ```
pub fn cells_in_reading_order(text: &str) -> Cow<'_, str> {
    if !text.contains("--- ---") {
        return Cow::Borrowed(text);
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let mut rewritten: Vec<Option<String>> = vec![None; lines.len()];
    let mut any = false;
    let mut i = 0;
    while i < lines.len() {
        let Some(columns) = column_starts(lines[i]) else {
            i += 1;
            continue;
        };
        let bordered = (i.saturating_sub(BORDER_REACH)..i).any(|j| is_border(lines[j]));
        if !bordered {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        loop {
            while j < lines.len() && lines[j].trim().is_empty() {
                j += 1;
            }
            if j >= lines.len() || is_border(lines[j]) {
                break;
            }
            let start = j;
            while j < lines.len() && !lines[j].trim().is_empty() && !is_border(lines[j]) {
                j += 1;
            }
            let row = &lines[start..j];
            if row.len() >= 2 && row.len() <= MAX_ROW_LINES {
                if let Some(new) = row_in_reading_order(row, &columns) {
                    for (k, l) in new.into_iter().enumerate() {
                        rewritten[start + k] = Some(l);
                    }
                    any = true;
                }
            }
        }
        i = j + 1;
    }
    if !any {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for (k, (line, new)) in lines.iter().zip(rewritten).enumerate() {
        if k > 0 {
            out.push('\n');
        }
        out.push_str(new.as_deref().unwrap_or(line));
    }
    Cow::Owned(out)
}

/// A line of only dashes: a table's top or bottom border.
fn is_border(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 10 && t.bytes().all(|b| b == b'-')
}

/// The character columns where a column line's dash runs start: two runs
/// or more, each of three dashes or more, and nothing else on the line.
fn column_starts(line: &str) -> Option<Vec<usize>> {
    let t = line.trim_end();
    if !t.trim_start().starts_with('-') || !t.contains(" -") {
        return None;
    }
    let mut starts = Vec::new();
    let mut run = 0;
    for (k, ch) in t.chars().enumerate() {
        match ch {
            '-' => {
                if run == 0 {
                    starts.push(k);
                }
                run += 1;
            }
            ' ' => {
                if run > 0 && run < 3 {
                    return None;
                }
                run = 0;
            }
            _ => return None,
        }
    }
    (run >= 3 && starts.len() >= 2).then_some(starts)
}

/// One row's lines with its cells one after the other ("cell | cell"),
/// wrapped into the same lines at the same byte lengths; `None` when they
/// do not fit.
fn row_in_reading_order(row: &[&str], columns: &[usize]) -> Option<Vec<String>> {
    let chars: Vec<Vec<char>> = row.iter().map(|l| l.chars().collect()).collect();
    // The words in reading order, a bar between cells.
    let mut words: Vec<String> = Vec::new();
    for (c, &from) in columns.iter().enumerate() {
        let to = columns.get(c + 1).copied();
        let mut cell = chars
            .iter()
            .map(|l| {
                let end = to.unwrap_or(l.len()).min(l.len());
                l.get(from.min(end)..end)
                    .map(|s| s.iter().collect::<String>())
                    .unwrap_or_default()
            })
            .flat_map(|piece| {
                piece
                    .split_whitespace()
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .peekable();
        if cell.peek().is_some() && !words.is_empty() {
            words.push("|".to_owned());
        }
        words.extend(cell);
    }
    let mut out = Vec::with_capacity(row.len());
    let mut next = 0;
    for line in row {
        let (body, cr) = match line.strip_suffix('\r') {
            Some(b) => (b, "\r"),
            None => (*line, ""),
        };
        let cap = body.len();
        let mut l = String::with_capacity(line.len());
        while next < words.len() {
            let w = &words[next];
            let need = w.len() + usize::from(!l.is_empty());
            if l.len() + need > cap {
                break;
            }
            if !l.is_empty() {
                l.push(' ');
            }
            l.push_str(w);
            next += 1;
        }
        l.extend(std::iter::repeat_n(' ', cap - l.len()));
        l.push_str(cr);
        out.push(l);
    }
    (next == words.len()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "Table 1 lists them.

  --------------------------------------------------------------------------------
  System       Public alerts since             Method      Key references
  ------------ ------------------------------- ----------- -----------------------
  SASMEX       1993                            threshold   Espinosa-Aranda et al.
  (Mexico)                                     at coastal  (1995); Santos-Reyes
                                               stations    (2021)

  Taiwan (CWB) 2016                            regional    (Wu & Kanamori, 2005a,
                                               and onsite  2005b)
  --------------------------------------------------------------------------------

After the table (Noble, 2018).
";

    #[test]
    fn wrapped_cells_read_whole_in_the_same_lines() {
        let read = cells_in_reading_order(TABLE);
        assert_eq!(read.len(), TABLE.len());
        for (a, b) in read.lines().zip(TABLE.lines()) {
            assert_eq!(a.len(), b.len(), "{a:?}");
        }
        let flat = read.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains("SASMEX (Mexico) | 1993 | threshold at coastal stations | Espinosa-Aranda et al. (1995); Santos-Reyes (2021)"),
            "{flat}"
        );
        assert!(flat.contains("(Wu & Kanamori, 2005a, 2005b)"), "{flat}");
        // Outside the table nothing moves.
        assert!(read.ends_with("After the table (Noble, 2018).\n"));
        assert!(read.starts_with("Table 1 lists them."));
    }

    #[test]
    fn text_without_a_bordered_table_is_left_alone() {
        let simple = "  Year   Count\n  ------ ------\n  2018   3\n  2019   4\n";
        assert!(matches!(cells_in_reading_order(simple), Cow::Borrowed(_)));
        assert!(matches!(
            cells_in_reading_order("a --- --- b"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn a_last_row_that_fills_its_first_line_is_read_whole() {
        // A real rendering (heldout15's epidemic forecasting, APA): the
        // last row's words fill its first line to the byte.
        let text = "\n  -------------------------------------------------------------------------------\n  Effort          Pathogen        Period          Targets         Reference\n  --------------- --------------- --------------- --------------- ---------------\n  CDC Predict the Influenza       2013–2014       season          Biggerstaff et\n  Season                                          milestones      al. (2016)\n\n  FluSight        Influenza       2015–2019       ILI 1–4 weeks   Reich, Brooks,\n                                                  ahead, peak     et al. (2019);\n                                                                  McGowan et al.\n                                                                  (2019)\n\n  Dengue          Dengue          2015            peak, season    Johansson et\n  challenge                                       total           al. (2019)\n\n  RAPIDD          Ebola           2015            weekly          Viboud et al.\n  challenge       (synthetic)                     incidence       (2018)\n\n  US COVID-19     COVID-19        2020–2023       deaths, cases,  Cramer, Ray, et\n  Forecast Hub                                    admissions      al. (2022,\n                                                                  table 1)\n\n  German and      COVID-19        2020–2021       deaths, cases   Bracher,\n  Polish Forecast                                                 Wolffram, et\n  Hub                                                             al. (2021)\n\n  European        COVID-19        2021–2023       deaths, cases   Sherratt et al.\n  Forecast Hub                                                    (2023)\n";
        let read = cells_in_reading_order(text);
        let flat = read.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains("Sherratt et al. (2023)"), "{flat}");
    }
}
