//! Tests for the exercise `tokio_offload`. They check results, order, that
//! the runtime's thread stays free and that the calls overlap, never how
//! long anything took.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use exercises::tokio_offload::run_blocking_all;
use tokio::time::timeout;

const LIMIT: Duration = Duration::from_secs(10);

#[tokio::test]
async fn results_come_back_in_input_order() {
    let f = Arc::new(|x: u64| {
        // Later inputs finish first: order must not depend on finishing time.
        std::thread::sleep(Duration::from_millis(50 - 10 * x));
        x * x
    });
    let got = timeout(LIMIT, run_blocking_all(vec![1, 2, 3, 4], f)).await;
    assert_eq!(got.expect("finished in time"), vec![1, 4, 9, 16]);
}

#[tokio::test]
async fn no_inputs_no_calls() {
    let f = Arc::new(|_: u64| -> u64 { panic!("f must not be called") });
    let got = timeout(LIMIT, run_blocking_all(Vec::new(), f)).await;
    assert_eq!(got.expect("finished in time"), Vec::<u64>::new());
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
    let f = Arc::new(|x: u64| {
        std::thread::sleep(Duration::from_millis(100));
        x + 1
    });
    let got = timeout(LIMIT, run_blocking_all(vec![1, 2], f)).await;
    ticker.abort();
    assert_eq!(got.expect("finished in time"), vec![2, 3]);
    assert!(
        ticks.load(Ordering::Relaxed) > 0,
        "other tasks never ran: f blocked the runtime's thread"
    );
}

#[tokio::test]
async fn all_calls_are_in_progress_at_once() {
    const N: usize = 6;
    // Each call waits (at most 2 s) until all N calls have started.
    let arrived = Arc::new((Mutex::new(0usize), Condvar::new()));
    let f = Arc::new(move |x: u64| {
        let (count, cv) = &*arrived;
        let mut count = count.lock().unwrap();
        *count += 1;
        cv.notify_all();
        let wait = Duration::from_secs(2);
        let (count, _) = cv.wait_timeout_while(count, wait, |c| *c < N).unwrap();
        if *count >= N { x } else { u64::MAX } // MAX: the others never came
    });
    let inputs: Vec<u64> = (0..N as u64).collect();
    let got = timeout(LIMIT, run_blocking_all(inputs.clone(), f)).await;
    assert_eq!(
        got.expect("finished in time"),
        inputs,
        "the calls did not overlap"
    );
}

#[tokio::test]
#[should_panic]
async fn a_panicking_call_panics() {
    let f = Arc::new(|x: u64| if x == 2 { panic!("bad input") } else { x });
    let _ = timeout(LIMIT, run_blocking_all(vec![1, 2, 3], f)).await;
}
