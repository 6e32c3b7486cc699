//! # Solution: count primes on every core

use std::thread;

/// Whether `n` is prime, by trial division up to its square root.
pub fn is_prime(n: u64) -> bool {
    n >= 2
        && (2..)
            .take_while(|d| d * d <= n)
            .all(|d| !n.is_multiple_of(d))
}

/// The number of primes below `limit`, counted on the calling thread.
pub fn count_primes(limit: u64) -> u64 {
    (0..limit).filter(|&n| is_prime(n)).count() as u64
}

/// The number of primes below `limit`, counted on `threads` scoped threads
/// (`threads == 0` counts as 1). Each number below `limit` is checked by
/// exactly one thread, and the threads run at the same time.
pub fn count_primes_parallel(limit: u64, threads: usize) -> u64 {
    let threads = threads.max(1);
    thread::scope(|s| {
        // Thread k checks k, k + threads, k + 2 * threads, ...: every number
        // exactly once, and big (slow) numbers spread over all threads.
        let handles: Vec<_> = (0..threads)
            .map(|k| {
                s.spawn(move || {
                    (k as u64..limit)
                        .step_by(threads)
                        .filter(|&n| is_prime(n))
                        .count() as u64
                })
            })
            .collect(); // spawn them all before joining any
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    })
}
