//! # Exercise: a bounded ID allocator
//!
//! An [`IdRange`] hands out the IDs of one range, such as `1000..2000`, to
//! any number of threads: one at a time with [`IdRange::next`], or in blocks
//! with [`IdRange::take`]. No ID may be handed out twice, none outside the
//! range, and none may be lost. It is built on one `AtomicU64` and no lock.
//!
//! Test your attempt with `cargo test -p exercises --test atomics_id_range`.

use std::ops::Range;
use std::sync::atomic::AtomicU64;

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

    /// The next free ID, or `None` once every ID has been handed out. After
    /// the first `None`, every later call returns `None` too, however many
    /// times it is called (even for a range that ends at `u64::MAX`).
    pub fn next(&self) -> Option<u64> {
        todo!("write this, then run: cargo test -p exercises --test atomics_id_range")
    }

    /// A block of `n` consecutive free IDs, or `None` if fewer than `n` are
    /// left (or `n == 0`). All or nothing: a call that returns `None` hands
    /// out nothing, so the IDs it could not take stay available.
    pub fn take(&self, n: u64) -> Option<Range<u64>> {
        todo!("write this, then run: cargo test -p exercises --test atomics_id_range")
    }

    /// How many IDs are still free.
    pub fn remaining(&self) -> u64 {
        todo!("write this, then run: cargo test -p exercises --test atomics_id_range")
    }
}
