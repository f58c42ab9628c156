//! MLA's part of the check: whether a list dates its entries at the end,
//! as MLA does, and the authors such a paper names bare in its prose.

use crate::cite::known::{self, Known};
use crate::cite::{Citation, Resolution};
use std::ops::Range;

/// Whether a bare name mention `c` is prose rather than a citation: the
/// sentence goes on to cite the same authors (see
/// [`known::own_citation_follows`]), or the name fills a table's cell
/// ("1924   Less forgetting after sleep   Jenkins and Dallenbach") and the
/// text cites those authors elsewhere, so the cell is data about a work
/// the paper cites, not one more citation. (A name in a cell whose
/// authors are cited nowhere else stays a citation: without it their
/// entry would look uncited.)
pub(super) fn is_prose_mention(text: &str, c: &Citation, seen: &[Citation], limit: usize) -> bool {
    known::own_citation_follows(text, c, limit, seen, true)
        || (in_table_row(text, c.range.start)
            && cited_elsewhere(c, seen)
            && !in_a_list_of_works(text, &c.range))
}

/// Whether the mention at `range` is one of a cell's works parted by semicolons
/// ("Poeplau and Don; Jian, Du, Reiter, et al."), as a citation of
/// several works is written and a cell of data about one is not.
fn in_a_list_of_works(text: &str, range: &Range<usize>) -> bool {
    text[range.end.min(text.len())..].starts_with(';')
        || text[..range.start.min(text.len())]
            .trim_end_matches(' ')
            .ends_with(';')
}

/// Whether another citation in `seen` names the authors of `c`'s first
/// item: a strong one by its first author, a weak one ("(Aserinsky and
/// Kleitman)", names alone) by all of them.
fn cited_elsewhere(c: &Citation, seen: &[Citation]) -> bool {
    let Some(named) = c.items.first() else {
        return false;
    };
    let Some(first) = named.names.first() else {
        return false;
    };
    seen.iter().any(|s| {
        s.range != c.range
            && s.items
                .iter()
                .any(|i| i.names.first() == Some(first) && (!s.weak || i.names == named.names))
    })
}

/// Whether the line holding `at` is a row of a plain-text table: cells
/// apart by runs of two or more spaces, under a rule of dashes or equals
/// signs within the ten lines above (pandoc's and many PDF extractions'
/// tables).
pub(super) fn in_table_row(text: &str, at: usize) -> bool {
    let at = at.min(text.len());
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let cells = text[start..end]
        .trim()
        .split("  ")
        .filter(|c| !c.trim().is_empty())
        .count();
    if cells < 2 {
        return false;
    }
    let is_rule = |l: &str| {
        let l = l.trim();
        l.len() >= 6
            && l.contains("--") | l.contains("==")
            && l.chars()
                .all(|ch| matches!(ch, '-' | '=' | ' ' | '+' | '|' | ':'))
    };
    text[..start].lines().rev().take(10).any(is_rule)
}

/// Whether the list dates its entries at the end, as MLA does ("…
/// Polity Press, 2019."), rather than after the names, as the author-date
/// styles do ("Noble, Safiya. 2018. …", "Noble, S. (2018)."): most dated
/// entries have their first year past the first third of the entry or
/// after a quoted title. In such a paper an author named in the text is
/// cited by that name alone, even when its citations carry years in their
/// titles ("(World Health Organization, World Malaria Report 2021)").
pub(super) fn dated_last(raws: &[&str]) -> bool {
    let (dated, late) = dated_late(raws);
    dated >= 3 && late * 3 >= dated * 2
}

/// Whether the list dates nearly every entry right after its names, as
/// the author-date styles do: at most a third of the dated entries are
/// dated late (see [`dated_last`]). A Chicago author-date list the style
/// vote took for MLA ("İnalcık, Halil. 1954. …") is cited with years.
pub(super) fn dated_first(raws: &[&str]) -> bool {
    let (dated, late) = dated_late(raws);
    dated >= 3 && late * 3 <= dated
}

/// How many entries are dated, and how many of them late.
fn dated_late(raws: &[&str]) -> (usize, usize) {
    let (mut dated, mut late) = (0, 0);
    for raw in raws {
        let Some(at) = first_year(raw) else { continue };
        dated += 1;
        let head = &raw[..at];
        if at * 3 > raw.len() || head.contains(['“', '"', '*']) {
            late += 1;
        }
    }
    (dated, late)
}

/// The byte offset of the first four-digit year (1500–2099) standing as a
/// word of its own in `raw`.
fn first_year(raw: &str) -> Option<usize> {
    let b = raw.as_bytes();
    (0..b.len().saturating_sub(3)).find(|&i| {
        b[i..i + 4].iter().all(u8::is_ascii_digit)
            && matches!(&b[i..i + 2], b"15" | b"16" | b"17" | b"18" | b"19" | b"20")
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
    })
}

/// Whether every work `k` leads was written before 1900 (no year from
/// 1900 on in its entry; a title's dates are earlier still): "Clusius himself never travelled", "the Smeaton tower",
/// "taught Kaempfer as much": an author of the past whom the text also
/// cites in parentheses is, named bare, the subject of its history rather
/// than a citation of the work.
fn of_the_past(k: &Known) -> bool {
    every_entry(k, |l| latest_year(l).is_some_and(|y| y < 1900))
}

/// Whether `k` leads at least one entry and each satisfies `test` (the
/// entries are the lines of [`Known::raw`]).
fn every_entry(k: &Known, test: impl Fn(&str) -> bool) -> bool {
    let mut lines = k.raw.lines().filter(|l| !l.trim().is_empty()).peekable();
    lines.peek().is_some() && lines.all(test)
}

/// The latest four-digit year (1500–2099) standing as a word of its own in
/// `raw`.
fn latest_year(raw: &str) -> Option<u32> {
    let mut latest = None;
    let mut rest = raw;
    while let Some(at) = first_year(rest) {
        let y: u32 = rest[at..at + 4].parse().unwrap_or(0);
        latest = latest.max(Some(y));
        rest = &rest[at + 4..];
    }
    latest
}

/// Whether each entry `k` leads opens with its name, a comma and a
/// capitalised given name ("Sempat Assadourian, Carlos."): a person whose
/// family name is of several words, not an organisation.
fn written_inverted(k: &Known) -> bool {
    every_entry(k, |l| {
        l.trim_start()
            .strip_prefix(k.name.as_str())
            .and_then(|r| r.strip_prefix(", "))
            .is_some_and(|r| {
                let given: String = r.chars().take_while(|c| *c != '.').collect();
                r.starts_with(char::is_uppercase)
                    && given.split_whitespace().count() <= 3
                    && !given.contains(',')
            })
    })
}

/// Whether `name` reads as a person's family name rather than an
/// organisation's: one word with a lower-case letter, after any lower-case
/// particles ("Lorenz", "van der Woude"; not "OECD", "Meta AI").
fn is_family_name(name: &str) -> bool {
    let mut words = name.split_whitespace().rev();
    let Some(last) = words.next() else {
        return false;
    };
    last.chars().any(char::is_lowercase)
        && words.all(|w| w.chars().next().is_some_and(char::is_lowercase))
}

/// MLA names an author bare ("O’Neil called …", "For Gellner the nation
/// …"): the family name of an author of one work is its narrative
/// citation. `names` are the list's first authors, `firsts` each entry's,
/// `seen` the citations found before resolution (names they cover were
/// counted there) and `resolved` what they resolved to. An author the
/// text also cites another way counts only from the first citation on:
/// before it stand the cover page and its names (a supervisor who is also
/// an author). The mentions found in `ranges` are returned unresolved,
/// without spans.
pub(super) fn lone_names(
    text: &str,
    ranges: &[Range<usize>],
    mut names: Vec<Known>,
    firsts: &[Option<String>],
    seen: &[Citation],
    resolved: &[Resolution],
) -> Vec<Citation> {
    let mut cited = vec![false; firsts.len()];
    for t in resolved.iter().flat_map(|r| &r.targets).flatten() {
        if let Some(c) = cited.get_mut(t.entry) {
            *c = true;
        }
    }
    for k in &mut names {
        k.lone = true;
    }
    let (uncited, mut also_cited): (Vec<Known>, Vec<Known>) = names.into_iter().partition(|k| {
        firsts
            .iter()
            .zip(&cited)
            .all(|(f, &c)| f.as_deref() != Some(k.name.as_str()) || !c)
    });
    // A short organisation name ("Meta AI", "OECD") is the prose's actor
    // more often than a citation; a person's family name is one word, or
    // one after lower-case particles ("van der Woude").
    also_cited.retain(|k| is_family_name(&k.name) || written_inverted(k));
    let past: Vec<String> = also_cited
        .iter()
        .filter(|k| of_the_past(k))
        .map(|k| k.name.clone())
        .collect();
    // In a table's cell ("Erasmus; Chartier et al.") a name is a citation
    // whatever its age.
    let of_past_in_prose = |c: &Citation| {
        c.items
            .first()
            .and_then(|i| i.names.first())
            .is_some_and(|n| past.contains(n))
            && !in_table_row(text, c.range.start)
    };
    let first_cite = crate::cite::scan::first_citation_start(seen);
    let mut more = Vec::new();
    for r in ranges {
        let m = known::mentions(text, r.clone(), &uncited, seen, true);
        more.extend(
            m.into_iter()
                .filter(|c| !is_prose_mention(text, c, seen, r.end)),
        );
        let from = r.start.max(first_cite);
        if from < r.end {
            let m = known::mentions(text, from..r.end, &also_cited, seen, true);
            more.extend(
                m.into_iter()
                    .filter(|c| !is_prose_mention(text, c, seen, r.end) && !of_past_in_prose(c)),
            );
        }
    }
    // Two names of one mention found by the two calls: keep the first.
    known::keep_first_of_overlaps(&mut more);
    more
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn family_names_after_particles() {
        assert!(is_family_name("Lorenz"));
        assert!(is_family_name("van der Woude"));
        assert!(is_family_name("de Vries"));
        assert!(!is_family_name("OECD"));
        assert!(!is_family_name("Meta AI"));
        assert!(!is_family_name("World Bank"));
        assert!(!is_family_name(""));
    }

    fn known(name: &str, raw: &str) -> Known {
        known::known_names(&[Some(name.to_owned())], &[raw]).remove(0)
    }

    #[test]
    fn authors_of_the_past_and_persons_of_compound_names() {
        // Made-up entries.
        assert!(of_the_past(&known(
            "Kemp",
            "Kemp, Jan. Hortus Indicus, 1678–1693."
        )));
        assert!(!of_the_past(&known(
            "Kemp",
            "Kemp, Jan. Hortus Indicus, 1678–1693. Reprint, Brill, 2003."
        )));
        assert!(!of_the_past(&known(
            "Kemp",
            "Kemp, Jan. The Gardens of 1650. Brill, 1998."
        )));
        assert!(written_inverted(&known(
            "Sempat Olarte",
            "Sempat Olarte, Carlos. El sistema. IEP, 1982."
        )));
        assert!(!written_inverted(&known(
            "World Bank",
            "World Bank. Report. 2001."
        )));
    }

    #[test]
    fn a_cell_listing_works_cites_them() {
        let text = "  Poe and Don; Jian et al.   0.2\n";
        let at = text.find("Poe").unwrap();
        assert!(in_a_list_of_works(text, &(at..at + "Poe and Don".len())));
        let at = text.find("Jian").unwrap();
        assert!(in_a_list_of_works(text, &(at..at + "Jian et al.".len())));
        let text = "  1924   Less forgetting   Jenkins and Dallenbach\n";
        let at = text.find("Jenkins").unwrap();
        assert!(!in_a_list_of_works(text, &(at..text.len() - 1)));
    }

    #[test]
    fn table_rows_under_a_rule() {
        let t = "Prose line (Jenkins 3).\n\n  Year   Finding             Investigators\n  ------ ------------------- -------------\n  1924   Less forgetting     Jenkins and Dallenbach\n";
        assert!(in_table_row(t, t.find("Jenkins and").unwrap()));
        assert!(!in_table_row(t, t.find("Jenkins 3").unwrap()));
        // Two spaces in prose without a rule above are no table.
        let p = "He said so.  Jenkins and Dallenbach agreed.\n";
        assert!(!in_table_row(p, p.find("Jenkins").unwrap()));
    }

    #[test]
    fn lists_dated_at_the_end_read_as_mla() {
        let mla = [
            "Noble, Safiya Umoja. Algorithms of Oppression. NYU Press, 2018.",
            "Marmot, Michael. “Social Determinants of Health Inequalities.” The Lancet, vol. 365, 2005, pp. 1099–104.",
            "World Health Organization. Global Tuberculosis Report 2021. World Health Organization, 2021.",
            "Benjamin, Ruha. Race after Technology. Polity Press, 2019.",
        ];
        assert!(dated_last(&mla));
        let author_date = [
            "Noble, Safiya Umoja. 2018. Algorithms of Oppression. NYU Press.",
            "Marmot, M. (2005). Social determinants of health inequalities. The Lancet, 365, 1099–1104.",
            "Cox, David R. 1972. “Regression Models and Life-Tables.” Journal of the Royal Statistical Society.",
            "Benjamin, R. (2019). Race after technology. Polity.",
        ];
        assert!(!dated_last(&author_date));
        // Too few dated entries to say.
        assert!(!dated_last(&mla[..2]));
    }
}
