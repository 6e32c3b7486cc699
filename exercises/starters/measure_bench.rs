//! # Exercise: a small benchmark helper
//!
//! Two functions:
//!
//! 1. [`summarize`] turns a set of timings into their minimum, median and
//!    maximum.
//! 2. [`bench`] runs a closure a few times without timing it (the warm-up),
//!    then times each of `runs` further calls and summarises them.
//!
//! Test your attempt with `cargo test -p exercises --test measure_bench`.

use std::time::Duration;

/// The spread of a set of timings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    pub min: Duration,
    /// The middle value once sorted; for an even number of samples, the mean
    /// of the two middle values.
    pub median: Duration,
    pub max: Duration,
}

/// Returns the minimum, median and maximum of `samples`, which it may
/// reorder (sort). Panics if `samples` is empty.
///
/// For example, the samples 5, 1, 3 ms give min 1, median 3, max 5 ms;
/// the samples 4, 1, 3, 2 ms give min 1, median 2.5, max 4 ms.
pub fn summarize(samples: &mut [Duration]) -> Stats {
    todo!("write this, then run: cargo test -p exercises --test measure_bench")
}

/// Calls `f` `warmup` times untimed, then `runs` times, timing each of these
/// calls alone with `std::time::Instant`, and returns [`summarize`] of the
/// `runs` timings. So `f` is called exactly `warmup + runs` times.
/// Panics if `runs` is 0.
pub fn bench(warmup: usize, runs: usize, f: impl FnMut()) -> Stats {
    todo!("write this, then run: cargo test -p exercises --test measure_bench")
}
