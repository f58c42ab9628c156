//! The report's full tables as CSV (RFC 4180), written beside report.json:
//! report.md shows the first rows of each and says where the rest is.
//!
//! Hand-written rather than the `csv` crate: five tables of strings and
//! numbers need only the quoting rule, and the crate was not yet a
//! dependency.

use super::clusters::PlacedBy;
use super::figures::document_label;
use super::Analysis;

/// Quotes a CSV field when it holds a comma, quote or line break; a field
/// starting with `=`, `+`, `-` or `@` gets a leading apostrophe so a
/// spreadsheet does not run it as a formula.
pub fn field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) && text.parse::<f64>().is_err() {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn row(out: &mut String, fields: &[String]) {
    let line: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

/// The kind of a problem line, as report.md groups them.
pub fn problem_kind(problem: &str) -> String {
    if problem.contains(": entry not parsed") {
        return "entry not parsed".to_owned();
    }
    // Completeness findings read "path:line: kind: message".
    let parts: Vec<&str> = problem.splitn(4, ": ").collect();
    if parts.len() >= 3
        && parts[1].chars().all(|c| c.is_ascii_lowercase() || c == '-')
        && parts[1].contains('-')
    {
        return parts[1].to_owned();
    }
    if problem.contains("no works-cited list") || problem.contains("no works cited") {
        return "no works-cited list".to_owned();
    }
    "note".to_owned()
}

/// Every table: (file name, CSV text).
pub fn all(a: &Analysis) -> Vec<(&'static str, String)> {
    use rayon::prelude::*;
    // Each document node's label, made once: shared.csv names the citing
    // documents of every shared source, millions of times on a large export.
    let labels: Vec<String> = (0..a.resolution.documents.len())
        .into_par_iter()
        .map(|n| document_label(a, n))
        .collect();
    let mut documents = String::new();
    row(
        &mut documents,
        &["document", "file", "entries", "cluster"].map(String::from),
    );
    for (f, doc) in a.docs.iter().enumerate() {
        let node = a.resolution.doc_node.get(f).map(|&n| n as usize);
        row(
            &mut documents,
            &[
                node.map_or_else(String::new, |n| labels[n].clone()),
                doc.path.clone(),
                doc.entries.len().to_string(),
                node.and_then(|n| a.clusters.doc_cluster.get(n).copied().flatten())
                    .map_or(String::new(), |k| (k + 1).to_string()),
            ],
        );
    }
    let mut shared = String::new();
    row(
        &mut shared,
        &["level", "source", "documents", "cited_by"].map(String::from),
    );
    for s in &a.shared {
        let who: Vec<&str> = s.documents.iter().map(|&d| labels[d].as_str()).collect();
        row(
            &mut shared,
            &[
                s.level.to_owned(),
                s.label.clone(),
                s.documents.len().to_string(),
                who.join("; "),
            ],
        );
    }
    let mut works = String::new();
    row(
        &mut works,
        &[
            "cluster",
            "cluster_label",
            "work",
            "label",
            "times_cited",
            "title",
        ]
        .map(String::from),
    );
    let mut docs = String::new();
    row(
        &mut docs,
        &[
            "cluster",
            "cluster_label",
            "file",
            "title",
            "placed_by",
            "score",
        ]
        .map(String::from),
    );
    for c in &a.clusters.clusters {
        for w in &c.works {
            row(
                &mut works,
                &[
                    c.id.to_string(),
                    c.label.clone(),
                    w.work.to_string(),
                    w.label.clone(),
                    w.times_cited.to_string(),
                    w.title.clone().unwrap_or_default(),
                ],
            );
        }
        for d in &c.documents {
            row(
                &mut docs,
                &[
                    c.id.to_string(),
                    c.label.clone(),
                    d.path.clone(),
                    d.title.clone(),
                    match d.placed_by {
                        PlacedBy::Citations => "citations",
                        PlacedBy::TextSimilarity => "text-similarity",
                    }
                    .to_owned(),
                    d.score.map_or(String::new(), |s| format!("{s:.3}")),
                ],
            );
        }
    }
    let mut completeness = String::new();
    row(
        &mut completeness,
        &["file", "entries", "citations", "resolved", "problems"].map(String::from),
    );
    for c in &a.completeness {
        row(
            &mut completeness,
            &[
                c.path.clone(),
                c.entries.to_string(),
                c.citations.to_string(),
                c.resolved.to_string(),
                c.problems.len().to_string(),
            ],
        );
    }
    let mut problems = String::new();
    row(&mut problems, &["kind", "problem"].map(String::from));
    for p in &a.problems {
        row(&mut problems, &[problem_kind(p), p.clone()]);
    }
    vec![
        ("documents.csv", documents),
        ("shared.csv", shared),
        ("cluster-works.csv", works),
        ("cluster-documents.csv", docs),
        ("completeness.csv", completeness),
        ("problems.csv", problems),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(field("-3"), "-3");
        assert_eq!(field("line\nbreak"), "\"line\nbreak\"");
    }

    #[test]
    fn problem_kinds() {
        assert_eq!(
            problem_kind("a.md:12: entry not parsed (no title): xyz"),
            "entry not parsed"
        );
        assert_eq!(
            problem_kind("a.md:3: unresolved-citation: (Smith 2020) has no entry"),
            "unresolved-citation"
        );
    }
}
