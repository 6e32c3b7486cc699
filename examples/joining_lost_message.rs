//! Cancel safety: a future that is not cancel safe, raced in a `select!` loop,
//! loses data whenever another branch wins while it is half done.

use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::{interval, sleep};

// ANCHOR: recv_pair
/// A message arrives in two parts: a header, then a body.
async fn recv_message(rx: &mut mpsc::Receiver<u32>) -> Option<(u32, u32)> {
    let header = rx.recv().await?;
    let body = rx.recv().await?; // if dropped here, `header` is gone for good
    Some((header, body))
}
// ANCHOR_END: recv_pair

// ANCHOR: main
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let (tx, mut rx) = mpsc::channel(16);
    tokio::spawn(async move {
        for i in 0..10 {
            tx.send(i * 2).await.unwrap(); // header
            sleep(Duration::from_millis(20)).await;
            tx.send(i * 2 + 1).await.unwrap(); // body
            sleep(Duration::from_millis(20)).await;
        }
    });
    let mut ticks = interval(Duration::from_millis(50)); // e.g. a heartbeat
    let (mut messages, mut broken) = (0, 0);
    loop {
        tokio::select! {
            message = recv_message(&mut rx) => match message {
                Some((h, b)) if h % 2 == 0 && b == h + 1 => messages += 1,
                Some(_) => broken += 1, // a body taken for a header
                None => break,
            },
            _ = ticks.tick() => {} // dropping recv_message's future here loses a part
        }
    }
    println!("sent 10 messages, received {messages} whole and {broken} broken");
    assert!(messages < 10);
}
// ANCHOR_END: main
