//! CPU-heavy work handed to rayon, its result awaited through a oneshot channel.

// How often the ticker ticks depends on timing; zero or not does not.
// output: mask ticked [1-9]\d* times
// miri: skip CPU-heavy: trial division of 200 000 numbers

use rayon::prelude::*;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;
use tokio::sync::oneshot;

/// CPU-bound: counts the primes below `n` by trial division, in parallel.
fn count_primes(n: u64) -> usize {
    let is_prime = |k: &u64| {
        *k >= 2
            && (2..)
                .take_while(|d| d * d <= *k)
                .all(|d| !k.is_multiple_of(d))
    };
    (0..n).into_par_iter().filter(is_prime).count()
}

// ANCHOR: offload
/// Runs `f` on rayon's pool; the task awaits the answer without blocking.
async fn on_rayon<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = oneshot::channel();
    rayon::spawn(move || {
        let _ = tx.send(f()); // Err only if the receiver is gone: nobody wants it
    });
    // A panic in a closure given to rayon::spawn aborts the process,
    // so if we are still here, f returned and its value was sent.
    rx.await.expect("the sender is dropped only after sending")
}
// ANCHOR_END: offload

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let ticks = Arc::new(AtomicU32::new(0));
    let counter = Arc::clone(&ticks);
    let ticker = tokio::spawn(async move {
        loop {
            tokio::time::sleep(Duration::from_millis(1)).await;
            counter.fetch_add(1, Ordering::Relaxed);
        }
    });
    let primes = on_rayon(|| count_primes(200_000)).await;
    println!("primes below 200 000: {primes}");
    assert_eq!(primes, 17_984);
    let ticked = ticks.load(Ordering::Relaxed);
    println!("meanwhile the ticker ticked {ticked} times");
    assert!(ticked > 0);
    ticker.abort();
}
// ANCHOR_END: main
