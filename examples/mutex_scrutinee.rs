//! A guard created in the scrutinee of `if let`, `match` or `while let` lives for the whole body.

use std::sync::{Mutex, TryLockError};

// ANCHOR: main
/// Prints where we are and the state of the lock, found without blocking by `try_lock`.
fn show<T>(place: &str, mutex: &Mutex<T>) {
    let state = match mutex.try_lock() {
        Ok(_) => "unlocked",
        Err(TryLockError::WouldBlock) => "LOCKED",
        Err(TryLockError::Poisoned(_)) => "poisoned",
    };
    println!("{place:<28} {state}");
}

fn main() {
    let queue = Mutex::new(vec![1, 2, 3, 4]);

    if let Some(job) = queue.lock().unwrap().pop() {
        show(&format!("if let, then-block (job {job}):"), &queue);
    }
    if let Some(job) = queue.lock().unwrap().iter().find(|&&job| job > 100) {
        println!("found {job}");
    } else {
        // Rust 2024: the scrutinee's temporaries are dropped before `else`.
        show("if let, else-block:", &queue);
    }
    match queue.lock().unwrap().pop() {
        Some(job) => show(&format!("match arm (job {job}):"), &queue),
        None => show("match arm, empty:", &queue),
    }
    while let Some(job) = queue.lock().unwrap().pop() {
        // The guard lives until the end of each iteration: the "processing" is locked.
        show(&format!("while let body (job {job}):"), &queue);
    }

    // The fix: end the guard in a statement of its own, then process.
    queue.lock().unwrap().extend([5, 6]);
    loop {
        let next = queue.lock().unwrap().pop(); // guard dropped at this `;`
        let Some(job) = next else { break };
        show(&format!("let, then body (job {job}):"), &queue);
    }
}
// ANCHOR_END: main
