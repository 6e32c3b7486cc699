//! A speedup measured against the parallel version on one thread looks
//! better than the honest one, measured against the best sequential code.

// Timings depend on the machine; the book's run is a release build.
// output: release
// Thread counts and sizes vary: mask every number.
// output: mask \s*\d+(\.\d+)?
// The tests run a tiny job on 2 threads whatever the machine.
// output: test-args --quick

use harness::Harness;
use std::hint::black_box;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;
use std::time::{Duration, Instant};

/// The wall time of one run of `job`.
fn timed(job: impl FnOnce() -> u64) -> Duration {
    let start = Instant::now();
    black_box(job());
    start.elapsed()
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
    let h = Harness::from_args("amdahl_baseline");
    let available = thread::available_parallelism().map_or(1, |n| n.get());
    let (n, len) = if h.is_quick() {
        (2, 1 << 10)
    } else {
        (available.max(2), 1 << 22)
    };
    let data: Vec<u64> = (0..len as u64).collect();
    let expected = sequential(&data);
    assert_eq!(parallel(&data, 1), expected);
    assert_eq!(parallel(&data, n), expected);

    println!("{len} squares summed; time per sum:");
    let seq = h.time("sequential", || sequential(black_box(&data)));
    let one = h.time("parallel on 1 thread", || parallel(&data, 1));
    let many = h.time(&format!("parallel on {n} threads"), || parallel(&data, n));
    for figure in [seq, one, many] {
        println!("  {figure:36}");
    }
    println!("speedup of parallel on {n} threads, both timed in each sample:");
    let flattering = h.sample("against parallel on 1 thread", "×", || {
        let one = timed(|| parallel(&data, 1));
        one.as_secs_f64() / timed(|| parallel(&data, n)).as_secs_f64()
    });
    let honest = h.sample("against the best sequential version", "×", || {
        let seq = timed(|| sequential(black_box(&data)));
        seq.as_secs_f64() / timed(|| parallel(&data, n)).as_secs_f64()
    });
    println!("  {flattering:36}\n  {honest:36}");
}
// ANCHOR_END: main
