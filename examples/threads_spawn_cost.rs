//! Measures what spawning and joining a thread costs, next to a plain call.

// Timings depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick

use harness::Harness;
use std::hint::black_box;
use std::thread;
use std::time::Instant;

const BATCH: usize = 100; // threads alive at once in the "batch" variant

/// Almost nothing: we time the overhead. Never inlined, so the baseline is
/// a real call, the same kind as `multitasking_switch_cost`'s.
#[inline(never)]
fn work(i: usize) -> usize {
    black_box(i) * 2
}

fn main() {
    let h = Harness::from_args("threads_spawn_cost");

    let call = h.time("plain function call", || {
        assert_eq!(work(black_box(21)), 42)
    });
    // ANCHOR: spawn
    let one_by_one = h.time("spawn + join, one at a time", || {
        assert_eq!(thread::spawn(move || work(21)).join().unwrap(), 42)
    });
    // ANCHOR_END: spawn
    let batched = h.sample_time(&format!("spawn {BATCH}, then join them"), || {
        let start = Instant::now();
        let handles: Vec<_> = (0..BATCH).map(|i| thread::spawn(move || work(i))).collect();
        for (i, handle) in handles.into_iter().enumerate() {
            assert_eq!(handle.join().unwrap(), 2 * i);
        }
        start.elapsed() / BATCH as u32 // per thread
    });

    println!("time per call, or per thread:");
    println!("  {call:30}\n  {one_by_one:30}\n  {batched:30}");
    println!("{}", one_by_one.over(&call, "spawn + join / plain call"));
}
