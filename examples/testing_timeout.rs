//! A test helper that turns a hang into a failure: run the work on its own
//! thread and wait for its result with a limit.

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

// ANCHOR: helper
/// Runs `work` on a new thread; gives up after `limit` instead of hanging.
fn within<T: Send + 'static>(
    limit: Duration,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, String> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = tx.send(work()); // the receiver may have given up already
    });
    match rx.recv_timeout(limit) {
        Ok(value) => Ok(value),
        Err(mpsc::RecvTimeoutError::Timeout) => Err(format!("still running after {limit:?}")),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err("the work panicked".into()),
    }
}
// ANCHOR_END: helper

fn main() {
    // ANCHOR: use
    let limit = Duration::from_millis(200);
    println!("quick: {:?}", within(limit, || 6 * 7));

    // A lost wake-up: the worker waits for a message nobody sends.
    let (never_tx, never_rx) = mpsc::channel::<()>();
    let hang = within(limit, move || never_rx.recv().is_ok());
    println!("hang:  {hang:?}");
    drop(never_tx); // only here: release the stuck thread so it can end

    // ANCHOR_END: use
    assert!(hang.is_err());
}
