//! Does not compile: `Condvar::wait` is handed the `Mutex`, not a `MutexGuard`.
use std::sync::{Condvar, Mutex};

fn main() {
    let ready = Mutex::new(false);
    let cvar = Condvar::new();
    // `wait` takes the guard of a locked mutex, not the mutex itself.
    let guard = cvar.wait(ready).unwrap();
    println!("ready: {}", *guard);
}
