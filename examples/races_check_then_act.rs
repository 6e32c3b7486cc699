//! Check-then-act: each step takes the lock, the pair does not, and the account is overdrawn.

use std::sync::{Barrier, Mutex};
use std::thread;

// ANCHOR: racy
/// Withdraws `amount` if the balance covers it; `between` runs between the
/// check and the act. Returns whether the withdrawal happened.
fn withdraw_racy(balance: &Mutex<i64>, amount: i64, between: impl Fn()) -> bool {
    let enough = *balance.lock().unwrap() >= amount; // check; the guard is dropped here
    between(); // nothing stops another thread from running here
    if enough {
        *balance.lock().unwrap() -= amount; // act, on a balance that may have changed
    }
    enough
}
// ANCHOR_END: racy

// ANCHOR: fixed
/// Checks and withdraws under one guard: no other thread can come in between.
fn withdraw(balance: &Mutex<i64>, amount: i64) -> bool {
    let mut balance = balance.lock().unwrap();
    if *balance < amount {
        return false;
    }
    *balance -= amount;
    true
} // the guard is dropped here, after both steps
// ANCHOR_END: fixed

// ANCHOR: main
fn main() {
    // Two threads withdraw 80 from 100. The barrier forces the unlucky
    // interleaving, so that it happens on every run: both check, then both act.
    let balance = Mutex::new(100);
    let both_checked = Barrier::new(2);
    let wait = || _ = both_checked.wait();
    let done = thread::scope(|s| {
        let a = s.spawn(|| withdraw_racy(&balance, 80, wait));
        let b = s.spawn(|| withdraw_racy(&balance, 80, wait));
        [a.join().unwrap(), b.join().unwrap()]
    });
    let done = done.iter().filter(|&&ok| ok).count();
    let balance = balance.into_inner().unwrap();
    println!("racy:  {done} of 2 withdrawals of 80 from 100 went through, balance {balance}");
    assert_eq!(balance, -60);

    // Eight threads withdraw 80 from 100 at once, through `withdraw`.
    let balance = Mutex::new(100);
    let done = thread::scope(|s| {
        let handles: Vec<_> = (0..8).map(|_| s.spawn(|| withdraw(&balance, 80))).collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap())
            .filter(|&ok| ok)
            .count()
    });
    let balance = balance.into_inner().unwrap();
    println!("fixed: {done} of 8 withdrawals of 80 from 100 went through, balance {balance}");
    assert_eq!((done, balance), (1, 20));
}
// ANCHOR_END: main
