//! # Exercise: measure a job, and tell from the numbers what bounds it
//!
//! Two functions:
//!
//! 1. [`measure`] runs a job on the calling thread and returns its result
//!    with its wall-clock time and the CPU time the calling thread used.
//! 2. [`classify`] decides from those two times whether a job was CPU-bound,
//!    IO-bound, or somewhere in between, by the rule documented on it.
//!
//! Test your attempt with `cargo test -p exercises --test bound_classify`.

use std::time::Duration;

/// What a job cost: the time that passed, and the CPU time it used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Times {
    /// Wall-clock time, from `std::time::Instant`.
    pub wall: Duration,
    /// CPU time, user plus system.
    pub cpu: Duration,
}

/// What limited a job.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// The CPU: the job computed nearly the whole time.
    Cpu,
    /// Waiting (for IO, a timer, another process): the job hardly used the CPU.
    Io,
    /// Neither clearly: it both computed and waited.
    Mixed,
}

/// Runs `job` on the calling thread and returns what it returned, with:
///
/// - `wall`: the time from just before the job started to just after it
///   ended, measured with `std::time::Instant`;
/// - `cpu`: the CPU time, user plus system, that the *calling thread* used
///   meanwhile: `libc::getrusage(libc::RUSAGE_THREAD, …)` before and after,
///   `ru_utime + ru_stime`. Other threads of the process must not count.
///
/// `getrusage` reports each time as a `libc::timeval`: whole seconds in
/// `tv_sec` and *microseconds* in `tv_usec`.
pub fn measure<T>(job: impl FnOnce() -> T) -> (T, Times) {
    todo!("write this, then run: cargo test -p exercises --test bound_classify")
}

/// Classifies a job from its times. `threads` is how many threads ran the
/// job's work: its CPU time can be up to `threads` times its wall time.
///
/// With `capacity = wall × threads`, the CPU time the job could have used:
///
/// - `Bound::Cpu` if `cpu` is at least 80% of `capacity`;
/// - `Bound::Io` if `cpu` is at most 20% of `capacity`;
/// - `Bound::Mixed` otherwise.
///
/// Compare exactly, in whole nanoseconds (`Duration::as_nanos`, a `u128`):
/// Cpu when `cpu × 5 ≥ capacity × 4`, Io when `cpu × 5 ≤ capacity`. Floating
/// point would misjudge the boundaries.
///
/// Returns `None` when there is nothing to judge: `wall` is zero or
/// `threads` is zero.
pub fn classify(times: Times, threads: usize) -> Option<Bound> {
    todo!("write this, then run: cargo test -p exercises --test bound_classify")
}
