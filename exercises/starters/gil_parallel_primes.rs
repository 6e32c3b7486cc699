//! # Exercise: count primes on every core
//!
//! In CPython with the GIL, counting primes on N threads takes as long as on
//! one. In Rust, the threads run on N cores at once. Write
//! [`count_primes_parallel`], which splits the work over scoped threads
//! (`std::thread::scope`) and must return exactly what the sequential
//! [`count_primes`] returns.
//!
//! Test your attempt with `cargo test -p exercises --test gil_parallel_primes`.

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
    todo!("write this, then run: cargo test -p exercises --test gil_parallel_primes")
}
