//! One CPU-bound job three ways: sequential, hand-split scoped threads,
//! and rayon. Later numbers cost more, so equal ranges are unequal work.

// Timings depend on the machine; the book's run is a release build.
// output: release
// The thread count changes between machines (the harness masks its figures).
// output: mask threads: \d+
// The tests count primes below a smaller limit.
// output: mask below \d+: \d+
// output: test-args --quick
// miri: skip a measurement: finding primes by trial division takes minutes interpreted

use harness::Harness;
use rayon::prelude::*;
use std::time::{Duration, Instant};

fn is_prime(n: u64) -> bool {
    n >= 2
        && (2..)
            .take_while(|d| d * d <= n)
            .all(|d| !n.is_multiple_of(d))
}

// ANCHOR: threads
/// Splits 0..limit into one equal range per thread, by hand.
fn with_threads(limit: u64, threads: u64) -> usize {
    let step = limit.div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|k| {
                let range = k * step..((k + 1) * step).min(limit);
                s.spawn(move || range.filter(|&n| is_prime(n)).count())
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    })
}

/// Lets rayon split the range and balance the work.
fn with_rayon(limit: u64) -> usize {
    (0..limit).into_par_iter().filter(|&n| is_prime(n)).count()
}
// ANCHOR_END: threads

fn sequential(limit: u64) -> usize {
    (0..limit).filter(|&n| is_prime(n)).count()
}

/// How long one call of `f` takes, after checking its result.
fn timed(expected: usize, f: impl FnOnce() -> usize) -> Duration {
    let start = Instant::now();
    assert_eq!(f(), expected, "every version must agree");
    start.elapsed()
}

fn main() {
    let h = Harness::from_args("rayon_vs_threads");
    let limit = if h.is_quick() { 20_000 } else { 1_000_000 };
    let threads = rayon::current_num_threads() as u64;
    println!("threads: {threads}");
    let count = sequential(limit);
    println!("primes below {limit}: {count}");
    let rows: [(&str, &dyn Fn() -> usize); 3] = [
        ("sequential", &|| sequential(limit)),
        ("thread::scope", &|| with_threads(limit, threads)),
        ("rayon", &|| with_rayon(limit)),
    ];
    for (name, f) in rows {
        println!("{:24}", h.sample_time(name, || timed(count, f)));
    }
    // A speedup pairs a sequential run with a parallel one in each sample.
    for (name, f) in &rows[1..] {
        let speedup = h.sample(&format!("speedup, {name}"), "×", || {
            let seq = timed(count, || sequential(limit));
            seq.as_secs_f64() / timed(count, f).as_secs_f64()
        });
        println!("{speedup:24}");
    }
}
