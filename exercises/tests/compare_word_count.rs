//! Tests for the exercise `compare_word_count`.

// miri: skip its tests start child processes, which Miri cannot do

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use exercises::compare_word_count::{Backend, word_counts};

const BOTH: [Backend; 2] = [Backend::Threads, Backend::Processes];

/// Runs `word_counts` on another thread and fails the test after 20 s, so a
/// child that never gets the end of its input cannot hang the tests.
fn counts(texts: &[&str], backend: Backend) -> Vec<usize> {
    let texts: Vec<String> = texts.iter().map(|t| t.to_string()).collect();
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || tx.send(word_counts(&texts, backend).unwrap()));
    rx.recv_timeout(Duration::from_secs(20))
        .unwrap_or_else(|_| panic!("{backend:?}: no answer within 20 s (is stdin closed?)"))
}

#[test]
fn no_texts_no_counts() {
    for backend in BOTH {
        assert_eq!(counts(&[], backend), Vec::<usize>::new());
    }
}

#[test]
fn counts_in_the_order_of_the_texts() {
    let texts = ["one", "", "two words", "  three\twords\nhere  ", "a b c d"];
    for backend in BOTH {
        assert_eq!(counts(&texts, backend), [1, 0, 2, 3, 4], "{backend:?}");
    }
}

#[test]
fn a_long_text_and_many_short_ones() {
    // Longer than a pipe's buffer: the child must read while we write.
    let long = "word ".repeat(100_000);
    let mut texts = vec![long.as_str()];
    let short: Vec<String> = (0..20).map(|n| "x ".repeat(n)).collect();
    texts.extend(short.iter().map(String::as_str));
    let expected: Vec<usize> = std::iter::once(100_000).chain(0..20).collect();
    for backend in BOTH {
        assert_eq!(counts(&texts, backend), expected, "{backend:?}");
    }
}

#[test]
fn both_backends_agree() {
    let texts = ["fn main() { println!(\"hi\"); }", "\n\n\n", "x\ty\nz"];
    assert_eq!(
        counts(&texts, Backend::Threads),
        counts(&texts, Backend::Processes)
    );
}
