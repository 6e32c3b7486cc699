//! Cancellation you ask for, not impose: workers watch a `CancellationToken`
//! only while they wait for the next item, so every item they start is
//! finished; then they clean up and report how far they got.

// Workers 2 and 3 are cancelled at the same instant: their lines may swap.
// output: unordered

use std::time::Duration;
use tokio::task::JoinSet;
use tokio::time::{interval, sleep};
use tokio_util::sync::CancellationToken;

// ANCHOR: worker
async fn worker(id: u32, token: CancellationToken) -> (u32, u32, u32) {
    let mut queue = interval(Duration::from_millis(20)); // a new item every 20 ms
    let (mut started, mut finished) = (0, 0);
    loop {
        tokio::select! {
            biased; // check the token first, so a cancelled worker takes no new item
            _ = token.cancelled() => break,
            _ = queue.tick() => started += 1, // wait for the next item and take it
        }
        sleep(Duration::from_millis(30)).await; // the item's work: no token here
        finished += 1;
    }
    // The cleanup runs, and reports how far the worker got.
    println!("worker {id}: cancelled after starting {started} items, finishing {finished}");
    (id, started, finished)
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
    group.cancel(); // 2 and 3 are in the middle of an item
    sleep(Duration::from_millis(100)).await;
    root.cancel(); // reaches every child token, including worker 1's

    let mut results = set.join_all().await;
    results.sort();
    println!("(worker, started, finished): {results:?}");
    assert_eq!(results, [(1, 7, 7), (2, 4, 4), (3, 4, 4)]);
}
// ANCHOR_END: main
