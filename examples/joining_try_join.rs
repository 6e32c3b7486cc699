//! `try_join!` stops at the first `Err` and drops the other futures, which
//! cancels them; `join!` always waits for every future.

use std::time::Duration;
use tokio::time::{Instant, sleep};

// ANCHOR: main
/// Prints a line when dropped before it was finished: that is cancellation.
struct Guard(&'static str, bool);

impl Drop for Guard {
    fn drop(&mut self) {
        if !self.1 {
            println!("  {} was cancelled", self.0);
        }
    }
}

async fn step(name: &'static str, ms: u64, fail: bool) -> Result<u64, String> {
    let mut guard = Guard(name, false);
    sleep(Duration::from_millis(ms)).await;
    guard.1 = true; // finished: no message
    if fail {
        return Err(format!("{name} failed after {ms} ms"));
    }
    println!("  {name} finished");
    Ok(ms)
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    println!("join!:");
    let start = Instant::now();
    let (a, b, c) = tokio::join!(
        step("a", 100, false),
        step("b", 50, true),
        step("c", 300, false),
    );
    println!("  -> {a:?} {b:?} {c:?} after {:?}", start.elapsed());

    println!("try_join!:");
    let start = Instant::now();
    let all = tokio::try_join!(
        step("a", 100, false),
        step("b", 50, true),
        step("c", 300, false),
    );
    println!("  -> {all:?} after {:?}", start.elapsed());
    assert_eq!(all, Err("b failed after 50 ms".to_string()));
    assert_eq!(start.elapsed(), Duration::from_millis(50));
}
// ANCHOR_END: main
