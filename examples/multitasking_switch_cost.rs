//! Measures a switch between two threads, pinned and free, next to a switch
//! between two async tasks and a plain function call.

// Timings depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick
// miri: skip pins threads to CPUs through libc, which Miri does not emulate

use std::hint::black_box;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Instant;
use std::{io, mem, process, thread};
use tokio::sync::Notify;

/// Restricts the calling thread to one CPU (Linux).
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
fn switches() -> u64 {
    // SAFETY: getrusage fills in the struct we hand it.
    let usage = unsafe {
        let mut usage: libc::rusage = mem::zeroed();
        libc::getrusage(libc::RUSAGE_THREAD, &mut usage);
        usage
    };
    (usage.ru_nvcsw + usage.ru_nivcsw) as u64
}

// ANCHOR: threads
/// Two threads hand a turn back and forth `n` times with park and unpark.
/// Returns the nanoseconds per hand-over and the kernel's context switches
/// per round trip.
fn threads(n: u32, cpu: Option<usize>) -> (f64, f64) {
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
                let ns = start.elapsed().as_nanos() as f64 / (2 * n) as f64;
                (ns, (mine + pong.join().unwrap()) as f64 / n as f64)
            })
        });
        ping.join().unwrap()
    })
}
// ANCHOR_END: threads

// ANCHOR: tasks
/// Two async tasks on one thread hand a turn back and forth `n` times.
fn tasks(n: u32) -> f64 {
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
        let ns = start.elapsed().as_nanos() as f64 / (2 * n) as f64;
        other.await.unwrap();
        ns
    })
}
// ANCHOR_END: tasks

#[inline(never)]
fn call(x: u32) -> u32 {
    black_box(x) + 1
}

// ANCHOR: main
fn main() {
    let n = match std::env::args().nth(1).as_deref() {
        None => 50_000,
        Some("--quick") => 1_000,
        Some(other) => {
            eprintln!("unknown argument {other:?}; usage: multitasking_switch_cost [--quick]");
            process::exit(2);
        }
    };
    let start = Instant::now();
    (0..2 * n).for_each(|i| _ = black_box(call(black_box(i))));
    let call_ns = start.elapsed().as_nanos() as f64 / (2 * n) as f64;
    let task_ns = tasks(n);
    // SAFETY: sched_getcpu takes no arguments; it returns -1 on failure.
    let cpu = usize::try_from(unsafe { libc::sched_getcpu() }).unwrap_or(0);
    let (pinned_ns, pinned_cs) = threads(n, Some(cpu));
    let (free_ns, free_cs) = threads(n, None);

    println!("{n} round trips; time per hand-over (round trip / 2):");
    let row = |what: &str, ns: f64| println!("  {what:<34} {ns:.1} ns");
    row("plain function call (no switch)", call_ns);
    row("async tasks, one thread", task_ns);
    row("OS threads pinned to one CPU", pinned_ns);
    row("OS threads free to use every CPU", free_ns);
    println!("kernel context switches per round trip: pinned {pinned_cs:.2}, free {free_cs:.2}");
    let ratio = |ns: f64, base: f64| ns / base.max(0.1);
    println!(
        "a pinned thread switch costs as much as {:.0} task switches or {:.0} calls",
        ratio(pinned_ns, task_ns),
        ratio(pinned_ns, call_ns)
    );
}
// ANCHOR_END: main
