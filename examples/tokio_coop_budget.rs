//! Cooperative budgeting: a loop over a channel that is always ready still
//! yields now and then, because Tokio's resources return `Pending` once the
//! task's budget is spent. `unconstrained` switches the budget off.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use tokio::sync::mpsc;

const MESSAGES: usize = 1_000;

// ANCHOR: drain
/// Drains a channel holding `MESSAGES` messages, while a neighbour task waits
/// to run. Returns how many messages were received before the neighbour ran.
async fn drain(constrained: bool) -> usize {
    let (tx, mut rx) = mpsc::unbounded_channel();
    for i in 0..MESSAGES {
        tx.send(i).expect("rx is alive");
    }
    drop(tx);
    let ran = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&ran);
    tokio::spawn(async move { flag.store(true, Ordering::Relaxed) });

    let consume = async move {
        let mut received = 0;
        // Every recv() is ready at once: this loop never has to wait.
        while rx.recv().await.is_some() {
            if ran.load(Ordering::Relaxed) {
                break;
            }
            received += 1;
        }
        received
    };
    if constrained {
        consume.await
    } else {
        tokio::task::unconstrained(consume).await
    }
}
// ANCHOR_END: drain

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let with_budget = tokio::spawn(drain(true)).await.expect("no panic");
    println!("with the budget: the neighbour ran after {with_budget} messages");
    assert!(with_budget < MESSAGES);

    let without = tokio::spawn(drain(false)).await.expect("no panic");
    println!("unconstrained:   the neighbour ran after {without} messages");
    assert_eq!(without, MESSAGES);
}
// ANCHOR_END: main
