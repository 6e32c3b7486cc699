//! CPU work started from async tasks, four ways: inline, `par_iter` inline,
//! `spawn_blocking`, and rayon with a oneshot. A ticker task that wants to run
//! every millisecond records its worst gap: how long the runtime ignored it.

// Times depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick
// miri: skip measurement: CPU-heavy, starts runtimes and many threads

use harness::Harness;
use rayon::prelude::*;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use tokio::runtime::Runtime;
use tokio::sync::oneshot;

fn is_prime(k: u64) -> bool {
    k >= 2
        && (2..)
            .take_while(|d| d * d <= k)
            .all(|d| !k.is_multiple_of(d))
}
fn primes_seq(n: u64) -> usize {
    (0..n).filter(|&k| is_prime(k)).count()
}
fn primes_par(n: u64) -> usize {
    (0..n).into_par_iter().filter(|&k| is_prime(k)).count()
}

const MODES: [&str; 4] = [
    "inline",
    "inline par_iter",
    "spawn_blocking",
    "rayon + oneshot",
];

// ANCHOR: job
/// One job, started from a task, run the way `mode` says.
async fn job(mode: &str, n: u64) -> usize {
    match mode {
        "inline" => primes_seq(n),          // on the worker thread
        "inline par_iter" => primes_par(n), // the worker waits for rayon
        "spawn_blocking" => tokio::task::spawn_blocking(move || primes_seq(n))
            .await
            .expect("no panic"),
        _ => {
            let (tx, rx) = oneshot::channel(); // "rayon + oneshot"
            rayon::spawn(move || {
                let _ = tx.send(primes_seq(n)); // Err only if nobody waits
            });
            rx.await.expect("rayon sends")
        }
    }
}
// ANCHOR_END: job

// ANCHOR: run
/// Runs `jobs` jobs at once next to a ticker; returns (wall time, worst tick gap).
fn run(runtime: &Runtime, mode: &'static str, jobs: usize, n: u64) -> (Duration, Duration) {
    runtime.block_on(async move {
        let stop = Arc::new(AtomicBool::new(false));
        let done = Arc::clone(&stop);
        let ticker = tokio::spawn(async move {
            let (mut last, mut worst) = (Instant::now(), Duration::ZERO);
            while !done.load(Ordering::Relaxed) {
                tokio::time::sleep(Duration::from_millis(1)).await;
                worst = worst.max(last.elapsed());
                last = Instant::now();
            }
            worst
        });
        tokio::time::sleep(Duration::from_millis(5)).await; // the ticker is running
        let start = Instant::now();
        let set: tokio::task::JoinSet<usize> = (0..jobs).map(|_| job(mode, n)).collect();
        let counts = set.join_all().await;
        let wall = start.elapsed();
        stop.store(true, Ordering::Relaxed);
        assert!(
            counts.iter().all(|&c| c == counts[0] && c > 0),
            "same job, same answer"
        );
        (wall, ticker.await.expect("the ticker ran"))
    })
}
// ANCHOR_END: run

fn main() {
    let h = Harness::from_args("choosing_cpu_in_async");
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    let (jobs, n) = if h.is_quick() {
        (2 * workers, 5_000)
    } else {
        (4 * workers, 150_000)
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(workers)
        .enable_all()
        .build()
        .expect("a runtime");
    println!("{workers} runtime workers, {jobs} jobs: primes below {n}, by trial division");
    for mode in MODES {
        let wall = h.sample_time(&format!("{mode}, wall time"), || {
            run(&runtime, mode, jobs, n).0
        });
        let gap = h.sample_time(&format!("{mode}, worst gap"), || {
            run(&runtime, mode, jobs, n).1
        });
        println!("  {wall:28}\n  {gap:28}");
    }
    // ANCHOR: main
    let ratio = h.sample("worst gap, inline / rayon + oneshot", "×", || {
        let (_, inline) = run(&runtime, "inline", jobs, n);
        let (_, rayon) = run(&runtime, "rayon + oneshot", jobs, n);
        inline.as_secs_f64() / rayon.as_secs_f64()
    });
    // ANCHOR_END: main
    println!("{ratio}");
}
