//! # Solution: retry with exponential backoff, tested on a paused clock
//!
//! A loop over the attempt numbers. The delay doubles after every wait, and
//! the last attempt returns its error instead of waiting.

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
pub async fn retry<T, E, F, Fut>(attempts: u32, first_delay: Duration, mut op: F) -> Result<T, E>
where
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    assert!(attempts > 0, "retry needs at least one attempt");
    let mut delay = first_delay;
    for attempt in 1.. {
        match op(attempt).await {
            Ok(value) => return Ok(value),
            Err(e) if attempt == attempts => return Err(e),
            Err(_) => {
                tokio::time::sleep(delay).await;
                delay = delay.saturating_mul(2);
            }
        }
    }
    unreachable!("the loop returns by the last attempt")
}
