//! A histogram built in parallel two ways: every item locks one shared
//! `Mutex`, or every thread folds its own and `reduce` merges them.

// Timings depend on the machine; the book's run is a release build.
// output: release
// Times and ratios change between machines and runs.
// output: mask \s*\d+(\.\d+)?( ms|x)
// The tests use fewer items.
// output: mask \d+ items
// output: test-args --quick
// rayon's pool threads never exit (a leak to Miri), and crossbeam-epoch, under
// rayon, breaks Miri's default Stacked Borrows rules but not Tree Borrows (crossbeam#545).
// miri: flags -Zmiri-tree-borrows -Zmiri-ignore-leaks

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
        .reduce(|| [0; 16], |a, b| std::array::from_fn(|i| a[i] + b[i]))
}
// ANCHOR_END: main

fn main() {
    let len = match std::env::args().nth(1).as_deref() {
        None => 5_000_000u32,
        Some("--quick") => 10_000,
        Some(other) => {
            eprintln!("error: unknown argument {other:?}\nusage: rayon_mutex_vs_fold [--quick]");
            std::process::exit(2);
        }
    };
    let data: Vec<u32> = (0..len).map(|i| i.wrapping_mul(2_654_435_761)).collect();
    let start = Instant::now();
    let locked = with_mutex(&data);
    let t_mutex = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let folded = with_fold(&data);
    let t_fold = start.elapsed().as_secs_f64();
    assert_eq!(locked, folded);
    assert_eq!(folded.iter().sum::<u64>(), u64::from(len));
    println!("histogram of {len} items, same result both ways");
    println!("Mutex per item  {:>10.1} ms", t_mutex * 1e3);
    println!("fold + reduce   {:>10.1} ms", t_fold * 1e3);
    println!("Mutex / fold    {:>10.2}x", t_mutex / t_fold);
}
