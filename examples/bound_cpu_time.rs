//! Wall-clock time and CPU time of the same process: a job that computes
//! uses the CPU the whole time; a job that waits hardly uses it at all.

// Times depend on the machine and its load; so do the ratios.
// output: mask-durations
// output: mask \d+\.\d+
// miri: skip measures CPU time with getrusage through libc, which Miri does not emulate

use std::hint::black_box;
use std::thread;
use std::time::{Duration, Instant};

// ANCHOR: main
/// CPU time the whole process has used so far: user time plus system time.
#[cfg(unix)]
fn cpu_time() -> Duration {
    // SAFETY: `rusage` is plain data, all zeros is a valid value, and
    // getrusage only writes into the struct we lend it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let rc = unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    assert_eq!(rc, 0, "getrusage failed");
    let secs = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    secs(usage.ru_utime) + secs(usage.ru_stime)
}

/// Runs `job` and prints its wall-clock time, its CPU time and their ratio.
fn report<T>(name: &str, job: impl FnOnce() -> T) -> T {
    let (wall_start, cpu_start) = (Instant::now(), cpu_time());
    let result = job();
    let (wall, cpu) = (wall_start.elapsed(), cpu_time() - cpu_start);
    let ratio = cpu.as_secs_f64() / wall.as_secs_f64();
    println!("{name:<8} wall {wall:>10.1?}   CPU {cpu:>10.1?}   CPU/wall {ratio:.2}");
    result
}

fn main() {
    // CPU-bound: nothing to wait for, only arithmetic.
    let sum = report("compute", || {
        (0..20_000_000_u64).fold(0_u64, |acc, i| acc.wrapping_add(black_box(i) * i))
    });
    // IO-bound stand-in: the thread sleeps, as it would waiting for a reply.
    report("wait", || thread::sleep(Duration::from_millis(50)));
    assert_eq!(sum, 10_335_320_052_494_567_296); // the sum of squares, mod 2^64
}
// ANCHOR_END: main

/// Windows has no getrusage: there the example stops at its first reading.
#[cfg(not(unix))]
fn cpu_time() -> Duration {
    harness::platform::needs(
        harness::platform::UNIX,
        "it measures the process's CPU time with getrusage",
    )
}
