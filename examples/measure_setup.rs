//! Shows a timed region that measures more than the work: the setup, or a log line per item.

// Timings depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick

use harness::Harness;
use std::fmt::Write;
use std::hint::black_box;

// ANCHOR: main
fn main() {
    let h = Harness::from_args("measure_setup");
    let n: u64 = if h.is_quick() { 200 } else { 1_000_000 };
    let make_input = || {
        (0..n)
            .map(|i| i.wrapping_mul(2_654_435_761) % 1000)
            .collect::<Vec<u64>>()
    };
    let input = make_input();
    let work = |data: &[u64]| data.iter().map(|x| x * x).sum::<u64>();
    let expected = work(&input);

    // The work alone: the input exists before the clock starts.
    let work_only = h.time("the work only", || work(black_box(&input)));
    // The clock also runs while the input is built.
    let with_setup = h.time("setup + work", || {
        assert_eq!(work(&make_input()), expected);
    });
    // A log line per item, formatted into memory (not even printed).
    let mut log = String::new();
    let with_log = h.time("work + a log line each", || {
        log.clear();
        let mut sum = 0;
        for (i, x) in black_box(&input).iter().enumerate() {
            sum += x * x;
            writeln!(log, "item {i}: {x}").unwrap();
        }
        assert_eq!(sum, expected);
    });

    println!("sum of squares of {n} numbers; what the clock covered:");
    let setup_ratio = with_setup.over(&work_only, "setup + work / work only");
    let log_ratio = with_log.over(&work_only, "work + log / work only");
    for figure in [work_only, with_setup, with_log, setup_ratio, log_ratio] {
        println!("  {figure:26}");
    }
}
// ANCHOR_END: main
