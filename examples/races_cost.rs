//! Measures one shared increment three ways: `fetch_add`, a load + store pair, a `Mutex`.

// Timings depend on the machine; the book's run is a release build. The
// updates that load + store loses vary from run to run too: a figure as well.
// output: release
// The increments per sample (the tests run few) and N vary with the run;
// the harness's figures are masked on their own.
// output: mask \d+
// output: test-args --quick

use harness::Harness;
use std::hint::{self, black_box};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering::Relaxed};
use std::thread;
use std::time::Instant;

// Miri interprets every increment: a tenth of the quick run's checks the same code.
const QUICK: u64 = if cfg!(miri) { 200 } else { 2_000 };

/// Starts `threads` threads together, each calling `step` `per_thread` times.
/// Returns the wall time divided by the number of steps, in nanoseconds.
fn time(threads: usize, per_thread: u64, step: impl Fn() + Sync) -> f64 {
    // The threads spin, rather than sleep, until all are ready. A sleeping
    // thread, once woken, may wait on its waker's CPU, and the threads would
    // take turns instead of competing. Relaxed: the count only says when to
    // start; it hands over no data.
    let ready = AtomicUsize::new(0);
    let spans: Vec<(Instant, Instant)> = thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    ready.fetch_add(1, Relaxed);
                    while ready.load(Relaxed) < threads {
                        hint::spin_loop();
                    }
                    let began = Instant::now();
                    (0..per_thread).for_each(|_| step());
                    (began, Instant::now())
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    // The wall time runs from the first thread's start to the last one's end.
    let began = spans.iter().map(|s| s.0).min().unwrap();
    let ended = spans.iter().map(|s| s.1).max().unwrap();
    (ended - began).as_secs_f64() * 1e9 / (threads as u64 * per_thread) as f64
}

// ANCHOR: measure
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
// ANCHOR_END: measure

fn main() {
    let h = Harness::from_args("races_cost");
    let per_thread = if h.is_quick() { QUICK } else { 1_000_000 };
    let n = thread::available_parallelism().map_or(2, |n| n.get().max(2));
    println!("N = {n}; each sample makes {per_thread} increments per thread");
    println!("wall time per increment:");
    let ns = |op: Op, threads: usize, label: &str| {
        let figure = h.sample(label, "ns", || {
            let (ns, lost) = measure(op, threads, per_thread);
            assert!(
                lost == 0 || matches!(op, Op::LoadStore),
                "{label}: lost {lost}"
            );
            ns
        });
        println!("  {figure:28}");
        figure
    };
    let fetch_add = [
        ns(Op::FetchAdd, 1, "fetch_add, 1 thread"),
        ns(Op::FetchAdd, n, "fetch_add, N threads"),
    ];
    ns(Op::LoadStore, 1, "load + store, 1 thread");
    ns(Op::LoadStore, n, "load + store, N threads");
    let mutex = [
        ns(Op::Mutex, 1, "mutex, 1 thread"),
        ns(Op::Mutex, n, "mutex, N threads"),
    ];
    let of = n as u64 * per_thread;
    println!("increments that load + store lost, of {of} on N threads:");
    let lost = h.sample("lost updates, N threads", "", || {
        measure(Op::LoadStore, n, per_thread).1 as f64
    });
    println!("  {lost:28}");
    println!("a mutex increment costs, in fetch_adds:");
    println!(
        "  {:28}",
        mutex[0].over(&fetch_add[0], "mutex / fetch_add, 1 thread")
    );
    println!(
        "  {:28}",
        mutex[1].over(&fetch_add[1], "mutex / fetch_add, N threads")
    );
}
