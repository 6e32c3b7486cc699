//! Does not compile: `thread::spawn` may not borrow a local atomic.
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::thread;

fn main() {
    let hits = AtomicU64::new(0);
    let handle = thread::spawn(|| hits.fetch_add(1, Relaxed));
    handle.join().unwrap();
    println!("{}", hits.load(Relaxed));
}
