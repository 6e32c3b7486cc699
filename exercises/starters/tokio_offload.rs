//! # Exercise: blocking calls off the runtime, all at once, answers in order
//!
//! `f` is a blocking function: it may sleep, read a file with `std::fs` or
//! wait on a `std::sync` lock. Write [`run_blocking_all`], which calls `f`
//! once per input without ever blocking a thread of the async runtime, runs
//! all the calls at the same time, and returns the answers in input order.
//!
//! Test your attempt with `cargo test -p exercises --test tokio_offload`.

use std::sync::Arc;

/// Calls `f(x)` for every `x` in `inputs` and returns the results in the
/// order of `inputs`.
///
/// - No call of `f` runs on a thread of the async runtime: on a
///   current-thread runtime, other tasks keep running while `f` blocks.
/// - All the calls are in progress at the same time: a call may wait for
///   the others to start.
/// - If a call panics, `run_blocking_all` panics too (with any message).
pub async fn run_blocking_all<F>(inputs: Vec<u64>, f: Arc<F>) -> Vec<u64>
where
    F: Fn(u64) -> u64 + Send + Sync + 'static,
{
    let _ = (inputs, f);
    todo!(
        "spawn_blocking each call, then await them in order; then run: cargo test -p exercises --test tokio_offload"
    )
}
