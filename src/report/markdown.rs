//! report.md: the summary a scholar reads. Counts, the sources the documents
//! share, the clusters with their labels, terms, most cited works and
//! documents, and every problem found.

use super::clusters::PlacedBy;
use super::figures::{document_label, shorten};
use super::tables::problem_kind;
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

/// Rows of a table report.md shows; the rest are in the CSV tables.
pub const MAX_ROWS: usize = 50;

/// Names listed in one cell or line before "and N more".
pub const MAX_NAMES: usize = 10;

/// Clusters described in full.
pub const MAX_CLUSTERS: usize = 30;

/// Examples shown of each kind of problem.
const EXAMPLES: usize = 5;

/// The line under a capped table that says where the rest is.
fn rest(s: &mut String, total: usize, what: &str, file: &str) {
    if total > MAX_ROWS {
        let _ = writeln!(
            s,
            "\n{} of {total} {what} shown; all of them are in {file}.",
            MAX_ROWS
        );
    }
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

    let _ = writeln!(
        s,
        "- [map.html](map.html): the interactive map (pan, zoom, hover, search)"
    );
    let _ = writeln!(
        s,
        "\nFull tables (CSV, beside report.json): documents.csv, shared.csv, \
         cluster-works.csv, cluster-documents.csv, completeness.csv, problems.csv."
    );

    let _ = writeln!(s, "\n## Documents\n");
    let _ = writeln!(s, "| document | file | entries | cluster |");
    let _ = writeln!(s, "| --- | --- | ---: | --- |");
    for (f, doc) in a.docs.iter().enumerate().take(MAX_ROWS) {
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
    rest(&mut s, a.docs.len(), "documents", "documents.csv");

    let _ = writeln!(s, "\n## Shared sources\n");
    if a.shared.is_empty() {
        let _ = writeln!(s, "No source is cited by more than one document.");
    } else {
        // Popular sources list thousands of documents: label each once.
        let labels: Vec<String> = (0..a.resolution.documents.len())
            .map(|d| escape(&document_label(a, d)))
            .collect();
        let _ = writeln!(s, "The most shared first.\n");
        let _ = writeln!(s, "| level | source | cited by |");
        let _ = writeln!(s, "| --- | --- | --- |");
        // The most shared first (the order of `a.shared` within a level).
        let mut order: Vec<usize> = (0..a.shared.len()).collect();
        order.sort_by(|&x, &y| {
            a.shared[y]
                .documents
                .len()
                .cmp(&a.shared[x].documents.len())
                .then(x.cmp(&y))
        });
        for &i in order.iter().take(MAX_ROWS) {
            let shared = &a.shared[i];
            let mut who: Vec<&str> = shared
                .documents
                .iter()
                .take(MAX_NAMES)
                .map(|&d| labels[d].as_str())
                .collect();
            let more = shared.documents.len().saturating_sub(MAX_NAMES);
            let more_text = format!("and {more} more");
            if more > 0 {
                who.push(&more_text);
            }
            let _ = writeln!(
                s,
                "| {} | {} | {} |",
                shared.level,
                escape(&shared.label),
                who.join(", ")
            );
        }
        rest(&mut s, a.shared.len(), "shared sources", "shared.csv");
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
    let mut shown = 0;
    for cluster in &k.clusters {
        if cluster.documents.is_empty() && cluster.works.len() < 3 {
            small += 1;
            continue;
        }
        shown += 1;
        if shown > MAX_CLUSTERS {
            continue;
        }
        let _ = writeln!(s, "### {}. {}\n", cluster.id, escape(&cluster.label));
        let _ = writeln!(s, "- terms: {}", escape(&cluster.terms.join(", ")));
        if !cluster.evidence.is_empty() {
            let evidence: Vec<String> = cluster.evidence.iter().map(|e| escape(e)).collect();
            let _ = writeln!(s, "- label from: {}", evidence.join("; "));
        }
        if !cluster.documents.is_empty() {
            let mut docs: Vec<String> = cluster
                .documents
                .iter()
                .take(MAX_NAMES)
                .map(|d| match (d.placed_by, d.score) {
                    (PlacedBy::TextSimilarity, Some(score)) => format!(
                        "{} (no works-cited list: placed by text similarity, score {score:.2})",
                        escape(&d.title)
                    ),
                    _ => escape(&d.title),
                })
                .collect();
            if cluster.documents.len() > MAX_NAMES {
                docs.push(format!(
                    "and {} more (cluster-documents.csv)",
                    cluster.documents.len() - MAX_NAMES
                ));
            }
            let _ = writeln!(
                s,
                "- documents ({}): {}",
                cluster.documents.len(),
                docs.join("; ")
            );
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
    if shown > MAX_CLUSTERS {
        let _ = writeln!(
            s,
            "{} more clusters are in report.json and cluster-works.csv.\n",
            shown - MAX_CLUSTERS
        );
    }
    if small > 0 {
        let _ = writeln!(
            s,
            "{small} small clusters (under 3 works, no document) are listed in report.json only.\n"
        );
    }
    if !k.unplaced.is_empty() {
        let mut list: Vec<String> = k
            .unplaced
            .iter()
            .take(MAX_NAMES)
            .map(|p| escape(p))
            .collect();
        if k.unplaced.len() > MAX_NAMES {
            list.push(format!(
                "and {} more (report.json)",
                k.unplaced.len() - MAX_NAMES
            ));
        }
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
        let mut worst: Vec<&super::Completeness> = a.completeness.iter().collect();
        worst.sort_by(|x, y| {
            y.problems
                .len()
                .cmp(&x.problems.len())
                .then(x.path.cmp(&y.path))
        });
        if worst.len() > MAX_ROWS {
            let _ = writeln!(s, "The documents with the most problems first.\n");
        }
        for c in worst.into_iter().take(MAX_ROWS) {
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
        rest(
            &mut s,
            a.completeness.len(),
            "documents",
            "completeness.csv",
        );
        let _ = writeln!(s);
    }

    let _ = writeln!(s, "## Problems found\n");
    if a.problems.is_empty() {
        let _ = writeln!(s, "None.");
    } else if a.problems.len() <= MAX_ROWS {
        for p in &a.problems {
            let _ = writeln!(s, "- {}", escape(p));
        }
    } else {
        // By kind, most frequent first, with a few examples of each.
        let mut kinds: Vec<(String, Vec<&String>)> = Vec::new();
        for p in &a.problems {
            let kind = problem_kind(p);
            match kinds.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, list)) => list.push(p),
                None => kinds.push((kind, vec![p])),
            }
        }
        kinds.sort_by(|x, y| y.1.len().cmp(&x.1.len()).then(x.0.cmp(&y.0)));
        let _ = writeln!(
            s,
            "{} problems, by kind; every one is in problems.csv.\n",
            a.problems.len()
        );
        for (kind, list) in &kinds {
            let _ = writeln!(s, "### {} ({})\n", escape(kind), list.len());
            for p in list.iter().take(EXAMPLES) {
                let _ = writeln!(s, "- {}", escape(&shorten(p, 300)));
            }
            if list.len() > EXAMPLES {
                let _ = writeln!(s, "- … {} more in problems.csv", list.len() - EXAMPLES);
            }
            let _ = writeln!(s);
        }
    }
    s
}
