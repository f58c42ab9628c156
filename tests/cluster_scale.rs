//! Scale run of the clustering: 1M nodes, 10M edges. Ignored by default (it
//! needs a release build and a few hundred MB); `scripts/bench-cluster.sh`
//! runs it and prints how long each step took. Speed is reported, not
//! asserted: a timed assertion would fail on a busy machine.

use citemap::analyze::cluster::{leiden_csr, Config, Csr};
use std::time::Instant;

#[test]
#[ignore = "scale run: use scripts/bench-cluster.sh (release build)"]
fn million_nodes_ten_million_edges() {
    let n = 1_000_000usize;
    let block = 1_000usize;
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let started = Instant::now();
    let edges: Vec<(usize, usize, f64)> = (0..10 * n)
        .map(|i| {
            let u = i % n;
            let r = next();
            // 90 % of edges stay inside the node's block of 1,000.
            let v = if r % 10 != 0 {
                (u / block) * block + (r >> 8) as usize % block
            } else {
                (r >> 8) as usize % n
            };
            (u, v, 1.0)
        })
        .collect();
    let graph = Csr::from_edges(n, edges);
    eprintln!("build: {:.2?}", started.elapsed());
    let started = Instant::now();
    let p = leiden_csr(&graph, &Config::default());
    eprintln!(
        "leiden: {:.2?}, {} communities, modularity {:.4}",
        started.elapsed(),
        p.count,
        p.modularity
    );
    assert!(p.modularity > 0.8);
}
