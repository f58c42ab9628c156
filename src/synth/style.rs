//! Writing works as reference-list entries and in-text citations in MLA 9,
//! APA 7, Chicago notes-bibliography (17th ed.) and IEEE, and recording the
//! fields exactly as written.
//!
//! The rules followed, per style and work type:
//!
//! | type | MLA 9 | APA 7 | Chicago NB | IEEE |
//! | --- | --- | --- | --- | --- |
//! | article | `Family, Given. "Title." Journal, vol. 1, no. 2, 2019, pp. 3-9. https://doi.org/…` | `Family, G. (2019). Title. Journal, 1(2), 3–9. https://doi.org/…` | `Family, Given. "Title." Journal 1, no. 2 (2019): 3–9. https://doi.org/….` | `[n] G. Family, "Title," J. Abbr., vol. 1, no. 2, pp. 3–9, 2019, doi: ….` |
//! | book | `Family, Given. Title. Publisher, 2019.` | `Family, G. (2019). Title. Publisher.` | `Family, Given. Title. Place: Publisher, 2019.` | `[n] G. Family, Title. Place: Publisher, 2019.` |
//!
//! Chapters, web pages and conference papers follow the same guides (see the
//! `entry_*` functions). Italics are lost in PDF text; Markdown documents
//! mark them with `*`.

use super::pool::Work;
use super::words::{MONTHS, MONTHS_IEEE, MONTHS_MLA};
use crate::model::{Date, Person, Reference, Style, WorkType};

/// An entry as written, and the fields a perfect parser would read off it.
pub(crate) struct Written {
    pub text: String,
    pub reference: Reference,
}

/// How one entry should be written.
pub(crate) struct EntryOptions<'a> {
    pub style: Style,
    /// Mark italics with `*` (Markdown documents).
    pub markdown: bool,
    /// IEEE label number.
    pub number: usize,
    /// Replace the first author's family name with this (misspelt) one.
    pub misspelt_family: Option<&'a str>,
    /// Year suffix that disambiguates same author and year (APA "2019a").
    pub year_suffix: Option<char>,
    /// Write the access date of web pages (MLA makes it optional).
    pub with_accessed: bool,
}

fn it(s: &str, md: bool) -> String {
    if md {
        format!("*{s}*")
    } else {
        s.to_owned()
    }
}

/// "Mary K." → "M. K."; "Ji-woo" → "J.-W."
pub(crate) fn initials(given: &str) -> String {
    given
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.split('-')
                .filter_map(|part| part.chars().next())
                .map(|c| format!("{}.", c.to_uppercase()))
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// APA 7 sentence case: lower-case every word but the first, the first after
/// a colon, and acronyms.
pub(crate) fn sentence_case(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    let mut capitalise_next = true;
    for (i, word) in title.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let acronym = word.chars().filter(|c| c.is_uppercase()).count() > 1;
        if capitalise_next || acronym {
            out.push_str(word);
        } else {
            out.push_str(&word.to_lowercase());
        }
        capitalise_next = word.ends_with(':');
    }
    out
}

/// Ends `s` with a period unless it already ends with terminal punctuation.
fn close(s: &mut String) {
    if !s.ends_with(['.', '?', '!']) {
        s.push('.');
    }
}

/// A quoted title with the style's closing punctuation inside the quotes:
/// `"Title."` or `"Title?"` (MLA, Chicago) or `"Title,"` (IEEE).
fn quoted(title: &str, punct: char) -> String {
    if title.ends_with(['?', '!']) {
        format!("\"{title}\"")
    } else {
        format!("\"{title}{punct}\"")
    }
}

/// An italic title closed with a period unless it ends in `?` or `!`.
fn it_closed(title: &str, md: bool) -> String {
    let mut s = it(title, md);
    if !title.ends_with(['?', '!']) {
        s.push('.');
    }
    s
}

fn page_range(pages: &str, dash: &str) -> String {
    pages.replace('-', dash)
}

fn with_given(p: &Person, given: Option<String>) -> Person {
    Person { given, ..p.clone() }
}

/// "Family, Given" — the inverted first name of MLA and Chicago.
fn inverted(p: &Person) -> String {
    match (&p.given, p.literal) {
        (Some(g), false) => format!("{}, {g}", p.family),
        _ => p.family.clone(),
    }
}

/// "Given Family".
fn natural(p: &Person) -> String {
    match (&p.given, p.literal) {
        (Some(g), false) => format!("{g} {}", p.family),
        _ => p.family.clone(),
    }
}

fn initialled(p: &Person) -> Person {
    if p.literal {
        return p.clone();
    }
    with_given(p, p.given.as_deref().map(initials))
}

/// Writes the author list and returns the people as written.
fn author_list(style: Style, authors: &[Person]) -> (String, Vec<Person>, bool) {
    match style {
        Style::Mla => match authors.len() {
            0 => (String::new(), vec![], false),
            1 => (inverted(&authors[0]), authors.to_vec(), false),
            2 => (
                format!("{}, and {}", inverted(&authors[0]), natural(&authors[1])),
                authors.to_vec(),
                false,
            ),
            _ => (
                format!("{}, et al", inverted(&authors[0])),
                vec![authors[0].clone()],
                true,
            ),
        },
        Style::Chicago => {
            let s = match authors.len() {
                0 => String::new(),
                1 => inverted(&authors[0]),
                2 => format!("{}, and {}", inverted(&authors[0]), natural(&authors[1])),
                n => {
                    let mid: Vec<String> = authors[1..n - 1].iter().map(natural).collect();
                    format!(
                        "{}, {}, and {}",
                        inverted(&authors[0]),
                        mid.join(", "),
                        natural(&authors[n - 1])
                    )
                }
            };
            (s, authors.to_vec(), false)
        }
        Style::Apa => {
            let people: Vec<Person> = authors.iter().map(initialled).collect();
            let names: Vec<String> = people.iter().map(inverted).collect();
            let s = match names.len() {
                0 => String::new(),
                1 => names[0].clone(),
                n => format!("{}, & {}", names[..n - 1].join(", "), names[n - 1]),
            };
            (s, people, false)
        }
        _ => {
            let people: Vec<Person> = authors.iter().map(initialled).collect();
            let names: Vec<String> = people.iter().map(natural).collect();
            let s = match names.len() {
                0 => String::new(),
                1 => names[0].clone(),
                2 => format!("{} and {}", names[0], names[1]),
                n => format!("{}, and {}", names[..n - 1].join(", "), names[n - 1]),
            };
            (s, people, false)
        }
    }
}

fn editors_natural(editors: &[Person], initial: bool) -> (String, Vec<Person>) {
    let people: Vec<Person> = if initial {
        editors.iter().map(initialled).collect()
    } else {
        editors.to_vec()
    };
    let names: Vec<String> = people.iter().map(natural).collect();
    let joiner = if initial { " & " } else { " and " };
    (names.join(joiner), people)
}

fn mla_date(d: &Date) -> String {
    match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{day} {} {}", MONTHS_MLA[(m - 1) as usize], d.year),
        (Some(m), None) => format!("{} {}", MONTHS_MLA[(m - 1) as usize], d.year),
        _ => d.year.to_string(),
    }
}

fn long_date(d: &Date) -> String {
    match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{} {day}, {}", MONTHS[(m - 1) as usize], d.year),
        _ => d.year.to_string(),
    }
}

fn ieee_date(d: &Date) -> String {
    match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{} {day}, {}", MONTHS_IEEE[(m - 1) as usize], d.year),
        _ => d.year.to_string(),
    }
}

/// Writes one work as an entry of a list in `opts.style`.
pub(crate) fn entry(work: &Work, opts: &EntryOptions<'_>) -> Written {
    let canon = &work.reference;
    let mut authors = canon.authors.clone();
    if let (Some(bad), Some(first)) = (opts.misspelt_family, authors.first_mut()) {
        first.family = bad.to_owned();
    }
    let (names, people, et_al) = author_list(opts.style, &authors);
    let mut r = Reference {
        kind: canon.kind,
        authors: people,
        et_al,
        issued: canon.issued,
        ..Reference::default()
    };
    let md = opts.markdown;
    let title = canon.title.clone().unwrap_or_default();
    let year = canon.year().unwrap_or(0);
    let year_s = match opts.year_suffix {
        Some(c) => format!("{year}{c}"),
        None => year.to_string(),
    };
    let doi_url = canon.doi.as_ref().map(|d| format!("https://doi.org/{d}"));
    let mut s = String::with_capacity(256);
    let dash = "–";
    match opts.style {
        Style::Mla => {
            s.push_str(&names);
            close(&mut s);
            let container = canon.container_title.clone();
            match canon.kind {
                WorkType::Book => {
                    s.push(' ');
                    s.push_str(&it_closed(&title, md));
                    r.title = Some(title);
                    if let Some(p) = &canon.publisher {
                        s.push_str(&format!(" {p},"));
                        r.publisher = Some(p.clone());
                    }
                    s.push_str(&format!(" {year}."));
                }
                _ => {
                    s.push(' ');
                    s.push_str(&quoted(&title, '.'));
                    r.title = Some(title);
                    if let Some(c) = &container {
                        s.push_str(&format!(" {},", it(c, md)));
                        r.container_title = container.clone();
                    }
                    if canon.kind == WorkType::Chapter && !canon.editors.is_empty() {
                        let (eds, people) = editors_natural(&canon.editors, false);
                        s.push_str(&format!(" edited by {eds},"));
                        r.editors = people;
                    }
                    if let Some(v) = &canon.volume {
                        s.push_str(&format!(" vol. {v},"));
                        r.volume = Some(v.clone());
                    }
                    if let Some(i) = &canon.issue {
                        s.push_str(&format!(" no. {i},"));
                        r.issue = Some(i.clone());
                    }
                    if matches!(canon.kind, WorkType::Chapter | WorkType::PaperConference) {
                        if let Some(p) = &canon.publisher {
                            s.push_str(&format!(" {p},"));
                            r.publisher = Some(p.clone());
                        }
                    }
                    match (canon.kind, canon.issued) {
                        (WorkType::Webpage, Some(d)) => s.push_str(&format!(" {}", mla_date(&d))),
                        _ => s.push_str(&format!(" {year}")),
                    }
                    if let Some(p) = &canon.pages {
                        s.push_str(&format!(", pp. {p}"));
                        r.pages = Some(p.clone());
                    }
                    if let Some(u) = &canon.url {
                        s.push_str(&format!(", {u}"));
                        r.url = Some(u.clone());
                    }
                    s.push('.');
                    if let Some(d) = &doi_url {
                        s.push_str(&format!(" {d}."));
                        r.doi = canon.doi.clone();
                    }
                    if let (true, Some(a)) = (opts.with_accessed, canon.accessed) {
                        s.push_str(&format!(" Accessed {}.", mla_date(&a)));
                        r.accessed = Some(a);
                    }
                }
            }
        }
        Style::Apa => {
            s.push_str(&names);
            close(&mut s);
            match (canon.kind, canon.issued) {
                (WorkType::Webpage, Some(d)) if d.month.is_some() => {
                    let m = MONTHS[(d.month.unwrap_or(1) - 1) as usize];
                    s.push_str(&format!(" ({year_s}, {m} {}).", d.day.unwrap_or(1)));
                }
                _ => s.push_str(&format!(" ({year_s}).")),
            }
            let t = sentence_case(&title);
            match canon.kind {
                WorkType::Book => {
                    match &canon.edition {
                        Some(e) => {
                            s.push_str(&format!(" {} ({e} ed.).", it(&t, md)));
                            r.edition = Some(e.clone());
                        }
                        None => s.push_str(&format!(" {}", it_closed(&t, md))),
                    }
                    if let Some(p) = &canon.publisher {
                        s.push_str(&format!(" {p}."));
                        r.publisher = Some(p.clone());
                    }
                }
                WorkType::Webpage => {
                    s.push_str(&format!(" {}", it_closed(&t, md)));
                    if let Some(c) = &canon.container_title {
                        s.push_str(&format!(" {c}."));
                        r.container_title = Some(c.clone());
                    }
                    if let Some(u) = &canon.url {
                        s.push_str(&format!(" {u}"));
                        r.url = Some(u.clone());
                    }
                }
                WorkType::Chapter | WorkType::PaperConference => {
                    s.push_str(&format!(" {t}"));
                    close(&mut s);
                    s.push_str(" In ");
                    if !canon.editors.is_empty() {
                        let (eds, people) = editors_natural(&canon.editors, true);
                        let ed = if people.len() > 1 { "Eds." } else { "Ed." };
                        s.push_str(&format!("{eds} ({ed}), "));
                        r.editors = people;
                    }
                    if let Some(c) = &canon.container_title {
                        let c = if canon.kind == WorkType::Chapter {
                            sentence_case(c)
                        } else {
                            c.clone()
                        };
                        s.push_str(&it(&c, md));
                        r.container_title = Some(c);
                    }
                    if let Some(p) = &canon.pages {
                        s.push_str(&format!(" (pp. {})", page_range(p, dash)));
                        r.pages = Some(p.clone());
                    }
                    s.push('.');
                    if let Some(p) = &canon.publisher {
                        s.push_str(&format!(" {p}."));
                        r.publisher = Some(p.clone());
                    }
                    if let Some(d) = &doi_url {
                        s.push_str(&format!(" {d}"));
                        r.doi = canon.doi.clone();
                    }
                }
                _ => {
                    s.push_str(&format!(" {t}"));
                    close(&mut s);
                    if let Some(c) = &canon.container_title {
                        s.push_str(&format!(" {}", it(c, md)));
                        r.container_title = Some(c.clone());
                    }
                    if let Some(v) = &canon.volume {
                        s.push_str(&format!(", {}", it(v, md)));
                        r.volume = Some(v.clone());
                    }
                    if let Some(i) = &canon.issue {
                        s.push_str(&format!("({i})"));
                        r.issue = Some(i.clone());
                    }
                    if let Some(p) = &canon.pages {
                        s.push_str(&format!(", {}", page_range(p, dash)));
                        r.pages = Some(p.clone());
                    }
                    s.push('.');
                    if let Some(d) = &doi_url {
                        s.push_str(&format!(" {d}"));
                        r.doi = canon.doi.clone();
                    }
                }
            }
            r.title = Some(t);
        }
        Style::Chicago => {
            s.push_str(&names);
            close(&mut s);
            let place_pub = |s: &mut String, r: &mut Reference| match (
                &canon.publisher_place,
                &canon.publisher,
            ) {
                (Some(pl), Some(p)) => {
                    s.push_str(&format!(" {pl}: {p}, {year}."));
                    r.publisher_place = Some(pl.clone());
                    r.publisher = Some(p.clone());
                }
                (None, Some(p)) => {
                    s.push_str(&format!(" {p}, {year}."));
                    r.publisher = Some(p.clone());
                }
                _ => s.push_str(&format!(" {year}.")),
            };
            match canon.kind {
                WorkType::Book => {
                    s.push_str(&format!(" {}", it_closed(&title, md)));
                    if let Some(e) = &canon.edition {
                        s.push_str(&format!(" {e} ed."));
                        r.edition = Some(e.clone());
                    }
                    place_pub(&mut s, &mut r);
                }
                WorkType::Webpage => {
                    s.push_str(&format!(" {}", quoted(&title, '.')));
                    if let Some(c) = &canon.container_title {
                        s.push_str(&format!(" {c}."));
                        r.container_title = Some(c.clone());
                    }
                    if let Some(d) = canon.issued {
                        s.push_str(&format!(" {}.", long_date(&d)));
                    }
                    if let Some(u) = &canon.url {
                        s.push_str(&format!(" {u}."));
                        r.url = Some(u.clone());
                    }
                }
                WorkType::Chapter | WorkType::PaperConference => {
                    s.push_str(&format!(" {}", quoted(&title, '.')));
                    if let Some(c) = &canon.container_title {
                        s.push_str(&format!(" In {}", it(c, md)));
                        r.container_title = Some(c.clone());
                    }
                    if !canon.editors.is_empty() {
                        let (eds, people) = editors_natural(&canon.editors, false);
                        s.push_str(&format!(", edited by {eds}"));
                        r.editors = people;
                    }
                    if let Some(p) = &canon.pages {
                        s.push_str(&format!(", {}", page_range(p, dash)));
                        r.pages = Some(p.clone());
                    }
                    s.push('.');
                    place_pub(&mut s, &mut r);
                    if let Some(d) = &doi_url {
                        s.push_str(&format!(" {d}."));
                        r.doi = canon.doi.clone();
                    }
                }
                _ => {
                    s.push_str(&format!(" {}", quoted(&title, '.')));
                    if let Some(c) = &canon.container_title {
                        s.push_str(&format!(" {}", it(c, md)));
                        r.container_title = Some(c.clone());
                    }
                    if let Some(v) = &canon.volume {
                        s.push_str(&format!(" {v}"));
                        r.volume = Some(v.clone());
                    }
                    if let Some(i) = &canon.issue {
                        s.push_str(&format!(", no. {i}"));
                        r.issue = Some(i.clone());
                    }
                    s.push_str(&format!(" ({year})"));
                    if let Some(p) = &canon.pages {
                        s.push_str(&format!(": {}", page_range(p, dash)));
                        r.pages = Some(p.clone());
                    }
                    s.push('.');
                    if let Some(d) = &doi_url {
                        s.push_str(&format!(" {d}."));
                        r.doi = canon.doi.clone();
                    }
                }
            }
            r.title = Some(title);
        }
        _ => {
            s.push_str(&format!("[{}] ", opts.number));
            s.push_str(&names);
            match canon.kind {
                WorkType::Book => {
                    s.push_str(&format!(", {}", it_closed(&title, md)));
                    if let Some(e) = &canon.edition {
                        s.push_str(&format!(" {e} ed."));
                        r.edition = Some(e.clone());
                    }
                    match (&canon.publisher_place, &canon.publisher) {
                        (Some(pl), Some(p)) => {
                            s.push_str(&format!(" {pl}: {p}, {year}."));
                            r.publisher_place = Some(pl.clone());
                            r.publisher = Some(p.clone());
                        }
                        _ => s.push_str(&format!(" {year}.")),
                    }
                }
                WorkType::Webpage => {
                    s.push_str(&format!(", {}", quoted(&title, ',')));
                    if let Some(c) = &canon.container_title {
                        s.push_str(&format!(" {},", it(c, md)));
                        r.container_title = Some(c.clone());
                    }
                    if let Some(d) = canon.issued {
                        s.push_str(&format!(" {}.", ieee_date(&d)));
                    }
                    if let Some(a) = canon.accessed {
                        s.push_str(&format!(" Accessed: {}.", ieee_date(&a)));
                        r.accessed = Some(a);
                    }
                    if let Some(u) = &canon.url {
                        s.push_str(&format!(" [Online]. Available: {u}"));
                        r.url = Some(u.clone());
                    }
                }
                WorkType::Chapter => {
                    s.push_str(&format!(", {} in ", quoted(&title, ',')));
                    if let Some(c) = &canon.container_title {
                        s.push_str(&it(c, md));
                        r.container_title = Some(c.clone());
                    }
                    if !canon.editors.is_empty() {
                        let (eds, people) = editors_natural(&canon.editors, true);
                        let eds = eds.replace(" & ", " and ");
                        let ed = if people.len() > 1 { "Eds." } else { "Ed." };
                        s.push_str(&format!(", {eds}, {ed}"));
                        r.editors = people;
                    } else {
                        s.push('.');
                    }
                    match (&canon.publisher_place, &canon.publisher) {
                        (Some(pl), Some(p)) => {
                            s.push_str(&format!(" {pl}: {p}, {year}"));
                            r.publisher_place = Some(pl.clone());
                            r.publisher = Some(p.clone());
                        }
                        _ => s.push_str(&format!(" {year}")),
                    }
                    if let Some(p) = &canon.pages {
                        s.push_str(&format!(", pp. {}", page_range(p, dash)));
                        r.pages = Some(p.clone());
                    }
                    s.push('.');
                }
                WorkType::PaperConference => {
                    s.push_str(&format!(", {} in ", quoted(&title, ',')));
                    let c = work
                        .container_abbrev
                        .clone()
                        .or(canon.container_title.clone());
                    if let Some(c) = &c {
                        s.push_str(&format!("{},", it(c, md)));
                        r.container_title = Some(c.clone());
                    }
                    if let Some(pl) = &canon.publisher_place {
                        s.push_str(&format!(" {pl},"));
                        r.publisher_place = Some(pl.clone());
                    }
                    s.push_str(&format!(" {year}"));
                    if let Some(p) = &canon.pages {
                        s.push_str(&format!(", pp. {}", page_range(p, dash)));
                        r.pages = Some(p.clone());
                    }
                    if let Some(d) = &canon.doi {
                        s.push_str(&format!(", doi: {d}"));
                        r.doi = Some(d.clone());
                    }
                    s.push('.');
                }
                _ => {
                    s.push_str(&format!(", {}", quoted(&title, ',')));
                    let c = work
                        .container_abbrev
                        .clone()
                        .or(canon.container_title.clone());
                    if let Some(c) = &c {
                        s.push_str(&format!(" {},", it(c, md)));
                        r.container_title = Some(c.clone());
                    }
                    if let Some(v) = &canon.volume {
                        s.push_str(&format!(" vol. {v},"));
                        r.volume = Some(v.clone());
                    }
                    if let Some(i) = &canon.issue {
                        s.push_str(&format!(" no. {i},"));
                        r.issue = Some(i.clone());
                    }
                    if let Some(p) = &canon.pages {
                        s.push_str(&format!(" pp. {},", page_range(p, dash)));
                        r.pages = Some(p.clone());
                    }
                    s.push_str(&format!(" {year}"));
                    if let Some(d) = &canon.doi {
                        s.push_str(&format!(", doi: {d}"));
                        r.doi = Some(d.clone());
                    }
                    s.push('.');
                }
            }
            r.title = Some(title);
        }
    }
    if canon.kind != WorkType::Webpage {
        r.issued = canon.issued.map(|d| Date::year(d.year));
    }
    Written {
        text: s,
        reference: r,
    }
}

/// The author part of an author-date or author-page citation: "Family",
/// "Family and Other" (MLA) / "Family & Other" (APA), "Family et al.".
pub(crate) fn cite_names(style: Style, families: &[&str]) -> String {
    match families.len() {
        0 => String::new(),
        1 => families[0].to_owned(),
        2 if style == Style::Apa => format!("{} & {}", families[0], families[1]),
        2 => format!("{} and {}", families[0], families[1]),
        _ => format!("{} et al.", families[0]),
    }
}
