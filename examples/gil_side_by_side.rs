//! Side by side with Python: the chapter's CPU-bound job, Collatz steps up to 1000, on two threads.

use std::thread;

// ANCHOR: main
fn collatz_steps(first: u64, limit: u64, stride: usize) -> u64 {
    let mut total = 0;
    for start in (first..=limit).step_by(stride) {
        let mut n = start;
        while n != 1 {
            n = if n % 2 == 0 { n / 2 } else { 3 * n + 1 };
            total += 1;
        }
    }
    total
}

fn main() {
    let sums: Vec<u64> = thread::scope(|s| {
        // thread k: every 2nd number
        let a = s.spawn(|| collatz_steps(1, 1000, 2));
        let b = s.spawn(|| collatz_steps(2, 1000, 2));
        vec![a.join().unwrap(), b.join().unwrap()]
    });
    let total: u64 = sums.iter().sum();
    println!("thread sums {sums:?}, total {total}");
    assert_eq!(total, collatz_steps(1, 1000, 1));
}
// ANCHOR_END: main
