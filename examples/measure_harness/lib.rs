//! The book's measurement harness. Every release-mode measurement in the
//! book takes its figures through it, so every figure is taken the same way
//! and printed in one form that `cargo xtask` parses:
//!
//! ```text
//! two threads, mpsc channels     median 36.6 µs (p10–p90 35.1–38.0, n=10)
//! ```
//!
//! A figure is measured in *samples*. The harness first warms up (the
//! first runs, which pay for cold caches, page faults and lazy set-up, are
//! thrown away), then takes at least ten samples, about a second of them in
//! all, and reports their median and the 10th and 90th percentiles: the
//! middle of the samples and the range the middle 80% of them fall in. The
//! percentiles interpolate linearly between sorted samples, as Python's
//! `statistics.quantiles(method="inclusive")` does, so the Python listings'
//! harness (`listings/python/harness.py`) computes the same figures.
//!
//! With `quick` (the examples' `--quick`, which the tests use) the harness
//! takes five tiny samples: the numbers mean nothing, the form is the same.
//!
//! Chapter 22 explains each choice.

use std::fmt;
use std::hint::black_box;
use std::time::{Duration, Instant};

// ANCHOR: harness
/// How figures are taken: in full, or small for the tests.
#[derive(Clone, Copy, Debug)]
pub struct Harness {
    quick: bool,
}

impl Harness {
    /// The number of samples of a full run, at least.
    pub const SAMPLES: usize = 10;
    /// The time one figure takes in a full run, about.
    pub const BUDGET: Duration = Duration::from_secs(1);

    pub fn new(quick: bool) -> Self {
        Harness { quick }
    }

    /// The harness for an example whose only argument may be `--quick`;
    /// anything else ends the program with a usage message and exit code 2.
    pub fn from_args(example: &str) -> Self {
        match std::env::args().nth(1).as_deref() {
            None => Harness::new(false),
            Some("--quick") => Harness::new(true),
            Some(other) => {
                eprintln!("error: unexpected argument {other:?}\nusage: {example} [--quick]");
                std::process::exit(2);
            }
        }
    }

    pub fn is_quick(&self) -> bool {
        self.quick
    }

    fn samples(&self) -> usize {
        // Under Miri, which checks the code and not its speed, two samples
        // exercise every path.
        if cfg!(miri) {
            2
        } else if self.quick {
            5
        } else {
            Self::SAMPLES
        }
    }

    fn budget(&self) -> Duration {
        if self.quick {
            Duration::from_millis(5)
        } else {
            Self::BUDGET
        }
    }

    /// The time one call of `op` takes. `op` runs in batches long enough
    /// for the clock's cost not to matter (a tenth of the budget each); the
    /// batches that find that length are the warm-up.
    pub fn time<T>(&self, label: &str, mut op: impl FnMut() -> T) -> Figure {
        let target = self.budget() / Self::SAMPLES as u32;
        let mut batch: u64 = 1;
        loop {
            let start = Instant::now();
            for _ in 0..batch {
                black_box(op());
            }
            if start.elapsed() >= target || batch >= 1 << 40 || cfg!(miri) {
                break;
            }
            batch *= 2;
        }
        let samples = (0..self.samples())
            .map(|_| {
                let start = Instant::now();
                for _ in 0..batch {
                    black_box(op());
                }
                start.elapsed().as_nanos() as f64 / batch as f64
            })
            .collect();
        Figure::new(label, Unit::Time, samples)
    }

    /// A figure of which each call of `sample` returns one sample, in
    /// `unit` (`"KiB"`, `"×"` for a ratio, `""` for a count). The first
    /// call is the warm-up. Samples are taken until there are ten and a
    /// second has passed (five, in a quick run).
    pub fn sample(&self, label: &str, unit: &'static str, sample: impl FnMut() -> f64) -> Figure {
        Figure::new(label, Unit::Other(unit), self.collect(sample))
    }

    /// Like [`Harness::sample`], for samples that are durations.
    pub fn sample_time(&self, label: &str, mut sample: impl FnMut() -> Duration) -> Figure {
        let samples = self.collect(|| sample().as_nanos() as f64);
        Figure::new(label, Unit::Time, samples)
    }

    fn collect(&self, mut sample: impl FnMut() -> f64) -> Vec<f64> {
        black_box(sample()); // warm-up
        let start = Instant::now();
        let mut samples = Vec::new();
        while samples.len() < self.samples()
            || (start.elapsed() < self.budget() && samples.len() < 100)
        {
            samples.push(sample());
        }
        samples
    }
}
// ANCHOR_END: harness

/// What a figure counts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Unit {
    /// Nanoseconds, shown in ns, µs, ms or s, whichever suits the median.
    Time,
    /// Any other unit, shown as given.
    Other(&'static str),
}

/// One measured figure: its samples, sorted.
#[derive(Clone, Debug)]
pub struct Figure {
    label: String,
    unit: Unit,
    samples: Vec<f64>,
    n: usize,
}

impl Figure {
    /// A figure from its samples (in nanoseconds for [`Unit::Time`]).
    pub fn new(label: &str, unit: Unit, mut samples: Vec<f64>) -> Self {
        assert!(!samples.is_empty(), "{label}: a figure needs samples");
        assert!(
            samples.iter().all(|s| s.is_finite()),
            "{label}: {samples:?}"
        );
        samples.sort_by(f64::total_cmp);
        let n = samples.len();
        Figure {
            label: label.to_owned(),
            unit,
            samples,
            n,
        }
    }

    /// `self / other`, as a ratio (`×`). The ratios of every sample of
    /// `self` to every sample of `other` are its samples, so its spread is
    /// that of one run of each; `n` is the smaller of the two counts. A
    /// sample of `other` that is zero (a memory figure can be, when freed
    /// pages are reused) divides nothing and is left out.
    pub fn over(&self, other: &Figure, label: &str) -> Figure {
        assert_eq!(self.unit, other.unit, "{label}: a ratio of unlike units");
        let ratios: Vec<f64> = self
            .samples
            .iter()
            .flat_map(|a| {
                other
                    .samples
                    .iter()
                    .filter(|b| **b != 0.0)
                    .map(move |b| a / b)
            })
            .collect();
        assert!(
            !ratios.is_empty(),
            "{label}: every sample of the divisor is zero"
        );
        let mut ratio = Figure::new(label, Unit::Other("×"), ratios);
        ratio.n = self.n.min(other.n);
        ratio
    }

    /// The `q`-quantile (0 ≤ q ≤ 1), interpolated between sorted samples.
    pub fn quantile(&self, q: f64) -> f64 {
        let pos = q * (self.samples.len() - 1) as f64;
        let (lo, frac) = (pos.floor() as usize, pos.fract());
        let hi = (lo + 1).min(self.samples.len() - 1);
        self.samples[lo] + (self.samples[hi] - self.samples[lo]) * frac
    }

    pub fn median(&self) -> f64 {
        self.quantile(0.5)
    }

    pub fn p10(&self) -> f64 {
        self.quantile(0.1)
    }

    pub fn p90(&self) -> f64 {
        self.quantile(0.9)
    }

    /// The median as a `Duration` (for a figure of [`Unit::Time`]).
    pub fn median_duration(&self) -> Duration {
        assert_eq!(self.unit, Unit::Time, "{}: not a time", self.label);
        Duration::from_nanos(self.median().round() as u64)
    }
}

/// `label  median M unit (p10–p90 A–B, n=N)`; a width, as in `{:30}`,
/// pads the label so that the figures of several lines line up.
impl fmt::Display for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (scale, unit) = match self.unit {
            Unit::Time => match self.median() {
                m if m < 1e3 => (1.0, "ns"),
                m if m < 1e6 => (1e3, "µs"),
                m if m < 1e9 => (1e6, "ms"),
                _ => (1e9, "s"),
            },
            Unit::Other(unit) => (1.0, unit),
        };
        let median = self.median() / scale;
        // Three significant digits of the median; the percentiles as many
        // decimals, so the three read alike.
        let digits = if median == 0.0 {
            0
        } else {
            (2 - median.abs().log10().floor() as i32).clamp(0, 4) as usize
        };
        let space = if unit.is_empty() || unit == "×" {
            ""
        } else {
            " "
        };
        let width = f.width().unwrap_or(0);
        write!(
            f,
            "{:<width$}  median {median:.digits$}{space}{unit} (p10–p90 {:.digits$}–{:.digits$}, n={})",
            self.label,
            self.p10() / scale,
            self.p90() / scale,
            self.n,
        )
    }
}

/// What an example needs of the system it runs on.
///
/// A few examples call what only some systems have: `fork` and `getrusage`
/// (Unix), `/proc` and `sched_setaffinity` (Linux). They compile everywhere,
/// and where they cannot run they end with [`platform::needs`], which says
/// what they need and why, instead of failing halfway or printing wrong
/// figures.
pub mod platform {
    /// What an example that reads `/proc` or pins threads needs.
    pub const LINUX: &str = "Linux";
    /// What an example that forks, or calls `getrusage` or `setrlimit`, needs.
    pub const UNIX: &str = "a Unix system (Linux, macOS)";

    /// Ends the program: prints `this example needs WHAT: WHY` on stderr and
    /// exits with status 2, the examples' status for "cannot run as asked".
    ///
    /// ```no_run
    /// use harness::platform::{LINUX, needs};
    ///
    /// if !cfg!(target_os = "linux") {
    ///     needs(LINUX, "it reads /proc/self/status to count its threads");
    /// }
    /// ```
    pub fn needs(what: &str, why: &str) -> ! {
        eprintln!("{}", message(what, why));
        std::process::exit(2)
    }

    /// The sentence [`needs`] prints.
    pub fn message(what: &str, why: &str) -> String {
        format!("this example needs {what}: {why}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platform_needs_says_what_and_why() {
        assert_eq!(
            platform::message(platform::UNIX, "it calls fork"),
            "this example needs a Unix system (Linux, macOS): it calls fork"
        );
    }

    #[test]
    fn quantiles_interpolate_like_python_inclusive() {
        let f = Figure::new("x", Unit::Other(""), (1..=10).map(f64::from).collect());
        // statistics.quantiles(range(1, 11), n=10, method="inclusive")
        assert!((f.p10() - 1.9).abs() < 1e-9);
        assert!((f.p90() - 9.1).abs() < 1e-9);
        assert!((f.median() - 5.5).abs() < 1e-9);
    }

    #[test]
    fn lines_have_the_parsed_form() {
        let f = Figure::new("a, b", Unit::Time, vec![36_620.0, 35_100.0, 38_000.0]);
        assert_eq!(
            format!("{f:8}"),
            "a, b      median 36.6 µs (p10–p90 35.4–37.7, n=3)"
        );
        let r = Figure::new("r", Unit::Other("×"), vec![1.25, 1.3, 1.35]);
        assert_eq!(r.to_string(), "r  median 1.30× (p10–p90 1.26–1.34, n=3)");
    }

    #[test]
    fn a_ratio_spreads_over_every_pair() {
        let a = Figure::new("a", Unit::Time, vec![10.0, 20.0]);
        let b = Figure::new("b", Unit::Time, vec![5.0, 10.0]);
        let r = a.over(&b, "a / b");
        assert_eq!(r.samples, vec![1.0, 2.0, 2.0, 4.0]);
        assert_eq!(r.n, 2);
        let zero = Figure::new("z", Unit::Time, vec![0.0, 5.0]);
        assert_eq!(a.over(&zero, "a / z").samples, vec![2.0, 4.0]);
    }
}
