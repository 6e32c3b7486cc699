//! Shows the optimiser deleting work that nobody uses, and `black_box` keeping it.

// Timings depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick

use harness::Harness;
use std::hint::black_box;
use std::time::Instant;

// ANCHOR: main
/// The work: a sum the compiler can see through completely.
fn sum_to(n: u64) -> u64 {
    (0..n).fold(0, |acc, i| acc.wrapping_add(i ^ (i >> 3)))
}

fn main() {
    let h = Harness::from_args("measure_black_box");
    let n: u64 = if h.is_quick() { 2_000 } else { 100_000_000 };
    let per_number = |start: Instant| start.elapsed().as_nanos() as f64 / n as f64;

    // Naive: the result is thrown away, so the optimiser may compute
    // nothing at all.
    let naive = h.sample("result unused", "ns", || {
        let start = Instant::now();
        let _ = sum_to(n);
        per_number(start)
    });

    // Honest: black_box hides the input and "uses" the output.
    let honest = h.sample("black_box in and out", "ns", || {
        let start = Instant::now();
        let total = black_box(sum_to(black_box(n)));
        let ns = per_number(start);
        assert_eq!(total, sum_to(n)); // the sum was computed
        ns
    });

    println!("summing {n} numbers; time per number:");
    for figure in [naive, honest] {
        println!("  {figure:22}");
    }
}
// ANCHOR_END: main
