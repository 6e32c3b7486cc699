//! `par_iter` with `map`, `filter`, `sum` and `reduce`: the sequential
//! iterator chain with one word changed, and the same results.

// rayon's pool threads never exit (a leak to Miri), and crossbeam-epoch, under
// rayon, breaks Miri's default Stacked Borrows rules but not Tree Borrows (crossbeam#545).
// miri: flags -Zmiri-tree-borrows -Zmiri-ignore-leaks

use rayon::prelude::*;

fn main() {
    let numbers: Vec<u64> = (1..=1_000).collect();

    // ANCHOR: main
    // Sequential: one thread walks the whole Vec.
    let seq: u64 = numbers.iter().map(|n| n * n).filter(|sq| sq % 3 == 0).sum();

    // Parallel: rayon's threads each take a piece of the Vec.
    let par: u64 = numbers
        .par_iter()
        .map(|n| n * n)
        .filter(|sq| sq % 3 == 0)
        .sum();

    // reduce needs an identity (a closure that makes one) and an operation.
    let largest = numbers
        .par_iter()
        .map(|n| n * 7 % 1_001)
        .reduce(|| 0, |a, b| a.max(b));
    // ANCHOR_END: main

    println!("sequential sum of squares divisible by 3: {seq}");
    println!("parallel   sum of squares divisible by 3: {par}");
    println!("largest n * 7 % 1001: {largest}");
    assert_eq!(seq, par);
    assert_eq!(
        largest,
        numbers.iter().map(|n| n * 7 % 1_001).max().unwrap()
    );
}
