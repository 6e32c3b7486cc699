//! Measures the spin lock against `std::sync::Mutex`, alone and contended.

// Times depend on the machine and on what else runs on it; the book's run is
// a release build. The tests run a short version: the harness's figures are
// masked, and the count.
// output: release
// output: mask \d+ increments
// output: test-args --quick
// miri: skip measures CPU time with getrusage through libc, which Miri does not emulate

#[path = "atomics_spin_lock.rs"]
#[allow(dead_code)] // we use its `spin` module, not its `main`
mod spin_lock_example;

use harness::{Figure, Harness, Unit};
use spin_lock_example::spin::SpinLock;
use std::hint::black_box;
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

#[cfg(unix)]
fn cpu_time() -> Duration {
    // SAFETY: `rusage` is plain data; getrusage only writes into it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) }, 0);
    let secs = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    secs(usage.ru_utime) + secs(usage.ru_stime)
}

/// Windows has no getrusage: there the example stops at its first reading.
#[cfg(not(unix))]
fn cpu_time() -> Duration {
    harness::platform::needs(
        harness::platform::UNIX,
        "it measures the process's CPU time with getrusage",
    )
}

// ANCHOR: main
/// The critical section: a little work while holding the lock, then `+= 1`.
fn work(count: &mut u64) {
    // `black_box` hides each value from the optimiser, so the loop stays.
    (0..1000).for_each(|i| _ = black_box(i));
    *count += 1;
}

/// Runs `increment` `total` times, split over `threads` threads: the wall
/// time and the CPU time of the whole process, in seconds.
fn run(threads: u64, total: u64, increment: impl Fn() + Sync) -> (f64, f64) {
    let (wall, cpu) = (Instant::now(), cpu_time());
    thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| (0..total / threads).for_each(|_| increment()));
        }
    });
    (
        wall.elapsed().as_secs_f64(),
        (cpu_time() - cpu).as_secs_f64(),
    )
}
// ANCHOR_END: main

fn main() {
    let h = Harness::from_args("atomics_spin_vs_mutex");
    let total = if h.is_quick() { 800 } else { 100_000 };
    println!("each sample: {total} increments in all, under one lock, split over the threads");
    for threads in [1, 2, 4, 8] {
        let on = format!("{threads} thread{}", if threads == 1 { "" } else { "s" });
        // Each sample runs both locks; CPU / wall over 1 means that more
        // than one core was busy, working or spinning.
        let mut cpu_over_wall = Vec::new(); // (mutex, spin lock), each sample
        // ANCHOR: sample
        let ratio = h.sample(&format!("{on}, spin lock / mutex wall"), "×", || {
            let (mutex, spin) = (Mutex::new(0u64), SpinLock::new(0u64));
            let (m_wall, m_cpu) = run(threads, total, || work(&mut mutex.lock().unwrap()));
            let (s_wall, s_cpu) = run(threads, total, || work(&mut spin.lock()));
            assert_eq!((*mutex.lock().unwrap(), *spin.lock()), (total, total));
            cpu_over_wall.push((m_cpu / m_wall, s_cpu / s_wall));
            s_wall / m_wall
        });
        // ANCHOR_END: sample
        cpu_over_wall.remove(0); // the harness's warm-up
        let (mutex, spin): (Vec<_>, Vec<_>) = cpu_over_wall.into_iter().unzip();
        let figure = |lock, ratios| {
            Figure::new(
                &format!("{on}, {lock} cpu / wall"),
                Unit::Other("×"),
                ratios,
            )
        };
        println!("  {ratio:34}");
        println!("  {:34}", figure("mutex", mutex));
        println!("  {:34}", figure("spin lock", spin));
    }
}
