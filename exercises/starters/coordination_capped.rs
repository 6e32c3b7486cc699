//! # Exercise: a job runner with a cap
//!
//! Run many async jobs at once, as tokio tasks, but never more than `cap` of
//! them at the same moment: the pattern that keeps a program under its limit
//! of open files, or an API under its rate limit.
//!
//! Test your attempt with `cargo test -p exercises --test coordination_capped`.

use std::future::Future;

/// Spawns every job as a tokio task and returns their results in the order
/// of `jobs` (not the order in which they finish).
///
/// At most `cap` jobs may be running at any moment; a `cap` of 0 is treated
/// as 1. Jobs start as soon as a slot is free, so with enough jobs exactly
/// `cap` run at once. A job that panics makes `run_capped` panic too.
pub async fn run_capped<T, F, Fut>(jobs: Vec<F>, cap: usize) -> Vec<T>
where
    F: FnOnce() -> Fut + Send + 'static,
    Fut: Future<Output = T> + Send + 'static,
    T: Send + 'static,
{
    todo!("write this, then run: cargo test -p exercises --test coordination_capped")
}
