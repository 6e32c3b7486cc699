//! `select!` waits for the first of several futures and drops the others;
//! `tokio::time::timeout` is the common case of it, a race against a timer.

use std::time::Duration;
use tokio::time::{Instant, sleep, timeout};

async fn fetch(name: &'static str, ms: u64) -> &'static str {
    sleep(Duration::from_millis(ms)).await;
    name
}

// ANCHOR: main
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    // Ask two mirrors, keep the first answer; the slower request is dropped.
    let winner = tokio::select! {
        name = fetch("mirror-eu", 120) => name,
        name = fetch("mirror-us", 80) => name,
    };
    println!("first answer from {winner} after {:?}", start.elapsed());
    assert_eq!(winner, "mirror-us");

    // A race against a timer, written out with select!...
    let start = Instant::now();
    let answer = tokio::select! {
        name = fetch("slow-db", 500) => Some(name),
        _ = sleep(Duration::from_millis(200)) => None,
    };
    println!(
        "select! with a timer: {answer:?} after {:?}",
        start.elapsed()
    );

    // ...and the same with timeout(), which returns Err(Elapsed) on expiry.
    let start = Instant::now();
    let result = timeout(Duration::from_millis(200), fetch("slow-db", 500)).await;
    println!("timeout(): {result:?} after {:?}", start.elapsed());
    assert!(result.is_err());
    let result = timeout(Duration::from_millis(200), fetch("fast-db", 50)).await;
    println!("timeout(): {result:?}");
    assert_eq!(result, Ok("fast-db"));
}
// ANCHOR_END: main
