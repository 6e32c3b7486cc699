//! Side by side with Python: an `async fn` runs nothing when called, and a runtime drives it.

// ANCHOR: main
async fn add_up(values: &[u64]) -> u64 {
    let mut total = 0;
    for value in values {
        tokio::task::yield_now().await; // a suspension point: the runtime may run others here
        total += value;
        println!("  added {value}, total {total}");
    }
    total
}

fn main() {
    // Rust has no built-in event loop: the runtime is a library, here tokio's.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("cannot start the tokio runtime");
    runtime.block_on(async {
        let future = add_up(&[1, 2, 3]); // creates a future; runs nothing
        println!("called add_up: nothing ran yet");
        let total = future.await;
        println!("awaited: total {total}");
        assert_eq!(total, 6);
    });
}
// ANCHOR_END: main
