//! Measures a switch between two threads, pinned and free, next to a switch
//! between two async tasks and a plain function call.

// Timings depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick
// miri: skip pins threads to CPUs through libc, which Miri does not emulate

// Off Linux, `main` is the one at the end, which says what this example
// needs; the rest is compiled there too, unused.
#![cfg_attr(not(target_os = "linux"), allow(dead_code, unused_imports))]

use harness::Harness;
use std::hint::black_box;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};
use std::{io, mem, thread};
use tokio::sync::Notify;

/// Restricts the calling thread to one CPU (Linux).
#[cfg(target_os = "linux")]
fn pin_to(cpu: usize) -> io::Result<()> {
    // SAFETY: `set` is a plain bit set that lives for the whole call.
    unsafe {
        let mut set: libc::cpu_set_t = mem::zeroed();
        libc::CPU_SET(cpu, &mut set);
        match libc::sched_setaffinity(0, mem::size_of_val(&set), &set) {
            0 => Ok(()),
            _ => Err(io::Error::last_os_error()),
        }
    }
}

/// Context switches of the calling thread so far, as the kernel counts them.
#[cfg(target_os = "linux")]
fn switches() -> u64 {
    // SAFETY: getrusage fills in the struct we hand it.
    let usage = unsafe {
        let mut usage: libc::rusage = mem::zeroed();
        libc::getrusage(libc::RUSAGE_THREAD, &mut usage);
        usage
    };
    (usage.ru_nvcsw + usage.ru_nivcsw) as u64
}

#[cfg(target_os = "linux")]
// ANCHOR: threads
/// Two threads hand a turn back and forth `n` times with park and unpark.
/// Returns the time per hand-over and the kernel's context switches per
/// round trip.
fn threads(n: u32, cpu: Option<usize>) -> (Duration, f64) {
    let turn = AtomicU32::new(0); // odd: pong's turn; even: ping's turn
    let side = |first: u32, other: &thread::Thread| {
        cpu.map(pin_to).transpose().expect("pin to a CPU");
        let before = switches();
        for i in 0..n {
            if first == 1 {
                turn.store(2 * i + 1, Ordering::Release); // pass the turn...
                other.unpark(); // ...and wake the other thread
            }
            while turn.load(Ordering::Acquire) != 2 * i + 1 + first {
                thread::park(); // sleep until it is our turn again
            }
            if first == 0 {
                turn.store(2 * i + 2, Ordering::Release);
                other.unpark();
            }
        }
        switches() - before
    };
    thread::scope(|s| {
        let ping = s.spawn(|| {
            let me = thread::current();
            thread::scope(|s2| {
                let pong = s2.spawn(|| side(0, &me));
                let start = Instant::now();
                let mine = side(1, pong.thread());
                let time = start.elapsed() / (2 * n);
                (time, (mine + pong.join().unwrap()) as f64 / f64::from(n))
            })
        });
        ping.join().unwrap()
    })
}
// ANCHOR_END: threads

// ANCHOR: tasks
/// Two async tasks on one thread hand a turn back and forth `n` times.
/// Returns the time per hand-over.
fn tasks(n: u32) -> Duration {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    runtime.block_on(async {
        let (ping, pong) = (Arc::new(Notify::new()), Arc::new(Notify::new()));
        let (ping2, pong2) = (Arc::clone(&ping), Arc::clone(&pong));
        let other = tokio::spawn(async move {
            for _ in 0..n {
                pong2.notified().await; // suspend until it is our turn
                ping2.notify_one();
            }
        });
        let start = Instant::now();
        for _ in 0..n {
            pong.notify_one();
            ping.notified().await;
        }
        let time = start.elapsed() / (2 * n);
        other.await.unwrap();
        time
    })
}
// ANCHOR_END: tasks

// ANCHOR: call
#[inline(never)]
fn call(x: u32) -> u32 {
    black_box(x) + 1
}
// ANCHOR_END: call

#[cfg(target_os = "linux")]
fn main() {
    let h = Harness::from_args("multitasking_switch_cost");
    let n = if h.is_quick() { 50 } else { 2_000 }; // round trips per sample
    // SAFETY: sched_getcpu takes no arguments; it returns -1 on failure.
    let cpu = usize::try_from(unsafe { libc::sched_getcpu() }).unwrap_or(0);

    let call = h.time("plain function call (no switch)", || call(black_box(7)));
    let task = h.sample_time("async tasks, one thread", || tasks(n));
    let pinned = h.sample_time("OS threads pinned to one CPU", || threads(n, Some(cpu)).0);
    let free = h.sample_time("OS threads free to use every CPU", || threads(n, None).0);
    let pinned_cs = h.sample("context switches, pinned", "", || threads(n, Some(cpu)).1);
    let free_cs = h.sample("context switches, free", "", || threads(n, None).1);

    println!("time per hand-over (round trip / 2):");
    for figure in [&call, &task, &pinned, &free] {
        println!("  {figure:34}");
    }
    println!("per round trip, as the kernel counts them:");
    println!("  {pinned_cs:34}\n  {free_cs:34}");
    let over_task = pinned.over(&task, "pinned thread switch / task switch");
    let over_call = pinned.over(&call, "pinned thread switch / call");
    println!("{over_task:36}\n{over_call:36}");
}

#[cfg(not(target_os = "linux"))]
fn main() {
    harness::platform::needs(
        harness::platform::LINUX,
        "it pins threads to one CPU with sched_setaffinity and counts their context switches with getrusage(RUSAGE_THREAD)",
    )
}
