//! A second read lock on the same thread can block behind a waiting writer: a deadlock.
//! On Linux, std's `RwLock` lets no new reader in while a writer waits.

use std::sync::{RwLock, TryLockError};
use std::thread;
use std::time::{Duration, Instant};

// ANCHOR: main
fn main() {
    let table = RwLock::new(vec![1, 2, 3]);

    thread::scope(|s| {
        let first = table.read().unwrap(); // this thread holds a read lock
        let writer = s.spawn(|| table.write().unwrap().push(4)); // waits for `first`

        // A second read on this thread: would it get in? Ask without blocking,
        // until the writer has started waiting, or for at most 8 seconds.
        let deadline = Instant::now() + Duration::from_secs(8);
        let verdict = loop {
            match table.try_read() {
                Err(TryLockError::WouldBlock) => {
                    break "WouldBlock: a writer is waiting, so read() would deadlock";
                }
                Ok(_) | Err(TryLockError::Poisoned(_)) if Instant::now() > deadline => {
                    break "Ok: this platform lets readers pass a waiting writer";
                }
                _ => thread::sleep(Duration::from_millis(1)),
            }
        };
        println!("second read while holding one: {verdict}");

        drop(first); // let the writer in, or it would wait forever
        writer.join().unwrap();
    });
    println!("after the writer: {:?}", table.read().unwrap());
}
// ANCHOR_END: main
