//! Substring searches for the grammar's hot paths.
//!
//! The grammar asks many small questions of short strings (a reference is
//! about 150 bytes): "does ', in ' occur", "where is '(eds.)'", "does the
//! lower-cased text contain 'report'". `str::find` with a `&str` pattern
//! builds a two-way searcher for every call, which costs more than the scan
//! itself at these lengths, and `s.to_lowercase().contains(…)` allocates a
//! copy per question. The functions here give exactly the same answers
//! (same byte offsets, leftmost or rightmost match) with a `memchr` scan for
//! the needle's first byte and a comparison of the rest, and compare
//! ASCII text case-insensitively in place instead of lower-casing a copy.
//!
//! Byte-wise matching of a UTF-8 needle in UTF-8 text only ever matches at
//! character boundaries (no UTF-8 sequence starts inside another), so the
//! offsets are those `str::find` and `str::rfind` return.

use std::borrow::Cow;

/// `h.find(n)`: the byte offset of the first occurrence of `n` in `h`.
#[inline]
pub fn find(h: &str, n: &str) -> Option<usize> {
    find_bytes(h.as_bytes(), n.as_bytes())
}

/// `h.contains(n)`.
#[inline]
pub fn contains(h: &str, n: &str) -> bool {
    find(h, n).is_some()
}

/// `h.rfind(n)`: the byte offset of the last occurrence of `n` in `h`.
#[inline]
pub fn rfind(h: &str, n: &str) -> Option<usize> {
    let (h, n) = (h.as_bytes(), n.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return Some(h.len());
    };
    if h.len() < n.len() {
        return None;
    }
    // Candidate starts are 0..=h.len() - n.len().
    let mut end = h.len() - n.len() + 1;
    while let Some(at) = memchr::memrchr(first, &h[..end]) {
        if &h[at + 1..at + n.len()] == rest {
            return Some(at);
        }
        end = at;
    }
    None
}

/// [`find`] over bytes (`memchr::memmem::find`, without building a searcher).
pub fn find_bytes(h: &[u8], n: &[u8]) -> Option<usize> {
    let Some((&first, rest)) = n.split_first() else {
        return Some(0);
    };
    if h.len() < n.len() {
        return None;
    }
    let last = h.len() - n.len();
    let mut from = 0;
    while from <= last {
        let at = from + memchr::memchr(first, &h[from..=last])?;
        if &h[at + 1..at + n.len()] == rest {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// The leftmost offset of `h` where one of `needles` occurs: the least of
/// their `find`s, in one pass over `h` instead of one per needle. With
/// `fold`, `h`'s bytes are ASCII lower-cased before they are compared.
///
/// Worth it for short texts and several needles; on a whole reference a
/// `memchr` per needle is faster.
fn first_of_bytes<const FOLD: bool>(h: &[u8], needles: &[&str]) -> Option<usize> {
    // Which bytes start a needle.
    let mut starts = [0u64; 4];
    for n in needles {
        let Some(&b) = n.as_bytes().first() else {
            return Some(0);
        };
        starts[usize::from(b >> 6)] |= 1 << (b & 63);
    }
    let low = |b: u8| if FOLD { b.to_ascii_lowercase() } else { b };
    for (i, &b) in h.iter().enumerate() {
        let b = low(b);
        if starts[usize::from(b >> 6)] & (1 << (b & 63)) == 0 {
            continue;
        }
        let rest = &h[i + 1..];
        let hit = needles.iter().any(|n| {
            let n = n.as_bytes();
            n[0] == b
                && rest.len() + 1 >= n.len()
                && rest.iter().zip(&n[1..]).all(|(&a, &b)| low(a) == b)
        });
        if hit {
            return Some(i);
        }
    }
    None
}

/// The least of `h.find(n)` over `needles`.
pub fn first_of(h: &str, needles: &[&str]) -> Option<usize> {
    first_of_bytes::<false>(h.as_bytes(), needles)
}

/// True when `h` contains one of `needles`.
pub fn contains_any(h: &str, needles: &[&str]) -> bool {
    first_of(h, needles).is_some()
}

/// The first occurrence of `n` in the ASCII lower-casing of `h`: `n`'s
/// bytes are compared with `h`'s lower-cased, so an upper-case letter in
/// `n` never matches (as in a lower-cased copy).
fn find_ascii_lower(h: &[u8], n: &[u8]) -> Option<usize> {
    let Some((&first, rest)) = n.split_first() else {
        return Some(0);
    };
    // A lower-cased copy holds no upper-case ASCII letter.
    if h.len() < n.len() || first.is_ascii_uppercase() {
        return None;
    }
    let last = h.len() - n.len();
    let upper = first.to_ascii_uppercase();
    let mut from = 0;
    while from <= last {
        let at = from
            + if upper != first {
                memchr::memchr2(first, upper, &h[from..=last])?
            } else {
                memchr::memchr(first, &h[from..=last])?
            };
        let tail = &h[at + 1..at + n.len()];
        if tail
            .iter()
            .zip(rest)
            .all(|(a, b)| a.to_ascii_lowercase() == *b)
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// A string as `str::to_lowercase` gives it, without the copy when the
/// string is ASCII (where lower-casing changes no byte offset): searches
/// in it answer as searches in the lower-cased copy would.
pub struct Lower<'a> {
    text: Cow<'a, str>,
    /// True when `text` is the original ASCII string, not yet lower-cased.
    ascii: bool,
}

impl<'a> Lower<'a> {
    /// The lower-cased view of `s`.
    pub fn new(s: &'a str) -> Lower<'a> {
        if s.is_ascii() {
            Lower {
                text: Cow::Borrowed(s),
                ascii: true,
            }
        } else {
            Lower {
                text: Cow::Owned(s.to_lowercase()),
                ascii: false,
            }
        }
    }

    /// `s.to_lowercase().find(n)`.
    pub fn find(&self, n: &str) -> Option<usize> {
        if self.ascii {
            find_ascii_lower(self.text.as_bytes(), n.as_bytes())
        } else {
            find(&self.text, n)
        }
    }

    /// `s.to_lowercase().contains(n)`.
    pub fn contains(&self, n: &str) -> bool {
        self.find(n).is_some()
    }

    /// True when `s.to_lowercase()` contains one of `needles`.
    pub fn contains_any(&self, needles: &[&str]) -> bool {
        if self.ascii {
            first_of_bytes::<true>(self.text.as_bytes(), needles).is_some()
        } else {
            first_of_bytes::<false>(self.text.as_bytes(), needles).is_some()
        }
    }

    /// `s.to_lowercase().starts_with(n)`.
    pub fn starts_with(&self, n: &str) -> bool {
        if self.ascii {
            let h = self.text.as_bytes();
            h.len() >= n.len()
                && h[..n.len()]
                    .iter()
                    .zip(n.as_bytes())
                    .all(|(a, b)| a.to_ascii_lowercase() == *b)
        } else {
            self.text.starts_with(n)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_answers_as_std() {
        let hays = [
            "",
            "a",
            "Smith, J. (Ed.), in Proc. of the Conf., pp. 1-9, 2001. In: Press",
            "Müller, Ä. — éd. par J. Dupont, In: Zeitschrift für Physik",
            "İstanbul KELVIN K straße ΣΑΣ, in in in",
            "aaaaab aab ab b",
        ];
        let needles = [
            "", "a", "ab", ", in ", "In", "in ", "éd. par", "(Ed.)", "b", "aab", "ß", "k", "σ",
            "ς", "i̇", "press", "PRESS",
        ];
        for h in hays {
            let lower = h.to_lowercase();
            let l = Lower::new(h);
            for n in needles {
                assert_eq!(find(h, n), h.find(n), "{h:?} {n:?}");
                assert_eq!(rfind(h, n), h.rfind(n), "{h:?} {n:?}");
                assert_eq!(l.find(n), lower.find(n), "{h:?} {n:?}");
                assert_eq!(l.starts_with(n), lower.starts_with(n), "{h:?} {n:?}");
            }
            for k in 0..needles.len() {
                let some = &needles[k..(k + 4).min(needles.len())];
                let least = some.iter().filter_map(|n| h.find(n)).min();
                assert_eq!(first_of(h, some), least, "{h:?} {some:?}");
                let any = some.iter().any(|n| lower.contains(n));
                assert_eq!(l.contains_any(some), any, "{h:?} {some:?}");
            }
        }
    }
}
