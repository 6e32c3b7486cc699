//! # Exercise: a parallel sum with scoped threads
//!
//! Sum a slice on several threads at once. Two functions:
//!
//! 1. [`chunk_ranges`] decides which part of the slice each thread sums.
//! 2. [`parallel_sum`] starts one scoped thread per range
//!    (`std::thread::scope`), lets each sum its part of the borrowed slice,
//!    and adds up what the threads return.
//!
//! Test your attempt with `cargo test -p exercises --test threads_parallel_sum`.

use std::ops::Range;

/// Splits the indices `0..len` into contiguous ranges, one per thread.
///
/// - It returns `min(workers, len)` ranges, so that no thread is idle;
///   `workers == 0` counts as 1, and `len == 0` gives no ranges at all.
/// - The ranges are in order, touch each other, and together cover `0..len`.
/// - Their lengths differ by at most one: the first `len % n` ranges
///   (where `n` is the number of ranges) are the longer ones.
///
/// For example, `chunk_ranges(10, 4)` is `[0..3, 3..6, 6..8, 8..10]`.
pub fn chunk_ranges(len: usize, workers: usize) -> Vec<Range<usize>> {
    todo!("write this, then run: cargo test -p exercises --test threads_parallel_sum")
}

/// Returns the sum of `data`, computed on one scoped thread per range of
/// [`chunk_ranges`]`(data.len(), workers)`: at most `workers` threads, and
/// none at all for an empty slice. The sum is assumed to fit in a `u64`.
pub fn parallel_sum(data: &[u64], workers: usize) -> u64 {
    todo!("write this, then run: cargo test -p exercises --test threads_parallel_sum")
}
