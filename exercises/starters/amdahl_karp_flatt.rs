//! # Exercise: the serial fraction from a measured speedup
//!
//! Turn Amdahl's law around: given the speedup you measured on `n`
//! processors, which serial fraction would explain it? That number is the
//! Karp–Flatt metric. A pure function, no threads and no timing.
//!
//! Test your attempt with `cargo test -p exercises --test amdahl_karp_flatt`.

/// The experimentally determined serial fraction
/// `e = (1 / speedup - 1 / n) / (1 - 1 / n)`.
///
/// - `n == 1` tells nothing about the serial fraction: `None`.
/// - `n == 0`, or a `speedup` that is not a finite number above 0: `None`.
/// - Otherwise `Some(e)`. A speedup of exactly `n` gives 0 and a speedup of
///   1 gives 1. A superlinear speedup (above `n`) gives a negative `e`,
///   which is returned as it is.
///
/// For example, `serial_fraction_from_speedup(1.6, 2)` is `Some(0.25)`.
pub fn serial_fraction_from_speedup(speedup: f64, n: u32) -> Option<f64> {
    todo!("write this, then run: cargo test -p exercises --test amdahl_karp_flatt")
}
