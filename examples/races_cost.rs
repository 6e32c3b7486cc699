//! Measures one shared increment three ways: `fetch_add`, a load + store pair, a `Mutex`.

// Timings depend on the machine; the book's run is a release build. The
// updates that load + store loses vary from run to run too.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick

use std::hint::black_box;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::{Barrier, Mutex};
use std::time::Instant;
use std::{env, process, thread};

fn parse_args() -> u64 {
    match env::args().nth(1).as_deref() {
        None => 2_000_000,
        Some("--quick") => 20_000,
        Some(other) => {
            eprintln!("error: unknown argument {other:?}\nusage: races_cost [--quick]");
            process::exit(2);
        }
    }
}

// ANCHOR: main
/// Starts `threads` threads together, each calling `step` `per_thread` times.
/// Returns the wall time divided by the number of steps, in nanoseconds.
fn time(threads: usize, per_thread: u64, step: impl Fn() + Sync) -> f64 {
    let start = Barrier::new(threads + 1);
    let began = thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                start.wait();
                (0..per_thread).for_each(|_| step());
            });
        }
        start.wait(); // release the threads and start the clock together
        Instant::now()
    }); // the scope has joined every thread
    began.elapsed().as_secs_f64() * 1e9 / (threads as u64 * per_thread) as f64
}

#[derive(Clone, Copy)]
enum Op {
    FetchAdd,
    LoadStore,
    Mutex,
}

/// Times `op` on one fresh counter; returns ns per increment and updates lost.
fn measure(op: Op, threads: usize, per_thread: u64) -> (f64, u64) {
    let atomic = AtomicU64::new(0);
    let mutex = Mutex::new(0_u64);
    let ns = match op {
        Op::FetchAdd => time(threads, per_thread, || _ = atomic.fetch_add(1, Relaxed)),
        Op::LoadStore => time(threads, per_thread, || {
            atomic.store(black_box(atomic.load(Relaxed)) + 1, Relaxed);
        }),
        Op::Mutex => time(threads, per_thread, || *mutex.lock().unwrap() += 1),
    };
    let counted = atomic.into_inner() + mutex.into_inner().unwrap();
    (ns, threads as u64 * per_thread - counted)
}

fn main() {
    let per_thread = parse_args();
    let n = thread::available_parallelism().map_or(2, |n| n.get().max(2));
    println!("{per_thread} increments per thread; wall time per increment, in ns:");
    println!("  operation       1 thread  {n} threads  lost on {n}");
    let mut ns = Vec::new();
    let ops = [
        ("fetch_add", Op::FetchAdd),
        ("load + store", Op::LoadStore),
        ("Mutex<u64>", Op::Mutex),
    ];
    for (name, op) in ops {
        let (one, _) = measure(op, 1, per_thread);
        let (many, lost) = measure(op, n, per_thread);
        println!("  {name:<14} {one:>9.1} {many:>10.1} {lost:>10}");
        ns.push((one, many));
    }
    let (fetch_add, mutex) = (ns[0], ns[2]);
    let ratio = |m: f64, f: f64| m / f.max(0.01);
    println!(
        "a Mutex increment costs {:.1}x a fetch_add on 1 thread, {:.1}x on {n}",
        ratio(mutex.0, fetch_add.0),
        ratio(mutex.1, fetch_add.1)
    );
}
// ANCHOR_END: main
