//! # Exercise: a fetch with a deadline and a cancel button
//!
//! Write [`fetch_with_deadline`], which waits for a future, but gives up
//! when a deadline passes or when someone cancels a `CancellationToken`.
//!
//! Test your attempt with `cargo test -p exercises --test joining_deadline`.

use std::future::Future;
use std::time::Duration;
use tokio_util::sync::CancellationToken;

/// How [`fetch_with_deadline`] ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome<T> {
    /// The fetch finished in time with this value.
    Done(T),
    /// `deadline` passed first.
    TimedOut,
    /// `token` was cancelled first.
    Cancelled,
}

/// Runs `fetch` until it finishes, `deadline` has passed, or `token` is
/// cancelled, whichever comes first, and says which it was.
///
/// - When it gives up, the `fetch` future is dropped (cancelled) before
///   `fetch_with_deadline` returns.
/// - If `token` is already cancelled on entry, returns `Cancelled` without
///   polling `fetch` even once.
/// - If the token is cancelled and `fetch` is ready in the same instant,
///   cancellation wins.
pub async fn fetch_with_deadline<T, F>(
    fetch: F,
    deadline: Duration,
    token: &CancellationToken,
) -> Outcome<T>
where
    F: Future<Output = T>,
{
    tokio::select! {
        // `biased` polls the branches in order, so the token is checked
        // before `fetch` is polled, on the first poll and on every later one.
        biased;
        _ = token.cancelled() => Outcome::Cancelled,
        result = tokio::time::timeout(deadline, fetch) => match result {
            Ok(value) => Outcome::Done(value),
            Err(_elapsed) => Outcome::TimedOut,
        },
    }
    // Leaving `select!` drops the losing branch: the fetch, if it lost.
}
