//! Edge-list and GraphML reader (`clusters --edges`) on arbitrary bytes:
//! never panics, and whatever it reads can be clustered.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = citemap::graph::edgelist::Limits {
        max_line_bytes: 4096,
        ..Default::default()
    };
    if let Ok(graph) = citemap::graph::edgelist::read(data, "fuzz", &limits) {
        let csr = graph.to_csr();
        let _ = citemap::analyze::cluster::leiden_csr(&csr, &Default::default());
    }
});
