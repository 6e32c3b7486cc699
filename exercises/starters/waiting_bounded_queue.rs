//! # Exercise: a bounded blocking queue
//!
//! Build [`BoundedQueue`], a first-in-first-out queue shared by producer and
//! consumer threads, from one `Mutex` and two `Condvar`s:
//!
//! - [`BoundedQueue::push`] blocks while the queue is full;
//! - [`BoundedQueue::pop`] blocks while it is empty;
//! - [`BoundedQueue::pop_timeout`] blocks at most for a given time.
//!
//! Test your attempt with `cargo test -p exercises --test waiting_bounded_queue`.

use std::collections::VecDeque;
use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// A FIFO queue that holds at most `capacity` items.
pub struct BoundedQueue<T> {
    items: Mutex<VecDeque<T>>,
    not_full: Condvar,
    not_empty: Condvar,
    capacity: usize,
}

impl<T> BoundedQueue<T> {
    /// Creates an empty queue that holds at most `capacity` items.
    ///
    /// # Panics
    ///
    /// If `capacity` is 0: such a queue could never accept an item.
    pub fn new(capacity: usize) -> Self {
        todo!("write this, then run: cargo test -p exercises --test waiting_bounded_queue")
    }

    /// Appends `item` at the back, first waiting as long as the queue is full.
    pub fn push(&self, item: T) {
        todo!("write this, then run: cargo test -p exercises --test waiting_bounded_queue")
    }

    /// Removes the item at the front, first waiting as long as the queue is
    /// empty.
    pub fn pop(&self) -> T {
        todo!("write this, then run: cargo test -p exercises --test waiting_bounded_queue")
    }

    /// Like [`pop`](Self::pop), but waits at most `timeout` in all (however
    /// many times the thread is woken) and returns `None` if the queue is
    /// still empty then.
    pub fn pop_timeout(&self, timeout: Duration) -> Option<T> {
        todo!("write this, then run: cargo test -p exercises --test waiting_bounded_queue")
    }

    /// The number of items in the queue now.
    pub fn len(&self) -> usize {
        todo!("write this, then run: cargo test -p exercises --test waiting_bounded_queue")
    }

    /// Whether the queue is empty now.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
