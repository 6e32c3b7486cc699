//! How long a `MutexGuard` lives decides how long the mutex stays locked.

use std::sync::{Mutex, TryLockError};

// ANCHOR: main
/// Reports the state of the lock without blocking, using `try_lock`.
fn state<T>(mutex: &Mutex<T>) -> &'static str {
    match mutex.try_lock() {
        Ok(_) => "unlocked",
        Err(TryLockError::WouldBlock) => "LOCKED",
        Err(TryLockError::Poisoned(_)) => "poisoned",
    }
}

fn main() {
    let data = Mutex::new(vec![1, 2, 3]);

    data.lock().unwrap().push(4); // a temporary guard: dropped at the end of the statement
    println!("after a one-line push:     {}", state(&data));

    let mut guard = data.lock().unwrap(); // a named guard: lives to the end of the block
    guard.push(5);
    println!("while `guard` is in scope: {}", state(&data));
    drop(guard); // unlock now, not at the closing brace
    println!("after drop(guard):         {}", state(&data));

    let len = {
        let guard = data.lock().unwrap();
        guard.len()
    }; // a block ends the guard's life at its closing brace
    println!("after the block:           {} (len {len})", state(&data));
    assert_eq!(*data.lock().unwrap(), [1, 2, 3, 4, 5]);
}
// ANCHOR_END: main
