//! `broadcast`: every receiver gets every message, from a ring of fixed
//! capacity. A receiver that falls behind by more than that loses the oldest.

use tokio::sync::broadcast::{self, error::RecvError};

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut fast) = broadcast::channel(4); // keeps the last 4 messages
    let mut slow = tx.subscribe();

    let mut fast_got = Vec::new();
    for n in 1..=10 {
        tx.send(n).unwrap(); // never waits: the oldest message is overwritten
        fast_got.push(fast.recv().await.unwrap()); // keeps up with every send
    }
    drop(tx); // no more senders: receivers get `Closed` after the backlog

    let mut slow_got = Vec::new();
    loop {
        match slow.recv().await {
            Ok(n) => slow_got.push(n),
            Err(RecvError::Lagged(missed)) => println!("slow receiver: lagged, missed {missed}"),
            Err(RecvError::Closed) => break,
        }
    }
    println!("fast receiver got: {fast_got:?}");
    println!("slow receiver got: {slow_got:?}");
}
// ANCHOR_END: main
