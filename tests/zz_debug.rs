#[test]
fn dbg() {
    let p = std::env::var("F").unwrap();
    let source = citemap::input::load(std::path::Path::new(&p)).unwrap();
    let doc = citemap::extract::extract(&source);
    println!("section {:?} entries {}", doc.section, doc.entries.len());
    for e in &doc.entries {
        println!(
            "  E {} {}",
            e.span.line,
            &e.raw.chars().take(60).collect::<String>()
        );
    }
    for r in citemap::check::citations(&source.text, &doc, None) {
        println!(
            "{} {:?} {:?} weak={} -> {:?}",
            r.citation.span.line,
            r.citation.form,
            r.citation.text,
            r.citation.weak,
            r.targets
                .iter()
                .map(|t| t.as_ref().map(|m| m.entry))
                .collect::<Vec<_>>()
        );
    }
}
