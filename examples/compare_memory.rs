//! Measures resident memory: what 100 waiting threads add to a process,
//! against a whole idle process. Every sample is a fresh child: this
//! program re-run with `--threads` (it starts the threads and prints what
//! they added) or with `--idle` (it waits, and the parent reads its size).
//! Linux only: reads /proc/PID/status and /proc/PID/smaps_rollup.

// Sizes depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick
// miri: skip measures memory in /proc/self/status, which Miri's isolation forbids

use harness::Harness;
use std::io::{self, BufRead, Read};
use std::process::{Command, Stdio};
use std::sync::Barrier;
use std::{env, thread};

#[cfg(target_os = "linux")]
use std::fs;

const THREADS: usize = 100;

/// The value in KiB of `field` (such as "VmRSS:") in a /proc file.
#[cfg(target_os = "linux")]
fn kib(path: &str, field: &str) -> Option<u64> {
    let text = fs::read_to_string(path).ok()?;
    let line = text.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Elsewhere there is no /proc: the example stops at its first reading.
#[cfg(not(target_os = "linux"))]
fn kib(_path: &str, _field: &str) -> Option<u64> {
    harness::platform::needs(
        harness::platform::LINUX,
        "it reads resident memory from /proc/PID/status and /proc/PID/smaps_rollup",
    )
}

fn main() -> io::Result<()> {
    match env::args().nth(1).as_deref() {
        Some("--threads") => return threads(),
        Some("--idle") => return idle(),
        _ => {}
    }
    let h = Harness::from_args("compare_memory");
    if kib("/proc/self/status", "VmRSS:").is_none() {
        println!("cannot read /proc/self/status: this measurement needs Linux");
        return Ok(());
    }
    let thread = h.sample("waiting thread, 100 at once", "KiB", || {
        let out = Command::new(env::current_exe().unwrap())
            .arg("--threads")
            .output();
        let out = out.expect("cannot run --threads");
        assert!(out.status.success(), "--threads failed");
        String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
    });
    let rss = h.sample("idle process, VmRSS", "KiB", || idle_child().unwrap().0);
    let pss = h.sample("idle process, Pss", "KiB", || idle_child().unwrap().1);
    println!("resident memory of one:");
    println!("  {thread:30}\n  {rss:30}\n  {pss:30}");
    println!("{}", pss.over(&thread, "idle process's Pss / one thread"));
    Ok(())
}

// ANCHOR: threads
/// The `--threads` child: starts `THREADS` threads that wait at a barrier,
/// and prints the KiB of resident memory each added while they all existed.
fn threads() -> io::Result<()> {
    let rss = || kib("/proc/self/status", "VmRSS:").ok_or(io::ErrorKind::NotFound);
    let before = rss()?;
    let (started, done) = (Barrier::new(THREADS + 1), Barrier::new(THREADS + 1));
    let during = thread::scope(|s| {
        for _ in 0..THREADS {
            s.spawn(|| (started.wait(), done.wait()));
        }
        started.wait(); // every thread is running now
        let during = rss();
        done.wait(); // let them finish
        during
    })?;
    println!("{}", during.saturating_sub(before) as f64 / THREADS as f64);
    Ok(())
}
// ANCHOR_END: threads

/// Starts an `--idle` child; returns its (VmRSS, Pss) in KiB.
fn idle_child() -> io::Result<(f64, f64)> {
    let mut child = Command::new(env::current_exe()?)
        .arg("--idle")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut ready = String::new(); // the child says "ready" once it runs main
    io::BufReader::new(child.stdout.take().unwrap()).read_line(&mut ready)?;
    let proc_dir = format!("/proc/{}", child.id());
    let rss = kib(&format!("{proc_dir}/status"), "VmRSS:").unwrap_or(0);
    let pss = kib(&format!("{proc_dir}/smaps_rollup"), "Pss:").unwrap_or(0);
    drop(child.stdin.take()); // end of input: the child exits
    assert!(child.wait()?.success() && ready == "ready\n");
    Ok((rss as f64, pss as f64))
}

/// The `--idle` child: says it is ready, then waits for the end of its input.
fn idle() -> io::Result<()> {
    println!("ready");
    io::stdin().read_to_end(&mut Vec::new()).map(drop)
}
