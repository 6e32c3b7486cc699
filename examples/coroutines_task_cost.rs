//! Measures what a waiting tokio task costs next to a waiting OS thread:
//! resident memory (VmRSS, Linux only) and the time to create and finish one.

// Memory and times depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick
// miri: skip measures memory in /proc/self/status, which Miri's isolation forbids

use harness::Harness;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::{Duration, Instant};

#[cfg(target_os = "linux")]
use std::fs;

/// Resident memory of this process in KiB, from /proc/self/status.
#[cfg(target_os = "linux")]
fn rss_kib() -> Option<u64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Elsewhere there is no /proc: the example stops at its first reading.
#[cfg(not(target_os = "linux"))]
fn rss_kib() -> Option<u64> {
    harness::platform::needs(
        harness::platform::LINUX,
        "it reads its resident memory (VmRSS) from /proc/self/status",
    )
}

/// Hands the heap's free pages back to the kernel (glibc only). Each run
/// frees what it allocated; without this, the next run would reuse those
/// pages, already resident, and seem to need no memory.
fn trim_heap() {
    // SAFETY: malloc_trim only gives back pages that malloc holds unused.
    #[cfg(target_env = "gnu")]
    unsafe {
        libc::malloc_trim(0);
    }
}

/// What one waiting task or thread cost, in one run of many.
struct Cost {
    kib: f64,       // KiB resident while it waited
    time: Duration, // to create, run and finish it
}

// ANCHOR: jobs
/// Starts `n` tasks that all wait, then releases them.
fn tasks(n: usize) -> Cost {
    let mut builder = tokio::runtime::Builder::new_multi_thread();
    let rt = builder.worker_threads(2).enable_all().build();
    let rt = rt.expect("cannot start the tokio runtime");
    trim_heap(); // start from the same resident memory each run
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
        let kib = during.saturating_sub(before) as f64 / n as f64;
        Cost {
            kib,
            time: start.elapsed() / n as u32,
        }
    })
}

/// Starts `n` threads that all wait, then releases them.
fn threads(n: usize) -> Cost {
    trim_heap(); // start from the same resident memory each run
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
    let kib = during.saturating_sub(before) as f64 / n as f64;
    Cost {
        kib,
        time: start.elapsed() / n as u32,
    }
}
// ANCHOR_END: jobs

fn main() {
    let h = Harness::from_args("coroutines_task_cost");
    if rss_kib().is_none() {
        println!("cannot read /proc/self/status: this measurement needs Linux");
        return;
    }
    let (n_tasks, n_threads) = if h.is_quick() {
        (1_000, 100)
    } else {
        (100_000, 1_000)
    };
    let task_kib = h.sample("memory per task", "KiB", || tasks(n_tasks).kib);
    let thread_kib = h.sample("memory per thread", "KiB", || threads(n_threads).kib);
    let task_time = h.sample_time("time per task", || tasks(n_tasks).time);
    let thread_time = h.sample_time("time per thread", || threads(n_threads).time);
    println!("{n_tasks} waiting tasks, {n_threads} waiting threads:");
    for figure in [&task_kib, &thread_kib, &task_time, &thread_time] {
        println!("  {figure:20}");
    }
    let memory = thread_kib.over(&task_kib, "thread / task, memory");
    let time = thread_time.over(&task_time, "thread / task, time");
    println!("{memory:22}\n{time:22}");
}
