//! # Solution: a supervisor that restarts a crashing worker

use std::future::Future;
use std::time::Duration;

/// Runs `make()` as a spawned task, at most `1 + max_restarts` times, each
/// attempt within `limit`; returns the first value and the restarts it took,
/// or the number of attempts when every one panicked or ran late.
pub async fn supervise<T, F, Fut>(
    mut make: F,
    max_restarts: usize,
    limit: Duration,
) -> Result<(T, usize), usize>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = T> + Send + 'static,
    T: Send + 'static,
{
    for attempt in 0..=max_restarts {
        let mut task = tokio::spawn(make());
        match tokio::time::timeout(limit, &mut task).await {
            Ok(Ok(value)) => return Ok((value, attempt)),
            Ok(Err(_panicked)) => {} // the panic stayed inside its task
            Err(_late) => {
                task.abort(); // dropping the handle would not stop it
                let _ = task.await; // wait until its future is dropped
            }
        }
    }
    Err(max_restarts + 1)
}
