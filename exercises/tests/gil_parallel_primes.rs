//! Tests for the exercise `gil_parallel_primes`.

use exercises::gil_parallel_primes::{count_primes, count_primes_parallel};

#[test]
fn known_counts() {
    // π(x), the number of primes below x (x itself is not prime here).
    let cases = [(10, 4), (100, 25), (1000, 168), (10_000, 1229)];
    // Interpreted by Miri (`cargo xtask miri`), the largest case alone takes
    // minutes, and the next one seconds.
    let cases = if cfg!(miri) { &cases[..2] } else { &cases[..] };
    for &(limit, primes) in cases {
        for threads in [1, 2, 3, 4, 8] {
            assert_eq!(
                count_primes_parallel(limit, threads),
                primes,
                "limit {limit}, {threads} threads"
            );
        }
    }
}

#[test]
fn the_limit_itself_is_not_counted() {
    assert_eq!(count_primes_parallel(7, 2), 3); // 2, 3, 5
    assert_eq!(count_primes_parallel(8, 3), 4); // 2, 3, 5, 7
}

#[test]
fn small_limits_and_odd_thread_counts() {
    assert_eq!(count_primes_parallel(0, 4), 0);
    assert_eq!(count_primes_parallel(1, 4), 0);
    assert_eq!(count_primes_parallel(3, 16), 1);
    assert_eq!(count_primes_parallel(100, 0), 25); // zero threads count as one
}

#[test]
fn agrees_with_the_sequential_count() {
    // Interpreted by Miri, every thread spawn is slow: fewer cases there.
    let (limits, most_threads) = if cfg!(miri) { (16, 4) } else { (150, 12) };
    for limit in 0..limits {
        for threads in 0..most_threads {
            assert_eq!(
                count_primes_parallel(limit, threads),
                count_primes(limit),
                "limit {limit}, {threads} threads"
            );
        }
    }
    if !cfg!(miri) {
        // Minutes for Miri's interpreter; the loop above covers the logic.
        assert_eq!(count_primes_parallel(100_000, 7), 9592);
    }
}
