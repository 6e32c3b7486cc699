//! # Exercise: a parallel search that stops early
//!
//! Search a slice on rayon's threads and stop as soon as one thread has
//! found a match: `find_any` and `position_any` do exactly that. A match
//! found by any thread will do; it does not have to be the first one.
//!
//! Test your attempt with `cargo test -p exercises --test rayon_find`.

/// Returns the index of some element of `haystack` that is divisible by
/// `divisor` and greater than `at_least`, or `None` if there is none.
/// `divisor` is never 0. Search in parallel, and stop early.
pub fn find_multiple(haystack: &[u64], divisor: u64, at_least: u64) -> Option<usize> {
    todo!("write this, then run: cargo test -p exercises --test rayon_find")
}

/// Returns whether any line of `lines` contains `needle`, searching in
/// parallel and stopping at the first line found.
pub fn any_line_contains(lines: &[&str], needle: &str) -> bool {
    todo!("write this, then run: cargo test -p exercises --test rayon_find")
}
