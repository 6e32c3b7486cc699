//! # Solution: a parallel search that stops early
//!
//! `position_any` and `any` stop handing out work once a match is found.

use rayon::prelude::*;

/// Returns the index of some element of `haystack` that is divisible by
/// `divisor` and greater than `at_least`, or `None` if there is none.
/// `divisor` is never 0. Search in parallel, and stop early.
pub fn find_multiple(haystack: &[u64], divisor: u64, at_least: u64) -> Option<usize> {
    haystack
        .par_iter()
        .position_any(|&x| x > at_least && x.is_multiple_of(divisor))
}

/// Returns whether any line of `lines` contains `needle`, searching in
/// parallel and stopping at the first line found.
pub fn any_line_contains(lines: &[&str], needle: &str) -> bool {
    lines.par_iter().any(|line| line.contains(needle))
}
