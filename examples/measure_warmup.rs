//! Shows first-run costs: the first thread spawn, and the first touch of fresh memory.

// Timings and page-fault counts depend on the machine; the book's run is a
// release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick
// miri: skip calls getrusage through libc

use std::hint::black_box;
use std::thread;
use std::time::{Duration, Instant};

fn parse_args() -> usize {
    match std::env::args().nth(1).as_deref() {
        None => 64 << 20,
        Some("--quick") => 1 << 20,
        Some(other) => {
            eprintln!("error: unknown argument {other:?}\nusage: measure_warmup [--quick]");
            std::process::exit(2);
        }
    }
}

/// Minor page faults of this process so far (the kernel mapped a page on first touch).
fn minor_faults() -> i64 {
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `usage` is a valid, writable rusage for getrusage to fill in.
    assert_eq!(unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) }, 0);
    usage.ru_minflt
}

fn timed(f: impl FnOnce()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

// ANCHOR: main
fn main() {
    let bytes = parse_args();

    let spawns: Vec<Duration> = (0..5)
        .map(|i| {
            timed(|| {
                thread::spawn(move || black_box(i))
                    .join()
                    .map(drop)
                    .unwrap()
            })
        })
        .collect();
    println!("spawn + join, five in a row, µs:");
    for (i, d) in spawns.iter().enumerate() {
        println!("  run {}: {:7.1}", i + 1, d.as_secs_f64() * 1e6);
    }

    // vec! of zeros asks the kernel for fresh pages; it maps each one only
    // when the program first writes to it.
    let mut buf = vec![0u8; bytes];
    println!("writing {} MiB, twice:", bytes >> 20);
    for pass in 1..=2 {
        let faults = minor_faults();
        let d = timed(|| {
            buf.iter_mut()
                .step_by(64)
                .for_each(|b| *b = b.wrapping_add(1))
        });
        let faults = minor_faults() - faults;
        println!(
            "  pass {pass}: {:7.2} ms, {faults:6} page faults",
            d.as_secs_f64() * 1e3
        );
    }
    assert!(buf.iter().step_by(64).all(|&b| b == 2));
}
// ANCHOR_END: main
