//! The cases issue #7 names beyond the main styles: German, French and
//! Spanish references, particles and all-caps names, corporate authors,
//! arXiv identifiers, software, datasets, theses, reprints and physics short
//! forms. Each reference is written in the form its style guide gives (not
//! taken from the gold set), and each assertion names one field.

use citemap::export::csl;
use citemap::parse::parse_reference;
use citemap::{Outcome, Reference, Style, WorkType};

fn parsed(raw: &str) -> Reference {
    match parse_reference(raw, Style::Unknown).outcome {
        Outcome::Parsed { reference, .. } => std::sync::Arc::unwrap_or_clone(reference),
        Outcome::Unparsed { reason } => panic!("unparsed ({reason}): {raw}"),
    }
}

fn families(people: &[citemap::Person]) -> Vec<&str> {
    people.iter().map(|p| p.family.as_str()).collect()
}

#[test]
fn german_editor_volume_and_pages() {
    let r = parsed(
        "Müller, Hans (Hrsg.): Geschichte der Medien. Bd. 2. Berlin: Suhrkamp, 1999, S. 45–67.",
    );
    assert_eq!(families(&r.editors), ["Müller"]);
    assert!(r.authors.is_empty());
    assert_eq!(r.title.as_deref(), Some("Geschichte der Medien"));
    assert_eq!(r.volume.as_deref(), Some("2"));
    assert_eq!(r.pages.as_deref(), Some("45-67"));
    assert_eq!(r.publisher.as_deref(), Some("Suhrkamp"));
    assert_eq!(r.publisher_place.as_deref(), Some("Berlin"));
}

#[test]
fn german_journal_year_and_issue_labels() {
    let r = parsed(
        "Schmidt, K. (2005). Die Stadt im Mittelalter. Zeitschrift für Geschichte, Jg. 53, H. 4, S. 301–320.",
    );
    assert_eq!(
        r.container_title.as_deref(),
        Some("Zeitschrift für Geschichte")
    );
    assert_eq!(r.volume.as_deref(), Some("53"));
    assert_eq!(r.issue.as_deref(), Some("4"));
    assert_eq!(r.pages.as_deref(), Some("301-320"));
}

#[test]
fn french_et_and_editors() {
    let r =
        parsed("Dupont, J. et Martin, P. (éd.). La société numérique. Paris : Gallimard, 2010.");
    assert_eq!(families(&r.editors), ["Dupont", "Martin"]);
    assert_eq!(r.title.as_deref(), Some("La société numérique"));
    assert_eq!(r.publisher.as_deref(), Some("Gallimard"));
    assert_eq!(r.publisher_place.as_deref(), Some("Paris"));
}

#[test]
fn spanish_y_between_authors() {
    let r = parsed(
        "García, M. y López, J. (2015). La ciudad digital. Revista de Estudios Sociales, 12(3), 45-60.",
    );
    assert_eq!(families(&r.authors), ["García", "López"]);
    assert_eq!(
        r.container_title.as_deref(),
        Some("Revista de Estudios Sociales")
    );
    assert_eq!(r.issue.as_deref(), Some("3"));
}

#[test]
fn particles_compounds_and_capitals() {
    let r = parsed(
        "de la Cruz, M., & Martin-Facklam, M. (2019). Drug safety in children. Clinical Pharmacology & Therapeutics, 105(2), 312–318. https://doi.org/10.1002/cpt.1234",
    );
    assert_eq!(families(&r.authors), ["Cruz", "Martin-Facklam"]);
    assert_eq!(r.authors[0].particle.as_deref(), Some("de la"));
    assert_eq!(r.doi.as_deref(), Some("10.1002/cpt.1234"));
    let r = parsed("SMITH, JOHN. The All-Caps Author. New York: Norton, 2001.");
    assert_eq!(families(&r.authors), ["SMITH"]);
    assert_eq!(r.title.as_deref(), Some("The All-Caps Author"));
}

#[test]
fn corporate_author_before_an_apa_date_is_one_name() {
    let r = parsed("World Health Organization. (2020). Global tuberculosis report 2020. WHO.");
    assert_eq!(r.authors.len(), 1);
    assert!(r.authors[0].literal, "{:?}", r.authors);
    assert_eq!(r.authors[0].family, "World Health Organization");
    assert_eq!(r.year(), Some(2020));
}

#[test]
fn arxiv_identifier_makes_a_preprint() {
    let r = parsed("Vaswani, A., et al. (2017). Attention is all you need. arXiv:1706.03762.");
    assert_eq!(r.arxiv.as_deref(), Some("1706.03762"));
    assert!(r.et_al);
    assert_eq!(r.title.as_deref(), Some("Attention is all you need"));
}

#[test]
fn software_with_version_and_description() {
    let raw = "Harris, C. R. (2020). NumPy (Version 1.19.2) [Computer software]. Zenodo. https://doi.org/10.5281/zenodo.4035864";
    let r = parsed(raw);
    assert_eq!(r.kind, WorkType::Software);
    assert_eq!(r.title.as_deref(), Some("NumPy"));
    assert_eq!(r.version.as_deref(), Some("1.19.2"));
    assert_eq!(r.genre.as_deref(), Some("Computer software"));
    assert_eq!(r.publisher.as_deref(), Some("Zenodo"));
    assert_eq!(r.volume, None, "the version is not a volume");
    let item = csl::fields(&r);
    assert_eq!(item["version"], "1.19.2");
    assert_eq!(item["type"], "software");
}

#[test]
fn dataset_description_leaves_the_title() {
    let r = parsed(
        "Smith, J. (2018). Survey responses on media use [Data set]. ICPSR. https://doi.org/10.3886/ICPSR37000.v1",
    );
    assert_eq!(r.kind, WorkType::Dataset);
    assert_eq!(r.title.as_deref(), Some("Survey responses on media use"));
    assert_eq!(r.publisher.as_deref(), Some("ICPSR"));
}

#[test]
fn thesis_names_its_institution() {
    let r = parsed(
        "Jones, A. (2012). Networks of citation (Doctoral dissertation, University of Chicago). ProQuest.",
    );
    assert_eq!(r.kind, WorkType::Thesis);
    assert_eq!(r.title.as_deref(), Some("Networks of citation"));
    assert_eq!(r.publisher.as_deref(), Some("University of Chicago"));
    assert_eq!(r.genre.as_deref(), Some("Doctoral dissertation"));
}

#[test]
fn editions_and_reprints() {
    let r = parsed(
        "Kuhn, Thomas S. The Structure of Scientific Revolutions. 2nd ed. Chicago: University of Chicago Press, 1970. Reprint, 1996.",
    );
    assert_eq!(r.edition.as_deref(), Some("2nd"));
    assert_eq!(r.year(), Some(1970));
    assert_eq!(r.volume, None, "the reprint year is not a volume");
    assert!(
        r.note.as_deref().is_some_and(|n| n.contains("1996")),
        "{r:?}"
    );
    let r = parsed(
        "Freud, S. (1953). The interpretation of dreams. Hogarth Press. (Original work published 1900)",
    );
    assert_eq!(r.year(), Some(1953));
    assert_eq!(r.publisher.as_deref(), Some("Hogarth Press"));
}

#[test]
fn physics_and_astronomy_short_forms() {
    let r = parsed("M. Lüscher, Phys. Rev. D 65, 094516 (2002).");
    assert_eq!(r.container_title.as_deref(), Some("Phys. Rev. D"));
    assert_eq!(r.volume.as_deref(), Some("65"));
    assert_eq!(r.pages.as_deref(), Some("094516"));
    assert_eq!(r.year(), Some(2002));
    let r = parsed("Bernstein J, et al. Nature 412, 123–126 (2001).");
    assert_eq!(r.container_title.as_deref(), Some("Nature"));
    assert_eq!(r.volume.as_deref(), Some("412"));
    let r = parsed("Smith, J. 1997, ApJ, 475, 163");
    assert_eq!(r.container_title.as_deref(), Some("ApJ"));
    assert_eq!(r.volume.as_deref(), Some("475"));
    assert_eq!(r.pages.as_deref(), Some("163"));
}

#[test]
fn chicago_particle_after_the_initials_and_the_authors_after_it() {
    // Chicago inverts the first author with the particle last.
    let r = parsed(
        "Leon, Nathalie P. de, Kohei M. Itoh, Dohun Kim, et al. 2021. “Materials Challenges and Opportunities for Quantum Computing Hardware.” Science 372 (6539): eabb2823.",
    );
    assert_eq!(r.authors[0].family, "Leon");
    assert_eq!(r.authors[0].particle.as_deref(), Some("de"));
    assert_eq!(r.authors[0].given.as_deref(), Some("Nathalie P."));
    assert_eq!(r.authors[1].family, "Itoh");
}

#[test]
fn ann_is_a_given_name_and_ann_dot_a_journal_word() {
    let r = parsed(
        "Rowe, Ann Pollard. “Inca Weaving and Costume.” The Textile Museum Journal, vols. 34–35, 1997, pp. 4–53.",
    );
    assert_eq!(families(&r.authors), ["Rowe"]);
    assert_eq!(r.authors[0].given.as_deref(), Some("Ann Pollard"));
    let r = parsed("Smith J, Brown K. A study of decays. Ann. Phys. 12, 1997, 4–53.");
    assert_eq!(families(&r.authors), ["Smith", "Brown"]);
}
