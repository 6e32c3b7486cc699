//! What running many futures costs: `join_all` multiplexes them inside one
//! task; a `JoinSet` spawns a task for each. Both wait for N tiny futures.

// Timings depend on the machine; the book's run is a release build.
// output: release
// output: mask-durations
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick
// miri: skip measurement: 100 000 futures and tasks

use std::time::{Duration, Instant};
use tokio::task::{JoinSet, yield_now};

async fn tiny(i: u64) -> u64 {
    yield_now().await; // suspend once, as a real future would
    i
}

// ANCHOR: main
async fn with_join_all(n: u64) -> (u64, Duration) {
    let start = Instant::now();
    let sum = futures::future::join_all((0..n).map(tiny))
        .await
        .iter()
        .sum();
    (sum, start.elapsed())
}

async fn with_join_set(n: u64) -> (u64, Duration) {
    let start = Instant::now();
    let mut set = JoinSet::new();
    for i in 0..n {
        set.spawn(tiny(i));
    }
    let sum = set.join_all().await.iter().sum();
    (sum, start.elapsed())
}

#[tokio::main]
async fn main() {
    let n: u64 = match std::env::args().nth(1).as_deref() {
        None => 100_000,
        Some("--quick") => 1_000,
        Some(other) => {
            eprintln!("usage: joining_cost [--quick], not {other:?}");
            std::process::exit(2);
        }
    };
    let (a, t_join_all) = with_join_all(n).await;
    let (b, t_join_set) = with_join_set(n).await;
    assert_eq!((a, b), (n * (n - 1) / 2, n * (n - 1) / 2));
    let per = |t: Duration| t / n as u32;
    println!("{n} futures, each yields once");
    println!(
        "join_all (one task):     {t_join_all:>10.2?}, {:>8.1?} each",
        per(t_join_all)
    );
    println!(
        "JoinSet (a task each):   {t_join_set:>10.2?}, {:>8.1?} each",
        per(t_join_set)
    );
    let ratio = t_join_set.as_secs_f64() / t_join_all.as_secs_f64();
    println!("JoinSet / join_all: ratio {ratio:.1}");
}
// ANCHOR_END: main
