//! Criterion benchmark of the corpus generator itself, so that benchmark
//! set-up cost stays visible. `cargo bench --bench synth`.

use citemap::synth::{Config, Generator};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

fn generator(c: &mut Criterion) {
    let g = Generator::new(Config {
        docs: 1_000,
        refs_per_doc: 40,
        ..Config::default()
    });
    let mut group = c.benchmark_group("synth");
    group.throughput(Throughput::Elements(40));
    let mut i = 0;
    group.bench_function("document_40_refs", |b| {
        b.iter(|| {
            i = (i + 1) % 1_000;
            black_box(g.document(i))
        })
    });
    group.finish();
}

criterion_group!(benches, generator);
criterion_main!(benches);
