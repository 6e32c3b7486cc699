//! Repeats one measurement many times and prints its spread: the harness's
//! median and p10–p90 beside the min, mean and max, and how they move.

// Timings depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick

use harness::{Figure, Harness, Unit};
use std::hint::black_box;
use std::thread;
use std::time::{Duration, Instant};

/// The time of one spawn and join.
fn spawn_join() -> Duration {
    let start = Instant::now();
    thread::spawn(|| black_box(1)).join().unwrap();
    start.elapsed()
}

/// A distribution's summary, in µs.
struct Spread {
    min: f64,
    median: f64,
    mean: f64,
    max: f64,
}

impl Spread {
    fn of(samples: &[Duration]) -> Self {
        let mut us: Vec<f64> = samples.iter().map(|d| d.as_secs_f64() * 1e6).collect();
        us.sort_by(f64::total_cmp);
        let n = us.len();
        Spread {
            min: us[0],
            median: us[n / 2],
            mean: us.iter().sum::<f64>() / n as f64,
            max: us[n - 1],
        }
    }
}

// ANCHOR: main
fn main() {
    let h = Harness::from_args("measure_spread");
    let runs = if h.is_quick() { 5 } else { 1000 };
    let distribution = || (0..runs).map(|_| spawn_join()).collect::<Vec<_>>();
    spawn_join(); // one warm-up run, not counted: the first spawn pays extra

    // One distribution: the harness's line for its samples, and what the
    // line leaves out.
    let samples = distribution();
    let s = Spread::of(&samples);
    assert!(s.min <= s.median && s.median <= s.max);
    let nanos = samples.iter().map(|d| d.as_nanos() as f64).collect();
    println!("{runs} runs of spawn + join, each timed alone:");
    println!("  {:15}", Figure::new("spawn + join", Unit::Time, nanos));
    println!(
        "  min {:.1} µs, mean {:.1} µs, max {:.1} µs",
        s.min, s.mean, s.max
    );

    // The shape again and again: each sample is a new distribution.
    println!("the shape of {runs} runs, sampled again and again:");
    let shape = |label, ratio: fn(&Spread) -> f64| {
        h.sample(label, "×", || ratio(&Spread::of(&distribution())))
    };
    println!("  {:15}", shape("median / min", |s| s.median / s.min));
    println!("  {:15}", shape("max / min", |s| s.max / s.min));
    println!("  {:15}", shape("mean / median", |s| s.mean / s.median));
}
// ANCHOR_END: main
