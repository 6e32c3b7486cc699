//! # Exercise: time the creation of threads and processes
//!
//! [`time_creation`] creates and finishes `count` threads or child
//! processes, one after another, and returns how long that took.
//!
//! Test your attempt with `cargo test -p exercises --test compare_creation_time`.

use std::io;
use std::process::ExitStatus;
use std::time::Duration;

/// What [`time_creation`] creates.
#[derive(Clone, Copy, Debug)]
pub enum Create<'a> {
    /// A thread that runs this function: `thread::spawn`, then `join`.
    Thread(fn()),
    /// A child process that runs this program with these arguments:
    /// `Command::spawn`, then `wait`.
    Process(&'a str, &'a [&'a str]),
}

/// What [`time_creation`] measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timing {
    /// How many threads or processes were created and finished.
    pub count: u32,
    /// The time all of them took, from before the first was created to
    /// after the last had finished.
    pub total: Duration,
    /// `total / count`.
    pub mean: Duration,
}

/// Why [`time_creation`] gave up.
#[derive(Debug)]
pub enum MeasureError {
    /// `count` was 0: there is no mean of nothing.
    ZeroCount,
    /// The operating system refused to create the thread or process.
    Spawn(io::Error),
    /// A thread panicked.
    Panicked,
    /// A process did not exit successfully; this is its status.
    Failed(ExitStatus),
}

/// Creates `count` threads or processes as `what` says, one after another:
/// each one is finished (joined, or waited for) before the next is created.
///
/// Returns [`MeasureError::ZeroCount`] for a `count` of 0, without creating
/// anything; otherwise stops at the first thread that panics or process that
/// fails (or cannot be started) and returns why.
pub fn time_creation(what: Create, count: u32) -> Result<Timing, MeasureError> {
    todo!("write this, then run: cargo test -p exercises --test compare_creation_time")
}
