//! A memory-bound job (summing a large array) against a compute-bound one,
//! on 1 to N threads: where memory bandwidth runs out, it caps the first
//! one's speedup (on the book's two CPUs, it did not).

// Timings depend on the machine; the book's run is a release build.
// output: release
// Thread counts and sizes vary: mask every number.
// output: mask \s*\d+(\.\d+)?
// The tests run a tiny job on 1 and 2 threads whatever the machine.
// output: test-args --quick

use harness::{Figure, Harness};
use std::hint::black_box;
use std::thread;
use std::time::{Duration, Instant};

/// Runs `work(k, threads)` on `threads` scoped threads; returns the sum of
/// what they return and the wall time.
fn timed(threads: usize, work: impl Fn(usize, usize) -> u64 + Sync) -> (u64, Duration) {
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
    (sum, start.elapsed())
}

/// The speedup of `work` on `threads` threads over 1 thread, paired: each
/// sample times both.
fn speedup(
    h: &Harness,
    label: &str,
    threads: usize,
    work: impl Fn(usize, usize) -> u64 + Sync,
) -> Figure {
    h.sample(label, "×", || {
        let (one_result, one) = timed(1, &work);
        let (result, many) = timed(threads, &work);
        black_box((one_result, result));
        one.as_secs_f64() / many.as_secs_f64()
    })
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
    let h = Harness::from_args("amdahl_bandwidth");
    let available = thread::available_parallelism().map_or(1, |n| n.get());
    let (cores, len) = if h.is_quick() {
        (2, 1 << 10)
    } else {
        (available, 1 << 25)
    };
    let data: Vec<u64> = (0..len as u64).collect();
    println!(
        "summing {} MiB of u64 vs {len} xorshift steps; speedup over 1 thread:",
        (len * 8) >> 20
    );
    let expected: u64 = data.iter().sum();
    for threads in 1..=cores {
        let (sum, _) = timed(threads, |k, t| sum_chunk(&data, k, t));
        assert_eq!(sum, expected, "the split must not change the sum");
        let noun = if threads == 1 { "thread" } else { "threads" };
        let sum = speedup(&h, &format!("sum, {threads} {noun}"), threads, |k, t| {
            sum_chunk(&data, k, t)
        });
        let spin = speedup(
            &h,
            &format!("compute, {threads} {noun}"),
            threads,
            |k, t| spin_chunk(len, k, t),
        );
        println!("  {sum:20}\n  {spin:20}");
    }
}
// ANCHOR_END: main
