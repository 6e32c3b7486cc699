//! A thread's return value comes back through `JoinHandle<T>::join`.

use std::thread::{self, JoinHandle};

// Miri interprets every addition: a hundredth of the numbers checks the same code.
const PART: u64 = if cfg!(miri) { 2_500 } else { 250_000 };

// ANCHOR: main
fn main() {
    let handles: Vec<JoinHandle<u64>> = (0..4)
        .map(|i| {
            thread::spawn(move || {
                let first = i * PART + 1;
                (first..first + PART).sum() // the thread's result
            })
        })
        .collect();

    // Join in spawn order: results come back in that order, whoever finished first.
    let sums: Vec<u64> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let total: u64 = sums.iter().sum();

    println!("partial sums: {sums:?}");
    println!("total: {total}");
    assert_eq!(total, 4 * PART * (4 * PART + 1) / 2); // 1 + 2 + … + n = n(n+1)/2
}
// ANCHOR_END: main
