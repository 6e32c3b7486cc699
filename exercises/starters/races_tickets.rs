//! # Exercise: a ticket dispenser that never issues a ticket twice
//!
//! A dispenser hands out the tickets `0, 1, …, limit - 1` to any number of
//! threads, each ticket exactly once, and then nothing. A first version kept
//! the next ticket in an `AtomicU64` and did this:
//!
//! ```text
//! let next = self.next.load(Relaxed);   // check...
//! if next >= self.limit {
//!     return None;
//! }
//! self.next.store(next + 1, Relaxed);   // ...then act: another thread may
//! Some(next)                            // have loaded the same `next`
//! ```
//!
//! Two threads that load the same `next` both get that ticket, and the count
//! of issued tickets comes out short: a lost update. Write a dispenser that
//! cannot do that:
//!
//! 1. Choose the field(s) of [`TicketDispenser`].
//! 2. Write [`TicketDispenser::new`], [`TicketDispenser::take`],
//!    [`TicketDispenser::take_block`] and [`TicketDispenser::remaining`].
//!
//! `take_block` is all or nothing: it must not use up tickets when it fails,
//! so a `fetch_add` that overshoots the limit is not enough there.
//!
//! Test your attempt with `cargo test -p exercises --test races_tickets`.

use std::ops::Range;

/// Issues the tickets `0..limit`, each exactly once, to any number of threads.
#[derive(Debug)]
pub struct TicketDispenser {
    // Your field(s) here.
}

impl TicketDispenser {
    /// A dispenser whose tickets are `0..limit`.
    pub fn new(limit: u64) -> Self {
        todo!("write this, then run: cargo test -p exercises --test races_tickets")
    }

    /// The next ticket, or `None` once all `limit` tickets have been issued.
    /// Many threads may call it at the same time.
    pub fn take(&self) -> Option<u64> {
        todo!("write this, then run: cargo test -p exercises --test races_tickets")
    }

    /// `n` consecutive tickets at once, or `None` if fewer than `n` are left
    /// (or `n` is 0). When it returns `None` it issues nothing, so smaller
    /// requests can still succeed.
    pub fn take_block(&self, n: u64) -> Option<Range<u64>> {
        todo!("write this, then run: cargo test -p exercises --test races_tickets")
    }

    /// How many tickets are left. Another thread may take some at any moment,
    /// so the answer can be stale as soon as it is returned.
    pub fn remaining(&self) -> u64 {
        todo!("write this, then run: cargo test -p exercises --test races_tickets")
    }
}
