//! Analyses of a resolved corpus.

pub mod shared;
