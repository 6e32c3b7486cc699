//! # Exercise: a TaskGroup for tokio
//!
//! Write [`run_all`], which behaves like Python's `asyncio.TaskGroup`: run
//! every future as a task, cancel the rest at the first failure, and report
//! every failure, not only the first.
//!
//! Test your attempt with `cargo test -p exercises --test joining_run_all`.

use std::future::Future;

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
    todo!("write this, then run: cargo test -p exercises --test joining_run_all")
}
