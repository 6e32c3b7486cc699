//! Dropping a `JoinHandle` detaches the task; `abort` cancels it.

use std::time::Duration;
use tokio::sync::oneshot;
use tokio::time::{sleep, timeout};

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // Drop the handle: the task is detached, not cancelled.
    let (tx, rx) = oneshot::channel();
    let handle = tokio::spawn(async move {
        sleep(Duration::from_millis(20)).await;
        tx.send("finished anyway").expect("main is listening");
    });
    drop(handle);
    let message = timeout(Duration::from_secs(5), rx).await;
    let message = message.expect("in time").expect("the task sent");
    println!("dropped handle: the task {message}");

    // Abort: the task stops at its next .await and never resumes.
    let (tx, rx) = oneshot::channel::<&str>();
    let handle = tokio::spawn(async move {
        sleep(Duration::from_secs(3600)).await;
        tx.send("woke up").expect("unreachable");
    });
    handle.abort();
    let err = handle.await.expect_err("an aborted task has no value");
    println!("aborted: is_cancelled() = {}", err.is_cancelled());
    // The task's future was dropped, and with it the sender:
    println!("its sender was dropped: {}", rx.await.is_err());
}
// ANCHOR_END: main
