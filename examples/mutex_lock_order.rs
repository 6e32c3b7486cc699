//! Locking in one global order (here: by index) removes the deadlock.

// miri: skip 200 000 transfers take minutes in an interpreter

use std::sync::Mutex;
use std::thread;

// ANCHOR: main
/// Moves `amount` from `accounts[from]` to `accounts[to]`, locking the lower index first.
fn transfer(accounts: &[Mutex<u64>], from: usize, to: usize, amount: u64) {
    assert_ne!(from, to, "locking one mutex twice would deadlock");
    let (low, high) = (from.min(to), from.max(to));
    let mut first = accounts[low].lock().unwrap();
    let mut second = accounts[high].lock().unwrap();
    let (source, target) = if from == low {
        (&mut *first, &mut *second)
    } else {
        (&mut *second, &mut *first)
    };
    let amount = amount.min(*source);
    *source -= amount;
    *target += amount;
}

fn main() {
    let accounts = [Mutex::new(1_000_u64), Mutex::new(1_000_u64)];
    let rounds = 100_000;
    thread::scope(|s| {
        s.spawn(|| (0..rounds).for_each(|_| transfer(&accounts, 0, 1, 7)));
        s.spawn(|| (0..rounds).for_each(|_| transfer(&accounts, 1, 0, 7)));
    });
    let total: u64 = accounts.iter().map(|a| *a.lock().unwrap()).sum();
    println!("{} transfers each way, both threads finished", rounds);
    println!("total: {total}");
    assert_eq!(total, 2_000);
}
// ANCHOR_END: main
