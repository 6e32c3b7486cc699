//! # Exercise: read a harness line and judge a comparison
//!
//! `cargo xtask measure` reads every figure of the book from the harness's
//! lines, then judges the book's statements by the p10–p90 rule. Write a
//! small version of both: [`figure`] reads one harness line, and
//! [`compare`] judges two figures.
//!
//! Test your attempt with `cargo test -p exercises --test measure_extract`.

/// One figure, as a harness line prints it.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub median: f64,
    pub p10: f64,
    pub p90: f64,
    /// The number of samples.
    pub n: usize,
    /// The unit as printed: `"µs"`, `"×"`, `"%"`, `"KiB"`; `""` if none.
    pub unit: String,
}

/// Finds the figure labelled `label` in `output`, the text a measurement
/// printed. A harness line has the form
///
/// ```text
/// LABEL  median M UNIT (p10–p90 A–B, n=N)
/// ```
///
/// The figure's line is the first line that, once leading spaces are
/// removed, starts with `label`, then at least two spaces, then `median `
/// (with one space after it). So the label `sum` finds `sum  median …`, but
/// not `sum, 2 threads  median …`.
///
/// The rest of that line, trailing spaces aside, must be exactly:
///
/// - the median `M`, then its unit: glued to the number (`26.7×`), after
///   one space (`64.5 µs`, `1.00 %`), or none at all (`970944`). The unit is
///   everything up to ` (p10–p90 `, and has no space in it;
/// - ` (p10–p90 `, then `A`, an en dash `–`, `B`, then `, n=`, `N` and `)`.
///
/// `M`, `A` and `B` are numbers: an optional `-`, then an ASCII digit, then
/// ASCII digits with at most one `.` among them (`0`, `64.5`, `-1.25`).
/// `N` is one or more ASCII digits, and nothing else.
///
/// For example:
///
/// - `"  two threads, mpsc channels    median 64.5 µs (p10–p90 44.1–77.3, n=10)"`
///   with label `"two threads, mpsc channels"` gives median 64.5, p10 44.1,
///   p90 77.3, n 10, unit `µs`;
/// - `"one process / one thread  median 26.7× (p10–p90 23.0–32.1, n=10)"`
///   gives the unit `×`;
/// - `"  lost updates, N threads       median 970944 (p10–p90 798799–1000000, n=100)"`
///   gives no unit, `""`;
/// - `"  job A, 2 threads: efficiency   median 98.9 % (p10–p90 95.8–101.8, n=10)"`
///   gives the unit `%`.
///
/// Returns `None` if no line has the label, or if its line does not have
/// the form above (say `median 64.5 µs (p10 44.1, n=10)`); a later line
/// with the same label is not tried.
pub fn figure(output: &str, label: &str) -> Option<Figure> {
    todo!("write this, then run: cargo test -p exercises --test measure_extract")
}

/// How one figure compares with another, by the book's rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The first figure's p90 is below the second's p10.
    Less,
    /// The first figure's p10 is above the second's p90.
    Greater,
    /// The two p10–p90 intervals overlap, if only at one end: this run
    /// cannot tell the two figures apart.
    Same,
}

/// Judges `a` against `b` by their p10–p90 intervals (see [`Verdict`]).
///
/// For example, `a` with p10–p90 1–2 is [`Verdict::Less`] than `b` with 3–4,
/// and the [`Verdict::Same`] as `b` with 2–4. Returns `None` if the two
/// units differ: `µs` and `ms` are not compared.
pub fn compare(a: &Figure, b: &Figure) -> Option<Verdict> {
    todo!("write this, then run: cargo test -p exercises --test measure_extract")
}
