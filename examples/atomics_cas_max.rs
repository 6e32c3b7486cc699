//! A lock-free maximum: a compare-exchange loop, and the `fetch_max` that does it for you.

// How often a thread loses the race depends on the scheduler.
// output: mask retries: \d+

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::thread;

// ANCHOR: cas_loop
/// Raises `max` to `value` if `value` is larger. Returns the attempts it took.
fn raise_to(max: &AtomicU64, value: u64) -> u32 {
    let mut attempts = 1;
    let mut current = max.load(Relaxed);
    while value > current {
        // Store `value` only if `max` still holds what we looked at.
        match max.compare_exchange_weak(current, value, Relaxed, Relaxed) {
            Ok(_) => break,
            Err(actual) => {
                current = actual; // someone changed it (or a spurious failure): look again
                attempts += 1;
            }
        }
    }
    attempts
}
// ANCHOR_END: cas_loop

// Miri interprets every atomic operation: a tenth of the readings, still in
// four chunks, checks the same code.
const READINGS: u64 = if cfg!(miri) { 4_000 } else { 40_000 };
const CHUNK: usize = READINGS as usize / 4;

// ANCHOR: main
fn main() {
    let readings: Vec<u64> = (0..READINGS).map(|i| i * 7919 % 100_003).collect();
    let (max, same_max) = (&AtomicU64::new(0), &AtomicU64::new(0));
    let retries: u32 = thread::scope(|s| {
        let handles: Vec<_> = readings
            .chunks(CHUNK)
            .map(|chunk| {
                s.spawn(move || {
                    let mut retries = 0;
                    for &r in chunk {
                        retries += raise_to(max, r) - 1;
                        same_max.fetch_max(r, Relaxed); // the same loop, built in
                    }
                    retries
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    });
    let expected = *readings.iter().max().unwrap();
    println!(
        "CAS-loop max: {}, fetch_max: {}",
        max.load(Relaxed),
        same_max.load(Relaxed)
    );
    println!("compare_exchange_weak retries: {retries}");
    assert_eq!(max.load(Relaxed), expected);
    assert_eq!(same_max.load(Relaxed), expected);
}
// ANCHOR_END: main
