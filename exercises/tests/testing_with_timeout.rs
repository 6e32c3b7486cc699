//! Tests for the exercise `testing_with_timeout`. Each test runs under a
//! watchdog of its own, so an attempt that blocks fails instead of hanging.

use std::panic;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use exercises::testing_with_timeout::{Failure, with_timeout};

/// Runs `test` on its own thread and fails if it has not finished in `secs`.
fn watchdog(secs: u64, test: impl FnOnce() + Send + 'static) {
    let (tx, rx) = mpsc::channel();
    let handle = thread::spawn(move || {
        test();
        let _ = tx.send(());
    });
    match rx.recv_timeout(Duration::from_secs(secs)) {
        Ok(()) => handle.join().unwrap(),
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("with_timeout still blocked after {secs} s"),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            if let Err(payload) = handle.join() {
                panic::resume_unwind(payload);
            }
        }
    }
}

#[test]
fn returns_the_value() {
    watchdog(10, || {
        let limit = Duration::from_secs(5);
        assert_eq!(with_timeout(limit, || 6 * 7), Ok(42));
        assert_eq!(with_timeout(limit, || vec![1, 2, 3]), Ok(vec![1, 2, 3]));
    });
}

#[test]
fn does_not_wait_out_the_limit_when_the_work_is_quick() {
    // A limit of an hour, a watchdog of 10 s: only an early return passes.
    watchdog(10, || {
        assert_eq!(
            with_timeout(Duration::from_secs(3600), || "done"),
            Ok("done")
        );
    });
}

#[test]
fn a_hang_becomes_a_failure() {
    watchdog(10, || {
        let limit = Duration::from_millis(100);
        // The work waits for a message that comes only after the check.
        let (release, wait) = mpsc::channel::<()>();
        let outcome = with_timeout(limit, move || wait.recv().is_ok());
        assert_eq!(outcome, Err(Failure::TimedOut(limit)));
        drop(release); // let the stuck thread end
    });
}

#[test]
fn a_panic_is_reported_with_its_message() {
    watchdog(10, || {
        let limit = Duration::from_secs(5);
        let literal = with_timeout(limit, || -> u32 { panic!("boom") });
        assert_eq!(literal, Err(Failure::Panicked("boom".to_owned())));
        let formatted = with_timeout(limit, || -> u32 { panic!("bad value {}", 7) });
        assert_eq!(formatted, Err(Failure::Panicked("bad value 7".to_owned())));
        let other = with_timeout(limit, || -> u32 { panic::panic_any(7_u8) });
        assert_eq!(other, Err(Failure::Panicked("(no message)".to_owned())));
    });
}
