//! Tests for the exercise `choosing_blocking_capped`. They check values,
//! order, how many calls overlap, and that the runtime's thread stays free,
//! never how long anything took.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::time::Duration;

use exercises::choosing_blocking_capped::run_blocking_capped;
use tokio::time::timeout;

const LIMIT: Duration = Duration::from_secs(20);

/// Counts the calls running now and the most that ever ran at once.
/// `Relaxed`: the counts publish no other data, a read-modify-write never
/// loses one, and the peak is read after every call has handed back its
/// result, which orders the call's changes before the read.
#[derive(Default)]
struct Gauge {
    now: AtomicUsize,
    peak: AtomicUsize,
}

impl Gauge {
    fn enter(&self) {
        let now = self.now.fetch_add(1, Ordering::Relaxed) + 1;
        self.peak.fetch_max(now, Ordering::Relaxed);
    }
    fn leave(&self) {
        self.now.fetch_sub(1, Ordering::Relaxed);
    }
}

#[tokio::test]
async fn answers_come_back_in_input_order() {
    let f = Arc::new(|x: u64| {
        std::thread::sleep(Duration::from_millis((20 - x) % 4)); // finish out of order
        x * x
    });
    let got = timeout(LIMIT, run_blocking_capped((0..20).collect(), 3, f)).await;
    let expected: Vec<u64> = (0..20).map(|x| x * x).collect();
    assert_eq!(got.expect("in time"), expected);
}

#[tokio::test]
async fn never_more_than_cap_at_once() {
    let gauge = Arc::new(Gauge::default());
    let g = Arc::clone(&gauge);
    let f = Arc::new(move |x: u64| {
        g.enter();
        std::thread::sleep(Duration::from_millis(2));
        g.leave();
        x
    });
    let got = timeout(LIMIT, run_blocking_capped((0..30).collect(), 3, f)).await;
    assert_eq!(got.expect("in time").len(), 30);
    let peak = gauge.peak.load(Ordering::Relaxed);
    assert!((1..=3).contains(&peak), "{peak} calls ran at once, cap 3");
}

#[tokio::test]
async fn a_cap_of_zero_means_one() {
    let gauge = Arc::new(Gauge::default());
    let g = Arc::clone(&gauge);
    let f = Arc::new(move |x: u64| {
        g.enter();
        std::thread::sleep(Duration::from_millis(2));
        g.leave();
        x + 1
    });
    let got = timeout(LIMIT, run_blocking_capped(vec![1, 2, 3], 0, f)).await;
    assert_eq!(got.expect("in time"), vec![2, 3, 4]);
    assert_eq!(gauge.peak.load(Ordering::Relaxed), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cap_calls_do_run_at_once() {
    // Each call waits (at most 1 s) until `cap` calls have been running at
    // the same moment; it returns 1 if they have, 0 if it gave up.
    let cap = 3;
    // (running now, most ever running at once)
    let state = Arc::new((Mutex::new((0usize, 0usize)), Condvar::new()));
    let f = Arc::new(move |_x: u64| {
        let (counts, changed) = &*state;
        let mut guard = counts.lock().unwrap();
        guard.0 += 1;
        guard.1 = guard.1.max(guard.0);
        changed.notify_all();
        let (mut guard, wait) = changed
            .wait_timeout_while(guard, Duration::from_secs(1), |(_, peak)| *peak < cap)
            .unwrap();
        guard.0 -= 1;
        u64::from(!wait.timed_out())
    });
    let got = timeout(LIMIT, run_blocking_capped(vec![0; 5], cap, f)).await;
    assert_eq!(
        got.expect("in time"),
        vec![1; 5],
        "fewer than `cap` calls ran at once"
    );
}

#[tokio::test] // a current-thread runtime: one thread for every task
async fn the_runtime_thread_stays_free() {
    let (tx, rx) = mpsc::channel::<()>();
    let rx = Arc::new(Mutex::new(rx));
    // A task on the runtime sends the signal; it can run only if no call
    // of f blocks the runtime's one thread.
    let sender = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(1)).await;
        let _ = tx.send(());
    });
    let f = Arc::new(move |_x: u64| {
        let got = rx.lock().unwrap().recv_timeout(Duration::from_secs(5));
        u64::from(got.is_ok())
    });
    let got = timeout(LIMIT, run_blocking_capped(vec![0], 1, f)).await;
    assert_eq!(
        got.expect("in time"),
        vec![1],
        "f blocked the runtime's thread"
    );
    sender.await.unwrap();
}

#[tokio::test]
async fn a_panic_in_a_call_is_a_panic_of_the_caller() {
    let f = Arc::new(|x: u64| if x == 2 { panic!("bad input") } else { x });
    let run = tokio::spawn(run_blocking_capped(vec![1, 2, 3], 2, f));
    let result = timeout(LIMIT, run).await.expect("in time");
    assert!(result.expect_err("it must panic").is_panic());
}
