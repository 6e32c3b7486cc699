//! A hybrid: async tasks take the requests and wait on IO, rayon does the
//! arithmetic, and a heartbeat task shows that the runtime stays responsive.

// How often the heartbeat beats depends on timing; zero or not does not.
// output: mask beat [1-9]\d* times
// miri: skip CPU-heavy: trial division for 8 requests

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;
use tokio::sync::oneshot;
use tokio::task::JoinSet;

/// CPU-bound: the number of primes below `n`, by trial division.
fn count_primes(n: u64) -> u64 {
    let is_prime = |k: u64| {
        k >= 2
            && (2..)
                .take_while(|d| d * d <= k)
                .all(|d| !k.is_multiple_of(d))
    };
    (0..n).filter(|&k| is_prime(k)).count() as u64
}

// ANCHOR: handle
/// One request: wait for "the network", then compute on rayon's pool.
async fn handle(request: u64) -> u64 {
    tokio::time::sleep(Duration::from_millis(5)).await; // IO: the task yields
    let (tx, rx) = oneshot::channel();
    rayon::spawn(move || {
        let _ = tx.send(count_primes(10_000 * request)); // CPU: on rayon
    });
    rx.await.expect("rayon sends before it drops the sender")
}
// ANCHOR_END: handle

// ANCHOR: main
#[tokio::main(flavor = "current_thread")] // one thread drives every task
async fn main() {
    let beats = Arc::new(AtomicU32::new(0));
    let counter = Arc::clone(&beats);
    let heartbeat = tokio::spawn(async move {
        loop {
            tokio::time::sleep(Duration::from_millis(1)).await;
            counter.fetch_add(1, Ordering::Relaxed);
        }
    });
    let mut requests = JoinSet::new();
    for request in 1..=8 {
        requests.spawn(async move { (request, handle(request).await) });
    }
    let mut answers = requests.join_all().await;
    answers.sort();
    for (request, primes) in &answers {
        println!(
            "request {request}: {primes} primes below {}",
            10_000 * request
        );
    }
    assert_eq!(answers[0].1, 1_229); // primes below 10 000
    let beat = beats.load(Ordering::Relaxed);
    println!("meanwhile the heartbeat beat {beat} times");
    assert!(beat > 0, "the runtime's only thread was blocked");
    heartbeat.abort();
}
// ANCHOR_END: main
