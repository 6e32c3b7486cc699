//! # Exercise: the same jobs on threads or in child processes
//!
//! [`word_counts`] counts the words of each text, either on threads of this
//! process or in child processes running the Unix tool `wc -w`, behind one
//! signature, and returns the counts in the order of the texts.
//!
//! Test your attempt with `cargo test -p exercises --test compare_word_count`.

use std::io;

/// Where [`word_counts`] runs its jobs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// One thread per text; a thread counts with `str::split_whitespace`.
    Threads,
    /// One child process per text, running `wc -w` with the text on its
    /// standard input; the count is what it prints on its standard output.
    Processes,
}

/// Counts the words of each text (ASCII text: words are separated by spaces,
/// tabs or newlines) and returns one count per text, in the order of `texts`.
///
/// All jobs run at the same time: start every thread or child before waiting
/// for any. With [`Backend::Processes`]:
///
/// - give each child its text on standard input, then close that input, or
///   `wc` waits for more forever;
/// - return an error of kind `io::ErrorKind::Other` if a child does not exit
///   successfully or prints something that is not a number;
/// - an error starting a child (for example, no `wc` on this system) is
///   returned as it is.
///
/// No texts, no jobs: return an empty `Vec`.
pub fn word_counts(texts: &[String], backend: Backend) -> io::Result<Vec<usize>> {
    todo!("write this, then run: cargo test -p exercises --test compare_word_count")
}
