//! `available_parallelism` estimates how many threads can run at once.

// The answer depends on the machine, its CPU affinity and its cgroup quota.
// output: mask-numbers

use std::thread;

// ANCHOR: main
fn main() {
    let workers = match thread::available_parallelism() {
        Ok(n) => n.get(), // a `NonZero<usize>`: never 0
        Err(e) => {
            eprintln!("cannot tell ({e}); assuming 1");
            1
        }
    };
    println!("available parallelism: {workers}");

    // Size the work to it: one chunk per worker.
    let data: Vec<u64> = (1..=1_000).collect();
    let chunk = data.len().div_ceil(workers);
    let total: u64 = thread::scope(|s| {
        let handles: Vec<_> = data
            .chunks(chunk)
            .map(|part| s.spawn(|| part.iter().sum::<u64>()))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    });
    println!("threads used: {}", data.chunks(chunk).len());
    println!("sum of 1..=1000: {total}");
    assert_eq!(total, 500_500);
}
// ANCHOR_END: main
