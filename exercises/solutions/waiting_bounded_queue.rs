//! # Solution: a bounded blocking queue
//!
//! One mutex guards the items; `not_full` wakes producers and `not_empty`
//! wakes consumers, so a notification always reaches a thread that can use it.

use std::collections::VecDeque;
use std::time::Duration;
// Chapter 23 model-checks this code with loom, which swaps in its own types.
#[cfg(loom)]
use loom_models::sync::{Condvar, Mutex};
#[cfg(not(loom))]
use std::sync::{Condvar, Mutex};

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
        assert!(capacity > 0, "a BoundedQueue needs a capacity above 0");
        Self {
            items: Mutex::new(VecDeque::with_capacity(capacity)),
            not_full: Condvar::new(),
            not_empty: Condvar::new(),
            capacity,
        }
    }

    /// Appends `item` at the back, first waiting as long as the queue is full.
    pub fn push(&self, item: T) {
        let items = self.items.lock().unwrap();
        let mut items = self
            .not_full
            .wait_while(items, |q| q.len() == self.capacity)
            .unwrap();
        items.push_back(item);
        drop(items);
        self.not_empty.notify_one(); // one item: one consumer can take it
    }

    /// Removes the item at the front, first waiting as long as the queue is
    /// empty.
    pub fn pop(&self) -> T {
        let items = self.items.lock().unwrap();
        let mut items = self.not_empty.wait_while(items, |q| q.is_empty()).unwrap();
        let item = items.pop_front().expect("not empty after wait_while");
        drop(items);
        self.not_full.notify_one(); // one free slot: one producer can fill it
        item
    }

    /// Like [`pop`](Self::pop), but waits at most `timeout` in all (however
    /// many times the thread is woken) and returns `None` if the queue is
    /// still empty then.
    pub fn pop_timeout(&self, timeout: Duration) -> Option<T> {
        let items = self.items.lock().unwrap();
        let (mut items, _) = self
            .not_empty
            .wait_timeout_while(items, timeout, |q| q.is_empty())
            .unwrap();
        let item = items.pop_front()?;
        drop(items);
        self.not_full.notify_one();
        Some(item)
    }

    /// The number of items in the queue now.
    pub fn len(&self) -> usize {
        self.items.lock().unwrap().len()
    }

    /// Whether the queue is empty now.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Run by `cargo xtask loom`: a producer pushes three items through a queue
/// of capacity 1 while the consumer pops them; in every interleaving they
/// arrive in order and nobody waits forever.
#[cfg(all(loom, test))]
mod loom_model {
    use super::BoundedQueue;
    use loom::{sync::Arc, thread};

    #[test]
    fn items_arrive_in_order_through_a_full_queue() {
        loom::model(|| {
            let queue = Arc::new(BoundedQueue::new(1));
            let producer = thread::spawn({
                let queue = Arc::clone(&queue);
                move || (1..=3).for_each(|i| queue.push(i))
            });
            let got: Vec<i32> = (0..3).map(|_| queue.pop()).collect();
            producer.join().unwrap();
            assert_eq!(got, [1, 2, 3]);
            assert!(queue.is_empty());
        });
    }
}
