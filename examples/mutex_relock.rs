//! Locking a `std::sync::Mutex` again on the thread that holds it never succeeds.

use std::sync::{Mutex, TryLockError};

struct Cart {
    items: Mutex<Vec<u32>>,
}

impl Cart {
    // ANCHOR: buggy
    fn total(&self) -> Option<u32> {
        // Real code would call `self.items.lock()` here. On a thread that already
        // holds the lock, that call never returns: it deadlocks or panics.
        // `try_lock` shows what that call would run into, without hanging.
        match self.items.try_lock() {
            Ok(items) => Some(items.iter().sum()),
            Err(TryLockError::WouldBlock) => None,
            Err(TryLockError::Poisoned(_)) => unreachable!("nothing panics here"),
        }
    }

    fn add(&self, price: u32) -> Option<u32> {
        let mut items = self.items.lock().unwrap();
        items.push(price);
        self.total() // locks `items` again: this thread already holds it
    }
    // ANCHOR_END: buggy

    // ANCHOR: fixed
    fn add_fixed(&self, price: u32) -> Option<u32> {
        self.items.lock().unwrap().push(price); // guard dropped at the `;`
        self.total()
    }

    fn add_locked_once(&self, price: u32) -> u32 {
        let mut items = self.items.lock().unwrap(); // the one lock
        Self::push_and_sum(&mut items, price) // the helper gets the data, not the lock
    }

    /// Works on the guarded data and never locks, so any method may call it.
    fn push_and_sum(items: &mut Vec<u32>, price: u32) -> u32 {
        items.push(price);
        items.iter().sum()
    }
    // ANCHOR_END: fixed
}

fn main() {
    let cart = Cart {
        items: Mutex::new(vec![5, 7]),
    };
    match cart.add(3) {
        Some(total) => println!("add: total {total}"),
        None => println!(
            "add: total() found the lock held by its own thread; lock() there would deadlock or panic"
        ),
    }
    println!("add_fixed: total {:?}", cart.add_fixed(10));
    println!("add_locked_once: total {}", cart.add_locked_once(8));
    assert_eq!(cart.total(), Some(33));
}
