//! Solution: measure a job, and tell from the numbers what bounds it.

use std::time::{Duration, Instant};

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
    let (wall_start, cpu_start) = (Instant::now(), thread_cpu_time());
    let result = job();
    let cpu = thread_cpu_time() - cpu_start;
    let wall = wall_start.elapsed();
    (result, Times { wall, cpu })
}

/// The calling thread's CPU time so far: user plus system (Linux).
#[cfg(target_os = "linux")]
fn thread_cpu_time() -> Duration {
    // SAFETY: `rusage` is plain data, for which all zeros is a valid value,
    // and getrusage only writes into the struct it is lent.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let rc = unsafe { libc::getrusage(libc::RUSAGE_THREAD, &mut usage) };
    assert_eq!(
        rc,
        0,
        "getrusage failed: {}",
        std::io::Error::last_os_error()
    );
    let time = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
    };
    time(usage.ru_utime) + time(usage.ru_stime)
}

/// Only Linux has `RUSAGE_THREAD`: elsewhere `measure` cannot work.
#[cfg(not(target_os = "linux"))]
fn thread_cpu_time() -> Duration {
    panic!("measuring one thread's CPU time needs Linux: getrusage(RUSAGE_THREAD)")
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
    if times.wall.is_zero() || threads == 0 {
        return None;
    }
    let capacity = times.wall.as_nanos() * threads as u128;
    let cpu = times.cpu.as_nanos();
    Some(if cpu * 5 >= capacity * 4 {
        Bound::Cpu
    } else if cpu * 5 <= capacity {
        Bound::Io
    } else {
        Bound::Mixed
    })
}
