//! A speedup measured against the parallel version on one thread looks
//! better than the honest one, measured against the best sequential code.

// Timings depend on the machine; the book's run is a release build.
// output: release
// Thread counts, times and ratios vary: mask every number.
// Durations print in whichever unit fits (µs in a quick debug run, ms here).
// output: mask-durations
// output: mask \s*\d+(\.\d+)?
// The tests run a tiny job on 2 threads whatever the machine.
// output: test-args --quick

use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;
use std::time::{Duration, Instant};

/// The best wall time of 5 runs of `job`, and its result.
fn best_of_5(job: impl Fn() -> u64) -> (u64, Duration) {
    let mut best = (0, Duration::MAX);
    for _ in 0..5 {
        let start = Instant::now();
        let result = std::hint::black_box(job());
        best = (result, best.1.min(start.elapsed()));
    }
    best
}

// ANCHOR: versions
/// The best sequential version: a plain loop the compiler can vectorise.
fn sequential(data: &[u64]) -> u64 {
    data.iter().map(|x| x * x).sum()
}

/// A parallel version with overhead: each thread adds every element to an
/// atomic counter of its own, which stops the compiler from vectorising.
fn parallel(data: &[u64], threads: usize) -> u64 {
    thread::scope(|s| {
        let handles: Vec<_> = data
            .chunks(data.len().div_ceil(threads))
            .map(|part| {
                s.spawn(move || {
                    let count = AtomicU64::new(0);
                    part.iter()
                        .for_each(|x| _ = count.fetch_add(x * x, Ordering::Relaxed));
                    count.into_inner()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    })
}
// ANCHOR_END: versions

// ANCHOR: main
fn main() {
    let quick = match std::env::args().nth(1).as_deref() {
        None => false,
        Some("--quick") => true,
        Some(other) => {
            eprintln!("error: unknown argument {other:?}\nusage: amdahl_baseline [--quick]");
            std::process::exit(2);
        }
    };
    let available = thread::available_parallelism().map_or(1, |n| n.get());
    let (n, len) = if quick {
        (2, 1 << 10)
    } else {
        (available.max(2), 1 << 22)
    };
    let data: Vec<u64> = (0..len as u64).collect();
    let (expected, seq) = best_of_5(|| sequential(&data));
    let (one_result, one) = best_of_5(|| parallel(&data, 1));
    let (n_result, many) = best_of_5(|| parallel(&data, n));
    assert_eq!((one_result, n_result), (expected, expected));
    let ratio = |a: Duration, b: Duration| a.as_secs_f64() / b.as_secs_f64();
    println!("{len} squares summed; sequential {seq:.1?}, parallel on 1 thread {one:.1?}");
    println!("parallel on {n} threads: {many:.1?}");
    println!(
        "speedup against the parallel version on 1 thread: {:.2}x",
        ratio(one, many)
    );
    println!(
        "speedup against the best sequential version:      {:.2}x",
        ratio(seq, many)
    );
}
// ANCHOR_END: main
