//! MLA 8/9: `Family, Given, and Given Family. "Title." *Container*, vol. 1,
//! no. 2, Day Month Year, pp. 1-9. URL.`
//!
//! The shared grammar reads MLA; this module gives the evidence used to
//! recognise it.

/// Evidence that `raw` is MLA: "Family, Given." at the start, a title in
/// double quotes ending inside them, "vol. N, no. N", day-month-year dates.
pub fn score(raw: &str) -> u32 {
    let mut n = 0;
    if super::text::contains(raw, ".” ")
        || super::text::contains(raw, ".\" ")
        || super::text::contains(raw, "?” ")
    {
        n += 1;
    }
    if super::text::contains(raw, "edited by") {
        n += 2;
    }
    if super::text::contains(raw, ", vol. ") && super::text::contains(raw, ", no. ") {
        n += 1;
    }
    if raw.contains('*') {
        n += 1;
    }
    // The text before the first ". " (what `split(". ").next()` gives).
    let first = &raw[..super::text::find(raw, ". ").unwrap_or(raw.len())];
    if first.contains(", ") && first.split_whitespace().count() <= 4 && !first.contains('(') {
        n += 1;
    }
    n
}
