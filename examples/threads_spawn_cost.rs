//! Measures what spawning and joining a thread costs, next to a plain call.

// Timings depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick

use std::hint::black_box;
use std::process;
use std::thread;
use std::time::Instant;

const BATCH: usize = 100; // threads alive at once in the "batch" variant

fn usage(problem: &str) -> ! {
    eprintln!("error: {problem}\nusage: threads_spawn_cost [--quick] [--count N]");
    process::exit(2);
}

fn parse_count() -> usize {
    let mut count = 10_000;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--quick" => count = 200,
            "--count" => match args.next().map(|n| n.parse::<usize>()) {
                Some(Ok(n)) if n > 0 => count = n,
                _ => usage("--count needs a whole number above 0"),
            },
            other => usage(&format!("unknown argument {other:?}")),
        }
    }
    count
}

// ANCHOR: main
/// Runs `run(count)` once and returns the mean time per run, in nanoseconds.
fn mean_ns(count: usize, run: impl Fn(usize)) -> f64 {
    let start = Instant::now();
    run(count);
    start.elapsed().as_secs_f64() * 1e9 / count as f64
}

fn main() {
    let count = parse_count();
    let work = |i: usize| black_box(i) * 2; // almost nothing: we time the overhead

    let call = mean_ns(count, |n| (0..n).for_each(|i| _ = black_box(work(i))));
    let one_by_one = mean_ns(count, |n| {
        for i in 0..n {
            thread::spawn(move || work(i)).join().unwrap();
        }
    });
    let batched = mean_ns(count, |n| {
        for first in (0..n).step_by(BATCH) {
            let handles: Vec<_> = (first..n.min(first + BATCH))
                .map(|i| thread::spawn(move || work(i)))
                .collect();
            handles.into_iter().for_each(|h| _ = h.join().unwrap());
        }
    });

    let ratio = one_by_one / call.max(0.1);
    let row = |what: &str, mean: f64, unit: &str| println!("  {what:<30} {mean:.1} {unit}");
    println!("{count} runs of each; mean time per run:");
    row("plain function call", call, "ns");
    row("spawn + join, one at a time", one_by_one / 1e3, "µs");
    let in_batches = format!("spawn {BATCH}, then join them");
    row(&in_batches, batched / 1e3, "µs");
    println!("one spawn + join costs as much as {ratio:.0} plain calls");
}
// ANCHOR_END: main
