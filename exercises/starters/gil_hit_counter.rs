//! # Exercise: a hit counter that many threads can share
//!
//! In Python, `self.hits += 1` from many threads can lose updates: the GIL
//! may switch threads between reading `self.hits` and writing it back. The
//! single-threaded Rust version of this counter kept its count in a
//! `Cell<u64>`, and the compiler refuses to share a `Cell` between threads
//! (`Cell<u64>` is not `Sync`). Make it work on many threads:
//!
//! 1. Choose the field(s) of [`HitCounter`]: an atomic, or a `Mutex`.
//! 2. Write [`HitCounter::new`], [`HitCounter::hit`] and [`HitCounter::hits`].
//! 3. Write [`hammer`], which shares one counter between scoped threads.
//!
//! Test your attempt with `cargo test -p exercises --test gil_hit_counter`.

/// Counts hits. `hit` takes `&self`, so that threads can share one counter
/// by reference; no hit may ever be lost.
#[derive(Debug, Default)]
pub struct HitCounter {
    // Your field(s) here.
}

impl HitCounter {
    /// A counter at zero.
    pub fn new() -> Self {
        todo!("write this, then run: cargo test -p exercises --test gil_hit_counter")
    }

    /// Adds one hit. Many threads may call it at the same time.
    pub fn hit(&self) {
        todo!("write this, then run: cargo test -p exercises --test gil_hit_counter")
    }

    /// The number of hits so far.
    pub fn hits(&self) -> u64 {
        todo!("write this, then run: cargo test -p exercises --test gil_hit_counter")
    }
}

/// Starts `threads` scoped threads that share one new [`HitCounter`]; each
/// calls `hit` `hits_per_thread` times. Returns the counter's final count.
pub fn hammer(threads: usize, hits_per_thread: u64) -> u64 {
    todo!("write this, then run: cargo test -p exercises --test gil_hit_counter")
}
