//! A function that looks like computation but blocks, run on a CPU-sized
//! thread pool: the pool's threads sit waiting while the cores stay idle.

// Times depend on the machine; so do the ratios.
// output: mask-durations
// output: mask \d+\.\d+
// miri: skip measures CPU time with getrusage through libc, which Miri does not emulate

use rayon::prelude::*;
use std::thread;
use std::time::{Duration, Instant};

const DELAY: Duration = Duration::from_millis(25);

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

fn report(name: &str, job: impl FnOnce() -> u64) {
    let (wall_start, cpu_start) = (Instant::now(), cpu_time());
    assert_eq!(job(), (0..8).map(|i| i * 110).sum::<u64>());
    let (wall, cpu) = (wall_start.elapsed(), cpu_time() - cpu_start);
    let delays = wall.as_secs_f64() / DELAY.as_secs_f64();
    let ratio = cpu.as_secs_f64() / wall.as_secs_f64();
    println!("{name:<22} wall {wall:>7.1?} = {delays:.1} delays   CPU/wall {ratio:.2}");
}

// ANCHOR: main
/// Looks like arithmetic, but fetches a rate from another service: the sleep
/// stands for the blocking network call inside.
fn price_in_cents(amount: u64) -> u64 {
    thread::sleep(DELAY);
    amount * 110
}

fn main() {
    println!("8 calls, each blocks for {DELAY:?}");
    // Mistake: a pool sized for CPU work, two threads, runs blocking calls.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap();
    report("rayon, 2 threads", || {
        pool.install(|| (0..8).into_par_iter().map(price_in_cents).sum())
    });
    // Fix: waiting calls get threads of their own; waiting costs no core.
    report("one thread per call", || {
        thread::scope(|s| {
            let handles: Vec<_> = (0..8).map(|i| s.spawn(move || price_in_cents(i))).collect();
            handles.into_iter().map(|h| h.join().unwrap()).sum()
        })
    });
}
// ANCHOR_END: main
