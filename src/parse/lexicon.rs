//! Small generic word lists: publisher cue words, publishing cities, cue
//! words for work types. Generic on purpose: no journal or title lists.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::OnceLock;

/// Words that mark a publisher ("Press", "Verlag", "Springer", …).
pub(crate) const PUBLISHER_CUES: &[&str] = &[
    "press",
    "publishing",
    "publishers",
    "publisher",
    "publications",
    "verlag",
    "verlags",
    "books",
    "wiley",
    "springer",
    "elsevier",
    "routledge",
    "sage",
    "inc",
    "ltd",
    "gmbh",
    "llc",
    "co",
    "editions",
    "éditions",
    "editorial",
    "edizioni",
    "mcgraw-hill",
    "prentice-hall",
    "prentice",
    "addison-wesley",
    "pearson",
    "penguin",
    "random",
    "o'reilly",
    "blackwell",
    "macmillan",
    "palgrave",
    "norton",
    "harper",
    "kluwer",
    "birkhäuser",
    "dekker",
    "crc",
    "academic",
    "suhrkamp",
    "gallimard",
    "seuil",
    "puf",
    "dunod",
    "hachette",
    "transcript",
    "polity",
    "pluto",
    "verso",
    "taylor",
    "francis",
    "cengage",
    "oup",
    "cup",
    "ieee",
    "acm",
    "siam",
    "world",
    "scientific",
    "mit",
    "sons",
    "brill",
    "benjamins",
    "mouton",
    "gruyter",
    "teubner",
    "vieweg",
    "hanser",
    "beck",
    "vahlen",
    "nomos",
    "campus",
    "fischer",
    "rowohlt",
    "kohlhammer",
    "thieme",
    "karger",
    "lippincott",
    "saunders",
    "mosby",
    "churchill",
    "livingstone",
    "oxford",
    "cambridge",
    "princeton",
    "yale",
    "harvard",
    "stanford",
    "chicago",
    "columbia",
    "cornell",
    "minnesota",
    "nyu",
    "basic",
    "knopf",
    "doubleday",
    "vintage",
    "anchor",
    "bloomsbury",
    "continuum",
    "zed",
    "bantam",
    "houghton",
    "little",
    "mifflin",
    "ashgate",
    "emerald",
    "intellect",
    "meson",
    "now",
    "wesley",
    "morgan",
    "kaufmann",
    "freeman",
    "dover",
    "plenum",
    "pergamon",
    "butterworth",
    "heinemann",
];

fn raw_words(s: &str) -> impl Iterator<Item = &str> + '_ {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
}

/// The lower-cased words of `s`; a word already in lower case is not copied.
fn words(s: &str) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    raw_words(s).map(|w| {
        if w.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
            Cow::Owned(w.to_lowercase())
        } else {
            Cow::Borrowed(w)
        }
    })
}

/// A word list as a set: the lists are asked of every word of many
/// fields, and a scan compares each entry.
fn set_of(
    cell: &'static OnceLock<HashSet<&'static str>>,
    list: &'static [&'static str],
) -> &'static HashSet<&'static str> {
    cell.get_or_init(|| list.iter().copied().collect())
}

fn is_publisher_cue(w: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    set_of(&SET, PUBLISHER_CUES).contains(w)
}

fn is_city_name(w: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    set_of(&SET, CITIES).contains(w)
}

fn is_country(w: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    set_of(&SET, COUNTRIES).contains(w)
}

/// `s.to_lowercase()`, borrowed when `s` has no upper-case letter to change.
fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// True when `s` reads like a publisher's name.
pub fn looks_like_publisher(s: &str) -> bool {
    let n = raw_words(s).count();
    if n == 0 || n > 8 {
        return false;
    }
    // "Springer-Verlag": the parts of a hyphenated name count too.
    let strong_word = |w: &str| {
        matches!(
            w,
            "press"
                | "verlag"
                | "publishing"
                | "publishers"
                | "publisher"
                | "publications"
                | "books"
                | "inc"
                | "ltd"
                | "gmbh"
                | "llc"
                | "editions"
                | "éditions"
                | "editorial"
                | "edizioni"
                | "wiley"
                | "springer"
                | "elsevier"
                | "routledge"
                | "mcgraw-hill"
                | "prentice-hall"
                | "prentice"
                | "addison-wesley"
                | "pearson"
                | "penguin"
                | "o'reilly"
                | "blackwell"
                | "macmillan"
                | "palgrave"
                | "norton"
                | "kluwer"
                | "birkhäuser"
                | "dekker"
                | "suhrkamp"
                | "gallimard"
                | "transcript"
                | "sons"
                | "gruyter"
                | "brill"
                | "benjamins"
                | "thieme"
                | "karger"
                | "lippincott"
                | "saunders"
                | "pergamon"
                | "plenum"
                | "dover"
                | "verso"
                | "polity"
                | "sage"
                | "taylor"
                | "associates"
                | "publishers,"
                | "erlbaum"
        )
    };
    // "Springer-Verlag": the parts of a hyphenated name count too.
    let strong =
        words(s).any(|w| strong_word(&w) || (w.contains('-') && w.split('-').any(strong_word)));
    if strong {
        let l = super::text::Lower::new(s);
        return !l.contains("journal") && !l.contains("proceedings");
    }
    // A short run made only of publisher-ish words ("Basic Books").
    n <= 3
        && words(s).all(|w| {
            is_publisher_cue(&w) || (w.contains('-') && w.split('-').all(is_publisher_cue))
        })
}

/// Cities that often stand as the place of publication.
pub(crate) const CITIES: &[&str] = &[
    "new york",
    "london",
    "berlin",
    "paris",
    "oxford",
    "cambridge",
    "boston",
    "amsterdam",
    "heidelberg",
    "princeton",
    "chicago",
    "new haven",
    "stanford",
    "berkeley",
    "los angeles",
    "san francisco",
    "san diego",
    "philadelphia",
    "washington",
    "baltimore",
    "toronto",
    "montreal",
    "montréal",
    "munich",
    "münchen",
    "frankfurt",
    "frankfurt am main",
    "hamburg",
    "leipzig",
    "stuttgart",
    "wiesbaden",
    "bielefeld",
    "köln",
    "cologne",
    "vienna",
    "wien",
    "zurich",
    "zürich",
    "basel",
    "bern",
    "geneva",
    "genève",
    "madrid",
    "barcelona",
    "rome",
    "roma",
    "milan",
    "milano",
    "tokyo",
    "beijing",
    "singapore",
    "sydney",
    "melbourne",
    "new delhi",
    "delhi",
    "moscow",
    "dordrecht",
    "leiden",
    "utrecht",
    "rotterdam",
    "brussels",
    "bruxelles",
    "lyon",
    "copenhagen",
    "stockholm",
    "oslo",
    "helsinki",
    "warsaw",
    "prague",
    "budapest",
    "edinburgh",
    "manchester",
    "bristol",
    "thousand oaks",
    "newbury park",
    "englewood cliffs",
    "upper saddle river",
    "reading",
    "hoboken",
    "new jersey",
    "amherst",
    "minneapolis",
    "durham",
    "ithaca",
    "cambridge, ma",
    "cambridge, mass",
    "lüneburg",
    "st. louis",
    "orlando",
    "san diego, ca",
    "boca raton",
    "bonn",
    "göttingen",
    "tübingen",
    "mannheim",
    "new york, ny",
    "basingstoke",
    "abingdon",
    "malden",
    "hillsdale",
    "mahwah",
    "norwood",
    "westport",
    "greenwich",
    "ann arbor",
    "austin",
    "seattle",
    "atlanta",
    "lausanne",
    "dresden",
    "darmstadt",
    "karlsruhe",
    "jena",
    "weinheim",
    "bologna",
    "florence",
    "firenze",
    "torino",
    "turin",
    "lisbon",
    "lisboa",
    "são paulo",
    "mexico",
    "buenos aires",
    "santiago",
    "bogotá",
    "lima",
    "cape town",
    "nairobi",
    "hong kong",
    "seoul",
    "shanghai",
    "taipei",
    "bangalore",
    "mumbai",
    "new brunswick",
    "piscataway",
    "redwood city",
    "menlo park",
    "palo alto",
    "santa monica",
    "pittsburgh",
    "providence",
];

/// Postal codes of the US states, written after a city ("White Plains, NY").
const US_STATES: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC",
];

/// Countries that follow a city in a place of publication or a conference.
const COUNTRIES: &[&str] = &[
    "usa",
    "u.s.a",
    "us",
    "u.s",
    "uk",
    "u.k",
    "england",
    "scotland",
    "wales",
    "ireland",
    "germany",
    "france",
    "italy",
    "spain",
    "portugal",
    "japan",
    "china",
    "canada",
    "australia",
    "netherlands",
    "the netherlands",
    "holland",
    "switzerland",
    "austria",
    "belgium",
    "sweden",
    "norway",
    "denmark",
    "finland",
    "poland",
    "greece",
    "russia",
    "india",
    "brazil",
    "israel",
    "korea",
    "south korea",
    "mexico",
    "hungary",
    "czech republic",
    "new zealand",
    "taiwan",
    "turkey",
    "egypt",
    "argentina",
    "chile",
    "south africa",
    "iran",
    "pakistan",
    "romania",
    "bulgaria",
    "croatia",
    "slovenia",
    "slovakia",
    "ukraine",
    "luxembourg",
    "iceland",
    "estonia",
    "latvia",
    "lithuania",
    "singapore",
    "thailand",
    "malaysia",
    "indonesia",
    "vietnam",
    "philippines",
    "colombia",
    "peru",
    "venezuela",
    "cuba",
    "morocco",
    "tunisia",
    "algeria",
    "nigeria",
    "kenya",
    "deutschland",
    "italia",
    "españa",
    "schweiz",
    "österreich",
    "belgique",
    "suisse",
    "alabama",
    "alaska",
    "arizona",
    "arkansas",
    "california",
    "calif",
    "colorado",
    "connecticut",
    "conn",
    "delaware",
    "florida",
    "georgia",
    "hawaii",
    "idaho",
    "illinois",
    "ill",
    "indiana",
    "iowa",
    "kansas",
    "kentucky",
    "louisiana",
    "maine",
    "maryland",
    "massachusetts",
    "mass",
    "michigan",
    "mich",
    "minnesota",
    "minn",
    "mississippi",
    "missouri",
    "montana",
    "nebraska",
    "nevada",
    "new hampshire",
    "new jersey",
    "new mexico",
    "new york",
    "north carolina",
    "north dakota",
    "ohio",
    "oklahoma",
    "oregon",
    "pennsylvania",
    "penn",
    "rhode island",
    "south carolina",
    "south dakota",
    "tennessee",
    "texas",
    "utah",
    "vermont",
    "virginia",
    "washington",
    "west virginia",
    "wisconsin",
    "wis",
    "wyoming",
    "d. c",
    "d.c",
    "ontario",
    "quebec",
    "québec",
    "british columbia",
    "bavaria",
];

/// A US state code or a country ("NY", "Germany", "U.S.A.").
pub fn is_region(s: &str) -> bool {
    let t = s.trim().trim_end_matches('.');
    US_STATES.contains(&t) || is_country(&lower(t))
}

/// True when `s` is a city (optionally followed by a state or country).
pub fn is_city(s: &str) -> bool {
    let l = lower(s.trim().trim_end_matches('.'));
    if is_city_name(&l) {
        return true;
    }
    // "Cambridge, MA", "London, UK", "Berlin, Germany", "Jena, Germany".
    match s.trim().split_once(',') {
        Some((city, region)) => {
            if is_city_name(&lower(city.trim())) && region.split_whitespace().count() <= 2 {
                return true;
            }
            // "White Plains, NY", "Pisa, Italy": any short capitalised name
            // before a state or country.
            let words = city.split_whitespace().count();
            is_region(region)
                && (1..=3).contains(&words)
                && city
                    .split_whitespace()
                    .all(|w| w.starts_with(char::is_uppercase))
                && !city.chars().any(|c| c.is_ascii_digit())
        }
        None => is_country(&l) && l.len() > 2,
    }
}

/// Splits "New York: Wiley" into place and publisher when it has that shape.
pub fn place_publisher(s: &str) -> Option<(&str, &str)> {
    let (place, publ) = s.split_once(':')?;
    let place = place.trim();
    let publ = publ.trim();
    let pw = place.split_whitespace().count();
    let bw = publ.split_whitespace().count();
    if pw == 0 || pw > 4 || bw == 0 || bw > 8 {
        return None;
    }
    let capital = |t: &str| t.chars().next().is_some_and(|c| c.is_uppercase());
    if !capital(place) || !capital(publ) {
        return None;
    }
    // "J. Phys. A: Math. Theor." is a journal, not "Place: Publisher".
    let journal = |t: &str| {
        t.split_whitespace()
            .any(|w| w.ends_with('.') && is_journal_word(w.trim_end_matches('.')))
    };
    if journal(place) || journal(publ) {
        return None;
    }
    // "Academic Press: London" (ACS): the publisher comes first.
    if looks_like_publisher(place) && is_city(publ) {
        return Some((publ, place));
    }
    if publ.chars().any(|c| c.is_ascii_digit()) && !looks_like_publisher(publ) {
        return None;
    }
    if is_city(place) || looks_like_publisher(publ) || pw <= 2 {
        Some((place, publ))
    } else {
        None
    }
}

/// Cue words of theses and reports.
pub fn is_thesis_or_report(s: &str) -> bool {
    thesis_cue(s) || report_cue(s)
}

/// "PhD thesis", "Dissertation", "Master's thesis", "Diplomarbeit".
pub fn thesis_cue(s: &str) -> bool {
    // "ph.d." and the thesis words, looked for in one pass.
    static NEEDLES: OnceLock<Vec<&'static str>> = OnceLock::new();
    let needles = NEEDLES.get_or_init(|| {
        std::iter::once("ph.d.")
            .chain(THESIS_WORDS.iter().copied())
            .collect()
    });
    super::text::Lower::new(s).contains_any(needles)
}

/// Words that name a thesis; [`thesis_cue`] reads them in text, and the
/// tagger's word classes use them too.
pub(crate) const THESIS_WORDS: &[&str] = &[
    "thesis",
    "dissertation",
    "phd",
    "diplomarbeit",
    "doctoral",
    "thèse",
    "tesis",
    "master's",
];

/// "Technical Report", "Tech. Rep.", "Working Paper", "White Paper".
pub fn report_cue(s: &str) -> bool {
    super::text::Lower::new(s).contains_any(&[
        "technical report",
        "tech. rep",
        "tech rep",
        "report no",
        "working paper",
        "white paper",
        "research report",
        "technical note",
        "memorandum",
        "internal report",
        "report",
    ])
}

/// Names of institutions that publish reports ("AI Now Institute").
pub fn institution_cue(s: &str) -> bool {
    let words: Vec<&str> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(k, w)| {
        let last_or_of = words
            .get(k + 1)
            .is_none_or(|n| matches!(*n, "of" | "for" | "on" | "de" | "für"));
        last_or_of
            && matches!(
                *w,
                "Institute"
                    | "Institut"
                    | "Academy"
                    | "Academies"
                    | "Foundation"
                    | "Council"
                    | "Agency"
                    | "Commission"
                    | "Ministry"
                    | "Organisation"
                    | "Organization"
                    | "Centre"
                    | "Bureau"
                    | "Office"
                    | "Department"
                    | "OECD"
                    | "UNESCO"
                    | "WHO"
            )
    })
}

/// A name that ends in a word only organisations end in ("World Bank",
/// "International Monetary Fund", "Dask Development Team"), or that
/// [`institution_cue`] names. Asked only of a first author written given
/// name first where a style writes persons family name first, so
/// "John Bank" in such a list is still an organisation's shape.
pub fn organisation_name(s: &str) -> bool {
    // "British Museum (Natural History)", "Ministry of Health (Brazil)": a
    // qualifier in brackets after the name does not end it.
    let s = match s.trim_end().strip_suffix(')').and_then(|t| t.rfind('(')) {
        Some(open) if open > 0 => &s[..open],
        _ => s,
    };
    let last = s
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty())
        .unwrap_or("");
    matches!(
        last,
        "Bank"
            | "Fund"
            | "Team"
            | "Group"
            | "Association"
            | "Society"
            | "Committee"
            | "Board"
            | "Union"
            | "Consortium"
            | "Collaboration"
            | "Collaborators"
            | "Investigators"
            | "Network"
            | "Programme"
            | "Program"
            | "Nations"
            | "Forum"
            | "Survey"
            | "Service"
            | "Administration"
            | "Authority"
            | "Corporation"
            | "Company"
            | "Inc"
            | "Ltd"
            // Companies, labs and bodies a person's family name never is.
            | "Instruments"
            | "Systems"
            | "Technologies"
            | "Laboratories"
            | "Labs"
            | "Microsystems"
            | "Electronics"
            | "Industries"
            | "Semiconductors"
            | "Museum"
            | "Trust"
            | "Alliance"
            | "Coalition"
            | "Federation"
            | "Secretariat"
            | "Archives"
    ) || institution_cue(s)
}

/// Words that name a conference, abbreviations as stems ("proc", "conf",
/// "symp"). [`conference_cue`] reads them in text; the tagger's word classes
/// use them too.
pub(crate) const CONFERENCE_WORDS: &[&str] = &[
    "proceedings",
    "proc",
    "conference",
    "conf",
    "symposium",
    "symp",
    "workshop",
    "congress",
    "colloquium",
    "meeting",
    "tagung",
    "actes",
    "convention",
];

/// "Proceedings", "Conference", "Symposium", "Workshop", "Proc.".
pub fn conference_cue(s: &str) -> bool {
    // The stems are cues only as abbreviations: "proc." or "proc ", never
    // inside "process" or "confidence". All looked for in one pass.
    static NEEDLES: OnceLock<Vec<&'static str>> = OnceLock::new();
    let needles = NEEDLES.get_or_init(|| {
        let mut v = Vec::new();
        for w in CONFERENCE_WORDS {
            match *w {
                "proc" => v.extend(["proc.", "proc "]),
                "conf" => v.push("conf."),
                "symp" => v.push("symp."),
                w => v.push(w),
            }
        }
        v
    });
    super::text::Lower::new(s).contains_any(needles)
}

/// "Magazine", "Times", "Post", … for periodicals that are not journals.
pub fn magazine_cue(s: &str) -> Option<bool> {
    let l = s.to_lowercase();
    let l = l.trim_end_matches(['.', ',']).trim();
    // Names that are ordinary words ("Time") count only as the whole container.
    if matches!(l, "time" | "the week") {
        return Some(false);
    }
    if [
        "magazine",
        "wired",
        "forbes",
        "the atlantic",
        "new yorker",
        "economist",
        "newsweek",
    ]
    .iter()
    .any(|c| has_phrase(l, c))
    {
        return Some(false);
    }
    if [
        "times", "post", "guardian", "herald", "tribune", "gazette", "zeitung", "le monde",
        "daily", "news",
    ]
    .iter()
    .any(|c| has_phrase(l, c))
    {
        return Some(true);
    }
    None
}

/// True when `phrase` stands in `text` as whole words ("times" in "The New
/// York Times", not in "Sometimes").
fn has_phrase(text: &str, phrase: &str) -> bool {
    // The matches `match_indices` gives: leftmost first, not overlapping.
    let mut from = 0;
    while let Some(k) = super::text::find(&text[from..], phrase) {
        let i = from + k;
        let before = text[..i].chars().next_back();
        let after = text[i + phrase.len()..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        from = i + phrase.len().max(1);
        if from > text.len() {
            break;
        }
    }
    false
}

/// Words that start or fill abbreviated journal names ("Phys.", "Astrophys.").
pub fn is_journal_word(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "Phys"
            | "Astrophys"
            | "Chem"
            | "Biol"
            | "Nucl"
            | "Math"
            | "Rev"
            | "Lett"
            | "Proc"
            | "Acta"
            | "Ann"
            | "Bull"
            | "Trans"
            | "Mon"
            | "Not"
            | "Sov"
            | "Zh"
            | "Eksp"
            | "Teor"
            | "Fiz"
            | "Mol"
            | "Res"
            | "Med"
            | "Sci"
            | "Soc"
            | "Anal"
            | "Appl"
            | "Opt"
            | "Commun"
            | "Comm"
            | "Mech"
            | "Geophys"
            | "Astron"
            | "Phil"
            | "Mag"
            | "Rep"
            | "Prog"
            | "Theor"
            | "Stat"
            | "Int"
            | "Natl"
            | "Acad"
            | "Biochem"
            | "Physiol"
            | "Pharmacol"
            | "Clin"
            | "Eur"
            | "Jpn"
            | "Can"
            | "Amer"
            | "Mod"
            | "Struct"
            | "Inorg"
            | "Org"
            | "Polym"
            | "Mater"
            | "Electron"
            | "Comput"
            | "Eng"
            | "Ind"
            | "Tech"
            | "Technol"
            | "Instrum"
            | "Meth"
            | "Methods"
            | "Cosmol"
            | "Gen"
            | "Rel"
            | "Grav"
            | "Quant"
            | "Part"
            | "Fields"
            | "Synth"
            | "Tetrahedron"
            | "Angew"
            | "Helv"
            | "Ber"
            | "Neurosci"
            | "Immunol"
            | "Microbiol"
            | "Genet"
            | "Ecol"
            | "Evol"
            | "Zool"
            | "Bot"
            | "Agric"
            | "Environ"
            | "Annu"
            | "Pharm"
            | "Psych"
            | "Nutr"
            | "Surg"
            | "Oncol"
            | "Radiol"
            | "Cardiol"
            | "Hepatol"
            | "Virol"
            | "Infect"
            | "Endocr"
            | "Metab"
            | "Lond"
            | "Class"
            | "Combust"
            | "Planet"
            | "Geol"
            | "Limnol"
            | "Relativ"
            | "Gravit"
            | "Nat"
            | "Sect"
            | "Ser"
            | "Syst"
            | "Dev"
            | "Adv"
            | "Curr"
            | "Opin"
            | "Rheumatol"
            | "Dermatol"
            | "Neurol"
            | "Gastroenterol"
            | "Ophthalmol"
            | "Pediatr"
            | "Epidemiol"
            | "Hum"
            | "Exp"
            | "Biophys"
            | "Cosmochim"
            | "Geochim"
            | "Meteor"
            | "Meteorol"
            | "Oceanogr"
            | "Hydrol"
            | "Atmos"
            | "Sol"
            | "Cryst"
            | "Crystallogr"
            | "Spectrosc"
            | "Catal"
            | "Kinet"
            | "Electrochem"
            | "Photochem"
            | "Photobiol"
    )
}

/// True when `s` looks like an abbreviated journal name ("Phys. Rev. D",
/// "J Biol Chem", "JHEP", "Acc. Chem. Res.") rather than a title.
pub fn looks_like_abbreviated_journal(s: &str) -> bool {
    let ws: Vec<&str> = s.split_whitespace().collect();
    if ws.is_empty() || ws.len() > 8 {
        return false;
    }
    let mut abbrev = 0;
    for w in &ws {
        let core = w.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '.' | '(' | ')'));
        if core.is_empty() {
            continue;
        }
        let first = core.chars().next().unwrap_or(' ');
        let lower_word = matches!(
            core,
            "of" | "and" | "de" | "der" | "für" | "in" | "the" | "&" | "et"
        );
        if !(first.is_uppercase() || lower_word || first.is_ascii_digit()) {
            return false;
        }
        if w.contains('.') || core.chars().all(|c| c.is_uppercase()) {
            abbrev += 1;
        }
    }
    abbrev * 2 >= ws.len() || (ws.len() <= 2 && ws.iter().all(|w| w.len() <= 8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publishers_and_places() {
        assert!(looks_like_publisher("Polity Press"));
        assert!(looks_like_publisher("The University of Chicago Press"));
        assert!(!looks_like_publisher("Journal of Design and Science"));
        assert!(is_city("Cambridge, MA"));
        assert_eq!(
            place_publisher("New York: Wiley"),
            Some(("New York", "Wiley"))
        );
        assert!(is_city("White Plains, NY"));
        assert!(is_city("Pisa, Italy"));
        assert!(!is_city("Proceedings of the Workshop, NY"));
        assert!(is_region("Massachusetts") && is_region("CA") && !is_region("Press"));
        assert!(looks_like_publisher("Springer-Verlag"));
        assert_eq!(
            place_publisher("Academic Press: London"),
            Some(("London", "Academic Press"))
        );
        assert_eq!(place_publisher("J. Phys. A: Math. Theor"), None);
        assert!(looks_like_abbreviated_journal("Phys. Rev. D"));
        assert!(looks_like_abbreviated_journal("JHEP"));
        assert!(!looks_like_abbreviated_journal(
            "Stability of a dilatonic black hole"
        ));
    }
}
