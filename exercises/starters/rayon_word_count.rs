//! # Exercise: a parallel word count with rayon
//!
//! Count how often each word occurs in a list of lines, on rayon's threads.
//! Each piece of work folds its lines into a `HashMap` of its own
//! (`fold`), and `reduce` merges the maps two at a time. No `Mutex`.
//!
//! Test your attempt with `cargo test -p exercises --test rayon_word_count`.

use std::collections::HashMap;

/// Counts the words of `lines`, sequentially: the reference answer.
/// A word is what `str::split_whitespace` returns; case matters.
pub fn word_count_seq(lines: &[&str]) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in lines.iter().flat_map(|line| line.split_whitespace()) {
        *counts.entry(word.to_string()).or_insert(0) += 1;
    }
    counts
}

/// Counts the words of `lines` in parallel with `par_iter`, `fold` and
/// `reduce`. The result must equal [`word_count_seq`]`(lines)`.
pub fn word_count_par(lines: &[&str]) -> HashMap<String, usize> {
    todo!("write this, then run: cargo test -p exercises --test rayon_word_count")
}
