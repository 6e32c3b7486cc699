//! Measures what a waiting tokio task costs next to a waiting OS thread:
//! resident memory (VmRSS, Linux only) and the time to create and finish one.

// Memory and times depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick
// miri: skip measures memory in /proc/self/status, which Miri's isolation forbids

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};
use std::{fs, process, thread};

fn usage(problem: &str) -> ! {
    eprintln!("error: {problem}\nusage: coroutines_task_cost [--quick]");
    process::exit(2);
}

/// Resident memory of this process in KiB, from /proc/self/status.
fn rss_kib() -> Option<u64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

// ANCHOR: main
/// Starts `n` tasks that all wait; returns (KiB resident per task, µs per task).
fn tasks(n: usize) -> (f64, f64) {
    let mut builder = tokio::runtime::Builder::new_multi_thread();
    let rt = builder.worker_threads(2).enable_all().build();
    let rt = rt.expect("cannot start the tokio runtime");
    let (before, start) = (rss_kib().unwrap_or(0), Instant::now());
    rt.block_on(async {
        let (go, waiting) = (
            tokio::sync::watch::channel(()),
            Arc::new(AtomicUsize::new(0)),
        );
        let handles: Vec<_> = (0..n)
            .map(|_| {
                let (mut rx, waiting) = (go.1.clone(), Arc::clone(&waiting));
                tokio::spawn(async move {
                    waiting.fetch_add(1, Ordering::Relaxed);
                    rx.changed().await.expect("main keeps the sender");
                })
            })
            .collect();
        while waiting.load(Ordering::Relaxed) < n {
            tokio::time::sleep(Duration::from_millis(1)).await; // until all wait
        }
        let during = rss_kib().unwrap_or(0);
        go.0.send(()).expect("the tasks hold receivers");
        for h in handles {
            h.await.expect("a task panicked");
        }
        let per_task = during.saturating_sub(before) as f64 / n as f64;
        (per_task, start.elapsed().as_secs_f64() * 1e6 / n as f64)
    })
}

/// Starts `n` threads that all wait; returns (KiB resident per thread, µs per thread).
fn threads(n: usize) -> (f64, f64) {
    let (before, start) = (rss_kib().unwrap_or(0), Instant::now());
    let (stop, (ready_tx, ready_rx)) = (Arc::new(AtomicBool::new(false)), mpsc::channel());
    let handles: Vec<_> = (0..n)
        .map(|_| {
            let (stop, ready) = (Arc::clone(&stop), ready_tx.clone());
            thread::spawn(move || {
                ready.send(()).expect("main waits for every thread");
                while !stop.load(Ordering::Acquire) {
                    thread::park_timeout(Duration::from_millis(100));
                }
            })
        })
        .collect();
    for _ in 0..n {
        ready_rx
            .recv_timeout(Duration::from_secs(10))
            .expect("a thread never started");
    }
    let during = rss_kib().unwrap_or(0);
    stop.store(true, Ordering::Release);
    for h in handles {
        h.thread().unpark();
        h.join().expect("a thread panicked");
    }
    let per_thread = during.saturating_sub(before) as f64 / n as f64;
    (per_thread, start.elapsed().as_secs_f64() * 1e6 / n as f64)
}

fn main() {
    let quick = match std::env::args().nth(1).as_deref() {
        None => false,
        Some("--quick") => true,
        Some(other) => usage(&format!("unknown argument {other:?}")),
    };
    if rss_kib().is_none() {
        println!("cannot read /proc/self/status: this measurement needs Linux");
        return;
    }
    let (n_tasks, n_threads) = if quick {
        (1_000, 100)
    } else {
        (100_000, 1_000)
    };
    let (task_kib, task_us) = tasks(n_tasks);
    let (thread_kib, thread_us) = threads(n_threads);
    println!("{n_tasks} waiting tasks:   {task_kib:.2} KiB resident, {task_us:.2} µs each");
    println!("{n_threads} waiting threads: {thread_kib:.2} KiB resident, {thread_us:.2} µs each");
    println!(
        "a thread needs {:.0}x the memory of a task",
        thread_kib / task_kib.max(0.01)
    );
    println!(
        "a thread takes {:.0}x the time of a task",
        thread_us / task_us.max(0.01)
    );
}
// ANCHOR_END: main
