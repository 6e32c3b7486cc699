//! Side by side with Python: two threads move money between two accounts inside one `Mutex`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::thread;

// ANCHOR: main
fn transfer(balances: &Mutex<HashMap<&str, i64>>, src: &str, dst: &str, amount: i64) {
    let mut accounts = balances.lock().unwrap(); // the only way to the balances
    *accounts.get_mut(src).unwrap() -= amount;
    *accounts.get_mut(dst).unwrap() += amount;
} // `accounts`, the guard, is dropped here: unlocked

fn main() {
    let balances = Arc::new(Mutex::new(HashMap::from([("a", 100), ("b", 100)])));

    let handles: Vec<_> = [("a", "b"), ("b", "a")]
        .into_iter()
        .map(|(src, dst)| {
            let balances = Arc::clone(&balances); // one more owner, for this thread
            thread::spawn(move || {
                for _ in 0..200 {
                    transfer(&balances, src, dst, 1);
                }
            })
        })
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }

    let accounts = balances.lock().unwrap();
    let total: i64 = accounts.values().sum();
    println!("a {}, b {}, total {total}", accounts["a"], accounts["b"]);
    assert_eq!((accounts["a"], accounts["b"], total), (100, 100, 200));
}
// ANCHOR_END: main
