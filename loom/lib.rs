//! What the book's hand-built primitives import when they are compiled for
//! loom (`--cfg loom`, set by `cargo xtask loom`): loom's own types, plus the
//! few methods of std's `Condvar` that loom does not provide.
//!
//! The models themselves live beside the code they check, in
//! `#[cfg(all(loom, test))]` modules of the files the chapters show;
//! `tests/models.rs` collects those files.
#![cfg(loom)]

pub mod hint {
    pub use loom::hint::spin_loop;
}

pub mod thread {
    pub use loom::thread::*;

    /// loom has no clock: a sleep is a point where another thread may run.
    pub fn sleep(_: std::time::Duration) {
        yield_now();
    }
}

pub mod sync {
    pub use loom::sync::{Arc, LockResult, Mutex, MutexGuard};
    use std::sync::PoisonError;
    use std::time::Duration;

    pub mod atomic {
        pub use loom::sync::atomic::*;
        pub use std::sync::atomic::Ordering;
    }

    /// What a timed wait reports. Under loom it never timed out.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct WaitTimeoutResult(bool);

    impl WaitTimeoutResult {
        pub fn timed_out(&self) -> bool {
            self.0
        }
    }

    /// loom's `Condvar` with std's `wait_while` and `wait_timeout_while`.
    /// loom has no clock, so a timeout never fires: a model explores every
    /// order of the threads, not every length of a wait.
    #[derive(Debug, Default)]
    pub struct Condvar(loom::sync::Condvar);

    impl Condvar {
        pub fn new() -> Self {
            Self(loom::sync::Condvar::new())
        }

        pub fn wait<'a, T>(&self, guard: MutexGuard<'a, T>) -> LockResult<MutexGuard<'a, T>> {
            self.0.wait(guard)
        }

        pub fn wait_while<'a, T>(
            &self,
            mut guard: MutexGuard<'a, T>,
            mut condition: impl FnMut(&mut T) -> bool,
        ) -> LockResult<MutexGuard<'a, T>> {
            while condition(&mut *guard) {
                guard = self.0.wait(guard)?;
            }
            Ok(guard)
        }

        pub fn wait_timeout<'a, T>(
            &self,
            guard: MutexGuard<'a, T>,
            _timeout: Duration,
        ) -> LockResult<(MutexGuard<'a, T>, WaitTimeoutResult)> {
            let never = WaitTimeoutResult(false);
            match self.0.wait(guard) {
                Ok(guard) => Ok((guard, never)),
                Err(e) => Err(PoisonError::new((e.into_inner(), never))),
            }
        }

        pub fn wait_timeout_while<'a, T>(
            &self,
            guard: MutexGuard<'a, T>,
            _timeout: Duration,
            condition: impl FnMut(&mut T) -> bool,
        ) -> LockResult<(MutexGuard<'a, T>, WaitTimeoutResult)> {
            let never = WaitTimeoutResult(false);
            match self.wait_while(guard, condition) {
                Ok(guard) => Ok((guard, never)),
                Err(e) => Err(PoisonError::new((e.into_inner(), never))),
            }
        }

        pub fn notify_one(&self) {
            self.0.notify_one();
        }

        pub fn notify_all(&self) {
            self.0.notify_all();
        }
    }
}
