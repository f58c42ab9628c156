//! Analyses of a resolved corpus: shared sources, communities and their labels.

pub mod cluster;
pub mod labels;
pub mod shared;
