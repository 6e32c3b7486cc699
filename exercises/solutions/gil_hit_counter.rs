//! # Solution: a hit counter that many threads can share

use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

/// Counts hits. `hit` takes `&self`, so that threads can share one counter
/// by reference; no hit may ever be lost.
#[derive(Debug, Default)]
pub struct HitCounter {
    hits: AtomicU64,
}

impl HitCounter {
    /// A counter at zero.
    pub fn new() -> Self {
        Self {
            hits: AtomicU64::new(0),
        }
    }

    /// Adds one hit. Many threads may call it at the same time.
    pub fn hit(&self) {
        // One indivisible read-modify-write: no other thread can come between
        // the read and the write. Relaxed is enough for a counter that
        // orders nothing else.
        self.hits.fetch_add(1, Ordering::Relaxed);
    }

    /// The number of hits so far.
    pub fn hits(&self) -> u64 {
        self.hits.load(Ordering::Relaxed)
    }
}

/// Starts `threads` scoped threads that share one new [`HitCounter`]; each
/// calls `hit` `hits_per_thread` times. Returns the counter's final count.
pub fn hammer(threads: usize, hits_per_thread: u64) -> u64 {
    let counter = HitCounter::new();
    thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                for _ in 0..hits_per_thread {
                    counter.hit();
                }
            });
        }
    }); // joins every thread, so all their hits are visible below
    counter.hits()
}
