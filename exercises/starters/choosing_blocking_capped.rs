//! # Exercise: blocking calls from async code, at most `cap` at a time
//!
//! `f` is a blocking function: a synchronous database driver, say, whose
//! connection pool allows `cap` connections. Write [`run_blocking_capped`],
//! which calls `f` once per input without blocking a thread of the async
//! runtime, never runs more than `cap` calls at the same moment, and returns
//! the answers in input order.
//!
//! Test your attempt with `cargo test -p exercises --test choosing_blocking_capped`.

use std::sync::Arc;

/// Calls `f(x)` for every `x` in `inputs`; returns the results in the order
/// of `inputs`.
///
/// - No call of `f` runs on a thread of the async runtime: on a
///   current-thread runtime, other tasks keep running while `f` blocks.
/// - At most `cap` calls run at any moment (a `cap` of 0 is treated as 1),
///   and a call starts as soon as a slot is free, so with enough inputs
///   exactly `cap` calls run at once.
/// - If a call panics, `run_blocking_capped` panics too (with any message).
pub async fn run_blocking_capped<F>(inputs: Vec<u64>, cap: usize, f: Arc<F>) -> Vec<u64>
where
    F: Fn(u64) -> u64 + Send + Sync + 'static,
{
    let _ = (inputs, cap, f);
    todo!(
        "a Semaphore of `cap` permits, spawn_blocking per call; then run: cargo test -p exercises --test choosing_blocking_capped"
    )
}
