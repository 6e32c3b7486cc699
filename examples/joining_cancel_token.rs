//! Cancellation you ask for, not impose: workers watch a `CancellationToken`,
//! finish the item in hand, clean up, and report how far they got.

// Workers 2 and 3 are cancelled at the same instant: their lines may swap.
// output: unordered

use std::time::Duration;
use tokio::task::JoinSet;
use tokio::time::sleep;
use tokio_util::sync::CancellationToken;

// ANCHOR: worker
async fn worker(id: u32, token: CancellationToken) -> (u32, u32) {
    let mut done = 0;
    loop {
        tokio::select! {
            biased; // check the token first, so a cancelled worker stops at once
            _ = token.cancelled() => break,
            _ = sleep(Duration::from_millis(30)) => done += 1, // one item of work
        }
    }
    println!("worker {id}: cancelled, flushing {done} items"); // cleanup runs
    (id, done)
}
// ANCHOR_END: worker

// ANCHOR: main
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let root = CancellationToken::new();
    let mut set = JoinSet::new();
    set.spawn(worker(1, root.child_token()));
    let group = root.child_token(); // cancelling `group` stops 2 and 3 only
    set.spawn(worker(2, group.child_token()));
    set.spawn(worker(3, group.child_token()));

    sleep(Duration::from_millis(100)).await;
    group.cancel();
    sleep(Duration::from_millis(100)).await;
    root.cancel(); // reaches every child token, including worker 1's

    let mut results = set.join_all().await;
    results.sort();
    println!("items done per worker: {results:?}");
    assert_eq!(results, [(1, 6), (2, 3), (3, 3)]);
}
// ANCHOR_END: main
