//! `std::thread::sleep` inside a task blocks the runtime's thread;
//! `spawn_blocking` moves it to a thread made for blocking.

// How often the ticker ticks depends on timing; zero or not does not.
// output: mask ticked [1-9]\d* times

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

// ANCHOR: main
const TICK: Duration = Duration::from_millis(10);
const WORK: Duration = Duration::from_millis(200);

/// A stand-in for a blocking call: a synchronous file read, a C library, a DNS lookup.
fn blocking_call() -> u32 {
    std::thread::sleep(WORK);
    7
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let ticks = Arc::new(AtomicU32::new(0));
    let counter = Arc::clone(&ticks);
    let ticker = tokio::spawn(async move {
        loop {
            tokio::time::sleep(TICK).await; // wants to run every 10 ms
            counter.fetch_add(1, Ordering::Relaxed);
        }
    });
    tokio::time::sleep(TICK * 3).await; // let the ticker get going

    let before = ticks.load(Ordering::Relaxed);
    let value = blocking_call(); // wrong: blocks the runtime's only thread
    let blocked = ticks.load(Ordering::Relaxed) - before;
    println!("blocking call in the task: ticker ticked {blocked} times");
    assert_eq!((value, blocked), (7, 0));

    let before = ticks.load(Ordering::Relaxed);
    let value = tokio::task::spawn_blocking(blocking_call) // right
        .await
        .expect("blocking_call does not panic");
    let freed = ticks.load(Ordering::Relaxed) - before;
    println!("blocking call in spawn_blocking: ticker ticked {freed} times");
    assert!(value == 7 && freed > 0);
    ticker.abort();
}
// ANCHOR_END: main
