//! report.md: the summary a scholar reads. Counts, the sources the documents
//! share, the clusters with their labels, terms, most cited works and
//! documents, and every problem found.

use super::clusters::PlacedBy;
use super::figures::document_label;
use super::Analysis;
use std::fmt::Write;

/// Escapes text for Markdown tables and prose: characters that would start
/// markup or break a table cell are backslash-escaped, line breaks become
/// spaces, and `<` and `>` are written as entities so no HTML gets through.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The figures listed at the top of the report.
const FIGURES: &[(&str, &str)] = &[
    ("citation", "documents and the works they cite"),
    ("cocitation", "works cited together"),
    ("coupling", "documents citing the same works"),
    ("clusters", "the clusters and their documents"),
    ("shared", "sources shared between documents"),
];

/// Writes report.md for an analysis.
pub fn render(a: &Analysis) -> String {
    let mut s = String::new();
    let c = &a.counts;
    let _ = writeln!(s, "# Citation map\n");
    let _ = writeln!(
        s,
        "{} files, {} distinct documents ({} with a works-cited list); {} entries, {} parsed; \
         {} distinct works, {} of them cited by more than one document.\n",
        c.files, c.documents, c.documents_citing, c.entries, c.parsed, c.works, c.shared_works
    );
    let _ = writeln!(s, "Figures (each as .svg and .dot):\n");
    for (name, what) in FIGURES {
        let _ = writeln!(s, "- [{name}.svg]({name}.svg): {what}");
    }

    let _ = writeln!(s, "\n## Documents\n");
    let _ = writeln!(s, "| document | file | entries | cluster |");
    let _ = writeln!(s, "| --- | --- | ---: | --- |");
    for (f, doc) in a.docs.iter().enumerate() {
        let node = a.resolution.doc_node.get(f).map(|&n| n as usize);
        let label = node.map_or_else(String::new, |n| document_label(a, n));
        let cluster = node
            .and_then(|n| a.clusters.doc_cluster.get(n).copied().flatten())
            .map_or("—".to_owned(), |k| format!("{}", k + 1));
        let _ = writeln!(
            s,
            "| {} | `{}` | {} | {} |",
            escape(&label),
            doc.path.replace('`', "'"),
            doc.entries.len(),
            cluster
        );
    }

    let _ = writeln!(s, "\n## Shared sources\n");
    if a.shared.is_empty() {
        let _ = writeln!(s, "No source is cited by more than one document.");
    } else {
        // Popular sources list thousands of documents: label each once.
        let labels: Vec<String> = (0..a.resolution.documents.len())
            .map(|d| escape(&document_label(a, d)))
            .collect();
        let _ = writeln!(s, "| level | source | cited by |");
        let _ = writeln!(s, "| --- | --- | --- |");
        for shared in &a.shared {
            let who: Vec<&str> = shared
                .documents
                .iter()
                .map(|&d| labels[d].as_str())
                .collect();
            let _ = writeln!(
                s,
                "| {} | {} | {} |",
                shared.level,
                escape(&shared.label),
                who.join(", ")
            );
        }
    }

    let k = &a.clusters;
    let _ = writeln!(s, "\n## Clusters\n");
    let _ = writeln!(
        s,
        "Leiden on the {} network (resolution {}, seed {}): {} clusters, modularity {:.3}. \
         Labels are the terms that set each cluster's works' titles and venues apart (c-TF-IDF).\n",
        k.kind.name(),
        k.resolution,
        k.seed,
        k.clusters.len(),
        k.modularity
    );
    let mut small = 0;
    for cluster in &k.clusters {
        if cluster.documents.is_empty() && cluster.works.len() < 3 {
            small += 1;
            continue;
        }
        let _ = writeln!(s, "### {}. {}\n", cluster.id, escape(&cluster.label));
        let _ = writeln!(s, "- terms: {}", escape(&cluster.terms.join(", ")));
        if !cluster.documents.is_empty() {
            let docs: Vec<String> = cluster
                .documents
                .iter()
                .map(|d| match (d.placed_by, d.score) {
                    (PlacedBy::TextSimilarity, Some(score)) => format!(
                        "{} (no works-cited list: placed by text similarity, score {score:.2})",
                        escape(&d.title)
                    ),
                    _ => escape(&d.title),
                })
                .collect();
            let _ = writeln!(s, "- documents: {}", docs.join("; "));
        }
        let top: Vec<String> = cluster
            .works
            .iter()
            .take(8)
            .map(|w| format!("{} ({}×)", escape(&w.label), w.times_cited))
            .collect();
        let _ = writeln!(
            s,
            "- most cited ({} works): {}\n",
            cluster.works.len(),
            top.join("; ")
        );
    }
    if small > 0 {
        let _ = writeln!(
            s,
            "{small} small clusters (under 3 works, no document) are listed in report.json only.\n"
        );
    }
    if !k.unplaced.is_empty() {
        let list: Vec<String> = k.unplaced.iter().map(|p| escape(p)).collect();
        let _ = writeln!(
            s,
            "Not placed (no works-cited list and no term in common with any cluster): {}\n",
            list.join(", ")
        );
    }

    let _ = writeln!(s, "## Completeness\n");
    if a.completeness.is_empty() {
        let _ = writeln!(
            s,
            "No document has both body text and a works-cited list, so in-text citations were not checked.\n"
        );
    } else {
        let _ = writeln!(s, "In-text citations checked against each document's works-cited list (`citemap check`):\n");
        let _ = writeln!(s, "| file | entries | citations | resolved | problems |");
        let _ = writeln!(s, "| --- | ---: | ---: | ---: | ---: |");
        for c in &a.completeness {
            let _ = writeln!(
                s,
                "| `{}` | {} | {} | {} | {} |",
                c.path.replace('`', "'"),
                c.entries,
                c.citations,
                c.resolved,
                c.problems.len()
            );
        }
        let _ = writeln!(s);
    }

    let _ = writeln!(s, "## Problems found\n");
    if a.problems.is_empty() {
        let _ = writeln!(s, "None.");
    } else {
        for p in &a.problems {
            let _ = writeln!(s, "- {}", escape(p));
        }
    }
    s
}
