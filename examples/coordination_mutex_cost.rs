//! What the async mutex costs: tasks add to a shared counter under a std
//! `Mutex` and then under a tokio `Mutex`, with no `.await` inside the lock.

// Timings depend on the machine; the book's run is a release build.
// output: release
// output: mask-durations
// output: mask \d+\.\d+x
// output: mask \d+ increments
// The tests run fewer increments: only the masked numbers change.
// output: test-args --quick
// miri: skip measurement: hundreds of thousands of lock operations

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

#[tokio::main]
async fn main() {
    let per_task = match std::env::args().nth(1).as_deref() {
        None => 250_000,
        Some("--quick") => 2_000,
        Some(other) => {
            eprintln!("unknown argument {other:?}; the only one is --quick");
            std::process::exit(2);
        }
    };
    let std_time = with_std(per_task).await;
    let tokio_time = with_tokio(per_task).await;
    println!("{TASKS} tasks x {per_task} increments");
    println!("std::sync::Mutex:   {std_time:?}");
    println!("tokio::sync::Mutex: {tokio_time:?}");
    let ratio = tokio_time.as_secs_f64() / std_time.as_secs_f64();
    println!("tokio / std: {ratio:.2}x");
}
