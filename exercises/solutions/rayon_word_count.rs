//! # Solution: a parallel word count with rayon
//!
//! Each piece of work folds its lines into its own `HashMap`; `reduce`
//! merges two maps by pouring the smaller one into the larger one.

use rayon::prelude::*;
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
    lines
        .par_iter()
        .fold(HashMap::new, |mut counts, line| {
            for word in line.split_whitespace() {
                *counts.entry(word.to_string()).or_insert(0) += 1;
            }
            counts
        })
        .reduce(HashMap::new, |a, b| {
            let (mut big, small) = if a.len() >= b.len() { (a, b) } else { (b, a) };
            for (word, n) in small {
                *big.entry(word).or_insert(0) += n;
            }
            big
        })
}
