//! Tests for the exercise `tokio_rayon_compute`. They check values, which
//! thread ran the closure, panics, and that the runtime's thread stays
//! free, never how long anything took.

// rayon's pool threads never exit (a leak to Miri), and crossbeam-epoch, under
// rayon, breaks Miri's default Stacked Borrows rules but not Tree Borrows (crossbeam#545).
// miri: flags -Zmiri-tree-borrows -Zmiri-ignore-leaks

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use exercises::tokio_rayon_compute::compute;
use tokio::time::timeout;

const LIMIT: Duration = Duration::from_secs(10);

#[tokio::test]
async fn returns_the_value() {
    let got = timeout(LIMIT, compute(|| (1..=100u64).sum::<u64>())).await;
    assert_eq!(got.expect("in time").expect("no panic"), 5050);
}

#[tokio::test]
async fn runs_on_a_rayon_worker() {
    let caller = std::thread::current().id();
    let got = timeout(
        LIMIT,
        compute(move || {
            let on_rayon = rayon::current_thread_index().is_some();
            (on_rayon, std::thread::current().id() != caller)
        }),
    )
    .await;
    let (on_rayon, elsewhere) = got.expect("in time").expect("no panic");
    assert!(on_rayon, "the closure did not run on rayon's pool");
    assert!(elsewhere, "the closure ran on the calling thread");
}

#[tokio::test]
async fn a_panic_comes_back_as_err() {
    let got = timeout(LIMIT, compute(|| -> u32 { panic!("bad data") })).await;
    let payload = got.expect("in time").expect_err("the closure panicked");
    assert_eq!(payload.downcast_ref::<&str>(), Some(&"bad data"));
    // The pool survived: it still runs work.
    let again = timeout(LIMIT, compute(|| 7)).await;
    assert_eq!(again.expect("in time").expect("no panic"), 7);
}

#[tokio::test] // a current-thread runtime: one thread for every task
async fn the_runtime_thread_stays_free() {
    let ticks = Arc::new(AtomicU32::new(0));
    let counter = Arc::clone(&ticks);
    let ticker = tokio::spawn(async move {
        loop {
            tokio::time::sleep(Duration::from_millis(2)).await;
            counter.fetch_add(1, Ordering::Relaxed);
        }
    });
    let got = timeout(
        LIMIT,
        compute(|| {
            std::thread::sleep(Duration::from_millis(100)); // stands in for CPU work
            42
        }),
    )
    .await;
    ticker.abort();
    assert_eq!(got.expect("in time").expect("no panic"), 42);
    assert!(
        ticks.load(Ordering::Relaxed) > 0,
        "other tasks never ran: the caller blocked the runtime's thread"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_at_once() {
    // Under Miri, which is slow to spawn threads and tasks, fewer calls.
    let n: u64 = if cfg!(miri) { 10 } else { 50 };
    let calls: Vec<_> = (0..n).map(|i| compute(move || i * i)).collect();
    let got = timeout(LIMIT, futures::future::join_all(calls)).await;
    let values: Vec<u64> = got
        .expect("in time")
        .into_iter()
        .map(|r| r.expect("no panic"))
        .collect();
    assert_eq!(values, (0..n).map(|i| i * i).collect::<Vec<_>>());
}
