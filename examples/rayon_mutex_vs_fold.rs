//! A histogram built in parallel two ways: every item locks one shared
//! `Mutex`, or every thread folds its own and `reduce` merges them.

// Timings depend on the machine; the book's run is a release build.
// output: release
// The tests use fewer items (the harness masks its figures itself).
// output: mask \d+ items
// output: test-args --quick
// rayon's pool threads never exit (a leak to Miri), and crossbeam-epoch, under
// rayon, breaks Miri's default Stacked Borrows rules but not Tree Borrows (crossbeam#545).
// miri: flags -Zmiri-tree-borrows -Zmiri-ignore-leaks

use harness::Harness;
use rayon::prelude::*;
use std::sync::Mutex;
use std::time::Instant;

type Histogram = [u64; 16];

// ANCHOR: main
fn with_mutex(data: &[u32]) -> Histogram {
    let shared = Mutex::new([0; 16]);
    data.par_iter()
        .for_each(|&x| shared.lock().unwrap()[(x % 16) as usize] += 1);
    shared.into_inner().unwrap()
}

fn with_fold(data: &[u32]) -> Histogram {
    data.par_iter()
        .fold(
            || [0; 16], // one histogram per piece of work, no lock
            |mut h, &x| {
                h[(x % 16) as usize] += 1;
                h
            },
        )
        // Merge two histograms: a new array whose slot i is a[i] + b[i].
        .reduce(|| [0; 16], |a, b| std::array::from_fn(|i| a[i] + b[i]))
}
// ANCHOR_END: main

/// The seconds one call of `f` takes.
fn seconds<T>(f: impl FnOnce() -> T) -> f64 {
    let start = Instant::now();
    std::hint::black_box(f());
    start.elapsed().as_secs_f64()
}

fn main() {
    let h = Harness::from_args("rayon_mutex_vs_fold");
    let len = if h.is_quick() { 200 } else { 2_000_000u32 };
    let data: Vec<u32> = (0..len).map(|i| i.wrapping_mul(2_654_435_761)).collect();
    let folded = with_fold(&data);
    assert_eq!(with_mutex(&data), folded);
    assert_eq!(folded.iter().sum::<u64>(), u64::from(len));
    println!("histogram of {len} items, same result both ways");
    let mutex = h.time("mutex per item", || with_mutex(&data));
    let fold = h.time("fold + reduce", || with_fold(&data));
    // Both in one sample, so that both see the same state of the machine.
    let ratio = h.sample("mutex / fold, paired", "×", || {
        seconds(|| with_mutex(&data)) / seconds(|| with_fold(&data))
    });
    for figure in [mutex, fold, ratio] {
        println!("{figure:22}");
    }
}
