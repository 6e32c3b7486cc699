//! # Exercise: a TaskGroup for tokio
//!
//! Write [`run_all`], which behaves like Python's `asyncio.TaskGroup`: run
//! every future as a task, cancel the rest at the first failure, and report
//! every failure, not only the first.
//!
//! Test your attempt with `cargo test -p exercises --test joining_run_all`.

use std::future::Future;
use tokio::task::JoinSet;

/// Spawns every future as a task of its own, in a `tokio::task::JoinSet`,
/// all before waiting for any.
///
/// - If every future returns `Ok`, returns `Ok` with their values in the
///   order of `futures` (not the order in which they finish).
/// - At the first `Err`, aborts every task that is still running, then waits
///   until every task has ended, and returns `Err` with every error that a
///   task returned, in the order in which they arrived. Tasks that were
///   aborted contribute nothing.
/// - If a task panics, aborts the other tasks and resumes that panic
///   (`std::panic::resume_unwind`), as Python re-raises `KeyboardInterrupt`.
pub async fn run_all<T, E, F>(futures: Vec<F>) -> Result<Vec<T>, Vec<E>>
where
    F: Future<Output = Result<T, E>> + Send + 'static,
    T: Send + 'static,
    E: Send + 'static,
{
    let count = futures.len();
    let mut set = JoinSet::new();
    for (index, future) in futures.into_iter().enumerate() {
        // Each task reports its index, so the values can be put in order.
        set.spawn(async move { (index, future.await) });
    }
    let mut values: Vec<Option<T>> = (0..count).map(|_| None).collect();
    let mut errors = Vec::new();
    while let Some(joined) = set.join_next().await {
        match joined {
            Ok((index, Ok(value))) => values[index] = Some(value),
            Ok((_, Err(error))) => {
                if errors.is_empty() {
                    set.abort_all(); // the first failure cancels the rest
                }
                errors.push(error);
            }
            // An aborted task: we cancelled it, it has nothing to report.
            Err(e) if e.is_cancelled() => {}
            Err(e) => {
                set.abort_all();
                std::panic::resume_unwind(e.into_panic());
            }
        }
    }
    if errors.is_empty() {
        Ok(values
            .into_iter()
            .map(|v| v.expect("every task succeeded"))
            .collect())
    } else {
        Err(errors)
    }
}
