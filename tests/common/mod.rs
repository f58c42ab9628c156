//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// The sample corpus `../shared/seeds/` (or `$CITEMAP_SEEDS`).
///
/// Where it is absent the caller should skip, saying so; under `CI=true` a
/// missing corpus is a failure, because CI always has it beside the clone.
pub fn seeds_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("CITEMAP_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds"));
    if dir.join("000_0ec77c7fb2aeeec9.txt").is_file() {
        return Some(dir);
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!(
            "seed corpus not found at {} (CI=true requires it)",
            dir.display()
        );
    }
    eprintln!("SKIP: seed corpus not found at {}", dir.display());
    None
}

/// The gold reference strings `../shared/gold/dev-refs.jsonl` (or `$CITEMAP_GOLD`),
/// with the same skip/fail rule as [`seeds_dir`].
pub fn gold_file() -> Option<PathBuf> {
    let file = std::env::var_os("CITEMAP_GOLD")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/gold/dev-refs.jsonl")
        });
    if file.is_file() {
        return Some(file);
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!(
            "gold set not found at {} (CI=true requires it)",
            file.display()
        );
    }
    eprintln!("SKIP: gold set not found at {}", file.display());
    None
}

/// One seed file by its number prefix ("000"), read as text.
pub fn seed(prefix: &str) -> Option<(PathBuf, String)> {
    let dir = seeds_dir()?;
    let entry = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok())
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))?;
    let path = entry.path();
    let text = std::fs::read_to_string(&path).ok()?;
    Some((path, text))
}

/// The built-in example corpus `references/`, with the same skip/fail rule
/// as [`seeds_dir`].
pub fn references_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("references");
    if dir.join("000-luchs-2023-ai-for-all.md").is_file() {
        return Some(dir);
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("references/ not found (CI=true requires it)");
    }
    eprintln!("SKIP: references/ not found");
    None
}
