//! Times the same loop in whichever profile it was built with: debug or release.

// Timings depend on the machine; the book's run is a release build, the
// test's a debug build, so the profile's name is masked too.
// output: release
// output: mask-numbers
// output: mask (debug|release)
// The tests run a short version: only the masked numbers change.
// output: test-args --quick

use harness::Harness;
use std::hint::black_box;
use std::time::Instant;

// ANCHOR: main
fn main() {
    let h = Harness::from_args("measure_profile");
    let n = if h.is_quick() { 2_000 } else { 10_000_000 };
    let data: Vec<u32> = (0..n).collect();

    // One sample: one pass over the data, its time divided by its length.
    let per_number = h.sample("time per number", "ns", || {
        let start = Instant::now();
        let sum: u64 = black_box(&data).iter().map(|&x| u64::from(x) * 3).sum();
        let ns = start.elapsed().as_nanos() as f64 / f64::from(n);
        assert_eq!(sum, 3 * u64::from(n) * (u64::from(n) - 1) / 2);
        ns
    });

    // debug_assertions is on in the dev profile and off in release.
    let profile = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    println!("built in {profile} mode; sum of 3x over {n} numbers:");
    println!("  {per_number}");
}
// ANCHOR_END: main
