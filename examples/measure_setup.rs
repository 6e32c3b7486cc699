//! Shows a timed region that measures more than the work: the setup, or a log line per item.

// Timings depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick

use std::fmt::Write;
use std::hint::black_box;
use std::time::{Duration, Instant};

fn parse_args() -> u64 {
    match std::env::args().nth(1).as_deref() {
        None => 1_000_000,
        Some("--quick") => 1_000,
        Some(other) => {
            eprintln!("error: unknown argument {other:?}\nusage: measure_setup [--quick]");
            std::process::exit(2);
        }
    }
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let value = f();
    (value, start.elapsed())
}

// ANCHOR: main
fn main() {
    let n = parse_args();
    let make_input = || {
        (0..n)
            .map(|i| i.wrapping_mul(2_654_435_761) % 1000)
            .collect::<Vec<u64>>()
    };
    let input = make_input();
    let work = |data: &[u64]| data.iter().map(|x| x * x).sum::<u64>();

    // The work alone: the input exists before the clock starts.
    let (expected, work_only) = timed(|| work(black_box(&input)));
    // The clock also runs while the input is built.
    let (with_setup, setup_and_work) = timed(|| work(&make_input()));
    // A log line per item, formatted into memory (not even printed).
    let mut log = String::new();
    let (with_log, work_and_log) = timed(|| {
        let mut sum = 0;
        for (i, x) in black_box(&input).iter().enumerate() {
            sum += x * x;
            writeln!(log, "item {i}: {x}").unwrap();
        }
        sum
    });
    assert_eq!((with_setup, with_log), (expected, expected));

    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let row = |what: &str, d: Duration| {
        println!(
            "  {what:<22} {:8.3} ms  {:6.1}x",
            ms(d),
            ms(d) / ms(work_only)
        )
    };
    println!("sum of squares of {n} numbers; what the clock covered:");
    row("the work only", work_only);
    row("setup + work", setup_and_work);
    row("work + a log line each", work_and_log);
}
// ANCHOR_END: main
