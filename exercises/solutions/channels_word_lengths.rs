//! # Exercise: a two-stage pipeline that counts word lengths
//!
//! The book's solution: the caller feeds lines into a bounded channel, a
//! split thread turns them into word lengths, and a count thread adds them up.

use std::collections::HashMap;
use std::sync::mpsc;
use std::thread;

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
    // Bounded channels: if one stage is slower, the one before it waits
    // instead of piling up messages in memory.
    let (line_tx, line_rx) = mpsc::sync_channel::<String>(64);
    let (len_tx, len_rx) = mpsc::sync_channel::<usize>(1024);

    let split = thread::spawn(move || {
        for line in line_rx {
            for word in line.split_whitespace() {
                len_tx.send(word.chars().count()).unwrap();
            }
        }
        // `len_tx` is dropped here, which ends the count stage's loop.
    });
    let count = thread::spawn(move || {
        let mut counts = HashMap::new();
        for len in len_rx {
            *counts.entry(len).or_insert(0) += 1;
        }
        counts
    });

    for line in lines {
        line_tx.send(line).unwrap();
    }
    drop(line_tx); // no more lines: the split stage's loop ends

    split.join().unwrap();
    count.join().unwrap()
}
