//! Language-neutral recognisers shared by every style grammar: years, month
//! names, dates, page ranges, volume/issue forms and quoted titles.
//!
//! Each recogniser is a nom parser over `&str` that consumes only what it
//! recognises, so style grammars can compose them freely.

use crate::model::Date;
use nom::{
    branch::alt,
    bytes::complete::{tag, tag_no_case, take_while, take_while1, take_while_m_n},
    character::complete::{char, digit1, space0, space1},
    combinator::{map, map_opt, not, opt, peek, recognize, verify},
    sequence::{pair, preceded, terminated, tuple},
    IResult,
};

/// True for the dashes PDFs and typesetters use in ranges.
pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‐' | '‑' | '−')
}

fn not_alnum_next(i: &str) -> IResult<&str, ()> {
    not(peek(verify(
        nom::character::complete::anychar,
        |c: &char| c.is_alphanumeric(),
    )))(i)
}

/// What follows the end year of a span after `year` ("–1721. De groote"
/// after 1718 → ". De groote"): a work published over years, at most
/// thirty, is dated and cited by its first; a range of pages reads as one
/// only when written in full and a few decades apart at most. The end is
/// four digits and no more.
pub(crate) fn year_span_end(rest: &str, year: i32) -> Option<&str> {
    let r = rest.strip_prefix(['–', '-'])?;
    let digits = r
        .get(..4)
        .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?;
    let end: i32 = digits.parse().ok()?;
    let after = &r[4..];
    (end > year && end <= year + 30 && !after.starts_with(|c: char| c.is_ascii_digit()))
        .then_some(after)
}

/// A year from 1500 to 2099, optionally with a disambiguation letter
/// ("2019a"), not followed by another digit.
pub fn year(i: &str) -> IResult<&str, i32> {
    let (rest, digits) = take_while_m_n(4, 4, |c: char| c.is_ascii_digit())(i)?;
    let y: i32 = digits.parse().unwrap_or(0);
    if !(1500..=2099).contains(&y) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )));
    }
    let (rest, _) = opt(terminated(
        take_while_m_n(1, 1, |c: char| c.is_ascii_lowercase()),
        not_alnum_next,
    ))(rest)?;
    let (rest, _) = not(peek(take_while_m_n(1, 1, |c: char| c.is_ascii_digit())))(rest)?;
    Ok((rest, y))
}

pub(crate) const MONTHS: [(&str, u8); 60] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("januar", 1),
    ("februar", 2),
    ("märz", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("janvier", 1),
    ("février", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("sept", 9),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("okt", 10),
    ("dez", 12),
    ("spring", 3),
    ("summer", 6),
    ("fall", 9),
];

/// The month of a lower-cased name in [`MONTHS`] (the first entry of that
/// name): a set lookup instead of a scan, as every word of a tail is asked.
fn month_number(lower: &str) -> Option<u8> {
    static TABLE: std::sync::OnceLock<foldhash::HashMap<&'static str, u8>> =
        std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = foldhash::HashMap::default();
        for (name, m) in MONTHS {
            t.entry(name).or_insert(m);
        }
        t
    });
    table.get(lower).copied()
}

/// A month name or abbreviation (English, German, French, Spanish), with an
/// optional trailing period.
pub fn month(i: &str) -> IResult<&str, u8> {
    let (rest, word) = take_while1(|c: char| c.is_alphabetic())(i)?;
    // Tried at many words: an ASCII word is lower-cased on the stack (the
    // longest name is ten bytes), anything else as before.
    let mut buf = [0u8; 10];
    let owned;
    let lower: &str = if word.is_ascii() {
        let Some(b) = buf.get_mut(..word.len()) else {
            return Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Tag,
            )));
        };
        b.copy_from_slice(word.as_bytes());
        b.make_ascii_lowercase();
        std::str::from_utf8(b).unwrap_or_default()
    } else {
        owned = word.to_lowercase();
        &owned
    };
    let m = month_number(lower).or(if lower == "winter" || lower == "autumn" {
        Some(if lower == "winter" { 12 } else { 9 })
    } else {
        None
    });
    match m {
        Some(m) => {
            let (rest, _) = opt(char('.'))(rest)?;
            Ok((rest, m))
        }
        None => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Tag,
        ))),
    }
}

fn day(i: &str) -> IResult<&str, u8> {
    map_opt(
        terminated(
            take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
            opt(alt((tag("st"), tag("nd"), tag("rd"), tag("th"), tag(".")))),
        ),
        |d: &str| d.parse::<u8>().ok().filter(|d| (1..=31).contains(d)),
    )(i)
}

fn sep(i: &str) -> IResult<&str, &str> {
    recognize(pair(opt(char(',')), space0))(i)
}

/// A full or partial date in the common written forms: "Sep. 26, 2016",
/// "26 September 2016", "September 1995", "2016-09-26", "26.09.2016",
/// "23.09.-27.09.2019" (the end of the range is taken), "Jun 1979" and a
/// bare year.
pub fn date(i: &str) -> IResult<&str, Date> {
    // Only the two forms that start with a month can match a word, and
    // they read the same month: read it once. Whatever fails, fails with
    // the error of the last form, as `alt` gives it.
    if i.starts_with(char::is_alphabetic) {
        if let Ok((rest, m)) = month(i) {
            if let Ok((rest, (_, d, _, _, y))) =
                tuple((space1, day, opt(pair(take_while1(is_dash), day)), sep, year))(rest)
            {
                let date = Date {
                    year: y,
                    month: Some(m),
                    day: Some(d),
                };
                return Ok((rest, date));
            }
            if let Ok((rest, (_, y))) = pair(sep, year)(rest) {
                let date = Date {
                    year: y,
                    month: Some(m),
                    day: None,
                };
                return Ok((rest, date));
            }
        }
        return map(year, Date::year)(i);
    }
    alt((
        // ISO 2016-09-26
        map_opt(
            tuple((
                year,
                char('-'),
                take_while_m_n(2, 2, |c: char| c.is_ascii_digit()),
                char('-'),
                take_while_m_n(2, 2, |c: char| c.is_ascii_digit()),
            )),
            |(y, _, m, _, d): (i32, char, &str, char, &str)| {
                let m: u8 = m.parse().ok().filter(|m| (1..=12).contains(m))?;
                let d: u8 = d.parse().ok().filter(|d| (1..=31).contains(d))?;
                Some(Date {
                    year: y,
                    month: Some(m),
                    day: Some(d),
                })
            },
        ),
        // 23.09.-27.09.2019 and 26.09.2016
        map_opt(
            tuple((
                opt(tuple((
                    day,
                    take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
                    char('.'),
                    take_while1(is_dash),
                ))),
                take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
                char('.'),
                take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
                char('.'),
                space0,
                year,
            )),
            |(_, d, _, m, _, _, y)| {
                let d: u8 = d.parse().ok().filter(|d| (1..=31).contains(d))?;
                let m: u8 = m.parse().ok().filter(|m| (1..=12).contains(m))?;
                Some(Date {
                    year: y,
                    month: Some(m),
                    day: Some(d),
                })
            },
        ),
        // Sep. 26, 2016
        map(
            tuple((
                month,
                space1,
                day,
                opt(pair(take_while1(is_dash), day)),
                sep,
                year,
            )),
            |(m, _, d, _, _, y)| Date {
                year: y,
                month: Some(m),
                day: Some(d),
            },
        ),
        // 26 September 2016
        map(tuple((day, space1, month, sep, year)), |(d, _, m, _, y)| {
            Date {
                year: y,
                month: Some(m),
                day: Some(d),
            }
        }),
        // September 1995, Jun 1979, July, 1976
        map(tuple((month, sep, year)), |(m, _, y)| Date {
            year: y,
            month: Some(m),
            day: None,
        }),
        map(year, Date::year),
    ))(i)
}

/// A page number: digits, optionally with a letter prefix or suffix
/// ("S12", "e1003", "12a"), or a lower-case roman numeral ("ix").
pub fn page_number(i: &str) -> IResult<&str, &str> {
    // Only a capital, 'e', a digit or a roman numeral can start one; any
    // other start fails at once with the error of the last form.
    if !i
        .as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii_uppercase() || b.is_ascii_digit() || b"eivxlcdm".contains(&b))
    {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::TakeWhileMN,
        )));
    }
    alt((
        recognize(tuple((
            opt(take_while_m_n(1, 2, |c: char| {
                c.is_ascii_uppercase() || c == 'e'
            })),
            digit1,
            opt(take_while_m_n(1, 1, |c: char| c.is_ascii_alphabetic())),
            not_alnum_next,
        ))),
        recognize(terminated(
            take_while_m_n(1, 8, |c: char| "ivxlcdm".contains(c)),
            not_alnum_next,
        )),
    ))(i)
}

/// A page range "12-19", "12 – 19", "1698 -1701", "ix-xii", "S1-S9",
/// returned with its dash normalised to "-".
pub fn page_range(i: &str) -> IResult<&str, String> {
    map(
        tuple((
            page_number,
            space0,
            verify(take_while1(is_dash), |d: &str| d.chars().count() <= 2),
            space0,
            page_number,
        )),
        |(a, _, _, _, b)| format!("{a}-{b}"),
    )(i)
}

/// A bare number of up to 6 digits, or an alphanumeric article number.
pub fn number(i: &str) -> IResult<&str, &str> {
    // Tried at most words: one that cannot start a number fails at once,
    // with the error the digits below would give.
    if !i
        .as_bytes()
        .first()
        .is_some_and(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
    {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::TakeWhileMN,
        )));
    }
    recognize(tuple((
        opt(take_while_m_n(1, 1, |c: char| c.is_ascii_uppercase())),
        take_while_m_n(1, 7, |c: char| c.is_ascii_digit()),
        opt(take_while_m_n(1, 1, |c: char| c.is_ascii_alphabetic())),
        not_alnum_next,
    )))(i)
}

fn label_then<'a, O>(
    labels: &'static [&'static str],
    inner: impl FnMut(&'a str) -> IResult<&'a str, O>,
) -> impl FnMut(&'a str) -> IResult<&'a str, O> {
    preceded(
        pair(
            // Tried at every word of every tail, so a byte comparison
            // rather than nom's char-by-char `tag_no_case`; the labels are
            // lower-case and their non-ASCII letters ('°', 'º') have no case.
            move |i: &'a str| {
                for l in labels {
                    if let Some(head) = i.get(..l.len()) {
                        if head.eq_ignore_ascii_case(l) {
                            return Ok((&i[l.len()..], head));
                        }
                    }
                }
                Err(nom::Err::Error(nom::error::Error::new(
                    i,
                    nom::error::ErrorKind::Tag,
                )))
            },
            space0,
        ),
        inner,
    )
}

/// Volume labels in the languages we meet ("vol.", "Bd.", "Jg.", "t.").
pub const VOLUME_LABELS: &[&str] = &[
    "volume", "vols.", "vol.", "vol", "bd.", "jg.", "jahrgang", "tome", "t.", "v.",
];
/// Issue labels ("no.", "Nr.", "H.", "issue", "n°").
pub const ISSUE_LABELS: &[&str] = &[
    "issue", "iss.", "number", "num.", "no.", "no", "nr.", "n°", "nº", "n.", "heft", "h.",
];
/// Page labels ("pp.", "p.", "S.", "pages").
pub const PAGE_LABELS: &[&str] = &[
    "pages", "page", "pp.", "pp", "pgs.", "p.", "p", "s.", "págs.", "pág.",
];

/// "vol. 4" → "4".
pub fn labelled_volume(i: &str) -> IResult<&str, &str> {
    label_then(
        VOLUME_LABELS,
        recognize(pair(number, opt(pair(take_while1(is_dash), number)))),
    )(i)
}

/// "no. 3" → "3" (also "no. 3-4").
pub fn labelled_issue(i: &str) -> IResult<&str, &str> {
    label_then(
        ISSUE_LABELS,
        recognize(pair(
            number,
            opt(pair(alt((take_while1(is_dash), tag("/"))), number)),
        )),
    )(i)
}

/// "pp. 12–19" → "12-19"; "p. 293" → "293".
pub fn labelled_pages(i: &str) -> IResult<&str, String> {
    label_then(
        PAGE_LABELS,
        alt((page_range, map(page_number, str::to_owned))),
    )(i)
}

/// A volume with issue and optional pages in the compact forms "12(1)",
/// "266(3):1-9", "270:5007-5013", "19 (7): 395-404".
pub fn compact_volume(i: &str) -> IResult<&str, (&str, Option<&str>, Option<String>)> {
    let (rest, vol) = number(i)?;
    let (rest, iss) = opt(preceded(
        space0,
        nom::sequence::delimited(
            char('('),
            recognize(pair(
                take_while1(|c: char| c.is_alphanumeric()),
                opt(pair(
                    alt((take_while1(is_dash), tag("/"))),
                    take_while1(|c: char| c.is_alphanumeric()),
                )),
            )),
            char(')'),
        ),
    ))(rest)?;
    let (rest, pages) = opt(preceded(
        tuple((space0, char(':'), space0)),
        alt((page_range, map(page_number, str::to_owned))),
    ))(rest)?;
    // "67 (1991)" is a volume and a year.
    if pages.is_none() && iss.is_some_and(|i| year(i).is_ok_and(|(r, _)| r.is_empty())) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )));
    }
    if iss.is_none() && pages.is_none() {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok((rest, (vol, iss, pages)))
}

/// The opening quotes we recognise, with their closing partners.
pub fn closing_quote(open: char) -> Option<&'static [char]> {
    match open {
        '"' => Some(&['"', '”', '“']),
        '“' => Some(&['”', '"', '“']),
        '„' => Some(&['“', '”', '"']),
        '‘' => Some(&['’', '\'']),
        '\'' => Some(&['\'', '’']),
        '«' => Some(&['»']),
        '‹' => Some(&['›']),
        _ => None,
    }
}

/// A quoted string in straight, curly or single quotes; the inner text is
/// returned. A closing single quote must be followed by punctuation, a space
/// or the end, so apostrophes ("Let’s") do not end it.
pub fn quoted(i: &str) -> IResult<&str, &str> {
    let err = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Char));
    let open = i.chars().next().ok_or_else(err)?;
    let closers = closing_quote(open).ok_or_else(err)?;
    let body = &i[open.len_utf8()..];
    let single = matches!(open, '‘' | '\'');
    // Single quotes double as apostrophes ("Citizens’ Panels"): a closer
    // followed by punctuation or the end wins over one followed by a space.
    if single {
        for (k, c) in body.char_indices() {
            if closers.contains(&c) && k > 0 {
                let after = &body[k + c.len_utf8()..];
                if after.is_empty() || after.starts_with([',', '.', ';', ':', ')', ']']) {
                    return Ok((after, &body[..k]));
                }
            }
        }
    }
    for (k, c) in body.char_indices() {
        if closers.contains(&c) && k > 0 {
            let after = &body[k + c.len_utf8()..];
            let next = after.chars().next();
            let ok = match next {
                None => true,
                Some(n) => !n.is_alphanumeric() || (!single && !body[..k].ends_with(' ')),
            };
            let prev_alpha = body[..k]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic);
            if ok && !(single && prev_alpha && next.is_some_and(char::is_alphabetic)) {
                return Ok((after, &body[..k]));
            }
        }
    }
    Err(err())
}

/// Skips spaces and the punctuation that separates fields.
pub fn skip_separators(i: &str) -> &str {
    i.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':'))
}

/// The edition: "2nd ed.", "3rd edn", "2. Aufl.", "4e éd.".
pub fn edition(i: &str) -> IResult<&str, &str> {
    // An edition starts with its number: anything else fails at once, with
    // the error `digit1` gives.
    if !i.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Digit,
        )));
    }
    terminated(
        recognize(pair(
            digit1,
            opt(alt((
                tag("st"),
                tag("nd"),
                tag("rd"),
                tag("th"),
                tag("."),
                tag("e"),
                tag("ème"),
            ))),
        )),
        tuple((
            space0,
            alt((
                tag_no_case("edition"),
                tag_no_case("edn"),
                tag_no_case("ed."),
                tag_no_case("ed"),
                tag_no_case("aufl."),
                tag_no_case("auflage"),
                tag_no_case("éd."),
                tag_no_case("ed "),
            )),
            take_while(|c| c == '.'),
        )),
    )(i)
}

/// How a full stop after `word` (the letters and dots just before it)
/// stands in an organisation's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameStop {
    /// Not an abbreviation: the stop may end the name.
    None,
    /// Inside a name, never its end: "U.S." ("U.S. Environmental
    /// Protection Agency"), "Dept." ("Dept. of Health"), "St." ("St.
    /// John's College").
    Inner,
    /// Closes a name it belongs to: "Inc.", "Ltd.", "Co.", "Corp.".
    Closing,
}

/// Whether the full stop after `word` is an abbreviation's within an
/// organisation's name (see [`NameStop`]). `word` is the run of letters and
/// dots before the stop, without it ("U.S" for "U.S."). A lone initial
/// ("J") is no abbreviation here: persons' initials are the name
/// grammar's to read.
pub fn name_stop(word: &str) -> NameStop {
    // A dotted acronym: two letters or more, each capital, dot-separated.
    let parts: Vec<&str> = word.split('.').collect();
    if parts.len() >= 2
        && parts
            .iter()
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
    {
        return NameStop::Inner;
    }
    match word {
        "St" | "Ste" | "Dept" | "Univ" | "Natl" | "Intl" | "Govt" | "Mt" | "Ft" | "Inst"
        | "Assn" | "Acad" | "Admin" | "Comm" => NameStop::Inner,
        "Inc" | "Ltd" | "Co" | "Corp" | "Bros" => NameStop::Closing,
        _ => NameStop::None,
    }
}

/// The letters and dots that end `before` (the text up to a full stop):
/// the word [`name_stop`] reads.
pub fn word_before_stop(before: &str) -> &str {
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &before[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_many_forms() {
        let d = date("Sep. 26, 2016").unwrap().1;
        assert_eq!((d.year, d.month, d.day), (2016, Some(9), Some(26)));
        let d = date("26 September 2016").unwrap().1;
        assert_eq!((d.year, d.month, d.day), (2016, Some(9), Some(26)));
        let d = date("23.09.-27.09.2019").unwrap().1;
        assert_eq!((d.year, d.month), (2019, Some(9)));
        let d = date("July, 1976").unwrap().1;
        assert_eq!((d.year, d.month), (1976, Some(7)));
        assert_eq!(date("2019a,").unwrap().1.year, 2019);
        assert!(date("12345").is_err());
        assert!(date("1304").is_err());
    }

    #[test]
    fn volumes_issues_pages() {
        assert_eq!(page_range("12–19").unwrap().1, "12-19");
        assert_eq!(page_range("1698 -1701,").unwrap().1, "1698-1701");
        assert_eq!(page_range("ix-xii.").unwrap().1, "ix-xii");
        assert_eq!(labelled_volume("vol. 4, no. 3").unwrap().1, "4");
        assert_eq!(labelled_volume("Bd. 12").unwrap().1, "12");
        assert_eq!(labelled_issue("no. 3, ").unwrap().1, "3");
        assert_eq!(labelled_pages("pp. 505-524").unwrap().1, "505-524");
        assert_eq!(labelled_pages("S. 219–225").unwrap().1, "219-225");
        let (_, (v, i, p)) = compact_volume("266(3):1-9.").unwrap();
        assert_eq!((v, i, p.as_deref()), ("266", Some("3"), Some("1-9")));
        let (_, (v, i, p)) = compact_volume("270:5007-5013").unwrap();
        assert_eq!((v, i, p.as_deref()), ("270", None, Some("5007-5013")));
    }

    #[test]
    fn quotes_allow_apostrophes() {
        assert_eq!(
            quoted("‘Let’s Speed Up AI’, Future").unwrap().1,
            "Let’s Speed Up AI"
        );
        assert_eq!(
            quoted("“Introduction.” *Pattern").unwrap().1,
            "Introduction."
        );
        assert_eq!(quoted("\"Solitons,\"Phys").unwrap().1, "Solitons,");
        assert!(quoted("no quote").is_err());
    }

    #[test]
    fn editions() {
        assert_eq!(edition("2nd ed.").unwrap().1, "2nd");
        assert_eq!(edition("4th edn").unwrap().1, "4th");
    }

    #[test]
    fn full_stops_inside_organisation_names() {
        assert_eq!(name_stop("U.S"), NameStop::Inner);
        assert_eq!(name_stop("U.K"), NameStop::Inner);
        assert_eq!(name_stop("Dept"), NameStop::Inner);
        assert_eq!(name_stop("St"), NameStop::Inner);
        assert_eq!(name_stop("Inc"), NameStop::Closing);
        // A lone initial, a word, a lower-case run: none.
        assert_eq!(name_stop("J"), NameStop::None);
        assert_eq!(name_stop("Agency"), NameStop::None);
        assert_eq!(name_stop("e.g"), NameStop::None);
        assert_eq!(word_before_stop("the (U.S"), "U.S");
        assert_eq!(word_before_stop("Dept"), "Dept");
    }
}
