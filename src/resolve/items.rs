//! The matching keys of every entry of a corpus, numbered document by
//! document ("items"), computed once per distinct parse.
//!
//! Entries that share one parsed reference (a database export's cited
//! references written alike, [`crate::model::Outcome::Parsed`]) share one
//! [`Keys`]: an export of 5 million cited references holds about 1.4
//! million distinct parses, and keys are a few hundred bytes each.

use super::works::Keys;
use super::EntryRef;
use crate::model::{Document, Outcome};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Makes the keys share one copy of each author, container, volume, first
/// page and source (DOIs, URLs and titles are mostly distinct: interning
/// them would cost more than it saves).
fn intern(keys: &mut [Option<Keys>]) {
    let mut pool: HashSet<Arc<str>, foldhash::fast::RandomState> = HashSet::default();
    let mut share = |s: &mut Option<Arc<str>>| {
        if let Some(v) = s {
            match pool.get(&**v) {
                Some(shared) => *v = Arc::clone(shared),
                None => {
                    pool.insert(Arc::clone(v));
                }
            }
        }
    };
    for k in keys.iter_mut().flatten() {
        share(&mut k.author);
        share(&mut k.container);
        share(&mut k.volume);
        share(&mut k.first_page);
        share(&mut k.source);
    }
}

/// Keys by item: `slot[item]` indexes `distinct`, whose first place is the
/// `None` of every unparsed entry.
#[derive(Debug, Default)]
pub(crate) struct ItemKeys {
    slot: Vec<u32>,
    distinct: Vec<Option<Keys>>,
}

impl ItemKeys {
    /// The keys of the entries `refs` name, in that order.
    pub(crate) fn new(docs: &[Document], refs: &[EntryRef]) -> Self {
        let mut slot = Vec::with_capacity(refs.len());
        let mut first_of: HashMap<usize, u32, foldhash::fast::RandomState> = HashMap::default();
        // The first item of each distinct parse, whose reference gives it keys.
        let mut firsts: Vec<EntryRef> = Vec::new();
        for r in refs {
            let entry = docs
                .get(r.doc as usize)
                .and_then(|d| d.entries.get(r.entry as usize));
            let Some(Outcome::Parsed { reference, .. }) = entry.map(|e| &e.outcome) else {
                slot.push(0);
                continue;
            };
            let ptr = std::sync::Arc::as_ptr(reference) as usize;
            let next = firsts.len() as u32 + 1;
            let s = *first_of.entry(ptr).or_insert(next);
            if s == next {
                firsts.push(*r);
            }
            slot.push(s);
        }
        drop(first_of);
        let mut distinct = Vec::with_capacity(firsts.len() + 1);
        distinct.push(None);
        distinct.par_extend(firsts.par_iter().map(|r| r.reference(docs).map(Keys::of)));
        intern(&mut distinct);
        ItemKeys { slot, distinct }
    }

    /// The keys of item `i` (`None` when it was not parsed, or is past the
    /// end).
    pub(crate) fn get(&self, i: u32) -> Option<&Keys> {
        let s = *self.slot.get(i as usize)?;
        self.distinct.get(s as usize)?.as_ref()
    }

    /// The keys of every item, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = Option<&Keys>> + '_ {
        self.slot
            .iter()
            .map(|&s| self.distinct.get(s as usize).and_then(Option::as_ref))
    }
}
