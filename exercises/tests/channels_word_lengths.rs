//! Tests for the exercise `channels_word_lengths`.
//!
//! Every test runs inside `within`, which fails the test instead of letting
//! it hang when a stage waits for a sender that is never dropped.

use std::collections::HashMap;
use std::panic;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

use exercises::channels_word_lengths::{word_lengths, word_lengths_sequential};

/// Runs `test` on its own thread and fails if it takes more than 10 seconds.
fn within(test: impl FnOnce() + Send + 'static) {
    let (done_tx, done_rx) = mpsc::channel();
    let handle = thread::spawn(move || {
        test();
        done_tx.send(()).unwrap();
    });
    match done_rx.recv_timeout(Duration::from_secs(10)) {
        Ok(()) => handle.join().unwrap(),
        Err(RecvTimeoutError::Disconnected) => match handle.join() {
            Err(payload) => panic::resume_unwind(payload),
            Ok(()) => unreachable!("the test thread sends before it ends"),
        },
        Err(RecvTimeoutError::Timeout) => {
            panic!("timed out: a pipeline stage never saw its input end")
        }
    }
}

fn lines(text: &[&str]) -> Vec<String> {
    text.iter().map(|line| line.to_string()).collect()
}

#[test]
fn no_lines_no_counts() {
    within(|| assert_eq!(word_lengths(Vec::new()), HashMap::new()));
}

#[test]
fn blank_lines_have_no_words() {
    within(|| assert_eq!(word_lengths(lines(&["", "   ", "\t"])), HashMap::new()));
}

#[test]
fn a_small_text() {
    within(|| {
        let text = lines(&["the cat sat", "on  the\tmat", "", "purring"]);
        let expected = HashMap::from([(3, 5), (2, 1), (7, 1)]);
        assert_eq!(word_lengths(text), expected);
    });
}

#[test]
fn lengths_count_chars_not_bytes() {
    within(|| {
        let text = lines(&["héllo привет", "日本語 don't,"]);
        let expected = HashMap::from([(5, 1), (6, 2), (3, 1)]);
        assert_eq!(word_lengths(text), expected);
    });
}

#[test]
#[cfg_attr(miri, ignore = "too many lines for an interpreter")]
fn many_lines_match_the_sequential_count() {
    within(|| {
        // Enough words to fill any reasonably bounded channel many times over.
        let text: Vec<String> = (0..20_000)
            .map(|i| format!("line {i} has {} words", "x".repeat(i % 13)))
            .collect();
        let expected = word_lengths_sequential(&text);
        assert_eq!(word_lengths(text), expected);
    });
}
