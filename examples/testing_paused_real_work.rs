//! A pitfall of the paused clock: work done outside the runtime takes no
//! virtual time, so a timeout around it fires at once. `spawn_blocking`
//! tells the runtime it is busy, which holds the clock.

use std::time::Duration;
use tokio::sync::oneshot;
use tokio::time::{Instant, timeout};

// ANCHOR: pitfall
fn slow_real_work() -> u32 {
    std::thread::sleep(Duration::from_millis(200)); // real time, not tokio's
    42
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // Wrong: the work runs on a plain thread the runtime knows nothing of.
    // The runtime is idle, so the clock jumps straight to the deadline.
    let (tx, rx) = oneshot::channel();
    let worker = std::thread::spawn(move || tx.send(slow_real_work()));
    let start = Instant::now();
    let plain = timeout(Duration::from_secs(5), rx).await;
    println!(
        "plain thread:   {plain:?} after {:?} virtual",
        start.elapsed()
    );
    let _ = worker.join(); // the work itself finishes, unobserved

    // Fix: spawn_blocking. While it runs, the clock does not auto-advance.
    let start = Instant::now();
    let blocking = timeout(
        Duration::from_secs(5),
        tokio::task::spawn_blocking(slow_real_work),
    )
    .await;
    let value = blocking.map(|joined| joined.unwrap());
    println!(
        "spawn_blocking: {value:?} after {:?} virtual",
        start.elapsed()
    );
    assert_eq!(value, Ok(42));
}
// ANCHOR_END: pitfall
