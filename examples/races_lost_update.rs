//! A lost update in safe Rust: an atomic load, then a separate atomic store.

// How many updates are lost depends on how the threads interleave, run by
// run; on one core, or on a busy machine, a run may lose none.
// output: mask \d+ counted, \d+ lost
// miri: skip a million unsynchronised increments take minutes in an interpreter

use std::sync::Barrier;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::thread;

// ANCHOR: hammer
const THREADS: usize = 4;
const PER_THREAD: u64 = 50_000;
const RUNS: usize = 5;

/// Starts `THREADS` threads at the same moment; each calls `step` on one
/// shared counter `PER_THREAD` times. Returns the final count.
fn hammer(step: fn(&AtomicU64)) -> u64 {
    let counter = AtomicU64::new(0);
    let start = Barrier::new(THREADS);
    thread::scope(|s| {
        for _ in 0..THREADS {
            s.spawn(|| {
                start.wait(); // all threads begin together
                for _ in 0..PER_THREAD {
                    step(&counter);
                }
            });
        }
    });
    counter.into_inner()
}
// ANCHOR_END: hammer

// ANCHOR: racy
fn load_then_store(counter: &AtomicU64) {
    let v = counter.load(Relaxed); // an atomic read...
    counter.store(v + 1, Relaxed); // ...then an atomic write: two steps, not one
}
// ANCHOR_END: racy

// ANCHOR: fixed
fn fetch_add(counter: &AtomicU64) {
    counter.fetch_add(1, Relaxed); // read, add and write as one indivisible step
}
// ANCHOR_END: fixed

// ANCHOR: main
fn main() {
    let expected = THREADS as u64 * PER_THREAD;
    println!("{THREADS} threads x {PER_THREAD} increments: expected {expected}");
    for run in 1..=RUNS {
        let counted = hammer(load_then_store);
        assert!(counted <= expected, "an update can be lost, never invented");
        let lost = expected - counted;
        println!("load + store, run {run}: {counted} counted, {lost} lost");
    }
    let counted = hammer(fetch_add);
    println!("fetch_add: counted {counted}, expected {expected}");
    assert_eq!(counted, expected);
}
// ANCHOR_END: main
