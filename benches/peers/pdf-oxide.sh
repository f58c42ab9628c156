#!/usr/bin/env bash
# Measures pdf_oxide (a pure-Rust PDF library) on the PDFs citemap is tested
# on, the way `bench --only pdf` measures citemap's reader and the other
# candidates: recall of the words and word pairs of the works-cited list in
# pdftotext's text layer (benches/peers/pdf_recall.py), time per file, and
# how many entries `citemap extract` finds in the text it gives.
#
#   benches/peers/pdf-oxide.sh [PDF...]     (default: ../shared/pdfs/*.pdf)
#
# pdf_oxide is not a dependency of citemap: it is built in a throwaway crate
# under $TMPDIR (kept in $KEEP when set, to skip the rebuild). Its tree is
# about 167 crates with default features off; the first build took 48
# minutes at -j1 on the shared 2-core machine. Needs pdftotext and python3.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
if [ $# -eq 0 ]; then set -- "$root"/../shared/pdfs/*.pdf; fi
work="${KEEP:-$(mktemp -d)}"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src" "$work/out"
cat > "$work/Cargo.toml" <<'TOML'
[package]
name = "oxidecmp"
version = "0.1.0"
edition = "2021"

[dependencies]
pdf_oxide = { version = "=0.3.78", default-features = false }
TOML
cat > "$work/src/main.rs" <<'RS'
//! Extracts the text of each PDF with pdf_oxide, page by page, into
//! OUT/<stem>.txt and prints "stem pages ms".
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let out = std::path::PathBuf::from(args.next().expect("usage: oxidecmp OUT FILE.pdf..."));
    for file in args {
        let path = std::path::Path::new(&file);
        let t = Instant::now();
        let result = std::panic::catch_unwind(|| -> Result<(String, usize), String> {
            let doc = pdf_oxide::PdfDocument::open(path).map_err(|e| e.to_string())?;
            let pages = doc.page_count().map_err(|e| e.to_string())?;
            let mut text = String::new();
            for p in 0..pages {
                text.push_str(&doc.extract_text(p).map_err(|e| e.to_string())?);
                text.push('\n');
            }
            Ok((text, pages))
        });
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        let stem = path.file_stem().unwrap().to_string_lossy();
        match result {
            Ok(Ok((text, pages))) => {
                std::fs::write(out.join(format!("{stem}.txt")), text).unwrap();
                println!("{stem}\t{pages}\t{ms:.1}");
            }
            Ok(Err(e)) => println!("{stem}\terror\t{e}"),
            Err(_) => println!("{stem}\terror\tpanicked"),
        }
    }
}
RS
(cd "$work" && cargo build --release -q)
citemap="$root/target/release/citemap"
[ -x "$citemap" ] || (cd "$root" && cargo build --release --bin citemap)
# Best of three runs, as bench does for citemap's own reader.
for _ in 1 2 3; do "$work/target/release/oxidecmp" "$work/out" "$@"; done > "$work/times.tsv"
printf '%-34s %6s %10s %8s %8s %8s\n' file pages "ms/page" words pairs entries
for pdf in "$@"; do
  stem=$(basename "$pdf" .pdf)
  pdftotext "$pdf" "$work/$stem.layer.txt"
  read -r pages ms < <(awk -v s="$stem" '$1 == s && $2 != "error" { if (!b || $3 < b) { b = $3; p = $2 } } END { print p, b }' "$work/times.tsv")
  read -r words pairs < <(python3 "$here/pdf_recall.py" "$work/$stem.layer.txt" "$work/out/$stem.txt")
  entries=$("$citemap" extract "$work/out/$stem.txt" --format json 2>/dev/null \
    | python3 -c 'import json,sys; print(len(json.load(sys.stdin)[0]["entries"]))')
  printf '%-34s %6s %10.1f %8s %8s %8s\n' "$stem" "$pages" "$(echo "$ms / $pages" | bc -l)" "$words" "$pairs" "$entries"
done
