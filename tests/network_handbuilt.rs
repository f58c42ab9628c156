//! Resolution and shared sources on references built by hand from the seed
//! entries (000's MLA list, 004's IEEE list), independent of the parser.

mod common;

use citemap::analyze::shared::{shared_sources, Level};
use citemap::resolve::{resolve, Options, Rule};
use citemap::{Date, Document, DocumentMeta, Entry, Outcome, Person, Reference, Span, Style};

struct R {
    raw: &'static str,
    authors: Vec<Person>,
    title: Option<&'static str>,
    container: Option<&'static str>,
    year: Option<i32>,
    url: Option<&'static str>,
    doi: Option<&'static str>,
}

fn r(raw: &'static str) -> R {
    R {
        raw,
        authors: vec![],
        title: None,
        container: None,
        year: None,
        url: None,
        doi: None,
    }
}

impl R {
    fn by(mut self, p: Person) -> Self {
        self.authors.push(p);
        self
    }
    fn title(mut self, t: &'static str) -> Self {
        self.title = Some(t);
        self
    }
    fn container(mut self, c: &'static str) -> Self {
        self.container = Some(c);
        self
    }
    fn year(mut self, y: i32) -> Self {
        self.year = Some(y);
        self
    }
    fn url(mut self, u: &'static str) -> Self {
        self.url = Some(u);
        self
    }
    fn doi(mut self, d: &'static str) -> Self {
        self.doi = Some(d);
        self
    }
}

fn p(family: &str, given: &str) -> Person {
    Person::new(family, Some(given))
}

fn org(name: &str) -> Person {
    Person::literal(name)
}

fn doc(path: &str, style: Style, refs: Vec<R>) -> Document {
    let entries = refs
        .into_iter()
        .enumerate()
        .map(|(i, x)| Entry {
            span: Span {
                path: path.into(),
                line: i + 1,
                end_line: i + 1,
                column: 1,
            },
            label: None,
            marker: None,
            raw: x.raw.into(),
            style,
            outcome: Outcome::Parsed {
                reference: Reference {
                    authors: x.authors,
                    title: x.title.map(Into::into),
                    container_title: x.container.map(Into::into),
                    issued: x.year.map(Date::year),
                    url: x.url.map(Into::into),
                    doi: x.doi.map(Into::into),
                    ..Reference::default()
                }
                .into(),
                confidence: 1.0,
            },
        })
        .collect();
    Document {
        path: path.into(),
        meta: DocumentMeta::default(),
        section: None,
        sections: Vec::new(),
        style,
        entries,
        notes: vec![],
    }
}

fn mla() -> Document {
    doc("000.txt", Style::Mla, vec![
        r("Apprich, Clemens. *Technotopia. A Media Genealogy of Net Cultures*. Rowman & Littlefield, 2017.")
            .by(p("Apprich", "Clemens")).title("Technotopia. A Media Genealogy of Net Cultures").year(2017),
        r("Benjamin, Ruha. *Race after Technology. Abolitionist Tools for the New Jim Code*. Polity Press, 2019.")
            .by(p("Benjamin", "Ruha")).title("Race after Technology. Abolitionist Tools for the New Jim Code").year(2019),
        r("Crunchbase. \"Hugging Face.\" 2023. <https://www.crunchbase.com/organization/hugging-face>.")
            .by(org("Crunchbase")).title("Hugging Face").year(2023).url("https://www.crunchbase.com/organization/hugging-face"),
        r("Google AI. *Official Website*. 2023. <https://ai.google/>.")
            .by(org("Google AI")).title("Official Website").year(2023).url("https://ai.google/"),
        r("Google AI. \"Principles.\" *Google AI Official Website*, 2023. <https://ai.google/principles>.")
            .by(org("Google AI")).title("Principles").container("Google AI Official Website").year(2023).url("https://ai.google/principles"),
        r("Google Developers. \"Google I/O Keynote (Google I/O '17).\" Uploaded on 17 May 2017. <https://www.youtube.com/watch?v=Y2VF8tmLFHw>.")
            .by(org("Google Developers")).title("Google I/O Keynote (Google I/O '17)").year(2017).url("https://www.youtube.com/watch?v=Y2VF8tmLFHw"),
        r("Hugging Face. *Official Website*, 2023. <https://huggingface.co>.")
            .by(org("Hugging Face")).title("Official Website").year(2023).url("https://huggingface.co"),
        r("Hugging Face. \"Hugging Face Hub Documentation.\" *Official Website*, 2023. <https://huggingface.co/docs/hub/index>.")
            .by(org("Hugging Face")).title("Hugging Face Hub Documentation").container("Official Website").year(2023).url("https://huggingface.co/docs/hub/index"),
        r("Luchs, Inga, Apprich, Clemens and Marcel Broersma. \"Learning Machine Learning. On the Political Economy of AI Online Courses.\" *Big Data & Society*, vol. 10, no. 1, 2023.")
            .by(p("Luchs", "Inga")).by(p("Apprich", "Clemens")).by(p("Broersma", "Marcel"))
            .title("Learning Machine Learning. On the Political Economy of AI Online Courses").container("Big Data & Society").year(2023),
        r("Meta AI. \"About.\" *Official Website*, 2023. <https://ai.facebook.com/about/>.")
            .by(org("Meta AI")).title("About").container("Official Website").year(2023).url("https://ai.facebook.com/about/"),
        r("Metz, Cade. \"Google Just Open Sourced TensorFlow, Its Artificial Intelligence Engine.\" *WIRED*, 9 November 2015. <https://www.wired.com/2015/11/google-open-sources-its-artificial-intelligence-engine/>.")
            .by(p("Metz", "Cade")).title("Google Just Open Sourced TensorFlow, Its Artificial Intelligence Engine").container("WIRED").year(2015)
            .url("https://www.wired.com/2015/11/google-open-sources-its-artificial-intelligence-engine/"),
        r("Microsoft News Center. \"Democratizing AI. For Every Person and Every Organization.\" *Microsoft Features*, 26 September 2016. <https://news.microsoft.com/features/democratizing-ai/>.")
            .by(org("Microsoft News Center")).title("Democratizing AI. For Every Person and Every Organization.").container("Microsoft Features").year(2016)
            .url("https://news.microsoft.com/features/democratizing-ai/"),
        r("Osman, Luqman and Dawson Sewell. \"Hugging Face.\" *Contrary Research*, 14 September 2022. <https://research.contrary.com/reports/hugging-face>.")
            .by(p("Osman", "Luqman")).by(p("Sewell", "Dawson")).title("Hugging Face").container("Contrary Research").year(2022)
            .url("https://research.contrary.com/reports/hugging-face"),
        r("Verdegem, Pieter. \"Introduction: Why We Need Critical Perspectives on AI.\" *AI for Everyone? Critical Perspectives*, edited by Pieter Verdegem. University of Westminster Press, 2021, pp. 1-18.")
            .by(p("Verdegem", "Pieter")).title("Introduction: Why We Need Critical Perspectives on AI").container("AI for Everyone? Critical Perspectives").year(2021),
        r("Apprich, Clemens. \"Introduction.\" *Pattern Discrimination*, edited by Clemens Apprich, Wendy Hui Kyong Chun, Florian Cramer and Hito Steyerl. meson press/Minnesota Press, 2018, pp. ix-xii.")
            .by(p("Apprich", "Clemens")).title("Introduction").container("Pattern Discrimination").year(2018),
    ])
}

fn ieee() -> Document {
    doc("004.txt", Style::Ieee, vec![
        r("[2] ‘Meta AI is sharing OPT-175B, the first 175-billion-parameter language model to be made available to the broader AI research community.’, May 02, 2022. https://ai.facebook.com/blog/democratizing-access-t o-large-scale-language-models-with-opt-175b/ (accessed Mar. 09, 2023).")
            .title("Meta AI is sharing OPT-175B, the first 175-billion-parameter language model to be made available to the broader AI research community.").year(2022)
            .url("https://ai.facebook.com/blog/democratizing-access-t o-large-scale-language-models-with-opt-175b/"),
        r("[3] ‘Democratizing AI: For Every Person and Organization’, Microsoft Features, Sep. 26, 2016. https://news.microsoft.com/features/democratizing-a i/ (accessed Mar. 09, 2023).")
            .title("Democratizing AI: For Every Person and Organization").container("Microsoft Features").year(2016)
            .url("https://news.microsoft.com/features/democratizing-a i/"),
        r("[4] ‘About us’, Hugging Face. https://huggingface.co/about (accessed Mar. 09, 2023).")
            .title("About us").container("Hugging Face").url("https://huggingface.co/about"),
        r("[13] E. M. Bender, T. Gebru, A. McMillan-Major, and S. Shmitchell, ‘On the Dangers of Stochastic Parrots: Can Language Models Be Too Big? 🦜’, in Proceedings of the 2021 ACM Conference on Fairness, Accountability, and Transparency, Virtual Event Canada, Mar. 2021, pp. 610–623. doi: 10.1145/3442188.3445922.")
            .by(p("Bender", "E. M.")).by(p("Gebru", "T.")).by(p("McMillan-Major", "A.")).by(p("Shmitchell", "S."))
            .title("On the Dangers of Stochastic Parrots: Can Language Models Be Too Big? 🦜")
            .container("Proceedings of the 2021 ACM Conference on Fairness, Accountability, and Transparency").year(2021).doi("10.1145/3442188.3445922"),
        r("[27] ‘Introducing LLaMA: A foundational, 65-billion-parameter language model’, Meta AI, Feb. 24, 2023. https://ai.facebook.com/blog/large-language-model-l lama-meta-ai/ (accessed Mar. 15, 2023).")
            .title("Introducing LLaMA: A foundational, 65-billion-parameter language model").container("Meta AI").year(2023)
            .url("https://ai.facebook.com/blog/large-language-model-l lama-meta-ai/"),
        r("[33] ‘Google Cloud AutoML - Train models without ML expertise’, Google Cloud. https://cloud.google.com/automl (accessed Mar. 09, 2023).")
            .title("Google Cloud AutoML - Train models without ML expertise").container("Google Cloud").url("https://cloud.google.com/automl"),
        r("[43] ‘Barack Obama Talks AI, Robo Cars, and the Future of the World: The president in conversation with MIT’s Joi Ito and WIRED editor-in-chief Scott Dadich.’, Wired. Accessed: Mar. 15, 2023. [Online]. Available: https://www.wired.com/2016/10/president-obama-m it-joi-ito-interview/")
            .title("Barack Obama Talks AI, Robo Cars, and the Future of the World: The president in conversation with MIT’s Joi Ito and WIRED editor-in-chief Scott Dadich.")
            .container("Wired").url("https://www.wired.com/2016/10/president-obama-m it-joi-ito-interview/"),
        r("[62] F. Carugati, ‘A Council of Citizens Should Regulate Algorithms’, Wired. Accessed: Mar. 10, 2023. [Online]. Available: https://www.wired.com/story/opinion-a-council-of-c itizens-should-regulate-algorithms/")
            .by(p("Carugati", "F.")).title("A Council of Citizens Should Regulate Algorithms").container("Wired")
            .url("https://www.wired.com/story/opinion-a-council-of-c itizens-should-regulate-algorithms/"),
        r("[69] B. Harris, ‘Improving People’s Experiences Through Community Forums’, Meta, Nov. 16, 2022. https://about.fb.com/news/2022/11/improving-peopl es-experiences-through-community-forums/ (accessed Mar. 13, 2023).")
            .by(p("Harris", "B.")).title("Improving People’s Experiences Through Community Forums").container("Meta").year(2022)
            .url("https://about.fb.com/news/2022/11/improving-peopl es-experiences-through-community-forums/"),
    ])
}

fn corpus() -> Vec<Document> {
    vec![mla(), ieee()]
}

#[test]
fn the_microsoft_work_is_the_only_merge() {
    let docs = corpus();
    let res = resolve(&docs, &[], &Options::default());
    let merges: Vec<(String, String, Rule)> = res
        .merges
        .iter()
        .map(|m| (m.a.locator(&docs), m.b.locator(&docs), m.evidence.rule))
        .collect();
    assert_eq!(
        merges,
        vec![("000.txt#12".to_owned(), "004.txt#2".to_owned(), Rule::Url)],
        "every merge: {merges:#?}"
    );
    let entries: usize = docs.iter().map(|d| d.entries.len()).sum();
    assert_eq!(res.works.len(), entries - 1);
}

#[test]
fn the_microsoft_work_merges_by_title_without_urls() {
    let mut docs = corpus();
    for d in &mut docs {
        for e in &mut d.entries {
            if let Outcome::Parsed { reference, .. } = &mut e.outcome {
                std::sync::Arc::make_mut(reference).url = None;
            }
        }
    }
    let res = resolve(&docs, &[], &Options::default());
    assert_eq!(res.merges.len(), 1, "{:#?}", res.merges);
    assert_eq!(res.merges[0].evidence.rule, Rule::Title);
    assert!(res.merges[0].evidence.score >= 0.9);
    assert_eq!(res.merges[0].a.locator(&docs), "000.txt#12");
    assert_eq!(res.merges[0].b.locator(&docs), "004.txt#2");
}

#[test]
fn shared_sources_at_every_level() {
    let docs = corpus();
    let res = resolve(&docs, &[], &Options::default());
    let shared = shared_sources(&docs, &res, 2, &Level::ALL);
    let has = |level: Level, label: &str| {
        shared
            .iter()
            .any(|s| s.level == level && s.label.to_lowercase().contains(&label.to_lowercase()))
    };
    assert!(has(Level::Work, "Democratizing AI"), "{shared:#?}");
    assert!(has(Level::Organisation, "Hugging Face"), "{shared:#?}");
    assert!(has(Level::Organisation, "Meta"), "{shared:#?}");
    assert!(has(Level::Organisation, "Google"), "{shared:#?}");
    assert!(has(Level::Venue, "WIRED"), "{shared:#?}");
    // Exactly one shared work, and each shared source lists both files.
    assert_eq!(shared.iter().filter(|s| s.level == Level::Work).count(), 1);
    for s in &shared {
        let files: std::collections::BTreeSet<&str> =
            s.documents.iter().map(|c| c.path.as_str()).collect();
        assert_eq!(files.len(), 2, "{s:#?}");
    }
    // Crunchbase's and Contrary Research's "Hugging Face" pages are different works.
    let hf = res
        .works
        .iter()
        .filter(|w| w.label.contains(": Hugging Face") && !w.label.contains("Documentation"))
        .count();
    assert_eq!(hf, 2);
}

#[test]
fn people_meet_across_name_forms() {
    let docs = corpus();
    let res = resolve(&docs, &[], &Options::default());
    let apprich: Vec<_> = res
        .agents
        .iter()
        .filter(|a| a.key.starts_with("person:apprich"))
        .collect();
    assert_eq!(apprich.len(), 1);
    assert_eq!(apprich[0].works.len(), 3);
    let google = res
        .agents
        .iter()
        .find(|a| a.key == "org:google")
        .expect("a Google family");
    assert_eq!(google.label, "Google");
    assert!(google.variants.len() >= 3, "{google:?}");
}

#[test]
fn portal_page_and_pdf_are_one_document() {
    let Some((_, text000)) = common::seed("000") else {
        return;
    };
    let Some((_, text001)) = common::seed("001") else {
        return;
    };
    let mut docs = corpus();
    docs.insert(1, doc("001.txt", Style::Unknown, vec![]));
    let heads = [text000.as_str(), text001.as_str(), ""];
    let res = resolve(&docs, &heads, &Options::default());
    assert_eq!(res.doc_node[0], res.doc_node[1]);
    assert_ne!(res.doc_node[0], res.doc_node[2]);
    assert_eq!(res.documents.len(), 2);
    let node = &res.documents[res.doc_node[0] as usize];
    assert!(node
        .evidence
        .iter()
        .any(|e| e.rule == Rule::DocumentHead || e.rule == Rule::DocumentDoi));
}

#[test]
fn a_document_cited_elsewhere_is_one_node_with_its_work() {
    use citemap::graph::{project, Kind, Network};
    let mut docs = corpus();
    // A third document is Luchs et al.'s article, which 000 cites; it cites
    // Apprich's book in APA.
    docs.push(doc(
        "luchs.txt",
        Style::Apa,
        vec![
            r("Apprich, C. (2017). Technotopia: A media genealogy of net cultures.")
                .by(p("Apprich", "C."))
                .title("Technotopia: A media genealogy of net cultures")
                .year(2017),
        ],
    ));
    docs[2].meta = DocumentMeta {
        title: Some(
            "Learning Machine Learning: On the Political Economy of AI Online Courses".into(),
        ),
        authors: vec![p("Luchs", "Inga")],
        year: Some(2023),
        ..DocumentMeta::default()
    };
    let res = resolve(&docs, &[], &Options::default());
    let node = &res.documents[res.doc_node[2] as usize];
    let work = node.work.expect("the document is the work 000 cites");
    assert!(res.works[work as usize]
        .label
        .contains("Learning Machine Learning"));
    assert_eq!(node.evidence[0].rule, Rule::DocumentCited);
    // Apprich's book in 000 and in the new document is one work, "C." = "Clemens".
    assert_eq!(res.work_of[0][0], res.work_of[2][0]);
    let net = Network::build(&res);
    let citation = project(&res, &docs, &net, Kind::Citation);
    // 000 → the document itself, not to a separate work node.
    let doc_id = format!("d{}", res.doc_node[2]);
    let into_doc = citation
        .graph
        .edge_indices()
        .filter(|&e| citation.graph[citation.graph.edge_endpoints(e).unwrap().1].id == doc_id)
        .count();
    assert_eq!(into_doc, 1);
    assert!(!citation
        .graph
        .node_weights()
        .any(|n| n.id == format!("w{work}")));
}
