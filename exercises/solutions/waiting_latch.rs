//! # Solution: a count-down latch
//!
//! The count lives in a `Mutex`, and a `Condvar` announces that it reached
//! zero. Every waiter needs that news, so `count_down` uses `notify_all`.

use std::time::Duration;
// Chapter 23 model-checks this code with loom, which swaps in its own types.
#[cfg(loom)]
use loom_models::sync::{Condvar, Mutex};
#[cfg(not(loom))]
use std::sync::{Condvar, Mutex};

/// A one-shot gate that opens when its count reaches zero.
pub struct CountDownLatch {
    count: Mutex<usize>,
    zero: Condvar,
}

impl CountDownLatch {
    /// Creates a latch that opens after `count` calls of `count_down`.
    /// A latch created with 0 is open from the start.
    pub fn new(count: usize) -> Self {
        Self {
            count: Mutex::new(count),
            zero: Condvar::new(),
        }
    }

    /// Decrements the count; when it reaches zero, releases every waiting
    /// thread. Does nothing if the count is already zero.
    pub fn count_down(&self) {
        let mut count = self.count.lock().unwrap();
        if *count > 0 {
            *count -= 1;
            if *count == 0 {
                self.zero.notify_all();
            }
        }
    }

    /// The current count.
    pub fn count(&self) -> usize {
        *self.count.lock().unwrap()
    }

    /// Blocks until the count is zero; returns at once if it already is.
    pub fn wait(&self) {
        let count = self.count.lock().unwrap();
        let _zero = self.zero.wait_while(count, |n| *n > 0).unwrap();
    }

    /// Blocks until the count is zero or `timeout` has passed, in all.
    /// Returns `true` if the count reached zero, `false` on a timeout.
    pub fn wait_timeout(&self, timeout: Duration) -> bool {
        let count = self.count.lock().unwrap();
        let (count, _) = self
            .zero
            .wait_timeout_while(count, timeout, |n| *n > 0)
            .unwrap();
        *count == 0
    }
}

/// Run by `cargo xtask loom`: two threads count down while the main thread
/// waits; in every interleaving it wakes, and only after both.
#[cfg(all(loom, test))]
mod loom_model {
    use super::CountDownLatch;
    use loom::{sync::Arc, thread};

    #[test]
    fn wait_returns_after_every_count_down() {
        loom::model(|| {
            let latch = Arc::new(CountDownLatch::new(2));
            let counters: Vec<_> = (0..2)
                .map(|_| {
                    let latch = Arc::clone(&latch);
                    thread::spawn(move || latch.count_down())
                })
                .collect();
            latch.wait();
            assert_eq!(latch.count(), 0);
            for counter in counters {
                counter.join().unwrap();
            }
        });
    }
}
