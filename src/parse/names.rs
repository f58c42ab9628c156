//! Lists of personal names at the head of a reference (or after "edited
//! by", "In"): "Family, Given", "Given Family", "F. M. Family", Vancouver
//! "Family FM", all-caps names, particles, joiners in several languages and
//! "et al.".
//!
//! The list is read person by person. The form of the first person (given
//! first, family first with a comma, or Vancouver) is kept for the rest of
//! the list, which is what separates "T. Torii, K.I. Maeda, Stability of …"
//! (two people, then a title) from "Hinton, G. E., & Nowlan, S. J." (two
//! people written family first).

use crate::model::Person;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Comma,
    Semi,
    Colon,
    Amp,
    Open,
    Close,
    Quote,
    Star,
    Other,
}

#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    /// The word without a trailing period.
    core: &'a str,
    start: usize,
    end: usize,
    kind: Kind,
    /// The word ended in a period (attached, or detached by PDF damage).
    period: bool,
}

const MAX_TOKENS: usize = 160;

fn lex(s: &str) -> Vec<Tok<'_>> {
    let mut out: Vec<Tok<'_>> = Vec::with_capacity(32);
    let b = s.as_bytes();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if out.len() >= MAX_TOKENS {
            break;
        }
        if c.is_whitespace() {
            continue;
        }
        let single = match c {
            ',' => Some(Kind::Comma),
            ';' => Some(Kind::Semi),
            ':' => Some(Kind::Colon),
            '&' => Some(Kind::Amp),
            '(' | '[' => Some(Kind::Open),
            ')' | ']' => Some(Kind::Close),
            '"' | '“' | '”' | '«' | '»' | '„' => Some(Kind::Quote),
            '*' | '_' => Some(Kind::Star),
            '\'' | '‘' | '’' => {
                let at_start = i == 0 || s[..i].ends_with(char::is_whitespace);
                if at_start || c == '‘' {
                    Some(Kind::Quote)
                } else {
                    Some(Kind::Other)
                }
            }
            '.' => {
                if let Some(last) = out.last_mut() {
                    if last.kind == Kind::Word && !last.period {
                        last.period = true;
                        last.end = i + 1;
                        continue;
                    }
                }
                Some(Kind::Other)
            }
            _ => None,
        };
        if let Some(kind) = single {
            out.push(Tok {
                core: &s[i..i + c.len_utf8()],
                start: i,
                end: i + c.len_utf8(),
                kind,
                period: false,
            });
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = it.peek() {
            if d.is_whitespace()
                || matches!(
                    d,
                    ',' | ';'
                        | ':'
                        | '&'
                        | '('
                        | ')'
                        | '['
                        | ']'
                        | '"'
                        | '“'
                        | '”'
                        | '*'
                        | '«'
                        | '»'
                )
            {
                break;
            }
            if d == '’' || d == '\'' {
                // An apostrophe inside a word stays; one at the end is a quote.
                let next = s[j + d.len_utf8()..].chars().next();
                if !next.is_some_and(char::is_alphabetic) {
                    break;
                }
            }
            end = j + d.len_utf8();
            it.next();
        }
        let text = &s[i..end];
        // "J.P.Schiffer": initials glued to the family name.
        if let Some(k) = glued_initials(text) {
            out.push(Tok {
                core: &s[i..i + k - 1],
                start: i,
                end: i + k,
                kind: Kind::Word,
                period: true,
            });
            push_word(&mut out, s, i + k, end);
        } else {
            push_word(&mut out, s, i, end);
        }
    }
    let _ = b;
    out
}

fn push_word<'a>(out: &mut Vec<Tok<'a>>, s: &'a str, start: usize, end: usize) {
    let text = &s[start..end];
    let core = text.trim_end_matches('.');
    let period = core.len() < text.len();
    out.push(Tok {
        core: if core.is_empty() { text } else { core },
        start,
        end,
        kind: Kind::Word,
        period,
    });
}

/// Length of the initials in "J.P.Schiffer" (up to and including the last
/// period) when a capitalised word follows them directly.
fn glued_initials(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut k = 0;
    let mut last = None;
    while k + 1 < b.len() && b[k].is_ascii_uppercase() && b[k + 1] == b'.' {
        k += 2;
        last = Some(k);
        if k < b.len() && b[k] == b'-' {
            k += 1;
        }
    }
    let last = last?;
    let rest = &text[last..];
    let mut cs = rest.chars();
    let first = cs.next()?;
    let second = cs.next()?;
    (first.is_uppercase() && second.is_lowercase()).then_some(last)
}

const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "del", "della", "di", "da", "du", "la", "le", "ten", "ter",
    "dos", "das", "do", "zu", "al", "el", "bin", "ibn", "d'", "van't", "vander", "vanden", "des",
    "degli", "dalla", "st.", "mac",
];

fn is_particle(t: &Tok<'_>) -> bool {
    t.kind == Kind::Word
        && t.core.chars().next().is_some_and(char::is_lowercase)
        && PARTICLES.contains(&t.core)
}

/// Dotted initials ("J.", "J.P.", "J.-P.", "Ch.") or a single capital.
fn is_initials(t: &Tok<'_>) -> bool {
    if t.kind != Kind::Word {
        return false;
    }
    let c = t.core;
    let mut upper = 0;
    let mut prev_upper = false;
    for ch in c.chars() {
        if ch.is_uppercase() {
            upper += 1;
            prev_upper = true;
        } else if ch.is_lowercase() {
            // "Ch." "Th." "Yu.": one lower-case letter after a capital, then a period.
            if !prev_upper || !t.period {
                return false;
            }
            prev_upper = false;
        } else if ch == '.' || ch == '-' {
            prev_upper = false;
        } else {
            return false;
        }
    }
    if upper == 0 || upper > 4 {
        return false;
    }
    // "MP." and "LEHN." are Vancouver initials or names, not dotted initials.
    if !c.contains(['.', '-']) && upper > 1 {
        return false;
    }
    let lowers = c.chars().filter(|c| c.is_lowercase()).count();
    if lowers > 0 && c.chars().count() > 3 && !c.contains('.') {
        return false;
    }
    t.period || c.contains('.') || c.chars().count() == 1
}

/// Vancouver initials without periods: "MA", "J", "S-D".
fn is_uinit(t: &Tok<'_>) -> bool {
    if t.kind != Kind::Word || t.core.contains('.') {
        return false;
    }
    let letters = t.core.chars().filter(|c| *c != '-').count();
    (1..=3).contains(&letters)
        && t.core.chars().all(|c| c.is_uppercase() || c == '-')
        && t.core.chars().next().is_some_and(char::is_uppercase)
}

/// "A, Geruo, …" or "A, G., Wahr, J.": a list that opens with a family
/// name of one capital (no full stop, so no initial), its comma, then a
/// given name or initials and another comma.
fn one_letter_family(toks: &[Tok<'_>]) -> bool {
    let [first, comma, given, after, ..] = toks else {
        return false;
    };
    first.kind == Kind::Word
        && !first.period
        && first.core.chars().count() == 1
        && first.core.starts_with(char::is_uppercase)
        && comma.kind == Kind::Comma
        && (is_name_word(given) || is_initials(given))
        && matches!(after.kind, Kind::Comma)
}

fn is_name_word(t: &Tok<'_>) -> bool {
    if t.kind != Kind::Word {
        return false;
    }
    let c = t.core;
    let mut chars = c.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() {
        // "d'Alembert", "van" handled as particles; "McDonald" starts upper.
        return false;
    }
    let n = c.chars().count();
    if c.contains('.') && is_initials(t) {
        return false;
    }
    n >= 2
        && c.chars()
            .all(|ch| ch.is_alphabetic() || matches!(ch, '-' | '\'' | '’' | '.'))
        && !c.ends_with('-')
        // "Ann." abbreviates annals; "Ann" is a given name ("Rowe, Ann
        // Pollard").
        && !(is_stop_word(c) && (c != "Ann" || t.period))
}

/// Capitalised words that start titles and containers, never names.
fn is_stop_word(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "In"
            | "On"
            | "Of"
            | "For"
            | "And"
            | "To"
            | "With"
            | "From"
            | "Proceedings"
            | "Proc"
            | "Journal"
            | "Conference"
            | "Report"
            | "Available"
            | "University"
            | "Press"
            | "Institute"
            | "Department"
            | "Retrieved"
            | "Accessed"
            | "Vol"
            | "Pp"
            | "No"
            | "Der"
            | "Die"
            | "Das"
            | "Le"
            | "Les"
            | "La"
            | "El"
            | "Los"
            | "Introduction"
            | "Review"
            | "Handbook"
            | "Phys"
            | "Rev"
            | "Lett"
            | "Nucl"
            | "Astrophys"
            | "Chem"
            | "Soc"
            | "Am"
            | "Acta"
            | "Ann"
            | "Nature"
            | "Science"
            | "Using"
            | "Towards"
            | "Toward"
            | "On the"
            | "Is"
            | "What"
            | "How"
            | "Why"
    )
}

fn is_joiner(t: &Tok<'_>) -> bool {
    t.kind == Kind::Amp
        || (t.kind == Kind::Word
            && !t.period
            && matches!(
                t.core,
                "and" | "und" | "et" | "y" | "e" | "AND" | "ET" | "with"
            ))
}

/// "et al.", "et al", "and others", "u.a.", "et coll.".
fn et_al_at(toks: &[Tok<'_>], i: usize) -> Option<usize> {
    let t = toks.get(i)?;
    if t.kind != Kind::Word {
        return None;
    }
    let w = t.core.to_lowercase();
    let next = toks.get(i + 1).map(|n| n.core.to_lowercase());
    match (w.as_str(), next.as_deref()) {
        ("et" | "and", Some("al" | "others" | "coll" | "alii")) => Some(i + 2),
        ("etal" | "u.a" | "al", _) => Some(i + 1),
        ("et", _) if t.period && next.as_deref() == Some("al") => Some(i + 2),
        _ => None,
    }
}

fn is_boundary(toks: &[Tok<'_>], j: usize) -> bool {
    match toks.get(j) {
        None => true,
        Some(t) => {
            matches!(
                t.kind,
                Kind::Comma | Kind::Semi | Kind::Colon | Kind::Open | Kind::Quote | Kind::Star
            ) || is_joiner(t)
                || et_al_at(toks, j).is_some()
                || (t.kind == Kind::Word && t.core.starts_with(|c: char| c.is_ascii_digit()))
        }
    }
}

/// The shape in which a list writes its names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// "F. M. Family", "Given Family".
    GivenFirst,
    /// "Family, Given" / "Family, F. M.".
    FamilyComma,
    /// "Family FM" (Vancouver) or "Family F.".
    FamilyInitials,
}

/// A parsed list of names.
#[derive(Debug, Clone, Default)]
pub struct NameList {
    /// The people, in order.
    pub people: Vec<Person>,
    /// The list ended in "et al." or an equivalent.
    pub et_al: bool,
    /// Byte offset just after the list (after "et al." and an editor mark).
    pub end: usize,
    /// The list was marked as editors ("(Ed.)", "eds.", "(Hrsg.)").
    pub editors: bool,
    /// The form of the first name, if any name was read.
    pub form: Option<Form>,
    /// The last name ended in a period that closes the list.
    pub closed: bool,
}

struct One {
    person: Person,
    next: usize,
    /// The person ended with a period on a full word: the list is over.
    terminal: bool,
}

fn clean_family(w: &str) -> String {
    w.trim_end_matches('.').to_owned()
}

fn join(s: &str, toks: &[Tok<'_>]) -> String {
    match (toks.first(), toks.last()) {
        (Some(a), Some(b)) => s[a.start..b.end].to_owned(),
        _ => String::new(),
    }
}

fn split_particles<'a>(toks: &'a [Tok<'a>]) -> (&'a [Tok<'a>], &'a [Tok<'a>]) {
    let n = toks.iter().take_while(|t| is_particle(t)).count();
    toks.split_at(n)
}

fn person_given_first(s: &str, toks: &[Tok<'_>], i: usize, need_initials: bool) -> Option<One> {
    let mut j = i;
    let mut terminal = false;
    while j < toks.len() && j - i < 6 {
        let t = &toks[j];
        let cap_particle = j > i
            && PARTICLES.contains(&t.core.to_lowercase().as_str())
            && toks.get(j + 1).is_some_and(is_name_word);
        if is_initials(t) || is_particle(t) || is_name_word(t) || cap_particle {
            j += 1;
            let word_like = t.core.chars().filter(|c| c.is_lowercase()).count() >= 1
                && t.core.chars().count() >= 2
                && j - 1 > i;
            if t.period && (!is_initials(t) || word_like) && is_name_word(t) && !is_suffix(t.core) {
                terminal = true;
                break;
            }
            // "Henry Louis Gates Jr. Figures in Black": the suffix's full
            // stop ends the name.
            if t.period && is_suffix(t.core) && j - i >= 3 {
                terminal = true;
                break;
            }
        } else {
            break;
        }
    }
    // "Kawai, M. Sakagami, J. Soda Perturbative analysis of …": in a list of
    // initials-first names, initials and one word end the list when the
    // title follows with no punctuation.
    if !terminal && need_initials && !is_boundary(toks, j) {
        let k = toks[i..j].iter().take_while(|t| is_initials(t)).count();
        let fam = i + k;
        // A title has plain lower-case words soon; "J. High Energy Phys."
        // (a journal) does not.
        let title_follows = toks[fam + 1..]
            .iter()
            .take(4)
            .any(|t| t.kind == Kind::Word && t.core.starts_with(char::is_lowercase));
        if k >= 1
            && fam + 1 < j
            && is_name_word(&toks[fam])
            && !toks[fam].period
            && toks[fam + 1].core.starts_with(char::is_uppercase)
            && title_follows
        {
            j = fam + 1;
            terminal = true;
        }
    }
    // "E. Waxman and J. Bahcall Phys. Rev. D59": the journal's first word
    // ends the list, it is not a family name.
    if j >= i + 3
        && toks[j - 1].period
        && super::lexicon::is_journal_word(toks[j - 1].core)
        && is_name_word(&toks[j - 2])
        && !toks[j - 2].period
        && is_initials(&toks[i])
    {
        j -= 1;
        terminal = true;
    }
    if !terminal
        && j >= i + 2
        && is_initials(&toks[i])
        && toks
            .get(j)
            .is_some_and(|t| t.period && super::lexicon::is_journal_word(t.core))
    {
        terminal = true;
    }
    let mut span = &toks[i..j];
    // "Robert DeMaria Jr.": a suffix after the family name.
    let mut suffix = None;
    if let [.., fam, suf] = span {
        if span.len() >= 3 && is_suffix(suf.core) && is_name_word(fam) && !fam.period {
            suffix = Some(suffix_text(suf));
            span = &span[..span.len() - 1];
        }
    }
    if span.len() < 2 {
        return None;
    }
    let last = span.last()?;
    if last.period && super::lexicon::is_journal_word(last.core) {
        return None;
    }
    let caps_initials = is_initials(last)
        && last.core.chars().count() > 1
        && last.core.chars().all(char::is_uppercase);
    if !(is_name_word(last) || caps_initials) {
        return None;
    }
    if !terminal && !is_boundary(toks, j) {
        return None;
    }
    // Given names, then particles, then the family name.
    let fam_idx = span.len() - 1;
    let mut p = fam_idx;
    while p > 0
        && (is_particle(&span[p - 1])
            || (p > 1 && PARTICLES.contains(&span[p - 1].core.to_lowercase().as_str())))
    {
        p -= 1;
    }
    let given = &span[..p];
    if given.is_empty() {
        return None;
    }
    let initials = given.iter().filter(|t| is_initials(t)).count();
    if need_initials && initials == 0 {
        return None;
    }
    // "…, F. Boschetti, A Complete Formular Analysis": the article starts
    // the title.
    if matches!(given, [g] if g.core == "A" && !g.period) && i > 0 {
        return None;
    }
    if initials == 0 && given.len() > 3 {
        return None;
    }
    if given
        .iter()
        .any(|t| is_particle(t) || !(is_initials(t) || is_name_word(t)))
    {
        return None;
    }
    let particles = &span[p..fam_idx];
    let mut person = Person::new(clean_family(last.core), None);
    person.given = Some(join(s, given));
    person.suffix = suffix;
    if !particles.is_empty() {
        person.particle = Some(join(s, particles));
    }
    Some(One {
        person,
        next: j,
        terminal,
    })
}

/// A suffix as written, with its full stop ("Jr.").
fn suffix_text(t: &Tok<'_>) -> String {
    t.core.to_owned() + if t.period { "." } else { "" }
}

fn is_suffix(w: &str) -> bool {
    matches!(w, "Jr" | "Sr" | "II" | "III" | "IV" | "jr")
}

fn person_family_comma(s: &str, toks: &[Tok<'_>], i: usize) -> Option<One> {
    let mut j = i;
    let cap_particle =
        |t: &Tok<'_>| t.kind == Kind::Word && PARTICLES.contains(&t.core.to_lowercase().as_str());
    // "Díaz y Díaz, M. C.": a Spanish double surname joined by "y",
    // between two name words and before the comma of the inverted name.
    let surname_joiner = |j: usize| {
        toks[j].kind == Kind::Word
            && toks[j].core == "y"
            && !toks[j].period
            && j > i
            && is_name_word(&toks[j - 1])
            && toks.get(j + 1).is_some_and(is_name_word)
            && toks.get(j + 2).is_some_and(|t| t.kind == Kind::Comma)
    };
    while j < toks.len()
        && j - i < 4
        && (is_particle(&toks[j])
            || is_name_word(&toks[j])
            || surname_joiner(j)
            || (cap_particle(&toks[j]) && j + 1 < toks.len() && toks[j + 1].kind == Kind::Word))
    {
        if toks[j].period && !is_particle(&toks[j]) {
            return None;
        }
        j += 1;
    }
    // "A, Geruo, John Wahr, …", "A, G., Wahr, J.": a family name of one
    // capital, as the first name of the list only, written first and closed
    // by its comma, a given name or initials after it.
    let one_letter = i == 0 && one_letter_family(toks);
    if j == i && one_letter {
        j = 1;
    }
    let mut fam = &toks[i..j];
    // "Daumé III, H.": a suffix before the comma.
    let mut fam_suffix = None;
    if fam.len() > 1 && is_suffix(fam[fam.len() - 1].core) {
        fam_suffix = Some(fam[fam.len() - 1].core.to_owned());
        fam = &fam[..fam.len() - 1];
    }
    if fam.is_empty() || !(one_letter || fam.iter().any(is_name_word)) {
        return None;
    }
    let proper = fam
        .iter()
        .filter(|t| is_name_word(t) && !PARTICLES.contains(&t.core.to_lowercase().as_str()))
        .count();
    if proper > 2
        || fam
            .iter()
            .skip(1)
            .any(|t| is_uinit(t) && !is_suffix(t.core))
    {
        return None;
    }
    if toks.get(j)?.kind != Kind::Comma {
        return None;
    }
    let (parts, fam_words) = split_particles(fam);
    let mut person = Person::new(join(s, fam_words), None);
    if !parts.is_empty() {
        person.particle = Some(join(s, parts));
    }
    person.suffix = fam_suffix;
    // "Gartner, et al."
    if let Some(k) = et_al_at(toks, j + 1) {
        let _ = k;
        return Some(One {
            person,
            next: j,
            terminal: false,
        });
    }
    let g0 = j + 1;
    let mut k = g0;
    let mut terminal = false;
    while k < toks.len() && k - g0 < 4 {
        let t = &toks[k];
        let after_initial = k > g0 && is_initials(&toks[k - 1]) && toks[k - 1].period;
        // "Leon, Nathalie P. de, Kohei M. Itoh": the particle after the
        // initials is the family name's, as Chicago places it.
        let trailing_particle = || {
            let m = toks[k..].iter().take_while(|t| is_particle(t)).count();
            m > 0 && is_boundary(toks, k + m)
        };
        if after_initial && !is_initials(t) && !trailing_particle() {
            break;
        }
        // "Svobodova, L. A reliable …": "A" starts the title.
        if k > g0
            && !t.period
            && t.core.chars().count() == 1
            && toks
                .get(k + 1)
                .is_some_and(|n| n.core.starts_with(char::is_lowercase))
        {
            break;
        }
        if is_initials(t) || is_name_word(t) || is_particle(t) || is_uinit(t) {
            k += 1;
            if t.period && !is_initials(t) {
                terminal = true;
                break;
            }
        } else {
            break;
        }
    }
    if k == g0 {
        return None;
    }
    // Trailing particles belong to the family name ("Dijck, José van").
    let mut gk = k;
    while gk > g0 + 1 && is_particle(&toks[gk - 1]) {
        gk -= 1;
    }
    // "Woude, Ad van der. 1991.": the full stop ends the name, not the
    // particle.
    if gk < k && person.particle.is_none() {
        person.particle = Some(join(s, &toks[gk..k]).trim_end_matches('.').to_owned());
    }
    let given = &toks[g0..gk];
    let words = given.iter().filter(|t| !is_initials(t)).count();
    // Two proper names before the comma and a whole word after it read as
    // a person written given name first ("Ruha Benjamin, Race …"), unless
    // a particle joins them into one family name ("Vázquez de Parga,
    // Luis").
    let joined_family = fam.iter().skip(1).any(is_particle);
    if words > 3 || (proper > 1 && words == given.len() && !joined_family) {
        return None;
    }
    if !terminal && !is_boundary(toks, k) {
        // "Smith, J. Title words …": initials with a period end the list.
        if !given.last().is_some_and(|t| t.period && is_initials(t)) {
            return None;
        }
        terminal = true;
    }
    let mut g = join(s, given);
    if given.last().is_some_and(|t| t.period && !is_initials(t)) {
        g.pop();
    }
    person.given = Some(g);
    // "Family, Given, Jr."
    let mut next = k;
    if !terminal
        && toks.get(k).map(|t| t.kind) == Some(Kind::Comma)
        && toks.get(k + 1).is_some_and(|t| is_suffix(t.core))
    {
        person.suffix = Some(suffix_text(&toks[k + 1]));
        next = k + 2;
    }
    Some(One {
        person,
        next,
        terminal,
    })
}

fn person_family_initials(s: &str, toks: &[Tok<'_>], i: usize) -> Option<One> {
    let mut j = i;
    while j < toks.len() && j - i < 4 {
        let t = &toks[j];
        let fam_ok = is_particle(t) || (is_name_word(t) && !t.period);
        // Stop at the first initials token once a family word is read.
        if j > i && (is_uinit(t) || is_initials(t)) && toks[i..j].iter().any(is_name_word) {
            break;
        }
        if !fam_ok {
            return None;
        }
        j += 1;
    }
    let fam = &toks[i..j];
    if fam.is_empty() || !fam.iter().any(is_name_word) {
        return None;
    }
    let init = toks.get(j)?;
    if !(is_uinit(init) || is_initials(init)) {
        return None;
    }
    let mut k = j + 1;
    // "Smith J. R." (two dotted initials), "Pearce P A", "Wiklind T ."
    while k < j + 3
        && toks.get(k).is_some_and(|t| {
            t.core.chars().count() == 1
                && ((init.period && is_initials(t) && t.period) || (!init.period && is_uinit(t)))
        })
        && toks[k - 1].core.chars().count() == 1
    {
        k += 1;
    }
    let mut suffix = None;
    if toks
        .get(k)
        .is_some_and(|t| t.kind == Kind::Word && is_suffix(t.core))
    {
        suffix = Some(toks[k].core.to_owned());
        k += 1;
    }
    let last = &toks[k - 1];
    let terminal = if is_boundary(toks, k) {
        false
    } else if last.period {
        true
    } else {
        return None;
    };
    let (parts, fam_words) = split_particles(fam);
    let mut person = Person::new(join(s, fam_words), None);
    if !parts.is_empty() {
        person.particle = Some(join(s, parts));
    }
    let given_end = if suffix.is_some() { k - 1 } else { k };
    person.given = Some(join(s, &toks[j..given_end]));
    person.suffix = suffix;
    Some(One {
        person,
        next: k,
        terminal,
    })
}

fn parse_one(s: &str, toks: &[Tok<'_>], i: usize, form: Form, need_initials: bool) -> Option<One> {
    match form {
        Form::GivenFirst => person_given_first(s, toks, i, need_initials),
        Form::FamilyComma => {
            person_family_comma(s, toks, i).or_else(|| person_given_first(s, toks, i, false))
        }
        Form::FamilyInitials => person_family_initials(s, toks, i),
    }
}

fn first_person(s: &str, toks: &[Tok<'_>]) -> Option<(One, Form)> {
    let t0 = toks.first()?;
    if is_initials(t0) && !(is_uinit(t0) && toks.get(1).is_some_and(|t| t.kind == Kind::Comma)) {
        return person_given_first(s, toks, 0, false).map(|o| (o, Form::GivenFirst));
    }
    if let Some(o) = person_family_comma(s, toks, 0) {
        return Some((o, Form::FamilyComma));
    }
    // "McElroy et al."
    if is_name_word(t0) && !t0.period && et_al_at(toks, 1).is_some() {
        let one = One {
            person: Person::new(t0.core, None),
            next: 1,
            terminal: false,
        };
        return Some((one, Form::FamilyComma));
    }
    // Vancouver with undotted initials comes before given-first, so
    // "Anzano MA" is not read as given "Anzano", family "MA".
    // Only the tokens of the first name count: in "George W. Cherry. S-R
    // Machines" the title's "S-R" is not a Vancouver initial.
    let undotted = toks
        .iter()
        .take(4)
        .take_while(|t| !(t.period && t.core.chars().any(char::is_lowercase)))
        .any(|t| is_uinit(t) && (!t.period || t.core.chars().count() >= 2));
    if undotted {
        if let Some(o) = person_family_initials(s, toks, 0) {
            return Some((o, Form::FamilyInitials));
        }
    }
    if let Some(o) = person_given_first(s, toks, 0, false) {
        return Some((o, Form::GivenFirst));
    }
    person_family_initials(s, toks, 0).map(|o| (o, Form::FamilyInitials))
}

/// A Vancouver list broken by a name the grammar does not know ("Macek M
/// Jr", mangled accents): when every comma-separated chunk up to the next
/// period is short and capitalised, the chunks are names.
fn rescue_vancouver(s: &str, toks: &[Tok<'_>], from: usize) -> Option<(Vec<Person>, usize)> {
    if toks.get(from)?.kind != Kind::Comma {
        return None;
    }
    let mut people = Vec::new();
    let mut chunk_start = from + 1;
    let mut k = from + 1;
    while k < toks.len() && k < from + 120 {
        let t = &toks[k];
        let ends = t.kind == Kind::Comma
            || (t.kind == Kind::Word && t.period && !is_initials(t) || t.period && is_uinit(t));
        if t.kind != Kind::Word && t.kind != Kind::Comma && t.kind != Kind::Other {
            return None;
        }
        if ends {
            let last = if t.kind == Kind::Comma { k } else { k + 1 };
            let chunk = &toks[chunk_start..last];
            let chunk: Vec<Tok<'_>> = chunk.iter().copied().filter(|t| !is_joiner(t)).collect();
            if chunk.is_empty()
                || chunk.len() > 4
                || !chunk[0].core.starts_with(char::is_uppercase)
                || chunk
                    .iter()
                    .any(|t| super::lexicon::is_journal_word(t.core))
                || (t.kind != Kind::Comma && chunk.len() < 2)
            {
                return None;
            }
            let (fam, given) = match chunk.iter().rposition(|t| is_uinit(t) || is_initials(t)) {
                Some(g) if g > 0 => (&chunk[..g], Some(&chunk[g..])),
                _ => (&chunk[..], None),
            };
            let mut p = Person::new(clean_family(&join(s, fam)), None);
            p.given = given.map(|g| join(s, g));
            people.push(p);
            if t.kind != Kind::Comma {
                return Some((people, k + 1));
            }
            chunk_start = k + 1;
        }
        k += 1;
    }
    None
}

/// Capitalised words up to one that ends in a period: "PRISMA Group.".
fn group_author(toks: &[Tok<'_>], i: usize) -> Option<usize> {
    for (k, t) in toks.iter().enumerate().skip(i).take(5) {
        if t.kind != Kind::Word || !t.core.starts_with(char::is_uppercase) {
            return None;
        }
        if t.period {
            return Some(k + 1);
        }
    }
    None
}

fn editor_mark(toks: &[Tok<'_>], i: usize) -> Option<usize> {
    let is_ed = |t: &Tok<'_>| {
        t.kind == Kind::Word
            && matches!(
                t.core.to_lowercase().as_str(),
                "ed" | "eds"
                    | "editor"
                    | "editors"
                    | "hrsg"
                    | "hg"
                    | "éd"
                    | "éds"
                    | "dir"
                    | "coord"
                    | "comp"
                    | "(ed"
                    | "(eds"
            )
    };
    let t = toks.get(i)?;
    if t.kind == Kind::Open
        && toks.get(i + 1).is_some_and(is_ed)
        && toks.get(i + 2).is_some_and(|c| c.kind == Kind::Close)
    {
        return Some(i + 3);
    }
    if t.kind == Kind::Comma && toks.get(i + 1).is_some_and(is_ed) {
        return Some(i + 2);
    }
    if is_ed(t) && t.period {
        return Some(i + 1);
    }
    None
}

/// "Borucki, William J., David Koch, et al.": MLA writes the names after
/// the first given name first, and a later name with no given name after
/// a comma ("David Koch" before "et al.") is a given name and a family,
/// not a family of two words. A capitalised particle ("Van Bree", "De la
/// Cruz") still opens a family.
fn given_first_later(p: &mut Person) {
    if p.given.is_some() || p.literal || p.particle.is_some() {
        return;
    }
    let words: Vec<&str> = p.family.split_whitespace().collect();
    let capital_particle = |w: &str| {
        matches!(
            w,
            "Van"
                | "Von"
                | "De"
                | "Del"
                | "Della"
                | "Di"
                | "Da"
                | "Du"
                | "Le"
                | "La"
                | "Ten"
                | "Ter"
                | "Mac"
                | "St."
        )
    };
    let named = (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                && w.chars()
                    .skip(1)
                    .all(|c| c.is_lowercase() || c == '-' || c == '’' || c == '\'')
        })
        && !capital_particle(words[0]);
    if named {
        let (given, family) = words.split_at(words.len() - 1);
        p.given = Some(given.join(" "));
        p.family = family[0].to_owned();
    }
}

/// A group that heads a list of its members ("Astropy Collaboration,
/// Price-Whelan, A. M., Sipőcz, B. M., …", "JWST Transiting Exoplanet
/// Community Early Release Science Team, Eva-Maria Ahrer, Lili Alderson,
/// et al."): capitalised words that end as only organisations end, then
/// a comma and several people or "et al.". One person alone after such a
/// name is as often a place ("World Bank, Washington, DC").
fn group_then_people(s: &str, toks: &[Tok<'_>]) -> Option<NameList> {
    let comma = toks.iter().take(14).position(|t| t.kind == Kind::Comma)?;
    let words = &toks[..comma];
    let capitalised = |t: &Tok<'_>| {
        t.kind == Kind::Word
            && !t.period
            && (t.core.starts_with(char::is_uppercase)
                || matches!(t.core, "of" | "for" | "and" | "on" | "the"))
    };
    if words.len() < 2 || !words.iter().all(capitalised) {
        return None;
    }
    let group = &s[..words[comma - 1].end];
    if !super::lexicon::organisation_name(group) {
        return None;
    }
    let after = toks[comma].end;
    let mut list = if let Some(k) = et_al_at(toks, comma + 1) {
        NameList {
            et_al: true,
            end: toks[k - 1].end,
            form: Some(Form::FamilyComma),
            ..NameList::default()
        }
    } else {
        // Not `name_list`: one group, then people (no recursion however
        // many "… Team," a hostile line repeats).
        let rest = &s[after..];
        let rest = people_list(rest, &lex(rest));
        if rest.people.len() < 2 && !rest.et_al {
            return None;
        }
        NameList {
            end: after + rest.end,
            ..rest
        }
    };
    list.people.insert(0, Person::literal(group.to_owned()));
    Some(list)
}

/// Reads a list of names at the start of `s`. Returns an empty list (with
/// `end` 0) when `s` does not start with a name.
pub fn name_list(s: &str) -> NameList {
    let toks = lex(s);
    group_then_people(s, &toks).unwrap_or_else(|| people_list(s, &toks))
}

/// [`name_list`] without a group before the people.
fn people_list(s: &str, toks: &[Tok<'_>]) -> NameList {
    let mut list = NameList::default();
    let Some((first, form)) = first_person(s, toks) else {
        return list;
    };
    let need_initials = form == Form::GivenFirst
        && first.person.given.as_deref().is_some_and(|g| {
            g.chars().filter(|c| c.is_alphabetic()).count() <= 3
                && g.chars().any(|c| c == '.' || c.is_uppercase())
                && g.chars().all(|c| !c.is_lowercase() || c == 'h')
        });
    list.form = Some(form);
    let mut end_tok = first.next;
    let mut terminal = first.terminal;
    list.people.push(first.person);
    while !terminal && list.people.len() < 200 {
        let mut j = end_tok;
        if let Some(k) = et_al_at(toks, j) {
            list.et_al = true;
            end_tok = k;
            break;
        }
        let mut had_sep = false;
        if toks
            .get(j)
            .is_some_and(|t| matches!(t.kind, Kind::Comma | Kind::Semi))
        {
            j += 1;
            had_sep = true;
        }
        if let Some(k) = et_al_at(toks, j) {
            list.et_al = true;
            end_tok = k;
            break;
        }
        if toks.get(j).is_some_and(is_joiner) {
            j += 1;
            had_sep = true;
        }
        if !had_sep {
            break;
        }
        match parse_one(s, toks, j, form, need_initials) {
            Some(mut one) => {
                end_tok = one.next;
                terminal = one.terminal;
                if form == Form::FamilyComma {
                    given_first_later(&mut one.person);
                }
                list.people.push(one.person);
            }
            None => {
                // "Altman DG; PRISMA Group." – a group author ends the list.
                let after_semi = toks.get(end_tok).is_some_and(|t| t.kind == Kind::Semi);
                if let Some(k) = group_author(toks, j).filter(|_| after_semi) {
                    list.people
                        .push(Person::literal(clean_family(&join(s, &toks[j..k]))));
                    end_tok = k;
                    terminal = true;
                }
                break;
            }
        }
    }
    if !terminal && form == Form::FamilyInitials {
        if let Some((extra, k)) = rescue_vancouver(s, toks, end_tok) {
            list.people.extend(extra);
            end_tok = k;
            terminal = true;
        }
    }
    if let Some(k) = editor_mark(toks, end_tok) {
        list.editors = true;
        end_tok = k;
    }
    list.closed = terminal;
    list.end = if end_tok == 0 {
        0
    } else {
        toks[end_tok - 1].end
    };
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fam(l: &NameList) -> Vec<String> {
        l.people.iter().map(|p| p.full_family()).collect()
    }

    #[test]
    fn initials_first_lists_stop_at_the_title() {
        let s = "T. Torii, K.I. Maeda, Stability of a dilatonic black hole, Phys. Rev.";
        let l = name_list(s);
        assert_eq!(fam(&l), ["Torii", "Maeda"]);
        assert_eq!(&s[l.end..l.end + 2], ", ");
    }

    #[test]
    fn a_later_name_without_initials_is_given_first() {
        let l = name_list("Borucki, William J., David Koch, et al. “Kepler.” Science, 2010.");
        assert_eq!(fam(&l), ["Borucki", "Koch"]);
        assert_eq!(l.people[1].given.as_deref(), Some("David"));
        assert!(l.et_al);
        // A family opened by a capitalised particle stays whole.
        let l = name_list("Van der Wal, M., & Van Bree, C. (2008). Geschiedenis.");
        assert_eq!(fam(&l), ["Van der Wal", "Van Bree"]);
    }

    #[test]
    fn a_suffix_after_a_given_first_name() {
        let l = name_list("Kolb, Gwin J., and Robert DeMaria Jr. “Johnson’s Dictionary.” 1998.");
        assert_eq!(fam(&l), ["Kolb", "DeMaria"]);
        assert_eq!(l.people[1].suffix.as_deref(), Some("Jr."));
        // The suffix's full stop ends the name before a title.
        let l = name_list("Smith, John, and Henry Louis Gates Jr. Figures in Black. 1987.");
        assert_eq!(fam(&l), ["Smith", "Gates"]);
        assert_eq!(l.people[1].given.as_deref(), Some("Henry Louis"));
    }

    #[test]
    fn a_group_heads_the_list_of_its_members() {
        let l = name_list(
            "JWST Transiting Exoplanet Community Early Release Science Team, Ahrer, E.-M., \
             Alderson, L., & Carter, A. L. (2023). Identification",
        );
        assert_eq!(
            fam(&l),
            [
                "JWST Transiting Exoplanet Community Early Release Science Team",
                "Ahrer",
                "Alderson",
                "Carter"
            ]
        );
        assert!(l.people[0].literal);
        let l = name_list("Dask Development Team, Eva Ahrer, Lili Alderson, et al. 2023. Title.");
        assert_eq!(fam(&l), ["Dask Development Team", "Ahrer", "Alderson"]);
        assert!(l.et_al);
        let l = name_list("Dask Development Team, et al. “Title.” Nature, 2023.");
        assert_eq!(fam(&l), ["Dask Development Team"]);
        assert!(l.et_al);
        // A hostile run of groups is read without recursion.
        let hostile = "Alpha Team, ".repeat(50_000) + "Smith, J., Jones, K. (2020). T.";
        assert!(name_list(&hostile).people.len() <= 200);
        // One name after it is as often a place.
        assert_ne!(
            fam(&name_list("World Bank, Washington, D. C. 2019. Title."))[0],
            "World Bank"
        );
    }

    #[test]
    fn a_family_name_of_one_letter_opens_the_list() {
        let l = name_list("A, G., Wahr, J., & Zhong, S. (2013). Computations of");
        assert_eq!(fam(&l), ["A", "Wahr", "Zhong"]);
        let l = name_list("A, Geruo, John Wahr, and Shijie Zhong. 2013. “Computations");
        assert_eq!(fam(&l)[0], "A");
        // An initial is no family name.
        assert_ne!(fam(&name_list("A. Smith, B. Jones. 2013. Title."))[0], "A");
    }

    #[test]
    fn family_comma_lists() {
        let s = "Hinton, G. E., & Nowlan, S. J. (1987). How learning";
        let l = name_list(s);
        assert_eq!(fam(&l), ["Hinton", "Nowlan"]);
        assert_eq!(l.people[0].given.as_deref(), Some("G. E."));
        assert!(s[l.end..].starts_with(" (1987)"));
        let l = name_list("Barbrook, Richard and Andy Cameron. “The Californian Ideology.”");
        assert_eq!(fam(&l), ["Barbrook", "Cameron"]);
        let l =
            name_list("Dyer-Witheford, Nick, Kjösen, Atle Mikkola and James Steinhoff. *Inhuman");
        assert_eq!(fam(&l), ["Dyer-Witheford", "Kjösen", "Steinhoff"]);
        let l = name_list("van Dijck, José. *The Culture");
        assert_eq!(fam(&l), ["van Dijck"]);
        // A Spanish double surname joined by "y"; "y" between two
        // inverted names still joins them.
        let l = name_list("Díaz y Díaz, M. C. (1988). El Códice");
        assert_eq!(fam(&l), ["Díaz y Díaz"]);
        let l = name_list("García, J. y Pérez, M. (1990). Título");
        assert_eq!(fam(&l), ["García", "Pérez"]);
        let l = name_list("Vázquez de Parga, Luis, José María Lacarra, and Juan Uría Ríu. 1948.");
        assert_eq!(fam(&l)[..2], ["Vázquez de Parga", "Lacarra"]);
        assert_eq!(l.people.len(), 3);
    }

    #[test]
    fn vancouver_lists() {
        let s = "Messner Pellenc P, Rudnicki A, De Francesco MA, Sun S-D. Enalapril in";
        let l = name_list(s);
        assert_eq!(
            fam(&l),
            ["Messner Pellenc", "Rudnicki", "De Francesco", "Sun"]
        );
        assert!(s[l.end..].starts_with(" Enalapril"));
        let l = name_list("Brodersen R. Binding of bilirubin");
        assert_eq!(fam(&l), ["Brodersen"]);
    }

    #[test]
    fn all_caps_and_french_joiner() {
        let l = name_list("A. R. BATTERSBY, S. G. HARTLEY et M. D. TURNBULL. Tetrahedron Lett.");
        assert_eq!(fam(&l), ["BATTERSBY", "HARTLEY", "TURNBULL"]);
    }

    #[test]
    fn et_al_and_full_names() {
        let l = name_list("I. Solaiman et al., ‘Release Strategies’");
        assert_eq!(fam(&l), ["Solaiman"]);
        assert!(l.et_al);
        let l = name_list("Robert M. Metcalfe and David R. Boggs. Ethernet: Distributed");
        assert_eq!(fam(&l), ["Metcalfe", "Boggs"]);
    }
}
