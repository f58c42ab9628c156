//! Analyses on the citation network: communities and their labels.

pub mod cluster;
pub mod labels;
