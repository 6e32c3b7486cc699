//! # Exercise: a count-down latch
//!
//! Build [`CountDownLatch`], like Java's `java.util.concurrent.CountDownLatch`:
//! it starts at a count, threads call [`count_down`](CountDownLatch::count_down),
//! and every thread in [`wait`](CountDownLatch::wait) is released once the
//! count reaches zero. Unlike a `Barrier`, the threads that count down do not
//! wait, and the latch is used once: it never resets.
//!
//! Test your attempt with `cargo test -p exercises --test waiting_latch`.

use std::time::Duration;

/// A one-shot gate that opens when its count reaches zero.
pub struct CountDownLatch {
    // Choose the fields: the count, and a way to sleep until it changes.
}

impl CountDownLatch {
    /// Creates a latch that opens after `count` calls of `count_down`.
    /// A latch created with 0 is open from the start.
    pub fn new(count: usize) -> Self {
        todo!("write this, then run: cargo test -p exercises --test waiting_latch")
    }

    /// Decrements the count; when it reaches zero, releases every waiting
    /// thread. Does nothing if the count is already zero.
    pub fn count_down(&self) {
        todo!("write this, then run: cargo test -p exercises --test waiting_latch")
    }

    /// The current count.
    pub fn count(&self) -> usize {
        todo!("write this, then run: cargo test -p exercises --test waiting_latch")
    }

    /// Blocks until the count is zero; returns at once if it already is.
    pub fn wait(&self) {
        todo!("write this, then run: cargo test -p exercises --test waiting_latch")
    }

    /// Blocks until the count is zero or `timeout` has passed, in all.
    /// Returns `true` if the count reached zero, `false` on a timeout.
    pub fn wait_timeout(&self, timeout: Duration) -> bool {
        todo!("write this, then run: cargo test -p exercises --test waiting_latch")
    }
}
