//! # Exercise: pipe data through a child process
//!
//! Write [`filter`]. It runs a program as a child process, feeds it `input`
//! on its standard input, and returns everything the child wrote to its
//! standard output, with its exit status: what a shell does for
//! `program args < input`. The input may be much bigger than a pipe holds.
//!
//! Test your attempt with `cargo test -p exercises --test processes_filter`.

use std::io;
use std::process::ExitStatus;

/// Runs `program` with `args`, writes all of `input` to its standard input,
/// then closes it, and collects its standard output until the child exits.
///
/// - Returns `Err` if the child cannot be started, or if reading its output
///   or waiting for it fails.
/// - The child's standard error is inherited from this process.
/// - A child may exit without reading all of its input (as `head -c 5` does).
///   That is not an error: the rest of the input is dropped, and `filter`
///   returns the child's output and status as usual.
/// - Must not deadlock, however large `input` and the output are: write and
///   read at the same time.
pub fn filter(program: &str, args: &[&str], input: &[u8]) -> io::Result<(ExitStatus, Vec<u8>)> {
    todo!("write this, then run: cargo test -p exercises --test processes_filter")
}
