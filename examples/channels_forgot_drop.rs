//! Forgetting `drop(tx)`: the receiving loop waits for a sender that `main` itself still holds.

use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

// ANCHOR: main
fn main() {
    let (tx, rx) = mpsc::channel::<u32>();
    let producers: Vec<_> = (0..3)
        .map(|id| {
            let tx = tx.clone();
            thread::spawn(move || tx.send(id).unwrap())
        })
        .collect();
    for p in producers {
        p.join().unwrap(); // every producer has finished and dropped its clone
    }

    // `for n in rx` would wait here forever. A timeout shows why.
    let mut received = 0;
    loop {
        match rx.recv_timeout(Duration::from_millis(200)) {
            Ok(_) => received += 1,
            Err(RecvTimeoutError::Timeout) => {
                println!("got {received} messages, then timed out: `for n in rx` would hang");
                break;
            }
            Err(RecvTimeoutError::Disconnected) => unreachable!("main still holds `tx`"),
        }
    }

    drop(tx); // the fix: drop main's own Sender
    println!("after drop(tx): {:?}", rx.recv());
}
// ANCHOR_END: main
