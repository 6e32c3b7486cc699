//! Preemptive scheduling: the kernel takes the CPU from a thread that never
//! yields, so a neighbour on the same CPU still runs.

// How many ticks the neighbour gets depends on timing; none at all would not.
// output: mask ticked [1-9]\d* times
// The CPU the threads are pinned to depends on the machine.
// output: mask CPU \d+
// miri: skip asks which CPU it runs on (sched_getcpu), which Miri does not emulate

// Off Linux, `main` is the one at the end, which says what this example
// needs; the rest is compiled there too, unused.
#![cfg_attr(not(target_os = "linux"), allow(dead_code, unused_imports))]

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::time::{Duration, Instant};
use std::{io, mem, thread};

const TICK: Duration = Duration::from_millis(10);
const SPIN: Duration = Duration::from_millis(100);

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

#[cfg(target_os = "linux")]
// ANCHOR: main
fn main() -> io::Result<()> {
    // SAFETY: sched_getcpu takes no arguments; it returns -1 on failure.
    let cpu = usize::try_from(unsafe { libc::sched_getcpu() }).unwrap_or(0);
    let (ticks, done) = (AtomicU32::new(0), AtomicBool::new(false));
    println!("two threads pinned to CPU {cpu}; the kernel switches between them");
    thread::scope(|s| -> io::Result<()> {
        let neighbour = s.spawn(|| -> io::Result<()> {
            pin_to(cpu)?;
            while !done.load(Ordering::Relaxed) {
                thread::sleep(TICK); // wants to run every 10 ms
                ticks.fetch_add(1, Ordering::Relaxed);
            }
            Ok(())
        });
        let greedy = s.spawn(|| -> io::Result<u32> {
            pin_to(cpu)?;
            let before = ticks.load(Ordering::Relaxed);
            let start = Instant::now();
            while start.elapsed() < SPIN {} // CPU work; never yields, never sleeps
            Ok(ticks.load(Ordering::Relaxed) - before)
        });
        let during = greedy.join().unwrap();
        done.store(true, Ordering::Relaxed); // stop the neighbour, even on error
        neighbour.join().unwrap()?;
        let during = during?;
        println!("  greedy thread that never yields: neighbour ticked {during} times");
        assert!(during > 0);
        Ok(())
    })
}
// ANCHOR_END: main

#[cfg(not(target_os = "linux"))]
fn main() {
    harness::platform::needs(
        harness::platform::LINUX,
        "it pins two threads to one CPU with sched_setaffinity",
    )
}
