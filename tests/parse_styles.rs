//! Field-level expectations on real published references in APA 7,
//! Chicago (notes-bibliography and author-date), Harvard and Vancouver,
//! written from the works themselves (not taken from the gold set).

use citemap::parse::parse_reference;
use citemap::{Outcome, Reference, Style, WorkType};

#[derive(Default)]
struct Expect {
    authors: &'static [&'static str],
    title: Option<&'static str>,
    container: Option<&'static str>,
    year: Option<i32>,
    volume: Option<&'static str>,
    issue: Option<&'static str>,
    pages: Option<&'static str>,
    publisher: Option<&'static str>,
    place: Option<&'static str>,
    doi: Option<&'static str>,
    arxiv: Option<&'static str>,
    edition: Option<&'static str>,
    kind: Option<WorkType>,
}

fn parsed(raw: &str, style: Style) -> Reference {
    match parse_reference(raw, style).outcome {
        Outcome::Parsed { reference, .. } => std::sync::Arc::unwrap_or_clone(reference),
        Outcome::Unparsed { reason } => panic!("unparsed ({reason}): {raw}"),
    }
}

/// Parses `raw` both with its style as a hint and with style detection,
/// and checks every field that `e` names.
fn check(raw: &str, style: Style, e: Expect) {
    for hint in [style, Style::Unknown] {
        let r = parsed(raw, hint);
        let ctx = format!("{raw}\n  (hint {hint:?}) got {r:#?}");
        let families: Vec<String> = r.authors.iter().map(|p| p.family.clone()).collect();
        assert_eq!(families, e.authors, "authors of {ctx}");
        let eq = |field: &str, got: Option<&str>, want: Option<&str>| {
            if want.is_some() {
                assert_eq!(got, want, "{field} of {ctx}");
            }
        };
        eq("title", r.title.as_deref(), e.title);
        eq("container", r.container_title.as_deref(), e.container);
        eq("volume", r.volume.as_deref(), e.volume);
        eq("issue", r.issue.as_deref(), e.issue);
        eq("pages", r.pages.as_deref(), e.pages);
        eq("publisher", r.publisher.as_deref(), e.publisher);
        eq("place", r.publisher_place.as_deref(), e.place);
        eq("doi", r.doi.as_deref(), e.doi);
        eq("arxiv", r.arxiv.as_deref(), e.arxiv);
        eq("edition", r.edition.as_deref(), e.edition);
        if let Some(y) = e.year {
            assert_eq!(r.year(), Some(y), "year of {ctx}");
        }
        if let Some(k) = e.kind {
            assert_eq!(r.kind, k, "type of {ctx}");
        }
    }
}

#[test]
fn apa_noble_2018() {
    check(
        "Noble, S. U. (2018). Algorithms of oppression: How search engines reinforce racism. NYU Press.",
        Style::Apa,
        Expect {
            authors: &["Noble"],
            title: Some("Algorithms of oppression: How search engines reinforce racism"),
            publisher: Some("NYU Press"),
            year: Some(2018),
            kind: Some(WorkType::Book),
            ..Expect::default()
        },
    );
}

#[test]
fn apa_lecun_2015() {
    check(
        "LeCun, Y., Bengio, Y., & Hinton, G. (2015). Deep learning. Nature, 521(7553), 436–444. https://doi.org/10.1038/nature14539",
        Style::Apa,
        Expect {
            authors: &["LeCun", "Bengio", "Hinton"],
            title: Some("Deep learning"),
            container: Some("Nature"),
            volume: Some("521"),
            issue: Some("7553"),
            pages: Some("436-444"),
            doi: Some("10.1038/nature14539"),
            year: Some(2015),
            kind: Some(WorkType::ArticleJournal),
            ..Expect::default()
        },
    );
}

#[test]
fn apa_kahneman_1979() {
    check(
        "Kahneman, D., & Tversky, A. (1979). Prospect theory: An analysis of decision under risk. Econometrica, 47(2), 263–291. https://doi.org/10.2307/1914185",
        Style::Apa,
        Expect {
            authors: &["Kahneman", "Tversky"],
            title: Some("Prospect theory: An analysis of decision under risk"),
            container: Some("Econometrica"),
            volume: Some("47"),
            issue: Some("2"),
            pages: Some("263-291"),
            doi: Some("10.2307/1914185"),
            year: Some(1979),
            ..Expect::default()
        },
    );
}

#[test]
fn apa_bandura_1977() {
    check(
        "Bandura, A. (1977). Self-efficacy: Toward a unifying theory of behavioral change. Psychological Review, 84(2), 191–215.",
        Style::Apa,
        Expect {
            authors: &["Bandura"],
            title: Some("Self-efficacy: Toward a unifying theory of behavioral change"),
            container: Some("Psychological Review"),
            volume: Some("84"),
            issue: Some("2"),
            pages: Some("191-215"),
            year: Some(1977),
            ..Expect::default()
        },
    );
}

#[test]
fn apa_benjamin_2019() {
    check(
        "Benjamin, R. (2019). Race after technology: Abolitionist tools for the new Jim code. Polity Press.",
        Style::Apa,
        Expect {
            authors: &["Benjamin"],
            title: Some("Race after technology: Abolitionist tools for the new Jim code"),
            publisher: Some("Polity Press"),
            year: Some(2019),
            kind: Some(WorkType::Book),
            ..Expect::default()
        },
    );
}

#[test]
fn apa_buolamwini_2018() {
    check(
        "Buolamwini, J., & Gebru, T. (2018). Gender shades: Intersectional accuracy disparities in commercial gender classification. Proceedings of Machine Learning Research, 81, 77–91.",
        Style::Apa,
        Expect {
            authors: &["Buolamwini", "Gebru"],
            title: Some("Gender shades: Intersectional accuracy disparities in commercial gender classification"),
            container: Some("Proceedings of Machine Learning Research"),
            volume: Some("81"),
            pages: Some("77-91"),
            year: Some(2018),
            ..Expect::default()
        },
    );
}

#[test]
fn apa_zuboff_2019() {
    check(
        "Zuboff, S. (2019). The age of surveillance capitalism: The fight for a human future at the new frontier of power. PublicAffairs.",
        Style::Apa,
        Expect {
            authors: &["Zuboff"],
            title: Some("The age of surveillance capitalism: The fight for a human future at the new frontier of power"),
            year: Some(2019),
            ..Expect::default()
        },
    );
}

#[test]
fn apa_festinger_1957() {
    check(
        "Festinger, L. (1957). A theory of cognitive dissonance. Stanford University Press.",
        Style::Apa,
        Expect {
            authors: &["Festinger"],
            title: Some("A theory of cognitive dissonance"),
            publisher: Some("Stanford University Press"),
            year: Some(1957),
            kind: Some(WorkType::Book),
            ..Expect::default()
        },
    );
}

#[test]
fn apa_miller_1956() {
    check(
        "Miller, G. A. (1956). The magical number seven, plus or minus two: Some limits on our capacity for processing information. Psychological Review, 63(2), 81–97. https://doi.org/10.1037/h0043158",
        Style::Apa,
        Expect {
            authors: &["Miller"],
            title: Some("The magical number seven, plus or minus two: Some limits on our capacity for processing information"),
            container: Some("Psychological Review"),
            volume: Some("63"),
            issue: Some("2"),
            pages: Some("81-97"),
            doi: Some("10.1037/h0043158"),
            year: Some(1956),
            ..Expect::default()
        },
    );
}

#[test]
fn apa_tversky_1974() {
    check(
        "Tversky, A., & Kahneman, D. (1974). Judgment under uncertainty: Heuristics and biases. Science, 185(4157), 1124–1131.",
        Style::Apa,
        Expect {
            authors: &["Tversky", "Kahneman"],
            title: Some("Judgment under uncertainty: Heuristics and biases"),
            container: Some("Science"),
            volume: Some("185"),
            issue: Some("4157"),
            pages: Some("1124-1131"),
            year: Some(1974),
            ..Expect::default()
        },
    );
}

#[test]
fn apa_crawford_2021() {
    check(
        "Crawford, K. (2021). Atlas of AI: Power, politics, and the planetary costs of artificial intelligence. Yale University Press.",
        Style::Apa,
        Expect {
            authors: &["Crawford"],
            title: Some("Atlas of AI: Power, politics, and the planetary costs of artificial intelligence"),
            publisher: Some("Yale University Press"),
            year: Some(2021),
            kind: Some(WorkType::Book),
            ..Expect::default()
        },
    );
}

#[test]
fn apa_bender_2021() {
    check(
        "Bender, E. M., Gebru, T., McMillan-Major, A., & Shmitchell, S. (2021). On the dangers of stochastic parrots: Can language models be too big? In Proceedings of the 2021 ACM Conference on Fairness, Accountability, and Transparency (pp. 610–623). https://doi.org/10.1145/3442188.3445922",
        Style::Apa,
        Expect {
            authors: &["Bender", "Gebru", "McMillan-Major", "Shmitchell"],
            title: Some("On the dangers of stochastic parrots: Can language models be too big?"),
            container: Some("Proceedings of the 2021 ACM Conference on Fairness, Accountability, and Transparency"),
            pages: Some("610-623"),
            doi: Some("10.1145/3442188.3445922"),
            year: Some(2021),
            kind: Some(WorkType::PaperConference),
            ..Expect::default()
        },
    );
}

#[test]
fn apa_baumeister_1995() {
    check(
        "Baumeister, R. F., & Leary, M. R. (1995). The need to belong: Desire for interpersonal attachments as a fundamental human motivation. Psychological Bulletin, 117(3), 497–529.",
        Style::Apa,
        Expect {
            authors: &["Baumeister", "Leary"],
            title: Some("The need to belong: Desire for interpersonal attachments as a fundamental human motivation"),
            container: Some("Psychological Bulletin"),
            volume: Some("117"),
            issue: Some("3"),
            pages: Some("497-529"),
            year: Some(1995),
            ..Expect::default()
        },
    );
}

#[test]
fn apa_eubanks_2018() {
    check(
        "Eubanks, V. (2018). Automating inequality: How high-tech tools profile, police, and punish the poor. St. Martin's Press.",
        Style::Apa,
        Expect {
            authors: &["Eubanks"],
            title: Some("Automating inequality: How high-tech tools profile, police, and punish the poor"),
            publisher: Some("St. Martin's Press"),
            year: Some(2018),
            kind: Some(WorkType::Book),
            ..Expect::default()
        },
    );
}

#[test]
fn apa_cohen_1988() {
    check(
        "Cohen, J. (1988). Statistical power analysis for the behavioral sciences (2nd ed.). Lawrence Erlbaum Associates.",
        Style::Apa,
        Expect {
            authors: &["Cohen"],
            title: Some("Statistical power analysis for the behavioral sciences"),
            edition: Some("2nd"),
            year: Some(1988),
            kind: Some(WorkType::Book),
            ..Expect::default()
        },
    );
}

#[test]
fn apa_gebru_2021() {
    check(
        "Gebru, T., Morgenstern, J., Vecchione, B., Vaughan, J. W., Wallach, H., Daumé III, H., & Crawford, K. (2021). Datasheets for datasets. Communications of the ACM, 64(12), 86–92. https://doi.org/10.1145/3458723",
        Style::Apa,
        Expect {
            authors: &["Gebru", "Morgenstern", "Vecchione", "Vaughan", "Wallach", "Daumé", "Crawford"],
            title: Some("Datasheets for datasets"),
            container: Some("Communications of the ACM"),
            volume: Some("64"),
            issue: Some("12"),
            pages: Some("86-92"),
            doi: Some("10.1145/3458723"),
            year: Some(2021),
            ..Expect::default()
        },
    );
}

#[test]
fn apa_devlin_2019() {
    check(
        "Devlin, J., Chang, M.-W., Lee, K., & Toutanova, K. (2019). BERT: Pre-training of deep bidirectional transformers for language understanding. arXiv. https://arxiv.org/abs/1810.04805",
        Style::Apa,
        Expect {
            authors: &["Devlin", "Chang", "Lee", "Toutanova"],
            title: Some("BERT: Pre-training of deep bidirectional transformers for language understanding"),
            arxiv: Some("1810.04805"),
            year: Some(2019),
            kind: Some(WorkType::Preprint),
            ..Expect::default()
        },
    );
}

#[test]
fn apa_ajzen_1991() {
    check(
        "Ajzen, I. (1991). The theory of planned behavior. Organizational Behavior and Human Decision Processes, 50(2), 179–211.",
        Style::Apa,
        Expect {
            authors: &["Ajzen"],
            title: Some("The theory of planned behavior"),
            container: Some("Organizational Behavior and Human Decision Processes"),
            volume: Some("50"),
            issue: Some("2"),
            pages: Some("179-211"),
            year: Some(1991),
            ..Expect::default()
        },
    );
}

#[test]
fn apa_deci_2000() {
    check(
        "Deci, E. L., & Ryan, R. M. (2000). The \"what\" and \"why\" of goal pursuits: Human needs and the self-determination of behavior. Psychological Inquiry, 11(4), 227–268.",
        Style::Apa,
        Expect {
            authors: &["Deci", "Ryan"],
            container: Some("Psychological Inquiry"),
            volume: Some("11"),
            issue: Some("4"),
            pages: Some("227-268"),
            year: Some(2000),
            ..Expect::default()
        },
    );
}

#[test]
fn apa_vaswani_2017() {
    check(
        "Vaswani, A., Shazeer, N., Parmar, N., Uszkoreit, J., Jones, L., Gomez, A. N., Kaiser, Ł., & Polosukhin, I. (2017). Attention is all you need. In Advances in Neural Information Processing Systems (pp. 5998–6008).",
        Style::Apa,
        Expect {
            authors: &["Vaswani", "Shazeer", "Parmar", "Uszkoreit", "Jones", "Gomez", "Kaiser", "Polosukhin"],
            title: Some("Attention is all you need"),
            container: Some("Advances in Neural Information Processing Systems"),
            pages: Some("5998-6008"),
            year: Some(2017),
            ..Expect::default()
        },
    );
}

#[test]
fn chicago_benjamin_2019() {
    check(
        "Benjamin, Ruha. Race after Technology: Abolitionist Tools for the New Jim Code. Cambridge: Polity Press, 2019.",
        Style::Chicago,
        Expect {
            authors: &["Benjamin"],
            title: Some("Race after Technology: Abolitionist Tools for the New Jim Code"),
            publisher: Some("Polity Press"),
            place: Some("Cambridge"),
            year: Some(2019),
            kind: Some(WorkType::Book),
            ..Expect::default()
        },
    );
}

#[test]
fn chicago_kuhn_1962() {
    check(
        "Kuhn, Thomas S. The Structure of Scientific Revolutions. Chicago: University of Chicago Press, 1962.",
        Style::Chicago,
        Expect {
            authors: &["Kuhn"],
            title: Some("The Structure of Scientific Revolutions"),
            publisher: Some("University of Chicago Press"),
            place: Some("Chicago"),
            year: Some(1962),
            kind: Some(WorkType::Book),
            ..Expect::default()
        },
    );
}

#[test]
fn chicago_anderson_1983() {
    check(
        "Anderson, Benedict. Imagined Communities: Reflections on the Origin and Spread of Nationalism. London: Verso, 1983.",
        Style::Chicago,
        Expect {
            authors: &["Anderson"],
            title: Some("Imagined Communities: Reflections on the Origin and Spread of Nationalism"),
            publisher: Some("Verso"),
            place: Some("London"),
            year: Some(1983),
            kind: Some(WorkType::Book),
            ..Expect::default()
        },
    );
}

#[test]
fn chicago_winner_1980() {
    check(
        "Winner, Langdon. \"Do Artifacts Have Politics?\" Daedalus 109, no. 1 (1980): 121–36.",
        Style::Chicago,
        Expect {
            authors: &["Winner"],
            title: Some("Do Artifacts Have Politics?"),
            container: Some("Daedalus"),
            volume: Some("109"),
            issue: Some("1"),
            pages: Some("121-36"),
            year: Some(1980),
            kind: Some(WorkType::ArticleJournal),
            ..Expect::default()
        },
    );
}

#[test]
fn chicago_haraway_1991() {
    check(
        "Haraway, Donna. \"A Cyborg Manifesto: Science, Technology, and Socialist-Feminism in the Late Twentieth Century.\" In Simians, Cyborgs, and Women: The Reinvention of Nature, 149–81. New York: Routledge, 1991.",
        Style::Chicago,
        Expect {
            authors: &["Haraway"],
            title: Some("A Cyborg Manifesto: Science, Technology, and Socialist-Feminism in the Late Twentieth Century"),
            container: Some("Simians, Cyborgs, and Women: The Reinvention of Nature"),
            pages: Some("149-81"),
            publisher: Some("Routledge"),
            place: Some("New York"),
            year: Some(1991),
            kind: Some(WorkType::Chapter),
            ..Expect::default()
        },
    );
}

#[test]
fn chicago_hardin_1968() {
    check(
        "Hardin, Garrett. \"The Tragedy of the Commons.\" Science 162, no. 3859 (1968): 1243–48.",
        Style::Chicago,
        Expect {
            authors: &["Hardin"],
            title: Some("The Tragedy of the Commons"),
            container: Some("Science"),
            volume: Some("162"),
            issue: Some("3859"),
            pages: Some("1243-48"),
            year: Some(1968),
            ..Expect::default()
        },
    );
}

#[test]
fn chicago_turner_2006() {
    check(
        "Turner, Fred. From Counterculture to Cyberculture: Stewart Brand, the Whole Earth Network, and the Rise of Digital Utopianism. Chicago: University of Chicago Press, 2006.",
        Style::Chicago,
        Expect {
            authors: &["Turner"],
            title: Some("From Counterculture to Cyberculture: Stewart Brand, the Whole Earth Network, and the Rise of Digital Utopianism"),
            publisher: Some("University of Chicago Press"),
            place: Some("Chicago"),
            year: Some(2006),
            kind: Some(WorkType::Book),
            ..Expect::default()
        },
    );
}

#[test]
fn chicago_star_1999() {
    check(
        "Star, Susan Leigh. \"The Ethnography of Infrastructure.\" American Behavioral Scientist 43, no. 3 (1999): 377–91.",
        Style::Chicago,
        Expect {
            authors: &["Star"],
            title: Some("The Ethnography of Infrastructure"),
            container: Some("American Behavioral Scientist"),
            volume: Some("43"),
            issue: Some("3"),
            pages: Some("377-91"),
            year: Some(1999),
            ..Expect::default()
        },
    );
}

#[test]
fn chicago_granovetter_1973() {
    check(
        "Granovetter, Mark S. \"The Strength of Weak Ties.\" American Journal of Sociology 78, no. 6 (1973): 1360–80.",
        Style::Chicago,
        Expect {
            authors: &["Granovetter"],
            title: Some("The Strength of Weak Ties"),
            container: Some("American Journal of Sociology"),
            volume: Some("78"),
            issue: Some("6"),
            pages: Some("1360-80"),
            year: Some(1973),
            ..Expect::default()
        },
    );
}

#[test]
fn chicago_putnam_2000() {
    check(
        "Putnam, Robert D. Bowling Alone: The Collapse and Revival of American Community. New York: Simon & Schuster, 2000.",
        Style::Chicago,
        Expect {
            authors: &["Putnam"],
            title: Some("Bowling Alone: The Collapse and Revival of American Community"),
            publisher: Some("Simon & Schuster"),
            place: Some("New York"),
            year: Some(2000),
            kind: Some(WorkType::Book),
            ..Expect::default()
        },
    );
}

#[test]
fn chicago_bourdieu_1984() {
    check(
        "Bourdieu, Pierre. Distinction: A Social Critique of the Judgement of Taste. Cambridge, MA: Harvard University Press, 1984.",
        Style::Chicago,
        Expect {
            authors: &["Bourdieu"],
            title: Some("Distinction: A Social Critique of the Judgement of Taste"),
            publisher: Some("Harvard University Press"),
            place: Some("Cambridge, MA"),
            year: Some(1984),
            kind: Some(WorkType::Book),
            ..Expect::default()
        },
    );
}

#[test]
fn chicago_ostrom_1990() {
    check(
        "Ostrom, Elinor. Governing the Commons: The Evolution of Institutions for Collective Action. Cambridge: Cambridge University Press, 1990.",
        Style::Chicago,
        Expect {
            authors: &["Ostrom"],
            title: Some("Governing the Commons: The Evolution of Institutions for Collective Action"),
            publisher: Some("Cambridge University Press"),
            place: Some("Cambridge"),
            year: Some(1990),
            ..Expect::default()
        },
    );
}

#[test]
fn chicago_latour_2005() {
    check(
        "Latour, Bruno. 2005. Reassembling the Social: An Introduction to Actor-Network-Theory. Oxford: Oxford University Press.",
        Style::Chicago,
        Expect {
            authors: &["Latour"],
            title: Some("Reassembling the Social: An Introduction to Actor-Network-Theory"),
            publisher: Some("Oxford University Press"),
            place: Some("Oxford"),
            year: Some(2005),
            kind: Some(WorkType::Book),
            ..Expect::default()
        },
    );
}

#[test]
fn chicago_gillespie_2010() {
    check(
        "Gillespie, Tarleton. 2010. \"The Politics of 'Platforms'.\" New Media & Society 12 (3): 347–64.",
        Style::Chicago,
        Expect {
            authors: &["Gillespie"],
            container: Some("New Media & Society"),
            volume: Some("12"),
            issue: Some("3"),
            pages: Some("347-64"),
            year: Some(2010),
            ..Expect::default()
        },
    );
}

#[test]
fn chicago_benkler_2006() {
    check(
        "Benkler, Yochai. 2006. The Wealth of Networks: How Social Production Transforms Markets and Freedom. New Haven: Yale University Press.",
        Style::Chicago,
        Expect {
            authors: &["Benkler"],
            title: Some("The Wealth of Networks: How Social Production Transforms Markets and Freedom"),
            publisher: Some("Yale University Press"),
            place: Some("New Haven"),
            year: Some(2006),
            kind: Some(WorkType::Book),
            ..Expect::default()
        },
    );
}

#[test]
fn chicago_noble_2018() {
    check(
        "Noble, Safiya Umoja. Algorithms of Oppression: How Search Engines Reinforce Racism. New York: New York University Press, 2018.",
        Style::Chicago,
        Expect {
            authors: &["Noble"],
            title: Some("Algorithms of Oppression: How Search Engines Reinforce Racism"),
            publisher: Some("New York University Press"),
            place: Some("New York"),
            year: Some(2018),
            ..Expect::default()
        },
    );
}

#[test]
fn chicago_lessig_1999() {
    check(
        "Lessig, Lawrence. Code and Other Laws of Cyberspace. New York: Basic Books, 1999.",
        Style::Chicago,
        Expect {
            authors: &["Lessig"],
            title: Some("Code and Other Laws of Cyberspace"),
            publisher: Some("Basic Books"),
            place: Some("New York"),
            year: Some(1999),
            kind: Some(WorkType::Book),
            ..Expect::default()
        },
    );
}

#[test]
fn chicago_castells_1996() {
    check(
        "Castells, Manuel. The Rise of the Network Society. Malden, MA: Blackwell, 1996.",
        Style::Chicago,
        Expect {
            authors: &["Castells"],
            title: Some("The Rise of the Network Society"),
            publisher: Some("Blackwell"),
            place: Some("Malden, MA"),
            year: Some(1996),
            ..Expect::default()
        },
    );
}

#[test]
fn chicago_bowker_1999() {
    check(
        "Bowker, Geoffrey C., and Susan Leigh Star. Sorting Things Out: Classification and Its Consequences. Cambridge, MA: MIT Press, 1999.",
        Style::Chicago,
        Expect {
            authors: &["Bowker", "Star"],
            title: Some("Sorting Things Out: Classification and Its Consequences"),
            publisher: Some("MIT Press"),
            place: Some("Cambridge, MA"),
            year: Some(1999),
            kind: Some(WorkType::Book),
            ..Expect::default()
        },
    );
}

#[test]
fn harvard_zuboff_2019() {
    check(
        "Zuboff, S. (2019) The Age of Surveillance Capitalism. London: Profile Books.",
        Style::Harvard,
        Expect {
            authors: &["Zuboff"],
            title: Some("The Age of Surveillance Capitalism"),
            publisher: Some("Profile Books"),
            place: Some("London"),
            year: Some(2019),
            kind: Some(WorkType::Book),
            ..Expect::default()
        },
    );
}

#[test]
fn harvard_hardin_1968() {
    check(
        "Hardin, G. (1968) 'The tragedy of the commons', Science, 162(3859), pp. 1243–1248.",
        Style::Harvard,
        Expect {
            authors: &["Hardin"],
            title: Some("The tragedy of the commons"),
            container: Some("Science"),
            volume: Some("162"),
            issue: Some("3859"),
            pages: Some("1243-1248"),
            year: Some(1968),
            ..Expect::default()
        },
    );
}

#[test]
fn vancouver_watson_1953() {
    check(
        "Watson JD, Crick FH. Molecular structure of nucleic acids; a structure for deoxyribose nucleic acid. Nature. 1953;171(4356):737-8.",
        Style::Vancouver,
        Expect {
            authors: &["Watson", "Crick"],
            title: Some("Molecular structure of nucleic acids; a structure for deoxyribose nucleic acid"),
            container: Some("Nature"),
            volume: Some("171"),
            issue: Some("4356"),
            pages: Some("737-8"),
            year: Some(1953),
            kind: Some(WorkType::ArticleJournal),
            ..Expect::default()
        },
    );
}

#[test]
fn vancouver_lowry_1951() {
    check(
        "Lowry OH, Rosebrough NJ, Farr AL, Randall RJ. Protein measurement with the Folin phenol reagent. J Biol Chem. 1951;193(1):265-75.",
        Style::Vancouver,
        Expect {
            authors: &["Lowry", "Rosebrough", "Farr", "Randall"],
            title: Some("Protein measurement with the Folin phenol reagent"),
            container: Some("J Biol Chem"),
            volume: Some("193"),
            issue: Some("1"),
            pages: Some("265-75"),
            year: Some(1951),
            ..Expect::default()
        },
    );
}

#[test]
fn vancouver_laemmli_1970() {
    check(
        "Laemmli UK. Cleavage of structural proteins during the assembly of the head of bacteriophage T4. Nature. 1970;227(5259):680-5.",
        Style::Vancouver,
        Expect {
            authors: &["Laemmli"],
            title: Some("Cleavage of structural proteins during the assembly of the head of bacteriophage T4"),
            container: Some("Nature"),
            volume: Some("227"),
            issue: Some("5259"),
            pages: Some("680-5"),
            year: Some(1970),
            ..Expect::default()
        },
    );
}

#[test]
fn vancouver_bradford_1976() {
    check(
        "Bradford MM. A rapid and sensitive method for the quantitation of microgram quantities of protein utilizing the principle of protein-dye binding. Anal Biochem. 1976;72:248-54.",
        Style::Vancouver,
        Expect {
            authors: &["Bradford"],
            title: Some("A rapid and sensitive method for the quantitation of microgram quantities of protein utilizing the principle of protein-dye binding"),
            container: Some("Anal Biochem"),
            volume: Some("72"),
            pages: Some("248-54"),
            year: Some(1976),
            ..Expect::default()
        },
    );
}

#[test]
fn vancouver_livak_2001() {
    check(
        "Livak KJ, Schmittgen TD. Analysis of relative gene expression data using real-time quantitative PCR and the 2(-Delta Delta C(T)) Method. Methods. 2001;25(4):402-8.",
        Style::Vancouver,
        Expect {
            authors: &["Livak", "Schmittgen"],
            container: Some("Methods"),
            volume: Some("25"),
            issue: Some("4"),
            pages: Some("402-8"),
            year: Some(2001),
            ..Expect::default()
        },
    );
}

#[test]
fn vancouver_sanger_1977() {
    check(
        "Sanger F, Nicklen S, Coulson AR. DNA sequencing with chain-terminating inhibitors. Proc Natl Acad Sci U S A. 1977;74(12):5463-7.",
        Style::Vancouver,
        Expect {
            authors: &["Sanger", "Nicklen", "Coulson"],
            title: Some("DNA sequencing with chain-terminating inhibitors"),
            container: Some("Proc Natl Acad Sci U S A"),
            volume: Some("74"),
            issue: Some("12"),
            pages: Some("5463-7"),
            year: Some(1977),
            ..Expect::default()
        },
    );
}

#[test]
fn vancouver_altschul_1990() {
    check(
        "Altschul SF, Gish W, Miller W, Myers EW, Lipman DJ. Basic local alignment search tool. J Mol Biol. 1990;215(3):403-10.",
        Style::Vancouver,
        Expect {
            authors: &["Altschul", "Gish", "Miller", "Myers", "Lipman"],
            title: Some("Basic local alignment search tool"),
            container: Some("J Mol Biol"),
            volume: Some("215"),
            issue: Some("3"),
            pages: Some("403-10"),
            year: Some(1990),
            ..Expect::default()
        },
    );
}

#[test]
fn vancouver_chomczynski_1987() {
    check(
        "Chomczynski P, Sacchi N. Single-step method of RNA isolation by acid guanidinium thiocyanate-phenol-chloroform extraction. Anal Biochem. 1987;162(1):156-9.",
        Style::Vancouver,
        Expect {
            authors: &["Chomczynski", "Sacchi"],
            title: Some("Single-step method of RNA isolation by acid guanidinium thiocyanate-phenol-chloroform extraction"),
            container: Some("Anal Biochem"),
            volume: Some("162"),
            issue: Some("1"),
            pages: Some("156-9"),
            year: Some(1987),
            ..Expect::default()
        },
    );
}

#[test]
fn vancouver_kaplan_1958() {
    check(
        "Kaplan EL, Meier P. Nonparametric estimation from incomplete observations. J Am Stat Assoc. 1958;53(282):457-81.",
        Style::Vancouver,
        Expect {
            authors: &["Kaplan", "Meier"],
            title: Some("Nonparametric estimation from incomplete observations"),
            container: Some("J Am Stat Assoc"),
            volume: Some("53"),
            issue: Some("282"),
            pages: Some("457-81"),
            year: Some(1958),
            ..Expect::default()
        },
    );
}

#[test]
fn vancouver_schneider_2012() {
    check(
        "Schneider CA, Rasband WS, Eliceiri KW. NIH Image to ImageJ: 25 years of image analysis. Nat Methods. 2012;9(7):671-5.",
        Style::Vancouver,
        Expect {
            authors: &["Schneider", "Rasband", "Eliceiri"],
            title: Some("NIH Image to ImageJ: 25 years of image analysis"),
            container: Some("Nat Methods"),
            volume: Some("9"),
            issue: Some("7"),
            pages: Some("671-5"),
            year: Some(2012),
            ..Expect::default()
        },
    );
}

#[test]
fn vancouver_bland_1986() {
    check(
        "Bland JM, Altman DG. Statistical methods for assessing agreement between two methods of clinical measurement. Lancet. 1986;1(8476):307-10.",
        Style::Vancouver,
        Expect {
            authors: &["Bland", "Altman"],
            title: Some("Statistical methods for assessing agreement between two methods of clinical measurement"),
            container: Some("Lancet"),
            volume: Some("1"),
            issue: Some("8476"),
            pages: Some("307-10"),
            year: Some(1986),
            ..Expect::default()
        },
    );
}

#[test]
fn vancouver_hanahan_2011() {
    check(
        "Hanahan D, Weinberg RA. Hallmarks of cancer: the next generation. Cell. 2011;144(5):646-74.",
        Style::Vancouver,
        Expect {
            authors: &["Hanahan", "Weinberg"],
            title: Some("Hallmarks of cancer: the next generation"),
            container: Some("Cell"),
            volume: Some("144"),
            issue: Some("5"),
            pages: Some("646-74"),
            year: Some(2011),
            ..Expect::default()
        },
    );
}

#[test]
fn vancouver_folch_1957() {
    check(
        "Folch J, Lees M, Sloane Stanley GH. A simple method for the isolation and purification of total lipides from animal tissues. J Biol Chem. 1957;226(1):497-509.",
        Style::Vancouver,
        Expect {
            authors: &["Folch", "Lees", "Sloane Stanley"],
            title: Some("A simple method for the isolation and purification of total lipides from animal tissues"),
            container: Some("J Biol Chem"),
            volume: Some("226"),
            issue: Some("1"),
            pages: Some("497-509"),
            year: Some(1957),
            ..Expect::default()
        },
    );
}

#[test]
fn vancouver_dersimonian_1986() {
    check(
        "DerSimonian R, Laird N. Meta-analysis in clinical trials. Control Clin Trials. 1986;7(3):177-88.",
        Style::Vancouver,
        Expect {
            authors: &["DerSimonian", "Laird"],
            title: Some("Meta-analysis in clinical trials"),
            container: Some("Control Clin Trials"),
            volume: Some("7"),
            issue: Some("3"),
            pages: Some("177-88"),
            year: Some(1986),
            ..Expect::default()
        },
    );
}

#[test]
fn vancouver_higgins_2003() {
    check(
        "Higgins JP, Thompson SG, Deeks JJ, Altman DG. Measuring inconsistency in meta-analyses. BMJ. 2003;327(7414):557-60.",
        Style::Vancouver,
        Expect {
            authors: &["Higgins", "Thompson", "Deeks", "Altman"],
            title: Some("Measuring inconsistency in meta-analyses"),
            container: Some("BMJ"),
            volume: Some("327"),
            issue: Some("7414"),
            pages: Some("557-60"),
            year: Some(2003),
            ..Expect::default()
        },
    );
}

#[test]
fn vancouver_chou_1984() {
    check(
        "Chou TC, Talalay P. Quantitative analysis of dose-effect relationships: the combined effects of multiple drugs or enzyme inhibitors. Adv Enzyme Regul. 1984;22:27-55.",
        Style::Vancouver,
        Expect {
            authors: &["Chou", "Talalay"],
            title: Some("Quantitative analysis of dose-effect relationships: the combined effects of multiple drugs or enzyme inhibitors"),
            container: Some("Adv Enzyme Regul"),
            volume: Some("22"),
            pages: Some("27-55"),
            year: Some(1984),
            ..Expect::default()
        },
    );
}

#[test]
fn vancouver_mosmann_1983() {
    check(
        "Mosmann T. Rapid colorimetric assay for cellular growth and survival: application to proliferation and cytotoxicity assays. J Immunol Methods. 1983;65(1-2):55-63.",
        Style::Vancouver,
        Expect {
            authors: &["Mosmann"],
            title: Some("Rapid colorimetric assay for cellular growth and survival: application to proliferation and cytotoxicity assays"),
            container: Some("J Immunol Methods"),
            volume: Some("65"),
            issue: Some("1-2"),
            pages: Some("55-63"),
            year: Some(1983),
            ..Expect::default()
        },
    );
}

#[test]
fn vancouver_kilkenny_2010() {
    check(
        "Kilkenny C, Browne WJ, Cuthill IC, Emerson M, Altman DG. Improving bioscience research reporting: the ARRIVE guidelines for reporting animal research. PLoS Biol. 2010;8(6):e1000412.",
        Style::Vancouver,
        Expect {
            authors: &["Kilkenny", "Browne", "Cuthill", "Emerson", "Altman"],
            title: Some("Improving bioscience research reporting: the ARRIVE guidelines for reporting animal research"),
            container: Some("PLoS Biol"),
            volume: Some("8"),
            issue: Some("6"),
            pages: Some("e1000412"),
            year: Some(2010),
            ..Expect::default()
        },
    );
}

#[test]
fn vancouver_friedewald_1972() {
    check(
        "Friedewald WT, Levy RI, Fredrickson DS. Estimation of the concentration of low-density lipoprotein cholesterol in plasma, without use of the preparative ultracentrifuge. Clin Chem. 1972;18(6):499-502.",
        Style::Vancouver,
        Expect {
            authors: &["Friedewald", "Levy", "Fredrickson"],
            title: Some("Estimation of the concentration of low-density lipoprotein cholesterol in plasma, without use of the preparative ultracentrifuge"),
            container: Some("Clin Chem"),
            volume: Some("18"),
            issue: Some("6"),
            pages: Some("499-502"),
            year: Some(1972),
            ..Expect::default()
        },
    );
}

#[test]
fn vancouver_moher_2009() {
    check(
        "Moher D, Liberati A, Tetzlaff J, Altman DG; PRISMA Group. Preferred reporting items for systematic reviews and meta-analyses: the PRISMA statement. PLoS Med. 2009;6(7):e1000097.",
        Style::Vancouver,
        Expect {
            authors: &["Moher", "Liberati", "Tetzlaff", "Altman", "PRISMA Group"],
            container: Some("PLoS Med"),
            volume: Some("6"),
            issue: Some("7"),
            pages: Some("e1000097"),
            year: Some(2009),
            ..Expect::default()
        },
    );
}

#[test]
fn vancouver_murray_1996() {
    check(
        "Murray CJL, Lopez AD. The global burden of disease. Geneva: World Health Organization; 1996.",
        Style::Vancouver,
        Expect {
            authors: &["Murray", "Lopez"],
            title: Some("The global burden of disease"),
            publisher: Some("World Health Organization"),
            place: Some("Geneva"),
            year: Some(1996),
            kind: Some(WorkType::Book),
            ..Expect::default()
        },
    );
}
