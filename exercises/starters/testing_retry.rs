//! # Exercise: retry with exponential backoff, tested on a paused clock
//!
//! Network calls fail now and then; a client retries them, waiting longer
//! after each failure. Write [`retry`]. Its tests run on tokio's paused
//! clock, so they check the exact time your function waited, in an instant.
//!
//! Test your attempt with `cargo test -p exercises --test testing_retry`.

use std::time::Duration;

/// Calls `op` until it succeeds or has been called `attempts` times.
///
/// - `op` receives the attempt's number: 1, 2, 3, ...
/// - After a failed attempt that is not the last, it waits with
///   `tokio::time::sleep` before the next: `first_delay` after the first
///   failure, then twice as long after each further one (100 ms, 200 ms,
///   400 ms, ...). It does not wait after the last attempt.
/// - It returns the first `Ok`, or the last attempt's `Err`.
///
/// # Panics
///
/// If `attempts` is 0, with the message "retry needs at least one attempt".
pub async fn retry<T, E, F, Fut>(attempts: u32, first_delay: Duration, op: F) -> Result<T, E>
where
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    let _ = (attempts, first_delay, op);
    todo!(
        "call `op`, sleep, double the delay, then run: cargo test -p exercises --test testing_retry"
    )
}
