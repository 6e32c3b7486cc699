//! A flaky test: it waits a fixed time for a thread instead of waiting for
//! the thread. It passes when the thread happens to be quick, and fails when
//! the machine is busy. The fix waits for the event itself.

// How often the sleep is too short depends on the machine's load.
// output: mask sleep-based check failed \d+
// miri: skip 200 thread spawns each with a real sleep; too slow interpreted

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::Duration;

const RUNS: u32 = 200;

// ANCHOR: flaky
/// The flaky check: start the work, sleep "long enough", look at the result.
fn sleep_based_check() -> bool {
    let done = Arc::new(AtomicBool::new(false));
    let worker = thread::spawn({
        let done = Arc::clone(&done);
        move || done.store(true, Ordering::Release)
    });
    thread::sleep(Duration::from_micros(20)); // "the thread is surely done by now"
    let passed = done.load(Ordering::Acquire);
    worker.join().unwrap();
    passed
}

/// The fix: wait for the event, with a generous limit that only a real hang hits.
fn event_based_check() -> bool {
    let (tx, rx) = mpsc::channel();
    let worker = thread::spawn(move || tx.send(()).unwrap());
    let passed = rx.recv_timeout(Duration::from_secs(5)).is_ok();
    worker.join().unwrap();
    passed
}

fn main() {
    let flaky = (0..RUNS).filter(|_| !sleep_based_check()).count();
    let fixed = (0..RUNS).filter(|_| !event_based_check()).count();
    println!("sleep-based check failed {flaky} of {RUNS} runs");
    println!("event-based check failed {fixed} of {RUNS} runs");
    assert_eq!(fixed, 0);
}
// ANCHOR_END: flaky
