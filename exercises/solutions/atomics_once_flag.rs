//! # Solution: run a closure exactly once, from any number of threads
//!
//! One compare-and-exchange decides who runs the closure; a Release store
//! of `DONE` publishes what it wrote, and an Acquire load sees it.

use std::sync::atomic::Ordering::{Acquire, Relaxed, Release};
// Chapter 23 model-checks this code with loom, which swaps in its own types.
#[cfg(loom)]
use loom_models::{sync::atomic::AtomicU8, thread};
#[cfg(not(loom))]
use std::{sync::atomic::AtomicU8, thread};

/// No call has started the closure yet.
const NEW: u8 = 0;
/// One call is running its closure now.
const RUNNING: u8 = 1;
/// The closure has finished.
const DONE: u8 = 2;

/// Runs one closure once.
pub struct OnceFlag {
    state: AtomicU8,
}

impl OnceFlag {
    pub fn new() -> Self {
        Self {
            state: AtomicU8::new(NEW),
        }
    }

    /// Runs `f` if no call has started a closure yet, and returns `true`;
    /// otherwise returns `false`. Either way, returns after the closure ran.
    pub fn call_once(&self, f: impl FnOnce()) -> bool {
        // Fast path: already done. Acquire pairs with the Release below.
        if self.is_done() {
            return false;
        }
        // Only one caller can move the state from NEW to RUNNING.
        match self.state.compare_exchange(NEW, RUNNING, Relaxed, Acquire) {
            Ok(_) => {
                f();
                self.state.store(DONE, Release); // publish what `f` wrote
                true
            }
            Err(_) => {
                // Someone else runs it: wait until it has finished. Yield
                // rather than spin: there may be more threads than cores.
                while !self.is_done() {
                    thread::yield_now();
                }
                false
            }
        }
    }

    /// Whether the closure has finished (not merely started).
    pub fn is_done(&self) -> bool {
        self.state.load(Acquire) == DONE
    }
}

impl Default for OnceFlag {
    fn default() -> Self {
        Self::new()
    }
}

/// Run by `cargo xtask loom`: two threads race to run the closure; exactly
/// one runs it, and the loser returns only after seeing what it wrote.
#[cfg(all(loom, test))]
mod loom_model {
    use super::OnceFlag;
    use loom::{cell::UnsafeCell, sync::Arc, thread};

    #[test]
    fn exactly_one_runs_and_both_see_its_write() {
        loom::model(|| {
            let shared = Arc::new((OnceFlag::new(), UnsafeCell::new(0)));
            let race = |shared: Arc<(OnceFlag, UnsafeCell<i32>)>| {
                let ran = shared
                    .0
                    .call_once(|| shared.1.with_mut(|v| unsafe { *v += 1 }));
                // loom fails here if the Acquire/Release pair did not order the write.
                assert_eq!(shared.1.with(|v| unsafe { *v }), 1);
                ran
            };
            let other = thread::spawn({
                let shared = Arc::clone(&shared);
                move || race(shared)
            });
            let ran_here = race(shared);
            assert!(ran_here ^ other.join().unwrap(), "exactly one call runs it");
        });
    }
}
