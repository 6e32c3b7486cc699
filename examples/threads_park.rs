//! `park` blocks a thread until another thread calls `unpark` on it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

// ANCHOR: main
fn main() {
    // An `unpark` that comes first is kept as a token, so `park` returns at once.
    thread::current().unpark();
    thread::park();
    println!("main: park after unpark returned at once");

    let ready = AtomicBool::new(false);
    thread::scope(|s| {
        let waiter = s.spawn(|| {
            // Park in a loop: `park` may also return spuriously, so check again.
            // Call nothing between the check and `park` that might park too,
            // not even `println!`: it could swallow our token.
            while !ready.load(Ordering::Acquire) {
                thread::park();
            }
            println!("waiter: saw the flag, going on");
        });

        println!("main: setting the flag, then unparking the waiter");
        ready.store(true, Ordering::Release); // first make the condition true,
        waiter.thread().unpark(); // then wake the thread that waits for it
    });
}
// ANCHOR_END: main
