//! `wait_while` hides the predicate loop; `wait_timeout_while` also bounds the wait.

use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::Duration;

// ANCHOR: main
fn main() {
    let done = Mutex::new(0); // how many of the 3 jobs have finished
    let changed = Condvar::new();
    thread::scope(|s| {
        for job in 1..=3 {
            let (done, changed) = (&done, &changed);
            s.spawn(move || {
                thread::sleep(Duration::from_millis(10 * job));
                *done.lock().unwrap() += 1;
                changed.notify_all(); // main may be waiting for any count
            });
        }

        // Sleep while the closure returns true: "while fewer than 3 are done".
        let guard = changed
            .wait_while(done.lock().unwrap(), |n| *n < 3)
            .unwrap();
        println!("wait_while: {} jobs done", *guard);
        drop(guard);

        // The same with a deadline: a condition that never comes true.
        let limit = Duration::from_millis(100);
        let (guard, result) = changed
            .wait_timeout_while(done.lock().unwrap(), limit, |n| *n < 4)
            .unwrap();
        println!(
            "wait_timeout_while for 4 jobs: timed out = {}",
            result.timed_out()
        );
        println!(
            "the mutex is held again after the timeout: {} jobs done",
            *guard
        );
    });
}
// ANCHOR_END: main
