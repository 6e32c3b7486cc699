//! # Solution: Amdahl's law and Gustafson's law

/// Amdahl's law: the speedup of a job whose fraction `p` (of the time on one
/// processor) can run in parallel, on `n` processors: `1 / ((1 - p) + p / n)`.
///
/// Returns `None` when `p` is not a number in `0.0..=1.0` or `n` is 0.
pub fn amdahl(p: f64, n: u32) -> Option<f64> {
    if !(0.0..=1.0).contains(&p) || n == 0 {
        return None; // a NaN is in no range, so it is rejected here too
    }
    Some(1.0 / ((1.0 - p) + p / f64::from(n)))
}

/// Gustafson's law: the scaled speedup on `n` processors when a fraction `s`
/// of the time *on the `n` processors* is serial: `n - s * (n - 1)`.
///
/// Returns `None` when `s` is not a number in `0.0..=1.0` or `n` is 0.
pub fn gustafson(s: f64, n: u32) -> Option<f64> {
    if !(0.0..=1.0).contains(&s) || n == 0 {
        return None;
    }
    let n = f64::from(n);
    Some(n - s * (n - 1.0))
}
