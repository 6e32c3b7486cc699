//! Collects the files whose `#[cfg(all(loom, test))]` modules hold the loom
//! models: every synchronisation primitive the book builds by hand.
//! Run with `cargo xtask loom`.
#![cfg(loom)]
#![allow(dead_code)] // each file's `main` and its other items are not used here

#[path = "../../exercises/solutions/atomics_once_flag.rs"]
mod atomics_once_flag;
#[path = "../../examples/atomics_spin_lock.rs"]
mod atomics_spin_lock;
#[path = "../../examples/futures_block_on.rs"]
mod futures_block_on;
#[path = "../../exercises/solutions/waiting_bounded_queue.rs"]
mod waiting_bounded_queue;
#[path = "../../examples/waiting_event.rs"]
mod waiting_event;
#[path = "../../exercises/solutions/waiting_latch.rs"]
mod waiting_latch;
#[path = "../../examples/waiting_semaphore.rs"]
mod waiting_semaphore;
