//! The grammar every style shares: names, then an optional date, then the
//! title, then the tail. Style modules adjust its decisions; whatever the
//! style, identifiers, the year and pages are still found.

use super::{ids, lexicon, names, physics, tail, tokens};
use crate::model::{Date, Person, Reference, Style, WorkType};

/// A reference string prepared for the grammar: label and identifiers
/// taken out, italics marks removed and their spans remembered.
#[derive(Debug, Default)]
pub struct Prepared {
    /// The text the grammar reads.
    pub text: String,
    /// Byte spans of `text` that were in italics (`*…*`).
    pub italics: Vec<(usize, usize)>,
    /// What was taken out before.
    pub ids: ids::Identifiers,
}

/// Strips a list label ("[12]", "12.", "(3)", "- ").
pub fn strip_label(raw: &str) -> &str {
    let s = raw.trim();
    let s = s
        .strip_prefix("- ")
        .or_else(|| s.strip_prefix("• "))
        .or_else(|| s.strip_prefix("* "))
        .unwrap_or(s)
        .trim_start();
    if let Some(rest) = s.strip_prefix('[') {
        if let Some(k) = rest.find(']') {
            // "[12]", and "[5 ]" as PDF extraction spaces it.
            let label = rest[..k].trim();
            if k <= 12 && !label.contains(' ') {
                return rest[k + 1..].trim_start();
            }
        }
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &s[digits..];
        if let Some(r) = rest.strip_prefix('.') {
            if r.starts_with(|c: char| c.is_alphabetic()) && digits <= 2 {
                return r;
            }
        }
        for p in [". ", ") ", "] ", " "] {
            if let Some(r) = rest.strip_prefix(p) {
                // "12. Smith", not "1 alpha,25-…" nor "3D printing".
                if p == " " && !r.starts_with(|c: char| c.is_uppercase()) {
                    continue;
                }
                if p == " "
                    && r.split_whitespace()
                        .next()
                        .is_some_and(|w| w.chars().all(|c| c.is_lowercase()))
                {
                    continue;
                }
                if p == " "
                    && !r
                        .split_whitespace()
                        .next()
                        .is_some_and(|w| w.ends_with('.') || w.ends_with(','))
                {
                    continue;
                }
                return r.trim_start();
            }
        }
    }
    if let Some(rest) = s.strip_prefix('(') {
        if let Some(k) = rest.find(')') {
            if k <= 3 && rest[..k].bytes().all(|b| b.is_ascii_digit()) && k > 0 {
                return rest[k + 1..].trim_start();
            }
            // "(/) J. R. BUDGE", "(¿?) M. A. MICHEL": a mangled footnote mark.
            let after = rest[k + 1..].trim_start();
            let mark = &rest[..k];
            let initial_next = after.chars().next().is_some_and(char::is_uppercase)
                && after[after.chars().next().map_or(0, char::len_utf8)..].starts_with('.');
            if k > 0
                && mark.chars().count() <= 3
                && !mark.contains(' ')
                && !mark.chars().any(|c| c.is_ascii_digit())
                && initial_next
            {
                return after;
            }
        }
    }
    s
}

/// Prepares `raw` for the grammar.
pub fn prepare(raw: &str) -> Prepared {
    let body = strip_label(raw);
    let ids = ids::extract(body);
    let mut text = String::with_capacity(ids.rest.len());
    let mut italics = Vec::new();
    let mut open: Option<usize> = None;
    let mut last_space = true;
    let mut chars = ids.rest.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' => {
                match open.take() {
                    Some(a) => {
                        let t = text.trim_end().len();
                        if t > a {
                            italics.push((a, t));
                        }
                    }
                    None => open = Some(text.len()),
                }
                continue;
            }
            '\\' if chars.peek().is_some_and(|n| n.is_ascii_punctuation()) => continue,
            '`' | '\'' if chars.peek() == Some(&c) => {
                chars.next();
                text.push('"');
                last_space = false;
                continue;
            }
            // PDF damage "equations .Int .J" and "58 ,8": the mark belongs
            // to the word before.
            '.' | ',' | ';' | ':'
                if last_space
                    && chars.peek().is_some_and(|n| {
                        n.is_alphanumeric() && (c != '.' || !n.is_ascii_digit())
                    }) =>
            {
                if text.ends_with(' ') {
                    text.pop();
                }
                text.push(c);
                text.push(' ');
                last_space = true;
                continue;
            }
            c if c.is_whitespace() => {
                if !last_space {
                    text.push(' ');
                }
                last_space = true;
                continue;
            }
            _ => {}
        }
        last_space = false;
        text.push(c);
        // "J. Chem. Soc.3163": a period between a word and a number.
        if c == '.'
            && chars.peek().is_some_and(char::is_ascii_digit)
            && text[..text.len() - 1].ends_with(|p: char| p.is_alphabetic())
        {
            text.push(' ');
            last_space = true;
        }
    }
    let t = text.trim_end().len();
    text.truncate(t);
    Prepared { text, italics, ids }
}

fn italic_at(p: &Prepared, at: usize) -> Option<(usize, usize)> {
    p.italics.iter().copied().find(|(a, _)| *a == at)
}

/// Abbreviations that end in a period without ending a sentence.
fn is_abbreviation(word: &str) -> bool {
    if word.ends_with([')', ']', '"', '”', '’']) {
        return false;
    }
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    if w.chars().count() <= 1 {
        return true;
    }
    matches!(
        w.to_lowercase().as_str(),
        "vs" | "e.g"
            | "i.e"
            | "etc"
            | "al"
            | "st"
            | "dr"
            | "mr"
            | "mrs"
            | "jr"
            | "sr"
            | "no"
            | "vol"
            | "u.s"
            | "co"
            | "inc"
            | "cf"
            | "ca"
            | "approx"
            | "fig"
            | "eq"
            | "ed"
            | "eds"
            | "pp"
            | "ltd"
            | "corp"
            | "dept"
            | "univ"
            | "int"
            | "nat"
            | "proc"
            | "conf"
    ) || (w.contains('.') && w.len() <= 5)
        || lexicon::is_journal_word(w)
        // "Phys.Rev", "J.Chem.Phys": dotted parts of a journal name.
        || (w.contains('.')
            && w.split('.')
                .all(|p| p.chars().count() <= 4 || lexicon::is_journal_word(p)))
}

/// Where the title ends: the first sentence end ('.', '?', '!' before a
/// space and a capital, digit, quote or bracket).
pub fn sentence_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    for (i, c) in s.char_indices() {
        if !matches!(c, '.' | '?' | '!') {
            continue;
        }
        let after = &s[i + 1..];
        if !after.starts_with(' ') && !after.is_empty() {
            continue;
        }
        let next = after.trim_start().chars().next();
        let Some(next) = next else {
            return Some(i);
        };
        let next_word = after.trim_start().split(' ').next().unwrap_or("");
        let camel = next_word.chars().skip(1).any(char::is_uppercase);
        if next.is_lowercase() && !after.trim_start().starts_with("in ") && !camel {
            continue;
        }
        if c == '.' {
            let word = s[..i].rsplit(' ').next().unwrap_or("");
            if !word.is_empty() && is_abbreviation(word) {
                continue;
            }
            // "c. 700–c. 1500": circa before a year, also after the dash
            // of a span, is inside the title.
            let circa = word.rsplit(['–', '-', '(']).next().unwrap_or("");
            if next.is_ascii_digit() && matches!(circa, "c" | "ca" | "circa") {
                continue;
            }
            // "women . Diabetes Care": a spaced full stop after a plain
            // lower-case word still ends the sentence; after "Phys ." it
            // is a spaced abbreviation.
            if i > 0 && b[i - 1] == b' ' {
                let prev = s[..i].trim_end().rsplit(' ').next().unwrap_or("");
                let plain =
                    prev.chars().count() >= 4 && prev.chars().all(|c| c.is_lowercase() || c == '-');
                if !plain {
                    continue;
                }
            }
        }
        return Some(i);
    }
    None
}

/// Byte offset of the first numeric item (a word starting with a digit,
/// "(19…", a labelled volume) — where a tail's numbers begin.
fn first_numeric(s: &str) -> usize {
    let mut prev_alnum = false;
    for (i, c) in s.char_indices() {
        if !prev_alnum {
            let rest = &s[i..];
            if c.is_ascii_digit() {
                // Numbers inside words of a title ("3D", "2nd") do not count.
                // "1,4,5-trisphosphate": a comma before a digit stays inside the word.
                let w_end = rest
                    .char_indices()
                    .find(|&(k, ch)| {
                        ch == ' '
                            || (ch == ','
                                && !rest[k + 1..].starts_with(|d: char| d.is_ascii_digit()))
                    })
                    .map_or(rest.len(), |(k, _)| k);
                let w = &rest[..w_end];
                let next_word = rest[w.len()..].trim_start_matches([' ']).chars().next();
                let ordinal = w.ends_with("th")
                    || w.ends_with("st")
                    || w.ends_with("nd")
                    || w.ends_with("rd");
                if !ordinal
                    && !w.chars().any(|c| c.is_alphabetic() && c != 'e')
                    && !next_word.is_some_and(char::is_lowercase)
                    && !words_follow(&rest[w_end..])
                {
                    return i;
                }
            }
            // "Nucl. Phys. B348", "Rev.D85": a series letter glued to the
            // volume right after an abbreviated journal word.
            if c.is_ascii_uppercase()
                && s[..i].trim_end().ends_with('.')
                && tokens::number(rest).is_ok_and(|(_, n)| {
                    n.len() >= 3 && n[1..].starts_with(|d: char| d.is_ascii_digit())
                })
            {
                return i;
            }
            if tokens::labelled_volume(rest).is_ok()
                && !rest.starts_with("v")
                && !rest.starts_with("t")
            {
                return i;
            }
            if (rest.starts_with("pp.") || rest.starts_with("pp "))
                && tokens::labelled_pages(rest).is_ok()
            {
                return i;
            }
        }
        prev_alnum = c.is_alphanumeric() || c == '-' || c == '/' || c == '+';
    }
    s.len()
}

/// "at √s = 2 .76TeV with the ATLAS detector, Phys. Lett.": plain
/// lower-case words after a number, before the next comma or bracket, show
/// the number is inside a title rather than the start of the tail.
fn words_follow(after: &str) -> bool {
    let end = after
        .find([',', ';', '(', ')', '[', ':'])
        .unwrap_or(after.len())
        .min(super::text::find(after, ". ").unwrap_or(after.len()));
    let mut long = 0;
    let mut plain = 0;
    for w in after[..end].split_whitespace() {
        let core = w.trim_matches(|c: char| !c.is_alphabetic());
        let n = core.chars().count();
        if n < 3 || !core.starts_with(|c: char| c.is_lowercase()) {
            continue;
        }
        // `core` starts lower-case; the list is lower-case too.
        let tail_word = matches!(
            core,
            "doi"
                | "http"
                | "https"
                | "www"
                | "arxiv"
                | "online"
                | "available"
                | "accessed"
                | "retrieved"
                | "and"
                | "press"
                | "print"
                | "pages"
                | "edn"
                | "eds"
                | "vol"
                | "suppl"
                | "pmid"
                | "issn"
                | "isbn"
                | "url"
                | "hep"
                | "nucl"
                | "astro"
                | "cond"
                | "mat"
                | "math"
                | "gr-qc"
                | "quant"
                | "ph"
                | "lat"
                | "th"
                | "ex"
        ) || tokens::month(core).is_ok();
        if tail_word {
            continue;
        }
        plain += 1;
        if n >= 5 {
            long += 1;
        }
    }
    plain >= 2 || long >= 1
}

fn trim_title(t: &str) -> String {
    t.trim()
        .trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '"' | '“' | '”' | '‘' | '’' | '*'))
        .trim_end_matches('.')
        .trim()
        .to_owned()
}

/// A title read from inside quotes keeps quotes of its own
/// ('Against “Democratizing AI”'), losing only trailing punctuation.
fn trim_quoted_title(t: &str) -> String {
    let t = t.trim().trim_end_matches([',', ';', ':']).trim_end();
    let t = t.strip_suffix('.').unwrap_or(t);
    t.trim().to_owned()
}

fn people_literal(seg: &str) -> Person {
    Person::literal(seg.trim().trim_end_matches('.').trim())
}

/// The first "(YYYY)" or "YYYY." right at the start of `s`.
fn leading_date(s: &str) -> Option<(Date, usize)> {
    let t = s.trim_start();
    let off = s.len() - t.len();
    if let Some(inner) = t.strip_prefix('(') {
        let close = inner.find(')')?;
        if close > 24 {
            return None;
        }
        let body = inner[..close].trim();
        if let Ok((rest, d)) = tokens::date(body) {
            let _ = rest;
            return Some((d, off + close + 2));
        }
        // "(1432)." in an author-date entry's place for the year: an
        // early manuscript's or print's, before `tokens::year`'s range.
        if body.len() == 4
            && body.bytes().all(|b| b.is_ascii_digit())
            && inner[close + 1..].starts_with('.')
        {
            let y: i32 = body.parse().unwrap_or(0);
            if (1000..1500).contains(&y) {
                return Some((Date::year(y), off + close + 2));
            }
        }
        let lower = body.to_lowercase();
        if lower.starts_with("n.d")
            || lower == "nd"
            || lower.starts_with("in press")
            || lower.starts_with("forthcoming")
        {
            return Some((Date::year(0), off + close + 2));
        }
        return None;
    }
    let (rest, d) = tokens::date(t).ok()?;
    let rest = tokens::year_span_end(rest, d.year).unwrap_or(rest);
    if rest.starts_with(['.', ',', ':', ';']) || rest.trim_start().starts_with(['"', '“', '‘'])
    {
        return Some((d, s.len() - rest.len()));
    }
    // "Aasi J et al 2015 Advanced LIGO Class. Quantum Grav.": a bare year
    // between the names and a capitalised title.
    let bare_year = d.month.is_none() && t.len() - rest.len() == 4;
    if bare_year && rest.starts_with(' ') && rest[1..].starts_with(char::is_uppercase) {
        return Some((d, s.len() - rest.len()));
    }
    None
}

/// Parses a prepared reference as `style`. Returns the reference and how
/// many bytes of the text the grammar accounted for.
pub fn parse(p: &Prepared, style: Style) -> (Reference, usize) {
    let s = p.text.as_str();
    let mut r = Reference::default();
    let mut used = 0usize;

    // Names.
    let mut pos = 0;
    let starts_quoted = s.starts_with(['"', '“', '‘', '\'', '«']) || italic_at(p, 0).is_some();
    let mut list_sep = ' ';
    // "———. Minimum Wages." and "———, editor. Whose Culture?": the dashes
    // stand for the previous entry's names, which the document fills in
    // (`extract::inherit_ditto_names`); no names of the entry's own follow,
    // so the title's first words must not be read as one.
    let ditto_names_end = if starts_quoted {
        None
    } else {
        ditto_without_names(s)
    };
    if let Some(end) = ditto_names_end {
        pos = end;
        used += end;
        list_sep = '.';
    }
    if !starts_quoted && ditto_names_end.is_none() {
        // "ALICE collaboration, B. Abelev et al., …", "T2K Collab. (K. Abe et
        // al.)": the group is not an author; the persons after it are.
        let (skip, bracketed) = collaboration_prefix(s);
        if skip > 0 {
            let inner = &s[skip..];
            let nl = names::name_list(inner);
            let after = inner[nl.end..].trim_start_matches([' ', ',', '.']);
            let number_next =
                after.starts_with(|c: char| c.is_ascii_digit()) && tokens::year(after).is_err();
            let closed = (!bracketed || after.starts_with(')')) && !number_next;
            if !nl.people.is_empty() && closed {
                r.authors = nl.people;
                r.et_al = nl.et_al;
                pos = skip + nl.end;
                if bracketed {
                    pos += inner[nl.end..].find(')').map_or(0, |k| k + 1);
                }
            } else if bracketed {
                // "Daya Bay Collab. (F. P. An et al.)": the bracket holds the
                // authors even when the name grammar cannot read them.
                if let Some(k) = inner.find(')').filter(|k| *k < 60) {
                    let body = inner[..k].trim();
                    let (body, et_al) = match body.strip_suffix("et al.") {
                        Some(b) => (b.trim_end_matches([' ', ',']), true),
                        None => (body, false),
                    };
                    if !body.is_empty() && body.split_whitespace().count() <= 6 {
                        r.authors.push(Person::literal(body));
                        r.et_al = et_al;
                        pos = skip + k + 1;
                    }
                }
            } else {
                pos = skip;
            }
            used += pos;
            list_sep = s[pos..]
                .trim_start()
                .chars()
                .next()
                .filter(|c| matches!(c, ',' | ';' | '.'))
                .unwrap_or(',');
        }
    }
    // The names that open the entry are its editors ("Robert, S. A., &
    // Weaver-Hightower, M. B. (Eds.).": an edited volume).
    let mut editors_lead = false;
    if !starts_quoted && pos == 0 {
        let mut nl = names::name_list(s);
        double_surname(s, &mut nl, style);
        let mut organisation = organisation_author(p, &nl, style);
        if organisation.is_none() && compound_family(s, &mut nl, style) {
            organisation = organisation_author(p, &nl, style);
        }
        if let Some(end) = organisation {
            r.authors.push(people_literal(&s[..end]));
            pos = end;
            used += end;
        } else if !nl.people.is_empty() {
            if nl.editors {
                r.editors = nl.people;
                editors_lead = true;
            } else {
                r.authors = nl.people;
            }
            r.et_al = nl.et_al;
            pos = nl.end;
            used += nl.end;
        }
        list_sep = s[pos..].trim_start().chars().next().unwrap_or(' ');
    }

    // A date right after the names (APA, Harvard).
    let mut rest = &s[pos..];
    let skipped = rest.trim_start_matches([' ', ',', '.', ':', ';']);
    if let Some((d, len)) = leading_date(skipped) {
        if d.year > 0 {
            r.issued = Some(d);
        }
        let after = &skipped[len..];
        if after.trim_start().starts_with(',') {
            list_sep = ',';
        }
        rest = after.trim_start_matches([' ', ',', '.', ':', ';']);
        used += len;
    } else {
        rest = skipped;
    }

    // "T. C. Marshall, Changbiao Wang, and J. L. Hirshfield, "Title,"": the
    // name grammar stopped early, but a quoted title follows the rest of
    // the names (and maybe the year).
    if let Some((q, more)) = names_before_quote(rest) {
        if !more.people.is_empty() {
            r.authors.extend(more.people);
            r.et_al |= more.et_al;
        }
        if r.issued.is_none() {
            r.issued = any_year(&rest[..q]);
        }
        used += q;
        rest = &rest[q..];
    }
    // "Surya, ‘Machine Bias’": a few stray words before a quoted title.
    if !rest.starts_with(['"', '“', '‘', '\'']) {
        for q in [", ‘", ", “", ", \""] {
            if let Some(k) = rest.find(q) {
                let prefix = &rest[..k];
                if k < 40
                    && !prefix.contains(['.', '('])
                    && prefix.split_whitespace().count() <= 3
                    && tokens::quoted(&rest[k + 2..]).is_ok()
                {
                    r.note = Some(prefix.trim().to_owned());
                    rest = &rest[k + 2..];
                }
                break;
            }
        }
    }
    let rest_off = s.len() - rest.len();
    // Title.
    let mut tail_str: &str;
    let mut has_container = false;
    let mut plain_title = false;
    if let Ok((after, t)) = tokens::quoted(rest).or_else(|_| loose_quoted(rest).ok_or(())) {
        r.title = Some(trim_quoted_title(t));
        used += t.len();
        tail_str = after;
    } else if let Some((a, b)) = italic_at(p, rest_off) {
        r.title = Some(trim_title(&s[a..b]));
        used += b - a;
        tail_str = &s[b..];
    } else {
        plain_title = true;
        let (title, tail_at) = split_title(rest, list_sep == ',' || list_sep == ';');
        if let Some(t) = title {
            r.title = Some(trim_title(t));
            used += t.len();
        }
        tail_str = &rest[tail_at..];
    }
    // "Dans Photochemistry and reaction kinetics", "In: Svartholm, N. (ed.)
    // Elementary Particle Theory": a book cited by its chapter marker with
    // no chapter title is the title itself.
    if let Some(t) = r.title.take() {
        r.title = Some(strip_in_marker(&t, &mut r.editors));
    }
    if r.title.as_deref().is_some_and(str::is_empty) {
        r.title = None;
    }
    // "Lezioni di Geometria Differentiale, 2nd ed.": nor after a comma.
    if let Some(t) = r.title.as_deref() {
        if let Some(k) = super::text::rfind(t, ", ") {
            if let Ok((after, e)) = tokens::edition(t[k + 2..].trim()) {
                if after.trim_matches(['.', ' ']).is_empty() {
                    r.edition = Some(e.to_owned());
                    r.title = Some(t[..k].trim_end().to_owned());
                }
            }
        }
    }
    // "Statistical power analysis (2nd ed.)": the edition is not the title.
    if let Some(t) = r.title.as_deref() {
        if let Some(k) = super::text::rfind(t, " (") {
            let inner = t[k + 2..].trim_end_matches(['.', ')']);
            if let Ok((after, e)) = tokens::edition(inner.trim()) {
                if after.trim().is_empty() {
                    r.edition = Some(e.to_owned());
                    r.title = Some(t[..k].trim_end().to_owned());
                }
            }
        }
    }

    // Container markers: "In:", "in", italics, editors.
    tail_str = tail_str.trim_start_matches([' ', ',', '.', ';']);
    let mut chapter = false;
    for marker in ["In: ", "in: ", "In ", "in ", "Dans ", "En "] {
        if let Some(t) = tail_str.strip_prefix(marker) {
            tail_str = t.trim_start();
            chapter = true;
            break;
        }
    }
    let tail_off = s.len() - tail_str.len();
    if let Some((a, b)) = italic_at(p, tail_off) {
        r.container_title = Some(trim_title(&s[a..b]));
        used += b - a;
        has_container = true;
        tail_str = &s[b..];
    } else if chapter {
        let nl = names::name_list(tail_str);
        if nl.editors && !nl.people.is_empty() {
            r.editors.extend(nl.people);
            used += nl.end;
            tail_str = tail_str[nl.end..].trim_start_matches([' ', ',', '.', ':']);
            let off = s.len() - tail_str.len();
            if let Some((a, b)) = italic_at(p, off) {
                r.container_title = Some(trim_title(&s[a..b]));
                has_container = true;
                tail_str = &s[b..];
            } else if let Some(e) = sentence_end(tail_str).filter(|e| *e < first_numeric(tail_str))
            {
                r.container_title = Some(trim_title(&tail_str[..e]));
                has_container = true;
                tail_str = &tail_str[e + 1..];
            }
        }
    }

    // An italic container further on: "Recorded talk, *Great Transformation*".
    let title_italic = r.title.is_some() && italic_at(p, rest_off).is_some();
    if !has_container && !title_italic {
        let off = s.len() - tail_str.len();
        if let Some((a, b)) = p.italics.iter().copied().find(|(a, _)| *a > off) {
            let before = s[off..a].trim_matches([' ', ',', '.', ';']);
            if before.split_whitespace().count() <= 4 && !before.chars().any(|c| c.is_ascii_digit())
            {
                if !before.is_empty() {
                    r.note = Some(before.to_owned());
                }
                r.container_title = Some(trim_title(&s[a..b]));
                has_container = true;
                tail_str = &s[b..];
            }
        }
    }
    // "(Wiley, New York, 1972)": a bracketed imprint anywhere in the tail.
    let imprint = paren_imprint(tail_str);
    let rewritten: String;
    if let Some(im) = &imprint {
        rewritten = format!(
            "{} {} {}",
            &tail_str[..im.start],
            im.year.map(|y| y.to_string()).unwrap_or_default(),
            &tail_str[im.end..]
        );
        tail_str = &rewritten;
    }
    // The tail.
    let t = tail::read_with(tail_str, has_container || title_italic, chapter);
    used += t.used.min(tail_str.len());
    if r.container_title.is_none() {
        r.container_title = t.container.clone();
        // "The Odyssey and Ancient Art, Annandale-on-Hudson 1992": one word
        // with nothing but a year after it is a place.
        let one_word = t.container.as_deref().is_some_and(|c| {
            !c.contains([' ', '.'])
                && !c.chars().any(|ch| ch.is_ascii_digit())
                && c.chars().count() > 3
                && !c.chars().all(char::is_uppercase)
        });
        if one_word
            && t.volume.is_none()
            && t.pages.is_none()
            && t.issue.is_none()
            && r.title.is_some()
            && p.ids.url.is_none()
        {
            r.publisher_place = r.container_title.take();
        }
    }
    r.volume = t.volume;
    r.issue = t.issue;
    r.pages = t.pages;
    r.publisher = t.publisher;
    r.publisher_place = t.place;
    if let Some(im) = imprint {
        r.publisher = Some(im.publisher);
        if im.place.is_some() {
            r.publisher_place = im.place;
        }
    }
    if r.edition.is_none() {
        r.edition = t.edition;
    }
    r.editors.extend(t.editors);
    if r.issued.is_none() {
        r.issued = t.date;
    }
    if !t.note.is_empty() {
        let mut n = r.note.take().map(|n| vec![n]).unwrap_or_default();
        n.extend(t.note);
        r.note = Some(n.join(", "));
    }
    // A book in italics: the words after it name its publisher.
    if title_italic && r.publisher.is_none() && r.volume.is_none() && r.pages.is_none() {
        if let Some(n) = r.note.take() {
            match n.split_once(", ") {
                Some((first, more)) => {
                    r.publisher = Some(first.to_owned());
                    r.note = Some(more.to_owned());
                }
                None => r.publisher = Some(n),
            }
        }
    }
    // A year anywhere, when no grammar placed one.
    if r.issued.is_none() {
        r.issued = any_year(s);
    }
    // "Wiesbaden" as a container of a book is its place.
    if r.publisher_place.is_none()
        && r.volume.is_none()
        && r.container_title.as_deref().is_some_and(lexicon::is_city)
    {
        r.publisher_place = r.container_title.take();
    }
    if r.publisher.is_none()
        && r.volume.is_none()
        && p.ids.url.is_none()
        && r.container_title
            .as_deref()
            .is_some_and(lexicon::looks_like_publisher)
    {
        r.publisher = r.container_title.take();
    }
    // The preprint server is where the work was published, not a container.
    if r.container_title.as_deref().is_some_and(|c| {
        let l = c.to_lowercase();
        l == "arxiv" || l.starts_with("arxiv preprint") || l == "ssrn" || l == "biorxiv"
    }) {
        r.publisher = r.container_title.take();
    }
    // "Proceedings of …, Virtual Event Canada": the place of a conference.
    if let Some(c) = r.container_title.as_deref() {
        if lexicon::conference_cue(c) {
            if let Some(k) = super::text::rfind(c, ", ") {
                let last = &c[k + 2..];
                let words = last.split_whitespace().count();
                if words <= 3
                    && !lexicon::conference_cue(last)
                    && last
                        .split_whitespace()
                        .all(|w| w.starts_with(char::is_uppercase))
                    && !last.starts_with("and ")
                    && r.publisher_place.is_none()
                {
                    r.publisher_place = Some(last.to_owned());
                    r.container_title = Some(c[..k].to_owned());
                }
            }
        }
    }
    // A journal read as both title and container ("Proc. R. Soc. Lond. A").
    if plain_title && r.title.is_some() && r.title == r.container_title {
        r.title = None;
    }
    r.doi = p.ids.doi.clone();
    r.url = p.ids.url.clone();
    r.arxiv = p.ids.arxiv.clone();
    r.accessed = p.ids.accessed;
    // An edited volume is a book: what follows its title, with no "In"
    // and no numbers, is who published it ("… feeding in schools around
    // the world. Peter Lang."), not a container.
    // So is what follows a title in no quotes or italics, with no "In",
    // numbers or link, in an inverted list: plain text loses a book's
    // italics ("Lewis, Saunders. 1962. Tynged yr Iaith. BBC.").
    let plain_book = plain_title && inverts_names(style) && r.url.is_none() && r.doi.is_none();
    if (editors_lead && r.authors.is_empty() || plain_book)
        && !chapter
        && r.publisher.is_none()
        && r.volume.is_none()
        && r.issue.is_none()
        && r.pages.is_none()
        && r.container_title
            .as_deref()
            .is_some_and(|c| c.split_whitespace().count() <= 6)
    {
        r.publisher = r.container_title.take();
    }
    r.kind = infer_type(&r, p, chapter);
    let author_is_container = matches!(r.authors.as_slice(), [a] if a.literal && r.container_title.as_deref() == Some(a.family.as_str()));
    if r.kind == WorkType::Report
        && !author_is_container
        && r.container_title
            .as_deref()
            .is_some_and(lexicon::institution_cue)
        && r.publisher.is_none()
    {
        r.publisher = r.container_title.take();
    }
    (r, used)
}

/// Where a title ends: ", in Proceedings", ". In: …".
fn in_marker(s: &str) -> Option<usize> {
    super::text::first_of(
        s,
        &[
            ", in ", ", In ", ", in: ", ", In: ", ". In ", ". In: ", ". in: ",
        ],
    )
}

/// Trailing abbreviated journal words in a head with no punctuation before
/// them ("… in infancy and childhood Aust N Z J Surg"): where they start.
fn trailing_journal(head: &str) -> Option<usize> {
    let h = head.trim_end_matches([' ', ',', '.', ';']);
    let mut start = None;
    let mut count = 0;
    let mut pos = h.len();
    for w in h.rsplit(' ') {
        // "… with Matrix Product States, PoS LATTICE2014": a comma closes
        // the title before the journal words.
        if count >= 2 && w.ends_with([',', ';']) {
            return start.filter(|s| *s > 0);
        }
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        let letters = core.chars().filter(|c| c.is_alphabetic()).count();
        let upper = core.chars().next().is_some_and(char::is_uppercase);
        let abbrev = upper && letters <= 12;
        pos = pos.saturating_sub(w.len());
        if !abbrev {
            let lower = core.chars().next().is_some_and(char::is_lowercase);
            let single_caps =
                count == 1 && h[start?..].chars().filter(|c| c.is_uppercase()).count() >= 3;
            return ((count >= 2 || single_caps) && lower).then_some(start?);
        }
        count += 1;
        start = Some(pos);
        pos = pos.saturating_sub(1);
        if count > 7 {
            return None;
        }
    }
    None
}

/// Splits `rest` (the text after names and date) into the title and the
/// offset where the tail starts. `comma_list` is true when the names ended
/// in a comma (IEEE, physics: "A. Author, Title, Journal 12, 3 (2001)").
fn split_title(rest: &str, comma_list: bool) -> (Option<&str>, usize) {
    let (title, at) = split_title_at_marks(rest, comma_list);
    // "… tensor networks Phys. Rev. X 6": journal words left at the end of
    // the title begin the tail.
    if let Some(t) = title {
        let head = &rest[..first_numeric(rest)];
        let j = journal_suffix(head)
            .filter(|j| *j < t.len())
            .or_else(|| journal_suffix(t));
        if let Some(j) = j {
            return (Some(&t[..j]), j);
        }
    }
    (title, at)
}

/// "…, Title at √s NN = 2.76 TeV, Phys. Lett. B 746 (2015) 1": when the
/// first number sits inside a title (after a plain word or a symbol, with
/// no comma before it), the comma before a later abbreviated journal and
/// its numbers ends the title.
fn journal_after_comma(rest: &str, num: usize) -> Option<usize> {
    if num >= rest.len() || rest[..num].contains([',', ';']) {
        return None;
    }
    let before = rest[..num].trim_end();
    let last = before.rsplit(' ').next().unwrap_or("");
    let in_title = last.starts_with(|c: char| c.is_lowercase())
        || (!last.is_empty() && !last.contains(|c: char| c.is_alphanumeric()));
    if !in_title || sentence_end(&rest[..num]).is_some() {
        return None;
    }
    let mut from = num;
    while let Some(k) = super::text::find(&rest[from..], ", ") {
        let c = from + k;
        let cand = &rest[c + 2..];
        let n = first_numeric(cand);
        let head = cand[..n].trim().trim_end_matches([',', '.']);
        if n < cand.len() && !head.is_empty() && lexicon::looks_like_abbreviated_journal(head) {
            return Some(c);
        }
        from = c + 2;
        if from - num > 300 {
            break;
        }
    }
    None
}

/// Where trailing abbreviated journal words start in a title candidate
/// ("… interferometer Class. Quantum Grav", "… networks Phys.Rev"): a run
/// of capitalised words with at least one journal abbreviation, after a
/// plain word or a comma.
fn journal_suffix(t: &str) -> Option<usize> {
    let t = t.trim_end_matches([' ', ',', '.', ';']);
    let journalish = |w: &str| {
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        let upper = core.starts_with(|c: char| c.is_uppercase());
        // "Phys.", "Rev.", "J." — not a long word before a full stop.
        let short_parts = core
            .split('.')
            .all(|p| p.chars().count() <= 7 || lexicon::is_journal_word(p));
        let dotted = w.trim_end_matches([',', ';']).contains('.') && short_parts;
        upper
            && (dotted
                || core.chars().count() == 1
                || core.split('.').any(lexicon::is_journal_word))
    };
    // Most titles end in a plain word: nothing to look for.
    let last = t.rsplit(' ').next().unwrap_or("");
    if !journalish(last) {
        return None;
    }
    let words: Vec<(usize, &str)> = t
        .split(' ')
        .scan(0usize, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .collect();
    let mut k = words.len();
    let mut journal_words = 0;
    let mut dotted_words = 0;
    while k > 0 {
        let w = words[k - 1].1;
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        let filler = matches!(core, "of" | "and" | "&") && k < words.len();
        let capital = core.starts_with(|c: char| c.is_uppercase());
        if !(journalish(w) || filler || (capital && k < words.len())) {
            break;
        }
        if w.ends_with(',') && k < words.len() {
            break;
        }
        let parts = core.split('.').filter(|p| !p.trim().is_empty());
        for part in parts {
            if lexicon::is_journal_word(part.trim()) {
                journal_words += 1;
            }
            if w.contains('.') {
                dotted_words += 1;
            }
        }
        k -= 1;
    }
    // The run begins with a journal-like word, not "Advanced LIGO".
    while k < words.len() && !journalish(words[k].1) {
        k += 1;
    }
    if k == 0 || k >= words.len() || journal_words == 0 {
        return None;
    }
    let run = words.len() - k;
    let before = words[k - 1].1;
    let plain_before = before.starts_with(|c: char| c.is_lowercase())
        || before.ends_with([',', ';'])
        || before
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    let strong = dotted_words >= 2 || (run >= 2 && journal_words >= 2);
    (plain_before && strong && k >= 2).then(|| words[k].0)
}

fn split_title_at_marks(rest: &str, comma_list: bool) -> (Option<&str>, usize) {
    let mut head_end = first_numeric(rest);
    if comma_list {
        if let Some(c) = journal_after_comma(rest, head_end) {
            return (Some(&rest[..c]), c + 1);
        }
    }
    // "Title (Publisher, Place, 1983)": the bracket starts the tail.
    let mut paren_tail = false;
    if let Some(k) = rest[..head_end].rfind('(') {
        if !rest[k..head_end].contains(')') && k > 0 {
            head_end = k;
            paren_tail = true;
        }
    }
    if let Some(im) = paren_imprint(rest).filter(|im| im.start > 0 && im.start < head_end) {
        head_end = im.start;
        paren_tail = true;
    }
    let full_boundary = sentence_end(rest);
    // "… TrEMBL in 1999. Nucleic Acids Res.": a number just before the
    // sentence end belongs to the title.
    if let Some(b) = full_boundary {
        let between = rest.get(head_end..b).unwrap_or("");
        if !comma_list
            && b > head_end
            && between.split_whitespace().count() <= 2
            && !between.contains([',', ';', ':', '('])
            && sentence_end(&rest[b + 1..]).is_some()
        {
            head_end = b + 1;
        }
    }
    let head = &rest[..head_end];
    let boundary = full_boundary.filter(|b| *b < head_end);
    let marker = in_marker(head);
    if physics::no_title(head, boundary) {
        // "Advanced LIGO Class. Quantum Grav.": a short title before the
        // journal words.
        if let Some(j) = journal_suffix(head) {
            return (Some(&rest[..j]), j);
        }
        return (None, 0);
    }
    if let Some(m) = marker {
        if boundary.is_none_or(|b| m <= b + 1) {
            return (Some(&rest[..m]), m + 1);
        }
    }
    let head_t = head.trim_end_matches([' ', ',', '.', ';', ':']);
    if paren_tail && boundary.is_none() {
        // "… virus infection Genitourin Med (1988) 64(5)": a bracketed year
        // after abbreviated journal words closes a Vancouver title.
        let year_next = rest[head_end + 1..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit());
        if let Some(j) = trailing_journal(head).filter(|j| *j > 0 && year_next) {
            return (Some(&head[..j]), j);
        }
        // "Gravitation and Cosmology, John Wiley & Sons (1972)".
        let t = cut_publisher(head_t);
        return (
            Some(t),
            if t.len() < head_t.len() {
                t.len()
            } else {
                head_end
            },
        );
    }
    if comma_list && head_t.contains(',') {
        let k = head_t.rfind(',').unwrap_or(head_t.len());
        let cand = head_t.get(k + 1..).unwrap_or("").trim();
        let pick = if lexicon::looks_like_abbreviated_journal(cand)
            || lexicon::is_city(cand)
            || lexicon::looks_like_publisher(cand)
            || lexicon::conference_cue(cand)
            || !head_t[..k].contains(',')
            || head_end == rest.len()
        {
            k
        } else {
            super::text::find(head_t, ", ").unwrap_or(k)
        };
        if let Some(b) = boundary.filter(|b| *b < pick) {
            let after = head_t[b + 1..].trim();
            let first = after.split(',').next().unwrap_or("");
            if lexicon::is_city(first)
                || lexicon::place_publisher(after).is_some()
                || lexicon::looks_like_publisher(first)
            {
                return (Some(&rest[..b]), b + 1);
            }
        }
        if head_end == rest.len() && boundary.is_some() {
            // "Author, Title. Publisher" with no numbers at all.
        } else {
            let t = cut_publisher(&head_t[..pick]);
            return (Some(t), if t.len() < pick { t.len() } else { pick + 1 });
        }
    }
    if let Some(b) = boundary {
        let end = if rest[b..].starts_with(['?', '!']) {
            b + 1
        } else {
            b
        };
        let t = cut_publisher(&rest[..end]);
        return (Some(t), if t.len() < end { t.len() } else { b + 1 });
    }
    if head.trim().is_empty() {
        return (None, 0);
    }
    if head_end < rest.len() {
        if let Some(j) = trailing_journal(head) {
            if j > 0 {
                return (Some(&head[..j]), j);
            }
        }
        if let Some(k) = super::text::rfind(head_t, ", ") {
            return (Some(&head_t[..k]), k + 1);
        }
        let words_after = rest[head_end..]
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 4 && tokens::month(w).is_err())
            .count();
        if words_after == 0 {
            return (None, 0);
        }
    }
    let t = cut_publisher(head);
    (
        Some(t),
        if t.len() < head.len() {
            t.len()
        } else {
            head_end
        },
    )
}

/// "Categorial Grammars, Routledge, London": trailing publisher and place
/// chunks are not part of a title.
fn cut_publisher(t: &str) -> &str {
    // "…, Addison-Wesley, Reading, MA": a publisher or place followed only
    // by more place-like chunks ends the title.
    let commas: Vec<usize> = t.match_indices(", ").map(|(k, _)| k).collect();
    let body = t.trim_end_matches([' ', ',', '.']);
    let place_like = |c: &str| {
        let c = c.trim();
        lexicon::is_city(c)
            || lexicon::is_region(c)
            || lexicon::looks_like_publisher(c)
            || (c.split_whitespace().count() <= 2
                && c.split_whitespace()
                    .all(|w| w.starts_with(char::is_uppercase))
                && !c.chars().any(|ch| ch.is_ascii_digit()))
    };
    let chunk_end = |n: usize| {
        commas
            .get(n + 1)
            .copied()
            .unwrap_or(body.len())
            .min(body.len())
    };
    // Whether every chunk from the n-th comma on is place-like, computed
    // once from the end.
    if commas.is_empty() {
        return body;
    }
    // "…, Ph.D. thesis, University …", "…, manuscript, …", "…, to appear
    // in …": a status or thesis chunk ends the title, whatever follows.
    for (n, &k) in commas.iter().enumerate() {
        if k == 0 || k >= body.len() {
            continue;
        }
        let chunk = body[k + 2..chunk_end(n).max(k + 2)].trim();
        let l = chunk.to_lowercase();
        let status = lexicon::thesis_cue(chunk)
            || matches!(
                l.as_str(),
                "manuscript" | "preprint" | "unpublished" | "in preparation" | "in press"
            )
            || l.starts_with("to appear")
            || l.starts_with("submitted to");
        if status {
            return &t[..k];
        }
    }
    let mut all_after = vec![false; commas.len() + 1];
    all_after[commas.len()] = true;
    for n in (0..commas.len()).rev() {
        let k = commas[n];
        let ok = k >= body.len() || place_like(&body[k + 2..chunk_end(n).max(k + 2)]);
        if !ok {
            break;
        }
        all_after[n] = true;
    }
    for (n, &k) in commas.iter().enumerate() {
        if k >= body.len() {
            break;
        }
        if k == 0 || !all_after[n + 1] {
            continue;
        }
        let chunk = &body[k + 2..chunk_end(n).max(k + 2)];
        let two = &body[k + 2..chunk_end(n + 1).max(k + 2)];
        if lexicon::looks_like_publisher(chunk) || lexicon::is_city(two) {
            return &t[..k];
        }
    }
    let mut end = t.trim_end_matches([' ', ',', '.']).len();
    while let Some(k) = super::text::rfind(&t[..end], ", ") {
        let chunk = t[k + 2..end].trim();
        if lexicon::is_city(chunk) || lexicon::looks_like_publisher(chunk) {
            end = k;
        } else {
            break;
        }
    }
    &t[..end]
}

/// A year anywhere in `s`: one in brackets first, else the last one.
pub fn any_year(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    let mut last = None;
    for i in 0..b.len().saturating_sub(3) {
        if !(b[i] == b'1' || b[i] == b'2') || (i > 0 && b[i - 1].is_ascii_alphanumeric()) {
            continue;
        }
        if let Ok((_, y)) = tokens::year(&s[i..]) {
            if i > 0 && b[i - 1] == b'(' {
                return Some(Date::year(y));
            }
            last = Some(Date::year(y));
        }
    }
    last
}

/// A publisher and place in brackets, "(Dover, New York, 1981)".
struct Imprint {
    start: usize,
    end: usize,
    publisher: String,
    place: Option<String>,
    year: Option<i32>,
}

/// Finds a bracketed imprint in a tail: capitalised parts without digits,
/// then an optional year. "(Sept. 2001)", "(Eds.)" and "(3)" are not one.
fn paren_imprint(tail: &str) -> Option<Imprint> {
    let mut from = 0;
    while let Some(k) = tail[from..].find('(') {
        let a = from + k;
        let close = tail[a..].find(')')? + a;
        from = close;
        let body = tail[a + 1..close].trim();
        if body.is_empty() || body.len() > 120 || tokens::date(body).is_ok() {
            continue;
        }
        let mut parts: Vec<&str> = body
            .split([',', ':'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let year = match parts.last().map(|l| tokens::year(l)) {
            Some(Ok((rest, y))) if rest.trim().is_empty() => {
                parts.pop();
                Some(y)
            }
            _ => None,
        };
        let good = |p: &&str| {
            let l = p.to_lowercase();
            p.starts_with(char::is_uppercase)
                && !p.chars().any(|c| c.is_ascii_digit())
                && p.split_whitespace().count() <= 5
                && tokens::month(p).is_err()
                && !l.starts_with("ed")
                && !super::text::contains(&l, "et al")
                && !super::text::contains(&l, "collab")
        };
        if parts.is_empty() || parts.len() > 3 || !parts.iter().all(good) {
            continue;
        }
        let (mut publ, mut place) = (parts[0], parts[1..].join(", "));
        if parts.len() == 2 && lexicon::is_city(publ) && !lexicon::is_city(parts[1]) {
            (publ, place) = (parts[1], parts[0].to_owned());
        }
        let sure = year.is_some()
            || lexicon::looks_like_publisher(publ)
            || (!place.is_empty() && lexicon::is_city(&place));
        if !sure || (parts.len() == 1 && year.is_none()) {
            continue;
        }
        return Some(Imprint {
            start: a,
            end: close + 1,
            publisher: publ.to_owned(),
            place: (!place.is_empty()).then_some(place),
            year,
        });
    }
    None
}

/// A title in double quotes whose closing quote PDF extraction moved
/// (`"Title , "Phys. Rev.`): the text up to the next double quote.
fn loose_quoted(s: &str) -> Option<(&str, &str)> {
    let open = s.chars().next()?;
    let closers: &[char] = match open {
        '"' => &['"', '”'],
        '“' => &['”', '"', '“'],
        _ => return None,
    };
    let body = &s[open.len_utf8()..];
    let k = body.find(closers)?;
    if k > 400 || body[..k].split_whitespace().count() < 2 {
        return None;
    }
    let c = body[k..].chars().next()?;
    Some((&body[k + c.len_utf8()..], &body[..k]))
}

/// Where a quoted title starts after leftover names ("Changbiao Wang, and
/// J. L. Hirshfield, “…”", "et al. (2013). "…""), and the names read there.
fn names_before_quote(rest: &str) -> Option<(usize, names::NameList)> {
    if rest.starts_with(['"', '“', '‘', '\'', '«']) {
        return None;
    }
    let q = rest.find(['"', '“', '«'])?;
    if q == 0 || q > 250 {
        return None;
    }
    let prefix = &rest[..q];
    let body = tokens::quoted(&rest[q..])
        .map(|(_, b)| b)
        .ok()
        .or_else(|| loose_quoted(&rest[q..]).map(|(_, b)| b))?;
    if body.split_whitespace().count() < 2 {
        return None;
    }
    let digits_ok = prefix
        .split(|c: char| !c.is_ascii_digit())
        .all(|d| d.is_empty() || (d.len() == 4 && tokens::year(d).is_ok()));
    let lower = prefix.to_lowercase();
    let namey = prefix.contains(',')
        || super::text::contains(&lower, "et al")
        || super::text::contains(&lower, " and ");
    let marker = super::text::contains(&lower, " in ")
        || lower.starts_with("in ")
        || super::text::contains(&lower, "in:");
    let plain = digits_ok && namey && !marker && sentence_end(prefix).is_none();
    let et_al = digits_ok && super::text::contains(&lower, "et al");
    if !(plain || et_al) {
        return None;
    }
    let t = prefix.trim_start_matches([' ', ',', ';', '.', ':']);
    let mut nl = names::name_list(t);
    if nl.people.is_empty() && lower.trim_start_matches([' ', ',']).starts_with("et al") {
        nl.et_al = true;
    }
    Some((q, nl))
}

/// Removes an "In:"/"Dans" marker at the start of a title and the editors
/// named after it.
fn strip_in_marker(t: &str, editors: &mut Vec<Person>) -> String {
    let Some(rest) = ["In: ", "in: ", "In ", "in ", "Dans "]
        .iter()
        .find_map(|m| t.strip_prefix(m))
    else {
        return t.to_owned();
    };
    if !rest.starts_with(char::is_uppercase) {
        return t.to_owned();
    }
    let nl = names::name_list(rest);
    if nl.editors && !nl.people.is_empty() {
        let after = rest[nl.end..].trim_start_matches([' ', ',', '.', ':']);
        if !after.is_empty() {
            editors.extend(nl.people);
            return cut_publisher(after).to_owned();
        }
    }
    cut_publisher(rest).to_owned()
}

/// Where the names of a ditto entry end ("———. Title", "———, editor.
/// Title", "---, trans. Title"): after the dashes and a role word, when no
/// "and" brings names of its own ("---, and R. Smith, 1999:"). `None` when
/// `s` opens otherwise.
pub(crate) fn ditto_without_names(s: &str) -> Option<usize> {
    let dashes = s.len() - s.trim_start_matches(['—', '–', '_', '-']).len();
    // One em dash is a ditto, one hyphen is not.
    if dashes == 0 || dashes > 12 || (dashes == 1 && s.starts_with('-')) {
        return None;
    }
    let mut t = s[dashes..].trim_start_matches([' ', ',', '.']);
    if t.len() == s.len() - dashes || t.starts_with("and ") || t.starts_with("& ") {
        return None;
    }
    const ROLES: &[&str] = &[
        "editors",
        "editor",
        "eds.",
        "ed.",
        "translator",
        "trans.",
        "compiler",
        "comp.",
        "Hrsg.",
        "dir.",
    ];
    // "———, et al. Title": the previous entry's first author and others.
    if let Some(rest) = t.strip_prefix("et al") {
        t = rest.trim_start_matches([' ', ',', '.']);
    }
    if let Some(role) = ROLES.iter().find(|r| {
        t.strip_prefix(**r)
            .is_some_and(|a| a.is_empty() || a.starts_with([' ', ',', '.']))
    }) {
        t = t[role.len()..].trim_start_matches([' ', ',', '.']);
    }
    Some(s.len() - t.len())
}

/// "ATLAS collaboration, " or "T2K Collab. (": how many bytes the group
/// name and its separator take, and whether the persons follow in brackets.
fn collaboration_prefix(s: &str) -> (usize, bool) {
    // "--, and T. H. Jagger, 2004:": a dash standing for the previous
    // entry's authors.
    let dashes = s.len() - s.trim_start_matches(['-', '—', '–', '_']).len();
    if (1..=12).contains(&dashes) {
        let mut t = s[dashes..].trim_start_matches([' ', ',', '.']);
        if let Some(a) = t.strip_prefix("and") {
            if a.starts_with([' ', '-', '—', '–']) {
                t = a
                    .trim_start_matches(['-', '—', '–', '_'])
                    .trim_start_matches([' ', ',', '.']);
            }
        }
        return (s.len() - t.len(), false);
    }
    let Some(end) = s.find([',', '(']) else {
        return (0, false);
    };
    let head = s[..end].trim_end();
    let last = head.rsplit(' ').next().unwrap_or("").to_lowercase();
    let words = head.split_whitespace().count();
    if !last.starts_with("collab") || !(2..=5).contains(&words) {
        return (0, false);
    }
    let bracketed = s[end..].starts_with('(');
    let after = &s[end + 1..];
    // "GBD Collaborators. (2020).": a group that writes as one author,
    // dated as APA dates, has no persons in the bracket.
    if bracketed && (tokens::year(after).is_ok() || after.starts_with("n.d.")) {
        return (0, false);
    }
    (s.len() - after.trim_start().len(), bracketed)
}

/// A word of two or more capitals and no lower case: "UNESCO", "OECD".
fn is_acronym_word(w: &str) -> bool {
    w.chars().filter(|c| c.is_uppercase()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// An organisation as author: "Google AI." before a title in quotes or
/// italics, where the name grammar found no person written as styles write
/// persons.
fn organisation_author(p: &Prepared, nl: &names::NameList, style: Style) -> Option<usize> {
    let s = p.text.as_str();
    let inverted_style = inverts_names(style);
    let weak = nl.people.is_empty()
        || (inverted_style
            && nl.people.len() == 1
            && nl.form != Some(names::Form::FamilyComma)
            && !nl.et_al);
    // "National Department of Education and Child Welfare Services. n.d.":
    // the name list reads two people around the "and", but "of" belongs
    // to no person's name in a list that inverts names.
    let connected = inverted_style && {
        let first = s.split(". ").next().unwrap_or("");
        !first.contains(',')
            && first.split_whitespace().count() <= 10
            && first.split_whitespace().any(|w| {
                matches!(w, "of" | "for")
                    // "UNESCO Ad Hoc Expert Group on Endangered Languages";
                    // "on" alone is as often a title's ("Essays on Art").
                    || (w == "on" && first.split_whitespace().next().is_some_and(is_acronym_word))
            })
    };
    if !weak && !connected {
        return None;
    }
    let quote_after_comma = [", ‘", ", “", ", \"", ", '"]
        .iter()
        .filter_map(|q| s.find(q))
        .min();
    // "U.S. Environmental Protection Agency.", "Dept. of Health.": the
    // name goes on past an abbreviation's full stop.
    let mut stop = super::text::find(s, ". ");
    let mut crossed = false;
    while let Some(k) = stop {
        let word = tokens::word_before_stop(&s[..k]);
        if tokens::name_stop(word) != tokens::NameStop::Inner {
            break;
        }
        crossed = true;
        stop = super::text::find(&s[k + 2..], ". ").map(|j| k + 2 + j);
    }
    let end = match (
        stop.or_else(|| super::text::find(s, " (")),
        quote_after_comma,
    ) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    // (An office in italics is the title: "Google AI. *Official Website*.
    // 2023.")
    let more = subdivision(&s[end..]);
    let end = if more > 0 && italic_at(p, end + 2).is_none() {
        end + more
    } else {
        end
    };
    let seg = &s[..end];
    let words = seg.split_whitespace().count();
    // "wwPDB consortium.", "eLife.": a name in lower case that an inner
    // capital or digit marks as one.
    let marked_lower = seg.split_whitespace().next().is_some_and(|w| {
        w.starts_with(char::is_lowercase)
            && w.chars()
                .skip(1)
                .any(|c| c.is_uppercase() || c.is_ascii_digit())
    });
    if words == 0
        || words > if connected { 10 } else { 7 }
        || !(seg.starts_with(|c: char| c.is_uppercase()) || marked_lower)
    {
        return None;
    }
    if seg.contains(',') && !institution_of_a_list(seg) {
        return None;
    }
    let after = s[end..].trim_start_matches(['.', ' ', ',']);
    let after_off = s.len() - after.len();
    // "World Health Organization. (2020).": an APA date after a name that
    // says it is an institution.
    let title_follows = after.starts_with(['"', '“', '‘'])
        || italic_at(p, after_off).is_some()
        || leading_date(&s[end..]).is_some()
        || (leading_date(after).is_some() && lexicon::organisation_name(seg));
    // An inverted style writes no first author given name first, so a
    // "person" whose last word names an institution ("European Environment
    // Agency"), or who goes on past "U.S.", is the organisation.
    let institution = inverted_style
        && words >= 2
        && (crossed
            || lexicon::organisation_name(seg)
            || tokens::name_stop(tokens::word_before_stop(seg)) == tokens::NameStop::Closing)
        && nl.form == Some(names::Form::GivenFirst);
    let undated = after.starts_with("n.d.") || after.starts_with("(n.d.)");
    (title_follows
        || institution
        || (nl.people.is_empty() && inverted_style)
        || (connected && undated))
        .then_some(end)
}

/// "China. Maritime Customs. 1917.", "United States. Congress. Senate.
/// (1990).": a government's author names its office after the country,
/// and the date stands after the whole. `rest` is the text after the
/// first part's name; the length (bytes) of the offices that follow it,
/// each a few capitalised words, when a date comes straight after them.
fn subdivision(rest: &str) -> usize {
    let mut len = 0;
    for _ in 0..3 {
        let Some(body) = rest[len..].strip_prefix(". ") else {
            break;
        };
        let Some(stop) = super::text::find(body, ". ") else {
            break;
        };
        let part = &body[..stop];
        let words: Vec<&str> = part.split_whitespace().collect();
        let office = (1..=5).contains(&words.len())
            && words[0].starts_with(char::is_uppercase)
            && words.iter().all(|w| {
                w.starts_with(char::is_uppercase) || matches!(*w, "of" | "on" | "for" | "and")
            });
        if !office {
            break;
        }
        let next = len + 2 + stop;
        if leading_date(&rest[next + 1..]).is_some() {
            return next;
        }
        len = next;
    }
    0
}

/// Whether `style` writes its first author family name first ("Noble,
/// Safiya Umoja."), as MLA, APA, Chicago and Harvard do.
fn inverts_names(style: Style) -> bool {
    matches!(
        style,
        Style::Mla | Style::Apa | Style::Chicago | Style::Harvard
    )
}

/// A whole word of a name: a capital, then lower-case letters (a hyphen or
/// an apostrophe among them), as "Rodríguez" or "O’Neil", not "J." or "IEEE".
fn full_word(w: &str) -> bool {
    w.chars().count() >= 2
        && w.starts_with(char::is_uppercase)
        && w.chars()
            .skip(1)
            .all(|c| c.is_lowercase() || matches!(c, '-' | '’' | '\''))
}

/// "Ramírez Rodríguez, Ana Cristina. …": in a style that writes its first
/// author family name first, two full words, a comma and given names then
/// the full stop that ends the authors are one person with a double
/// surname, not two persons written given name first.
fn double_surname(s: &str, nl: &mut names::NameList, style: Style) {
    let inverted_style = inverts_names(style);
    let [a, b] = nl.people.as_slice() else {
        return;
    };
    if !inverted_style || nl.et_al || nl.form != Some(names::Form::GivenFirst) {
        return;
    }
    let (Some(g1), Some(g2)) = (a.given.as_deref(), b.given.as_deref()) else {
        return;
    };
    let first = format!("{g1} {}", a.family);
    let given = format!("{g2} {}", b.family);
    let words = |n: &str| n.split_whitespace().count();
    if a.particle.is_none()
        && b.particle.is_none()
        && words(&first) == 2
        && (2..=3).contains(&words(&given))
        && first
            .split_whitespace()
            .chain(given.split_whitespace())
            .all(full_word)
        && s.starts_with(&format!("{first}, {given}."))
    {
        nl.people = vec![Person::new(first, Some(given.as_str()))];
        nl.form = Some(names::Form::FamilyComma);
    }
}

/// "Nieto Olarte, Mauricio.", "Tjon Sie Fat, Leslie.", "Rheede tot
/// Drakenstein, Hendrik Adriaan van.": in a style that writes its first
/// author family name first, two or three words before the first comma
/// (capitalised, or a short particle between them) are one family name,
/// not a person written given name first. The list is read again with
/// that family standing as one word, and taken when it reads family name
/// first. Returns whether it was.
fn compound_family(s: &str, nl: &mut names::NameList, style: Style) -> bool {
    let inverted_style = inverts_names(style);
    if !inverted_style || nl.form == Some(names::Form::FamilyComma) || nl.people.len() > 1 {
        return false;
    }
    let Some(comma) = s.find(", ") else {
        return false;
    };
    let head = &s[..comma];
    let words: Vec<&str> = head.split(' ').collect();
    let particle =
        |w: &str| (1..=4).contains(&w.chars().count()) && w.chars().all(char::is_lowercase);
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    if !(2..=3).contains(&words.len())
        || !full_word(first)
        || !full_word(last)
        || !words.iter().all(|w| full_word(w) || particle(w))
    {
        return false;
    }
    // The family as one word of the same length, so offsets stay.
    let joined = head.replace(' ', "x");
    let again = names::name_list(&format!("{joined}{}", &s[comma..]));
    let read = again.form == Some(names::Form::FamilyComma)
        && !again.editors
        && again.people.first().is_some_and(|p| p.family == joined);
    if read {
        *nl = again;
        nl.people[0].family = head.to_owned();
    }
    read
}

/// "Royal Commission on Lights, Buoys, and Beacons": an institution named
/// for a list of things, whose commas part no names. The words before the
/// first comma name an institution and what it is "on" or "of"; each item
/// after is one or two capitalised words.
fn institution_of_a_list(seg: &str) -> bool {
    let Some((head, tail)) = seg.split_once(", ") else {
        return false;
    };
    let items: Vec<&str> = tail
        .split(", ")
        .map(|i| i.strip_prefix("and ").unwrap_or(i))
        .flat_map(|i| i.split(" and "))
        .collect();
    head.split_whitespace().count() >= 3
        && lexicon::institution_cue(head)
        && head
            .rsplit(' ')
            .nth(1)
            .is_some_and(|w| matches!(w, "on" | "of" | "for"))
        && items.iter().all(|i| {
            let words = i.split_whitespace().count();
            (1..=2).contains(&words)
                && i.split_whitespace()
                    .all(|w| w.starts_with(char::is_uppercase))
        })
}

fn infer_type(r: &Reference, p: &Prepared, chapter: bool) -> WorkType {
    let all = p.text.as_str();
    let container = r.container_title.as_deref().unwrap_or("");
    let note = r.note.as_deref().unwrap_or("");
    let lower = all.to_lowercase();
    if p.ids.video_host
        || super::text::contains(&lower, "recorded talk")
        || super::text::contains(&lower, " video")
    {
        return WorkType::Video;
    }
    if lexicon::thesis_cue(note)
        || lexicon::thesis_cue(container)
        || lexicon::thesis_cue(r.publisher.as_deref().unwrap_or(""))
    {
        return WorkType::Thesis;
    }
    let preprint_doi = r.doi.as_deref().is_some_and(|d| {
        let d = d.to_ascii_lowercase();
        super::text::contains(&d, "ssrn")
            || super::text::contains(&d, "arxiv")
            || d.starts_with("10.1101/")
    });
    if preprint_doi && r.volume.is_none() {
        return WorkType::Preprint;
    }
    if p.ids.arxiv.is_some()
        && r.volume.is_none()
        && (container.is_empty() || container.to_lowercase().contains("arxiv"))
    {
        return WorkType::Preprint;
    }
    if super::text::contains(&lower, "arxiv") && r.volume.is_none() && r.pages.is_none() {
        return WorkType::Preprint;
    }
    if lexicon::conference_cue(container)
        && !p.ids.url.as_deref().is_some_and(|u| {
            r.volume.is_none() && r.pages.is_none() && !u.is_empty() && container.is_empty()
        })
    {
        return WorkType::PaperConference;
    }
    let no_numbers = r.volume.is_none() && r.pages.is_none() && r.issue.is_none();
    let title = r.title.as_deref().unwrap_or("");
    let publisher = r.publisher.as_deref().unwrap_or("");
    let org_author_is_container = matches!(r.authors.as_slice(), [a] if a.literal && !container.is_empty() && a.family == container);
    if no_numbers
        && (title.starts_with("Report ")
            || lexicon::institution_cue(container)
            || lexicon::report_cue(title) && title.to_lowercase().contains("report")
            || (lexicon::institution_cue(publisher) && r.publisher_place.is_none())
            || org_author_is_container)
        && !chapter
    {
        return WorkType::Report;
    }
    if chapter || (!r.editors.is_empty() && r.title.is_some() && !container.is_empty()) {
        return WorkType::Chapter;
    }
    if lexicon::report_cue(note) || lexicon::report_cue(container) {
        return WorkType::Report;
    }
    if p.ids.code_host {
        return WorkType::Software;
    }
    if super::text::contains(&lower, "dataset") || super::text::contains(&lower, "data set") {
        return WorkType::Dataset;
    }
    if !container.is_empty() {
        // A periodical stays a periodical when read online: an article of
        // WIRED or The Guardian cited with its URL is still an article.
        if let Some(news) = lexicon::magazine_cue(container) {
            return if news {
                WorkType::ArticleNewspaper
            } else {
                WorkType::ArticleMagazine
            };
        }
        if p.ids.url.is_some() && no_numbers {
            // "Boston Review", "MIT Tech Review": a review read online is a
            // magazine; with volume and pages it would be a journal.
            let lower = container.to_lowercase();
            if lower.ends_with(" review") && !super::text::contains(&lower, "law review") {
                return WorkType::ArticleMagazine;
            }
            return WorkType::Webpage;
        }
        if r.volume.is_some() || r.pages.is_some() || r.issue.is_some() {
            return WorkType::ArticleJournal;
        }
        if p.ids.url.is_some() {
            return WorkType::Webpage;
        }
        return WorkType::ArticleJournal;
    }
    if r.publisher.is_some() || r.publisher_place.is_some() || r.edition.is_some() {
        return WorkType::Book;
    }
    if p.ids.url.is_some() {
        return WorkType::Webpage;
    }
    if !r.editors.is_empty() && r.authors.is_empty() {
        return WorkType::Book;
    }
    WorkType::Other
}

#[cfg(test)]
mod tests {
    //! Rules of the shared grammar, on references written the way physics,
    //! chemistry and computer-science lists write them.
    use crate::model::{Outcome, Reference, Style};
    use crate::parse::parse_reference;

    fn parse(raw: &str) -> Reference {
        match parse_reference(raw, Style::Unknown).outcome {
            Outcome::Parsed { reference, .. } => std::sync::Arc::unwrap_or_clone(reference),
            Outcome::Unparsed { reason } => panic!("unparsed ({reason}): {raw}"),
        }
    }

    fn families(r: &Reference) -> Vec<String> {
        r.authors.iter().map(|p| p.full_family()).collect()
    }

    #[test]
    fn circa_years_stay_in_the_title() {
        let s = "Medieval European Pilgrimage, c. 700–c. 1500. Palgrave, 2002.";
        assert_eq!(
            &s[..super::sentence_end(s).unwrap()],
            "Medieval European Pilgrimage, c. 700–c. 1500"
        );
        let s = "Art Markets, ca. 1450. Brill, 2001.";
        assert_eq!(
            &s[..super::sentence_end(s).unwrap()],
            "Art Markets, ca. 1450"
        );
    }

    #[test]
    fn collaborations_are_not_authors() {
        let r = parse("CMS Collaboration, V. Khachatryan et al., Search for dark matter in events with jets, Phys. Lett. B 755 (2016) 102.");
        assert_eq!(families(&r), ["Khachatryan"]);
        assert!(r.et_al);
        assert_eq!(
            r.title.as_deref(),
            Some("Search for dark matter in events with jets")
        );
        assert_eq!(r.container_title.as_deref(), Some("Phys. Lett. B"));
        let r = parse(
            "LIGO Scientific Collab. (B. P. Abbott et al.), Phys. Rev. Lett. 116, 061102 (2016).",
        );
        assert_eq!(families(&r), ["Abbott"]);
        assert_eq!(r.container_title.as_deref(), Some("Phys. Rev. Lett"));
        assert_eq!(r.volume.as_deref(), Some("116"));
    }

    #[test]
    fn ditto_dashes_stand_for_the_previous_authors() {
        let r = parse(
            "--, and R. Smith, 1999: Seasonal forecasts of rainfall. Mon. Wea. Rev., 127, 100-110.",
        );
        assert_eq!(families(&r), ["Smith"]);
        assert_eq!(r.year(), Some(1999));
        assert_eq!(r.title.as_deref(), Some("Seasonal forecasts of rainfall"));
        assert_eq!(r.pages.as_deref(), Some("100-110"));
    }

    #[test]
    fn ditto_dashes_without_names_leave_the_title_whole() {
        let r = parse("———. Minimum Wages. https://www.ilo.org/topics/wages/minimum-wages. Accessed 2 May 2024.");
        assert!(r.authors.is_empty(), "{:?}", r.authors);
        assert_eq!(r.title.as_deref(), Some("Minimum Wages"));
        let r = parse("———, editor. Whose Culture? The Promise of Museums and the Debate over Antiquities. Princeton University Press, 2009.");
        assert!(r.authors.is_empty() && r.editors.is_empty(), "{r:?}");
        assert_eq!(
            r.title.as_deref(),
            Some("Whose Culture? The Promise of Museums and the Debate over Antiquities")
        );
        assert_eq!(r.publisher.as_deref(), Some("Princeton University Press"));
    }

    #[test]
    fn numbers_inside_a_comma_separated_title() {
        let r = parse("A. Brown and C. Green, Jet quenching at √s = 5.02 TeV with the new detector, Phys. Rev. C 96 (2017) 024905.");
        assert_eq!(
            r.title.as_deref(),
            Some("Jet quenching at √s = 5.02 TeV with the new detector")
        );
        assert_eq!(r.container_title.as_deref(), Some("Phys. Rev. C"));
        assert_eq!(r.volume.as_deref(), Some("96"));
    }

    #[test]
    fn journal_words_after_an_unpunctuated_title() {
        let r = parse(
            "Smith J and Jones K 2012 Thermal noise in mirror coatings Class. Quantum Grav. 29 124001",
        );
        assert_eq!(r.year(), Some(2012));
        assert_eq!(r.title.as_deref(), Some("Thermal noise in mirror coatings"));
        assert_eq!(r.container_title.as_deref(), Some("Class. Quantum Grav"));
        assert_eq!(r.volume.as_deref(), Some("29"));
    }

    #[test]
    fn chemistry_lists_without_titles() {
        let r = parse("P. DUPONT et J. MARTIN. Tetrahedron Lett. 2145 (1975).");
        assert_eq!(r.title, None);
        assert_eq!(r.container_title.as_deref(), Some("Tetrahedron Lett"));
        assert_eq!(
            (r.volume.as_deref(), r.pages.as_deref()),
            (None, Some("2145"))
        );
        let r = parse("S. W. LANG. Prog. Energy Combust. Sci. 9, 211 (1983).");
        assert_eq!(r.title, None);
        assert_eq!(
            r.container_title.as_deref(),
            Some("Prog. Energy Combust. Sci")
        );
        let r = parse("R. Miller and T. Chen Phys. Rev. D 45, 1234 (1992).");
        assert_eq!(families(&r), ["Miller", "Chen"]);
        assert_eq!(r.container_title.as_deref(), Some("Phys. Rev. D"));
    }

    #[test]
    fn volume_glued_to_the_journal() {
        let r = parse("K. Lee, Heavy quark symmetry, Eur. Phys. J. Plus128 ,45 ( 2013)");
        assert_eq!(r.container_title.as_deref(), Some("Eur. Phys. J. Plus"));
        assert_eq!(
            (r.volume.as_deref(), r.pages.as_deref()),
            (Some("128"), Some("45"))
        );
    }

    #[test]
    fn publishers_and_places_around_book_titles() {
        let r = parse("E. Noether, Invariant Variations (Dover, New York, 1971).");
        assert_eq!(r.title.as_deref(), Some("Invariant Variations"));
        assert_eq!(r.publisher.as_deref(), Some("Dover"));
        assert_eq!(r.publisher_place.as_deref(), Some("New York"));
        let r = parse("A. V. Kent, Compiler Design, Addison-Wesley, Reading, MA, 1986.");
        assert_eq!(r.title.as_deref(), Some("Compiler Design"));
        assert_eq!(r.publisher.as_deref(), Some("Addison-Wesley"));
        assert_eq!(r.publisher_place.as_deref(), Some("Reading, MA"));
        let r = parse("J. Doe. Fast sorting of small keys. In Proceedings of the Tenth Symposium on Algorithms, Austin, TX, May 1999.");
        assert_eq!(
            r.container_title.as_deref(),
            Some("Proceedings of the Tenth Symposium on Algorithms")
        );
        assert_eq!(r.publisher_place.as_deref(), Some("Austin, TX"));
    }

    #[test]
    fn a_thesis_or_status_chunk_ends_a_comma_separated_title() {
        let r =
            parse("M. Weber, Rare decays of the B meson, Ph.D. thesis, University of Bonn, 2010.");
        assert_eq!(r.title.as_deref(), Some("Rare decays of the B meson"));
        let r = parse("K. Ito, A note on sparse cuts, manuscript, Kyoto University, 1995.");
        assert_eq!(r.title.as_deref(), Some("A note on sparse cuts"));
    }

    #[test]
    fn quoted_title_after_names_the_grammar_could_not_finish() {
        let r = parse("R. Smith, Xiaoming Li, and K. Wong, \"Optical tweezers for cold atoms,\" Opt. Lett. 12, 45 (2001).");
        assert_eq!(r.title.as_deref(), Some("Optical tweezers for cold atoms"));
        assert_eq!(families(&r), ["Smith", "Li", "Wong"]);
        assert_eq!(r.container_title.as_deref(), Some("Opt. Lett"));
    }

    #[test]
    fn a_book_cited_after_its_chapter_marker() {
        let r = parse(
            "Brown, K.: In: White, P. (ed.) Handbook of Topology, vol. 2. Springer, Berlin (1990)",
        );
        assert_eq!(r.title.as_deref(), Some("Handbook of Topology"));
        let eds: Vec<_> = r.editors.iter().map(|p| p.family.as_str()).collect();
        assert_eq!(eds, ["White"]);
    }

    #[test]
    fn given_first_name_before_a_title_with_capitals() {
        let r = parse(
            "George W. Walker. S-R Programs as Data. ACM Computing Surveys, 12(3):1-10, 1980.",
        );
        assert_eq!(families(&r), ["Walker"]);
        assert_eq!(r.authors[0].given.as_deref(), Some("George W."));
        assert_eq!(r.title.as_deref(), Some("S-R Programs as Data"));
    }

    #[test]
    fn an_edited_volume_is_a_book_by_its_publisher() {
        let r = parse("Robert, S. A., & Weaver-Hightower, M. B. (Eds.). (2011). School food politics: The complex ecology of feeding. Peter Lang.");
        assert!(r.authors.is_empty());
        assert_eq!(r.editors.len(), 2);
        assert_eq!(r.publisher.as_deref(), Some("Peter Lang"));
        assert_eq!(r.container_title, None);
        assert_eq!(r.kind, crate::model::WorkType::Book);
        let r = parse("Robert, Sarah A., and Marcus B. Weaver-Hightower, eds. School Food Politics: The Complex Ecology of Hunger. Peter Lang, 2011.");
        assert_eq!(
            r.title.as_deref(),
            Some("School Food Politics: The Complex Ecology of Hunger")
        );
    }

    #[test]
    fn a_long_organisation_of_an_undated_work() {
        // As a Chicago list writes it: names inverted, so "of" is no person's.
        let raw = "National Department of Education and Child Welfare Services. n.d. “School Meal Standards.” Accessed April 10, 2024. https://example.org/standards.";
        let Outcome::Parsed { reference, .. } = parse_reference(raw, Style::Chicago).outcome else {
            panic!("unparsed");
        };
        let r = std::sync::Arc::unwrap_or_clone(reference);
        assert_eq!(
            families(&r),
            ["National Department of Education and Child Welfare Services"]
        );
        assert_eq!(r.title.as_deref(), Some("School Meal Standards"));
    }

    #[test]
    fn a_government_office_after_its_country() {
        for raw in [
            "China. Maritime Customs. 1917. Treaties, Conventions, Etc., Between China and Foreign States. 2nd ed. Shanghai: Statistical Department.",
            "China. Maritime Customs. (1917). Treaties, conventions, etc., Between China and foreign states (2nd ed.). Statistical Department.",
        ] {
            let Outcome::Parsed { reference, .. } = parse_reference(raw, Style::Chicago).outcome else {
                panic!("unparsed");
            };
            let r = std::sync::Arc::unwrap_or_clone(reference);
            assert_eq!(families(&r), ["China. Maritime Customs"], "{raw}");
            assert_eq!(r.issued.map(|d| d.year), Some(1917));
        }
    }

    #[test]
    fn an_organisation_with_a_qualifier_in_brackets() {
        // The bracket names which museum; the name still ends in "Museum".
        let raw = "British Museum (Natural History). 1904–1912. The History of the Collections. 3 vols. London: Trustees of the British Museum.";
        let Outcome::Parsed { reference, .. } = parse_reference(raw, Style::Chicago).outcome else {
            panic!("unparsed");
        };
        let r = std::sync::Arc::unwrap_or_clone(reference);
        assert_eq!(families(&r), ["British Museum (Natural History)"]);
        assert_eq!(r.title.as_deref(), Some("The History of the Collections"));
    }
}
