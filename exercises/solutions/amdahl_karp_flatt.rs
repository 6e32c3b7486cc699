//! # Solution: the serial fraction from a measured speedup

/// The experimentally determined serial fraction
/// `e = (1 / speedup - 1 / n) / (1 - 1 / n)` (the Karp–Flatt metric).
///
/// `None` for `n < 2` or a `speedup` that is not a finite number above 0.
pub fn serial_fraction_from_speedup(speedup: f64, n: u32) -> Option<f64> {
    if n < 2 || !speedup.is_finite() || speedup <= 0.0 {
        return None;
    }
    let inv_n = 1.0 / f64::from(n);
    Some((1.0 / speedup - inv_n) / (1.0 - inv_n))
}
