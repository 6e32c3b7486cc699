//! Futures versus spawned tasks after a failure: `try_join_all` over futures
//! cancels the rest, as TaskGroup does; over `JoinHandle`s the tasks keep
//! running, as the other awaitables of `asyncio.gather` do.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Duration;
use tokio::time::sleep;

async fn job(id: u64, finished: Arc<AtomicUsize>) -> Result<u64, String> {
    sleep(Duration::from_millis(100 * id)).await;
    if id == 1 {
        return Err("job 1 failed".into());
    }
    // Relaxed is enough: the count publishes no other data, and the
    // current_thread runtime runs every job and `main` on one thread, so
    // program order puts each increment before the loads that follow it.
    finished.fetch_add(1, Relaxed);
    Ok(id)
}

// ANCHOR: main
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // Plain futures: the error drops the others, so they never finish.
    let finished = Arc::new(AtomicUsize::new(0));
    let futures = (0..4).map(|id| job(id, finished.clone()));
    let result = futures::future::try_join_all(futures).await;
    sleep(Duration::from_secs(1)).await; // give anything left time to finish
    let done = finished.load(Relaxed); // one thread: no ordering needed
    println!("futures: {result:?}, jobs finished in all: {done}");
    assert_eq!(done, 1); // only job 0, before the error

    // Spawned tasks: dropping a JoinHandle detaches its task; it runs on.
    let finished = Arc::new(AtomicUsize::new(0));
    let handles = (0..4).map(|id| tokio::spawn(job(id, finished.clone())));
    let result = futures::future::try_join_all(
        handles.map(|h| async { h.await.map_err(|e| e.to_string())? }),
    )
    .await;
    sleep(Duration::from_secs(1)).await;
    let done = finished.load(Relaxed);
    println!("tasks:   {result:?}, jobs finished in all: {done}");
    assert_eq!(done, 3); // jobs 0, 2 and 3
}
// ANCHOR_END: main
