//! The operations every atomic type has, one at a time, on one thread.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};

// ANCHOR: main
fn main() {
    let x = AtomicU64::new(10);
    let now = || x.load(Relaxed);

    x.store(20, Relaxed);
    println!("store(20), load      -> {}", now());
    // Read-modify-write operations return the value from *before* the change.
    let old = x.fetch_add(5, Relaxed);
    println!("fetch_add(5)         -> {old}, now {}", now());
    let old = x.fetch_sub(3, Relaxed);
    println!("fetch_sub(3)         -> {old}, now {}", now());
    let old = x.fetch_or(0b1, Relaxed);
    println!("fetch_or(0b1)        -> {old}, now {}", now());
    let old = x.swap(100, Relaxed);
    println!("swap(100)            -> {old}, now {}", now());

    // Compare-and-exchange: "if it is still `current`, make it `new`".
    let won = x.compare_exchange(100, 7, Relaxed, Relaxed);
    println!("compare_exchange(100, 7) -> {won:?}, now {}", now());
    let lost = x.compare_exchange(100, 8, Relaxed, Relaxed);
    println!("compare_exchange(100, 8) -> {lost:?}, now {}", now());

    // `update` runs a closure in a compare-exchange loop; `try_update` may refuse.
    let old = x.update(Relaxed, Relaxed, |v| v * 3);
    println!("update(v * 3)        -> {old}, now {}", now());
    let refused = x.try_update(Relaxed, Relaxed, |v| (v < 20).then(|| v + 1));
    println!("try_update(if < 20)  -> {refused:?}, now {}", now());

    let flag = AtomicBool::new(false);
    println!("flag.swap(true)      -> {}", flag.swap(true, Relaxed));
    println!(
        "flag.fetch_and(false) -> {}",
        flag.fetch_and(false, Relaxed)
    );

    assert_eq!(x.into_inner(), 21);
    assert!(!flag.into_inner());
}
// ANCHOR_END: main
