//! Repeats one measurement many times and prints its spread: min, median, mean, max.

// Timings depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick

use std::hint::black_box;
use std::thread;
use std::time::{Duration, Instant};

fn parse_args() -> usize {
    match std::env::args().nth(1).as_deref() {
        None => 1000,
        Some("--quick") => 20,
        Some(other) => {
            eprintln!("error: unknown argument {other:?}\nusage: measure_spread [--quick]");
            std::process::exit(2);
        }
    }
}

// ANCHOR: main
fn main() {
    let runs = parse_args();
    // One warm-up run, not counted: the first spawn pays extra.
    thread::spawn(|| ()).join().unwrap();

    let mut samples: Vec<Duration> = (0..runs)
        .map(|i| {
            let start = Instant::now();
            thread::spawn(move || black_box(i)).join().unwrap();
            start.elapsed()
        })
        .collect();
    samples.sort();

    let us = |d: Duration| d.as_secs_f64() * 1e6;
    let mean = samples.iter().sum::<Duration>() / runs as u32;
    let (min, median, max) = (samples[0], samples[runs / 2], samples[runs - 1]);
    let p90 = samples[runs * 9 / 10];
    println!("{runs} runs of spawn + join, in µs:");
    println!(
        "  min {:.1}  median {:.1}  mean {:.1}  90% {:.1}  max {:.1}",
        us(min),
        us(median),
        us(mean),
        us(p90),
        us(max)
    );
    println!(
        "max / min: {:.1}, mean / median: {:.2}",
        us(max) / us(min),
        us(mean) / us(median)
    );
    assert!(min <= median && median <= max);
}
// ANCHOR_END: main
