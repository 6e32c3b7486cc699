//! What running many futures costs: `join_all` multiplexes them inside one
//! task; a `JoinSet` spawns a task for each. Both wait for N tiny futures.

// Timings depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick
// miri: skip measurement: 100 000 futures and tasks

use harness::Harness;
use std::time::{Duration, Instant};
use tokio::task::{JoinSet, yield_now};

async fn tiny(i: u64) -> u64 {
    yield_now().await; // suspend once, as a real future would
    i
}

// ANCHOR: jobs
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
// ANCHOR_END: jobs

fn main() {
    let h = Harness::from_args("joining_cost");
    let n: u64 = if h.is_quick() { 1_000 } else { 100_000 };
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    // Checks the sum of one run and returns its time per future.
    let per_future = |(sum, took): (u64, Duration)| {
        assert_eq!(sum, n * (n - 1) / 2);
        took.div_f64(n as f64)
    };
    let join_all = || per_future(runtime.block_on(with_join_all(n)));
    let join_set = || per_future(runtime.block_on(with_join_set(n)));
    println!("{n} futures at once, each yields once; time per future:");
    let a = h.sample_time("join_all (one task)", join_all);
    let b = h.sample_time("JoinSet (a task each)", join_set);
    println!("  {a:22}\n  {b:22}");
    let ratio = h.sample("JoinSet / join_all", "×", || {
        join_set().as_secs_f64() / join_all().as_secs_f64()
    });
    println!("{ratio}");
}
