//! Tests for the exercise `joining_deadline`.

use exercises::joining_deadline::{Outcome, fetch_with_deadline};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tokio::time::{Instant, sleep, timeout};
use tokio_util::sync::CancellationToken;

const LIMIT: Duration = Duration::from_secs(60);

// The flags are `Relaxed`: they publish no other data, and #[tokio::test]
// polls and drops the fetch on the test's one thread, so program order puts
// each store before the loads that follow it.

/// Sets its flag when dropped: tells whether the fetch future was dropped.
struct DropFlag(Arc<AtomicBool>);
impl Drop for DropFlag {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// A fetch that takes `ms`, records that it started, and that it was dropped.
async fn fetch(ms: u64, started: Arc<AtomicBool>, dropped: Arc<AtomicBool>) -> u32 {
    started.store(true, Ordering::Relaxed);
    let _flag = DropFlag(dropped);
    sleep(Duration::from_millis(ms)).await;
    42
}

fn flags() -> (Arc<AtomicBool>, Arc<AtomicBool>) {
    (
        Arc::new(AtomicBool::new(false)),
        Arc::new(AtomicBool::new(false)),
    )
}

#[tokio::test(start_paused = true)]
async fn done_in_time() {
    let (started, dropped) = flags();
    let token = CancellationToken::new();
    let f = fetch(100, started, dropped);
    let outcome = timeout(
        LIMIT,
        fetch_with_deadline(f, Duration::from_millis(500), &token),
    )
    .await
    .unwrap();
    assert_eq!(outcome, Outcome::Done(42));
}

#[tokio::test(start_paused = true)]
async fn times_out_and_drops_the_fetch() {
    let (started, dropped) = flags();
    let token = CancellationToken::new();
    let start = Instant::now();
    let f = fetch(10_000, started, dropped.clone());
    let outcome = timeout(
        LIMIT,
        fetch_with_deadline(f, Duration::from_millis(200), &token),
    )
    .await
    .unwrap();
    assert_eq!(outcome, Outcome::TimedOut);
    assert!(
        start.elapsed() < Duration::from_millis(300),
        "took {:?}",
        start.elapsed()
    );
    assert!(
        dropped.load(Ordering::Relaxed),
        "the fetch must be dropped on timeout"
    );
}

#[tokio::test(start_paused = true)]
async fn cancelled_while_waiting() {
    let (started, dropped) = flags();
    let token = CancellationToken::new();
    let canceller = token.clone();
    tokio::spawn(async move {
        sleep(Duration::from_millis(50)).await;
        canceller.cancel();
    });
    let start = Instant::now();
    let f = fetch(10_000, started.clone(), dropped.clone());
    let outcome = timeout(
        LIMIT,
        fetch_with_deadline(f, Duration::from_secs(5), &token),
    )
    .await
    .unwrap();
    assert_eq!(outcome, Outcome::Cancelled);
    assert!(
        start.elapsed() < Duration::from_millis(100),
        "took {:?}",
        start.elapsed()
    );
    assert!(started.load(Ordering::Relaxed));
    assert!(
        dropped.load(Ordering::Relaxed),
        "the fetch must be dropped on cancellation"
    );
}

#[tokio::test(start_paused = true)]
async fn already_cancelled_never_polls_the_fetch() {
    let (started, dropped) = flags();
    let token = CancellationToken::new();
    token.cancel();
    let f = fetch(0, started.clone(), dropped);
    let outcome = timeout(
        LIMIT,
        fetch_with_deadline(f, Duration::from_secs(5), &token),
    )
    .await
    .unwrap();
    assert_eq!(outcome, Outcome::Cancelled);
    assert!(
        !started.load(Ordering::Relaxed),
        "a cancelled token must win before the fetch is polled"
    );
}

#[tokio::test(start_paused = true)]
async fn a_ready_fetch_wins_against_an_unexpired_deadline() {
    let token = CancellationToken::new();
    let outcome = timeout(
        LIMIT,
        fetch_with_deadline(async { "ready" }, Duration::ZERO, &token),
    )
    .await
    .unwrap();
    assert_eq!(
        outcome,
        Outcome::Done("ready"),
        "tokio::time::timeout polls the future first"
    );
}
