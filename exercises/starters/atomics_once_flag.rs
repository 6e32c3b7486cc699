//! # Exercise: run a closure exactly once, from any number of threads
//!
//! A [`OnceFlag`] is a small `std::sync::Once`, built on one atomic. Many
//! threads may call [`OnceFlag::call_once`] at the same time; exactly one of
//! them runs its closure, and every call returns only once that closure has
//! finished.
//!
//! Test your attempt with `cargo test -p exercises --test atomics_once_flag`.

use std::sync::atomic::AtomicU8;

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
    pub const fn new() -> Self {
        Self {
            state: AtomicU8::new(NEW),
        }
    }

    /// Runs `f` if no call has started a closure yet, and returns `true`;
    /// otherwise does not run `f`, and returns `false`. Either way it returns
    /// only after the one closure that runs has finished, and everything that
    /// closure wrote is visible to the caller when it returns.
    ///
    /// `f` must not panic: this exercise does not handle that case
    /// (`std::sync::Once` marks itself as poisoned instead).
    pub fn call_once(&self, f: impl FnOnce()) -> bool {
        todo!("write this, then run: cargo test -p exercises --test atomics_once_flag")
    }

    /// Whether the closure has finished (not merely started).
    pub fn is_done(&self) -> bool {
        todo!("write this, then run: cargo test -p exercises --test atomics_once_flag")
    }
}

impl Default for OnceFlag {
    fn default() -> Self {
        Self::new()
    }
}
