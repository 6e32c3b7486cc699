//! `notify_one` wakes one waiter: the others miss a change they all needed to see.

// Which waiters get through with `notify_one` is up to the scheduler; the count
// is almost always 1, but a spurious wake-up could let another one through.
// output: mask notify_one: \d of

use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::Duration;

#[derive(Default)]
struct Gate {
    waiting: usize, // threads inside the wait
    open: bool,
    passed: usize, // threads that saw the gate open
}

// ANCHOR: main
fn run(wake_all: bool) -> usize {
    let gate = Mutex::new(Gate::default());
    let to_waiters = Condvar::new(); // "the gate changed"
    let to_main = Condvar::new(); // "a waiter arrived or passed"
    thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                let mut g = gate.lock().unwrap();
                g.waiting += 1;
                to_main.notify_one(); // one more is waiting
                // Bounded, so that no waiter hangs; only those that
                // `notify_one` leaves asleep should ever reach the limit.
                let limit = Duration::from_millis(if wake_all { 5_000 } else { 300 });
                let (mut g, _) = to_waiters
                    .wait_timeout_while(g, limit, |g| !g.open)
                    .unwrap();
                if g.open {
                    g.passed += 1;
                    to_main.notify_one(); // one more passed
                }
            });
        }
        let g = to_main
            .wait_while(gate.lock().unwrap(), |g| g.waiting < 4)
            .unwrap();
        let mut g = g; // all four are asleep inside `wait_timeout_while` now
        g.open = true;
        if wake_all {
            to_waiters.notify_all()
        } else {
            to_waiters.notify_one()
        }
        // Keep the gate open until one waiter (notify_one) or all four
        // (notify_all) got through, or for at most a second; then close it.
        let want = if wake_all { 4 } else { 1 };
        let limit = Duration::from_secs(1);
        let (mut g, _) = to_main
            .wait_timeout_while(g, limit, |g| g.passed < want)
            .unwrap();
        g.open = false;
        let passed = g.passed;
        drop(g);
        passed // the scope joins the waiters that timed out
    })
}

fn main() {
    println!("notify_one: {} of 4 waiters saw the open gate", run(false));
    let all = run(true);
    println!("notify_all: {all} of 4 waiters saw the open gate");
    assert_eq!(all, 4);
}
// ANCHOR_END: main
