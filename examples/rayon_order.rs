//! `for_each` runs items in whatever order the threads take them;
//! `collect` puts the results back in the input's order.

// The order in which for_each's closures ran depends on the scheduler.
// output: mask for_each order: .*
// rayon's pool threads never exit (a leak to Miri), and crossbeam-epoch, under
// rayon, breaks Miri's default Stacked Borrows rules but not Tree Borrows (crossbeam#545).
// miri: flags -Zmiri-tree-borrows -Zmiri-ignore-leaks

use rayon::prelude::*;
use std::sync::Mutex;

/// Uneven work: the lower `n`, the longer it takes.
fn work(n: u32) {
    let steps = if cfg!(miri) { 10 } else { 200_000 } * (17 - n);
    (0..steps).fold(0u32, |a, b| std::hint::black_box(a.wrapping_add(b)));
}

fn main() {
    let input: Vec<u32> = (1..=16).collect();

    // ANCHOR: main
    // Side effects in for_each: the order is whatever the threads did.
    let seen = Mutex::new(Vec::new());
    input.par_iter().for_each(|&n| {
        work(n); // uneven: the first items take longest
        seen.lock().unwrap().push(n * 10);
    });
    let seen = seen.into_inner().unwrap();

    // collect on an indexed parallel iterator keeps the input's order.
    let collected: Vec<u32> = input.par_iter().map(|&n| n * 10).collect();
    // ANCHOR_END: main

    println!("for_each order: {seen:?}");
    println!("collect order:  {collected:?}");
    let mut sorted = seen.clone();
    sorted.sort();
    println!("same items either way: {}", sorted == collected);
    assert!(collected.is_sorted());
}
