//! A spin lock: an `AtomicBool`, a value in an `UnsafeCell`, and a guard.

use std::thread;

/// The spin lock as a module of its own, so that other programs can reuse it.
pub mod spin {
    use std::cell::UnsafeCell;
    use std::ops::{Deref, DerefMut};
    use std::sync::atomic::Ordering::{Acquire, Relaxed, Release};
    // Chapter 23 model-checks this code with loom, which swaps in its own types.
    #[cfg(loom)]
    use loom_models::{hint::spin_loop, sync::atomic::AtomicBool};
    #[cfg(not(loom))]
    use std::{hint::spin_loop, sync::atomic::AtomicBool};

    // ANCHOR: lock
    pub struct SpinLock<T> {
        locked: AtomicBool,
        value: UnsafeCell<T>,
    }

    // SAFETY: the lock hands out `&mut T` to one thread at a time, which is
    // sound across threads exactly when `T` may move between threads: `T: Send`.
    unsafe impl<T: Send> Sync for SpinLock<T> {}

    impl<T> SpinLock<T> {
        pub fn new(value: T) -> Self {
            Self {
                locked: AtomicBool::new(false),
                value: UnsafeCell::new(value),
            }
        }

        pub fn lock(&self) -> SpinGuard<'_, T> {
            // Acquire: see everything the previous holder did before it unlocked.
            while self
                .locked
                .compare_exchange_weak(false, true, Acquire, Relaxed)
                .is_err()
            {
                // Wait with plain loads until it looks free, then try again.
                while self.locked.load(Relaxed) {
                    spin_loop(); // tells the CPU we are spinning (x86: PAUSE)
                }
            }
            SpinGuard { lock: self }
        }
    }

    /// Proof that we hold the lock. Dropping it unlocks.
    pub struct SpinGuard<'a, T> {
        lock: &'a SpinLock<T>,
    }

    // SAFETY: sharing the guard shares `&T`: needs `T: Sync` (not just `T: Send`).
    unsafe impl<T: Sync> Sync for SpinGuard<'_, T> {}

    impl<T> Deref for SpinGuard<'_, T> {
        type Target = T;
        fn deref(&self) -> &T {
            // SAFETY: the guard exists, so this thread holds the lock.
            unsafe { &*self.lock.value.get() }
        }
    }

    impl<T> DerefMut for SpinGuard<'_, T> {
        fn deref_mut(&mut self) -> &mut T {
            // SAFETY: the guard exists, so this thread holds the lock.
            unsafe { &mut *self.lock.value.get() }
        }
    }

    impl<T> Drop for SpinGuard<'_, T> {
        fn drop(&mut self) {
            self.lock.locked.store(false, Release); // publish our writes to the next holder
        }
    }
    // ANCHOR_END: lock
}

// ANCHOR: main
fn main() {
    let list = spin::SpinLock::new(Vec::new());
    thread::scope(|s| {
        for t in 0..4 {
            let list = &list;
            s.spawn(move || {
                for i in 0..1000 {
                    list.lock().push(t * 1000 + i); // lock, push, unlock at the `;`
                }
            });
        }
    });
    let list = list.lock();
    println!("{} items, sum {}", list.len(), list.iter().sum::<u64>());
    assert_eq!(list.len(), 4000);
}
// ANCHOR_END: main

// ANCHOR: loom
/// Run by `cargo xtask loom`: loom runs the closure once for every way the
/// two threads can interleave, and fails on a data race, a deadlock or an
/// access to the counter that the lock's orderings do not order.
#[cfg(all(loom, test))]
mod loom_model {
    use super::spin::SpinLock;
    use loom::{cell::UnsafeCell, sync::Arc, thread};

    #[test]
    fn two_threads_increment_under_the_lock() {
        loom::model(|| {
            // loom's UnsafeCell records every access to the counter.
            let lock = Arc::new(SpinLock::new(UnsafeCell::new(0)));
            let other = thread::spawn({
                let lock = Arc::clone(&lock);
                move || lock.lock().with_mut(|n| unsafe { *n += 1 })
            });
            lock.lock().with_mut(|n| unsafe { *n += 1 });
            other.join().unwrap();
            assert_eq!(lock.lock().with(|n| unsafe { *n }), 2);
        });
    }
}
// ANCHOR_END: loom
