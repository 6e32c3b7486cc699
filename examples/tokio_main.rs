//! `#[tokio::main]`: an async `main`, run on a multi-thread runtime.

use std::time::Duration;

// ANCHOR: main
#[tokio::main]
async fn main() {
    let metrics = tokio::runtime::Handle::current().metrics();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    // One worker thread per core, unless TOKIO_WORKER_THREADS says otherwise.
    println!(
        "worker threads == cores: {}",
        metrics.num_workers() == cores
    );

    let handle = tokio::spawn(async {
        tokio::time::sleep(Duration::from_millis(10)).await;
        6 * 7
    });
    let answer = handle.await.expect("the task did not panic");
    println!("the task returned {answer}");
    assert_eq!(answer, 42);
}
// ANCHOR_END: main
