//! The fix for `joining_lost_message`: race only a cancel-safe `recv()` in the
//! `select!`, and keep the half-received message in the loop's own state.

use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::{interval, sleep};

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
    let mut ticks = interval(Duration::from_millis(50));
    let (mut messages, mut broken) = (0, 0);
    let mut header: Option<u32> = None; // survives every cancelled recv()
    loop {
        tokio::select! {
            part = rx.recv() => match (part, header.take()) {
                (None, _) => break,
                (Some(h), None) => header = Some(h), // wait for the body
                (Some(b), Some(h)) if h % 2 == 0 && b == h + 1 => messages += 1,
                (Some(_), Some(_)) => broken += 1,
            },
            _ = ticks.tick() => {}
        }
    }
    println!("sent 10 messages, received {messages} whole and {broken} broken");
    assert_eq!((messages, broken), (10, 0));
}
// ANCHOR_END: main
