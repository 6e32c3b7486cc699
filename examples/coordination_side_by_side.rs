//! Five futures take turns on one tokio `Mutex`, each holding it across an
//! `.await`: the Rust twin of `listings/python/coordination_side_by_side.py`.

use futures::future::join_all;
use std::time::Duration;
use tokio::sync::Mutex;
use tokio::time::{Instant, sleep};

// ANCHOR: main
async fn worker(lock: &Mutex<Vec<u32>>, n: u32) {
    let mut log = lock.lock().await; // fair: waiters get the lock in FIFO order
    sleep(Duration::from_millis(10)).await; // "IO" while holding it
    log.push(n); // the guard is the only way to the list
} // the guard is dropped here: the lock goes to the next task in line

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let (lock, start) = (Mutex::new(Vec::new()), Instant::now());
    join_all((0..5).map(|n| worker(&lock, n))).await;
    let log = lock.into_inner();
    println!("{log:?}");
    println!("elapsed on the paused clock: {:?}", start.elapsed());
    assert_eq!(log, [0, 1, 2, 3, 4]);
    assert_eq!(start.elapsed(), Duration::from_millis(50));
}
// ANCHOR_END: main
