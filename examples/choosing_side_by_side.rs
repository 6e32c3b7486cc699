//! The job of Python's two pools in Rust: scoped threads do the waiting and
//! the computing alike.

use std::thread;
use std::time::Duration;

// ANCHOR: main
fn fetch(i: u64) -> u64 {
    thread::sleep(Duration::from_millis(20)); // stands in for a network call
    i * i
}

/// CPU-bound: the number of primes below `n`, by trial division.
fn count_primes(n: u64) -> u64 {
    let is_prime = |k: u64| {
        k >= 2
            && (2..)
                .take_while(|d| d * d <= k)
                .all(|d| !k.is_multiple_of(d))
    };
    (0..n).filter(|&k| is_prime(k)).count() as u64
}

fn main() {
    let (fetched, primes) = thread::scope(|s| {
        let waits: Vec<_> = (0..8).map(|i| s.spawn(move || fetch(i))).collect();
        let counts = [1_000, 2_000].map(|n| s.spawn(move || count_primes(n)));
        let fetched: Vec<u64> = waits.into_iter().map(|h| h.join().unwrap()).collect();
        (fetched, counts.map(|h| h.join().unwrap()))
    });
    println!("fetched {fetched:?}");
    println!("primes {primes:?}");
    assert_eq!(primes, [168, 303]);
}
// ANCHOR_END: main
