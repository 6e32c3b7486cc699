//! Measures false sharing: two threads, two counters, one cache line or two.

// Times depend on the machine; the book's run is a release build. The tests
// run a short version: the harness's figures are masked, and the count.
// output: release
// output: mask \d+ times
// output: test-args --quick
// miri: skip a measurement: millions of increments are hours for an interpreter

use harness::{Figure, Harness, Unit};
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::thread;
use std::time::Instant;

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
/// Two threads, each adding 1 to its own counter `n` times: the wall time, in ns.
fn time_two(a: &AtomicU64, b: &AtomicU64, n: u64) -> f64 {
    let start = Instant::now();
    thread::scope(|s| {
        s.spawn(|| (0..n).for_each(|_| _ = a.fetch_add(1, Relaxed)));
        s.spawn(|| (0..n).for_each(|_| _ = b.fetch_add(1, Relaxed)));
    });
    start.elapsed().as_nanos() as f64
}
// ANCHOR_END: main

fn main() {
    let h = Harness::from_args("atomics_false_sharing");
    let n = if h.is_quick() { 20_000 } else { 2_000_000 };
    // ANCHOR: sample
    let (adjacent, padded, shared) = (Adjacent::default(), Padded::default(), AtomicU64::new(0));
    let cases = [
        ("own counters, own cache lines", &padded.a.0, &padded.b.0),
        ("own counters, one cache line", &adjacent.a, &adjacent.b),
        ("one counter for both", &shared, &shared),
    ];
    println!("2 threads, each adding 1 to a counter {n} times:");
    for (what, a, b) in cases {
        let gap = b.as_ptr() as usize - a.as_ptr() as usize;
        println!("  {what:<30} {gap:>3} bytes apart");
    }
    // Each sample times all three layouts, so the ratios compare runs made
    // moments apart.
    let mut runs = Vec::new();
    let false_sharing = h.sample("one cache line / own lines", "×", || {
        let times = cases.map(|(_, a, b)| time_two(a, b, n));
        runs.push(times);
        times[1] / times[0]
    });
    // ANCHOR_END: sample
    let calls = runs.len() as u64;
    runs.remove(0); // the harness's warm-up
    println!("wall time, and its ratio to own cache lines within each sample:");
    for (i, (what, _, _)) in cases.iter().enumerate() {
        let times = runs.iter().map(|t| t[i]).collect();
        println!("  {:30}", Figure::new(what, Unit::Time, times));
    }
    println!("  {false_sharing:30}");
    let ratios = runs.iter().map(|t| t[2] / t[0]).collect();
    let true_sharing = Figure::new("one counter / own lines", Unit::Other("×"), ratios);
    println!("  {true_sharing:30}");
    assert_eq!(shared.load(Relaxed), 2 * n * calls);
    assert_eq!(adjacent.b.load(Relaxed), n * calls);
}
