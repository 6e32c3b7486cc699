//! Check-then-act under one guard: however many threads compete, the account is never overdrawn.

use std::sync::Mutex;
use std::thread;

// ANCHOR: main
/// Checks and withdraws under one guard: no other thread can come in between.
fn withdraw(balance: &Mutex<i64>, amount: i64) -> bool {
    let mut balance = balance.lock().unwrap();
    if *balance < amount {
        return false;
    }
    *balance -= amount;
    true
} // the guard is dropped here, after both steps

fn main() {
    // Eight threads withdraw 80 from 100 at once.
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
    println!("{done} of 8 withdrawals of 80 from 100 went through, balance {balance}");
    assert_eq!((done, balance), (1, 20));
}
// ANCHOR_END: main
