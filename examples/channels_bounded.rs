//! A bounded channel holds at most `bound` messages; a full one makes the sender wait.

use std::sync::mpsc::{self, TrySendError};
use std::thread;

// ANCHOR: main
fn main() {
    let (tx, rx) = mpsc::sync_channel::<u32>(2); // room for two messages

    for n in 1..=3 {
        match tx.try_send(n) {
            Ok(()) => println!("try_send({n}): Ok"),
            Err(TrySendError::Full(n)) => println!("try_send({n}): Full, {n} handed back"),
            Err(TrySendError::Disconnected(n)) => println!("try_send({n}): receiver gone"),
        }
    }

    // `send` on a full channel blocks until the receiver makes room.
    let producer = thread::spawn(move || {
        for n in 3..=5 {
            tx.send(n).unwrap();
        }
    });
    let received: Vec<u32> = rx.iter().collect(); // until the producer drops `tx`
    producer.join().unwrap();
    println!("received: {received:?}");
    assert_eq!(received, [1, 2, 3, 4, 5]);
}
// ANCHOR_END: main
