//! # Exercise: a supervisor that restarts a crashing worker
//!
//! A worker is an async job that may panic or hang. Write [`supervise`],
//! which runs it as a tokio task, gives each attempt a deadline, and starts
//! a fresh attempt when one panics or runs past its deadline, up to a limit.
//!
//! Test your attempt with `cargo test -p exercises --test choosing_supervisor`.

use std::future::Future;
use std::time::Duration;

/// Runs `make()` as a spawned task, at most `1 + max_restarts` times.
///
/// - Returns `Ok((value, restarts))` for the first attempt that returns,
///   where `restarts` is how many attempts failed before it.
/// - An attempt fails if its task panics or has not finished after `limit`;
///   a late attempt is aborted, so its future is dropped, before the next
///   attempt starts.
/// - Returns `Err(attempts)`, the number of attempts made, when all failed.
pub async fn supervise<T, F, Fut>(
    make: F,
    max_restarts: usize,
    limit: Duration,
) -> Result<(T, usize), usize>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = T> + Send + 'static,
    T: Send + 'static,
{
    let _ = (make, max_restarts, limit);
    todo!(
        "spawn, timeout, abort, loop; then run: cargo test -p exercises --test choosing_supervisor"
    )
}
