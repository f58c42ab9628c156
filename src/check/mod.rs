//! The reference check.
