//! Speedup and efficiency on 1, 2, ... N threads (and 2N), for a purely
//! parallel job and for one with a serial phase, beside Amdahl's prediction.

// Timings depend on the machine; the book's run is a release build.
// output: release
// Thread counts, times and ratios vary between machines and runs: mask every
// number with the spaces before it, so column widths do not matter either.
// output: mask \s*\d+(\.\d+)?
// The tests run a tiny job on 1, 2 and 4 threads whatever the machine.
// output: test-args --quick

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
/// serial phase and of the whole job in the fastest of 5 runs.
fn run(units: u64, serial: u64, threads: u64, rounds: u32) -> (u64, Duration, Duration) {
    let mut best = (0, Duration::MAX, Duration::MAX);
    for _ in 0..5 {
        let start = Instant::now();
        let first: u64 = (0..serial)
            .map(|u| unit(u, rounds))
            .fold(0, u64::wrapping_add);
        let serial_time = start.elapsed();
        let rest = thread::scope(|s| {
            let handles: Vec<_> = (0..threads)
                .map(|k| {
                    let mine = (serial + k..units).step_by(threads as usize);
                    s.spawn(move || mine.map(|u| unit(u, rounds)).fold(0, u64::wrapping_add))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap())
                .fold(0, u64::wrapping_add)
        });
        let total = start.elapsed();
        if total < best.2 {
            best = (first.wrapping_add(rest), serial_time, total);
        }
    }
    best
}
// ANCHOR_END: job

// ANCHOR: table
/// Amdahl's law: the speedup on `n` processors when a fraction `s` is serial.
fn amdahl(s: f64, n: f64) -> f64 {
    1.0 / (s + (1.0 - s) / n)
}

fn table(units: u64, serial: u64, cores: u64, rounds: u32) {
    let (check, serial_time, one) = run(units, serial, 1, rounds);
    // The serial fraction, measured: the serial phase over the whole job.
    let s = serial_time.as_secs_f64() / one.as_secs_f64();
    println!("serial fraction s, measured: {s:.3}");
    println!("threads    time  speedup  efficiency  Amdahl");
    for threads in (1..=cores).chain([2 * cores]) {
        let (sum, _, time) = match threads {
            1 => (check, serial_time, one), // the baseline itself
            _ => run(units, serial, threads, rounds),
        };
        assert_eq!(sum, check, "the split must not change the result");
        let speedup = one.as_secs_f64() / time.as_secs_f64();
        let efficiency = 100.0 * speedup / threads as f64;
        let predicted = amdahl(s, threads.min(cores) as f64); // no more cores than `cores`
        let ms = time.as_secs_f64() * 1e3;
        println!("{threads:>7} {ms:>5.1} ms {speedup:>7.2}x {efficiency:>10.0}% {predicted:>6.2}x");
    }
}
// ANCHOR_END: table

// ANCHOR: main
fn main() {
    let quick = match std::env::args().nth(1).as_deref() {
        None => false,
        Some("--quick") => true,
        Some(other) => {
            eprintln!("error: unknown argument {other:?}\nusage: amdahl_speedup [--quick]");
            std::process::exit(2);
        }
    };
    let available = thread::available_parallelism().map_or(1, |n| n.get()) as u64;
    let (cores, units, rounds) = if quick {
        (2, 64, 100)
    } else {
        (available, 4_000, 20_000)
    };
    println!(
        "available_parallelism: {available}; threads: 1 to {cores}, then {}",
        2 * cores
    );
    println!("\njob A: {units} equal units, all of them parallel");
    table(units, 0, cores, rounds);
    println!("\njob B: the same units, the first quarter of them serial");
    table(units, units / 4, cores, rounds);
}
// ANCHOR_END: main
