//! # Solution: blocking calls from async code, at most `cap` at a time

use std::sync::Arc;
use tokio::sync::Semaphore;

/// Calls `f(x)` for every `x` in `inputs`; returns the results in the order
/// of `inputs`, running at most `cap` calls at once, each on tokio's
/// blocking pool.
pub async fn run_blocking_capped<F>(inputs: Vec<u64>, cap: usize, f: Arc<F>) -> Vec<u64>
where
    F: Fn(u64) -> u64 + Send + Sync + 'static,
{
    let permits = Arc::new(Semaphore::new(cap.max(1)));
    let mut handles = Vec::with_capacity(inputs.len());
    for x in inputs {
        // Wait for a slot here, in the async task, before a thread is used.
        let permit = Arc::clone(&permits)
            .acquire_owned()
            .await
            .expect("the semaphore is never closed");
        let f = Arc::clone(&f);
        handles.push(tokio::task::spawn_blocking(move || {
            let _permit = permit; // released when the call returns or panics
            f(x)
        }));
    }
    let mut results = Vec::with_capacity(handles.len());
    for handle in handles {
        match handle.await {
            Ok(value) => results.push(value),
            Err(error) => std::panic::resume_unwind(error.into_panic()),
        }
    }
    results
}
