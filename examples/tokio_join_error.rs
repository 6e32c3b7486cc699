//! A panic inside a task does not crash the program: `await` on its handle
//! returns a `JoinError` that carries the payload.

// A panic message names the thread's OS-level ID, which changes from run to run.
// output: mask \(\d+\)

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let handle = tokio::spawn(async {
        let parts: Vec<u32> = Vec::new();
        parts[0] // index out of bounds: this task panics
    });
    let err = handle.await.expect_err("the task panicked");
    println!("is_panic() = {}", err.is_panic());

    let payload = err.into_panic(); // the value panic! was called with
    let message = payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())
        .unwrap_or("(not a string)");
    println!("payload: {message}");

    let healthy = tokio::spawn(async { 1 + 1 }).await;
    println!("the runtime goes on: {healthy:?}");
    assert_eq!(healthy.expect("no panic"), 2);
}
// ANCHOR_END: main
