//! Solution: a small benchmark helper.

use std::time::{Duration, Instant};

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
pub fn summarize(samples: &mut [Duration]) -> Stats {
    assert!(!samples.is_empty(), "summarize needs at least one sample");
    samples.sort_unstable();
    let n = samples.len();
    let median = if n % 2 == 1 {
        samples[n / 2]
    } else {
        (samples[n / 2 - 1] + samples[n / 2]) / 2
    };
    Stats {
        min: samples[0],
        median,
        max: samples[n - 1],
    }
}

/// Calls `f` `warmup` times untimed, then `runs` times, timing each of these
/// calls alone, and returns [`summarize`] of the `runs` timings.
/// Panics if `runs` is 0.
pub fn bench(warmup: usize, runs: usize, mut f: impl FnMut()) -> Stats {
    assert!(runs > 0, "bench needs at least one timed run");
    for _ in 0..warmup {
        f();
    }
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    summarize(&mut samples)
}
