//! Times the same loop in whichever profile it was built with: debug or release.

// Timings depend on the machine; the book's run is a release build, the
// test's a debug build, so the profile's name is masked too.
// output: release
// output: mask-numbers
// output: mask (debug|release)
// The tests run a short version: only the masked numbers change.
// output: test-args --quick

use std::hint::black_box;
use std::time::Instant;

fn parse_args() -> usize {
    match std::env::args().nth(1).as_deref() {
        None => 10_000_000,
        Some("--quick") => 10_000,
        Some(other) => {
            eprintln!("error: unknown argument {other:?}\nusage: measure_profile [--quick]");
            std::process::exit(2);
        }
    }
}

// ANCHOR: main
fn main() {
    let n = parse_args();
    let data: Vec<u32> = (0..n as u32).collect();

    let start = Instant::now();
    let sum: u64 = black_box(&data).iter().map(|&x| u64::from(x) * 3).sum();
    let elapsed = start.elapsed();

    // debug_assertions is on in the dev profile and off in release.
    let profile = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    println!("built in {profile} mode");
    let ns = elapsed.as_secs_f64() * 1e9 / n as f64;
    println!("sum of 3x over {n} numbers: {ns:.2} ns per number");
    assert_eq!(sum, 3 * (n as u64) * (n as u64 - 1) / 2);
}
// ANCHOR_END: main
