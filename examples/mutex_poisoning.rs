//! A thread that panics while holding a lock poisons it; the data can still be recovered.

// The panic message names the thread's OS-level ID, which changes from run to run.
// output: mask \(\d+\)

use std::sync::{Arc, Mutex};
use std::thread;

// ANCHOR: main
fn main() {
    let accounts = Arc::new(Mutex::new([100_i64, 100]));

    let shared = Arc::clone(&accounts);
    let result = thread::spawn(move || {
        let mut balances = shared.lock().unwrap();
        balances[0] -= 30; // the debit is done...
        panic!("crashed in the middle of a transfer"); // ...the credit never happens
    })
    .join();
    println!("the worker panicked: {}", result.is_err());
    println!("is_poisoned: {}", accounts.is_poisoned());

    // lock() still locks, but wraps the guard in Err(PoisonError).
    let mut balances = match accounts.lock() {
        Ok(guard) => guard,
        Err(poisoned) => {
            println!("lock() returned Err: {poisoned}");
            poisoned.into_inner() // the guard: the data, and the lock, are ours
        }
    };
    let total: i64 = balances.iter().sum();
    println!(
        "balances {:?}, total {total}: the invariant is broken",
        *balances
    );

    balances[1] += 30; // repair: finish the transfer (or undo the debit)
    assert_eq!(balances.iter().sum::<i64>(), 200);
    accounts.clear_poison(); // tell later users the data is consistent again
    drop(balances);
    println!(
        "after repair: {:?}, is_poisoned: {}",
        *accounts.lock().unwrap(),
        accounts.is_poisoned()
    );
}
// ANCHOR_END: main
