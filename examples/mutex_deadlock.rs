//! Two threads lock two mutexes in opposite orders and deadlock; `try_lock` with a deadline
//! detects it instead of hanging.

use std::sync::{Barrier, Mutex, MutexGuard, TryLockError};
use std::thread;
use std::time::{Duration, Instant};

// ANCHOR: lock_within
/// Python's `lock.acquire(timeout=...)`: tries to lock until `limit` has passed.
fn lock_within<T>(mutex: &Mutex<T>, limit: Duration) -> Option<MutexGuard<'_, T>> {
    let deadline = Instant::now() + limit;
    loop {
        match mutex.try_lock() {
            Ok(guard) => return Some(guard),
            Err(TryLockError::Poisoned(poisoned)) => return Some(poisoned.into_inner()),
            Err(TryLockError::WouldBlock) if Instant::now() < deadline => thread::yield_now(),
            Err(TryLockError::WouldBlock) => return None,
        }
    }
}
// ANCHOR_END: lock_within

// ANCHOR: main
fn main() {
    let accounts = [Mutex::new(100_u64), Mutex::new(100_u64)];
    let holding = Barrier::new(2); // both threads hold their first lock
    let gave_up = Barrier::new(2); // both threads have stopped waiting

    let transfer = |from: usize, to: usize| {
        let mut source = accounts[from].lock().unwrap();
        holding.wait(); // now each thread holds one lock and wants the other
        let outcome = match lock_within(&accounts[to], Duration::from_millis(200)) {
            Some(mut target) => {
                *source -= 10;
                *target += 10;
                "done"
            }
            None => "gave up after 200 ms: would deadlock",
        };
        gave_up.wait(); // keep holding `from` until both threads have given up
        format!("transfer {from} -> {to}: {outcome}")
    };
    thread::scope(|s| {
        let one = s.spawn(|| transfer(0, 1)); // locks 0, then 1
        let two = s.spawn(|| transfer(1, 0)); // locks 1, then 0: the opposite order
        println!("{}", one.join().unwrap());
        println!("{}", two.join().unwrap());
    });
    let total: u64 = accounts.iter().map(|a| *a.lock().unwrap()).sum();
    println!("total: {total}");
}
// ANCHOR_END: main
