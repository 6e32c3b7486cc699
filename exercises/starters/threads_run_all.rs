//! # Exercise: run jobs on threads and collect their results, panics included
//!
//! Two functions:
//!
//! 1. [`panic_message`] turns a panic payload (what `JoinHandle::join`
//!    returns in its `Err`) into the text the panic carried.
//! 2. [`run_all`] runs every job on its own thread, all at the same time,
//!    and returns one `Result` per job, in the order of the jobs.
//!
//! Test your attempt with `cargo test -p exercises --test threads_run_all`.

use std::any::Any;

/// Returns the message carried by a panic payload.
///
/// - `panic!("disk full")` carries a `&'static str`: return that text.
/// - `panic!("job {id} failed")` carries a formatted `String`: return it.
/// - Any other payload, such as `std::panic::panic_any(42)`, gives
///   `"Box<dyn Any>"`, the text Rust's own panic message prints for it.
pub fn panic_message(payload: Box<dyn Any + Send>) -> String {
    todo!("write this, then run: cargo test -p exercises --test threads_run_all")
}

/// Runs each job on a thread of its own, all jobs at the same time, and
/// waits for all of them.
///
/// Returns one entry per job, in the order of `jobs` (not the order in which
/// they finish): `Ok(value)` with what the job returned, or
/// `Err(message)` with [`panic_message`] of its payload if the job panicked.
/// A panicking job must not stop the others or make `run_all` panic.
pub fn run_all<T, F>(jobs: Vec<F>) -> Vec<Result<T, String>>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    todo!("write this, then run: cargo test -p exercises --test threads_run_all")
}
