//! Criterion benchmarks of parsing reference strings, per style, on entries
//! from the synthetic corpus (`citemap::synth`). `cargo bench --bench parse`.

use citemap::model::Style;
use citemap::synth::{generate, Config, DamageRates};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

fn entries(style: Style) -> Vec<String> {
    let corpus = generate(&Config {
        docs: 25,
        refs_per_doc: 40,
        styles: vec![style],
        damage: DamageRates::none(),
        ..Config::default()
    });
    corpus
        .truth
        .documents
        .iter()
        .flat_map(|d| d.entries.iter().map(|e| e.text.clone()))
        .collect()
}

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse_reference");
    for style in [Style::Mla, Style::Apa, Style::Chicago, Style::Ieee] {
        let input = entries(style);
        group.throughput(Throughput::Elements(input.len() as u64));
        group.bench_with_input(BenchmarkId::new("hinted", style), &input, |b, input| {
            b.iter(|| {
                for raw in input {
                    black_box(citemap::parse::parse_reference(black_box(raw), style));
                }
            })
        });
        group.bench_with_input(BenchmarkId::new("unhinted", style), &input, |b, input| {
            b.iter(|| {
                for raw in input {
                    black_box(citemap::parse::parse_reference(
                        black_box(raw),
                        Style::Unknown,
                    ));
                }
            })
        });
    }
    group.finish();
}

fn guess(c: &mut Criterion) {
    let input: Vec<String> = [Style::Mla, Style::Apa, Style::Chicago, Style::Ieee]
        .into_iter()
        .flat_map(entries)
        .collect();
    let mut group = c.benchmark_group("guess_style");
    group.throughput(Throughput::Elements(input.len() as u64));
    group.bench_function("mixed", |b| {
        b.iter(|| {
            for raw in &input {
                black_box(citemap::parse::guess_style(black_box(raw)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, parse, guess);
criterion_main!(benches);
