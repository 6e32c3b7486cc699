//! Measures false sharing: two threads, two counters, one cache line or two.

// Times depend on the machine; the book's run is a release build.
// The tests run a short version.
// output: release
// Durations and ratios are masked with the padding before them, whose width varies.
// output: mask \s+\d+(\.\d+)?(ns|µs|ms|s)
// output: mask \s+\d+\.\d+x
// output: mask \d+ increments
// output: test-args --quick
// miri: skip a measurement: millions of increments are hours for an interpreter

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::thread;
use std::time::{Duration, Instant};

// ANCHOR: layouts
/// Two counters next to each other: 16 bytes, inside one 64-byte cache line.
#[derive(Default)]
#[repr(C, align(64))]
struct Adjacent {
    a: AtomicU64,
    b: AtomicU64,
}

/// One counter per 128 bytes: never in the same cache line (nor in the pair
/// of lines that some Intel CPUs fetch together).
#[derive(Default)]
#[repr(C, align(128))]
struct CachePadded(AtomicU64);

#[derive(Default)]
struct Padded {
    a: CachePadded,
    b: CachePadded,
}
// ANCHOR_END: layouts

// ANCHOR: main
/// Two threads, each adding 1 to its own counter `n` times.
fn time_two(a: &AtomicU64, b: &AtomicU64, n: u64) -> Duration {
    let start = Instant::now();
    thread::scope(|s| {
        s.spawn(|| (0..n).for_each(|_| _ = a.fetch_add(1, Relaxed)));
        s.spawn(|| (0..n).for_each(|_| _ = b.fetch_add(1, Relaxed)));
    });
    start.elapsed()
}

fn main() {
    let n = match std::env::args().nth(1).as_deref() {
        None => 20_000_000,
        Some("--quick") => 200_000,
        Some(other) => {
            eprintln!("usage: atomics_false_sharing [--quick] (got {other:?})");
            std::process::exit(2);
        }
    };
    let (adjacent, padded, shared) = (Adjacent::default(), Padded::default(), AtomicU64::new(0));
    let cases = [
        ("own counters, own cache lines", &padded.a.0, &padded.b.0),
        ("own counters, one cache line", &adjacent.a, &adjacent.b),
        ("one counter for both", &shared, &shared),
    ];
    let times: Vec<Duration> = cases.iter().map(|&(_, a, b)| time_two(a, b, n)).collect();

    println!("2 threads x {n} increments");
    for ((what, a, b), time) in cases.iter().zip(&times) {
        let gap = b.as_ptr() as usize - a.as_ptr() as usize;
        let ratio = time.as_secs_f64() / times[0].as_secs_f64();
        println!("  {what:<30} {gap:>3} bytes apart {time:>9.1?} {ratio:>6.2}x");
    }
    assert_eq!(shared.load(Relaxed), 2 * n);
    assert_eq!(adjacent.b.load(Relaxed), n);
}
// ANCHOR_END: main
