//! A CPU-bound job on one thread and on two: the wall time can halve on two
//! cores, but the CPU time does not shrink; the same work is done.

// Timings depend on the machine; the book's run is a release build.
// output: release
// The tests count primes in a smaller range (the harness masks its figures).
// output: mask below \d+
// output: test-args --quick
// miri: skip measures CPU time with getrusage through libc, which Miri does not emulate

use harness::Harness;
use std::thread;
use std::time::{Duration, Instant};

#[cfg(unix)]
fn cpu_time() -> Duration {
    // SAFETY: `rusage` is plain data; getrusage only writes into it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) }, 0);
    let secs = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    secs(usage.ru_utime) + secs(usage.ru_stime)
}

/// Windows has no getrusage: there the example stops at its first reading.
#[cfg(not(unix))]
fn cpu_time() -> Duration {
    harness::platform::needs(
        harness::platform::UNIX,
        "it measures the process's CPU time with getrusage",
    )
}

/// The wall time and the CPU time of one call of `f`.
fn clocks(f: impl FnOnce()) -> (Duration, Duration) {
    let (wall_start, cpu_start) = (Instant::now(), cpu_time());
    f();
    (wall_start.elapsed(), cpu_time() - cpu_start)
}

// ANCHOR: main
fn is_prime(n: u64) -> bool {
    n >= 2
        && (2..)
            .take_while(|d| d * d <= n)
            .all(|d| !n.is_multiple_of(d))
}

/// Counts the primes below `limit` on `threads` threads. The numbers are
/// dealt out in blocks of 1000, in turn, so that every thread gets a fair
/// share of small (cheap) and large (costly) numbers.
fn count_primes(limit: u64, threads: usize) -> usize {
    thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                s.spawn(move || {
                    // Block starts 0, 1000, 2000, ...; thread t takes every
                    // `threads`-th one, from block t on.
                    let blocks = (0..limit).step_by(1000).skip(t).step_by(threads);
                    let numbers = blocks.flat_map(|start| start..limit.min(start + 1000));
                    numbers.filter(|&n| is_prime(n)).count()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    })
}
// ANCHOR_END: main

fn main() {
    let h = Harness::from_args("bound_cpu_threads");
    // Below the limit, and how many primes lie there.
    let (limit, expected) = if h.is_quick() {
        (20_000, 2_262)
    } else {
        (1_000_000, 78_498)
    };
    println!("counting the primes below {limit}");
    let run = |threads| clocks(|| assert_eq!(count_primes(limit, threads), expected));
    let over = |a: Duration, b: Duration| a.as_secs_f64() / b.as_secs_f64();
    for (threads, name) in [(1, "1 thread"), (2, "2 threads")] {
        let wall = h.sample_time(&format!("{name}, wall time"), || run(threads).0);
        let cpu = h.sample_time(&format!("{name}, CPU time"), || run(threads).1);
        let busy = h.sample(&format!("{name}, CPU / wall"), "×", || {
            let (wall, cpu) = run(threads);
            over(cpu, wall)
        });
        for figure in [wall, cpu, busy] {
            println!("{figure:32}");
        }
    }
    // Each sample runs both, so that both see the same state of the machine.
    let walls = h.sample("wall time, 1 thread / 2 threads", "×", || {
        over(run(1).0, run(2).0)
    });
    let cpus = h.sample("CPU time, 2 threads / 1 thread", "×", || {
        over(run(2).1, run(1).1)
    });
    println!("{walls:32}\n{cpus:32}");
}
