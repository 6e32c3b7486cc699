//! Side by side with Python: a check, then an act, each under the lock, and the account is overdrawn.

use std::sync::{Barrier, Mutex};
use std::thread;

// ANCHOR: main
fn withdraw(balance: &Mutex<i64>, amount: i64, both_checked: &Barrier) {
    let enough = *balance.lock().unwrap() >= amount; // check; the guard is dropped at the `;`
    both_checked.wait(); // let the other thread check too
    if enough {
        *balance.lock().unwrap() -= amount; // act, on an answer about the past
    }
}

fn main() {
    let balance = Mutex::new(100);
    let both_checked = Barrier::new(2);
    thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| withdraw(&balance, 80, &both_checked));
        }
    }); // the scope joins both threads here
    let balance = balance.into_inner().unwrap();
    println!("balance {balance}");
    assert_eq!(balance, -60);
}
// ANCHOR_END: main
