//! Backpressure measured: a fast producer, a slow consumer, an unbounded and a bounded channel.

// Timings and memory depend on the machine; the book's run is a release build.
// output: release
// The tests run a short version: the harness's figures are masked, and the count.
// output: mask \d+ messages
// output: test-args --quick
// miri: skip measures memory in /proc/self/status, which Miri's isolation forbids

use harness::{Figure, Harness, Unit};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};
use std::{fs, hint, thread};

const MESSAGE: usize = 4096; // bytes per message
const BOUND: usize = 16;

/// Resident memory of this process in KiB (`VmRSS` in /proc/self/status), on Linux.
fn rss_kib() -> Option<i64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

// ANCHOR: run
/// What one run saw: the longest queue, how much the resident memory grew
/// while sending (if it can be read), and the total time.
struct Outcome {
    peak: usize,
    grown: Option<i64>,
    time: Duration,
}

/// Sends `count` messages through `send` as fast as it can, to a consumer
/// that needs 20 µs for each.
fn run(count: usize, send: impl Fn(Vec<u8>), rx: Receiver<Vec<u8>>) -> Outcome {
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
    Outcome {
        peak,
        grown,
        time: start.elapsed(),
    }
}
// ANCHOR_END: run

fn main() {
    let h = Harness::from_args("channels_backpressure");
    let count = if h.is_quick() { 200 } else { 5_000 };
    println!("each sample: {count} messages of {MESSAGE} bytes through each channel;");
    println!("the consumer needs 20 µs per message");
    // Each sample sends through both channels, so the ratio compares runs
    // made moments apart.
    let mut runs = Vec::new();
    // ANCHOR: main
    let queue_ratio = h.sample("longest queue, unbounded / bounded", "×", || {
        let (tx, rx) = mpsc::sync_channel(BOUND);
        let bounded = run(count, move |m| tx.send(m).unwrap(), rx);
        let (tx, rx) = mpsc::channel();
        let unbounded = run(count, move |m| tx.send(m).unwrap(), rx);
        let ratio = unbounded.peak as f64 / bounded.peak.max(1) as f64;
        runs.push([bounded, unbounded]);
        ratio
    });
    // ANCHOR_END: main
    runs.remove(0); // the harness's warm-up
    let memory = runs.iter().all(|r| r.iter().all(|o| o.grown.is_some()));
    for (i, name) in ["sync_channel(16)", "channel()"].into_iter().enumerate() {
        let print = |what, unit, of: &dyn Fn(&Outcome) -> f64| {
            let samples = runs.iter().map(|r| of(&r[i])).collect();
            println!(
                "  {:34}",
                Figure::new(&format!("{name}, {what}"), unit, samples)
            );
        };
        print("longest queue", Unit::Other(""), &|o| o.peak as f64);
        if memory {
            print("memory growth", Unit::Other("KiB"), &|o| {
                o.grown.unwrap().max(0) as f64
            });
        }
        print("time", Unit::Time, &|o| o.time.as_nanos() as f64);
    }
    println!("  {queue_ratio:34}");
    if !memory {
        println!("memory growth: not measured (no /proc/self/status on this system)");
    }
}
