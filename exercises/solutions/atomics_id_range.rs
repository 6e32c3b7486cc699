//! # Solution: a bounded ID allocator
//!
//! Every change to `next` is a compare-and-exchange loop (`try_update`) that
//! refuses to go past `end`, so the counter never overshoots or wraps.

use std::ops::Range;
use std::sync::atomic::AtomicU64;
use std::sync::atomic::Ordering::Relaxed;

/// The IDs of one range, handed out at most once each.
pub struct IdRange {
    /// The next ID to hand out; `end` once all are gone. Never above `end`.
    next: AtomicU64,
    end: u64,
}

impl IdRange {
    /// All the IDs of `ids` are available (none if the range is empty).
    pub fn new(ids: Range<u64>) -> Self {
        Self {
            next: AtomicU64::new(ids.start),
            end: ids.end.max(ids.start),
        }
    }

    /// The next free ID, or `None` once every ID has been handed out.
    pub fn next(&self) -> Option<u64> {
        // `Relaxed` is enough: the IDs publish no other data, and the
        // compare-exchange alone makes each value go to one caller.
        self.next
            .try_update(Relaxed, Relaxed, |id| (id < self.end).then(|| id + 1))
            .ok()
    }

    /// A block of `n` consecutive free IDs, or `None` if fewer than `n` are
    /// left (or `n == 0`). All or nothing.
    pub fn take(&self, n: u64) -> Option<Range<u64>> {
        // `id <= end` always holds, so `end - id` cannot underflow.
        let start = self
            .next
            .try_update(Relaxed, Relaxed, |id| {
                (n > 0 && self.end - id >= n).then(|| id + n)
            })
            .ok()?;
        Some(start..start + n)
    }

    /// How many IDs are still free.
    pub fn remaining(&self) -> u64 {
        self.end - self.next.load(Relaxed)
    }
}
