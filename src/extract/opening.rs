//! Author-year lists read by how their entries open: "Golub G, Pereyra V
//! (2003).", "Smith, J. and Doe, A. 2001.", "van Stokkum IHM (1997)." —
//! names (family names, initials, particles, "and", "et al.") and then the
//! year, nothing else. In a list whose entries mostly open so, a line that
//! opens so after a line that ended a sentence starts an entry, and a line
//! the model took for a first line that opens in lower case with no names
//! ("ci.tuwien.ac.at/…", the tail of a URL) continues the one above.
//!
//! The line models learn this from the words, but a one-line entry between
//! wrapped ones ("Godfrey K (1983). … London.") often reads to them as the
//! head of the next entry's first line. The rule is stated on the shape
//! alone, so it applies to any author-year list.

use super::features::{label_of, DocLine};
use super::learned::{CONT, FIRST, FURNITURE};

/// Tokens before the year that may still be names.
const MAX_NAME_TOKENS: usize = 60;

/// Lines after the first over which a list of names may run to its year.
const MAX_NAME_LINES: usize = 4;

/// Share of the model's first lines that must open with names and a year
/// for lines that open so to start entries.
const SHARE: (usize, usize) = (5, 10);

/// Share above which a first line that does not open so is taken for a
/// continuation.
const DEMOTE: (usize, usize) = (8, 10);

pub(crate) const PARTICLES: [&str; 16] = [
    "van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del", "dos", "ten", "ter",
    "te", "d'",
];

/// True when `line` opens with a list of names and then a year.
///
/// ```
/// use citemap::extract::opening::opens_with_names_and_year as o;
/// assert!(o("Golub G, Pereyra V (2003). “Separable Nonlinear Least Squares"));
/// assert!(o("van Stokkum IHM (1997). “Parameter Precision"));
/// assert!(o("Smith, J. A., and K. Doe. 2001. Title"));
/// assert!(o("R Development Core Team (2006). R: A Language"));
/// assert!(!o("In K Hornik, F Leisch (eds.), “Proceedings 2003"));
/// assert!(!o("ci.tuwien.ac.at/Conferences/DSC-2003/Proceedings/."));
/// assert!(!o("(2007). “Fluorescence Lifetime Imaging"));
/// ```
pub fn opens_with_names_and_year(line: &str) -> bool {
    names_and_year(line).is_some()
}

/// True when `line` holds names and a year and nothing after them
/// ("Resnik DB, Tyler AM, Black JR, Kissling G. 2016."): the entry goes on
/// on the next line.
fn only_names_and_year(line: &str) -> bool {
    names_and_year(line).is_some_and(|k| line.split_whitespace().nth(k + 1).is_none())
}

/// The index of the year's token when `line` opens with names and then a
/// year.
fn names_and_year(line: &str) -> Option<usize> {
    let mut named = false;
    for (k, raw) in line.split_whitespace().enumerate() {
        if k > MAX_NAME_TOKENS {
            return None;
        }
        let t = raw.trim_matches(|c: char| matches!(c, ',' | ';' | ':'));
        let bare = t.trim_start_matches('(').trim_end_matches([')', '.', ',']);
        if is_year(bare)
            || matches!(
                bare,
                "n.d" | "n. d" | "s.d" | "o.J" | "forthcoming" | "in press"
            )
        {
            return named.then_some(k);
        }
        if t.is_empty()
            || matches!(
                t,
                "&" | "and" | "und" | "et" | "al." | "al" | "eds." | "(eds.)" | "(ed.)" | "ed."
            )
        {
            continue;
        }
        // A repeated author's dash stands for the names ("--. 1976.").
        if k == 0 && !bare.is_empty() && bare.chars().all(|c| matches!(c, '-' | '—' | '–' | '_'))
        {
            named = true;
            continue;
        }
        let first = bare.chars().next().unwrap_or(' ');
        let letters = bare.chars().filter(|c| c.is_alphabetic()).count();
        let name_chars = bare
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'));
        if !name_chars || raw.starts_with('(') {
            return None;
        }
        if first.is_uppercase() {
            named |= letters >= 2;
        } else if !PARTICLES.contains(&bare.to_lowercase().as_str()) {
            return None;
        }
    }
    None
}

fn is_year(t: &str) -> bool {
    let t = t.trim_end_matches(|c: char| c.is_ascii_lowercase());
    t.len() == 4
        && t.bytes().all(|b| b.is_ascii_digit())
        && t.parse::<u32>().is_ok_and(|y| (1500..=2100).contains(&y))
}

/// True when the first of `body`'s lines opens with names that run on over
/// the next lines to a year ("Awad MA, …, Yang G," / "Greene KL, …. 2017.";
/// "Dastani Z, …, Yuan X," / "Scott RA, …," / "…, et al. 2012. …"). The
/// next line lends its year, but not to a line that ends a sentence when
/// it opens with names and a year itself ("Stanford University Press." /
/// "Blayney, P. W. M. (2013). …" are two entries' lines), nor across a
/// blank; a line after that only while no sentence has ended.
fn names_run_on_to_year(lines: &[DocLine<'_>], body: &[usize]) -> bool {
    let Some(&first) = body.first() else {
        return false;
    };
    let text = lines[first].text.trim();
    let mut joined = text.to_owned();
    for (step, &n) in body.iter().skip(1).take(MAX_NAME_LINES).enumerate() {
        let next = lines[n].text.trim();
        if lines[n].gap_before
            || step == 0 && ends_sentence(text) && opens_with_names_and_year(next)
            || step > 0 && ends_sentence(&joined)
        {
            return false;
        }
        joined.push(' ');
        joined.push_str(next);
        if opens_with_names_and_year(&joined) {
            return true;
        }
    }
    false
}

/// The line ends a sentence, as an entry's last line does.
fn ends_sentence(line: &str) -> bool {
    let t = line.trim_end();
    t.ends_with(['.', ')', ']', '”', '"', '?', '!']) || ends_with_pubmed_id(t) || ends_with_doi(t)
}

/// True when a line ends on a number, as the entries of astronomy and
/// physics journals do ("Bertin E., Arnouts S., 1996, A&AS, 117, 393"),
/// without a full stop.
fn ends_on_a_number(line: &str) -> bool {
    line.trim_end().ends_with(|c: char| c.is_ascii_digit())
}

/// True when a line ends on a whole DOI link ("…. DOI:
/// https://doi.org/10.1257/aer.p20171126"), as entries of some journals
/// end, without a full stop.
fn ends_with_doi(t: &str) -> bool {
    let last = t.rsplit(char::is_whitespace).next().unwrap_or("");
    let Some(at) = last.find("doi.org/10.") else {
        return false;
    };
    let id = &last[at + "doi.org/".len()..];
    id.contains('/') && !id.ends_with('/') && id.ends_with(|c: char| c.is_ascii_alphanumeric())
}

/// True when a line ends on a PubMed identifier ("…, PMID: 20933195"), as
/// entries of some journals end, without a full stop.
fn ends_with_pubmed_id(t: &str) -> bool {
    let digits = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let head = t[..t.len() - digits]
        .trim_end()
        .trim_end_matches(':')
        .trim_end();
    digits >= 5 && (head.ends_with("PMID") || head.ends_with("PMC") || head.ends_with("PMCID"))
}

/// True when a line opens with a short mark and then a year ("9 1987b.",
/// "— 1990."): a repeated author's dash as OCR reads it, before the year
/// of the author's next work.
fn opens_with_mark_and_year(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let (Some(mark), Some(year)) = (words.next(), words.next()) else {
        return false;
    };
    let mark_like = mark.chars().count() <= 3 && !mark.chars().any(char::is_alphabetic);
    let year = year.trim_end_matches(['.', ',']);
    mark_like && !mark.starts_with('(') && year.len() < 7 && is_year(year)
}

/// Retags first lines that can only go on with the entry above: a name
/// list broken after a comma ("…, Sigler, E., Litwin, M.," / "Gray, S.,
/// Chess, B., …, 2020."), or inside a name's initials ("SHAMPUTA, I." /
/// "C., DJONNE, B., …"), and a URL's label on its own line ("URL
/// https://…"). Labelled lines are left alone.
pub fn follow_broken_names(lines: &[DocLine<'_>], tags: &mut [u8]) {
    let body: Vec<usize> = (0..lines.len()).filter(|&k| tags[k] != FURNITURE).collect();
    for i in 1..body.len() {
        let k = body[i];
        let text = lines[k].text.trim();
        if tags[k] != FIRST || label_of(text).is_some() {
            continue;
        }
        let previous = lines[body[i - 1]].text.trim();
        let first = text.split_whitespace().next().unwrap_or("");
        let lone_initial = first.strip_suffix(',').is_some_and(is_initial);
        let url_label = matches!(text, "URL" | "URL:")
            || [
                "URL ",
                "URL: ",
                "Available at",
                "Available from",
                "Retrieved from",
            ]
            .iter()
            .any(|p| text.starts_with(p));
        let names_go_on = previous.ends_with(',')
            && only_names(previous)
            && text.starts_with(char::is_uppercase)
            && !entry_has_year(lines, &body[..i], tags);
        if lone_initial && breaks_off_in_names(previous) || url_label || names_go_on {
            tags[k] = CONT;
        }
    }
}

/// True when a line holds only names and their initials ("Brown, T. B.,
/// Mann, B., …, Litwin, M.,"): at least one initial, and nothing else but
/// capitalised words, particles and "and".
fn only_names(line: &str) -> bool {
    let mut initials = 0;
    let all = line.split_whitespace().all(|raw| {
        let t = raw.trim_end_matches([',', ';']);
        let initial = !t.is_empty() && t.split('-').all(is_initial);
        initials += usize::from(initial);
        initial
            || matches!(t, "and" | "&")
            || PARTICLES.contains(&t)
            || t.starts_with(char::is_uppercase)
                && t.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
    });
    all && initials > 0
}

/// True when the entry that the lines before `body`'s end belong to (from
/// its first line on) already has a year.
fn entry_has_year(lines: &[DocLine<'_>], body: &[usize], tags: &[u8]) -> bool {
    for &k in body.iter().rev() {
        if super::cues::has_year(lines[k].text) {
            return true;
        }
        if tags[k] == FIRST {
            return false;
        }
    }
    false
}

/// True when a line ends on a capitalised word ("… Univ. Nevada"), not on
/// a word that runs on ("… in the", "… and").
fn ends_on_a_name(line: &str) -> bool {
    let last = line
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    let mut chars = last.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.clone().count() >= 2
        && chars.all(char::is_alphabetic)
}

/// True when a line breaks off inside a list of names: after a comma or
/// an initial ("… Pp. 3-17 in S. S." / "Khokhlov (ed.), Apomixis …").
fn breaks_off_in_names(line: &str) -> bool {
    let t = line.trim_end();
    let last = t.rsplit(char::is_whitespace).next().unwrap_or("");
    t.ends_with(',') || is_initial(last)
}

/// True for an initial with its full stop ("C.").
fn is_initial(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() == 2 && b[0].is_ascii_uppercase() && b[1] == b'.'
}

/// True when a line opens as only the middle of an entry does: a chapter's
/// pages or the book it is in ("Pp. 161-169 in J. Burley & …", "In: …").
fn opens_like_a_continuation(line: &str) -> bool {
    ["Pp. ", "pp. ", "In: ", "In ", "Edited by ", "edited by "]
        .iter()
        .any(|p| line.starts_with(p))
}

/// True when a line opens with an identifier's label ("DOI: https://…",
/// "PMID: 123", "https://doi.org/…"): the tail of an entry, never its
/// first line.
pub fn opens_with_identifier(line: &str) -> bool {
    let t = line.trim_start().as_bytes();
    let starts = |p: &str| t.len() >= p.len() && t[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    starts("doi:")
        || starts("doi ")
        || starts("https://doi.org")
        || starts("http://dx.doi.org")
        || starts("pmid")
        || starts("pmcid")
}

/// Retags the first lines of an author-year list by how its entries open
/// (see the module comment). Lists with labels, and lists whose first lines
/// mostly open otherwise, are left as they are.
pub fn follow_author_year(lines: &[DocLine<'_>], tags: &mut [u8]) {
    let firsts: Vec<usize> = (0..lines.len()).filter(|&k| tags[k] == FIRST).collect();
    let labelled = firsts
        .iter()
        .filter(|&&k| label_of(lines[k].text).is_some())
        .count();
    if firsts.len() < 5 || labelled * 10 >= firsts.len() * 3 {
        return;
    }
    // The lines that are not furniture, and whether each opens with names
    // and a year, alone or with the lines after it (a long name list may
    // push the year down: see `names_run_on_to_year`). Read once: the
    // share below and the retagging both need it.
    let body: Vec<usize> = (0..lines.len()).filter(|&k| tags[k] != FURNITURE).collect();
    let opens_at: Vec<bool> = (0..body.len())
        .map(|i| {
            let text = lines[body[i]].text.trim();
            opens_with_names_and_year(text)
                || opens_with_mark_and_year(text)
                || names_run_on_to_year(lines, &body[i..])
        })
        .collect();
    let opening = body
        .iter()
        .zip(&opens_at)
        .filter(|&(&k, &opens)| tags[k] == FIRST && opens)
        .count();
    if opening * SHARE.1 < firsts.len() * SHARE.0 {
        return;
    }
    // Where nearly every entry opens so, a first line that does not (the
    // tail of a URL, a page number, a publisher's line) continues the entry.
    let strict = opening * DEMOTE.1 >= firsts.len() * DEMOTE.0;
    for i in 1..body.len() {
        let (k, previous) = (body[i], lines[body[i - 1]].text);
        let opens = opens_at[i];
        let text = lines[k].text.trim();
        // Names that run on from the line above ("Awad MA, …, Yang G," /
        // "Greene KL, …, Breyer BN. 2017."), or the title after a line of
        // names and a year alone, continue that line's entry.
        let runs_on = tags[body[i - 1]] == FIRST
            && (only_names_and_year(previous.trim())
                || previous.trim_end().ends_with(',')
                    && !opens_with_names_and_year(previous.trim())
                    && opens_with_names_and_year(&format!("{} {text}", previous.trim())));
        // Names over several lines ("Aguirre AJ, …, Redston MS," /
        // "DePinho RA, Chin L (2004) …"): the entry so far has no year.
        let names_run_on =
            previous.trim_end().ends_with(',') && !entry_has_year(lines, &body[..i], tags);
        // A one-line entry that ends without a stop ("Eissa, F. 2002, MS
        // thesis, Univ. Nevada") above a line that opens with names and a
        // year.
        let whole_line_above = tags[body[i - 1]] == FIRST
            && opens_with_names_and_year(previous.trim())
            && !only_names_and_year(previous.trim())
            && ends_on_a_name(previous);
        if runs_on || names_run_on {
            tags[k] = CONT;
        } else if opens
            && (ends_sentence(previous)
                || ends_on_a_number(previous)
                || opens_with_mark_and_year(text)
                || whole_line_above)
        {
            tags[k] = FIRST;
        } else if tags[k] == FIRST && !opens {
            let lower = text.starts_with(|c: char| c.is_lowercase());
            if lower
                || opens_with_identifier(text)
                || opens_like_a_continuation(text)
                || breaks_off_in_names(previous)
                || strict && !text.starts_with(char::is_uppercase)
            {
                tags[k] = CONT;
            }
        }
        // No entry ends on "&" ("-, &" / "S. M. Nor. 1990. …").
        if previous.trim_end().ends_with('&') {
            tags[k] = CONT;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::features::plain_lines as lines;

    #[test]
    fn names_that_run_on_and_identifier_lines_stay_in_their_entry() {
        let text = [
            "Akhabue E, Lautenbach E. 2010. Equal contributions and credit.",
            "Annals of Epidemiology 20:868-871. DOI: https://doi.org/10.1016/j.",
            "annepidem.2010.08.004, PMID: 20933195",
            "Awad MA, Gaither TW, Osterberg EC, Yang G,",
            "Greene KL, Weiss DA, Anger JT, Breyer BN. 2017.",
            "Gender differences in promotions. Canadian Journal of",
            "Urology 24:9011-9016. PMID: 28971789",
            "Resnik DB, Tyler AM, Black JR, Kissling G. 2016.",
            "Authorship policies of scientific journals. Journal of Medical",
            "Ethics 42:199-202.",
            "DOI: https://doi.org/10.1136/medethics-2015-103171",
            "Sarsons H. 2017. Gender differences in recognition for group work.",
            "American Economic Review 107:141-145. DOI: https://doi.org/10.1257/aer.p20171126",
            "Sassler S, Glass J, Levitte Y, Michelmore KM. 2017. The missing women.",
            "Tscharntke T, Hochberg ME, Rand TA. 2007. Author sequence and credit.",
            "Venkatraman V. 2010. Conventions of scientific authorship. Science.",
            "Wren JD, Kozak KZ. 2007. The write position. EMBO Reports 8:988-991.",
            "Zbar A, Frank E. 2011. Significance of authorship position. Annals 254:1.",
        ];
        let l = lines(&text);
        // As a model might tag them (the identifier's line is the line
        // models' pass's to keep).
        let mut tags = [
            FIRST, CONT, FIRST, CONT, FIRST, CONT, CONT, FIRST, FIRST, CONT, CONT, FIRST, CONT,
            CONT, FIRST, FIRST, FIRST, FIRST,
        ];
        follow_author_year(&l, &mut tags);
        assert_eq!(
            tags,
            [
                FIRST, CONT, CONT, FIRST, CONT, CONT, CONT, FIRST, CONT, CONT, CONT, FIRST, CONT,
                FIRST, FIRST, FIRST, FIRST, FIRST
            ]
        );
        assert!(opens_with_identifier("PMID: 20933195"));
        assert!(!opens_with_identifier("Doiron, J. 2001. Title."));
        assert!(ends_with_doi(
            "Review 107:141-145. DOI: https://doi.org/10.1257/aer.p20171126"
        ));
        assert!(!ends_with_doi("DOI: https://doi.org/10.1016/"));
    }

    #[test]
    fn long_name_lists_and_one_line_entries_without_a_stop() {
        let text = [
            "Cravens, T. E. 2000, ApJL, 532, L153",
            "Eissa, F. 2002, MS thesis, Univ. Nevada",
            "Greenwood, J. B., Williams, I. D., Smith, S. J., & Chutjian, A. 2000, ApJL,",
            "533, L175",
            "Gu, L., Kaastra, J., Raassen, A. J. J., et al. 2015, A&A, 584, L11",
            "Moustafa K. 2016. Contributorships. Trends 41:389-390. PMID: 27025412",
            "Dastani Z, Hivert MF, Timpson N, Perry JR, Yuan X,",
            "Scott RA, Henneman P, Heid IM, Kizer JR, Lyytikainen",
            "LP, Fuchsberger C, Tanaka T, Morris AP, Small K,",
            "Isaacs A, Beekman M, Kanoni S, et al. 2012. Novel loci.",
            "Aguirre AJ, Brennan C, Bailey G, Sinha R, Feng B, Leo C,",
            "Zhang J, Gans JD, Bardeesy N, Cordon-Cardo C, Redston MS,",
            "DePinho RA, Chin L (2004) High-resolution characterization.",
            "Wren JD, Kozak KZ. 2007. The write position. EMBO Reports 8:988-991.",
        ];
        let l = lines(&text);
        // As a model might tag them.
        let mut tags = [
            FIRST, FIRST, CONT, CONT, FIRST, FIRST, CONT, CONT, CONT, FIRST, FIRST, CONT, FIRST,
            FIRST,
        ];
        follow_author_year(&l, &mut tags);
        assert_eq!(
            tags,
            [
                FIRST, FIRST, FIRST, CONT, FIRST, FIRST, FIRST, CONT, CONT, CONT, FIRST, CONT,
                CONT, FIRST
            ]
        );
        assert!(ends_on_a_name("Eissa, F. 2002, MS thesis, Univ. Nevada"));
        assert!(!ends_on_a_name("Smith, J. 2000, in Proceedings of the"));
    }

    #[test]
    fn name_lists_broken_over_lines_and_url_labels_stay_in_their_entry() {
        let text = [
            "Adiwardana, D., Luong, M.-T., So, D. Towards a human-like chatbot, 2020.",
            "Brown, T. B., Mann, B., Ryder, N., Subbiah, M., Kaplan, J., Dhariwal, P.,",
            "Gray, S., Chess, B., and Amodei, D. Language models are few-shot learners, 2020.",
            "MALAMA, S., MUMA, J., SHAMPUTA, I.",
            "C., DJONNE, B. & JOHANSEN, T. B. 2014. Isolation of Mycobacterium.",
            "Pew Research. Religious Landscape Study,",
            "2020.",
            "URL",
            "https://www.pewforum.org/religious-landscape-study/.",
            "Radford, A., Wu, J., Child, R. Language models, 2019.",
        ];
        let l = lines(&text);
        let mut tags = [FIRST; 10];
        tags[6] = CONT;
        tags[8] = CONT;
        follow_broken_names(&l, &mut tags);
        assert_eq!(
            tags,
            [FIRST, FIRST, CONT, FIRST, CONT, FIRST, CONT, CONT, CONT, FIRST]
        );
        assert!(only_names("Sigler, E., Litwin, M.,"));
        assert!(!only_names("Religious Landscape Study,"));
    }

    #[test]
    fn ditto_marks_as_ocr_reads_them_and_broken_name_lists() {
        let text = [
            "Bawa, K. S. 1974. Breeding systems of tree species. Evolution 28: 85-92.",
            "--. 1976. Mistake pollination as a reproductive system.",
            "Pp. 161-169 in J. Burley & B. T. Styles (eds.), Tropical trees.",
            "Carson, H. L. 1987a. The genetic system. Ann. Rev. Genet. 21:405-423",
            "9 1987b. The process whereby species originate. Bioscience 37: 715-720.",
            "Crisp, P. 1976. Trends in the breeding of crops. Pp. 69-118 in J. G. Vaughan,",
            "A. J. Macleod & B. M. Jones (eds.), The biology of the Cruciferae. London.",
            "Darlington, C. D. 1939. The evolution of genetic systems. Cambridge.",
            "-, &",
            "K. Mather. 1949. The elements of genetics. Allen and Unwin, London.",
            "Darwin, C. 1859. The origin of species. John Murray, London.",
        ];
        let l = lines(&text);
        // As a model might tag them.
        let mut tags = [
            FIRST, FIRST, FIRST, FIRST, CONT, FIRST, FIRST, FIRST, FIRST, FIRST, FIRST,
        ];
        follow_author_year(&l, &mut tags);
        assert_eq!(
            tags,
            [FIRST, FIRST, CONT, FIRST, FIRST, FIRST, CONT, FIRST, FIRST, CONT, FIRST]
        );
        assert!(opens_with_names_and_year("--. 1976. Mistake pollination"));
        assert!(opens_with_mark_and_year("9 1987b. The process"));
        assert!(!opens_with_mark_and_year("37 (1987) 715-720."));
        assert!(breaks_off_in_names("Pp. 3-17 in S. S."));
        assert!(!breaks_off_in_names("Academic Press, London."));
    }

    #[test]
    fn entries_that_end_on_a_page_number_are_split() {
        let text = [
            "Bacon R. et al., 2010, in McLean I. S., Ramsay S. K., eds, Proc.",
            "SPIE Conf. Ser. Vol. 7735, SPIE, Bellingham p. 773508",
            "Bertin E., Arnouts S., 1996, A&AS, 117, 393",
            "Christensen L. et al., 2012, MNRAS, 427, 1953",
            "Ebeling H., Edge A. C., Henry J. P., 2001, ApJ, 553, 668",
            "Ebeling H., Edge A. C., Mantz A., Barrett E., Henry J. P., Ma C. J.,",
            "van Speybroeck L., 2010, MNRAS, 407, 83",
            "Grillo C. et al., 2014, preprint (arXiv:1407.7866)",
        ];
        let l = lines(&text);
        // As a model might tag them: Christensen run into Bertin.
        let mut tags = [FIRST, CONT, FIRST, CONT, FIRST, FIRST, CONT, FIRST];
        follow_author_year(&l, &mut tags);
        assert_eq!(tags, [FIRST, CONT, FIRST, FIRST, FIRST, FIRST, CONT, FIRST]);
    }

    #[test]
    fn one_line_entry_between_wrapped_ones_is_split() {
        let text = [
            "Bates DM, DebRoy S (2003). Converting a Large Package to Classes. In",
            "K Hornik (ed.), Proceedings of the Workshop, URL http://www.",
            "ci.tuwien.ac.at/Conferences/DSC-2003/Proceedings/.",
            "Chambers JM (1998). Programming with Data. Springer-Verlag,",
            "New York.",
            "Godfrey K (1983). Compartmental Models. Academic Press, London.",
            "Golub G, Pereyra V (2003). Separable Nonlinear Least Squares: the",
            "Variable Projection Method. Inverse Problems, 19, R1-R26.",
            "Istratov AA, Vyvenko OF (1999). Exponential Analysis. Review of",
            "Scientific Instruments, 70(2), 1233-1257.",
            "van Stokkum IHM (1997). Parameter Precision in Global Analysis.",
        ];
        let l = lines(&text);
        // As a model might tag them: Golub run into Godfrey, the URL's
        // tail taken for an entry.
        let mut tags = [
            FIRST, CONT, FIRST, FIRST, CONT, FIRST, CONT, CONT, FIRST, CONT, FIRST,
        ];
        follow_author_year(&l, &mut tags);
        assert_eq!(
            tags,
            [FIRST, CONT, CONT, FIRST, CONT, FIRST, FIRST, CONT, FIRST, CONT, FIRST]
        );
    }

    #[test]
    fn numbered_and_other_lists_are_left_alone() {
        let text = [
            "[1] Golub G, Pereyra V (2003). Separable Nonlinear Least Squares.",
            "[2] Godfrey K (1983). Compartmental Models. London.",
            "Golub GH, LeVeque RJ (1979). Extensions and Uses.",
            "[3] Chambers JM (1998). Programming with Data.",
            "[4] Istratov AA (1999). Exponential Analysis.",
            "[5] Moshier SL (1992). Cephes Mathematical Library.",
        ];
        let l = lines(&text);
        let mut tags = [FIRST, FIRST, CONT, FIRST, FIRST, FIRST];
        let before = tags;
        follow_author_year(&l, &mut tags);
        assert_eq!(tags, before);
        // MLA: names, then the title; the year comes late.
        let mla = [
            "Noble, Safiya Umoja. Algorithms of Oppression. NYU Press, 2018.",
            "Benjamin, Ruha. Race after Technology. Polity, 2019.",
            "Eubanks, Virginia. Automating Inequality. St. Martin's, 2018.",
            "O'Neil, Cathy. Weapons of Math Destruction. Crown, 2016.",
            "Pasquale, Frank. The Black Box Society. Harvard UP, 2015.",
        ];
        let l = lines(&mla);
        let mut tags = [FIRST, CONT, FIRST, FIRST, FIRST];
        follow_author_year(&l, &mut tags);
        assert_eq!(tags, [FIRST, CONT, FIRST, FIRST, FIRST]);
    }
}
