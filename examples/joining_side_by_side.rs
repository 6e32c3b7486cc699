//! `join!`: three waits at once; results in the order given, not the order finished.

use std::sync::Mutex;
use std::time::Duration;

// ANCHOR: main
static FINISHED: Mutex<Vec<&str>> = Mutex::new(Vec::new());

async fn fetch(name: &'static str, delay_ms: u64) -> &'static str {
    tokio::time::sleep(Duration::from_millis(delay_ms)).await; // a network call, say
    FINISHED.lock().unwrap().push(name);
    name
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let results = tokio::join!(fetch("a", 300), fetch("b", 100), fetch("c", 200));
    let finished = FINISHED.lock().unwrap().clone();
    println!("results {results:?} finished {finished:?}");
    assert_eq!(results, ("a", "b", "c"));
    assert_eq!(finished, ["b", "c", "a"]);
}
// ANCHOR_END: main
