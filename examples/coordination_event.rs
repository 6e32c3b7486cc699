//! asyncio's `Event` in tokio: a `watch` channel holding a `bool`. Setting it
//! wakes every waiter, and it stays set for later waiters until it is cleared.
//! Unlike asyncio's, a `set` cleared at once can pass `wait_for` unseen.

use std::time::Duration;
use tokio::sync::watch;
use tokio::time::{sleep, timeout};

// ANCHOR: pulse
/// A pulse, `set` and at once `clear`, while a task waits in `wait_for`.
/// Returns whether that wait passed, and whether `changed` saw a value sent.
async fn pulse() -> (bool, bool) {
    let (event, rx) = watch::channel(false);
    let waiter = tokio::spawn(wait(rx)); // waits in `wait_for(|set| *set)`
    let mut watcher = event.subscribe(); // has seen the current value, `false`
    sleep(Duration::from_millis(1)).await; // the waiter is waiting now
    event.send_replace(true); // event.set()
    event.send_replace(false); // event.clear(), before the waiter runs again
    let passes = waiter.await.unwrap();
    let sent = timeout(Duration::from_millis(100), watcher.changed()).await;
    (passes, matches!(sent, Ok(Ok(()))))
}
// ANCHOR_END: pulse

// ANCHOR: main
/// `await event.wait()`, bounded: true if the flag was (or became) set within 100 ms.
async fn wait(mut rx: watch::Receiver<bool>) -> bool {
    let set = timeout(Duration::from_millis(100), rx.wait_for(|set| *set));
    matches!(set.await, Ok(Ok(_)))
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let (event, rx) = watch::channel(false); // Event(): the flag starts false

    let waiters: Vec<_> = (0..3).map(|_| tokio::spawn(wait(rx.clone()))).collect();
    sleep(Duration::from_millis(1)).await; // all three are waiting now
    event.send_replace(true); // event.set()
    let mut count = 0;
    for waiter in waiters {
        count += usize::from(waiter.await.unwrap());
    }
    println!("waiters woken by set: {count} of 3");
    println!(
        "a later wait, flag still set: passes = {}",
        wait(rx.clone()).await
    );

    event.send_replace(false); // event.clear()
    println!(
        "a wait after clear:           passes = {}",
        wait(rx.clone()).await
    );

    let (passes, sent) = pulse().await;
    println!("a wait during a pulse:        passes = {passes}");
    println!("changed() after the pulse:    a value was sent = {sent}");
    assert!(!passes && sent);

    // A watch keeps only the latest value: a receiver that looks late sees the last.
    let (config, mut seen) = watch::channel(0);
    for version in 1..=3 {
        config.send_replace(version);
    }
    println!(
        "versions sent: 3, version seen: {}",
        *seen.borrow_and_update()
    );
}
// ANCHOR_END: main
