//! An event flag, like Python's `threading.Event`, from a `Mutex` and a `Condvar`.

mod event {
    // Chapter 23 model-checks this code with loom, which swaps in its own types.
    #[cfg(loom)]
    use loom_models::sync::{Condvar, Mutex};
    #[cfg(not(loom))]
    use std::sync::{Condvar, Mutex};
    use std::time::Duration;

    // ANCHOR: event
    #[derive(Default)]
    struct State {
        set: bool,       // the flag
        generation: u64, // how many times `set` has been called
        waiters: usize,  // threads blocked in `wait` or `wait_timeout`
    }

    /// A flag that threads can wait for: `set` wakes every waiter.
    #[derive(Default)]
    pub struct Event {
        state: Mutex<State>,
        changed: Condvar,
    }

    impl Event {
        pub fn set(&self) {
            let mut state = self.state.lock().unwrap();
            state.set = true;
            state.generation += 1; // a waiter that saw an older one returns
            drop(state);
            self.changed.notify_all(); // every waiter must see it
        }

        pub fn clear(&self) {
            self.state.lock().unwrap().set = false;
        }

        pub fn is_set(&self) -> bool {
            self.state.lock().unwrap().set
        }

        /// How many threads are blocked in `wait` or `wait_timeout` now.
        pub fn waiters(&self) -> usize {
            self.state.lock().unwrap().waiters
        }

        /// Blocks until the flag is set, or until `set` is called: a `clear`
        /// right after that `set` does not keep this thread waiting.
        pub fn wait(&self) {
            let mut state = self.state.lock().unwrap();
            let start = state.generation;
            state.waiters += 1;
            while !state.set && state.generation == start {
                state = self.changed.wait(state).unwrap();
            }
            state.waiters -= 1;
        }

        /// Like `wait`, for at most `timeout`. Returns whether the flag was
        /// set or `set` was called, so `false` means the wait timed out.
        pub fn wait_timeout(&self, timeout: Duration) -> bool {
            let mut state = self.state.lock().unwrap();
            let start = state.generation;
            state.waiters += 1;
            let (mut state, _) = self
                .changed
                .wait_timeout_while(state, timeout, |s| !s.set && s.generation == start)
                .unwrap();
            state.waiters -= 1;
            state.set || state.generation != start
        }
    }
    // ANCHOR_END: event
}

use event::Event;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

// ANCHOR: pulse
/// `set` and at once `clear` while a thread waits: does the waiter return?
fn pulse_while_waiting(event: &Event) -> bool {
    thread::scope(|s| {
        let waiter = s.spawn(|| event.wait_timeout(Duration::from_secs(5)));
        while event.waiters() == 0 {
            thread::yield_now(); // until the waiter is inside `wait_timeout`
        }
        event.set();
        event.clear(); // the flag is false again before the waiter runs
        waiter.join().unwrap()
    })
}
// ANCHOR_END: pulse

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
        while start.waiters() < 3 {
            thread::yield_now(); // until all three are inside `wait`
        }
        let running = started.load(Ordering::Relaxed);
        println!("before set: {} waiting, {running} started", start.waiters());
        start.set();
    });
    println!("after set: {} workers started", started.into_inner());

    start.clear();
    println!("cleared: is_set = {}", start.is_set());
    let woken = start.wait_timeout(Duration::from_millis(50));
    println!("wait_timeout(50 ms) on a cleared event returned {woken}");

    let woken = pulse_while_waiting(&start);
    let set = start.is_set();
    println!("set and clear during a wait: wait_timeout returned {woken}, is_set = {set}");
    assert!(woken && !set);
}
// ANCHOR_END: main

/// Run by `cargo xtask loom`. The atomics are `Relaxed` on purpose: only the
/// event may order what one thread did before what another does.
#[cfg(all(loom, test))]
mod loom_model {
    use super::event::Event;
    use loom::sync::Arc;
    use loom::sync::atomic::{AtomicBool, Ordering::Relaxed};
    use loom::thread;
    use std::time::Duration;

    /// However the threads interleave, a waiter returns once the flag is set,
    /// and never before.
    #[test]
    fn set_wakes_the_waiter() {
        loom::model(|| {
            let shared = Arc::new((Event::default(), AtomicBool::new(false)));
            let waiter = thread::spawn({
                let shared = Arc::clone(&shared);
                move || {
                    shared.0.wait();
                    assert!(shared.1.load(Relaxed), "woke before the flag was set");
                }
            });
            shared.1.store(true, Relaxed);
            shared.0.set();
            waiter.join().unwrap(); // a lost wake-up would be a deadlock here
            assert!(shared.0.is_set());
        });
    }

    /// A thread that waits when `set` comes returns, and `wait_timeout` says
    /// it was set, even if `clear` runs before the waiter does.
    #[test]
    fn a_pulse_wakes_every_waiter() {
        loom::model(|| {
            let event = Arc::new(Event::default());
            let plain = thread::spawn({
                let event = Arc::clone(&event);
                move || event.wait()
            });
            let timed = thread::spawn({
                let event = Arc::clone(&event);
                // loom has no clock: this timeout never fires
                move || event.wait_timeout(Duration::from_secs(1))
            });
            while event.waiters() < 2 {
                thread::yield_now();
            }
            event.set();
            event.clear();
            plain.join().unwrap(); // a missed pulse would be a deadlock here
            assert!(timed.join().unwrap(), "wait_timeout missed the pulse");
            assert!(!event.is_set());
        });
    }
}
