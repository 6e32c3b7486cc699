//! # Solution: a ticket dispenser that never issues a ticket twice
//!
//! One atomic holds the next ticket. Every change to it is a single
//! read-modify-write (`fetch_update`, a `compare_exchange` loop), so the
//! check against the limit and the update can never be split by another
//! thread.

use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

/// Issues the tickets `0..limit`, each exactly once, to any number of threads.
#[derive(Debug)]
pub struct TicketDispenser {
    next: AtomicU64,
    limit: u64,
}

impl TicketDispenser {
    /// A dispenser whose tickets are `0..limit`.
    pub fn new(limit: u64) -> Self {
        TicketDispenser {
            next: AtomicU64::new(0),
            limit,
        }
    }

    /// The next ticket, or `None` once all `limit` tickets have been issued.
    /// Many threads may call it at the same time.
    pub fn take(&self) -> Option<u64> {
        self.take_block(1).map(|tickets| tickets.start)
    }

    /// `n` consecutive tickets at once, or `None` if fewer than `n` are left
    /// (or `n` is 0). When it returns `None` it issues nothing, so smaller
    /// requests can still succeed.
    pub fn take_block(&self, n: u64) -> Option<Range<u64>> {
        if n == 0 {
            return None;
        }
        // The closure is the check; `fetch_update` stores its result only if
        // `next` still holds the value the closure saw, and retries otherwise.
        let start = self
            .next
            .fetch_update(Relaxed, Relaxed, |next| {
                let end = next.checked_add(n)?;
                (end <= self.limit).then_some(end)
            })
            .ok()?;
        Some(start..start + n)
    }

    /// How many tickets are left. Another thread may take some at any moment,
    /// so the answer can be stale as soon as it is returned.
    pub fn remaining(&self) -> u64 {
        self.limit - self.next.load(Relaxed)
    }
}
