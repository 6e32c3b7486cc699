//! CPU work started from async tasks, four ways: inline, `par_iter` inline,
//! `spawn_blocking`, and rayon with a oneshot. A ticker task that wants to run
//! every millisecond records its worst gap: how long the runtime ignored it.

// Times depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick
// miri: skip measurement: CPU-heavy, starts runtimes and many threads

use rayon::prelude::*;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
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
fn run(mode: &'static str, jobs: usize, n: u64, workers: usize) -> (Duration, Duration) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(workers)
        .enable_all()
        .build()
        .expect("a runtime");
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
        tokio::time::sleep(Duration::from_millis(20)).await; // the ticker is running
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

// ANCHOR: main
fn main() {
    let quick = match std::env::args().nth(1).as_deref() {
        None => false,
        Some("--quick") => true,
        Some(other) => {
            eprintln!("error: unknown argument {other:?}\nusage: choosing_cpu_in_async [--quick]");
            std::process::exit(2);
        }
    };
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    let (jobs, n) = if quick {
        (2 * workers, 5_000)
    } else {
        (4 * workers, 150_000)
    };
    println!("{workers} runtime workers, {jobs} jobs: primes below {n}, by trial division");
    println!("{:<16} {:>10} {:>16}", "mode", "wall ms", "worst gap ms");
    let mut gaps = Vec::new();
    for mode in [
        "inline",
        "inline par_iter",
        "spawn_blocking",
        "rayon + oneshot",
    ] {
        let (wall, gap) = run(mode, jobs, n, workers);
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!("{mode:<16} {:>10.1} {:>16.1}", ms(wall), ms(gap));
        gaps.push(gap.as_secs_f64());
    }
    println!(
        "worst gap, inline / rayon + oneshot: {:.1}x",
        gaps[0] / gaps[3]
    );
}
// ANCHOR_END: main
