//! Tests for the exercise `choosing_supervisor`. They run on tokio's paused
//! clock, so deadlines pass without waiting and nothing depends on timing.

use std::future::pending;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use exercises::choosing_supervisor::supervise;

const LIMIT: Duration = Duration::from_secs(1);

// The counters below are `Relaxed`: they publish no other data, and
// #[tokio::test] runs every task on the test's one thread, so program order
// already puts each change before the loads that follow it.

#[tokio::test(start_paused = true)]
async fn a_healthy_worker_runs_once() {
    let made = Arc::new(AtomicUsize::new(0));
    let m = Arc::clone(&made);
    let got = supervise(
        move || {
            m.fetch_add(1, Ordering::Relaxed);
            async { 7 }
        },
        3,
        LIMIT,
    )
    .await;
    assert_eq!(got, Ok((7, 0)));
    assert_eq!(made.load(Ordering::Relaxed), 1);
}

#[tokio::test(start_paused = true)]
async fn a_worker_that_panics_twice_is_restarted_twice() {
    let made = Arc::new(AtomicUsize::new(0));
    let m = Arc::clone(&made);
    let got = supervise(
        move || {
            let attempt = m.fetch_add(1, Ordering::Relaxed);
            async move {
                if attempt < 2 {
                    panic!("attempt {attempt} crashed");
                }
                attempt * 10
            }
        },
        5,
        LIMIT,
    )
    .await;
    assert_eq!(got, Ok((20, 2)));
    assert_eq!(made.load(Ordering::Relaxed), 3);
}

#[tokio::test(start_paused = true)]
async fn gives_up_after_max_restarts() {
    let made = Arc::new(AtomicUsize::new(0));
    let m = Arc::clone(&made);
    let got: Result<(u32, usize), usize> = supervise(
        move || {
            m.fetch_add(1, Ordering::Relaxed);
            async { panic!("always") }
        },
        3,
        LIMIT,
    )
    .await;
    assert_eq!(got, Err(4));
    assert_eq!(made.load(Ordering::Relaxed), 4);
}

/// Counts drops: lives inside an attempt's future.
struct DropCounter(Arc<AtomicUsize>);
impl Drop for DropCounter {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::Relaxed);
    }
}

#[tokio::test(start_paused = true)]
async fn a_hung_attempt_is_aborted_before_the_next_starts() {
    let dropped = Arc::new(AtomicUsize::new(0));
    let (made, d) = (Arc::new(AtomicUsize::new(0)), Arc::clone(&dropped));
    let m = Arc::clone(&made);
    let got = supervise(
        move || {
            let attempt = m.fetch_add(1, Ordering::Relaxed);
            // Every earlier attempt must be gone when this one is made.
            let gone_before = d.load(Ordering::Relaxed);
            let guard = DropCounter(Arc::clone(&d));
            async move {
                if attempt == 0 {
                    pending::<()>().await; // hangs, holding the guard
                }
                drop(guard);
                gone_before
            }
        },
        2,
        LIMIT,
    )
    .await;
    assert_eq!(got, Ok((1, 1)), "the hung attempt was not dropped first");
    assert_eq!(dropped.load(Ordering::Relaxed), 2);
}

#[tokio::test(start_paused = true)]
async fn zero_restarts_means_one_attempt() {
    let got: Result<((), usize), usize> = supervise(pending::<()>, 0, LIMIT).await;
    assert_eq!(got, Err(1));
}
