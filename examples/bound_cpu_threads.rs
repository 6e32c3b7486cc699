//! A CPU-bound job on one thread and on two: the wall time can halve on two
//! cores, but the CPU time does not shrink; the same work is done.

// Timings depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests count primes in a smaller range: only the masked numbers change.
// output: test-args --quick
// miri: skip measures CPU time with getrusage through libc, which Miri does not emulate

use std::thread;
use std::time::{Duration, Instant};

fn cpu_time() -> Duration {
    // SAFETY: `rusage` is plain data; getrusage only writes into it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) }, 0);
    let secs = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    secs(usage.ru_utime) + secs(usage.ru_stime)
}

fn parse_limit() -> (u64, usize) {
    match std::env::args().nth(1).as_deref() {
        None => (2_000_000, 148_933), // below the limit, and how many primes lie there
        Some("--quick") => (100_000, 9_592),
        Some(other) => {
            eprintln!("error: unknown argument {other:?}\nusage: bound_cpu_threads [--quick]");
            std::process::exit(2);
        }
    }
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
                    let blocks = (0..limit).step_by(1000).skip(t).step_by(threads);
                    let numbers = blocks.flat_map(|start| start..limit.min(start + 1000));
                    numbers.filter(|&n| is_prime(n)).count()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    })
}

fn main() {
    let (limit, expected) = parse_limit();
    println!("counting the primes below {limit}");
    println!(
        "{:<10} {:>9} {:>9} {:>9}",
        "", "wall ms", "CPU ms", "CPU/wall"
    );
    let mut rows = Vec::new();
    for (threads, name) in [(1, "1 thread"), (2, "2 threads")] {
        let (wall_start, cpu_start) = (Instant::now(), cpu_time());
        assert_eq!(count_primes(limit, threads), expected);
        let wall = wall_start.elapsed().as_secs_f64() * 1e3;
        let cpu = (cpu_time() - cpu_start).as_secs_f64() * 1e3;
        println!("{name:<10} {wall:>9.1} {cpu:>9.1} {:>9.2}", cpu / wall);
        rows.push((wall, cpu));
    }
    let [(wall1, cpu1), (wall2, cpu2)] = rows[..] else {
        unreachable!()
    };
    println!("wall time, 1 thread / 2 threads: {:.2}", wall1 / wall2);
    println!("CPU time, 2 threads / 1 thread:  {:.2}", cpu2 / cpu1);
}
// ANCHOR_END: main
