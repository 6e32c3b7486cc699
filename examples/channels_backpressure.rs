//! Backpressure measured: a fast producer, a slow consumer, an unbounded and a bounded channel.

// Timings and memory depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick
// miri: skip measures memory in /proc/self/status, which Miri's isolation forbids

use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};
use std::{env, fs, hint, process, thread};

const MESSAGE: usize = 4096; // bytes per message
const BOUND: usize = 16;

/// Resident memory of this process in KiB (`VmRSS` in /proc/self/status), on Linux.
fn rss_kib() -> Option<i64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

// ANCHOR: run
/// Sends `count` messages through `send` as fast as it can, to a consumer
/// that needs 20 µs for each. Returns the longest queue seen, how much the
/// resident memory grew while sending, and the total time.
fn run(
    count: usize,
    send: impl Fn(Vec<u8>),
    rx: Receiver<Vec<u8>>,
) -> (usize, Option<i64>, Duration) {
    let received = AtomicUsize::new(0);
    let before = rss_kib();
    let start = Instant::now();
    let (peak, grown) = thread::scope(|s| {
        s.spawn(|| {
            for message in rx {
                let until = Instant::now() + Duration::from_micros(20);
                while Instant::now() < until {
                    hint::black_box(&message); // the slow consumer's "work"
                }
                received.fetch_add(1, Relaxed);
            }
        });
        let mut peak = 0;
        for sent in 1..=count {
            send(vec![sent as u8 | 1; MESSAGE]);
            peak = peak.max(sent - received.load(Relaxed));
        }
        let grown = rss_kib().zip(before).map(|(now, then)| now - then);
        drop(send); // hang up, so the consumer's loop ends and the scope can join it
        (peak, grown)
    });
    (peak, grown, start.elapsed())
}
// ANCHOR_END: run

// ANCHOR: main
fn main() {
    let count = match env::args().nth(1).as_deref() {
        None => 20_000,
        Some("--quick") => 1_000,
        Some(other) => {
            eprintln!("error: unknown argument {other:?}\nusage: channels_backpressure [--quick]");
            process::exit(2);
        }
    };
    println!("{count} messages of {MESSAGE} bytes; the consumer needs 20 µs per message");
    let (tx, rx) = mpsc::sync_channel(BOUND);
    let bounded = run(count, move |m| tx.send(m).unwrap(), rx);
    let (tx, rx) = mpsc::channel();
    let unbounded = run(count, move |m| tx.send(m).unwrap(), rx);

    for (name, (peak, grown, time)) in [("sync_channel(16)", bounded), ("channel()", unbounded)] {
        let memory = grown.map_or("n/a".into(), |kib| format!("{} KiB", kib.max(0)));
        println!("  {name:<17} longest queue {peak}, memory grew by {memory}, took {time:.2?}");
    }
    let queue_ratio = unbounded.0 as f64 / bounded.0.max(1) as f64;
    println!("longest queue, unbounded / bounded: {queue_ratio:.0}x");
    match (bounded.1, unbounded.1) {
        (Some(b), Some(u)) => println!(
            "memory growth, unbounded / bounded: {:.0}x",
            u as f64 / b.max(4) as f64
        ),
        _ => println!("memory growth: not measured (no /proc/self/status on this system)"),
    }
}
// ANCHOR_END: main
