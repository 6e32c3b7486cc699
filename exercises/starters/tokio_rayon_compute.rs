//! # Exercise: CPU-heavy work on rayon, awaited through a oneshot channel
//!
//! Write [`compute`], which runs a CPU-bound closure on rayon's global
//! thread pool and lets the calling task await its result without blocking
//! a thread of the async runtime. A panic in the closure must come back to
//! the caller as an `Err`, not abort the process.
//!
//! Test your attempt with `cargo test -p exercises --test tokio_rayon_compute`.

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
    let _ = f;
    todo!(
        "rayon::spawn + catch_unwind + oneshot; then run: cargo test -p exercises --test tokio_rayon_compute"
    )
}
