//! Shows the optimiser deleting work that nobody uses, and `black_box` keeping it.

// Timings depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick

use std::hint::black_box;
use std::time::Instant;

fn parse_args() -> u64 {
    match std::env::args().nth(1).as_deref() {
        None => 100_000_000,
        Some("--quick") => 10_000,
        Some(other) => {
            eprintln!("error: unknown argument {other:?}\nusage: measure_black_box [--quick]");
            std::process::exit(2);
        }
    }
}

// ANCHOR: main
/// The work: a sum the compiler can see through completely.
fn sum_to(n: u64) -> u64 {
    (0..n).fold(0, |acc, i| acc.wrapping_add(i ^ (i >> 3)))
}

fn main() {
    let n = parse_args();

    // Naive: the result is thrown away and `n` is a known constant, so the
    // optimiser may compute nothing at all.
    let start = Instant::now();
    let _ = sum_to(n);
    let naive = start.elapsed();

    // Honest: black_box hides the input and "uses" the output.
    let start = Instant::now();
    let total = black_box(sum_to(black_box(n)));
    let honest = start.elapsed();

    let per = |d: std::time::Duration| d.as_secs_f64() * 1e9 / n as f64;
    println!("summing {n} numbers; time per number:");
    println!("  result unused           {:8.3} ns", per(naive));
    println!("  black_box in and out    {:8.3} ns", per(honest));
    assert_eq!(total, sum_to(n)); // the honest run did compute the sum
}
// ANCHOR_END: main
