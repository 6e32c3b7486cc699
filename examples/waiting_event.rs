//! An event flag, like Python's `threading.Event`, from `Mutex<bool>` + `Condvar`.

// ANCHOR: event
mod event {
    // Chapter 23 model-checks this code with loom, which swaps in its own types.
    #[cfg(loom)]
    use loom_models::sync::{Condvar, Mutex};
    #[cfg(not(loom))]
    use std::sync::{Condvar, Mutex};
    use std::time::Duration;

    /// A flag that threads can wait for: `set` wakes every waiter.
    #[derive(Default)]
    pub struct Event {
        flag: Mutex<bool>,
        changed: Condvar,
    }

    impl Event {
        pub fn set(&self) {
            *self.flag.lock().unwrap() = true;
            self.changed.notify_all(); // every waiter must see it
        }

        pub fn clear(&self) {
            *self.flag.lock().unwrap() = false;
        }

        pub fn is_set(&self) -> bool {
            *self.flag.lock().unwrap()
        }

        /// Blocks until the flag is set.
        pub fn wait(&self) {
            let mut flag = self.flag.lock().unwrap();
            while !*flag {
                flag = self.changed.wait(flag).unwrap();
            }
        }

        /// Blocks until the flag is set or `timeout` has passed; returns the
        /// flag, so `false` means the wait timed out.
        pub fn wait_timeout(&self, timeout: Duration) -> bool {
            let flag = self.flag.lock().unwrap();
            let (flag, _) = self
                .changed
                .wait_timeout_while(flag, timeout, |set| !*set)
                .unwrap();
            *flag
        }
    }
}
// ANCHOR_END: event

use event::Event;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

// ANCHOR: main
fn main() {
    let start = Event::default();
    let started = AtomicUsize::new(0);
    thread::scope(|s| {
        for _ in 0..3 {
            s.spawn(|| {
                start.wait(); // all three block here until `set`
                started.fetch_add(1, Ordering::Relaxed);
            });
        }
        thread::sleep(Duration::from_millis(20));
        println!(
            "before set: {} workers started",
            started.load(Ordering::Relaxed)
        );
        start.set();
    });
    println!("after set: {} workers started", started.into_inner());

    start.clear();
    println!("cleared: is_set = {}", start.is_set());
    let woken = start.wait_timeout(Duration::from_millis(50));
    println!("wait_timeout(50 ms) on a cleared event returned {woken}");
}
// ANCHOR_END: main

/// Run by `cargo xtask loom`: however the threads interleave, a waiter
/// returns once the flag is set, and never before.
#[cfg(all(loom, test))]
mod loom_model {
    use super::event::Event;
    use loom::sync::Arc;
    use loom::sync::atomic::{AtomicBool, Ordering::SeqCst};
    use loom::thread;

    #[test]
    fn set_wakes_the_waiter() {
        loom::model(|| {
            let shared = Arc::new((Event::default(), AtomicBool::new(false)));
            let waiter = thread::spawn({
                let shared = Arc::clone(&shared);
                move || {
                    shared.0.wait();
                    assert!(shared.1.load(SeqCst), "woke before the flag was set");
                }
            });
            shared.1.store(true, SeqCst);
            shared.0.set();
            waiter.join().unwrap(); // a lost wake-up would be a deadlock here
            assert!(shared.0.is_set());
        });
    }
}
