//! `Notify` is not asyncio's `Event`: `notify_one` stores at most one permit,
//! and `notify_waiters` wakes only the tasks already waiting.

use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;
use tokio::time::{sleep, timeout};

// ANCHOR: main
/// Waits on `notify` for at most 100 ms (of the paused clock) and says whether it was woken.
async fn woken(notify: &Notify) -> bool {
    timeout(Duration::from_millis(100), notify.notified())
        .await
        .is_ok()
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let notify = Arc::new(Notify::new());

    // notify_one with nobody waiting stores one permit; a second call adds nothing.
    notify.notify_one();
    notify.notify_one();
    println!(
        "first wait after two notify_one: woken = {}",
        woken(&notify).await
    );
    println!(
        "second wait:                     woken = {}",
        woken(&notify).await
    );

    // notify_waiters wakes every task waiting right now, and stores nothing.
    let mut waiters = Vec::new();
    for _ in 0..3 {
        let notify = Arc::clone(&notify);
        waiters.push(tokio::spawn(async move { woken(&notify).await }));
    }
    sleep(Duration::from_millis(1)).await; // let all three start waiting
    notify.notify_waiters();
    let mut count = 0;
    for waiter in waiters {
        count += usize::from(waiter.await.unwrap());
    }
    println!("waiters woken by notify_waiters: {count} of 3");
    println!(
        "a wait that starts afterwards:   woken = {}",
        woken(&notify).await
    );
}
// ANCHOR_END: main
