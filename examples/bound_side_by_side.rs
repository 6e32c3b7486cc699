//! Side by side with Python: ten slow calls on ten threads wait at the same time.

// The wall time depends on the machine and its load.
// output: mask-durations

use std::thread;
use std::time::{Duration, Instant};

// ANCHOR: main
fn slow_call(i: u64) -> u64 {
    thread::sleep(Duration::from_millis(100)); // stands for a database query
    2 * i
}

fn main() {
    let start = Instant::now();
    let answers: Vec<u64> = thread::scope(|s| {
        let handles: Vec<_> = (0..10).map(|i| s.spawn(move || slow_call(i))).collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect() // in order of the ids
    });
    println!("answers {answers:?}");
    println!("10 calls of 100 ms took {} ms", start.elapsed().as_millis());
    assert_eq!(answers, (0..10).map(|i| 2 * i).collect::<Vec<u64>>());
}
// ANCHOR_END: main
