//! 100 jobs spawned at once, but a `Semaphore` with 2 permits lets only 2 run
//! at any moment: the asyncio "100 API calls, 2 at a time" pattern.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep};

// ANCHOR: main
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let permits = Arc::new(Semaphore::new(2));
    let running = Arc::new(AtomicUsize::new(0));
    let peak = Arc::new(AtomicUsize::new(0));

    let start = Instant::now();
    let mut jobs = JoinSet::new();
    for job in 0..100 {
        let (permits, running, peak) = (permits.clone(), running.clone(), peak.clone());
        jobs.spawn(async move {
            let _permit = permits.acquire().await.unwrap(); // waits for a free slot
            // Relaxed: the counts publish nothing, and the current_thread
            // runtime runs every task and `main` on one thread.
            let now = running.fetch_add(1, Ordering::Relaxed) + 1;
            peak.fetch_max(now, Ordering::Relaxed);
            sleep(Duration::from_millis(10)).await; // the API call
            running.fetch_sub(1, Ordering::Relaxed);
            job
        }); // `_permit` is dropped here: the slot goes to the next job in line
    }
    let done = jobs.join_all().await;

    println!("jobs done: {}", done.len());
    let peak = peak.load(Ordering::Relaxed); // every job has ended
    println!("most running at once: {peak}");
    println!("elapsed on the paused clock: {:?}", start.elapsed());
    assert_eq!(peak, 2);
}
// ANCHOR_END: main
