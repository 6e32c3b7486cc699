//! # Exercise: CPU-heavy work on rayon, awaited through a oneshot channel
//!
//! Write [`compute`], which runs a CPU-bound closure on rayon's global
//! thread pool and lets the calling task await its result without blocking
//! a thread of the async runtime. A panic in the closure must come back to
//! the caller as an `Err`, not abort the process.
//!
//! Test your attempt with `cargo test -p exercises --test tokio_rayon_compute`.

use std::panic::{self, AssertUnwindSafe};
use tokio::sync::oneshot;

/// Runs `f` on rayon's global pool (`rayon::spawn`) and returns its value,
/// delivered through a `tokio::sync::oneshot` channel.
///
/// - `f` runs on a rayon worker thread, never on the calling thread.
/// - While `f` runs, other tasks of the runtime keep running.
/// - If `f` panics, returns `Err` with the panic payload, the way
///   `std::thread::JoinHandle::join` does. Beware: a panic that escapes a
///   closure given to `rayon::spawn` aborts the whole process.
pub async fn compute<T, F>(f: F) -> std::thread::Result<T>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let (tx, rx) = oneshot::channel();
    rayon::spawn(move || {
        // Catch the panic here, on the rayon thread, and send it as a value.
        let result = panic::catch_unwind(AssertUnwindSafe(f));
        let _ = tx.send(result); // Err only if the caller stopped waiting
    });
    match rx.await {
        Ok(result) => result,
        // The sender was dropped unsent: rayon never ran the closure.
        Err(closed) => Err(Box::new(closed)),
    }
}
