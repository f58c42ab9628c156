//! Writing entries out: CSL-JSON, JSON, BibTeX, TSV and a readable table.

pub mod graph;
