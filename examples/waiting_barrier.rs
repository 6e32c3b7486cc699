//! A `Barrier`: every thread finishes a phase before any thread starts the next.

use std::sync::Barrier;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

// ANCHOR: main
const THREADS: usize = 4;
const ROUNDS: usize = 3;

fn main() {
    let barrier = Barrier::new(THREADS);
    // slots[i] holds thread i's value for the current round.
    let slots: Vec<AtomicU64> = (0..THREADS).map(|_| AtomicU64::new(0)).collect();
    let leaders = AtomicU64::new(0);
    thread::scope(|s| {
        for me in 0..THREADS {
            let (barrier, slots, leaders) = (&barrier, &slots, &leaders);
            s.spawn(move || {
                let mut mine = me as u64 + 1;
                for round in 0..ROUNDS {
                    // Relaxed: only the barrier can order this store before the
                    // other threads' loads. Release/Acquire on a slot would not:
                    // a load may run before the store, and then no edge forms.
                    slots[me].store(mine, Ordering::Relaxed); // phase 1: write
                    barrier.wait(); // Rust 1.95's Barrier orders the stores before any return
                    let sum: u64 = slots.iter().map(|x| x.load(Ordering::Relaxed)).sum();
                    if barrier.wait().is_leader() {
                        // one thread per round, chosen by the barrier
                        println!("round {round}: sum of all slots = {sum}");
                        leaders.fetch_add(1, Ordering::Relaxed);
                    }
                    mine = sum; // phase 2 done by everyone: next round
                }
            });
        }
    });
    assert_eq!(leaders.into_inner(), ROUNDS as u64);
    println!("{ROUNDS} rounds, one leader in each");
}
// ANCHOR_END: main
