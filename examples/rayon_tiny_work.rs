//! When `par_iter` is slower than `iter`: too little work per item,
//! and the fixes: bigger pieces, or parallel only for big inputs.

// Timings depend on the machine; the book's run is a release build.
// output: release
// Times and ratios change from run to run.
// output: mask \s*\d+(\.\d+)?(µs|x)
// The tests run a smaller big input, fewer times.
// output: mask \d+ ints, best of \d+
// The number of threads is the machine's number of logical CPUs.
// output: mask rayon threads: \d+
// output: test-args --quick
// miri: skip a measurement: millions of items take hours for an interpreter

use rayon::prelude::*;
use std::time::{Duration, Instant};

// ANCHOR: versions
fn triple(x: &u32) -> u64 {
    u64::from(*x) * 3 // almost no work per item
}
type Version = (&'static str, fn(&[u32]) -> u64);
const VERSIONS: [Version; 5] = [
    ("iter", |d| d.iter().map(triple).sum()),
    ("par_iter", |d| d.par_iter().map(triple).sum()),
    ("with_min_len(50000)", |d| {
        d.par_iter().with_min_len(50_000).map(triple).sum()
    }),
    ("par_chunks(50000)", |d| {
        d.par_chunks(50_000)
            .map(|c| c.iter().map(triple).sum::<u64>())
            .sum()
    }),
    ("par only if len>=1e5", |d| match d.len() {
        ..100_000 => d.iter().map(triple).sum(),
        _ => d.par_iter().map(triple).sum(),
    }),
];
// ANCHOR_END: versions

fn main() {
    let (big, reps) = match std::env::args().nth(1).as_deref() {
        None => (4_000_000, 100),
        Some("--quick") => (200_000, 3),
        Some(other) => {
            eprintln!("error: unknown argument {other:?}\nusage: rayon_tiny_work [--quick]");
            std::process::exit(2);
        }
    };
    println!("rayon threads: {}", rayon::current_num_threads());
    for len in [20_000, big] {
        let data: Vec<u32> = (0..len).map(|i| i % 100).collect();
        println!("sum of x*3 over {len} ints, best of {reps} runs, time vs iter:");
        let expected = 3 * data.iter().map(|&x| u64::from(x)).sum::<u64>();
        let mut base = None;
        for (name, f) in VERSIONS {
            let mut t = Duration::MAX;
            for _ in 0..reps {
                let start = Instant::now();
                let sum = std::hint::black_box(f(&data));
                t = t.min(start.elapsed());
                assert_eq!(sum, expected, "{name} must agree");
            }
            let base = *base.get_or_insert(t);
            let ratio = format!("{:.2}x", t.as_secs_f64() / base.as_secs_f64());
            println!(
                "  {name:<22}{:>12}{ratio:>8}",
                format!("{:.1}µs", t.as_secs_f64() * 1e6)
            );
        }
    }
}
