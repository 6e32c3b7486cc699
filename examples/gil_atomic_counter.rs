//! Many threads add to one counter: an atomic makes each `+= 1` indivisible.

use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

// Miri interprets every `fetch_add`: fewer of them check the same code.
const PER_THREAD: u64 = if cfg!(miri) { 1_000 } else { 100_000 };

// ANCHOR: main
// A `static` atomic needs no `unsafe`, unlike a `static mut`.
static CALLS: AtomicU64 = AtomicU64::new(0);

fn main() {
    let hits = AtomicU64::new(0); // shared by reference: AtomicU64 is Sync
    thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                for _ in 0..PER_THREAD {
                    hits.fetch_add(1, Ordering::Relaxed); // read, add, write: one step
                }
                CALLS.fetch_add(1, Ordering::Relaxed);
            });
        }
    }); // the scope joins the threads: their updates are all visible here

    let hits = hits.into_inner();
    println!("4 threads x {PER_THREAD} hits = {hits}");
    println!("threads finished: {}", CALLS.load(Ordering::Relaxed));
    assert_eq!(hits, 4 * PER_THREAD);
}
// ANCHOR_END: main
