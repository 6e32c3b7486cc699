//! Five Tokio tasks started at once, then awaited in order for their results.

use std::time::Duration;

// ANCHOR: main
async fn square(n: u64) -> u64 {
    tokio::time::sleep(Duration::from_millis(10)).await; // waits; other tasks run
    n * n
}

#[tokio::main]
async fn main() {
    let mut handles = Vec::new();
    for n in 0..5 {
        handles.push(tokio::spawn(square(n))); // starts now, like create_task
    }
    let mut results = Vec::new();
    for handle in handles {
        results.push(handle.await.expect("the task did not panic"));
    }
    println!("squares {results:?}");
    assert_eq!(results, [0, 1, 4, 9, 16]);
}
// ANCHOR_END: main
