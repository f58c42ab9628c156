//! Criterion benchmarks of extraction (finding the list, splitting, repairing
//! and parsing entries) on whole synthetic documents, in bytes per second.
//! `cargo bench --bench extract`.

use citemap::synth::{generate, Config, DamageRates};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

fn extract(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract_text");
    for (name, damage, markdown) in [
        ("pdf-damaged", DamageRates::default(), 0.0),
        ("pdf-clean", DamageRates::none(), 0.0),
        ("markdown", DamageRates::default(), 1.0),
    ] {
        let corpus = generate(&Config {
            docs: 40,
            refs_per_doc: 40,
            damage,
            markdown_share: markdown,
            ..Config::default()
        });
        let bytes: usize = corpus.documents.iter().map(|d| d.text.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(name),
            &corpus.documents,
            |b, docs| {
                b.iter(|| {
                    for d in docs {
                        black_box(citemap::extract::extract_text(&d.name, black_box(&d.text)));
                    }
                })
            },
        );
    }
    group.finish();
}

fn repair(c: &mut Criterion) {
    let corpus = generate(&Config {
        docs: 40,
        refs_per_doc: 40,
        ..Config::default()
    });
    // Entries as a line-joiner would hand them over: wrapped lines joined by
    // spaces, damage included.
    let raw: Vec<String> = corpus
        .documents
        .iter()
        .zip(&corpus.truth.documents)
        .flat_map(|(doc, truth)| {
            let lines: Vec<&str> = doc.text.split('\n').collect();
            truth
                .entries
                .iter()
                .map(|e| lines[e.line - 1..e.end_line].join(" "))
                .collect::<Vec<_>>()
        })
        .collect();
    let mut group = c.benchmark_group("repair_entry");
    group.throughput(Throughput::Elements(raw.len() as u64));
    group.bench_function("damaged", |b| {
        b.iter(|| {
            for r in &raw {
                black_box(citemap::extract::repair::repair_entry(black_box(r)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, extract, repair);
criterion_main!(benches);
