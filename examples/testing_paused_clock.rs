//! tokio's paused clock: an hour of sleeps, timeouts and interval ticks runs
//! in an instant, because the clock jumps to the next timer whenever the
//! runtime has nothing else to do.

// The real time the run took varies; the virtual time does not.
// output: mask real time elapsed: .*

use std::future::pending;
use std::time::Duration;
use tokio::time::{self, Instant};

// ANCHOR: paused
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let real = std::time::Instant::now(); // std's clock is not paused
    let start = Instant::now(); // tokio's clock is

    time::sleep(Duration::from_secs(30 * 60)).await; // half an hour

    // A timeout on a future that never completes: it fires after 10 minutes.
    let result = time::timeout(Duration::from_secs(10 * 60), pending::<()>()).await;
    println!("timeout fired: {}", result.is_err());

    // An interval: the first tick is immediate, then one a minute.
    let mut every_minute = time::interval(Duration::from_secs(60));
    for _ in 0..21 {
        every_minute.tick().await;
    }

    let virtual_elapsed = start.elapsed();
    println!("virtual time elapsed: {virtual_elapsed:?}");
    println!("real time elapsed: {:?}", real.elapsed());
    assert_eq!(virtual_elapsed, Duration::from_secs(3600));
}
// ANCHOR_END: paused
