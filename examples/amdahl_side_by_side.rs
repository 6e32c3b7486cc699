//! Side by side with Python's `Pool.map`: square numbers on every core, one
//! scoped thread per logical CPU, each summing its own slice in place.

use std::thread;

// ANCHOR: main
fn main() {
    let numbers: Vec<u64> = (0..1_000).collect();
    let workers = thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = numbers.len().div_ceil(workers); // one slice per thread
    let total: u64 = thread::scope(|s| {
        let handles: Vec<_> = numbers
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(|x| x * x).sum::<u64>()))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    });
    println!("sum of squares: {total}");
    assert_eq!(total, 332_833_500);
}
// ANCHOR_END: main
