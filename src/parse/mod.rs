//! Parsing one reference string into fields.
//!
//! Language-neutral recognisers ([`tokens`]: dates, page ranges, volume and
//! issue forms, quoted titles) and the name-list grammar (`names`) are
//! written once with nom; the shared grammar (`generic`) reads names, an
//! optional date, the title and the tail, and the style modules (`mla`,
//! `apa`, `chicago`, `ieee`, `physics`) supply the evidence for
//! [`guess_style`] and their particular decisions (organisation authors,
//! titles left out, comma-separated tails).
//!
//! ```
//! use citemap::parse::parse_reference;
//! use citemap::{Outcome, Style};
//!
//! let p = parse_reference("Noble, S. U. (2018). Algorithms of oppression. NYU Press.", Style::Unknown);
//! let Outcome::Parsed { reference, .. } = p.outcome else { panic!() };
//! assert_eq!(reference.authors[0].family, "Noble");
//! assert_eq!(reference.year(), Some(2018));
//! assert_eq!(reference.publisher.as_deref(), Some("NYU Press"));
//! ```

mod apa;
mod chicago;
mod describe;
mod generic;
mod ids;
mod ieee;
mod lexicon;
mod mla;
mod names;
mod physics;
pub mod tagger;
mod tail;
pub mod terse;
mod text;
pub mod tokens;

use crate::model::{Outcome, Style};

/// Longest reference string the grammar reads; longer input is cut (no
/// reference is this long, and the cut keeps parsing linear).
const MAX_LEN: usize = 4000;

/// What parsing one reference string gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The style the string was read as.
    pub style: Style,
    /// The fields, or why there are none.
    pub outcome: Outcome,
}

/// Appends `more` to a reference's note, after a comma.
fn add_note(note: &mut Option<String>, more: String) {
    *note = Some(match note.take() {
        Some(n) if !n.is_empty() => format!("{n}, {more}"),
        _ => more,
    });
}

fn cut(raw: &str) -> &str {
    if raw.len() <= MAX_LEN {
        return raw;
    }
    let mut k = MAX_LEN;
    while !raw.is_char_boundary(k) {
        k -= 1;
    }
    &raw[..k]
}

/// Parses one reference string. `hint` is the style of the list it came from
/// (`Style::Unknown` to detect it from the string alone).
///
/// Never panics; input longer than a few thousand bytes is read only in
/// part. The confidence is the share of the string the grammar placed in
/// fields.
pub fn parse_reference(raw: &str, hint: Style) -> Parsed {
    parse_reference_with(raw, hint, tagger::builtin())
}

/// Parses one reference string as [`parse_reference`] does, with the
/// grammar alone (`tagging` is `None`) or combined with the given tagger
/// (see [`tagger`]).
pub fn parse_reference_with(raw: &str, hint: Style, tagging: Option<&tagger::Tagging>) -> Parsed {
    let raw = cut(raw);
    let style = if hint == Style::Unknown {
        guess_style(raw)
    } else {
        hint
    };
    if !raw.chars().any(char::is_alphanumeric) {
        return Parsed {
            style,
            outcome: Outcome::Unparsed {
                reason: "the entry has no letters or digits".into(),
            },
        };
    }
    let described = describe::take(raw);
    let text = described.as_ref().map_or(raw, |d| d.text.as_str());
    let prepared = generic::prepare(text);
    let (mut reference, used) = generic::parse(&prepared, style);
    // A description ("[Computer software]", "(Doctoral dissertation, …)")
    // marks where the title ends as quotes do; the tagger, which has seen
    // few such works, is not asked.
    let marked_kind = described.as_ref().is_some_and(|d| d.kind.is_some());
    if let Some(t) = tagging.filter(|_| !marked_kind) {
        reference = tagger::combine(t, &prepared, reference);
    }
    if let Some(d) = described {
        d.apply(&mut reference);
    }
    if let Some(v) = reference.volume.take() {
        if tail::volume_stands(&prepared.text, &v, reference.container_title.is_some()) {
            reference.volume = Some(v);
        } else {
            // Not a volume, but not lost: the number stays in the note.
            add_note(&mut reference.note, v);
        }
    }
    let empty = reference.title.is_none()
        && reference.authors.is_empty()
        && reference.container_title.is_none()
        && reference.issued.is_none()
        && reference.doi.is_none()
        && reference.url.is_none();
    if empty {
        return Parsed {
            style,
            outcome: Outcome::Unparsed {
                reason: "no author, title, date or identifier found".into(),
            },
        };
    }
    let total = prepared.text.len().max(1);
    let mut confidence = (used as f32 / total as f32).clamp(0.0, 1.0);
    if reference.title.is_none() && reference.container_title.is_none() {
        confidence *= 0.5;
    }
    Parsed {
        style,
        outcome: Outcome::Parsed {
            reference: reference.into(),
            confidence,
        },
    }
}

/// A cheap guess at the style of one reference string, used to vote on the
/// style of a whole list before each entry is parsed with that hint.
///
/// ```
/// use citemap::parse::guess_style;
/// use citemap::Style;
/// assert_eq!(guess_style("Noble, S. U. (2018). Algorithms of oppression. NYU Press."), Style::Apa);
/// assert_eq!(guess_style("Sekijima Y, Smith J. Title. J Neurol. 2019;266(3):1-9."), Style::Vancouver);
/// ```
pub fn guess_style(raw: &str) -> Style {
    let raw = cut(raw);
    let scores = [
        (Style::Apa, apa::score(raw)),
        (Style::Ieee, ieee::score(raw)),
        (Style::Vancouver, ieee::vancouver_score(raw)),
        (Style::Mla, mla::score(raw)),
        (Style::Harvard, chicago::harvard_score(raw)),
        (Style::Chicago, chicago::score(raw)),
    ];
    let best = scores.iter().max_by_key(|(_, n)| *n).copied();
    match best {
        Some((style, n)) if n >= 2 => style,
        _ => Style::Unknown,
    }
}

#[cfg(test)]
mod tests {
    //! Entries of the seed corpus (MLA list of 000, IEEE list of 004), as
    //! extraction hands them over, with the fields a reader checks by eye.
    use super::*;
    use crate::model::{Reference, WorkType};

    fn parse(raw: &str, style: Style) -> Reference {
        match parse_reference(raw, style).outcome {
            Outcome::Parsed { reference, .. } => std::sync::Arc::unwrap_or_clone(reference),
            Outcome::Unparsed { reason } => panic!("unparsed ({reason}): {raw}"),
        }
    }

    fn families(r: &Reference) -> Vec<String> {
        r.authors.iter().map(|p| p.full_family()).collect()
    }

    #[test]
    fn a_family_name_of_several_words_written_first() {
        // Made-up entries.
        for (raw, family, given) in [
            (
                "Nieto Soler, Mauricio. Remedios del reino. Instituto, 2000.",
                "Nieto Soler",
                "Mauricio",
            ),
            (
                "Tjon Aa Fat, Leslie. “The Garden.” The Garden Book, Foundation, 1991, pp. 3–12.",
                "Tjon Aa Fat",
                "Leslie",
            ),
        ] {
            let r = parse(raw, Style::Mla);
            assert_eq!(r.authors.len(), 1, "{r:?}");
            assert_eq!(r.authors[0].family, family);
            assert_eq!(r.authors[0].given.as_deref(), Some(given));
        }
        // A person written given name first in a style that does not invert.
        let r = parse(
            "Mauricio Nieto, “Remedios,” Revista 3 (2000): 1–9.",
            Style::Ieee,
        );
        assert_eq!(r.authors[0].family, "Nieto");
    }

    #[test]
    fn a_number_no_container_carries_is_no_volume() {
        // A report's number, a page count: kept in the note, not the volume.
        let r = parse(
            "Okafor, Ngozi. Flood Gauges on Small Rivers. Technical Report 1143, Hydrology Unit, University of Leeds, 1994.",
            Style::Unknown,
        );
        assert_eq!(r.volume, None);
        assert!(
            r.note.as_deref().is_some_and(|n| n.contains("1143")),
            "{r:?}"
        );
        let r = parse(
            "Brandt, Ilse. 2003. Die Mühlen am Niederrhein. Kleve: Boss. 212 S.",
            Style::Unknown,
        );
        assert_eq!(r.volume, None, "{r:?}");
        // A journal's volume, a labelled one and one with its issue stay.
        let r = parse(
            "Okafor, N. (2001). Gauging small rivers. Journal of Applied Hydrology, 11(5), 427–435.",
            Style::Apa,
        );
        assert_eq!(r.volume.as_deref(), Some("11"));
        let r = parse(
            "Leclerc, Paul. 1841. Les moulins de Picardie. Tome 4. Amiens: Caron.",
            Style::Unknown,
        );
        assert_eq!(r.volume.as_deref(), Some("4"), "{r:?}");
    }

    #[test]
    fn a_book_whose_italics_plain_text_lost() {
        let r = parse(
            "Lewis, Saunders. 1962. Tynged yr Iaith. BBC.",
            Style::Chicago,
        );
        assert_eq!(r.kind, WorkType::Book);
        assert_eq!(r.publisher.as_deref(), Some("BBC"));
        assert_eq!(r.container_title, None);
        // A source with a link is no publisher.
        let r = parse(
            "Lewis, Saunders. 1962. Tynged yr Iaith. BBC Cymru. https://example.org/tynged.",
            Style::Chicago,
        );
        assert_eq!(r.publisher, None);
    }

    #[test]
    fn particles_after_given_names_and_works_over_years() {
        let r = parse("Woude, Ad van der. 1991. “The Volume and Value of Paintings.” In Art in History, edited by David Freedberg. Getty Center.", Style::Chicago);
        assert_eq!(r.authors[0].particle.as_deref(), Some("van der"));
        assert_eq!(r.authors[0].family, "Woude");
        let r = parse("Houbraken, Arnold. 1718–1721. De groote schouburgh der Nederlantsche konstschilders en schilderessen. 3. Amsterdam.", Style::Chicago);
        assert_eq!(r.year(), Some(1718));
        // Pages are no span of years.
        let r = parse(
            "Smith, John. 1990. “A Title.” Journal of Things 4: 1990–2030.",
            Style::Chicago,
        );
        assert_eq!(r.year(), Some(1990));
    }

    #[test]
    fn a_ditto_entry_takes_no_names_from_its_publisher() {
        // The dashes stand for the entry above's author; the tagger had
        // read the press ("Bürhaneddin Matbaası") as the author instead.
        let r = parse(
            "———. Kanunlar. vol. 1, Bürhaneddin Matbaası, 1943. İstanbul Üniversitesi Yayınları 256, Vol. 1 of XV ve XVI ıncı Asırlarda Osmanlı İmparatorluğunda Ziraî Ekonominin Hukukî ve Malî Esasları.",
            Style::Mla,
        );
        assert!(r.authors.is_empty(), "{:?}", r.authors);
    }

    #[test]
    fn an_early_year_in_the_year_place_of_an_author_date_entry() {
        // A manuscript of 1432 is dated "(1432)." as any work is; before
        // the fix its year was read as a volume.
        let r = parse(
            "Smith, J. (1432). Manuscript, Istanbul, State Archive, Register 509.",
            Style::Apa,
        );
        assert_eq!(r.year(), Some(1432));
        assert_ne!(r.volume.as_deref(), Some("1432"));
    }

    #[test]
    fn a_group_that_writes_its_name_in_lower_case() {
        for (raw, style) in [
            ("wwPDB consortium. “Protein Data Bank: The Single Global Archive for 3D Macromolecular Structure Data.” Nucleic Acids Research, vol. 47, no. D1, 2019, pp. D520–28.", Style::Mla),
            ("wwPDB consortium. 2019. “Protein Data Bank: The Single Global Archive for 3d Macromolecular Structure Data.” Nucleic Acids Research 47 (D1): D520–D528.", Style::Chicago),
        ] {
            let r = parse(raw, style);
            assert_eq!(families(&r), ["wwPDB consortium"], "{raw}");
            assert_eq!(r.year(), Some(2019), "{raw}");
        }
    }

    #[test]
    fn a_group_with_a_year_in_its_name_is_one_author() {
        // "GBD 2019 …": the year names the study, not the work, and the
        // bracket after the group holds the date, not persons.
        for (raw, style) in [
            ("GBD 2019 Risk Factors Collaborators. (2020). Global burden of 87 risk factors. Lancet, 396(10258), 1223–1249.", Style::Apa),
            ("GBD 2019 Risk Factors Collaborators. 2020. “Global Burden of 87 Risk Factors.” Lancet 396 (10258): 1223–1249.", Style::Chicago),
            ("GBD 2019 Risk Factors Collaborators. “Global Burden of 87 Risk Factors.” Lancet, vol. 396, no. 10258, 2020, pp. 1223–49.", Style::Mla),
            ("GBD Collaborators. (2020). Global burden of risk factors. Lancet, 396(10258), 1223–1249.", Style::Apa),
        ] {
            let r = parse(raw, style);
            assert_eq!(r.authors.len(), 1, "{raw}");
            assert!(r.authors[0].literal, "{raw}");
            assert!(r.authors[0].family.ends_with("Collaborators"), "{raw}");
            assert_eq!(r.year(), Some(2020), "{raw}");
        }
    }

    #[test]
    fn mla_book() {
        let r = parse("Benjamin, Ruha. *Race after Technology. Abolitionist Tools for the New Jim Code*. Polity Press, 2019.", Style::Mla);
        assert_eq!(families(&r), ["Benjamin"]);
        assert_eq!(r.authors[0].given.as_deref(), Some("Ruha"));
        assert_eq!(
            r.title.as_deref(),
            Some("Race after Technology. Abolitionist Tools for the New Jim Code")
        );
        assert_eq!(r.publisher.as_deref(), Some("Polity Press"));
        assert_eq!(r.year(), Some(2019));
        assert_eq!(r.kind, WorkType::Book);
        let r = parse("Apprich, Clemens. *Technotopia. A Media Genealogy of Net Cultures*. Rowman & Littlefield, 2017.", Style::Mla);
        assert_eq!(r.publisher.as_deref(), Some("Rowman & Littlefield"));
        assert_eq!(r.container_title, None);
    }

    #[test]
    fn mla_chapter_edited_by() {
        let r = parse("Apprich, Clemens. “Introduction.” *Pattern Discrimination*, edited by Clemens Apprich, Wendy Hui Kyong Chun, Florian Cramer and Hito Steyerl. meson press/Minnesota Press, 2018, pp. ix-xii.", Style::Mla);
        assert_eq!(r.title.as_deref(), Some("Introduction"));
        assert_eq!(r.container_title.as_deref(), Some("Pattern Discrimination"));
        let eds: Vec<_> = r.editors.iter().map(|p| p.family.as_str()).collect();
        assert_eq!(eds, ["Apprich", "Chun", "Cramer", "Steyerl"]);
        assert_eq!(r.publisher.as_deref(), Some("meson press/Minnesota Press"));
        assert_eq!(r.pages.as_deref(), Some("ix-xii"));
        assert_eq!(r.kind, WorkType::Chapter);
    }

    #[test]
    fn mla_journal_article() {
        let r = parse(" Tsing, Anna. \"On Nonscalability: The Living World is Not Amenable to Precision-Nested Scales.\" *Common Knowledge*, vol. 18, no. 3, 2012, pp. 505-524.", Style::Mla);
        assert_eq!(families(&r), ["Tsing"]);
        assert_eq!(r.container_title.as_deref(), Some("Common Knowledge"));
        assert_eq!(
            (r.volume.as_deref(), r.issue.as_deref()),
            (Some("18"), Some("3"))
        );
        assert_eq!(r.pages.as_deref(), Some("505-524"));
        assert_eq!(r.year(), Some(2012));
        assert_eq!(r.kind, WorkType::ArticleJournal);
    }

    #[test]
    fn mla_web_page_with_date_and_url() {
        let r = parse("Dillet, Romain. \"Hugging Face Wants to Become Your Artificial BFF.\" *TechCrunch*, 9 March 2017. <https://techcrunch.com/2017/03/09/hugging-face-wants-to-become-your-artificial-bff/>.", Style::Mla);
        assert_eq!(r.container_title.as_deref(), Some("TechCrunch"));
        let d = r.issued.unwrap();
        assert_eq!((d.year, d.month, d.day), (2017, Some(3), Some(9)));
        assert_eq!(r.url.as_deref(), Some("https://techcrunch.com/2017/03/09/hugging-face-wants-to-become-your-artificial-bff/"));
        assert_eq!(r.kind, WorkType::Webpage);
    }

    #[test]
    fn mla_organisation_authors() {
        let r = parse("Google AI. \"Principles.\" *Google AI Official Website*, 2023. <https://ai.google/principles>.", Style::Mla);
        assert_eq!(r.authors, vec![crate::Person::literal("Google AI")]);
        assert_eq!(r.title.as_deref(), Some("Principles"));
        let r = parse("Microsoft News Center. \"Democratizing AI. For Every Person and Every Organization.\" *Microsoft Features*, 26 September 2016. <https://news.microsoft.com/features/democratizing-ai/>.", Style::Mla);
        assert_eq!(
            r.authors,
            vec![crate::Person::literal("Microsoft News Center")]
        );
        assert_eq!(r.container_title.as_deref(), Some("Microsoft Features"));
        let r = parse(
            "Hugging Face. *Official Website*, 2023. <https://huggingface.co>.",
            Style::Mla,
        );
        assert_eq!(r.authors, vec![crate::Person::literal("Hugging Face")]);
    }

    #[test]
    fn mla_name_lists_with_particles_and_three_authors() {
        let r = parse(" van Dijck, José. *The Culture of Connectivity. A Critical History of Social Media*. Oxford University Press, 2013.", Style::Mla);
        assert_eq!(families(&r), ["van Dijck"]);
        let r = parse("West, Sarah Myers, Whittaker, Meredith and Kate Crawford. *Discriminating Systems. Gender, Race, and Power in AI*. AI Now Institute, 2019.", Style::Mla);
        assert_eq!(families(&r), ["West", "Whittaker", "Crawford"]);
        assert_eq!(r.publisher.as_deref(), Some("AI Now Institute"));
        let r = parse(
            "D'Ignazio, Catherine and Lauren F. Klein. *Data Feminism*. The MIT Press, 2020.",
            Style::Mla,
        );
        assert_eq!(families(&r), ["D'Ignazio", "Klein"]);
    }

    #[test]
    fn mla_recorded_talk_is_a_video() {
        let r = parse("Srnicek, Nick. \"The Political Economy of Artificial Intelligence.\" Recorded talk, *Great Transformation*, Jena, 23.09.-27.09.2019. <https://www.youtube.com/watch?v=Fmi3fq3Q3Bo>.", Style::Mla);
        assert_eq!(r.kind, WorkType::Video);
        assert_eq!(r.container_title.as_deref(), Some("Great Transformation"));
        assert_eq!(r.year(), Some(2019));
        assert_eq!(r.publisher_place.as_deref(), Some("Jena"));
    }

    #[test]
    fn ieee_web_entry_with_accessed_online() {
        let r = parse("[1] E. Mostaque, ‘Emad Mostaque (Stability AI): Democratizing AI, Stable Diffusion & Generative Models - Video’, Oct. 23, 2022. Accessed: Mar. 09, 2023. [Online]. Available: https://exchange.scale.com/public/videos/emad-mostaque-stability-ai-stable-diffusion-open-source", Style::Ieee);
        assert_eq!(families(&r), ["Mostaque"]);
        assert_eq!(r.title.as_deref(), Some("Emad Mostaque (Stability AI): Democratizing AI, Stable Diffusion & Generative Models - Video"));
        let d = r.issued.unwrap();
        assert_eq!((d.year, d.month, d.day), (2022, Some(10), Some(23)));
        let a = r.accessed.unwrap();
        assert_eq!((a.year, a.month, a.day), (2023, Some(3), Some(9)));
        assert!(r.url.as_deref().unwrap().ends_with("open-source"));
        assert_eq!(r.note, None);
    }

    #[test]
    fn ieee_no_author_and_accessed_in_brackets() {
        let r = parse("[3] ‘Democratizing AI: For Every Person and Organization’, Microsoft Features, Sep. 26, 2016. https://news.microsoft.com/features/democratizing-ai/ (accessed Mar. 09, 2023).", Style::Ieee);
        assert!(r.authors.is_empty());
        assert_eq!(
            r.title.as_deref(),
            Some("Democratizing AI: For Every Person and Organization")
        );
        assert_eq!(r.container_title.as_deref(), Some("Microsoft Features"));
        let d = r.issued.unwrap();
        assert_eq!((d.year, d.month, d.day), (2016, Some(9), Some(26)));
        assert_eq!(r.accessed.map(|a| a.year), Some(2023));
        assert_eq!(
            r.url.as_deref(),
            Some("https://news.microsoft.com/features/democratizing-ai/")
        );
        let r = parse(
            "[4] ‘About us’, Hugging Face. https://huggingface.co/about (accessed Mar. 09, 2023).",
            Style::Ieee,
        );
        assert_eq!(r.title.as_deref(), Some("About us"));
        assert_eq!(r.container_title.as_deref(), Some("Hugging Face"));
        assert_eq!(r.year(), None);
    }

    #[test]
    fn ieee_journal_with_doi() {
        let r = parse("[7] F. Urbina, F. Lentzos, C. Invernizzi, and S. Ekins, ‘Dual use of artificial-intelligence-powered drug discovery’, Nat Mach Intell, vol. 4, no. 3, Art. no. 3, Mar. 2022, doi: 10.1038/s42256-022-00465-9.", Style::Ieee);
        assert_eq!(families(&r), ["Urbina", "Lentzos", "Invernizzi", "Ekins"]);
        assert_eq!(r.authors[0].given.as_deref(), Some("F."));
        assert_eq!(r.container_title.as_deref(), Some("Nat Mach Intell"));
        assert_eq!(
            (r.volume.as_deref(), r.issue.as_deref()),
            (Some("4"), Some("3"))
        );
        assert_eq!(r.doi.as_deref(), Some("10.1038/s42256-022-00465-9"));
        assert_eq!(r.issued.map(|d| (d.year, d.month)), Some((2022, Some(3))));
        assert_eq!(r.kind, WorkType::ArticleJournal);
    }

    #[test]
    fn ieee_et_al_and_arxiv() {
        let r = parse("[9] I. Solaiman et al., ‘Release Strategies and the Social Impacts of Language Models’. arXiv, Nov. 12, 2019. Accessed: Feb. 21, 2023. [Online]. Available: http://arxiv.org/abs/1908.09203", Style::Ieee);
        assert_eq!(families(&r), ["Solaiman"]);
        assert!(r.et_al);
        assert_eq!(r.arxiv.as_deref(), Some("1908.09203"));
        assert_eq!(r.kind, WorkType::Preprint);
        let r = parse("[12] R. Ngo, L. Chan, and S. Mindermann, ‘The alignment problem from a deep learning perspective’. arXiv, Feb. 22, 2023. doi: 10.48550/arXiv.2209.00626.", Style::Ieee);
        assert_eq!(r.doi.as_deref(), Some("10.48550/arXiv.2209.00626"));
        assert_eq!(r.kind, WorkType::Preprint);
    }

    #[test]
    fn ieee_conference_paper() {
        let r = parse("[13] E. M. Bender, T. Gebru, A. McMillan-Major, and S. Shmitchell, ‘On the Dangers of Stochastic Parrots: Can Language Models Be Too Big? 🦜’, in Proceedings of the 2021 ACM Conference on Fairness, Accountability, and Transparency, Virtual Event Canada, Mar. 2021, pp. 610–623. doi: 10.1145/3442188.3445922.", Style::Ieee);
        assert_eq!(
            families(&r),
            ["Bender", "Gebru", "McMillan-Major", "Shmitchell"]
        );
        assert_eq!(r.pages.as_deref(), Some("610-623"));
        assert_eq!(r.kind, WorkType::PaperConference);
        assert!(r
            .container_title
            .as_deref()
            .unwrap()
            .starts_with("Proceedings of the 2021 ACM Conference on Fairness"));
    }

    #[test]
    fn apa_vancouver_and_guessing() {
        let r = parse(
            "Noble, S. U. (2018). Algorithms of oppression. NYU Press.",
            Style::Unknown,
        );
        assert_eq!(families(&r), ["Noble"]);
        assert_eq!(r.title.as_deref(), Some("Algorithms of oppression"));
        assert_eq!(r.publisher.as_deref(), Some("NYU Press"));
        let r = parse(
            "Sekijima Y, Smith J. Title. J Neurol. 2019;266(3):1-9.",
            Style::Vancouver,
        );
        assert_eq!(families(&r), ["Sekijima", "Smith"]);
        assert_eq!(r.container_title.as_deref(), Some("J Neurol"));
        assert_eq!(
            (r.volume.as_deref(), r.issue.as_deref(), r.pages.as_deref()),
            (Some("266"), Some("3"), Some("1-9"))
        );
        assert_eq!(
            guess_style("[1] A. B. Author, ‘Title’, Journal, vol. 1, 2020."),
            Style::Ieee
        );
    }

    #[test]
    fn physics_short_forms() {
        let r = parse(
            "J. P. COLLMAN. Acc. Chem. Res. 10, 265 (1977);",
            Style::Unknown,
        );
        assert_eq!(families(&r), ["COLLMAN"]);
        assert_eq!(r.title, None);
        assert_eq!(r.container_title.as_deref(), Some("Acc. Chem. Res"));
        assert_eq!(
            (r.volume.as_deref(), r.pages.as_deref()),
            (Some("10"), Some("265"))
        );
        let r = parse(
            "C.Y. Hu, A. Young, and J.G. Rarity, Phys. Rev. B 78,085307 (2008).",
            Style::Unknown,
        );
        assert_eq!(r.container_title.as_deref(), Some("Phys. Rev. B"));
        assert_eq!(r.year(), Some(2008));
    }

    #[test]
    fn hopeless_input_is_unparsed_not_a_panic() {
        assert!(matches!(
            parse_reference("—— ,,, ——", Style::Unknown).outcome,
            Outcome::Unparsed { .. }
        ));
        assert!(matches!(
            parse_reference("", Style::Mla).outcome,
            Outcome::Unparsed { .. }
        ));
    }

    #[test]
    fn mla_organisations_named_like_persons_or_lists() {
        // Made-up works. A company whose last word no family name has; a
        // commission named for a list of things, whose commas part no
        // names; a long committee whose name the tagger read half as title.
        let r = parse(
            "Ohio Instruments. Low Power Timer for Harvesting Nodes. SLX204, Ohio Instruments, 2017.",
            Style::Mla,
        );
        assert_eq!(r.authors, vec![crate::Person::literal("Ohio Instruments")]);
        assert_eq!(
            r.title.as_deref(),
            Some("Low Power Timer for Harvesting Nodes")
        );
        let r = parse(
            "Royal Commission on Docks, Piers, and Moorings. Report of the Commissioners on the State of Docks, Piers, and Moorings. Stationery Office, 1871.",
            Style::Mla,
        );
        assert_eq!(
            r.authors,
            vec![crate::Person::literal(
                "Royal Commission on Docks, Piers, and Moorings"
            )]
        );
        assert!(r
            .title
            .as_deref()
            .is_some_and(|t| t.starts_with("Report of")));
        let r = parse(
            "House of Lords Select Committee on Canals. Report from the Select Committee on Canals, with the Minutes of Evidence. Parliamentary Papers 1840 (412), vol. 9, House of Lords, 1840.",
            Style::Mla,
        );
        assert_eq!(
            r.authors,
            vec![crate::Person::literal(
                "House of Lords Select Committee on Canals"
            )]
        );
        assert!(
            r.title
                .as_deref()
                .is_some_and(|t| t.starts_with("Report from")),
            "{:?}",
            r.title
        );
    }

    #[test]
    fn a_double_surname_before_two_given_names_is_one_person() {
        // Made-up works: "Family Family, Given Given." in an inverted style.
        let r = parse(
            "Ibáñez Serrano, Ana Lucía. “Las postas del norte.” Historia Hispana, vol. 6, no. 1, 2010, pp. 4–20.",
            Style::Mla,
        );
        assert_eq!(r.authors.len(), 1, "{:?}", r.authors);
        assert_eq!(r.authors[0].family, "Ibáñez Serrano");
        assert_eq!(r.authors[0].given.as_deref(), Some("Ana Lucía"));
        // Given names first with "and" stay two persons.
        let r = parse(
            "Ana Lucía and Pedro Gómez. “Las postas.” Historia Hispana, vol. 6, 2010.",
            Style::Mla,
        );
        assert_eq!(r.authors.len(), 2, "{:?}", r.authors);
    }

    #[test]
    fn mla_organisations_with_abbreviations_are_one_author() {
        // Made-up works, as MLA writes organisations in plain text.
        for (raw, author) in [
            (
                "U.S. Coastal Survey Agency. Tides and Harbours. CSA, 2014.",
                "U.S. Coastal Survey Agency",
            ),
            (
                "Dept. of Roads. Gravel Surfaces. Roads Press, 2009.",
                "Dept. of Roads",
            ),
            (
                "Northern Water Agency. Flood Maps for Small Towns. NWA, 2011.",
                "Northern Water Agency",
            ),
            (
                "St. Olaf Rowing Club. A History of Oars. Club Press, 1999.",
                "St. Olaf Rowing Club",
            ),
        ] {
            let p = parse_reference(raw, Style::Mla);
            let Outcome::Parsed { reference, .. } = p.outcome else {
                panic!("{raw}")
            };
            assert_eq!(reference.authors.len(), 1, "{raw}");
            assert!(
                reference.authors[0].literal,
                "{raw}: {:?}",
                reference.authors
            );
            assert_eq!(reference.authors[0].family, author);
        }
        // A person stays a person.
        let p = parse_reference(
            "Oke, Tim R. Boundary Layer Climates. Methuen, 1987.",
            Style::Mla,
        );
        let Outcome::Parsed { reference, .. } = p.outcome else {
            panic!()
        };
        assert_eq!(reference.authors[0].family, "Oke");
    }
}
#[cfg(test)]
mod circa {
    /// Circa years that close a title are the title's, not the work's
    /// date or pages ("c.700–c.1500" was read as pages "c. 700-c" and the
    /// year 1500).
    #[test]
    fn a_title_ending_in_circa_years_keeps_them() {
        let raw = "Webb, Diana. Medieval European Pilgrimage, c.700–c.1500. Palgrave, 2002. European Culture and Society.";
        let p = super::parse_reference(raw, crate::model::Style::Mla);
        let super::Outcome::Parsed { reference: r, .. } = p.outcome else {
            panic!("unparsed")
        };
        assert_eq!(
            r.title.as_deref(),
            Some("Medieval European Pilgrimage, c. 700–c. 1500")
        );
        assert_eq!(r.year(), Some(2002));
        assert_eq!(r.pages, None);
    }

    #[test]
    fn a_group_heading_its_members_keeps_them_and_the_title() {
        // The tagger read words of the team's name as the title and cut the
        // list after the team; the grammar's group and members stand.
        let raw = "JWST Transiting Exoplanet Community Early Release Science Team, Ahrer, E.-M., \
                   Alderson, L., & Carter, A. L. (2023). Identification of carbon dioxide in an \
                   exoplanet atmosphere. Nature, 614(7949), 649–652.";
        let p = super::parse_reference(raw, crate::model::Style::Apa);
        let super::Outcome::Parsed { reference: r, .. } = p.outcome else {
            panic!("unparsed")
        };
        let families: Vec<&str> = r.authors.iter().map(|a| a.family.as_str()).collect();
        assert_eq!(
            families,
            [
                "JWST Transiting Exoplanet Community Early Release Science Team",
                "Ahrer",
                "Alderson",
                "Carter"
            ]
        );
        assert_eq!(
            r.title.as_deref(),
            Some("Identification of carbon dioxide in an exoplanet atmosphere")
        );
    }

    #[test]
    fn an_academy_named_for_a_list_of_fields_is_one_author() {
        let raw = "National Academies of Sciences, Engineering, and Medicine. (2018). \
                   Exoplanet science strategy. The National Academies Press.";
        let p = super::parse_reference(raw, crate::model::Style::Apa);
        let super::Outcome::Parsed { reference: r, .. } = p.outcome else {
            panic!("unparsed")
        };
        assert_eq!(r.authors.len(), 1);
        assert_eq!(
            r.authors[0].family,
            "National Academies of Sciences, Engineering, and Medicine"
        );
        assert_eq!(r.title.as_deref(), Some("Exoplanet science strategy"));
    }
}
