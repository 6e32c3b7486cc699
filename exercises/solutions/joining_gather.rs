//! # Exercise: `asyncio.gather(*aws, return_exceptions=True)` in Rust
//!
//! Write [`gather`]: run every future as a task of its own, all at the same
//! time, wait for all of them, and return every outcome, errors included.
//!
//! Test your attempt with `cargo test -p exercises --test joining_gather`.

use std::fmt::Display;
use std::future::Future;

/// Spawns each future as its own tokio task, all before waiting for any, and
/// waits for every one of them.
///
/// Returns one entry per future, in the order of `futures` (not the order in
/// which they finish):
/// - `Ok(value)` if the future returned `Ok(value)`;
/// - `Err(error.to_string())` if it returned `Err(error)`;
/// - `Err("panicked".to_string())` if its task panicked.
///
/// One failure must not cancel or stop the others, and `gather` itself must
/// not panic.
pub async fn gather<T, E, F>(futures: Vec<F>) -> Vec<Result<T, String>>
where
    F: Future<Output = Result<T, E>> + Send + 'static,
    T: Send + 'static,
    E: Display + Send + 'static,
{
    // Spawn them all first: each task starts running now.
    let handles: Vec<_> = futures.into_iter().map(tokio::spawn).collect();
    // Then wait in input order; a slow first task does not delay the others,
    // it only delays when we look at their results.
    let mut results = Vec::with_capacity(handles.len());
    for handle in handles {
        results.push(match handle.await {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(error)) => Err(error.to_string()),
            Err(_) => Err("panicked".to_string()),
        });
    }
    results
}
