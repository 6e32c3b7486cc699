//! A task that blocks its worker thread stops every other task on that thread:
//! scheduling between tasks is cooperative.

// How many ticks fit into the async sleep depends on timing.
// output: mask ticks during the async sleep: \d+

use std::time::{Duration, Instant};
use tokio::time::sleep;

// ANCHOR: main
/// Runs a ticker beside a task that sleeps for 100 ms, on one thread.
/// Returns how many ticks happened while that task slept.
fn ticks_during_sleep(blocking: bool) -> usize {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("cannot start the tokio runtime");
    runtime.block_on(async {
        let ticker = tokio::spawn(async {
            let mut ticks = Vec::new();
            for _ in 0..20 {
                sleep(Duration::from_millis(10)).await;
                ticks.push(Instant::now());
            }
            ticks
        });
        let sleeper = tokio::spawn(async move {
            let start = Instant::now();
            if blocking {
                std::thread::sleep(Duration::from_millis(100)); // blocks the thread
            } else {
                sleep(Duration::from_millis(100)).await; // suspends this task only
            }
            (start, Instant::now())
        });
        let (start, end) = sleeper.await.expect("the sleeper panicked");
        let ticks = ticker.await.expect("the ticker panicked");
        ticks.iter().filter(|t| start < **t && **t < end).count()
    })
}

fn main() {
    let blocked = ticks_during_sleep(true);
    println!("ticks during the blocking sleep: {blocked}");
    println!(
        "ticks during the async sleep: {}",
        ticks_during_sleep(false)
    );
    assert_eq!(blocked, 0);
}
// ANCHOR_END: main
