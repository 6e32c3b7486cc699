//! # Exercise: read a figure from a recorded output
//!
//! `cargo xtask measure` compares this machine with the book by reading the
//! same figure from two outputs. Write the part that reads one figure.
//!
//! Test your attempt with `cargo test -p exercises --test measure_extract`.

/// One figure read from an output: a number and its unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub value: f64,
    /// The unit, such as `µs`, `ms`, `ns` or `x`; empty if there is none.
    pub unit: String,
}

/// Finds the first line of `output` that, once leading spaces are removed,
/// starts with `label`, and returns the first number after the label.
///
/// A number is a run of ASCII digits with at most one `.` inside it. The
/// unit is the text right after the number, up to the next space or the end
/// of the line; if the number is followed by a space (or ends the line), the
/// unit is the next word, if that word has no digit in it.
///
/// - `"  Mutex<u64>   10.1   31.0"` with label `"Mutex<u64>"` gives 10.1, no unit;
/// - `"  spawn + join   40.6 µs"` with label `"spawn + join"` gives 40.6 µs;
/// - `"Rust     2    15.0 ms"` with label `"Rust     2"` gives 15.0 ms;
/// - `"parallel: 12.4ms"` with label `"parallel:"` gives 12.4 ms.
///
/// Returns `None` if no line starts with the label, or that line has no
/// number after it.
pub fn figure(output: &str, label: &str) -> Option<Figure> {
    todo!("write this, then run: cargo test -p exercises --test measure_extract")
}

/// This machine's value divided by the book's, for the same figure. `None`
/// if the units differ or the book's value is 0.
pub fn ratio(this: &Figure, book: &Figure) -> Option<f64> {
    todo!("write this, then run: cargo test -p exercises --test measure_extract")
}
