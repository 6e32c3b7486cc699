//! `lock().unwrap()` on a poisoned mutex turns one panic into a panic in every user.

// Panic messages name each thread's OS-level ID, which changes from run to run.
// output: mask \(\d+\)

use std::sync::{Arc, Mutex, PoisonError};
use std::thread;

// ANCHOR: main
fn main() {
    let hits = Arc::new(Mutex::new(0_u64));
    let shared = Arc::clone(&hits);
    let _ = thread::spawn(move || {
        let _guard = shared.lock().unwrap();
        panic!("one bad request");
    })
    .join();

    // Three later workers use the usual lock().unwrap(), one at a time.
    let mut panicked = 0;
    for _ in 0..3 {
        let shared = Arc::clone(&hits);
        let worker = thread::spawn(move || *shared.lock().unwrap() += 1);
        panicked += usize::from(worker.join().is_err());
    }
    println!("workers that panicked with lock().unwrap(): {panicked} of 3");

    // The fix, where a half-done update cannot break anything: take the guard anyway.
    let mut panicked = 0;
    for _ in 0..3 {
        let shared = Arc::clone(&hits);
        let worker = thread::spawn(move || {
            *shared.lock().unwrap_or_else(PoisonError::into_inner) += 1;
        });
        panicked += usize::from(worker.join().is_err());
    }
    let count = *hits.lock().unwrap_or_else(PoisonError::into_inner);
    println!("with unwrap_or_else(PoisonError::into_inner): count {count}, panics {panicked}");
}
// ANCHOR_END: main
