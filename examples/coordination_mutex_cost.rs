//! What the async mutex costs: tasks add to a shared counter under a std
//! `Mutex` and then under a tokio `Mutex`, with no `.await` inside the lock.

// Timings depend on the machine; the book's run is a release build.
// output: release
// output: mask \d+ increments
// The tests run fewer increments and take fewer samples: only the masked
// numbers change.
// output: test-args --quick
// miri: skip measurement: hundreds of thousands of lock operations

use harness::Harness;
use std::sync::Arc;
use std::time::{Duration, Instant};

const TASKS: u64 = 8;

async fn with_std(per_task: u64) -> Duration {
    let counter = Arc::new(std::sync::Mutex::new(0));
    let start = Instant::now();
    let tasks: Vec<_> = (0..TASKS)
        .map(|_| {
            let counter = Arc::clone(&counter);
            tokio::spawn(async move {
                for _ in 0..per_task {
                    *counter.lock().unwrap() += 1;
                }
            })
        })
        .collect();
    for t in tasks {
        t.await.unwrap();
    }
    assert_eq!(*counter.lock().unwrap(), TASKS * per_task);
    start.elapsed()
}

// ANCHOR: tokio
async fn with_tokio(per_task: u64) -> Duration {
    let counter = Arc::new(tokio::sync::Mutex::new(0));
    let start = Instant::now();
    let tasks: Vec<_> = (0..TASKS)
        .map(|_| {
            let counter = Arc::clone(&counter);
            tokio::spawn(async move {
                for _ in 0..per_task {
                    *counter.lock().await += 1;
                }
            })
        })
        .collect();
    for t in tasks {
        t.await.unwrap();
    }
    assert_eq!(*counter.lock().await, TASKS * per_task);
    start.elapsed()
}
// ANCHOR_END: tokio

fn main() {
    let h = Harness::from_args("coordination_mutex_cost");
    let per_task = if h.is_quick() { 500 } else { 50_000 };
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    let increments = (TASKS * per_task) as f64;
    let std = || runtime.block_on(with_std(per_task)).div_f64(increments);
    let tokio = || runtime.block_on(with_tokio(per_task)).div_f64(increments);
    println!("{TASKS} tasks x {per_task} increments; time per increment:");
    let a = h.sample_time("std::sync::Mutex", std);
    let b = h.sample_time("tokio::sync::Mutex", tokio);
    println!("  {a:20}\n  {b:20}");
    let ratio = h.sample("tokio / std", "×", || {
        tokio().as_secs_f64() / std().as_secs_f64()
    });
    println!("{ratio}");
}
