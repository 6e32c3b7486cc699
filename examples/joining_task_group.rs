//! A TaskGroup in Rust: spawn into a `JoinSet`, abort the rest on the first
//! error, and still collect every error that happened.

use std::time::Duration;
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep};

async fn job(id: u64) -> Result<u64, String> {
    let ms = [300, 100, 100, 500][id as usize];
    sleep(Duration::from_millis(ms)).await;
    match id {
        1 | 2 => Err(format!("job {id} failed")), // both fail at 100 ms
        _ => Ok(id),
    }
}

// ANCHOR: main
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let mut set = JoinSet::new();
    for id in 0..4 {
        set.spawn(job(id));
    }
    let (mut values, mut errors, mut cancelled) = (Vec::new(), Vec::new(), 0);
    while let Some(joined) = set.join_next().await {
        match joined {
            Ok(Ok(value)) => values.push(value),
            Ok(Err(error)) => {
                if errors.is_empty() {
                    set.abort_all(); // first failure: cancel the others
                }
                errors.push(error);
            }
            Err(e) if e.is_cancelled() => cancelled += 1,
            Err(e) => std::panic::resume_unwind(e.into_panic()),
        }
    }
    errors.sort(); // the two failures finished at the same instant
    println!("values {values:?}, errors {errors:?}, cancelled {cancelled}");
    println!("done after {:?}", start.elapsed());
    assert_eq!(errors, ["job 1 failed", "job 2 failed"]);
    assert_eq!((values.len(), cancelled), (0, 2));
}
// ANCHOR_END: main
