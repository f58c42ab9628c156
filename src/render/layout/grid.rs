//! Repulsion between near nodes only, for figures above [`GRID_ABOVE`]
//! nodes: Fruchterman and Reingold's own "grid variant". The exact sum over
//! every pair grows with the square of the nodes and would take minutes at
//! 5,000; pairs farther apart than the cut-off push each other too weakly
//! to matter.
//!
//! Nodes are sorted by the square cell (of side the cut-off) they fall in,
//! so each cell's nodes lie side by side in memory, and each pair of
//! neighbouring cells is visited once: the cell itself, the next cell to
//! the right and the three cells of the next row. Each pair of nodes is
//! thus computed once and applied to both, in an order fixed by the
//! positions alone, so the result is deterministic.

/// Above this many nodes, repulsion is computed on the grid. The SVG
/// figures stay below it and get the exact sum.
pub const GRID_ABOVE: usize = 800;

/// Nodes with no group all count as one group here, as in the exact sum.
const NO_GROUP: u32 = u32::MAX;

/// The grid and its buffers, kept between iterations so that no iteration
/// allocates.
#[derive(Debug, Default)]
pub(super) struct Grid {
    /// Node indices sorted by cell (row, then column), then by index.
    order: Vec<u32>,
    /// The cell (row, column) of each node, by node index.
    key: Vec<(i64, i64)>,
    /// Occupied cells in order: (row, column, first slot, end slot) of
    /// their run in `order`.
    cells: Vec<(i64, i64, u32, u32)>,
    /// Position and group of the node in each slot of `order`.
    x: Vec<f64>,
    y: Vec<f64>,
    group: Vec<u32>,
    /// Repulsion gathered for the node in each slot.
    push: Vec<(f64, f64)>,
}

impl Grid {
    /// Adds to `shift` the repulsion between every two nodes closer than
    /// `2k`: `k²/d` along the line between them, times 0.3 for nodes of
    /// different groups (`group[i]`, `None` counting as a group of its own).
    pub(super) fn repel(
        &mut self,
        pos: &[(f64, f64)],
        group: &[Option<usize>],
        shift: &mut [(f64, f64)],
        k: f64,
    ) {
        let n = pos.len();
        let cell = 2.0 * k;
        self.key.clear();
        self.key.extend(pos.iter().map(|&(x, y)| {
            // `as` saturates, so a stray non-finite position cannot wrap.
            ((y / cell).floor() as i64, (x / cell).floor() as i64)
        }));
        self.order.clear();
        self.order.extend(0..n as u32);
        let key = &self.key;
        self.order.sort_unstable_by_key(|&i| (key[i as usize], i));
        self.cells.clear();
        self.x.clear();
        self.y.clear();
        self.group.clear();
        for (slot, &i) in self.order.iter().enumerate() {
            let i = i as usize;
            let (row, column) = key[i];
            match self.cells.last_mut() {
                Some(c) if (c.0, c.1) == (row, column) => c.3 = slot as u32 + 1,
                _ => self.cells.push((row, column, slot as u32, slot as u32 + 1)),
            }
            self.x.push(pos[i].0);
            self.y.push(pos[i].1);
            self.group.push(group[i].map_or(NO_GROUP, |g| g as u32));
        }
        self.push.clear();
        self.push.resize(n, (0.0, 0.0));
        let pairs = Pairs {
            x: &self.x,
            y: &self.y,
            group: &self.group,
            k2: k * k,
            reach2: cell * cell,
        };
        for (c, &(row, column, start, end)) in self.cells.iter().enumerate() {
            let here = start as usize..end as usize;
            pairs.within(here.clone(), &mut self.push);
            if let Some(&(r, col, s, e)) = self.cells.get(c + 1) {
                if (r, col) == (row, column + 1) {
                    pairs.between(here.clone(), s as usize..e as usize, &mut self.push);
                }
            }
            // The next row's three cells below-left, below and below-right.
            let Some(below) = row.checked_add(1) else {
                continue;
            };
            let (left, right) = (column.saturating_sub(1), column.saturating_add(1));
            let first =
                c + self.cells[c..].partition_point(|&(r, col, _, _)| (r, col) < (below, left));
            for &(r, col, s, e) in &self.cells[first..] {
                if r != below || col > right {
                    break;
                }
                pairs.between(here.clone(), s as usize..e as usize, &mut self.push);
            }
        }
        for (&i, &(dx, dy)) in self.order.iter().zip(&self.push) {
            shift[i as usize].0 += dx;
            shift[i as usize].1 += dy;
        }
    }
}

/// The repulsion between nodes in sorted slots.
struct Pairs<'a> {
    x: &'a [f64],
    y: &'a [f64],
    group: &'a [u32],
    /// k².
    k2: f64,
    /// The cut-off distance, squared.
    reach2: f64,
}

impl Pairs<'_> {
    /// Pushes node `a` and the nodes in `others` (all after `a`) apart;
    /// returns the push on `a`, which the caller adds (so that `push` can
    /// be borrowed for the others alone).
    #[inline]
    fn one_against(
        &self,
        a: usize,
        others: std::ops::Range<usize>,
        push: &mut [(f64, f64)],
    ) -> (f64, f64) {
        let (xa, ya, ga) = (self.x[a], self.y[a], self.group[a]);
        let mut on_a = (0.0, 0.0);
        let (x, y, group) = (
            &self.x[others.clone()],
            &self.y[others.clone()],
            &self.group[others.clone()],
        );
        for (((&xb, &yb), &gb), pb) in x.iter().zip(y).zip(group).zip(&mut push[others]) {
            let (dx, dy) = (xa - xb, ya - yb);
            let d2 = (dx * dx + dy * dy).max(0.01);
            // Groups repel each other less than their members do, so they
            // settle near their centres rather than drift apart. Pairs
            // beyond reach get a zero force rather than a branch: about
            // half are beyond, at random, and a branch would be mispredicted.
            let across = if ga == gb { 1.0 } else { 0.3 };
            let f = if d2 > self.reach2 {
                0.0
            } else {
                self.k2 / d2 * across
            };
            on_a.0 += dx * f;
            on_a.1 += dy * f;
            pb.0 -= dx * f;
            pb.1 -= dy * f;
        }
        on_a
    }

    /// Every pair inside one cell.
    fn within(&self, slots: std::ops::Range<usize>, push: &mut [(f64, f64)]) {
        for a in slots.clone() {
            let on_a = self.one_against(a, a + 1..slots.end, push);
            push[a].0 += on_a.0;
            push[a].1 += on_a.1;
        }
    }

    /// Every pair with one node in each of two cells; `other` comes after
    /// `one` in the sorted order.
    fn between(
        &self,
        one: std::ops::Range<usize>,
        other: std::ops::Range<usize>,
        push: &mut [(f64, f64)],
    ) {
        for a in one {
            let on_a = self.one_against(a, other.clone(), push);
            push[a].0 += on_a.0;
            push[a].1 += on_a.1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The repulsion by every pair, with the same cut-off.
    fn by_every_pair(pos: &[(f64, f64)], group: &[Option<usize>], k: f64) -> Vec<(f64, f64)> {
        let mut shift = vec![(0.0, 0.0); pos.len()];
        for i in 0..pos.len() {
            for j in 0..pos.len() {
                if i == j {
                    continue;
                }
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d2 = (dx * dx + dy * dy).max(0.01);
                if d2 > 4.0 * k * k {
                    continue;
                }
                let f = k * k / d2 * if group[i] == group[j] { 1.0 } else { 0.3 };
                shift[i].0 += dx * f;
                shift[i].1 += dy * f;
            }
        }
        shift
    }

    #[test]
    fn grid_equals_every_pair_within_reach() {
        // A scatter over many cells, negative coordinates included, with
        // two nodes on one spot.
        let mut pos: Vec<(f64, f64)> = (0..300)
            .map(|i| {
                let t = i as f64;
                ((t * 37.0 % 401.0) - 200.0, (t * 91.0 % 353.0) - 170.0)
            })
            .collect();
        pos.push(pos[0]);
        let group: Vec<Option<usize>> = (0..pos.len())
            .map(|i| (i % 3 != 0).then_some(i % 2))
            .collect();
        let k = 25.0;
        let mut shift = vec![(0.0, 0.0); pos.len()];
        Grid::default().repel(&pos, &group, &mut shift, k);
        for (got, want) in shift.iter().zip(by_every_pair(&pos, &group, k)) {
            let scale = 1.0 + want.0.abs() + want.1.abs();
            assert!((got.0 - want.0).abs() < 1e-9 * scale, "{got:?} {want:?}");
            assert!((got.1 - want.1).abs() < 1e-9 * scale, "{got:?} {want:?}");
        }
    }
}
