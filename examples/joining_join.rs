//! `join!` runs futures concurrently on one task: three simulated fetches take
//! as long as the slowest, not as long as all three added up.

use std::time::Duration;
use tokio::time::{Instant, sleep};

/// A stand-in for a network call: waits `ms` milliseconds, then answers.
async fn fetch(name: &str, ms: u64) -> String {
    sleep(Duration::from_millis(ms)).await;
    format!("{name} ({ms} ms)")
}

// The paused clock jumps straight to the next timer when every task waits, so
// the run is instant and the elapsed times are exact.
// ANCHOR: main
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let a = fetch("users", 300).await;
    let b = fetch("orders", 200).await;
    let c = fetch("prices", 100).await;
    println!("one after another: {a}, {b}, {c} in {:?}", start.elapsed());

    let start = Instant::now();
    let (a, b, c) = tokio::join!(
        fetch("users", 300),
        fetch("orders", 200),
        fetch("prices", 100),
    );
    println!("join!:             {a}, {b}, {c} in {:?}", start.elapsed());
    assert_eq!(start.elapsed(), Duration::from_millis(300));

    // A Vec of futures of one type: join_all, results in input order.
    let start = Instant::now();
    let names = ["a", "b", "c", "d"];
    let futures = names
        .iter()
        .zip([40, 10, 30, 20])
        .map(|(n, ms)| fetch(n, ms));
    let all: Vec<String> = futures::future::join_all(futures).await;
    println!("join_all:          {all:?} in {:?}", start.elapsed());
    assert_eq!(start.elapsed(), Duration::from_millis(40));
}
// ANCHOR_END: main
