//! Shows why a very short operation is timed as a batch: the clock itself costs time.

// Timings depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick

use harness::Harness;
use std::hint::black_box;
use std::time::{Duration, Instant};

// ANCHOR: main
fn main() {
    let h = Harness::from_args("measure_resolution");
    let n: u32 = if h.is_quick() { 200 } else { 2_000_000 };
    let work = |x: u64| black_box(x).wrapping_mul(0x9E37_79B9_7F4A_7C15);

    // The smallest step the clock shows: two readings in a row, n times.
    let step = h.sample_time("smallest step of Instant::now()", || {
        (0..n)
            .map(|_| (Instant::now(), Instant::now()))
            .map(|(a, b)| b - a)
            .filter(|d| !d.is_zero())
            .min()
            .unwrap_or(Duration::ZERO)
    });

    // Timing each operation alone: the clock's cost is in every reading.
    let alone = h.sample("timed one by one, mean", "ns", || {
        let total: Duration = (0..n)
            .map(|i| {
                let start = Instant::now();
                black_box(work(u64::from(i)));
                start.elapsed()
            })
            .sum();
        total.as_nanos() as f64 / f64::from(n)
    });

    // Timing the n operations as one batch, then dividing.
    let batch = h.sample("timed as a batch, divided", "ns", || {
        let start = Instant::now();
        (0..n).for_each(|i| _ = black_box(work(u64::from(i))));
        start.elapsed().as_nanos() as f64 / f64::from(n)
    });

    println!("{step:32}");
    println!("one multiply, {n} times a sample:");
    println!("  {alone:30}");
    println!("  {batch:30}");
    println!("{:32}", alone.over(&batch, "one by one / batch"));
}
// ANCHOR_END: main
