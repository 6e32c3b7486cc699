//! Atomics do not make a check-then-act atomic; `compare_exchange` does.

use std::sync::Barrier;
use std::sync::atomic::{AtomicI64, Ordering::Relaxed};
use std::thread;

// ANCHOR: racy
/// Two atomic operations, and a gap between them.
fn withdraw_racy(balance: &AtomicI64, amount: i64, between: impl Fn()) -> bool {
    let enough = balance.load(Relaxed) >= amount; // atomic check
    between();
    if enough {
        balance.fetch_sub(amount, Relaxed); // atomic act, on a stale check
    }
    enough
}
// ANCHOR_END: racy

// ANCHOR: fixed
/// Writes the new balance only if the balance is still the one we checked.
fn withdraw(balance: &AtomicI64, amount: i64) -> bool {
    let mut current = balance.load(Relaxed);
    loop {
        if current < amount {
            return false;
        }
        match balance.compare_exchange(current, current - amount, Relaxed, Relaxed) {
            Ok(_) => return true,            // nobody changed it: done
            Err(actual) => current = actual, // somebody did: check again
        }
    }
}
// ANCHOR_END: fixed

// ANCHOR: main
fn main() {
    let balance = AtomicI64::new(100);
    let both_checked = Barrier::new(2);
    let wait = || _ = both_checked.wait(); // forces: both check, then both act
    thread::scope(|s| {
        s.spawn(|| withdraw_racy(&balance, 80, wait));
        s.spawn(|| withdraw_racy(&balance, 80, wait));
    });
    println!("load, then fetch_sub: balance {}", balance.load(Relaxed));
    assert_eq!(balance.load(Relaxed), -60);

    // Eight threads withdraw 30 from 100 at once, through `withdraw`.
    let balance = AtomicI64::new(100);
    let done = thread::scope(|s| {
        let handles: Vec<_> = (0..8).map(|_| s.spawn(|| withdraw(&balance, 30))).collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap())
            .filter(|&ok| ok)
            .count()
    });
    let balance = balance.into_inner();
    println!("compare_exchange: {done} of 8 withdrawals of 30 went through, balance {balance}");
    assert_eq!((done, balance), (3, 10));
}
// ANCHOR_END: main
