//! When `par_iter` is slower than `iter`: too little work per item,
//! and the fixes: bigger pieces, or parallel only for big inputs.

// Timings depend on the machine; the book's run is a release build.
// output: release
// The tests run a smaller big input (the harness masks its figures itself).
// output: mask \d+ ints
// The number of threads is the machine's number of logical CPUs.
// output: mask rayon threads: \d+
// output: test-args --quick
// miri: skip a measurement: millions of items take hours for an interpreter

use harness::Harness;
use rayon::prelude::*;

// ANCHOR: versions
fn triple(x: &u32) -> u64 {
    u64::from(*x) * 3 // almost no work per item
}
// A label and a function: a closure that captures nothing is a plain `fn`.
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
        ..100_000 => d.iter().map(triple).sum(), // any length below 100,000
        _ => d.par_iter().map(triple).sum(),
    }),
];
// ANCHOR_END: versions

fn main() {
    let h = Harness::from_args("rayon_tiny_work");
    let big = if h.is_quick() { 200_000 } else { 4_000_000 };
    println!("rayon threads: {}", rayon::current_num_threads());
    for (input, len) in [("small", 20_000), ("big", big)] {
        let data: Vec<u32> = (0..len).map(|i| i % 100).collect();
        println!("sum of x*3 over {len} ints ({input} input), time per sum:");
        let expected = 3 * data.iter().map(|&x| u64::from(x)).sum::<u64>();
        let figures = VERSIONS.map(|(name, f)| {
            h.time(&format!("{input}: {name}"), || {
                assert_eq!(f(&data), expected, "{name} must agree")
            })
        });
        let [iter, others @ ..] = &figures;
        println!("  {iter:36}");
        for (figure, (name, _)) in others.iter().zip(&VERSIONS[1..]) {
            let ratio = figure.over(iter, &format!("{input}: {name} / iter"));
            println!("  {ratio:36}");
        }
    }
}
