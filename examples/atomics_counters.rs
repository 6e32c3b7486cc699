//! Two everyday atomics: statistics counters and an ID allocator, all `Relaxed`.

use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::thread;

// Miri interprets every atomic operation: a tenth of the updates checks the same code.
const PER_WORKER: u64 = if cfg!(miri) { 100 } else { 1000 };

// ANCHOR: main
/// Hands out IDs 1, 2, 3, ...: every caller gets a different one.
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

fn new_id() -> u64 {
    NEXT_ID.fetch_add(1, Relaxed) // one indivisible step: no two callers see the same value
}

/// Statistics: each counter is updated on its own; nobody reads them together.
#[derive(Default)]
struct Stats {
    requests: AtomicU64,
    bytes: AtomicU64,
}

fn main() {
    let stats = Stats::default();
    let ids: Vec<Vec<u64>> = thread::scope(|s| {
        let workers: Vec<_> = (0..4)
            .map(|_| {
                s.spawn(|| {
                    (0..PER_WORKER)
                        .map(|i| {
                            stats.requests.fetch_add(1, Relaxed);
                            stats.bytes.fetch_add(i % 100, Relaxed);
                            new_id()
                        })
                        .collect()
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    }); // joined: every update is visible now

    let all: HashSet<u64> = ids.iter().flatten().copied().collect();
    println!("requests: {}", stats.requests.load(Relaxed));
    println!("bytes:    {}", stats.bytes.load(Relaxed));
    println!(
        "IDs handed out: {}, distinct: {}",
        ids.concat().len(),
        all.len()
    );
    let (min, max) = (all.iter().min().unwrap(), all.iter().max().unwrap());
    println!("smallest {min}, largest {max}");
    assert_eq!(all.len() as u64, 4 * PER_WORKER);
}
// ANCHOR_END: main
