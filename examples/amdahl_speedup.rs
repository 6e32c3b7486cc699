//! Speedup and efficiency on 2, ... N threads (and 2N), for a purely
//! parallel job and for one with a serial phase, beside Amdahl's prediction.

// Timings depend on the machine; the book's run is a release build.
// output: release
// Thread counts and sizes vary between machines and runs: mask every number
// with the spaces before it, so column widths do not matter either.
// output: mask \s*\d+(\.\d+)?
// The tests run a tiny job on 1, 2 and 4 threads whatever the machine.
// output: test-args --quick

use harness::{Figure, Harness, Unit};
use std::thread;
use std::time::{Duration, Instant};

// ANCHOR: job
/// One unit of pure computation; every unit costs the same.
fn unit(seed: u64, rounds: u32) -> u64 {
    let mut x = seed | 1;
    for _ in 0..rounds {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
    }
    x
}

/// Units `0..serial` on this thread, then units `serial..units` shared by
/// `threads` scoped threads. Returns the checksum, and the time of the
/// serial phase and of the whole job.
fn run(units: u64, serial: u64, threads: u64, rounds: u32) -> (u64, Duration, Duration) {
    let start = Instant::now();
    // A checksum of the units' results: a sum that wraps around on overflow.
    // This is std's sequential `fold`: a start value, then one step per item.
    let first: u64 = (0..serial)
        .map(|u| unit(u, rounds))
        .fold(0, u64::wrapping_add);
    let serial_time = start.elapsed();
    let rest = thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|k| {
                // Thread k takes units serial + k, then every `threads`-th one after.
                let mine = (serial + k..units).step_by(threads as usize);
                s.spawn(move || mine.map(|u| unit(u, rounds)).fold(0, u64::wrapping_add))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap())
            .fold(0, u64::wrapping_add)
    });
    (first.wrapping_add(rest), serial_time, start.elapsed())
}
// ANCHOR_END: job

/// Figures that come from the same samples: each call of `measure` returns
/// one sample of every figure, and the harness decides how many calls to
/// make from the first figure.
fn figures<const K: usize>(
    h: &Harness,
    labels: [(String, &'static str); K],
    mut measure: impl FnMut() -> [f64; K],
) -> [Figure; K] {
    let mut rows = Vec::new();
    h.sample(&labels[0].0, labels[0].1, || {
        let row = measure();
        rows.push(row);
        row[0]
    });
    rows.remove(0); // the harness's warm-up call
    std::array::from_fn(|k| {
        let samples = rows.iter().map(|row| row[k]).collect();
        Figure::new(&labels[k].0, Unit::Other(labels[k].1), samples)
    })
}

/// Amdahl's law: the speedup on `n` processors when a fraction `s` is serial.
fn amdahl(s: f64, n: f64) -> f64 {
    1.0 / (s + (1.0 - s) / n)
}

fn table(h: &Harness, job: &str, units: u64, serial: u64, cores: u64, rounds: u32) {
    let (check, _, _) = run(units, serial, 1, rounds);
    // The serial fraction, measured: the serial phase over the whole job.
    let s = h.sample(&format!("{job}: serial fraction s"), "", || {
        let (_, serial_time, total) = run(units, serial, 1, rounds);
        serial_time.as_secs_f64() / total.as_secs_f64()
    });
    println!("  {s:29}");
    for threads in (2..=cores).chain([2 * cores]) {
        // Three figures from the same samples (`figures` is above).
        let label = |what, unit| (format!("{job}, {threads} threads: {what}"), unit);
        let [speedup, efficiency, predicted] = figures(
            h,
            [
                label("speedup", "×"),
                label("efficiency", "%"),
                label("Amdahl", "×"),
            ],
            || {
                // ANCHOR: sample
                // T(1) and T(N) in the same sample: the speedup is paired.
                let (_, serial_time, one) = run(units, serial, 1, rounds);
                let (sum, _, time) = run(units, serial, threads, rounds);
                assert_eq!(sum, check, "the split must not change the result");
                let s = serial_time.as_secs_f64() / one.as_secs_f64();
                let speedup = one.as_secs_f64() / time.as_secs_f64();
                // No more processors than `cores`, however many threads.
                let predicted = amdahl(s, threads.min(cores) as f64);
                [speedup, 100.0 * speedup / threads as f64, predicted]
                // ANCHOR_END: sample
            },
        );
        println!("  {speedup:29}\n  {efficiency:29}");
        if threads <= cores {
            println!("  {predicted:29}");
        }
    }
}

// ANCHOR: main
fn main() {
    let h = Harness::from_args("amdahl_speedup");
    let available = thread::available_parallelism().map_or(1, |n| n.get()) as u64;
    let (cores, units, rounds) = if h.is_quick() {
        (2, 16, 10)
    } else {
        (available, 2_000, 20_000)
    };
    println!(
        "available_parallelism: {available}; threads: 1 to {cores}, then {}",
        2 * cores
    );
    println!("job A: {units} equal units, all of them parallel");
    table(&h, "job A", units, 0, cores, rounds);
    println!("job B: the same units, the first quarter of them serial");
    table(&h, "job B", units, units / 4, cores, rounds);
}
// ANCHOR_END: main
