//! Timing a short computation in Rust: `Instant` around a batch, and
//! `black_box` so that the optimiser cannot take a shortcut.

// The time per run depends on the machine, the moment and the build profile.
// output: mask-durations

use std::hint::black_box;
use std::time::Instant;

// ANCHOR: main
fn main() {
    let data: Vec<u64> = (0..1000).collect();
    const RUNS: u32 = 100;
    let mut total = 0;
    let start = Instant::now();
    for _ in 0..RUNS {
        total = black_box(&data).iter().sum::<u64>(); // opaque data: no shortcut
    }
    let elapsed = start.elapsed();
    println!("total {total}");
    println!("{:.2?} per run", elapsed / RUNS);
    assert_eq!(total, 499_500);
}
// ANCHOR_END: main
