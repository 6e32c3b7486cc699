//! `thread::sleep` waits at least as long as asked, and often a little longer.

// How much longer depends on the machine and its load.
// output: mask-durations

use std::thread;
use std::time::{Duration, Instant};

// ANCHOR: main
fn main() {
    let asked = Duration::from_millis(10);
    let mut slept = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        thread::sleep(asked);
        slept.push(start.elapsed());
    }

    let shortest = slept.iter().min().unwrap();
    let longest = slept.iter().max().unwrap();
    println!("asked for {asked:?}, five times");
    println!("shortest sleep: {shortest:?}");
    println!("longest sleep:  {longest:?}");
    println!("never shorter than asked: {}", *shortest >= asked);
}
// ANCHOR_END: main
