//! Cooperative scheduling: a task that never awaits starves its neighbours.

// How many ticks a neighbour gets depends on timing; none at all does not.
// output: mask ticked [1-9]\d* times

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};
use tokio::time::sleep;

const TICK: Duration = Duration::from_millis(10);
const SPIN: Duration = Duration::from_millis(100);

// ANCHOR: greedy
/// Spins on the CPU for `SPIN`; with `cooperate`, it yields every 100 µs.
/// Returns how often the neighbour ticked meanwhile.
async fn greedy(ticks: &AtomicU32, cooperate: bool) -> u32 {
    let before = ticks.load(Ordering::Relaxed);
    let start = Instant::now();
    while start.elapsed() < SPIN {
        let chunk = Instant::now();
        while chunk.elapsed() < Duration::from_micros(100) {} // CPU work
        if cooperate {
            tokio::task::yield_now().await; // a point where the runtime may switch
        }
    }
    ticks.load(Ordering::Relaxed) - before
}
// ANCHOR_END: greedy

// ANCHOR: main
fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let ticks = Arc::new(AtomicU32::new(0));
        let counter = Arc::clone(&ticks);
        let neighbour = tokio::spawn(async move {
            loop {
                sleep(TICK).await; // wants to run every 10 ms
                counter.fetch_add(1, Ordering::Relaxed);
            }
        });
        sleep(TICK * 3).await; // let the neighbour get going
        println!("one thread, tasks switch only where they await");

        let starved = greedy(&ticks, false).await;
        println!("  greedy task that never awaits: neighbour ticked {starved} times");
        assert_eq!(starved, 0);

        let shared = greedy(&ticks, true).await;
        println!("  greedy task that yields: neighbour ticked {shared} times");
        assert!(shared > 0);
        neighbour.abort();
    });
}
// ANCHOR_END: main
