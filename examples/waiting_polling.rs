//! Waiting by polling with `sleep`: wasted checks, and a delay set by the interval.

// How often the poller checks, and how late it notices, depend on the scheduler.
// output: mask-durations
// output: mask checked the flag \d+ times
// output: mask woke up \d+ times?

use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

// ANCHOR: main
const INTERVAL: Duration = Duration::from_millis(20);

fn main() {
    // The time at which the event happened, once it has.
    let happened: Mutex<Option<Instant>> = Mutex::new(None);
    let changed = Condvar::new();
    thread::scope(|s| {
        s.spawn(|| {
            thread::sleep(Duration::from_millis(75));
            *happened.lock().unwrap() = Some(Instant::now());
            changed.notify_all();
        });

        let poller = s.spawn(|| {
            let mut checks = 0;
            loop {
                checks += 1;
                if let Some(at) = *happened.lock().unwrap() {
                    return (checks, at.elapsed());
                }
                thread::sleep(INTERVAL); // the lock is not held while sleeping
            }
        });

        let mut guard = happened.lock().unwrap();
        let mut wakeups = 0;
        while guard.is_none() {
            guard = changed.wait(guard).unwrap();
            wakeups += 1;
        }
        let late = guard.unwrap().elapsed();
        drop(guard);

        let (checks, poll_late) = poller.join().unwrap();
        println!(
            "poll every {INTERVAL:?}: checked the flag {checks} times, noticed {poll_late:?} late"
        );
        println!("Condvar: woke up {wakeups} time, noticed {late:?} late");
    });
}
// ANCHOR_END: main
