//! Measures one `Mutex<HashMap>` shared by every thread against 16 sharded ones.

// Timings depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick
// miri: skip a measurement: millions of lock operations are hours for an interpreter

use std::collections::HashMap;
use std::sync::Mutex;
use std::thread;
use std::time::Instant;

const KEYS: u64 = 4096;
const SHARDS: usize = 16;

fn ops_per_thread() -> u64 {
    let mut ops = 1_000_000;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--quick" => ops = 20_000,
            other => {
                eprintln!("error: unknown argument {other:?}\nusage: mutex_contention [--quick]");
                std::process::exit(2);
            }
        }
    }
    ops
}

// ANCHOR: main
/// Runs `threads` threads that each add 1 to `ops` pseudo-random keys, locking
/// `shards[key % shards.len()]` for each update. Returns millions of updates per second.
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
    (threads * ops) as f64 / seconds / 1e6
}

fn main() {
    let ops = ops_per_thread();
    let cores = thread::available_parallelism().map_or(1, |n| n.get());
    println!("{ops} updates per thread; available parallelism: {cores}");
    println!("updates per second, in millions, with one lock and with {SHARDS} shards:");
    let fresh = |n: usize| {
        (0..n)
            .map(|_| Mutex::new(HashMap::new()))
            .collect::<Vec<_>>()
    };
    for threads in 1..=4 {
        let one = run(&fresh(1), threads, ops);
        let sharded = run(&fresh(SHARDS), threads, ops);
        let label = format!("{threads} thread{}:", if threads == 1 { "" } else { "s" });
        println!(
            "  {label:<11} one lock {one:.1}, sharded {sharded:.1}, ratio {:.1}x",
            sharded / one
        );
    }
}
// ANCHOR_END: main
