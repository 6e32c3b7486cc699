//! Shows why a very short operation is timed as a batch: the clock itself costs time.

// Timings depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick

use std::hint::black_box;
use std::time::{Duration, Instant};

fn parse_args() -> u32 {
    match std::env::args().nth(1).as_deref() {
        None => 1_000_000,
        Some("--quick") => 1_000,
        Some(other) => {
            eprintln!("error: unknown argument {other:?}\nusage: measure_resolution [--quick]");
            std::process::exit(2);
        }
    }
}

// ANCHOR: main
fn main() {
    let n = parse_args();
    let work = |x: u64| black_box(x).wrapping_mul(0x9E37_79B9_7F4A_7C15);

    // The smallest step the clock shows: two readings in a row.
    let step = (0..n)
        .map(|_| (Instant::now(), Instant::now()))
        .map(|(a, b)| b - a)
        .filter(|d| !d.is_zero())
        .min()
        .unwrap_or(Duration::ZERO);

    // Timing each operation alone: the clock's cost is in every sample.
    let alone: Duration = (0..n)
        .map(|i| {
            let start = Instant::now();
            black_box(work(u64::from(i)));
            start.elapsed()
        })
        .sum();

    // Timing the batch once, then dividing.
    let start = Instant::now();
    (0..n).for_each(|i| _ = black_box(work(u64::from(i))));
    let batch = start.elapsed();

    let ns = |d: Duration| d.as_secs_f64() * 1e9 / f64::from(n);
    println!(
        "smallest nonzero step between two Instant::now(): {:.1} ns",
        step.as_secs_f64() * 1e9
    );
    println!("one multiply, {n} times:");
    println!("  {:<26} {:6.2} ns", "timed one by one, mean", ns(alone));
    println!("  {:<26} {:6.2} ns", "timed as a batch, divided", ns(batch));
    println!("one by one / batch: {:.0}", ns(alone) / ns(batch).max(0.01));
}
// ANCHOR_END: main
