//! Does not compile: a lock built on `UnsafeCell` is not `Sync` until we say so.
use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

struct SpinLock<T> {
    locked: AtomicBool,
    value: UnsafeCell<T>,
}
// Missing: unsafe impl<T: Send> Sync for SpinLock<T> {}

impl<T> SpinLock<T> {
    fn is_locked(&self) -> bool {
        self.locked.load(Ordering::Relaxed)
    }
}

fn main() {
    let lock = SpinLock { locked: AtomicBool::new(false), value: UnsafeCell::new(0) };
    thread::scope(|s| {
        s.spawn(|| lock.is_locked());
    });
    println!("{}", lock.value.into_inner());
}
