//! # Exercise: a two-stage pipeline that counts word lengths
//!
//! [`word_lengths`] counts how many words of each length the lines hold, as
//! [`word_lengths_sequential`] does, but with two threads connected by
//! channels:
//!
//! 1. a *split* stage receives lines, splits each into words and sends on
//!    the length of each word;
//! 2. a *count* stage receives lengths and counts them in a `HashMap`, which
//!    it returns when its input ends.
//!
//! The calling thread feeds the lines into the first channel. Shut the
//! pipeline down by dropping senders, and join both stages.
//!
//! Test your attempt with `cargo test -p exercises --test channels_word_lengths`.

use std::collections::HashMap;

/// The reference: for each word length, the number of words of that length.
///
/// Words are what `str::split_whitespace` yields, and a word's length is its
/// number of `char`s, so `"héllo"` has length 5 and `"don't,"` length 6.
pub fn word_lengths_sequential(lines: &[String]) -> HashMap<usize, usize> {
    let mut counts = HashMap::new();
    for word in lines.iter().flat_map(|line| line.split_whitespace()) {
        *counts.entry(word.chars().count()).or_insert(0) += 1;
    }
    counts
}

/// Returns what [`word_lengths_sequential`] returns, computed by a split
/// thread and a count thread connected by channels.
pub fn word_lengths(lines: Vec<String>) -> HashMap<usize, usize> {
    todo!("write this, then run: cargo test -p exercises --test channels_word_lengths")
}
