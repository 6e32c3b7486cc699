//! Side by side with Python: a consumer thread waits on a `Condvar` until an item arrives.

use std::sync::{Condvar, Mutex};
use std::thread;

// ANCHOR: main
fn main() {
    let items = Mutex::new(Vec::new()); // the state, owned by the lock
    let changed = Condvar::new(); // the signal that the state changed
    thread::scope(|s| {
        let consumer = s.spawn(|| {
            let mut guard = items.lock().unwrap();
            while guard.is_empty() {
                // check, and check again after every wake-up
                guard = changed.wait(guard).unwrap(); // unlock, sleep, lock again
            }
            guard.remove(0)
        });
        items.lock().unwrap().push(42); // change the state under the lock...
        changed.notify_one(); // ...then wake the waiter
        let got = consumer.join().unwrap();
        println!("consumer got {got}");
        assert_eq!(got, 42);
    });
}
// ANCHOR_END: main
