//! Side by side with Python: four threads keep one running maximum, an atomic instead of a lock.

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::thread;

// ANCHOR: main
fn main() {
    let best = AtomicU64::new(0);
    thread::scope(|s| {
        for k in 0..4 {
            let best = &best;
            s.spawn(move || {
                for reading in (k..4_000).step_by(4) {
                    best.fetch_max(reading, Relaxed); // compare and store as one step
                }
            });
        }
    }); // the scope joins all four threads here
    println!("max {}", best.load(Relaxed));
    assert_eq!(best.load(Relaxed), 3_999);
}
// ANCHOR_END: main
