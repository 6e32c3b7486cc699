//! 100 000 waiting tokio tasks against as many waiting OS threads as the
//! machine allows (at most 10 000): resident memory and time, per task and per thread.

// Memory and times depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick
// miri: skip measurement: reads /proc/self/status, starts up to 10 000 threads

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};
use std::{fs, process, thread};

/// Resident memory of this process in KiB, from /proc/self/status (Linux).
fn rss_kib() -> Option<u64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Waits, at most 30 s, until `count` reaches `n`.
fn wait_for(count: &AtomicUsize, n: usize) {
    let start = Instant::now();
    while count.load(Ordering::Acquire) < n && start.elapsed() < Duration::from_secs(30) {
        thread::sleep(Duration::from_millis(1));
    }
}

// ANCHOR: tasks
/// `n` tasks that all wait on a semaphore; returns (KiB grown, seconds).
fn tasks(n: usize) -> (u64, f64) {
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    let (before, start) = (rss_kib().unwrap_or(0), Instant::now());
    let gate = Arc::new(tokio::sync::Semaphore::new(0));
    let waiting = Arc::new(AtomicUsize::new(0));
    let handles: Vec<_> = (0..n)
        .map(|_| {
            let (gate, waiting) = (Arc::clone(&gate), Arc::clone(&waiting));
            runtime.spawn(async move {
                waiting.fetch_add(1, Ordering::Release);
                let _ = gate.acquire().await; // Err once the gate is closed
            })
        })
        .collect();
    wait_for(&waiting, n);
    let grown = rss_kib().unwrap_or(0).saturating_sub(before);
    gate.close(); // wakes every task
    runtime.block_on(async {
        for h in handles {
            h.await.expect("no task panics");
        }
    });
    (grown, start.elapsed().as_secs_f64())
}
// ANCHOR_END: tasks

// ANCHOR: threads
/// Up to `cap` threads that all wait on a condition variable; stops at the
/// first thread the OS refuses. Returns (threads started, KiB grown, seconds).
fn threads(cap: usize) -> (usize, u64, f64) {
    let (before, start) = (rss_kib().unwrap_or(0), Instant::now());
    let gate = Arc::new((Mutex::new(false), Condvar::new()));
    let waiting = Arc::new(AtomicUsize::new(0));
    let mut handles = Vec::new();
    for _ in 0..cap {
        let (gate, waiting) = (Arc::clone(&gate), Arc::clone(&waiting));
        let spawned = thread::Builder::new().spawn(move || {
            waiting.fetch_add(1, Ordering::Release);
            let (open, cv) = &*gate;
            let guard = open.lock().expect("no thread panics");
            let limit = Duration::from_secs(30); // never wait forever
            let _ = cv.wait_timeout_while(guard, limit, |open| !*open);
        });
        match spawned {
            Ok(h) => handles.push(h),
            Err(e) => {
                eprintln!("the OS refused thread {}: {e}", handles.len() + 1);
                break;
            }
        }
    }
    let n = handles.len();
    wait_for(&waiting, n);
    let grown = rss_kib().unwrap_or(0).saturating_sub(before);
    *gate.0.lock().expect("no thread panics") = true;
    gate.1.notify_all();
    for h in handles {
        h.join().expect("no thread panics");
    }
    (n, grown, start.elapsed().as_secs_f64())
}
// ANCHOR_END: threads

// ANCHOR: main
fn main() {
    let quick = match std::env::args().nth(1).as_deref() {
        None => false,
        Some("--quick") => true,
        Some(other) => {
            eprintln!("error: unknown argument {other:?}\nusage: tokio_tasks_vs_threads [--quick]");
            process::exit(2);
        }
    };
    if rss_kib().is_none() {
        println!("cannot read /proc/self/status: this measurement needs Linux");
        return;
    }
    let (n_tasks, cap) = if quick {
        (1_000, 100)
    } else {
        (100_000, 10_000)
    };
    let (task_kib, task_s) = tasks(n_tasks);
    let (n_threads, thread_kib, thread_s) = threads(cap);
    let per = |kib: u64, s: f64, n: usize| (kib as f64 / n as f64, s * 1e6 / n as f64);
    let (tk, tus) = per(task_kib, task_s, n_tasks);
    let (hk, hus) = per(thread_kib, thread_s, n_threads.max(1));
    println!(
        "{:>7} tasks:   {:>8.1} MiB, {:>6.3} s",
        n_tasks,
        task_kib as f64 / 1024.0,
        task_s
    );
    println!(
        "{:>7} threads: {:>8.1} MiB, {:>6.3} s",
        n_threads,
        thread_kib as f64 / 1024.0,
        thread_s
    );
    println!("per task:   {tk:>6.2} KiB resident, {tus:>7.2} µs to start, wait and finish");
    println!("per thread: {hk:>6.2} KiB resident, {hus:>7.2} µs to start, wait and finish");
    println!(
        "a thread costs {:.0}x the memory and {:.0}x the time of a task",
        hk / tk.max(0.01),
        hus / tus.max(0.01)
    );
}
// ANCHOR_END: main
