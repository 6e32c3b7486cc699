//! What `#[tokio::main]` expands to: build a runtime, then `block_on` the body.

use std::time::Duration;

// ANCHOR: main
fn main() {
    let body = async {
        let handle = tokio::spawn(async {
            tokio::time::sleep(Duration::from_millis(10)).await;
            6 * 7
        });
        let answer = handle.await.expect("the task did not panic");
        println!("the task returned {answer}");
        assert_eq!(answer, 42);
    };
    tokio::runtime::Builder::new_multi_thread()
        .enable_all() // the IO and time drivers
        .build()
        .expect("Failed building the Runtime")
        .block_on(body);
}
// ANCHOR_END: main
