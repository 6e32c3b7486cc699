//! Side by side with Python: a task that never awaits starves its neighbour.

use std::time::{Duration, Instant};
use tokio::time::sleep;

// ANCHOR: main
async fn neighbour(until: Instant) -> Vec<Instant> {
    let mut ticks = Vec::new();
    while Instant::now() < until {
        sleep(Duration::from_millis(10)).await; // wants to run every 10 ms
        ticks.push(Instant::now());
    }
    ticks
}

fn main() {
    // One thread runs every task, as an asyncio event loop does.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let task = tokio::spawn(neighbour(Instant::now() + Duration::from_millis(200)));
        sleep(Duration::from_millis(30)).await; // let the neighbour get going
        let (start, spin) = (Instant::now(), Duration::from_millis(100));
        while start.elapsed() < spin {} // CPU work that never awaits
        let end = Instant::now();
        let ticks = task.await.expect("the neighbour finishes");
        let during = ticks.iter().filter(|&&t| start <= t && t < end).count();
        println!("neighbour ticks while spinning: {during}");
        assert_eq!(during, 0);
    });
}
// ANCHOR_END: main
