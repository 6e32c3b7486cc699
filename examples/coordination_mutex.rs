//! A tokio `Mutex` held across `.await` (one "connection", used by one task at
//! a time) beside a std `Mutex` that is locked and unlocked with no `.await`.

use std::sync::Arc;
use std::time::Duration;
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep};

// ANCHOR: main
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // A connection that one task at a time may use, across an `.await`.
    let conn = Arc::new(tokio::sync::Mutex::new(Vec::new())); // the ids that used it
    // Plain data, touched for an instant: the std Mutex is the right tool.
    let hits = Arc::new(std::sync::Mutex::new(0));

    let start = Instant::now();
    let mut tasks = JoinSet::new();
    for id in 0..5 {
        let (conn, hits) = (Arc::clone(&conn), Arc::clone(&hits));
        tasks.spawn(async move {
            let mut log = conn.lock().await; // waits without blocking the thread
            sleep(Duration::from_millis(10)).await; // "IO" while holding the lock
            log.push(id);
            drop(log);
            *hits.lock().unwrap() += 1; // lock, add, unlock: no `.await` in between
        });
    }
    tasks.join_all().await;

    println!("users in order: {:?}", conn.lock().await);
    println!("hits: {}", hits.lock().unwrap());
    println!("elapsed on the paused clock: {:?}", start.elapsed());
}
// ANCHOR_END: main
