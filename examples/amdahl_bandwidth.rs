//! A memory-bound job (summing a large array) against a compute-bound one,
//! on 1 to N threads: memory bandwidth caps the first one's speedup.

// Timings depend on the machine; the book's run is a release build.
// output: release
// Thread counts, sizes, times and ratios vary: mask every number.
// output: mask \s*\d+(\.\d+)?
// The tests run a tiny job on 1 and 2 threads whatever the machine.
// output: test-args --quick

use std::thread;
use std::time::{Duration, Instant};

/// Runs `work(k, threads)` on `threads` scoped threads, sums what they
/// return, and keeps the best wall time of 5 runs.
fn timed(threads: usize, work: impl Fn(usize, usize) -> u64 + Sync) -> (u64, Duration) {
    let mut best = (0, Duration::MAX);
    for _ in 0..5 {
        let start = Instant::now();
        let sum = thread::scope(|s| {
            let work = &work;
            let handles: Vec<_> = (0..threads)
                .map(|k| s.spawn(move || work(k, threads)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap())
                .fold(0, u64::wrapping_add)
        });
        best = (sum, best.1.min(start.elapsed()));
    }
    best
}

// ANCHOR: jobs
/// Memory-bound: each thread sums its contiguous chunk of `data`, one add per
/// 8 bytes read, so the cores wait for memory.
fn sum_chunk(data: &[u64], k: usize, threads: usize) -> u64 {
    data.chunks(data.len().div_ceil(threads))
        .nth(k)
        .map_or(0, |c| c.iter().sum())
}

/// Compute-bound: the same number of steps, each a few dependent operations
/// on a register, and no memory traffic at all.
fn spin_chunk(steps: usize, k: usize, threads: usize) -> u64 {
    let mut x = k as u64 | 1;
    for _ in 0..steps / threads {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
    }
    x
}
// ANCHOR_END: jobs

// ANCHOR: main
fn main() {
    let quick = match std::env::args().nth(1).as_deref() {
        None => false,
        Some("--quick") => true,
        Some(other) => {
            eprintln!("error: unknown argument {other:?}\nusage: amdahl_bandwidth [--quick]");
            std::process::exit(2);
        }
    };
    let available = thread::available_parallelism().map_or(1, |n| n.get());
    let (cores, len) = if quick {
        (2, 1 << 12)
    } else {
        (available, 1 << 26)
    };
    let data: Vec<u64> = (0..len as u64).collect();
    println!(
        "summing {} MiB of u64 vs {len} xorshift steps",
        (len * 8) >> 20
    );
    println!("threads  sum speedup  compute speedup");
    let (sum1, sum_one) = timed(1, |k, t| sum_chunk(&data, k, t));
    let (_, spin_one) = timed(1, |k, t| spin_chunk(len, k, t));
    for threads in 1..=cores {
        let (sum, sum_time) = timed(threads, |k, t| sum_chunk(&data, k, t));
        assert_eq!(sum, sum1, "the split must not change the sum");
        let (_, spin_time) = timed(threads, |k, t| spin_chunk(len, k, t));
        let a = sum_one.as_secs_f64() / sum_time.as_secs_f64();
        let b = spin_one.as_secs_f64() / spin_time.as_secs_f64();
        println!("{threads:>7} {a:>11.2}x {b:>15.2}x");
    }
}
// ANCHOR_END: main
