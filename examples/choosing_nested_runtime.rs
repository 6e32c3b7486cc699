//! A synchronous library function that starts its own runtime panics when it
//! is called from inside a task; called through `spawn_blocking`, it works.

// miri: skip starts runtimes and a blocking thread

use std::panic::{self, AssertUnwindSafe};

// ANCHOR: library
/// A "blocking" wrapper, as some client libraries offer: it builds a
/// runtime and blocks the calling thread until its future is done.
fn fetch_blocking() -> u32 {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async { 7 })
}
// ANCHOR_END: library

/// Runs `f`, which must panic, and returns the first line of its message.
fn panic_message(f: fn() -> u32) -> String {
    panic::set_hook(Box::new(|_| {})); // we print the message ourselves
    let caught = panic::catch_unwind(AssertUnwindSafe(f));
    let payload = caught.expect_err("block_on inside a runtime panics");
    let message = (payload.downcast_ref::<&str>().copied())
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("?");
    let _ = panic::take_hook();
    message.lines().next().unwrap_or("").to_string()
}

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // Wrong: called straight from a task.
    println!("from a task: panicked: {}", panic_message(fetch_blocking));
    // Right: on a blocking thread, outside the runtime's scheduler.
    let value = tokio::task::spawn_blocking(fetch_blocking)
        .await
        .expect("no panic");
    println!("from spawn_blocking: {value}");
    assert_eq!(value, 7);
}
// ANCHOR_END: main
