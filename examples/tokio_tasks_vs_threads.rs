//! 100 000 waiting tokio tasks against as many waiting OS threads as the
//! machine allows (at most 10 000): resident memory and time, per task and per thread.

// Memory and times depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick
// miri: skip measurement: reads /proc/self/status, starts up to 10 000 threads

use harness::{Figure, Harness, Unit};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

#[cfg(target_os = "linux")]
use std::fs;

/// Resident memory of this process in KiB, from /proc/self/status (Linux).
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

/// Resident memory before a run. The heap first gives the memory that
/// earlier runs freed back to the OS, or this run would reuse it unseen.
fn rss_before_kib() -> u64 {
    #[cfg(target_env = "gnu")]
    // SAFETY: malloc_trim only releases free memory of glibc's heap.
    unsafe {
        libc::malloc_trim(0);
    }
    rss_kib().unwrap_or(0)
}

/// Waits, at most 30 s, until `count` reaches `n`.
fn wait_for(count: &AtomicUsize, n: usize) {
    let start = Instant::now();
    while count.load(Ordering::Acquire) < n && start.elapsed() < Duration::from_secs(30) {
        thread::sleep(Duration::from_millis(1));
    }
}

/// One run: how many waited at once, the resident memory they added while
/// waiting, and the time from the first start to the last finish.
struct Run {
    count: usize,
    kib: u64,
    took: Duration,
}

// ANCHOR: tasks
/// `n` tasks that all wait on a semaphore.
fn tasks(runtime: &tokio::runtime::Runtime, n: usize) -> Run {
    let (before, start) = (rss_before_kib(), Instant::now());
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
    let kib = rss_kib().unwrap_or(0).saturating_sub(before);
    gate.close(); // wakes every task
    runtime.block_on(async {
        for h in handles {
            h.await.expect("no task panics");
        }
    });
    Run {
        count: n,
        kib,
        took: start.elapsed(),
    }
}
// ANCHOR_END: tasks

// ANCHOR: threads
/// Up to `cap` threads that all wait on a condition variable; stops at the
/// first thread the OS refuses.
fn threads(cap: usize) -> Run {
    let (before, start) = (rss_before_kib(), Instant::now());
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
    let kib = rss_kib().unwrap_or(0).saturating_sub(before);
    *gate.0.lock().expect("no thread panics") = true;
    gate.1.notify_all();
    for h in handles {
        h.join().expect("no thread panics");
    }
    Run {
        count: n.max(1),
        kib,
        took: start.elapsed(),
    }
}
// ANCHOR_END: threads

/// Resident memory and time per task or thread, from the same runs: the
/// harness times the runs, and each run's memory is kept beside its time.
fn per_one(h: &Harness, what: &str, mut run: impl FnMut() -> Run) -> (Figure, Figure) {
    let mut kib = Vec::new();
    let time = h.sample_time(&format!("{what}, start, wait, finish"), || {
        let run = run();
        kib.push(run.kib as f64 / run.count as f64);
        run.took.div_f64(run.count as f64)
    });
    kib.remove(0); // the harness's warm-up run
    let memory = Figure::new(&format!("{what}, resident memory"), Unit::Other("KiB"), kib);
    (memory, time)
}

fn main() {
    let h = Harness::from_args("tokio_tasks_vs_threads");
    if rss_kib().is_none() {
        println!("cannot read /proc/self/status: this measurement needs Linux");
        return;
    }
    let (n_tasks, cap) = if h.is_quick() {
        (1_000, 100)
    } else {
        (100_000, 10_000)
    };
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    println!("{n_tasks} tasks, then up to {cap} threads, all waiting at once; each:");
    let (task_kib, task_time) = per_one(&h, "task", || tasks(&runtime, n_tasks));
    let (thread_kib, thread_time) = per_one(&h, "thread", || threads(cap));
    for figure in [&task_kib, &task_time, &thread_kib, &thread_time] {
        println!("  {figure:30}");
    }
    let memory = thread_kib.over(&task_kib, "thread / task, memory");
    let time = thread_time.over(&task_time, "thread / task, time");
    println!("{memory:21}\n{time:21}");
}
