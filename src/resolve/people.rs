//! People, organisations and venues behind the resolved works.
//!
//! A person's key is the folded family name and first initial, so
//! "Apprich, Clemens" and "C. Apprich" meet. An organisation (a literal
//! author) is keyed by its family ("Google AI", "Google Cloud" and
//! "Google Developers" are Google). A web page with no author is credited to
//! its site's organisation: its container ("Hugging Face"), else its
//! publisher, else the organisation its host names.

use super::normalise::{
    fold, host_family_key, org_family_key, person_key, url_host, url_key, venue_key,
};
use super::{Agent, AgentId, AgentKind, Evidence, Rule, Venue, VenueId, Work};
use crate::model::{Document, Person, Reference, WorkType};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};

/// Hosts that carry other people's work; they name no organisation.
const PLATFORM_HOSTS: &[&str] = &[
    "arxiv",
    "github",
    "youtube",
    "youtu",
    "doi",
    "medium",
    "substack",
    "wordpress",
    "blogspot",
    "twitter",
    "x",
    "linkedin",
    "researchgate",
    "ssrn",
    "academia",
    "jstor",
    "wikipedia",
    "google",
    "archive",
    "vimeo",
    "scribd",
    "dropbox",
];

/// One spelling of an agent's name as met in an entry.
struct Met {
    key: String,
    kind: AgentKind,
    spelling: String,
    given: Option<String>,
}

/// A work's venue as its entries name it: the venue key and each spelling
/// with how many entries write it so.
type VenueMet = (String, Vec<(String, usize)>);

/// A name as displayed: trimmed of spaces and of the punctuation a citation
/// style puts after it ("Hugging Face." in IEEE, "Wired.").
fn clean(name: &str) -> String {
    name.trim()
        .trim_end_matches(['.', ',', ';', ':'])
        .trim()
        .to_owned()
}

fn person_met(p: &Person) -> Option<Met> {
    if p.family.trim().is_empty() {
        return None;
    }
    if p.literal {
        let family = org_family_key(&p.family);
        return (!family.is_empty()).then(|| Met {
            key: format!("org:{family}"),
            kind: AgentKind::Organisation,
            spelling: clean(&p.family),
            given: None,
        });
    }
    // "Apprich, Clemens." leaves the sentence's full stop on the given name;
    // an initial keeps its own.
    let given = p.given.as_deref().map(|g| {
        let g = g.trim();
        match g.strip_suffix('.') {
            Some(rest)
                if rest
                    .rsplit([' ', '.', '-'])
                    .next()
                    .is_some_and(|w| w.chars().count() > 1) =>
            {
                rest.to_owned()
            }
            _ => g.to_owned(),
        }
    });
    let display = Person {
        given: given.clone().filter(|g| !g.is_empty()),
        family: clean(&p.family),
        ..p.clone()
    };
    Some(Met {
        key: format!(
            "person:{}",
            person_key(&p.full_family(), p.given.as_deref())
        ),
        kind: AgentKind::Person,
        spelling: display.to_string(),
        given,
    })
}

/// The agent key and kind of a name as written (`None` for an empty name):
/// "person:apprich|c" or "org:google".
pub fn agent_key(p: &Person) -> Option<(String, AgentKind)> {
    person_met(p).map(|m| (m.key, m.kind))
}

/// The organisation of a web page with no author.
fn site_org(members: &[&Reference]) -> Option<Met> {
    let webby = members.iter().any(|r| {
        r.url.is_some()
            || matches!(
                r.kind,
                WorkType::Webpage | WorkType::Software | WorkType::Video | WorkType::Dataset
            )
    });
    if !webby {
        return None;
    }
    let named = members
        .iter()
        .find_map(|r| r.container_title.as_deref())
        .or_else(|| members.iter().find_map(|r| r.publisher.as_deref()));
    if let Some(name) = named {
        return person_met(&Person::literal(name));
    }
    let host = members
        .iter()
        .find_map(|r| r.url.as_deref().and_then(url_key))
        .map(|k| url_host(&k).to_owned())?;
    let family = host_family_key(&host);
    if family.is_empty() || PLATFORM_HOSTS.contains(&family.as_str()) {
        return None;
    }
    Some(Met {
        key: format!("org:{family}"),
        kind: AgentKind::Organisation,
        spelling: host,
        given: None,
    })
}

/// The label of an organisation family: the words its spellings share at
/// the start ("Google AI", "Google Cloud" → "Google"), else the most common.
fn family_label(spellings: &BTreeMap<String, usize>) -> String {
    let most = spellings
        .iter()
        .max_by_key(|(s, n)| (**n, std::cmp::Reverse((*s).clone())))
        .map(|(s, _)| s.clone())
        .unwrap_or_default();
    if spellings.len() < 2 {
        return most;
    }
    let split: Vec<Vec<&str>> = spellings
        .keys()
        .map(|s| s.split_whitespace().collect())
        .collect();
    let mut common: Vec<&str> = Vec::new();
    for (i, w) in split[0].iter().enumerate() {
        if split
            .iter()
            .all(|s| s.get(i).is_some_and(|x| fold(x) == fold(w)))
        {
            common.push(w);
        } else {
            break;
        }
    }
    if common.is_empty() {
        most
    } else {
        common.join(" ")
    }
}

/// Resolves agents and venues and fills `works[..].authors` and `.venue`.
pub(crate) fn resolve_agents(
    docs: &[Document],
    mut works: Vec<Work>,
) -> (Vec<Agent>, Vec<Venue>, Vec<Work>) {
    struct AgentDraft {
        kind: AgentKind,
        spellings: BTreeMap<String, usize>,
        givens: Vec<String>,
        works: Vec<u32>,
    }
    let mut agent_ids: HashMap<String, AgentId> = HashMap::new();
    let mut agent_keys: Vec<String> = Vec::new();
    let mut drafts: Vec<AgentDraft> = Vec::new();
    let mut venue_ids: HashMap<String, VenueId> = HashMap::new();
    let mut venues: Vec<(String, BTreeMap<String, usize>, Vec<u32>)> = Vec::new();

    // What each work names (its people or organisation, its venue's key
    // and spellings) is read on every core; only the numbering below,
    // which goes in corpus order, is one pass.
    let named: Vec<(Vec<Met>, Option<VenueMet>)> = works
        .par_iter()
        .map(|work| {
            let members: Vec<&Reference> = work
                .entries
                .iter()
                .filter_map(|r| r.reference(docs))
                .collect();
            // The entry naming the most authors speaks for the work.
            let with_authors = members
                .iter()
                .max_by_key(|r| r.authors.len())
                .filter(|r| !r.authors.is_empty());
            let met: Vec<Met> = match with_authors {
                Some(r) => r.authors.iter().filter_map(person_met).collect(),
                None => site_org(&members).into_iter().collect(),
            };
            // Every member's container counts towards the venue's
            // spellings. A work cited thousands of times (a database
            // export) names its journal in a few spellings: each is keyed
            // and cleaned once.
            let mut containers: Vec<&str> = members
                .iter()
                .filter_map(|r| r.container_title.as_deref())
                .collect();
            let venue = containers.first().copied().and_then(|first| {
                let key = venue_key(first);
                if key.is_empty() {
                    return None;
                }
                containers.sort_unstable();
                let spellings = containers
                    .chunk_by(|a, b| a == b)
                    .filter(|run| venue_key(run[0]) == key)
                    .map(|run| (clean(run[0]), run.len()))
                    .collect();
                Some((key, spellings))
            });
            (met, venue)
        })
        .collect();
    for (w, (work, (met, venue))) in works.iter_mut().zip(named).enumerate() {
        for m in met {
            let id = *agent_ids.entry(m.key.clone()).or_insert_with(|| {
                agent_keys.push(m.key.clone());
                drafts.push(AgentDraft {
                    kind: m.kind,
                    spellings: BTreeMap::new(),
                    givens: Vec::new(),
                    works: Vec::new(),
                });
                (drafts.len() - 1) as AgentId
            });
            let d = &mut drafts[id as usize];
            *d.spellings.entry(m.spelling).or_default() += 1;
            if let Some(g) = m.given {
                d.givens.push(g);
            }
            if d.works.last() != Some(&(w as u32)) {
                d.works.push(w as u32);
            }
            if !work.authors.contains(&id) {
                work.authors.push(id);
            }
        }
        if let Some((key, spellings)) = venue {
            let id = *venue_ids.entry(key.clone()).or_insert_with(|| {
                venues.push((key, BTreeMap::new(), Vec::new()));
                (venues.len() - 1) as VenueId
            });
            let v = &mut venues[id as usize];
            for (spelling, n) in spellings {
                *v.1.entry(spelling).or_default() += n;
            }
            v.2.push(w as u32);
            work.venue = Some(id);
        }
    }

    let agents = drafts
        .into_iter()
        .zip(agent_keys)
        .map(|(d, key)| {
            let variants: Vec<String> = d.spellings.keys().cloned().collect();
            let (label, evidence) = match d.kind {
                AgentKind::Person => {
                    // The spelling with the fullest given name is the label.
                    let label = variants
                        .iter()
                        .max_by_key(|s| (s.len(), std::cmp::Reverse((*s).clone())))
                        .cloned()
                        .unwrap_or_default();
                    let mut givens: Vec<String> =
                        d.givens.iter().map(|g| super::normalise::fold(g)).collect();
                    givens.sort();
                    givens.dedup();
                    let evidence = (variants.len() > 1).then_some(Evidence {
                        rule: Rule::Name,
                        // Only the initial agreed when the given names differ.
                        score: if givens.len() > 1 { 0.9 } else { 1.0 },
                    });
                    (label, evidence)
                }
                AgentKind::Organisation => {
                    let evidence = (variants.len() > 1).then_some(Evidence {
                        rule: Rule::Name,
                        score: 0.8,
                    });
                    (family_label(&d.spellings), evidence)
                }
            };
            Agent {
                kind: d.kind,
                key,
                label,
                variants,
                works: d.works,
                evidence,
            }
        })
        .collect();
    let venues = venues
        .into_iter()
        .map(|(key, spellings, works)| Venue {
            label: spellings
                .iter()
                .max_by_key(|(s, n)| (**n, std::cmp::Reverse((*s).clone())))
                .map(|(s, _)| s.clone())
                .unwrap_or_else(|| key.clone()),
            key,
            works,
        })
        .collect();
    (agents, venues, works)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn family_labels() {
        let mut s = BTreeMap::new();
        s.insert("Google AI".to_owned(), 3);
        s.insert("Google Cloud".to_owned(), 1);
        assert_eq!(family_label(&s), "Google");
        let mut t = BTreeMap::new();
        t.insert("Meta AI".to_owned(), 1);
        assert_eq!(family_label(&t), "Meta AI");
        let mut u = BTreeMap::new();
        u.insert("Hugging Face".to_owned(), 1);
        u.insert(clean("Hugging Face. "), 1);
        u.insert("Hugging face blog".to_owned(), 1);
        assert_eq!(family_label(&u), "Hugging Face");
    }

    #[test]
    fn people_meet_by_initial() {
        let a = person_met(&Person::new("Apprich", Some("Clemens"))).unwrap();
        let b = person_met(&Person::new("Apprich", Some("C."))).unwrap();
        assert_eq!(a.key, b.key);
        assert_eq!(
            person_met(&Person::new("Apprich", Some("Clemens.")))
                .unwrap()
                .spelling,
            "Clemens Apprich"
        );
        assert_eq!(
            person_met(&Person::new("Noble", Some("S. U.")))
                .unwrap()
                .spelling,
            "S. U. Noble"
        );
        let c = person_met(&Person::literal("Hugging Face")).unwrap();
        assert_eq!(c.kind, AgentKind::Organisation);
        assert!(person_met(&Person::literal("  ")).is_none());
    }

    #[test]
    fn pages_without_authors_get_their_site() {
        let r = Reference {
            title: Some("About us".into()),
            container_title: Some("Hugging Face".into()),
            url: Some("https://huggingface.co/about".into()),
            ..Reference::default()
        };
        assert_eq!(site_org(&[&r]).unwrap().key, "org:huggingface");
        let bare = Reference {
            url: Some("https://huggingface.co/about".into()),
            ..Reference::default()
        };
        assert_eq!(site_org(&[&bare]).unwrap().key, "org:huggingface");
        let book = Reference {
            title: Some("Data Feminism".into()),
            ..Reference::default()
        };
        assert!(site_org(&[&book]).is_none());
    }
}
