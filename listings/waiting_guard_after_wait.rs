//! Does not compile: the guard is used after `Condvar::wait` has taken it.
use std::sync::{Condvar, Mutex};

fn main() {
    let ready = Mutex::new(false);
    let cvar = Condvar::new();
    let guard = ready.lock().unwrap();
    if !*guard {
        // `wait` takes the guard by value and returns a new one: this drops it.
        let _ = cvar.wait(guard).unwrap();
    }
    println!("ready: {}", *guard);
}
