//! Measures how often the sleep-based check of `testing_flaky` fails, for
//! several sleep lengths, on an idle machine and with every core kept busy.

// The failure rates depend on the machine and its load; the tests run small
// batches.
// output: mask-numbers
// output: release
// output: test-args --quick
// miri: skip measurement: thousands of thread spawns with real sleeps

use harness::Harness;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

// ANCHOR: job
/// One run of the flaky check: did the thread finish within `wait`?
fn passes(wait: Duration) -> bool {
    let done = AtomicBool::new(false);
    thread::scope(|s| {
        s.spawn(|| done.store(true, Ordering::Release));
        thread::sleep(wait);
        done.load(Ordering::Acquire)
    })
}

/// Runs `f` while `busy` spinning threads compete for the cores.
fn under_load<T>(busy: usize, f: impl FnOnce() -> T) -> T {
    let stop = AtomicBool::new(false);
    thread::scope(|s| {
        for _ in 0..busy {
            s.spawn(|| {
                while !stop.load(Ordering::Relaxed) {
                    std::hint::spin_loop();
                }
            });
        }
        let result = f();
        stop.store(true, Ordering::Relaxed);
        result
    })
}
// ANCHOR_END: job

fn main() {
    let h = Harness::from_args("testing_flake_rate");
    let runs = if h.is_quick() { 10 } else { 200 };
    let cores = thread::available_parallelism().map_or(2, |n| n.get());
    println!("failures of the sleep-based check, in % of a batch of {runs} runs");
    for micros in [1, 10, 100, 1000] {
        let wait = Duration::from_micros(micros);
        for (load, busy) in [("idle", 0), ("cores busy", cores)] {
            let label = format!("sleep {micros} µs, {load}");
            let failed = under_load(busy, || {
                h.sample(&label, "%", || {
                    let failures = (0..runs).filter(|_| !passes(wait)).count();
                    100.0 * failures as f64 / runs as f64
                })
            });
            println!("  {failed:26}");
        }
    }
}
