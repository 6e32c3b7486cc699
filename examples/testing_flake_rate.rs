//! Measures how often the sleep-based check of `testing_flaky` fails, for
//! several sleep lengths, on an idle machine and with every core kept busy.

// The failure counts depend on the machine and its load.
// output: mask-numbers
// output: release
// output: test-args --quick
// miri: skip measurement: thousands of thread spawns with real sleeps

use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

/// One run of the flaky check: did the thread finish within `wait`?
fn passes(wait: Duration) -> bool {
    let done = AtomicBool::new(false);
    thread::scope(|s| {
        s.spawn(|| done.store(true, Ordering::Release));
        thread::sleep(wait);
        done.load(Ordering::Acquire)
    })
}

/// Failures out of `runs`, with `busy` spinning threads competing for the cores.
fn failures(wait: Duration, runs: u32, busy: usize) -> u32 {
    let stop = AtomicBool::new(false);
    thread::scope(|s| {
        for _ in 0..busy {
            s.spawn(|| {
                while !stop.load(Ordering::Relaxed) {
                    std::hint::spin_loop();
                }
            });
        }
        let failed = (0..runs).filter(|_| !passes(wait)).count() as u32;
        stop.store(true, Ordering::Relaxed);
        failed
    })
}

// ANCHOR: main
fn main() {
    let runs = match std::env::args().nth(1).as_deref() {
        None => 2000,
        Some("--quick") => 100,
        Some(other) => {
            eprintln!("unknown argument `{other}`; expected --quick");
            std::process::exit(2);
        }
    };
    let cores = thread::available_parallelism().map_or(2, |n| n.get());
    println!("failures out of {runs} runs of the sleep-based check");
    println!("{:>10} {:>8} {:>12}", "sleep", "idle", "cores busy");
    for micros in [1, 10, 100, 1000] {
        let wait = Duration::from_micros(micros);
        let idle = failures(wait, runs, 0);
        let busy = failures(wait, runs, cores);
        println!("{:>8}µs {idle:>8} {busy:>12}", micros);
    }
}
// ANCHOR_END: main
