//! Does not compile: a `std::sync::MutexGuard` held across `.await` makes the
//! task's future `!Send`, and `tokio::spawn` may move a task between threads.

use std::sync::{Arc, Mutex};
use std::time::Duration;

#[tokio::main]
async fn main() {
    let hits = Arc::new(Mutex::new(0));
    let task_hits = Arc::clone(&hits);
    let task = tokio::spawn(async move {
        let mut guard = task_hits.lock().unwrap();
        tokio::time::sleep(Duration::from_millis(1)).await; // the guard is still alive here
        *guard += 1;
    });
    task.await.unwrap();
    println!("hits: {}", hits.lock().unwrap());
}
