//! Measures resident memory: what 100 waiting threads add to this process,
//! against a whole idle child process (this program re-run with `--idle`).
//! Linux only: reads /proc/PID/status and /proc/PID/smaps_rollup.

// Sizes depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick
// miri: skip measures memory in /proc/self/status, which Miri's isolation forbids

use std::io::{self, BufRead, Read};
use std::process::{self, Command, Stdio};
use std::sync::Barrier;
use std::{fs, thread};

/// The value in KiB of `field` (such as "VmRSS:") in a /proc file.
fn kib(path: &str, field: &str) -> Option<u64> {
    let text = fs::read_to_string(path).ok()?;
    let line = text.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

// ANCHOR: main
fn main() -> io::Result<()> {
    let threads = match std::env::args().nth(1).as_deref() {
        Some("--idle") => return idle(),
        Some("--quick") => 20,
        None => 100,
        Some(arg) => {
            eprintln!("error: unexpected argument {arg:?}\nusage: compare_memory [--quick]");
            process::exit(2);
        }
    };
    let Some(before) = kib("/proc/self/status", "VmRSS:") else {
        println!("cannot read /proc/self/status: this measurement needs Linux");
        return Ok(());
    };
    let (started, done) = (Barrier::new(threads + 1), Barrier::new(threads + 1));
    let during = thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| (started.wait(), done.wait()));
        }
        started.wait(); // every thread is running now
        let during = kib("/proc/self/status", "VmRSS:");
        done.wait(); // let them finish
        during
    });
    let per_thread = during.unwrap_or(before).saturating_sub(before) as f64 / threads as f64;

    let me = std::env::current_exe()?;
    let mut child = Command::new(me)
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

    println!("{threads} waiting threads added {per_thread:.1} KiB resident each");
    println!("one idle child process: VmRSS {rss} KiB, Pss {pss} KiB");
    println!(
        "the child's Pss is {:.0} threads' worth",
        pss as f64 / per_thread.max(1.0)
    );
    Ok(())
}

/// The child: says it is ready, then waits for the end of its input.
fn idle() -> io::Result<()> {
    println!("ready");
    io::stdin().read_to_end(&mut Vec::new()).map(drop)
}
// ANCHOR_END: main
