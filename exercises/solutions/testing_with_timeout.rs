//! # Solution: a test helper that turns a hang into a failure
//!
//! The work runs inside `catch_unwind` on its own thread, which sends back
//! either the value or the panic's payload. The caller waits on the channel
//! with `recv_timeout`, so it never waits longer than the limit.

use std::any::Any;
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc;
use std::thread;
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

fn message(payload: Box<dyn Any + Send>) -> String {
    match payload.downcast::<String>() {
        Ok(text) => *text,
        Err(payload) => match payload.downcast::<&str>() {
            Ok(text) => (*text).to_owned(),
            Err(_) => "(no message)".to_owned(),
        },
    }
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
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        // The closure is not used again after a panic, so unwind safety holds.
        let outcome = panic::catch_unwind(AssertUnwindSafe(work));
        let _ = tx.send(outcome); // the caller may have stopped waiting
    });
    match rx.recv_timeout(limit) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(payload)) => Err(Failure::Panicked(message(payload))),
        Err(mpsc::RecvTimeoutError::Timeout) => Err(Failure::TimedOut(limit)),
        // Unreachable in practice: the thread always sends before it ends.
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err(Failure::Panicked("(no message)".to_owned()))
        }
    }
}
