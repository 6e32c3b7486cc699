//! Tests for the exercise `waiting_latch`. Every test that could block runs
//! under a watchdog, so a wrong attempt fails instead of hanging.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use exercises::waiting_latch::CountDownLatch;

/// Runs `test` on its own thread and fails if it has not finished in `secs`.
fn within(secs: u64, test: impl FnOnce() + Send + 'static) {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        test();
        tx.send(()).unwrap();
    });
    match rx.recv_timeout(Duration::from_secs(secs)) {
        Ok(()) => {}
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("still blocked after {secs} s"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("the test thread panicked"),
    }
}

#[test]
fn a_zero_latch_is_open() {
    within(5, || {
        let latch = CountDownLatch::new(0);
        assert_eq!(latch.count(), 0);
        latch.wait();
        assert!(latch.wait_timeout(Duration::ZERO));
    });
}

#[test]
fn counts_down_to_zero_and_stays_there() {
    within(5, || {
        let latch = CountDownLatch::new(2);
        latch.count_down();
        assert_eq!(latch.count(), 1);
        latch.count_down();
        assert_eq!(latch.count(), 0);
        latch.count_down(); // nothing happens
        assert_eq!(latch.count(), 0);
        latch.wait();
    });
}

#[test]
fn wait_timeout_gives_false_after_the_timeout() {
    within(5, || {
        let latch = CountDownLatch::new(1);
        let start = Instant::now();
        assert!(!latch.wait_timeout(Duration::from_millis(100)));
        assert!(
            start.elapsed() >= Duration::from_millis(100),
            "returned too early"
        );
        assert_eq!(latch.count(), 1);
    });
}

#[test]
fn a_waiter_is_released_by_other_threads() {
    within(5, || {
        let latch = Arc::new(CountDownLatch::new(3));
        let workers: Vec<_> = (0..3)
            .map(|i| {
                let latch = Arc::clone(&latch);
                thread::spawn(move || {
                    thread::sleep(Duration::from_millis(20 * i));
                    latch.count_down();
                })
            })
            .collect();
        assert!(latch.wait_timeout(Duration::from_secs(3)), "never released");
        assert_eq!(latch.count(), 0);
        workers.into_iter().for_each(|w| w.join().unwrap());
    });
}

#[test]
fn every_waiter_is_released() {
    within(5, || {
        let latch = Arc::new(CountDownLatch::new(1));
        let released = Arc::new(AtomicUsize::new(0));
        let waiters: Vec<_> = (0..5)
            .map(|_| {
                let (latch, released) = (Arc::clone(&latch), Arc::clone(&released));
                thread::spawn(move || {
                    latch.wait(); // the watchdog catches a waiter left asleep
                    released.fetch_add(1, Ordering::Relaxed); // Relaxed: read after the joins
                })
            })
            .collect();
        thread::sleep(Duration::from_millis(100)); // let them all wait
        latch.count_down(); // must wake all five: notify_one would wake one
        waiters.into_iter().for_each(|w| w.join().unwrap());
        assert_eq!(released.load(Ordering::Relaxed), 5);
    });
}

#[test]
fn wait_blocks_until_the_last_count_down() {
    within(5, || {
        let latch = Arc::new(CountDownLatch::new(2));
        let done = Arc::new(AtomicUsize::new(0));
        let waiter = {
            let (latch, done) = (Arc::clone(&latch), Arc::clone(&done));
            thread::spawn(move || {
                latch.wait();
                // Relaxed: the flag publishes nothing. The join orders it
                // before the last check, and no ordering could make the first
                // check see it sooner.
                done.store(1, Ordering::Relaxed);
            })
        };
        latch.count_down();
        thread::sleep(Duration::from_millis(100));
        assert_eq!(
            done.load(Ordering::Relaxed),
            0,
            "wait returned before the count was 0"
        );
        latch.count_down();
        waiter.join().unwrap();
        assert_eq!(done.load(Ordering::Relaxed), 1);
    });
}
