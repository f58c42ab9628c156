//! Label overlap removal: node-and-label boxes that overlap are pushed
//! apart, and labels that still collide are hidden.

use super::Placed;

fn overlaps(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64), pad: f64) -> Option<(f64, f64)> {
    let ox = (a.2.min(b.2) - a.0.max(b.0)) + pad;
    let oy = (a.3.min(b.3) - a.1.max(b.1)) + pad;
    (ox > 0.0 && oy > 0.0).then_some((ox, oy))
}

/// Pushes overlapping node-and-label boxes apart; hides the labels that
/// still collide after the sweeps.
pub(super) fn remove_overlaps(placed: &mut [Placed]) {
    const PAD: f64 = 3.0;
    let n = placed.len();
    for _ in 0..400 {
        let mut moved = false;
        // Sweep in x order: boxes that do not overlap in x are skipped cheaply.
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| {
            placed[a]
                .bounds()
                .0
                .total_cmp(&placed[b].bounds().0)
                .then(a.cmp(&b))
        });
        for oi in 0..n {
            let i = order[oi];
            for &j in &order[oi + 1..] {
                let (a, b) = (placed[i].bounds(), placed[j].bounds());
                if b.0 > a.2 + PAD {
                    break;
                }
                if let Some((ox, oy)) = overlaps(a, b, PAD) {
                    moved = true;
                    if oy <= ox {
                        let dir = if placed[j].y >= placed[i].y {
                            1.0
                        } else {
                            -1.0
                        };
                        placed[i].y -= dir * oy / 2.0;
                        placed[j].y += dir * oy / 2.0;
                    } else {
                        let dir = if placed[j].x >= placed[i].x {
                            1.0
                        } else {
                            -1.0
                        };
                        placed[i].x -= dir * ox / 2.0;
                        placed[j].x += dir * ox / 2.0;
                    }
                }
            }
        }
        if !moved {
            return;
        }
    }
    // Dense leftovers: hide labels until nothing overlaps, lightest first.
    loop {
        let mut worst: Option<usize> = None;
        for i in 0..n {
            for j in i + 1..n {
                if overlaps(placed[i].bounds(), placed[j].bounds(), 0.0).is_some() {
                    for c in [i, j] {
                        if placed[c].labelled
                            && worst.is_none_or(|w| placed[c].radius < placed[w].radius)
                        {
                            worst = Some(c);
                        }
                    }
                }
            }
        }
        match worst {
            Some(w) => placed[w].labelled = false,
            None => return,
        }
    }
}

/// Whether any two drawn labels (with their nodes) overlap; used by tests
/// and as a last check before writing.
pub fn any_overlap(placed: &[Placed]) -> bool {
    (0..placed.len()).any(|i| {
        (i + 1..placed.len()).any(|j| {
            (placed[i].labelled || placed[j].labelled)
                && overlaps(placed[i].bounds(), placed[j].bounds(), 0.0).is_some()
        })
    })
}
