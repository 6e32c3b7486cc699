//! Measures one `Mutex<HashMap>` shared by every thread against 16 sharded ones.

// Timings depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests run a short version: the harness's figures are masked, and the counts.
// output: test-args --quick
// miri: skip a measurement: millions of lock operations are hours for an interpreter

use harness::{Figure, Harness, Unit};
use std::collections::HashMap;
use std::sync::Mutex;
use std::thread;
use std::time::Instant;

const KEYS: u64 = 4096;
const SHARDS: usize = 16;

// ANCHOR: run
/// Runs `threads` threads that each add 1 to `ops` pseudo-random keys, locking
/// `shards[key % shards.len()]` for each update. Returns the wall time per update, in ns.
fn run(shards: &[Mutex<HashMap<u64, u64>>], threads: u64, ops: u64) -> f64 {
    let start = Instant::now();
    thread::scope(|s| {
        for t in 0..threads {
            s.spawn(move || {
                let mut x = t * 0x9E37_79B9 + 1; // xorshift: cheap pseudo-random keys
                for _ in 0..ops {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    let key = x % KEYS;
                    let shard = &shards[key as usize % shards.len()];
                    *shard.lock().unwrap().entry(key).or_default() += 1;
                }
            });
        }
    });
    let seconds = start.elapsed().as_secs_f64();
    let total: u64 = shards
        .iter()
        .map(|m| m.lock().unwrap().values().sum::<u64>())
        .sum();
    assert_eq!(total, threads * ops, "no update may be lost");
    seconds * 1e9 / (threads * ops) as f64
}
// ANCHOR_END: run

fn main() {
    let h = Harness::from_args("mutex_contention");
    let ops = if h.is_quick() { 2_000 } else { 200_000 };
    let cores = thread::available_parallelism().map_or(1, |n| n.get());
    println!("each sample: {ops} updates per thread; available parallelism: {cores}");
    println!("wall time per update, with one lock and with {SHARDS} shards:");
    let fresh = |n: usize| {
        (0..n)
            .map(|_| Mutex::new(HashMap::new()))
            .collect::<Vec<_>>()
    };
    for threads in 1..=4 {
        let on = format!("{threads} thread{}", if threads == 1 { "" } else { "s" });
        // Each sample runs both layouts, so the ratio, the speedup that
        // sharding buys, compares runs made moments apart.
        let mut times = Vec::new();
        let speedup = h.sample(&format!("one lock / sharded, {on}"), "×", || {
            let one = run(&fresh(1), threads, ops);
            let sharded = run(&fresh(SHARDS), threads, ops);
            times.push((one, sharded));
            one / sharded
        });
        times.remove(0); // the harness's warm-up
        let time = |layout, pick: fn(&(f64, f64)) -> f64| {
            let samples = times.iter().map(pick).collect();
            Figure::new(&format!("{layout}, {on}"), Unit::Time, samples)
        };
        println!("  {:30}", time("one lock", |t| t.0));
        println!("  {:30}", time("sharded", |t| t.1));
        println!("  {speedup:30}");
    }
}
