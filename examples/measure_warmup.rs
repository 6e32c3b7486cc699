//! Shows first-run costs: the first thread spawn, and the first touch of fresh memory.
//! The program re-runs itself to time a first spawn: `--first-spawn`.

// Timings and page-fault counts depend on the machine; the book's run is a
// release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick
// miri: skip calls getrusage through libc, and starts itself as a child process

// Off Unix, `main` is the one at the end, which says what this example
// needs; the rest is compiled there too, unused.
#![cfg_attr(not(unix), allow(dead_code, unused_imports))]

use harness::Harness;
use std::hint::black_box;
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

/// Minor page faults of this process so far (the kernel mapped a page on first touch).
#[cfg(unix)]
fn minor_faults() -> i64 {
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `usage` is a valid, writable rusage for getrusage to fill in.
    assert_eq!(unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) }, 0);
    usage.ru_minflt
}

/// The time of one spawn and join.
fn spawn_join() -> Duration {
    let start = Instant::now();
    thread::spawn(|| black_box(1)).join().unwrap();
    start.elapsed()
}

/// Writes one byte per cache line of a fresh buffer, twice: the time and the
/// page faults of each pass.
#[cfg(unix)]
fn two_passes(bytes: usize) -> [(Duration, i64); 2] {
    // vec! of zeros asks the kernel for fresh pages; it maps each one only
    // when the program first writes to it.
    let mut buf = vec![0u8; bytes];
    let passes = [(); 2].map(|()| {
        let (faults, start) = (minor_faults(), Instant::now());
        buf.iter_mut()
            .step_by(64)
            .for_each(|b| *b = b.wrapping_add(1));
        (start.elapsed(), minor_faults() - faults)
    });
    assert!(buf.iter().step_by(64).all(|&b| b == 2));
    passes
}

#[cfg(unix)]
fn main() {
    let quick = match std::env::args().nth(1).as_deref() {
        Some("--first-spawn") => return println!("{}", spawn_join().as_nanos()),
        None => false,
        Some("--quick") => true,
        Some(other) => {
            eprintln!("error: unexpected argument {other:?}\nusage: measure_warmup [--quick]");
            std::process::exit(2);
        }
    };
    let h = Harness::new(quick);
    let bytes = if quick { 1 << 20 } else { 64 << 20 };
    let me = std::env::current_exe().unwrap();
    // ANCHOR: main
    // A first spawn happens once per process: each sample starts a new one.
    let first = h.sample_time("first spawn of a process", || {
        let out = Command::new(&me).arg("--first-spawn").output().unwrap();
        assert!(out.status.success());
        let ns = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
        Duration::from_nanos(ns)
    });
    // Warm spawns, timed in the harness's batches.
    let warm = h.time("warm spawn", || {
        thread::spawn(|| black_box(1)).join().unwrap()
    });
    println!("spawn + join:");
    println!("  {first:26}\n  {warm:26}");
    println!("  {:26}", first.over(&warm, "first / warm spawn"));

    // Each sample writes to a new buffer, twice: pass 1 meets fresh pages.
    println!("writing {} MiB of fresh memory, twice:", bytes >> 20);
    let pass1 = h.sample_time("pass 1", || two_passes(bytes)[0].0);
    let pass2 = h.sample_time("pass 2", || two_passes(bytes)[1].0);
    println!("  {pass1:26}\n  {pass2:26}");
    println!("  {:26}", pass1.over(&pass2, "pass 1 / pass 2"));
    let faults1 = h.sample("page faults, pass 1", "", || two_passes(bytes)[0].1 as f64);
    let faults2 = h.sample("page faults, pass 2", "", || two_passes(bytes)[1].1 as f64);
    println!("  {faults1:26}\n  {faults2:26}");
    // ANCHOR_END: main
}

#[cfg(not(unix))]
fn main() {
    harness::platform::needs(
        harness::platform::UNIX,
        "it counts the process's page faults with getrusage",
    )
}
