//! # Exercise: a test helper that turns a hang into a failure
//!
//! A test of concurrent code that deadlocks does not fail: it hangs, and the
//! whole test run hangs with it. Write [`with_timeout`], which runs the code
//! under test on its own thread and reports, instead of hanging, when the
//! code takes too long or panics.
//!
//! Test your attempt with `cargo test -p exercises --test testing_with_timeout`.

use std::time::Duration;

/// Why [`with_timeout`] gave no value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The work had not finished after this limit (the one that was given).
    TimedOut(Duration),
    /// The work panicked with this message. A payload that is neither a
    /// `&str` nor a `String` gives the message `"(no message)"`.
    Panicked(String),
}

/// Runs `work` on a new thread and waits at most `limit` for it.
///
/// - It returns `Ok(value)` as soon as `work` returns, without waiting for
///   the rest of the limit.
/// - It returns `Err(Failure::TimedOut(limit))` once `limit` has passed and
///   `work` is still running. The thread is left behind: Rust cannot stop a
///   thread from outside.
/// - It returns `Err(Failure::Panicked(message))` if `work` panics.
pub fn with_timeout<T: Send + 'static>(
    limit: Duration,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Failure> {
    let _ = (limit, work);
    todo!(
        "run `work` on a thread, wait with a limit, then run: cargo test -p exercises --test testing_with_timeout"
    )
}
