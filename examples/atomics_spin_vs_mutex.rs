//! Measures the spin lock against `std::sync::Mutex`, alone and contended.

// Times depend on the machine and on what else runs on it; the book's run is
// a release build. The tests run a short version.
// output: release
// Durations and ratios are masked with the padding after them, whose width varies.
// output: mask \d+(\.\d+)?(ns|µs|ms|s) *
// output: mask \d+\.\d+x
// output: mask \d+ increments
// output: test-args --quick
// miri: skip measures CPU time with getrusage through libc, which Miri does not emulate

#[path = "atomics_spin_lock.rs"]
#[allow(dead_code)] // we use its `spin` module, not its `main`
mod spin_lock_example;

use spin_lock_example::spin::SpinLock;
use std::hint::black_box;
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

fn cpu_time() -> Duration {
    // SAFETY: `rusage` is plain data; getrusage only writes into it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) }, 0);
    let secs = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    secs(usage.ru_utime) + secs(usage.ru_stime)
}

// ANCHOR: main
/// The critical section: a little work while holding the lock, then `+= 1`.
fn work(count: &mut u64) {
    (0..1000).for_each(|i| _ = black_box(i));
    *count += 1;
}

/// Runs `increment` `total` times, split over `threads` threads: (wall, CPU).
fn run(threads: u64, total: u64, increment: impl Fn() + Sync) -> (Duration, Duration) {
    let (wall, cpu) = (Instant::now(), cpu_time());
    thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| (0..total / threads).for_each(|_| increment()));
        }
    });
    (wall.elapsed(), cpu_time() - cpu)
}

fn main() {
    let total = match std::env::args().nth(1).as_deref() {
        None => 100_000,
        Some("--quick") => 8_000,
        Some(other) => {
            eprintln!("usage: atomics_spin_vs_mutex [--quick] (got {other:?})");
            std::process::exit(2);
        }
    };
    println!("{total} increments in all, under one lock, split over the threads");
    println!("threads  Mutex wall  CPU        SpinLock wall  CPU        spin/mutex wall");
    for threads in [1, 2, 4, 8] {
        let (mutex, spin) = (Mutex::new(0u64), SpinLock::new(0u64));
        let (m_wall, m_cpu) = run(threads, total, || work(&mut mutex.lock().unwrap()));
        let (s_wall, s_cpu) = run(threads, total, || work(&mut spin.lock()));
        assert_eq!(*mutex.lock().unwrap(), total);
        assert_eq!(*spin.lock(), total);
        let ratio = s_wall.as_secs_f64() / m_wall.as_secs_f64();
        print!("{threads:<8} {m_wall:<11.1?} {m_cpu:<10.1?} {s_wall:<14.1?} {s_cpu:<10.1?} ");
        println!("{ratio:.2}x");
    }
}
// ANCHOR_END: main
