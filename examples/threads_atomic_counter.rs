//! Threads share one counter through an `Arc<AtomicU64>`: `fetch_add` adds in one indivisible step.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

// ANCHOR: main
fn main() {
    let hits = Arc::new(AtomicU64::new(0));
    let mut handles = Vec::new();
    for _ in 0..4 {
        let hits = Arc::clone(&hits); // one more owner, for this thread
        handles.push(thread::spawn(move || {
            for _ in 0..1000 {
                hits.fetch_add(1, Ordering::Relaxed); // read, add, write: one step
            }
        }));
    }
    for handle in handles {
        handle.join().unwrap();
    }

    let total = hits.load(Ordering::Relaxed);
    println!("4 threads x 1000 hits = {total}");
    assert_eq!(total, 4000);
}
// ANCHOR_END: main
