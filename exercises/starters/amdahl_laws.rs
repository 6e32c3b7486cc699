//! # Exercise: Amdahl's law and Gustafson's law
//!
//! Two pure functions, no threads and no timing: the speedups the two laws
//! predict. Invalid inputs give `None`; nothing here panics.
//!
//! Test your attempt with `cargo test -p exercises --test amdahl_laws`.

/// Amdahl's law: the speedup of a job whose fraction `p` (of the time on one
/// processor) can run in parallel, on `n` processors: `1 / ((1 - p) + p / n)`.
///
/// Returns `None` when `p` is not a number in `0.0..=1.0` or `n` is 0.
/// For example, `amdahl(0.75, 2)` is `Some(1.6)`.
pub fn amdahl(p: f64, n: u32) -> Option<f64> {
    todo!("write this, then run: cargo test -p exercises --test amdahl_laws")
}

/// Gustafson's law: the scaled speedup on `n` processors when a fraction `s`
/// of the time *on the `n` processors* is serial: `n - s * (n - 1)`.
///
/// Returns `None` when `s` is not a number in `0.0..=1.0` or `n` is 0.
/// For example, `gustafson(0.25, 4)` is `Some(3.25)`.
pub fn gustafson(s: f64, n: u32) -> Option<f64> {
    todo!("write this, then run: cargo test -p exercises --test amdahl_laws")
}
